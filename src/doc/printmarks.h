/* printmarks.h — the marks a UN printed page carries that are not text:
 * job numbers, page numbers, print dates, barcodes, the recycling mark and
 * the footnote rule, recognised on one line at a time.  Shared by the page
 * model (src/read/pages.c) and the furniture pass of paragraph-per-line
 * text (src/normalise/furniture.c). */
#ifndef UNPRESS_READ_PRINTMARKS_H
#define UNPRESS_READ_PRINTMARKS_H
#include <stdbool.h>
#include <stddef.h>

/* "V.23-01234", "15-01234", "15-01234 (E)" at s: a UN job number (two
 * digits of year, a dash, four to six digits; Vienna's prefixed "V."),
 * optionally with its edition's language in parentheses.  Its length, 0 if
 * none. */
size_t pm_job_number(const char *s);

/* The job number a footer line (one pm_line_kind calls a "job number"
 * or "page footer") carries, and its length; NULL if none. */
const char *pm_job_number_in(const char *line, size_t *len);

/* "3/56" at s (also "49/5 6", a footer the extractor broke, when broken is
 * set): its length, 0 if none. */
size_t pm_page_of_pages(const char *s, bool broken);

/* Is this one line (trimmed, markup stripped) a printed mark?  Returns its
 * kind for diagnostics ("job number", "page footer", "page number",
 * "barcode", "recycling mark", "footnote rule"), or NULL. */
const char *pm_line_kind(const char *line);

/* The print date stamped beside the job number on a first page: five or
 * six digits alone ("050127", or "21226" for 2 December 2026). */
bool pm_is_print_stamp(const char *s, size_t n);

#endif
