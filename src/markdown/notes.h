/* notes.h — footnote labels for the Markdown edition.
 *
 * A GFM footnote label must be unique in the document, while AKN markers
 * restart (an annex has its own footnote 1).  The label is the marker itself
 * ("1", "*") for its first use in the document, which is what a reader and
 * a UN-document normaliser expect; a later note with the same marker gets
 * "SCOPE-MARKER", SCOPE being the note's eId prefix ("annex_1-1" for
 * annex_1__authorialNote_1), so the marker stays the text after the last
 * "-".  Characters cmark-gfm does not accept in a label (space, brackets,
 * backslash, caret) become "_". */
#ifndef UNPRESS_MARKDOWN_NOTES_H
#define UNPRESS_MARKDOWN_NOTES_H

#include <libxml/tree.h>

/* Give every authorialNote under root a label, stored in the node's
 * _private field (a malloc'd string).  Returns the number of notes. */
size_t md_notes_label(xmlNodePtr root);

/* The label assigned by md_notes_label, or NULL. */
const char *md_note_label(xmlNodePtr note);

/* Free the labels and clear _private again. */
void md_notes_free(xmlNodePtr root);

#endif
