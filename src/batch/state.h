/* state.h — incremental rebuilds.  For each input the output folder keeps
 * OUT/.unpress/doc-<hash of the input's real path>: the key the outputs were
 * made from and the slug they were written under.  The key is a content hash
 * of the input, its sidecar NAME.meta, the program itself, the templates and
 * styles, and the options that change output bytes; a document is converted
 * again only when its key changed or one of its outputs is missing.  Content,
 * not mtimes: `touch` alone rebuilds nothing, and outputs collected from
 * other machines (the map step) keep their state. */
#ifndef UNPRESS_STATE_H
#define UNPRESS_STATE_H
#include <stdbool.h>
#include <stdint.h>

#include "options.h"

#define STATE_DIR ".unpress"

/* The program's bytes, DATA/templates and DATA/styles: what every output
 * depends on besides its own inputs. */
uint64_t state_program_hash(const char *data_dir);
/* What every document's key shares: the program's bytes, DATA/templates and
 * DATA/styles, the editions asked for and SOURCE_DATE_EPOCH when set. */
uint64_t state_tool_hash(const struct options *opts);
/* The key of one input: tool + the input's bytes + its sidecar's.  0 when the
 * input cannot be read (the conversion will report why). */
uint64_t state_input_key(uint64_t tool, const char *input);
/* True when OUT holds every requested output of input, made from key (its
 * slug is copied to slug_out); the
 * warnings that conversion reported are counted in *warnings and, unless
 * opts asks for quiet, printed again (a warning stays visible until fixed). */
bool state_is_current(const struct options *opts, const char *input, uint64_t key,
		      unsigned *warnings, char *slug_out, size_t slug_size);
/* Remember that input's outputs (under slug) were made from key, with the
 * warnings (text as printed, may be NULL) the conversion reported. */
int state_record(const struct options *opts, const char *input, uint64_t key,
		 const char *slug, unsigned warnings, const char *warning_text);
/* Forget input's state: it is converted again next time. */
void state_forget(const struct options *opts, const char *input);
#endif
