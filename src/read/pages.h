/* pages.h — the page model of line-wrapped text (DESIGN §2b).
 *
 * pdftotext writes one line per printed line and a form feed per page.
 * Before its lines can become paragraphs, each page is read as what it was:
 * a running head, the body, the footnote block under its rule, and the
 * footer; the first page has its cover too.  The model keeps every line of
 * the source with what it was found to be and why, so that the reader can
 * say which lines it removed (-v) and the passes after it see only text. */
#ifndef UNPRESS_READ_PAGES_H
#define UNPRESS_READ_PAGES_H
#include <stdbool.h>
#include <stddef.h>
#include "doc/document.h"

enum pline_kind {
	PL_TEXT,	/* body text (the cover's lines included) */
	PL_BLANK,
	PL_FURNITURE,	/* running head, footer, job number, barcode, print date */
	PL_RULE,	/* the rule above a page's footnotes */
	PL_NOTE,	/* in a page's footnote block */
};

struct pline {
	const char *s;		/* the line, trimmed (not NUL-terminated); may be
				 * replaced by a rewritten copy (note markers) */
	unsigned len;
	unsigned width;		/* in characters */
	unsigned ems;		/* its printed width guessed from its letters, in
				 * thousandths of an em (pages_ems) */
	unsigned indent;	/* leading spaces, as pdftotext -layout kept them */
	int lineno;		/* 1-based source line */
	int page;		/* 0-based */
	enum pline_kind kind;
	const char *why;	/* furniture: what it was, for the diagnostic */
	bool lost_hyphen;	/* a footer glued to its end took the place of a
				 * line-end hyphen ("forward2/5" … "looking") */
};

struct page {
	size_t first, end;	/* its lines: [first, end) */
	size_t rule;		/* the footnote rule's line, or end */
};

struct pagemodel {
	struct document *doc;
	enum text_layout layout;
	struct pline *lines;
	size_t nlines, cap_lines;
	struct page *pages;
	size_t npages;
	unsigned measure;	/* a full line's width: the 90th percentile of the body's */
	unsigned measure_ems;	/* the same in thousandths of an em */
	const char *symbol;	/* the symbol the first page prints alone, or NULL */
};

/* Split doc->source into lines and pages, then find what each line is:
 * furniture (by its form, by its place at a page's head or foot and by
 * repetition across pages), the footnote rule and the block under it. */
void pages_read(struct pagemodel *pm, struct document *doc, enum text_layout layout);


/* "12 Ibid., annex.": a footnote's number and text on one line.  Returns
 * the length of the number and its space (0 if the line is not such a
 * note) and sets *value. */
unsigned pages_note_start(const struct pline *l, int *value);

/* Width of s[0..n) in characters. */
unsigned pages_width(const char *s, size_t n);

/* Width of s[0..n) as printed, guessed from its letters: the sum of each
 * one's advance in Times New Roman (the UN's face; Liberation Serif has
 * the same metrics), in thousandths of an em. */
unsigned pages_ems(const char *s, size_t n);
#endif
