/* lines.c — breaks a block's text into lines from one shaping pass.
 *
 * Why not pango's own wrapping: pango 1.50 shapes the rest of a paragraph
 * again for every line it breaks off (the item is split and reshaped), so a
 * paragraph of n lines is shaped about n/2 times over; on a 46-page report
 * that was 3.4 glyphs shaped per character and half the run time.  Here the
 * text is shaped once, unwrapped, and the line breaks are chosen from
 * pango's break opportunities (UAX #14, soft hyphens) and the glyph widths,
 * greedily as pango does: each line takes as many words as fit.  A line is
 * a list of pieces of the shaped runs (pango_glyph_item_split, which does
 * not reshape); justification widens the line's spaces.
 *
 * Left-to-right text only (our documents are English; a right-to-left run
 * is still drawn, in logical order). */
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/xmalloc.h"

struct breaker {
	const char *text;
	const PangoLogAttr *attrs;	/* per character, n + 1 */
	int *offset;			/* byte offset of each character, n + 1 */
	int *char_at;			/* character index of each byte offset */
	double *width;			/* advance of each character (a cluster's on its first) */
	char *cluster_start;		/* a character that starts a cluster */
	int n;
	double hyphen_width;
	PangoShapeFlags shape_flags;
	/* the hard line's runs from the first that the last line emitted
	 * reached: when they are in text order, a line looks only at its
	 * own runs (looking at all of them for every line made a paragraph
	 * of thousands of notes, each a run of its own, quadratic) */
	GSList *run_cursor;
	int cursor_start;	/* the line start the cursor was moved for */
	bool runs_in_order;
	bool lend;		/* pieces may be views of the runs (pdf_shaped.lend) */
};

/* Are line's runs in text order, none overlapping the next? */
static bool runs_in_text_order(const struct pdf_hard_line *line)
{
	int end = 0;
	for (GSList *r = line->runs; r; r = r->next) {
		const PangoItem *item = ((PangoGlyphItem *)r->data)->item;
		if (item->offset < end)
			return false;
		end = item->offset + item->length;
	}
	return true;
}

/* Character widths from the unwrapped line's runs: each cluster's advance
 * goes to its first character.  Left-to-right runs are read straight from
 * their log clusters (non-decreasing there); others through pango's
 * cluster iterator. */
static void measure(struct breaker *br, const struct pdf_hard_line *line)
{
	for (GSList *r = line->runs; r; r = r->next) {
		PangoGlyphItem *gi = r->data;
		const PangoGlyphString *gs = gi->glyphs;
		if (gi->item->analysis.level % 2 == 0) {
			for (int g = 0; g < gs->num_glyphs; g++) {
				int ci = br->char_at[gi->item->offset + gs->log_clusters[g]];
				br->width[ci] += gs->glyphs[g].geometry.width / (double)PANGO_SCALE;
				br->cluster_start[ci] = 1;
			}
			continue;
		}
		PangoGlyphItemIter it;
		for (gboolean ok = pango_glyph_item_iter_init_start(&it, gi, br->text); ok;
		     ok = pango_glyph_item_iter_next_cluster(&it)) {
			int w = 0;
			for (int g = it.start_glyph; g != it.end_glyph; g += it.start_glyph < it.end_glyph ? 1 : -1)
				w += gs->glyphs[g].geometry.width;
			int ci = br->char_at[it.start_index];
			br->width[ci] += w / (double)PANGO_SCALE;
			br->cluster_start[ci] = 1;
		}
	}
}

PangoGlyphItem *pdf_glyph_item_with(const PangoGlyphItem *gi, PangoGlyphString *glyphs)
{
	/* pango has no constructor: a copy of gi with no glyphs (nothing
	 * of gi's glyphs copied), then the glyphs given */
	PangoGlyphString none = {0, NULL, NULL, 0};
	PangoGlyphItem tmp = *gi;
	tmp.glyphs = &none;
	PangoGlyphItem *p = pango_glyph_item_copy(&tmp);
	pango_glyph_string_free(p->glyphs);
	p->glyphs = glyphs;
	return p;
}

