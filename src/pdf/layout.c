/* layout.c — lays one block out with pango and measures it.
 *
 * Lines sit on a uniform pitch (the style's leading) rather than on pango's
 * per-line heights, so a superscript footnote marker does not push its line
 * down: body text keeps a regular baseline grid, as typeset documents do. */
#include <string.h>

#include "pdf/pdfint.h"
#include "util/xmalloc.h"

double pdf_text_width(const struct pdf_style *s)
{
	return s->page_width - s->margin_inner - s->margin_outer;
}

static double role_size(const struct pdf_style *s, enum pdf_font_role role)
{
	switch (role) {
	case FONT_BODY: return s->body_size;
	case FONT_NOTE: return s->note_size;
	case FONT_H1: return s->h1_size;
	case FONT_H2: return s->h2_size;
	case FONT_H3: return s->h3_size;
	case FONT_H4: return s->h4_size;
	case FONT_TITLE: return s->title_size;
	case FONT_COVER: return s->cover_size;
	case FONT_COVER_ORG: return s->cover_org_size;
	case FONT_COVER_SYMBOL: return s->cover_symbol_size;
	case FONT_TABLE: return s->table_size;
	}
	return s->body_size;
}

static double role_leading(const struct pdf_style *s, enum pdf_font_role role)
{
	if (role == FONT_NOTE)
		return s->note_leading;
	if (role == FONT_TABLE)
		return s->table_leading;
	/* other sizes scale the body's leading ratio */
	return role_size(s, role) * s->body_leading / s->body_size;
}

static PangoFontDescription *pdf_font(const struct pdf_style *s, enum pdf_font_role role, int bold, int italic)
{
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, s->font_family);
	pango_font_description_set_size(fd, (int)(role_size(s, role) * PANGO_SCALE + 0.5));
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	return fd;
}

static PangoLayout *simple_layout(PangoContext *ctx, const struct pdf_style *s,
				  enum pdf_font_role role, int bold, const char *text)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pdf_font(s, role, bold, 0);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, text, -1);
	return l;
}

void pdf_layout_right(PangoContext *ctx, const struct pdf_style *s, struct pdf_block *b)
{
	if (b->right_layout)
		g_object_unref(b->right_layout);
	b->right_layout = NULL;
	if (!b->right)
		return;
	enum pdf_font_role role = b->kind == BLK_COVER ? FONT_COVER_SYMBOL : b->font;
	b->right_layout = simple_layout(ctx, s, role, b->kind == BLK_COVER, b->right);
}

static void layout_row(PangoContext *ctx, const struct pdf_style *s, struct pdf_metrics_cache *mc,
		       struct pdf_words *words, struct pdf_block *b);

/* Does text (len bytes) hold a letter of a right-to-left script? */
static int has_rtl_letter(const char *text, int len)
{
	for (const char *p = text; p < text + len; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isalpha(c))
			continue;
		switch (g_unichar_get_script(c)) {
		case G_UNICODE_SCRIPT_ARABIC:
		case G_UNICODE_SCRIPT_HEBREW:
		case G_UNICODE_SCRIPT_SYRIAC:
		case G_UNICODE_SCRIPT_THAANA:
		case G_UNICODE_SCRIPT_NKO:
			return 1;
		default:
			break;
		}
	}
	return 0;
}

/* The block's text laid out by pango, unwrapped, then broken by lines.c.
 * In a right-to-left document a paragraph holding a right-to-left
 * letter is set right to left whatever its first letter is: the UN's
 * Arabic note "A/51/218، المرفق." opens with the symbol, on the right,
 * and ends with the full stop, on the left (pango's own choice, by the
 * first strong letter, set it left to right, the symbol on the left,
 * and an extractor read it back in that order).  A paragraph with no
 * such letter (the cover's "6 December 2023", a note citing an English
 * title) keeps pango's choice: it is English, set left to right. */
