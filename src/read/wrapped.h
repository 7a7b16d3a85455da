/* wrapped.h — line-wrapped text (pdftotext) into the document's blocks. */
#ifndef UNPRESS_READ_WRAPPED_H
#define UNPRESS_READ_WRAPPED_H
#include "doc/document.h"

/* Read doc->source, whose layout was found to be line-wrapped (or
 * columns), as printed pages: furniture out, footnotes paired with their
 * markers, lines joined into paragraphs.  Appends the blocks; returns 0. */
int read_wrapped(struct document *doc, enum text_layout layout);
#endif
