/* laying.c — blocks laid out one after another (layout.c), with what the
 * document's other blocks decide: the characters no font has, named once,
 * and the glyphs kept from layout to drawing while they are few. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/diag.h"
#include "util/xmalloc.h"

/* Characters no font of the style (nor any fallback) has: pango would
 * draw a box with the code in it, not a glyph.  Each is named once. */
static void report_missing(struct pdf_block *b, GHashTable *seen, struct diag *diag)
{
	for (int i = 0; i < b->nline; i++)
		for (int k = 0; k < b->line[i].nruns; k++) {
			PangoGlyphString *gs = b->line[i].runs[k]->glyphs;
			for (int g = 0; g < gs->num_glyphs; g++) {
				PangoGlyph gl = gs->glyphs[g].glyph;
				if (!(gl & PANGO_GLYPH_UNKNOWN_FLAG) || gl == PANGO_GLYPH_EMPTY)
					continue;
				gunichar c = gl & ~PANGO_GLYPH_UNKNOWN_FLAG;
				if (g_hash_table_contains(seen, GUINT_TO_POINTER(c + 1)))
					continue;
				g_hash_table_add(seen, GUINT_TO_POINTER(c + 1));
				diag_warn(diag, 0, "pdf", "no installed font has U+%04X: it is drawn as a box", c);
			}
		}
	for (int i = 0; i < b->ncells; i++)
		report_missing(b->cells[i], seen, diag);
	if (b->num_block)
		report_missing(b->num_block, seen, diag);
}

/* The bytes of the glyphs b's lines (and its cells') hold. */
static size_t glyph_bytes(const struct pdf_block *b)
{
	size_t n = 0;
	for (int i = 0; i < b->nline; i++)
		for (int k = 0; k < b->line[i].nruns; k++)
			n += (size_t)b->line[i].runs[k]->glyphs->num_glyphs;
	n *= sizeof(PangoGlyphInfo) + sizeof(int);
	for (int i = 0; i < b->ncells; i++)
		n += glyph_bytes(b->cells[i]);
	return n;
}

void pdf_laying_init(struct pdf_laying *l, struct diag *diag)
{
	memset(l, 0, sizeof *l);
	/* UNPRESS_PDF_GLYPHS_KEPT sets it (the tests: 0, every glyph made
	 * again when drawn, must give the same bytes) */
	const char *env = getenv("UNPRESS_PDF_GLYPHS_KEPT");
	l->budget = env ? (size_t)strtoul(env, NULL, 10) : (size_t)1 << 20;
	l->seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	l->diag = diag;
}

void pdf_laying_done(struct pdf_laying *l)
{
	if (l->seen)
		g_hash_table_destroy(l->seen);
	l->seen = NULL;
}

/* Lay out b, whose entry is *home. */
void pdf_lay_out(struct pdf_doc *d, struct pdf_laying *l, struct pdf_block **home)
{
	struct pdf_block *b = *home;
	b->home = home;
	pdf_layout_block(d->ctx, d->style, &l->mc, d->words, b);
	if (l->seen)
		report_missing(b, l->seen, l->diag);
	size_t bytes = glyph_bytes(b);
	if (l->kept + bytes <= l->budget && bytes)
		l->kept += bytes;	/* (its number is made again when drawn) */
	else
		pdf_lines_release(b);
	pdf_words_trim(d->words);
}

/* Fill the contents list's page numbers (widths are fixed, so the
 * pagination does not change): entries [at, at + n) of the blocks. */
void pdf_toc_fill(struct pdf_doc *d, int at, int n)
{
	for (int i = at; i < at + n; i++) {
		struct pdf_block *b = d->blocks[i];
		if (!b || b->kind != BLK_TOC || b->target < 0)
			continue;
		char num[16];
		snprintf(num, sizeof num, "%d", d->plan.blocks[b->target].page);
		free(b->right);
		b->right = xstrdup(num);
		pdf_layout_right(d->ctx, d->style, b);
	}
}