PangoGlyphString *pdf_glyph_string_sized(int n)
{
	PangoGlyphString *g = pango_glyph_string_new();
	g->glyphs = g_new(PangoGlyphInfo, n > 0 ? n : 1);
	g->log_clusters = g_new(int, n > 0 ? n : 1);
	g->space = n > 0 ? n : 1;
	g->num_glyphs = 0;
	return g;
}

/* A view of glyphs [g0, g1) of glyph item gi's string, with a copy of
 * gi's item: the arrays stay gi's (space 0 says so to pdf_lines_free).
 * The lines of a paragraph own disjoint ranges of its runs' glyphs, so
 * what a line changes in place (its justified spaces, its hyphen, its
 * clusters made relative to its start) is its own; a giant paragraph's
 * glyphs, copied line by line, were held twice. */
static PangoGlyphItem *slice_view(const PangoGlyphItem *gi, int g0, int g1)
{
	const PangoGlyphString *src = gi->glyphs;
	PangoGlyphString *g = pango_glyph_string_new();
	g->glyphs = src->glyphs + g0;
	g->log_clusters = src->log_clusters + g0;
	g->num_glyphs = g1 - g0;
	g->space = 0;
	return pdf_glyph_item_with(gi, g);
}

/* A copy of glyph item gi with glyphs [g0, g1) of its glyph string, its
 * arrays exactly that long: pango_glyph_item_copy copies a string's
 * whole capacity (a power of two, up to twice its glyphs; nothing of a
 * view), and every line keeps its pieces until the page is drawn. */
static PangoGlyphItem *slice_copy(const PangoGlyphItem *gi, int g0, int g1)
{
	const PangoGlyphString *src = gi->glyphs;
	PangoGlyphString *g = pdf_glyph_string_sized(g1 - g0);
	memcpy(g->glyphs, src->glyphs + g0, sizeof *g->glyphs * (size_t)(g1 - g0));
	memcpy(g->log_clusters, src->log_clusters + g0, sizeof *g->log_clusters * (size_t)(g1 - g0));
	g->num_glyphs = g1 - g0;
	return pdf_glyph_item_with(gi, g);
}

PangoGlyphItem *pdf_glyph_item_copy(const PangoGlyphItem *gi)
{
	return slice_copy(gi, 0, gi->glyphs->num_glyphs);
}

/* The part of glyph item gi inside bytes [start, end), or NULL: a copy,
 * or with lend a view of it, or gi itself when it lies wholly inside.
 * Left-to-right runs are sliced directly (copying the whole paragraph's run
 * and splitting it twice, per line, was quadratic in the paragraph);
 * right-to-left ones go through pango_glyph_item_split. */
