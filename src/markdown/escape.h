/* escape.h — the minimal escaping that keeps text literal in GitHub
 * Flavored Markdown (as cmark-gfm parses it with the table, strikethrough
 * and autolink extensions and footnotes on).  Escapes only what would
 * otherwise be read as markup, so ordinary prose stays free of "\*" noise. */
#ifndef UNPRESS_MARKDOWN_ESCAPE_H
#define UNPRESS_MARKDOWN_ESCAPE_H

#include <stddef.h>

#include "util/buf.h"

/* Append text s (UTF-8) to b, collapsing every run of whitespace into one
 * space and escaping the inline specials: * ` [ ] ~ \ always; _ at a word
 * boundary (intraword _ is literal in GFM); < before a tag-like character;
 * & before something entity-like. */
void md_escape_inline(struct buf *b, const char *s);

/* Append a link destination, escaping what would end or break it. */
void md_escape_url(struct buf *b, const char *url);

/* Escape the start of a block whose rendered text is line (NUL-terminated),
 * appending the result to b: a leading "9." or "9)" would open an ordered
 * list, "#" a heading, "-", "+" or ">" a list or quote. */
void md_escape_block_start(struct buf *b, const char *line);


#endif
