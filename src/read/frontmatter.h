/* read/frontmatter.h — YAML front matter at the start of an input (the
 * Markdown edition writes one: title, symbol, date, lang, dir).  It is
 * metadata for other programs, not the document's text: reading a
 * Markdown edition back, unpress blanks it before ingest. */
#ifndef UNPRESS_FRONTMATTER_H
#define UNPRESS_FRONTMATTER_H

#include <stddef.h>

struct diag;

/* If text opens with front matter — a "---" line, at most 64 lines each
 * "key: value", then a "---" line — overwrite it with spaces (newlines
 * kept, so every later line keeps its number) and return its length in
 * bytes; else change nothing and return 0. */
size_t frontmatter_blank(char *text, size_t len, struct diag *diag);

#endif