static PangoGlyphItem *piece(PangoGlyphItem *gi, const char *text, int start, int end, bool lend)
{
	int is = gi->item->offset, ie = gi->item->offset + gi->item->length;
	if (ie <= start || is >= end)
		return NULL;
	/* a run wholly on the line: a lent run is the line's own piece
	 * (most runs of short notes and numbers), another is copied */
	if (start <= is && end >= ie)
		return lend ? gi : slice_copy(gi, 0, gi->glyphs->num_glyphs);
	if (gi->item->analysis.level % 2) {
		PangoGlyphItem *copy = pango_glyph_item_copy(gi);
		if (start > is) {
			PangoGlyphItem *front = pango_glyph_item_split(copy, text, start - is);
			pango_glyph_item_free(front);
		}
		if (end < ie) {
			PangoGlyphItem *front = pango_glyph_item_split(copy, text, end - copy->item->offset);
			pango_glyph_item_free(copy);
			copy = front;
		}
		return copy;
	}
	int s = start > is ? start : is, e = end < ie ? end : ie;
	const PangoGlyphString *g = gi->glyphs;
	/* the first glyph at or after byte s, found by halving: a left-to-
	 * right run's clusters only grow (those of earlier lines' views,
	 * made relative to their line, stay below s), and a scan from the
	 * run's first glyph for every line made a paragraph that is one
	 * run (1 MB of pieces joined: 3.5 s, 3 MB: 25 s) quadratic */
	int g0 = 0, g1, hi = g->num_glyphs;
	while (g0 < hi) {
		int mid = g0 + (hi - g0) / 2;
		if (g->log_clusters[mid] < s - is)
			g0 = mid + 1;
		else
			hi = mid;
	}
	for (g1 = g0; g1 < g->num_glyphs && g->log_clusters[g1] < e - is; g1++)
		;
	PangoGlyphItem tmp = *gi;
	tmp.item = pango_item_copy(gi->item);
	tmp.item->offset = s;
	tmp.item->length = e - s;
	tmp.item->num_chars = (int)g_utf8_strlen(text + s, e - s);
	if (s > is)
		tmp.start_x_offset = 0;
	if (e < ie)
		tmp.end_x_offset = 0;
	tmp.glyphs = gi->glyphs;
	PangoGlyphItem *p = lend ? slice_view(&tmp, g0, g1) : slice_copy(&tmp, g0, g1);
	pango_item_free(tmp.item);
	for (int k = 0; k < p->glyphs->num_glyphs; k++)
		p->glyphs->log_clusters[k] -= s - is;
	return p;
}

/* A hyphen glyph in the font of the run that ends the line, positioned
 * as the layout's other glyphs are (rounded or not). */
static PangoGlyphString *hyphen_glyphs(PangoGlyphItem *last, PangoShapeFlags flags)
{
	PangoGlyphString *g = pango_glyph_string_new();
	pango_shape_with_flags("-", 1, "-", 1, &last->item->analysis, g, flags);
	return g;
}

/* A space is U+0020 or U+00A0, the characters pango counts as
 * expandable (a no-break space stretches as any other). */
static int is_space_at(const char *p)
{
	return p[0] == ' ' || ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0);
}

/* Add `extra` (pango units) to the advance of each space of glyph item gi:
 * the first glyph of each cluster that is a space. */
static void widen_spaces(PangoGlyphItem *gi, const char *text, int extra)
{
	PangoGlyphString *gs = gi->glyphs;
	if (gi->item->analysis.level % 2 == 0) {
		for (int g = 0; g < gs->num_glyphs; g++)
			if ((g == 0 || gs->log_clusters[g] != gs->log_clusters[g - 1]) &&
			    is_space_at(text + gi->item->offset + gs->log_clusters[g]))
				gs->glyphs[g].geometry.width += extra;
		return;
	}
	PangoGlyphItemIter it;
	for (gboolean ok = pango_glyph_item_iter_init_start(&it, gi, text); ok;
	     ok = pango_glyph_item_iter_next_cluster(&it))
		if (it.start_glyph != it.end_glyph && is_space_at(text + it.start_index))
			gs->glyphs[it.start_glyph].geometry.width += extra;
}

/* Chinese and Japanese characters and their punctuation: a line of
 * them has no spaces to stretch, so it is justified between characters
 * (as the UN prints its Chinese documents). */
static int is_cjk(gunichar c)
{
	return (c >= 0x4E00 && c < 0xA000) || (c >= 0x3400 && c < 0x4DC0) || (c >= 0x3000 && c < 0x3100) ||
	       (c >= 0xFF00 && c < 0xFFF0) || (c >= 0xF900 && c < 0xFB00) || (c >= 0x20000 && c < 0x2FA20);
}

/* Justify a line holding CJK characters: the room left goes to its
 * spaces and to every gap between two characters one of which is CJK,
 * in equal shares, each added to the advance of the last glyph of the
 * character before the gap.  Returns the number of shares (0: nothing
 * to stretch). */
