/* layout.c — lays one block out with pango and measures it.
 *
 * Lines sit on a uniform pitch (the style's leading) rather than on pango's
 * per-line heights, so a superscript footnote marker does not push its line
 * down: body text keeps a regular baseline grid, as typeset documents do. */
#include <stdlib.h>
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
	sh.len = (int)b->rich.text.len;
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

/* The number of b (b->num) as a one-line block of its own, laid out.
 * The number is a one-line block in the block's font, upright, so that
 * it is shaped (from the word cache) and drawn as text is: a pango
 * layout for each of a report's hundreds of numbers cost 2 % of the
 * run. */
static struct pdf_block *number_block(PangoContext *ctx, const struct pdf_style *s,
				      struct pdf_metrics_cache *mc, struct pdf_words *words,
				      const struct pdf_block *b)
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
	return nb;
}

struct pdf_block *pdf_number_block(PangoContext *ctx, const struct pdf_style *s, struct pdf_words *words,
				   const struct pdf_block *b)
{
	if (!b->num)
		return NULL;
	struct pdf_metrics_cache mc;
	memset(&mc, 0, sizeof mc);
	struct pdf_block *nb = number_block(ctx, s, &mc, words, b);
	pdf_lines_materialize(ctx, s, words, nb, 0, nb->nline);	/* (laid out in windows) */
	return nb;
}

/* b's number laid out (b->num_block, until the block is released) and
 * where it hangs. */
