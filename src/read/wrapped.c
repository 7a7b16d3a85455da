/* wrapped.c — the reading room for line-wrapped text: the page model
 * (pages.c), its footnote blocks (notes.c), its lines into paragraphs
 * (paragraphs.c).  The blocks it leaves look like those cmark-gfm leaves
 * for a paragraph-per-line text, so the normalising passes that follow
 * need not know which reader made them. */
#include "read/wrapped.h"

#include "read/notes.h"
#include "read/pages.h"
#include "read/paragraphs.h"

int read_wrapped(struct document *doc, enum text_layout layout)
{
	struct pagemodel pm;
	pages_read(&pm, doc, layout);
	struct page_notes notes;
	notes_read(&pm, &notes);
	paragraphs_emit(&pm, &notes);
	return 0;
}