static int justify_cjk(struct pdf_line *ln, struct breaker *br, int start, int trimmed, double room)
{
	int n = trimmed - start, shares = 0;
	char *gap = xmalloc((size_t)(n > 0 ? n : 1));
	memset(gap, 0, (size_t)(n > 0 ? n : 1));
	int any_cjk = 0;
	for (int i = start; i < trimmed; i++) {
		gunichar c = g_utf8_get_char(br->text + br->offset[i]);
		any_cjk |= is_cjk(c);
		if (i + 1 >= trimmed || !br->cluster_start[i + 1])
			continue;
		gunichar next = g_utf8_get_char(br->text + br->offset[i + 1]);
		if (br->attrs[i].is_expandable_space || is_cjk(c) || is_cjk(next)) {
			gap[i - start] = 1;
			shares++;
		}
	}
	if (!any_cjk || !shares) {
		free(gap);
		return 0;
	}
	int extra = (int)(room / shares * PANGO_SCALE);
	for (int k = 0; k < ln->nruns; k++) {
		PangoGlyphItem *gi = ln->runs[k];
		PangoGlyphString *gs = gi->glyphs;
		if (gi->item->analysis.level % 2)
			continue;	/* no right-to-left CJK */
		for (int g = 0; g < gs->num_glyphs; g++) {
			int last_of_cluster = g + 1 == gs->num_glyphs || gs->log_clusters[g + 1] != gs->log_clusters[g];
			if (!last_of_cluster)
				continue;
			int ci = br->char_at[gi->item->offset + gs->log_clusters[g]];
			/* the cluster's last character owns the gap after it */
			int ce = g + 1 < gs->num_glyphs ? br->char_at[gi->item->offset + gs->log_clusters[g + 1]]
							: br->char_at[gi->item->offset + gi->item->length];
			int owner = ce - 1 > ci ? ce - 1 : ci;
			if (owner >= start && owner < trimmed && gap[owner - start])
				gs->glyphs[g].geometry.width += extra;
		}
	}
	free(gap);
	return shares;
}

