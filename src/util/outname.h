/* util/outname.h — the one place that decides the names of output files.
 *
 * A document publishes as OUT/SLUG.xml, .html, .md, .pdf and
 * .manifest.xml, and the site beside them has names of its own (index,
 * search, sitemap, a cited-… page per outside symbol, search/, .unpress/).
 * Every slug, wherever it comes from (the document's symbol or file name,
 * a sidecar, an XML given to `unpress render`, a manifest or state file
 * read back from OUT), is checked here before anything is written or
 * removed under it, so that no document replaces another's page or
 * reaches outside OUT. */
#ifndef UNPRESS_OUTNAME_H
#define UNPRESS_OUTNAME_H
#include <limits.h>
#include <stddef.h>

/* The longest a slug may be: a file name holds NAME_MAX bytes, and the
 * longest name a slug gets is SLUG.manifest.xml.tmpXXXXXX (atomic.c). */
#define OUTNAME_SLUG_MAX (NAME_MAX - sizeof ".manifest.xml.tmpXXXXXX" + 1)

/* Why slug cannot name a document's files (a phrase to follow "it
 * would publish as \"SLUG\", which"), or NULL when it can. */
const char *outname_refusal(const char *slug);

/* The slug of a document symbol: "CTOC/COP/2022/9" → "CTOC-COP-2022-9";
 * each byte outside [A-Za-z0-9._-] becomes '-', and those that would
 * open it ('-', '.') go.  The caller frees it. */
char *outname_of_symbol(const char *symbol);

/* The slug of an input's file name, without folder and extension
 * ("input/x.txt" → "x"; "-", standard input, → "stdin"); bytes outside
 * [A-Za-z0-9._-] become '-', and a name that would be hidden or empty
 * gets "doc" before it.  The caller frees it. */
char *outname_of_file(const char *path);

/* The page of an outside symbol: "cited-" + the symbol with '/' as '_'
 * and other bytes outside [A-Za-z0-9.-] as '-' + ".html"; a symbol too
 * long for a file name is cut and ends in a hash of the whole, so that it
 * stays one page of its own.  The caller frees it. */
char *outname_cited_page(const char *symbol);

/* The folder in OUT where unpress keeps its records: each input's state
 * (batch/state.h), the site's stamps, index and search units (site/). */
#define STATE_DIR ".unpress"

#endif
