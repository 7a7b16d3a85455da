/* letters.c — who signed a letter.
 *
 * UN letters and notes verbales close with "(Signed) Name" and, on the
 * line under it, the signer's office ("Permanent Representative of
 * Ireland to the United Nations"); a letter from several has one such
 * pair per signer.  Both lines are the signature (AKN <signature>), not
 * body text, and the office is no heading, however short. */
#include <string.h>

#include "normalise/normalise.h"
#include "doc/markup.h"

void pass_letters(struct document *doc)
{
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if ((b->role != ROLE_BODY && b->role != ROLE_CROSSHEADING) || !b->text || b->num)
			continue;
		char scratch[64];
		if (!starts_with(text_plain_scratch(scratch, sizeof scratch, b->text), "(Signed)"))
			continue;
		b->role = ROLE_SIGNATURE;
		diag_note(doc->diag, b->line, "letters", "a signature");
		/* the office under the name: a short line, not a sentence */
		for (size_t j = i + 1; j < doc->blocks.len; j++) {
			struct block *n = DOC_BLOCK(doc, j);
			if (n->role == ROLE_DROPPED || n->role == ROLE_FOOTNOTE_DEF)
				continue;
			if ((n->role == ROLE_BODY || n->role == ROLE_CROSSHEADING) && n->text && !n->num &&
			    strlen(n->text) < 160 && text_last_char(n->text) != '.' &&
			    !starts_with(text_plain_scratch(scratch, sizeof scratch, n->text), "(Signed)")) {
				n->role = ROLE_SIGNATURE;
				i = j;
			}
			break;
		}
	}
}