/* Add the line [start, end) (characters) of the unwrapped line `src` to b. */
static void emit(struct pdf_block *b, struct breaker *br, const struct pdf_hard_line *src, int start, int end,
		 int hyphen, int last, double indent, double avail)
{
	struct pdf_line ln;
	memset(&ln, 0, sizeof ln);
	int trimmed = end;
	while (trimmed > start && br->attrs[trimmed - 1].is_white)
		trimmed--;
	ln.start = br->offset[start];
	ln.end = br->offset[trimmed];
	GSList *r = src->runs;
	if (br->runs_in_order) {
		if (ln.start < br->cursor_start)	/* (lines come in order) */
			br->run_cursor = src->runs;
		br->cursor_start = ln.start;
		while (br->run_cursor) {
			const PangoGlyphItem *run = br->run_cursor->data;	/* NULL: taken whole */
			if (run && run->item->offset + run->item->length > ln.start)
				break;
			br->run_cursor = br->run_cursor->next;
		}
		r = br->run_cursor;
	}
	for (; r; r = r->next) {
		if (!r->data)
			continue;	/* taken whole by an earlier line */
		if (br->runs_in_order && ((PangoGlyphItem *)r->data)->item->offset >= ln.end)
			break;
		PangoGlyphItem *p = piece(r->data, br->text, ln.start, ln.end, br->lend);
		if (p == r->data)
			r->data = NULL;	/* the line took the run itself */
		if (p)
			PDF_PUSH(ln.runs, ln.nruns, ln.runs_cap, p);
	}
	double natural = 0;
	for (int i = start; i < trimmed; i++)
		natural += br->width[i];
	if (hyphen && ln.nruns) {
		PangoGlyphItem *last = ln.runs[ln.nruns - 1];
		PangoGlyphString *hy = hyphen_glyphs(last, br->shape_flags);
		natural += pango_glyph_string_get_width(hy) / (double)PANGO_SCALE;
		/* The soft hyphen ending the line shows as the hyphen: its
		 * (empty) glyph is replaced, so the text behind the glyph stays
		 * U+00AD and a text extractor can rejoin the word. */
		int g = last->glyphs->num_glyphs - 1;
		if (hy->num_glyphs == 1 && g >= 0 && ln.end >= 2 &&
		    memcmp(br->text + ln.end - 2, "\xc2\xad", 2) == 0 &&
		    last->glyphs->log_clusters[g] == ln.end - 2 - last->item->offset) {
			last->glyphs->glyphs[g].glyph = hy->glyphs[0].glyph;
			last->glyphs->glyphs[g].geometry.width += hy->glyphs[0].geometry.width;
			pango_glyph_string_free(hy);
		} else {
			ln.hyphen = hy;
			ln.hyphen_font = last->item->analysis.font;
		}
	}
	ln.x = indent;
	if (b->center)
		ln.x += (avail - natural) / 2;
	else if (b->align_end)
		ln.x += avail - natural;
	ln.width = natural;
	/* Justify: spread what is left over the line's spaces, as pango does
	 * (not on a paragraph's last line). */
	int shares;
	if (b->justify && !last && natural < avail &&
	    (shares = justify_cjk(&ln, br, start, trimmed, avail - natural)) > 0) {
		ln.width = natural + (double)(int)((avail - natural) / shares * PANGO_SCALE) * shares / PANGO_SCALE;
	} else if (b->justify && !last && natural < avail) {
		int spaces = 0;
		for (int i = start; i < trimmed; i++)
			spaces += br->attrs[i].is_expandable_space;
		if (spaces) {
			int extra = (int)((avail - natural) / spaces * PANGO_SCALE);
			for (int k = 0; k < ln.nruns; k++)
				widen_spaces(ln.runs[k], br->text, extra);
			ln.width = natural + (double)extra * spaces / PANGO_SCALE;
		}
	}
	/* kept until the page is drawn: no room to spare (eight runs'
	 * room for a line of one, eight lines' for a block of one, were
	 * most of a document of short notes' lines) */
	if (ln.runs_cap > ln.nruns && ln.nruns) {
		ln.runs = xrealloc(ln.runs, sizeof *ln.runs * (size_t)ln.nruns);
		ln.runs_cap = ln.nruns;
	}
	PDF_PUSH(b->line, b->nline, b->line_cap, ln);
}

/* Greedy breaking of characters [s, e) of one hard line. */
static void break_segment(struct pdf_block *b, struct breaker *br, const struct pdf_hard_line *src, int s, int e,
			  double width, double indent)
{
	int ls = s;
	int first = 1;
	while (1) {
		double avail = width - (first ? indent : 0);
		double acc = 0, acc_trim = 0;
		int best = -1, best_hyphen = 0;
		int i;
		for (i = ls; i <= e; i++) {
			if (i > ls && (i == e || br->attrs[i].is_line_break)) {
				int hy = i < e && br->attrs[i].break_inserts_hyphen;
				double lw = acc_trim + (hy ? br->hyphen_width : 0);
				if (lw > avail + 0.001) {
					break;
				}	/* the line is full (or one word is wider) */
				best = i;
				best_hyphen = hy;
				if (i == e)
					break;
			}
			if (i < e) {
				acc += br->width[i];
				if (!br->attrs[i].is_white)
					acc_trim = acc;
			}
		}
		if (best < 0) {
			/* Nothing fits: cut the word at cluster boundaries
			 * (pango's WRAP_WORD_CHAR), at least one cluster. */
			double w = 0;
			best = ls + 1;
			for (int j = ls; j < e; j++) {
				if (j > ls && br->cluster_start[j] && w + br->width[j] > avail)
					break;
				w += br->width[j];
				if (j + 1 == e || br->cluster_start[j + 1])
					best = j + 1;
			}
			while (best < e && !br->cluster_start[best])
				best++;
			best_hyphen = 0;
		}
		emit(b, br, src, ls, best, best_hyphen, best == e, first ? indent : 0, avail);
		first = 0;
		if (best >= e)
			break;
		ls = best;
	}
}

