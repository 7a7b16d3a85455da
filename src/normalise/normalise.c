/* normalise.c — the order of the passes, and why:
 * text first (homoglyphs must be fixed before anything matches "В." as a
 * section); furniture before footnotes (a footer sits between a note and the
 * text it interrupts); metadata takes the cover lines before footnotes so
 * the cover's "*" note is found; footnotes before joins (joins must see the
 * note blocks gone to glue the halves of a paragraph); headings and
 * numbering on joined blocks; resolutions needs the numbering; symbols last
 * so references are found in final text; identity decides the slug;
 * damage looks at the finished structure for what went wrong unnoticed. */
#include "normalise/normalise.h"

#include <stdio.h>
#include <stdlib.h>

/* UNPRESS_DEBUG_BLOCKS=1 prints the block list after each pass (for
 * developers tracing what a pass did). */
static void dump_blocks(struct document *doc, const char *after)
{
	if (!getenv("UNPRESS_DEBUG_BLOCKS"))
		return;
	fprintf(stderr, "--- after %s\n", after);
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		fprintf(stderr, "%4d k%d r%2d num=%s |", b->line, b->kind, b->role, b->num ? b->num : "-");
		for (const char *p = b->text ? b->text : ""; *p && p - b->text < 90; p++)
			fputc((unsigned char)*p < 0x20 ? '^' : *p, stderr);
		fputc('\n', stderr);
	}
}

void normalise(struct document *doc)
{
	dump_blocks(doc, "ingest");
	pass_text(doc);
	pass_furniture(doc);
	pass_metadata(doc);
	pass_footnotes(doc);
	pass_joins(doc);
	pass_words(doc);
	pass_headings(doc);
	pass_letters(doc);
	pass_numbering(doc);
	pass_resolutions(doc);
	pass_symbols(doc);
	pass_identity(doc);
	pass_damage(doc);
	dump_blocks(doc, "all passes");
}
