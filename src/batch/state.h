/* state.h — incremental rebuilds.  For each input the output folder keeps
 * OUT/.unpress/doc-<hash of the input's real path>: the key the outputs were
 * made from and the slug they were written under.  The key is a content hash
 * of the input, its sidecar NAME.meta, the program itself, the templates and
 * styles, and the options that change output bytes; a document is converted
 * again only when its key changed or one of its outputs is missing.  Content,
 * not mtimes: `touch` alone rebuilds nothing, and outputs collected from
 * other machines (the map step) keep their state.  Mtimes only spare the
 * reading: see struct state_key. */
#ifndef UNPRESS_STATE_H
#define UNPRESS_STATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "batch/options.h"

#include "util/outname.h"

/* What every document's key shares: the program's bytes, DATA/templates and
 * DATA/styles, the editions asked for and SOURCE_DATE_EPOCH when set. */
uint64_t state_tool_hash(const struct options *opts);

/* A key as taken for one input, with what the input and its sidecar were
 * (size, mtime, inode, ctime) when it was taken.  The state file records
 * both, so that the next run can trust the key without reading the input
 * while neither file changed: the stat fast path.  An identity is "-" when
 * it cannot be trusted (a file changed within the clock tick it was read
 * in: a later edit in that tick would keep its mtime). */
struct state_key {
	bool taken;		/* key and identities are set */
	uint64_t tool, key;	/* key 0: the input cannot be read */
	char input_id[96], meta_id[96];
};
/* Take input's key now (stat, then hash). */
void state_take_key(uint64_t tool, const char *input, struct state_key *k);
/* True when OUT holds every requested output of input, made from its
 * current key (its slug is copied to slug_out).  The key comes from the
 * state file when the input and its sidecar have the recorded identity and
 * that identity is older than the state file (git's "racy" rule), else it
 * is taken by hashing into *k (and an unchanged key with a new identity,
 * after a `touch`, is recorded so the next run need not hash again).  With
 * no usable state file *k is left not taken: the conversion takes it.  The
 * warnings that conversion reported are counted in *warnings and, unless
 * opts asks for quiet, printed again (a warning stays visible until fixed). */
bool state_is_current(const struct options *opts, const char *input, uint64_t tool,
		      struct state_key *k, unsigned *warnings, char *slug_out, size_t slug_size);
/* Remember that input's outputs (under slug) were made from key k, with
 * the warnings (text as printed, may be NULL) the conversion reported. */
int state_record(const struct options *opts, const char *input, const struct state_key *k,
		 const char *slug, unsigned warnings, const char *warning_text);
/* Forget input's state: it is converted again next time. */
void state_forget(const struct options *opts, const char *input);

/* The name of input's state file in OUT/STATE_DIR: "doc-" and 16 hex
 * digits of a hash of its real path (so another path to the same file,
 * through a link or "..", names the same state). */
#define STATE_NAME_SIZE 21
void state_name(const char *input, char name[STATE_NAME_SIZE]);
/* Is name (in OUT/STATE_DIR) one that state_name makes? */
bool state_is_name(const char *name);
/* The slug the state file at path records, in any format this program has
 * written; false when the file is absent, not ours, or its slug is not one
 * file name (it names the files in OUT). */
bool state_recorded_slug(const char *path, char *slug, size_t size);
#endif