void pdf_break_lines(struct pdf_block *b, const struct pdf_shaped *sh, double width, double indent)
{
	struct breaker br;
	memset(&br, 0, sizeof br);
	br.text = sh->text;
	br.shape_flags = sh->shape_flags;
	br.lend = sh->lend;
	/* A space between two groups of digits ("65 459 100": the UN writes
	 * large numbers so, with plain spaces) neither stretches nor ends a
	 * line: the number stays whole, as a number set by hand would. */
	PangoLogAttr *attrs = xmalloc(sizeof *attrs * (size_t)(sh->n + 1));
	memcpy(attrs, sh->attrs, sizeof *attrs * (size_t)(sh->n + 1));
	br.attrs = attrs;
	br.n = sh->n;
	br.offset = xmalloc(sizeof *br.offset * (size_t)(br.n + 1));
	br.width = xmalloc(sizeof *br.width * (size_t)(br.n + 1));
	br.cluster_start = xmalloc((size_t)br.n + 1);
	memset(br.width, 0, sizeof *br.width * (size_t)(br.n + 1));
	memset(br.cluster_start, 0, (size_t)br.n + 1);
	size_t len = (size_t)sh->len;
	br.char_at = xmalloc(sizeof *br.char_at * (len + 1));
	const char *p = br.text;
	for (int i = 0; i <= br.n; i++) {
		br.offset[i] = (int)(p - br.text);
		const char *next = i < br.n ? g_utf8_next_char(p) : p + 1;
		for (const char *q = p; q < next && (size_t)(q - br.text) <= len; q++)
			br.char_at[q - br.text] = i;
		p = next;
	}
	for (int i = 1; i + 1 < br.n; i++) {
		if (br.text[br.offset[i]] != ' ' || !g_ascii_isdigit(br.text[br.offset[i - 1]]) ||
		    !g_ascii_isdigit(br.text[br.offset[i + 1]]))
			continue;
		/* the groups either side: one to three digits each, one of
		 * them three (the UN's Arabic stores the groups in reverse, so
		 * the short group may come last) */
		int before = 0, after = 0;
		while (i - before - 1 >= 0 && before < 4 && g_ascii_isdigit(br.text[br.offset[i - before - 1]]))
			before++;
		while (i + after + 1 < br.n && after < 4 && g_ascii_isdigit(br.text[br.offset[i + after + 1]]))
			after++;
		if (before > 3 || after > 3 || (before != 3 && after != 3))
			continue;
		attrs[i].is_expandable_space = 0;
		attrs[i + 1].is_line_break = 0;
	}
	for (int k = 0; k < sh->nlines; k++)
		measure(&br, &sh->lines[k]);
	/* The hyphen's width for fitting, in the block's first font. */
	if (sh->hyphen_given)
		br.hyphen_width = sh->hyphen_width;
	else if (sh->nlines && sh->lines[0].runs) {
		PangoGlyphString *g = hyphen_glyphs(sh->lines[0].runs->data, br.shape_flags);
		br.hyphen_width = pango_glyph_string_get_width(g) / (double)PANGO_SCALE;
		pango_glyph_string_free(g);
	}
	for (int k = 0; k < sh->nlines; k++) {
		const struct pdf_hard_line *src = &sh->lines[k];
		br.run_cursor = src->runs;
		br.cursor_start = 0;
		br.runs_in_order = runs_in_text_order(src);
		int s = br.char_at[src->start];
		int e = br.char_at[src->start + src->length];
		if (s == e)
			emit(b, &br, src, s, e, 0, 1, 0, width);
		else
			break_segment(b, &br, src, s, e, width, indent);
	}
	if (b->line_cap > b->nline && b->nline) {
		b->line = xrealloc(b->line, sizeof *b->line * (size_t)b->nline);
		b->line_cap = b->nline;
	}
	free(attrs);
	free(br.offset);
	free(br.width);
	free(br.cluster_start);
	free(br.char_at);
}

