/* paragraphs.h — the page model's body lines joined into paragraphs. */
#ifndef UNPRESS_READ_PARAGRAPHS_H
#define UNPRESS_READ_PARAGRAPHS_H
#include "read/notes.h"
#include "read/pages.h"

/* Join the body lines of pm into paragraphs and append them to the
 * document as blocks, each page's footnote definitions (from notes) after
 * the paragraph that finished the page.  Every decision that is not plain
 * running text is a note (-v) with its evidence. */
void paragraphs_emit(struct pagemodel *pm, struct page_notes *notes);
#endif