static void layout_number(PangoContext *ctx, const struct pdf_style *s, struct pdf_metrics_cache *mc,
			  struct pdf_words *words, struct pdf_block *b)
{
	struct pdf_block *nb = number_block(ctx, s, mc, words, b);
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

/* The width b's lines are broken to. */
static double block_width(const struct pdf_style *s, const struct pdf_block *b)
{
	double width = pdf_text_width(s) - b->text_x - b->right_reserve;
	if (b->kind == BLK_NOTE)
		width = pdf_text_width(s) - b->text_x;
	if (b->box_width > 0)
		width = b->box_width;
	return width;
}

/* ---- long texts, in windows ------------------------------------------ */

/* Bytes of a long text shaped and broken at a time: a giant paragraph's
 * glyphs and break analysis (some fifty bytes a character) were held
 * whole.  UNPRESS_PDF_WINDOW sets it (the tests: windows of a few
 * words must give the same lines). */
static int window_bytes(void)
{
	const char *v = getenv("UNPRESS_PDF_WINDOW");
	int n = v ? atoi(v) : 0;
	return n > 0 ? n : 16384;
}

/* The end of a window from byte ls of a hard line ending at he: about
 * size bytes on, just after a space (so that its last word is whole),
 * or he. */
static int window_end(const char *text, int ls, int he, int size)
{
	if (he - ls <= size)
		return he;
	int we = ls + size;
	while (we < he && text[we - 1] != ' ')
		we++;
	return we;
}

/* b with no lines, glyphs or windows of its own: what the breaking of a
 * window (or of the whole text again) fills. */
static struct pdf_block scratch_of(const struct pdf_block *b)
{
	struct pdf_block sc = *b;
	sc.line = NULL;
	sc.nline = sc.line_cap = 0;
	sc.shaped = NULL;
	sc.win = NULL;
	sc.nwin = sc.win_cur = 0;
	sc.num_block = NULL;
	sc.materialized = 0;
	return sc;
}

/* The lines of window wn of b, broken into scratch (scratch_of(b)),
 * their offsets from the text's start.  0 when the word cache cannot
 * shape it. */
static int break_window(struct pdf_words *words, const PangoFontDescription *fd, double width,
			struct pdf_block *scratch, const struct pdf_window *wn)
{
	struct pdf_shaped sh;
	int base;
	if (!pdf_words_shape_window(words, scratch, fd, wn, &sh, &base))
		return 0;
	pdf_break_lines(scratch, &sh, width, wn->first ? scratch->first_indent : 0);
	pdf_words_shaped_lend(&sh, scratch);
	for (int i = 0; i < scratch->nline; i++) {
		struct pdf_line *ln = &scratch->line[i];
		ln->start += base;
		ln->end += base;
		/* each piece's item is its own, or the run a line took whole */
		for (int k = 0; k < ln->nruns; k++)
			ln->runs[k]->item->offset += base;
	}
	return 1;
}

static void scratch_free(struct pdf_block *sc)
{
	for (int i = 0; i < sc->nline; i++)
		pdf_line_drop_glyphs(&sc->line[i]);
	free(sc->line);
	g_slist_free_full(sc->shaped, (GDestroyNotify)pango_glyph_item_free);
}

/* b's text (longer than a window, plain for the word cache) broken
 * window by window into line records without glyphs (b->win says how to
 * make them again).  The lines are those of the whole text: each
 * window's lines but its last, which the window's end may have cut and
 * the next window starts with, are whole (see struct pdf_window).  0,
 * b unchanged, when a word has a character the font lacks. */
static int layout_windows(struct pdf_words *words, struct pdf_block *b, const PangoFontDescription *fd,
			  double width, int size)
{
	const char *text = b->rich.text.data;
	int len = (int)b->rich.text.len, cap = 0;
	for (int hs = 0; hs <= len;) {
		const char *nl = memchr(text + hs, '\n', (size_t)(len - hs));
		int he = nl ? (int)(nl - text) : len;
		struct pdf_window wn = {hs, he, 1, 0, 0, NULL, 0};
		for (int grow = size;;) {
			wn.we = window_end(text, wn.ls, he, grow);
			wn.line0 = b->nline;
			struct pdf_block sc = scratch_of(b);
			if (!break_window(words, fd, width, &sc, &wn)) {
				scratch_free(&sc);
				free(b->line);
				free(b->win);
				b->line = NULL;
				b->nline = b->line_cap = 0;
				b->win = NULL;
				b->nwin = 0;
				return 0;
			}
			int keep = wn.we < he ? sc.nline - 1 : sc.nline;
			if (keep <= 0) {	/* one line longer than the window */
				scratch_free(&sc);
				grow *= 2;
				continue;
			}
			int next = keep < sc.nline ? sc.line[keep].start : he;
			for (int i = 0; i < sc.nline; i++)
				pdf_line_drop_glyphs(&sc.line[i]);
			for (int i = 0; i < keep; i++)
				PDF_PUSH(b->line, b->nline, b->line_cap, sc.line[i]);
			scratch_free(&sc);
			wn.nlines = keep;
			PDF_PUSH(b->win, b->nwin, cap, wn);
			if (wn.we >= he)
				break;
			wn.ls = next;
			wn.first = 0;
			grow = size;
		}
		hs = he + 1;
	}
	if (b->line_cap > b->nline && b->nline) {
		b->line = xrealloc(b->line, sizeof *b->line * (size_t)b->nline);
		b->line_cap = b->nline;
	}
	return 1;
}

/* b's lines, from its text shaped whole (or in windows when long and
 * plain): into b->line with their glyphs (in windows: records only). */
static void break_block(PangoContext *ctx, const struct pdf_style *s, struct pdf_words *words,
			struct pdf_block *b, const PangoFontDescription *fd, int windows)
{
	double width = block_width(s, b);
	int size = window_bytes();
	/* Shaped once, unwrapped; lines.c breaks it (see there why).  Plain
	 * Latin text is built from the document's word cache; anything else
	 * goes through pango's own itemising, shaping and break analysis. */
	struct pdf_shaped sh;
	if (windows && words && (int)b->rich.text.len > size && pdf_words_plain(words, b, fd) &&
	    layout_windows(words, b, fd, width, size))
		return;
	if (words && pdf_words_shape(words, b, fd, &sh)) {
		pdf_break_lines(b, &sh, width, b->first_indent);
		pdf_words_shaped_lend(&sh, b);
	} else
		shape_with_pango(ctx, b, fd, width);
	b->materialized = 1;
}

/* The glyphs of the lines of b's windows that reach [from, to); those
 * of windows before `from` dropped. */
static void materialize_windows(struct pdf_words *words, const struct pdf_style *s, struct pdf_block *b,
				int from, int to)
{
	PangoFontDescription *fd = pdf_font(s, b->font, b->bold, b->italic);
	double width = block_width(s, b);
	for (int k = b->win_cur; k < b->nwin; k++) {
		struct pdf_window *wn = &b->win[k];
		int l0 = wn->line0, l1 = wn->line0 + wn->nlines;
		if (l1 <= from) {
			for (int i = l0; wn->live && i < l1; i++)
				pdf_line_drop_glyphs(&b->line[i]);
			g_slist_free_full(wn->shaped, (GDestroyNotify)pango_glyph_item_free);
			wn->shaped = NULL;
			wn->live = 0;
			b->win_cur = k + 1;
			continue;
		}
		if (l0 >= to)
			break;
		if (wn->live)
			continue;
		struct pdf_block sc = scratch_of(b);
		int ok = break_window(words, fd, width, &sc, wn);
		/* the same words broken the same way: the same lines */
		g_assert(ok && sc.nline >= wn->nlines);
		for (int i = 0; i < wn->nlines; i++) {
			struct pdf_line *ln = &b->line[l0 + i];
			g_assert(sc.line[i].start == ln->start && sc.line[i].end == ln->end);
			*ln = sc.line[i];
			memset(&sc.line[i], 0, sizeof sc.line[i]);
		}
		wn->shaped = sc.shaped;
		sc.shaped = NULL;
		wn->live = 1;
		scratch_free(&sc);
	}
	pango_font_description_free(fd);
}

void pdf_lines_materialize(PangoContext *ctx, const struct pdf_style *s, struct pdf_words *words,
			   struct pdf_block *b, int from, int to)
{
	for (int i = 0; i < b->ncells; i++)
		pdf_lines_materialize(ctx, s, words, b->cells[i], 0, b->cells[i]->nline);
	if (b->nwin) {
		materialize_windows(words, s, b, from, to);
		return;
	}
	if (b->materialized || !b->nline)
		return;
	PangoFontDescription *fd = pdf_font(s, b->font, b->bold, b->italic);
	struct pdf_block sc = scratch_of(b);
	break_block(ctx, s, words, &sc, fd, 0);
	pango_font_description_free(fd);
	/* the same text shaped and broken the same way: the same lines */
	g_assert(sc.nline == b->nline);
	for (int i = 0; i < b->nline; i++) {
		g_assert(sc.line[i].start == b->line[i].start && sc.line[i].end == b->line[i].end);
		b->line[i] = sc.line[i];
	}
	free(sc.line);
	b->shaped = sc.shaped;
	b->materialized = 1;
}

void pdf_layout_block(PangoContext *ctx, const struct pdf_style *s, struct pdf_metrics_cache *mc,
		      struct pdf_words *words, struct pdf_block *b)
{
	if (b->kind == BLK_ROW) {
		layout_row(ctx, s, mc, words, b);
		return;
	}
	if (b->num)
		layout_number(ctx, s, mc, words, b);
	PangoFontDescription *fd = pdf_font(s, b->font, b->bold, b->italic);
	break_block(ctx, s, words, b, fd, 1);

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
