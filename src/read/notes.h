/* notes.h — a page's footnote block, paired with the markers in its body. */
#ifndef UNPRESS_READ_NOTES_H
#define UNPRESS_READ_NOTES_H
#include <stddef.h>
#include "read/pages.h"

/* One footnote as the page printed it. */
struct page_note {
	char marker[8];		/* "12", "*" */
	char *text;		/* its lines joined, or NULL when the text was lost */
	int line;		/* source line of its text (of its number if lost) */
	int page;
	bool referenced;	/* its marker was found in the page's body */
};

struct page_notes {
	struct page_note *notes;	/* in document order */
	size_t len;
	size_t *page_first;		/* notes of page p: [page_first[p], page_first[p + 1]) */
};

/* Read every page's footnote block, pair each note with its number and
 * find its marker in the body of its page; the markers found are rewritten
 * in the lines as MK_SUP superscripts (the footnotes pass then links them).
 * What cannot be paired is warned about. */
void notes_read(struct pagemodel *pm, struct page_notes *out);
#endif