static void shape_with_pango(PangoContext *ctx, struct pdf_block *b, const PangoFontDescription *fd,
			     double width)
{
	PangoLayout *l = pango_layout_new(ctx);
	pango_layout_set_font_description(l, fd);
	pango_layout_set_width(l, -1);
	const char *text = b->rich.text.len ? b->rich.text.data : "";
	if (pango_context_get_base_dir(ctx) == PANGO_DIRECTION_RTL && has_rtl_letter(text, (int)b->rich.text.len))
		pango_layout_set_auto_dir(l, FALSE);
	pango_layout_set_text(l, text, (int)b->rich.text.len);
	pango_layout_set_attributes(l, b->rich.attrs);
	struct pdf_shaped sh;
	memset(&sh, 0, sizeof sh);
	sh.text = pango_layout_get_text(l);
	sh.attrs = pango_layout_get_log_attrs_readonly(l, &sh.n);
	sh.n--;			/* attrs has one entry past the last character */
	sh.shape_flags = pango_context_get_round_glyph_positions(ctx) ? PANGO_SHAPE_ROUND_POSITIONS
								       : PANGO_SHAPE_NONE;
	sh.nlines = pango_layout_get_line_count(l);
	sh.lines = xmalloc(sizeof *sh.lines * (size_t)(sh.nlines ? sh.nlines : 1));
	for (int k = 0; k < sh.nlines; k++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(l, k);
		sh.lines[k].start = line->start_index;
		sh.lines[k].length = line->length;
		sh.lines[k].runs = line->runs;
	}
	pdf_break_lines(b, &sh, width, b->first_indent);
	free(sh.lines);
	g_object_unref(l);
}

/* A table row: each cell laid out in its column; the row is one "line"
 * as tall as its tallest cell (plus a little air), so that pagination
 * keeps it whole.  The cells' footnote references become the row's. */
static void layout_row(PangoContext *ctx, const struct pdf_style *s, struct pdf_metrics_cache *mc,
		       struct pdf_words *words, struct pdf_block *b)
{
	double h = 0;
	for (int i = 0; i < b->ncells; i++) {
		struct pdf_block *c = b->cells[i];
		pdf_layout_block(ctx, s, mc, words, c);
		if (c->height > h)
			h = c->height;
		for (int r = 0; r < c->rich.nrefs; r++)
			rich_noteref(&b->rich, 0, c->rich.refs[r].note);
	}
	b->leading = h + 2 * PDF_CELL_PAD;
	b->ascent = 0;
	b->nlines = b->ncells ? 1 : 0;
	b->height = b->nlines * b->leading;
	for (int r = 0; r < b->rich.nrefs; r++)
		b->rich.refs[r].line = 0;
}

/* The number of b (b->num) as a one-line block of its own, b->num_block.
 * The number is a one-line block in the block's font, upright, so that
 * it is shaped (from the word cache) and drawn as text is: a pango
 * layout for each of a report's hundreds of numbers cost 2 % of the
 * run. */
