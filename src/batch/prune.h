/* prune.h — --prune: the outputs of documents whose input is gone.
 *
 * The output folder knows the documents it holds by their state files
 * (state.h): OUT/.unpress/doc-<hash of the input's real path>, each naming
 * the slug its outputs were written under.  A state file that no input of
 * this run owns belongs to an input that was deleted or renamed, or only
 * not given this time: --prune is for a run over the whole collection, and
 * the map step, which converts subsets into one folder, must not ask for it.
 * Its document's files go (OUT/SLUG.{manifest.xml,xml,html,md,pdf} and
 * OUT/.unpress/units/SLUG), then the state file, so that the site, built
 * next, no longer lists the document.  Two exceptions keep files:
 *   - a slug that an input of this run publishes under stays (a renamed
 *     input keeps its symbol, and so its slug): only the old state goes;
 *   - while an input of this run failed before its slug was known, no
 *     document's files go: it may be the one that published them.
 * The same holds for a slug an input of this run published under before
 * and no longer does (its symbol was edited): its state now names the new
 * slug, and the old files are those of a document that is gone.
 * Nothing that no state file names is touched. */
#ifndef UNPRESS_PRUNE_H
#define UNPRESS_PRUNE_H
#include <stddef.h>

#include "util/diag.h"

struct prune;

/* Before the batch: the state files in out_dir. */
struct prune *prune_look(const char *out_dir);
/* Before the batch converts input (and rewrites its state): remember the
 * slug its state records now, to remove its files should it publish under
 * another one. */
void prune_before_converting(struct prune *p, const char *input);
/* After the batch, in which inputs[i] published under slugs[i] ("" when its
 * conversion stopped before the slug was known): remove what the
 * documents that are gone left in OUT.  Each removal is said on stderr
 * ("unpress: removed SLUG (its input is gone)") unless verbosity is 0; a
 * file that cannot be removed is a warning in diag, and its document's
 * state is kept so that the next --prune tries again.  Returns how many
 * documents were removed. */
unsigned prune_gone(struct prune *p, char *const *inputs, const char *const *slugs, size_t ninputs,
		    int verbosity, struct diag *diag);
void prune_free(struct prune *p);
#endif
