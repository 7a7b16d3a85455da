/* normalise.c — the order of the passes, and why:
 * text first (homoglyphs must be fixed before anything matches "В." as a
 * section); furniture before footnotes (a footer sits between a note and the
 * text it interrupts); metadata takes the cover lines before footnotes so
 * the cover's "*" note is found; footnotes before joins (joins must see the
 * note blocks gone to glue the halves of a paragraph); headings and
 * numbering on joined blocks; resolutions needs the numbering; symbols last
 * so references are found in final text; identity decides the slug. */
#include "normalise.h"

void normalise(struct document *doc)
{
	pass_text(doc);
	pass_furniture(doc);
	pass_metadata(doc);
	pass_footnotes(doc);
	pass_joins(doc);
	pass_headings(doc);
	pass_numbering(doc);
	pass_resolutions(doc);
	pass_symbols(doc);
	pass_identity(doc);
}
