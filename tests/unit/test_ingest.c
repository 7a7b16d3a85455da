/* tests/unit/test_ingest.c — src/read/ingest.c's windows: a long input
 * parsed by cmark-gfm a window at a time (each tree freed before the next)
 * gives the blocks, lines and messages of one parse of the whole input,
 * whatever the window (UNPRESS_CMARK_WINDOW bytes; 1: a window ends at
 * every place one may). */
#include <stdlib.h>
#include <string.h>

#include "read/ingest.h"
#include "util/buf.h"
#include "unit.h"

/* The blocks and messages of text read with the given window ("0": the
 * whole input at once). */
static const char *read_with(const char *text, const char *window)
{
	setenv("UNPRESS_CMARK_WINDOW", window, 1);
	struct unit_doc u;
	struct document *doc = unit_doc(&u);
	unit_source(doc, text);
	ingest(doc);
	struct buf b = BUF_INIT;
	buf_puts(&b, unit_blocks(doc));
	for (size_t i = 0; i < doc->blocks.len; i++)
		buf_printf(&b, "line %d-%d\n", DOC_BLOCK(doc, i)->line, DOC_BLOCK(doc, i)->end_line);
	buf_puts(&b, unit_said(&u));
	const char *out = arena_strndup(unit_arena, buf_cstr(&b), b.len);
	buf_free(&b);
	unit_doc_free(&u);
	unsetenv("UNPRESS_CMARK_WINDOW");
	return out;
}

static void same_blocks(const char *name, const char *text)
{
	const char *whole = read_with(text, "0");
	static const char *const windows[] = {"1", "7", "64", "300", "5000"};
	for (size_t i = 0; i < sizeof windows / sizeof windows[0]; i++)
		CHECK_LINES(unit_fmt("%s, windows of %s bytes: the blocks of the whole parse", name, windows[i]),
			    unit_fmt("%zu bytes", strlen(text)), whole, read_with(text, windows[i]));
}

int main(void)
{
	unit_begin("ingest");
	struct buf t = BUF_INIT;

	/* numbered paragraphs and their notes, no blank line: one list */
	buf_puts(&t, "Report\n\n");
	for (int i = 1; i <= 40; i++)
		buf_printf(&t, "%d. Item %d of the report.<sup>%d</sup>\n<sup>%d</sup> See A/RES/76/%d.\n", i, i, i, i,
			   i);
	same_blocks("paragraphs and notes without blank lines", buf_cstr(&t));

	/* every kind of block, some across blank lines a window may end at */
	buf_clear(&t);
	for (int i = 1; i <= 6; i++) {
		buf_printf(&t, "# Chapter %d\n\nA paragraph of\ntwo lines, *emphasis* and [a link](https://x.org/%d).\n\n", i,
			   i);
		buf_puts(&t, "A setext heading\n================\n\nText\n2. is no list: lazy text\n\n");
		buf_puts(&t, "- a bullet\n- another,\n  continued\n\n  its second paragraph\n    - nested\n- last\n\n");
		buf_puts(&t, "3) an item\n4) another\n\n10. ten\n11. eleven\n\n1.\n\n   The number alone on its line.\n\n");
		buf_puts(&t, "> a quote\nlazy line\n>\n> - in it\n\n");
		buf_puts(&t, "```\n1. not a list\n\n# not a heading\n```\n\n    indented code\n\n    more\n\n");
		buf_puts(&t, "<!-- a comment\n\n1. across a blank line -->\n\n<div>\n2. html\n</div>\n\n");
		buf_puts(&t, "| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n***\n\n");
		buf_puts(&t, "Text before a page\n\fAfter the form feed\n\n");
		buf_puts(&t, "![an image](x.png) dropped\n\n\xe2\x80\xa2 a bullet character\n\n");
	}
	same_blocks("headings, lists, quotes, code, HTML, tables, breaks", buf_cstr(&t));

	/* blocks that take the lines before them with no blank line between:
	 * a table's header row, a setext heading over several lines, lazy
	 * continuation; a window must not end before them */
	buf_clear(&t);
	for (int i = 1; i <= 30; i++) {
		buf_printf(&t, "Contents\n\t\tPage\nI.\tIntroduction %d\nand the rest of it\n", i);
		buf_puts(&t, "| Camp | Missions | Hours |\n|---|---|---|\n| Gao | 2 | 8 |\n");
		buf_puts(&t, "A heading of\ntwo lines\n---\nText going on\n> quoted\nlazily\n");
	}
	same_blocks("tables, setext headings and lazy lines with no blank line before", buf_cstr(&t));

	/* a table made from a paragraph's last line, after a blank line: the
	 * table starts on the paragraph's first line, and what is left of the
	 * paragraph before it has no position */
	buf_clear(&t);
	for (int i = 1; i <= 30; i++)
		buf_printf(&t, "%d. Paragraph %d.\n\n| Camp <b>%d</b>\nArea | Missions | Hours |\n|---|---|---|\n"
			   "| Gao | 2 | 8 |\n\n", i, i, i);
	same_blocks("a table under the first line of a paragraph", buf_cstr(&t));

	/* one block with no place to end a window: the window grows */
	buf_clear(&t);
	for (int i = 0; i < 200; i++)
		buf_printf(&t, "word %d of one long paragraph\n", i);
	same_blocks("one long paragraph", buf_cstr(&t));

	buf_free(&t);
	return unit_end();
}
