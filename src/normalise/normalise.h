/* normalise.h — the passes, in the order they run.  Each pass is one file
 * with one entry point; it rewrites doc->blocks and reports every repair at
 * its source line (diag_note) and every loss (diag_warn). */
#ifndef UNPRESS_NORMALISE_H
#define UNPRESS_NORMALISE_H
#include "doc/document.h"

void pass_text(struct document *doc);	/* homoglyphs, spaces, stray marks */
void pass_furniture(struct document *doc);	/* page footers/headers, breaks, contents list */
void pass_metadata(struct document *doc);	/* cover lines → doc->meta */
void pass_footnotes(struct document *doc);	/* definitions and references → notes */
void pass_joins(struct document *doc);	/* paragraphs split by pages and notes */
void pass_words(struct document *doc);	/* words split by stray spaces */
void pass_headings(struct document *doc);	/* hierarchy from the numbering */
void pass_letters(struct document *doc);	/* signatures */
void pass_numbering(struct document *doc);	/* numbered paragraphs, lettered points */
void pass_resolutions(struct document *doc);	/* formula, preamble, operative */
void pass_symbols(struct document *doc);	/* document symbols → references */
void pass_identity(struct document *doc);	/* sidecar, file name, slug, type */
void pass_damage(struct document *doc);	/* warnings where the structure looks wrong */

/* Runs every pass in order. */
void normalise(struct document *doc);
#endif