/* Whether byte idx lies on line i or before the next one starts. */
static bool on_or_before(const struct pdf_block *b, int i, int idx)
{
	return idx < b->line[i].end || (i + 1 < b->nline && idx < b->line[i + 1].start);
}

/* The line that holds byte idx (the lines are in text order, so the
 * first line where on_or_before holds is found by halving: asked once
 * per note reference, a scan from the first line made a paragraph of
 * thousands of notes quadratic). */
int pdf_line_of_index(struct pdf_block *b, int idx)
{
	int lo = 0, hi = b->nline;	/* the answer is in [lo, hi] */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (on_or_before(b, mid, idx))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo < b->nline ? lo : b->nline ? b->nline - 1 : 0;
}

int pdf_first_line_ending_after(const struct pdf_block *b, int from, int to, int idx)
{
	int lo = from, hi = to;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (b->line[mid].end > idx)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* x extent (from the line's left, before its own offset) of bytes [start,
 * end) on line ln; returns 0 when none of them is on it. */
int pdf_line_x_range(const struct pdf_block *b, const struct pdf_line *ln, int start, int end,
		     double *x1, double *x2)
{
	double x = 0;
	int found = 0;
	const char *text = b->rich.text.len ? b->rich.text.data : "";
	for (int k = 0; k < ln->nruns; k++) {
		PangoGlyphItem *gi = ln->runs[k];
		PangoGlyphItemIter it;
		for (gboolean ok = pango_glyph_item_iter_init_start(&it, gi, text); ok;
		     ok = pango_glyph_item_iter_next_cluster(&it)) {
			int w = 0;
			for (int g = it.start_glyph; g != it.end_glyph; g += it.start_glyph < it.end_glyph ? 1 : -1)
				w += gi->glyphs->glyphs[g].geometry.width;
			double cw = w / (double)PANGO_SCALE;
			if (it.start_index < end && it.end_index > start) {
				if (!found || x < *x1)
					*x1 = x;
				if (!found || x + cw > *x2)
					*x2 = x + cw;
				found = 1;
			}
			x += cw;
		}
	}
	if (found) {
		*x1 += ln->x;
		*x2 += ln->x;
	}
	return found;
}

void pdf_line_drop_glyphs(struct pdf_line *ln)
{
	for (int k = 0; k < ln->nruns; k++) {
		PangoGlyphString *gs = ln->runs[k]->glyphs;
		if (gs && gs->space == 0)	/* a view: the arrays are the block's shaped runs' */
			gs->glyphs = NULL, gs->log_clusters = NULL;
		pango_glyph_item_free(ln->runs[k]);
	}
	free(ln->runs);
	ln->runs = NULL;
	ln->nruns = ln->runs_cap = 0;
	if (ln->hyphen)
		pango_glyph_string_free(ln->hyphen);
	ln->hyphen = NULL;
	ln->hyphen_font = NULL;
}

void pdf_lines_release(struct pdf_block *b)
{
	for (int i = 0; i < b->nline && b->line; i++)
		pdf_line_drop_glyphs(&b->line[i]);
	g_slist_free_full(b->shaped, (GDestroyNotify)pango_glyph_item_free);
	b->shaped = NULL;
	for (int k = 0; k < b->nwin; k++) {
		g_slist_free_full(b->win[k].shaped, (GDestroyNotify)pango_glyph_item_free);
		b->win[k].shaped = NULL;
		b->win[k].live = 0;
	}
	b->win_cur = 0;
	b->materialized = 0;
	for (int i = 0; i < b->ncells; i++)
		pdf_lines_release(b->cells[i]);
	if (b->num_block)
		pdf_block_free(b->num_block);
	b->num_block = NULL;
}

void pdf_lines_free(struct pdf_block *b)
{
	pdf_lines_release(b);
	free(b->line);
	b->line = NULL;
	b->nline = b->line_cap = 0;
	free(b->win);
	b->win = NULL;
	b->nwin = 0;
}
