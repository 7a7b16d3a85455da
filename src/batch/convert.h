/* batch/convert.h — one document through the whole pipeline. */
#ifndef UNPRESS_CONVERT_H
#define UNPRESS_CONVERT_H
#include <libxml/tree.h>
#include "doc/document.h"
#include "batch/options.h"

/* What a conversion reports to the batch driver (batch/jobs.c): the slug its
 * outputs were written under and how many warnings and errors it saw. */
struct convert_report {
	char slug[256];
	char slug_from[16];	/* what named it: "text", "sidecar", "file name", "XML" */
	unsigned warnings, errors;
	const char *input;
	char *warning_text;	/* the warnings as printed, for the state file to
				 * replay when the document is up to date (heap;
				 * the caller frees it) */
	size_t warning_len, warning_cap;	/* of warning_text, which grows by doubling */
	unsigned warnings_kept, warnings_dropped;	/* in warning_text; past its first 1,000 */
};
/* Convert the input at path, writing the requested editions into
 * opts->out_dir; returns 0, 1 (warnings under --werror) or a sysexits
 * code.  What it saw goes into *report when not NULL. */
int convert_file_report(const char *path, const struct options *opts, struct convert_report *report);
/* Render an existing AKN file (the `unpress render` command), the same. */
int render_file_report(const char *path, const struct options *opts, struct convert_report *report);
/* Text → normalised document → XML tree, for tests and fuzzing.  The
 * document must be initialised with document_init and freed by the caller
 * (doc/document.h). */
int document_load_text(struct document *doc, const char *bytes, size_t len);
xmlDocPtr document_to_akn(struct document *doc);
#endif
