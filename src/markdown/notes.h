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

/* The labels handed out so far in one document: a hash set (open
 * addressing), since a hostile or merely huge document can hold tens of
 * thousands of notes.  It owns the label strings. */
struct label_slot {
	char *key;
	int next;	/* the next number to try when key is a ".N-" base */
};
struct md_labels {
	struct label_slot *v;
	size_t n, cap;	/* cap is a power of two, kept at most half full */
};

/* Give every authorialNote under root a label, stored in the node's
 * _private field (owned by labels); the parts of a document are labelled
 * in document order, each once.  Returns the number of notes labelled. */
size_t md_notes_label(struct md_labels *labels, xmlNodePtr root);

/* The label assigned by md_notes_label, or NULL. */
const char *md_note_label(xmlNodePtr note);

/* Clear _private again under root (a tree other editions read after). */
void md_notes_forget(xmlNodePtr root);

/* Free every label. */
void md_labels_free(struct md_labels *labels);

#endif
