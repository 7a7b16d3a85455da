/* plan.c — the measures of the laid-out blocks and notes (pdfint.h's
 * struct pdf_plan): what pagination reads, what the contents list and
 * the outline need of a heading afterwards, and the counts the structure
 * budget weighs. */
#include <stdlib.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/xmalloc.h"

/* The structure elements, links and named destinations drawing b makes
 * (draw.c): its tag, its number's Lbl, a destination, each link, and for
 * each note reference its link and its destination ("fnref_"); a note
 * adds its marker's link back.  cairo holds every one of them until the
 * document ends. */
static size_t tags_of(const struct pdf_block *b)
{
	size_t n = 1 + (b->num != NULL) + (b->dest != NULL) + (size_t)b->rich.nlinks + 2 * (size_t)b->rich.nrefs;
	if (b->kind == BLK_NOTE)
		n++;
	if (b->target >= 0)
		n++;
	for (int i = 0; i < b->ncells; i++)
		n += tags_of(b->cells[i]);
	return n;
}

static size_t text_of(const struct pdf_block *b)
{
	size_t n = b->rich.text.len;
	for (int i = 0; i < b->ncells; i++)
		n += text_of(b->cells[i]);
	return n;
}

static struct pdf_measure measure(struct pdf_plan *pl, const struct pdf_block *b)
{
	struct pdf_measure m = {
		.leading = b->leading, .height = b->height,
		.space_before = b->space_before, .space_after = b->space_after,
		.nlines = b->nlines, .ref0 = pl->nrefs, .nrefs = b->rich.nrefs,
		.kind = (unsigned char)b->kind, .keep_with_next = (unsigned char)b->keep_with_next,
		.page_break_before = (unsigned char)b->page_break_before,
	};
	for (int i = 0; i < b->rich.nrefs; i++) {
		struct pdf_measured_ref r = {b->rich.refs[i].line, b->rich.refs[i].note};
		PDF_PUSH(pl->refs, pl->nrefs, pl->refs_cap, r);
	}
	pl->text_bytes += text_of(b);
	pl->tags += tags_of(b);
	return m;
}

/* cairo keeps each structure element, link and named destination of a
 * tagged PDF until the document ends, some 120 bytes each: a document of
 * a footnote every 60 bytes (issue 14) made 11 for each 60 bytes and
 * held 26 times its text in them.  The seeds make one for every 130
 * bytes of text; a report whose every short paragraph has a note with a
 * symbol, one for every 14.  Up to one for every PDF_TAG_BYTES (some 12
 * times the text in cairo) is drawn tagged, and any document up to
 * TAG_FLOOR of them. */
enum { TAG_FLOOR = 20000 };

int pdf_plan_over_budget(const struct pdf_plan *pl)
{
	return pl->tags > TAG_FLOOR && pl->tags > pl->text_bytes / PDF_TAG_BYTES;
}

void pdf_plan_block(struct pdf_plan *pl, const struct pdf_block *b)
{
	if (b->outline) {
		struct pdf_outline_entry e = {pl->nblocks, xstrdup(b->outline), b->kind, b->level};
		PDF_PUSH(pl->outline, pl->noutline, pl->outline_cap, e);
	}
	struct pdf_measure m = measure(pl, b);
	PDF_PUSH(pl->blocks, pl->nblocks, pl->blocks_cap, m);
}

void pdf_plan_note(struct pdf_plan *pl, const struct pdf_block *b)
{
	struct pdf_measure m = measure(pl, b);
	PDF_PUSH(pl->notes, pl->nnotes, pl->notes_cap, m);
}

void pdf_plan_splice(struct pdf_plan *pl, int at, struct pdf_plan *ins)
{
	int n = ins->nblocks;
	pl->blocks = xrealloc(pl->blocks, sizeof *pl->blocks * (size_t)(pl->nblocks + n));
	memmove(pl->blocks + at + n, pl->blocks + at, sizeof *pl->blocks * (size_t)(pl->nblocks - at));
	memcpy(pl->blocks + at, ins->blocks, sizeof *ins->blocks * (size_t)n);
	pl->nblocks += n;
	pl->blocks_cap = pl->nblocks;
	/* the outline in block order: the inserted entries before the
	 * first that follows them */
	int first = 0;
	while (first < pl->noutline && pl->outline[first].index < at)
		first++;
	for (int i = first; i < pl->noutline; i++)
		pl->outline[i].index += n;
	int k = ins->noutline;
	pl->outline = xrealloc(pl->outline, sizeof *pl->outline * (size_t)(pl->noutline + k + 1));
	memmove(pl->outline + first + k, pl->outline + first, sizeof *pl->outline * (size_t)(pl->noutline - first));
	for (int i = 0; i < k; i++) {
		pl->outline[first + i] = ins->outline[i];
		pl->outline[first + i].index += at;
	}
	pl->noutline += k;
	pl->outline_cap = pl->noutline + 1;
	pl->text_bytes += ins->text_bytes;
	pl->tags += ins->tags;
	ins->noutline = 0;	/* (its titles moved) */
	pdf_plan_free(ins);
}

void pdf_plan_free(struct pdf_plan *pl)
{
	for (int i = 0; i < pl->noutline; i++)
		free(pl->outline[i].title);
	free(pl->outline);
	free(pl->blocks);
	free(pl->notes);
	free(pl->refs);
	memset(pl, 0, sizeof *pl);
}