static void layout_number(PangoContext *ctx, const struct pdf_style *s, struct pdf_metrics_cache *mc,
			  struct pdf_words *words, struct pdf_block *b)
{
	struct pdf_block *nb = xmalloc(sizeof *nb);
	memset(nb, 0, sizeof *nb);
	nb->kind = BLK_PARA;
	nb->font = b->font;
	nb->bold = b->bold;
	rich_init(&nb->rich, NULL);
	rich_literal(&nb->rich, b->num);
	if (b->kind == BLK_NOTE) {
		/* the marker in the notes area is a superscript, as at the
		 * reference */
		int len = rich_pos(&nb->rich);
		rich_attr(&nb->rich, pango_attr_rise_new((int)(role_size(s, b->font) *
			  s->superscript_rise * PANGO_SCALE)), 0, len);
		rich_attr(&nb->rich, pango_attr_scale_new(s->superscript_scale), 0, len);
	}
	pdf_layout_block(ctx, s, mc, words, nb);
	b->num_block = nb;
	if (b->kind == BLK_NOTE && nb->nline && pango_context_get_base_dir(ctx) != PANGO_DIRECTION_RTL) {
		/* A footnote's marker stands just before its text, as the UN
		 * sets it, not at the margin where the paragraphs' numbers
		 * hang: an extractor that reads by columns (pdftotext) would
		 * otherwise take the page's note numbers for paragraph
		 * numbers and part them from their texts.  Right to left, the
		 * marker's brackets ("(1)") next to the text make pdftotext
		 * reorder the line, so there it keeps the margin. */
		double x = b->text_x - nb->line[0].width - role_size(s, b->font) / 4;
		b->num_x = x > 0 ? x : 0;
	}
	/* A number wider than its hang (the UN's Arabic "78/183 باء" before
	 * a resolution's title, two indent steps) pushes the first line
	 * in, half an em past the number, rather than being overprinted
	 * by it. */
	double room = b->text_x + b->first_indent - b->num_x, gap = role_size(s, b->font) / 2;
	if (nb->nline && nb->line[0].width > room)
		b->first_indent += nb->line[0].width + gap - room;
}

void pdf_layout_block(PangoContext *ctx, const struct pdf_style *s, struct pdf_metrics_cache *mc,
		      struct pdf_words *words, struct pdf_block *b)
{
	if (b->kind == BLK_ROW) {
		layout_row(ctx, s, mc, words, b);
		return;
	}
	double width = pdf_text_width(s) - b->text_x - b->right_reserve;
	if (b->kind == BLK_NOTE)
		width = pdf_text_width(s) - b->text_x;
	if (b->box_width > 0)
		width = b->box_width;
	if (b->num)
		layout_number(ctx, s, mc, words, b);
	PangoFontDescription *fd = pdf_font(s, b->font, b->bold, b->italic);
	/* Shaped once, unwrapped; lines.c breaks it (see there why).  Plain
	 * Latin text is built from the document's word cache; anything else
	 * goes through pango's own itemising, shaping and break analysis. */
	struct pdf_shaped sh;
	if (words && pdf_words_shape(words, b, fd, &sh)) {
		pdf_break_lines(b, &sh, width, b->first_indent);
		pdf_words_shaped_lend(&sh, b);
	} else
		shape_with_pango(ctx, b, fd, width);

	int bold = !!b->bold, italic = !!b->italic;
	if (!mc->known[b->font][bold][italic]) {
		int a, d;
		if (words && pdf_words_extents(words, fd, b->bold, b->italic, &a, &d)) {
			mc->asc[b->font][bold][italic] = a / (double)PANGO_SCALE;
			mc->desc[b->font][bold][italic] = d / (double)PANGO_SCALE;
		} else {
			PangoFontMetrics *m = pango_context_get_metrics(ctx, fd, NULL);
			mc->asc[b->font][bold][italic] = pango_font_metrics_get_ascent(m) / (double)PANGO_SCALE;
			mc->desc[b->font][bold][italic] = pango_font_metrics_get_descent(m) / (double)PANGO_SCALE;
			pango_font_metrics_unref(m);
		}
		mc->known[b->font][bold][italic] = 1;
	}
	double asc = mc->asc[b->font][bold][italic], desc = mc->desc[b->font][bold][italic];
	pango_font_description_free(fd);
	b->leading = role_leading(s, b->font);
	/* centre the font's ascent+descent in the line pitch */
	b->ascent = (b->leading - (asc + desc)) / 2 + asc;
	b->nlines = b->nline;
	if (b->rich.text.len == 0 && !b->num)
		b->nlines = b->right ? 1 : 0;
	if (b->nlines == 0 && b->num)
		b->nlines = 1;
	b->height = b->nlines * b->leading;

	pdf_layout_right(ctx, s, b);
	for (int i = 0; i < b->rich.nrefs; i++)
		b->rich.refs[i].line = pdf_line_of_index(b, b->rich.refs[i].offset);
}
