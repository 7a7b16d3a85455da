/* draw.c — paints one page with cairo: the running header and footer, the
 * body slices, the footnote area, link annotations, named destinations
 * and structure tags.
 *
 * UN furniture: from page 2 the document symbol runs at the head of the
 * page and the page number ("3/56") at the foot, both on the outer side
 * (right on odd pages, left on even ones); the job number sits at the
 * foot on the inner side, and alone at the foot of page 1.
 *
 * A right-to-left document (Arabic) is laid out as if it were left to
 * right, lines' glyphs already in visual order, and every position is
 * mirrored here (mx): the cover's symbol at the top left, numbers
 * hanging at the right, indents and the footnote rule from the right,
 * the furniture's sides swapped, as the UN prints its Arabic documents. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* The left edge of a box at x, w wide, as drawn: mirrored across the
 * page for a right-to-left document. */
static double mx(const struct pdf_doc *d, double x, double w)
{
	return d->akn.rtl ? d->style->page_width - x - w : x;
}

/* The drawn left edge of line ln of b, whose text column starts at x
 * (laid out left to right). */
static double line_left(const struct pdf_doc *d, const struct pdf_line *ln, double x)
{
	return mx(d, x + ln->x, ln->width);
}

static double left_margin(const struct pdf_style *s, int pageno)
{
	return pageno % 2 ? s->margin_inner : s->margin_outer;
}

/* Quote a value for a cairo tag attribute string ('...' with \ escapes). */
static void quote_attr(struct buf *b, const char *v)
{
	buf_putc(b, '\'');
	for (; *v; v++) {
		if (*v == '\'' || *v == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *v);
	}
	buf_putc(b, '\'');
}

static void show_text(cairo_t *cr, const struct pdf_doc *d, PangoContext *ctx, const struct pdf_style *s,
		      const char *text, double x, double baseline, int align_right, int bold, double size)
{
	if (d->akn.rtl) {
		x = s->page_width - x;
		align_right = !align_right;
	}
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, s->font_family);
	pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, text, -1);
	PangoRectangle ink, logical;
	pango_layout_get_extents(l, &ink, &logical);
	double w = logical.width / (double)PANGO_SCALE;
	double base = pango_layout_get_baseline(l) / (double)PANGO_SCALE;
	cairo_move_to(cr, align_right ? x - w : x, baseline - base);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

static void furniture(cairo_t *cr, PangoContext *ctx, struct pdf_doc *d, int pageno, int total)
{
	const struct pdf_style *s = d->style;
	double x0 = left_margin(s, pageno), x1 = s->page_width - (pageno % 2 ? s->margin_outer : s->margin_inner);
	int odd = pageno % 2;
	if (pageno > 1 && d->symbol) {
		show_text(cr, d, ctx, s, d->symbol, odd ? x1 : x0, s->header_baseline, odd, 1, s->header_size);
		cairo_set_line_width(cr, 0.5);
		cairo_move_to(cr, mx(d, x0, x1 - x0), s->header_baseline + 4);
		cairo_rel_line_to(cr, x1 - x0, 0);
		cairo_stroke(cr);
	}
	double fy = s->page_height - s->footer_baseline;
	char pagestr[32];
	snprintf(pagestr, sizeof pagestr, "%d/%d", pageno, total);
	if (pageno == 1) {
		if (d->job_number)
			show_text(cr, d, ctx, s, d->job_number, x0, fy, 0, 0, s->footer_size);
	} else {
		/* the one on the left first: cairo sets both in one text
		 * object, and pdftotext dropped text that moved back left
		 * (the job number of every odd page) */
		int job_first = d->job_number && (odd != d->akn.rtl);
		if (job_first)
			show_text(cr, d, ctx, s, d->job_number, x0, fy, 0, 0, s->footer_size);
		show_text(cr, d, ctx, s, pagestr, odd ? x1 : x0, fy, odd, 1, s->footer_size);
		if (d->job_number && !job_first)
			show_text(cr, d, ctx, s, d->job_number, odd ? x0 : x1, fy, !odd, 0, s->footer_size);
	}
}

/* A URI as cairo can write it: cairo 1.16 puts it in a PDF string without
 * escaping it, and a parenthesis the URI does not balance ends the string
 * early (the UN links to ".../28(PartsIandII)/Corr.3)": the file could
 * not be read).  Parentheses, backslashes, spaces, control and non-ASCII
 * bytes are percent-encoded, which a URI reader decodes to the same. */
static void uri_escape(struct buf *out, const char *uri)
{
	for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
		if (*p == '(' || *p == ')' || *p == '\\' || *p <= ' ' || *p >= 0x7f)
			buf_printf(out, "%%%02X", *p);
		else
			buf_putc(out, (char)*p);
	}
}

/* Structure tags (tagged PDF), link annotations and named destinations,
 * none when the document is drawn without them (pdf_doc.untagged). */
static void struct_begin(cairo_t *cr, const struct pdf_doc *d, const char *name)
{
	if (!d->untagged)
		cairo_tag_begin(cr, name, NULL);
}

static void struct_end(cairo_t *cr, const struct pdf_doc *d, const char *name)
{
	if (!d->untagged)
		cairo_tag_end(cr, name);
}

static void link_tag(cairo_t *cr, const struct pdf_doc *d, const char *attributes)
{
	if (d->untagged)
		return;
	cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes);
	cairo_tag_end(cr, CAIRO_TAG_LINK);
}

/* Link annotations for the links of b that fall on lines [from, to). */
static void slice_links(cairo_t *cr, const struct pdf_doc *d, struct pdf_block *b, int from, int to,
			double x, double top)
{
	if (d->untagged)
		return;
	for (int k = 0; k < b->rich.nlinks; k++) {
		struct pdf_link *lk = &b->rich.links[k];
		struct buf rects = BUF_INIT;
		/* only the lines the link's bytes reach (asking every line of
		 * the slice for every link made a paragraph of thousands of
		 * links quadratic) */
		int last = to < b->nline ? to : b->nline;
		for (int i = pdf_first_line_ending_after(b, from, last, lk->start);
		     i < last && b->line[i].start < lk->end; i++) {
			double x1, x2;
			if (!pdf_line_x_range(b, &b->line[i], lk->start, lk->end, &x1, &x2) || x2 - x1 <= 0.1)
				continue;
			double left = line_left(d, &b->line[i], x) - b->line[i].x;
			buf_printf(&rects, "%s%.2f %.2f %.2f %.2f", rects.len ? " " : "", left + x1,
				   top + (i - from) * b->leading, x2 - x1, b->leading);
		}
		if (rects.len) {
			struct buf a = BUF_INIT;
			buf_printf(&a, "rect=[%s] %s=", buf_cstr(&rects), lk->internal ? "dest" : "uri");
			if (lk->internal)
				quote_attr(&a, lk->target);
			else {
				struct buf uri = BUF_INIT;
				uri_escape(&uri, lk->target);
				quote_attr(&a, buf_cstr(&uri));
				buf_free(&uri);
			}
			link_tag(cr, d, buf_cstr(&a));
			buf_free(&a);
		}
		buf_free(&rects);
	}
}

/* Draw glyph item gi at the current point with cairo_show_text_glyphs,
 * as pango_cairo_show_glyph_item does (each cluster's text kept with its
 * glyphs, so text extraction and search work), except that a soft hyphen
 * inside a line — an empty glyph — is left out of the text as well: cairo
 * writes a zero-glyph cluster as a marked-content span with an ActualText
 * (PDF 1.7, 14.9.4), one per hyphenation point of every word, which cost a
 * sixth of the run and that pdftotext ignores anyway.  A soft hyphen
 * ending a line carries the hyphen glyph and is kept (see lines.c).
 * Right-to-left runs go to show_rtl_run, runs with glyphs the font lacks
 * (pango draws a hex box) to pango. */
static void show_rtl_run(cairo_t *cr, const char *text, PangoGlyphItem *gi);

static void show_run(cairo_t *cr, const char *text, PangoGlyphItem *gi)
{
	PangoGlyphString *gs = gi->glyphs;
	int known = 1;
	for (int g = 0; known && g < gs->num_glyphs; g++)
		if ((gs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG) && gs->glyphs[g].glyph != PANGO_GLYPH_EMPTY)
			known = 0;
	if (!known) {
		pango_cairo_show_glyph_item(cr, text, gi);
		return;
	}
	if (gi->item->analysis.level % 2) {
		show_rtl_run(cr, text, gi);
		return;
	}
	double x0, y0;
	cairo_get_current_point(cr, &x0, &y0);
	cairo_glyph_t glyph_buf[256];
	cairo_text_cluster_t cluster_buf[256];
	char text_buf[1024];
	int n = gs->num_glyphs, len = gi->item->length;
	cairo_glyph_t *glyphs = n <= 256 ? glyph_buf : xmalloc(sizeof *glyphs * (size_t)n);
	cairo_text_cluster_t *clusters = n <= 256 ? cluster_buf : xmalloc(sizeof *clusters * (size_t)n);
	char *utf8 = len <= 1024 ? text_buf : xmalloc((size_t)len);
	const char *run = text + gi->item->offset;
	int nglyphs = 0, nclusters = 0, nbytes = 0, x = 0;
	for (int g = 0; g < n;) {
		/* the cluster: glyphs [g, h), bytes [cs, ce) of the run */
		int cs = gs->log_clusters[g], h = g + 1;
		while (h < n && gs->log_clusters[h] == cs)
			h++;
		int ce = h < n ? gs->log_clusters[h] : len;
		int shown = 0;
		for (int k = g; k < h; k++) {
			PangoGlyphInfo *gl = &gs->glyphs[k];
			if (gl->glyph != PANGO_GLYPH_EMPTY) {
				glyphs[nglyphs].index = gl->glyph;
				glyphs[nglyphs].x = x0 + (double)(x + gl->geometry.x_offset) / PANGO_SCALE;
				glyphs[nglyphs].y = y0 + (double)gl->geometry.y_offset / PANGO_SCALE;
				nglyphs++;
				shown++;
			}
			x += gl->geometry.width;
		}
		if (shown || !(ce - cs == 2 && memcmp(run + cs, "\xc2\xad", 2) == 0)) {
			memcpy(utf8 + nbytes, run + cs, (size_t)(ce - cs));
			nbytes += ce - cs;
			clusters[nclusters].num_bytes = ce - cs;
			clusters[nclusters].num_glyphs = shown;
			nclusters++;
		}
		g = h;
	}
	cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(gi->item->analysis.font)));
	cairo_show_text_glyphs(cr, utf8, nbytes, glyphs, nglyphs, clusters, nclusters, 0);
	if (glyphs != glyph_buf)
		free(glyphs);
	if (clusters != cluster_buf)
		free(clusters);
	if (utf8 != text_buf)
		free(utf8);
}

/* The cluster of glyphs [from, from + count) and `bytes` of text as
 * cairo clusters, written to out; returns how many (1 or 2).  The
 * glyphs' order within the cluster may change; advance is their
 * advances, in the same order (changed with them).
 *
 * Why: an extractor gives the glyphs that share one text (a span, or
 * a glyph's several characters) the extent from the first glyph's place
 * to the last one's advance (poppler), and a gap between that extent
 * and the next glyph's breaks the word.  A letter and its vowel marks
 * (set over the middle of the letter, with no advance) become the
 * letter, drawn first and carrying the cluster's whole text, then the
 * marks with no text of their own: drawn first or last in one span, a
 * mark cut the extent short at one end ("تعص ب" for "تعصّب").  Several
 * glyphs with advances (a ligature Amiri draws in pieces: "الكم") stay
 * one span, the one that starts furthest left drawn first and the one
 * that reaches furthest right last. */
static int rtl_cluster(cairo_glyph_t *glyphs, double *advance, int from, int count, int bytes,
		       cairo_text_cluster_t *out)
{
	int left = -1, right = -1;
	for (int a = from; a < from + count; a++) {
		if (advance[a] <= 0)
			continue;
		if (left < 0 || glyphs[a].x < glyphs[left].x)
			left = a;
		if (right < 0 || glyphs[a].x + advance[a] > glyphs[right].x + advance[right])
			right = a;
	}
	out[0].num_bytes = bytes;
	out[0].num_glyphs = count;
	if (count < 2 || left < 0)
		return 1;
	/* the leftmost to the front, the others in their order */
	cairo_glyph_t g = glyphs[left];
	double adv = advance[left];
	memmove(glyphs + from + 1, glyphs + from, sizeof *glyphs * (size_t)(left - from));
	memmove(advance + from + 1, advance + from, sizeof *advance * (size_t)(left - from));
	glyphs[from] = g;
	advance[from] = adv;
	if (right == left) {
		/* one glyph spans the cluster (a letter under its marks) */
		out[0].num_glyphs = 1;
		out[1].num_bytes = 0;
		out[1].num_glyphs = count - 1;
		return 2;
	}
	if (right < left)
		right++;
	/* the one reaching furthest right to the back */
	int last = from + count - 1;
	g = glyphs[right];
	adv = advance[right];
	memmove(glyphs + right, glyphs + right + 1, sizeof *glyphs * (size_t)(last - right));
	memmove(advance + right, advance + right + 1, sizeof *advance * (size_t)(last - right));
	glyphs[last] = g;
	advance[last] = adv;
	return 1;
}

/* A right-to-left run (Arabic): its glyphs drawn left to right, as they
 * sit on the page, each of pango's clusters a cluster of text and glyphs
 * whose text is given in visual order (the run's characters reversed).
 *
 * Why: pdftotext, like most extractors, builds words from glyphs drawn
 * one after the other, each starting where the last one ended, and puts
 * right-to-left text back in logical order itself (it reverses each
 * right-to-left stretch of a line).  cairo's own way (as
 * pango_cairo_show_glyph_item draws, clusters flagged backward) draws
 * the glyphs in logical order, right to left: each glyph was a word of
 * its own to poppler, which then guessed the spaces between them from
 * their gaps: a short line's word came back split ("ألف" as "أل ف"), and
 * -raw gave a letter a line.  The characters of one glyph or span (the
 * lam-alef ligature, a letter and its marks) come back in the order
 * given, so they too are given in visual order: in logical order
 * pdftotext gave "لا" back as "ال". */
static void show_rtl_run(cairo_t *cr, const char *text, PangoGlyphItem *gi)
{
	PangoGlyphString *gs = gi->glyphs;
	double x0, y0;
	cairo_get_current_point(cr, &x0, &y0);
	int n = gs->num_glyphs, len = gi->item->length;
	cairo_glyph_t *glyphs = xmalloc(sizeof *glyphs * (size_t)(n ? n : 1));
	cairo_text_cluster_t *clusters = xmalloc(sizeof *clusters * (size_t)(2 * n + len + 1));
	char *utf8 = xmalloc((size_t)len + 1);
	double *advance = xmalloc(sizeof *advance * (size_t)(n ? n : 1));
	const char *run = text + gi->item->offset;
	/* pango keeps a right-to-left run's glyphs in visual order: the
	 * cluster of glyphs [g, h) has the bytes from log_clusters[g] to
	 * where the cluster on its right begins (the run's end for the
	 * rightmost).  A vowel mark's cluster joins its letter's (the next
	 * one to the right), so that the pair is one (an extractor placed a
	 * mark as a character of its own where its glyph sits, often over
	 * the next letter, and broke the word there: "تسل ّم"). */
	int nglyphs = 0, nclusters = 0, nbytes = 0, x = 0, pending_bytes = 0, pending_glyphs = 0;
	for (int g = 0; g < n;) {
		int cs = gs->log_clusters[g], h = g + 1;
		while (h < n && gs->log_clusters[h] == cs)
			h++;
		int ce = g > 0 ? gs->log_clusters[g - 1] : len;
		int from = nglyphs;
		for (int k = g; k < h; k++) {
			PangoGlyphInfo *gl = &gs->glyphs[k];
			if (gl->glyph != PANGO_GLYPH_EMPTY) {
				glyphs[nglyphs].index = gl->glyph;
				glyphs[nglyphs].x = x0 + (double)(x + gl->geometry.x_offset) / PANGO_SCALE;
				glyphs[nglyphs].y = y0 + (double)gl->geometry.y_offset / PANGO_SCALE;
				advance[nglyphs] = gl->geometry.width / (double)PANGO_SCALE;
				nglyphs++;
			}
			x += gl->geometry.width;
		}
		/* the cluster's characters, last first, where the run's
		 * reversed text has them */
		for (const char *p = run + cs; p < run + ce;) {
			const char *next = g_utf8_next_char(p);
			memcpy(utf8 + len - (next - run), p, (size_t)(next - p));
			p = next;
		}
		int all_marks = ce > cs;
		for (const char *p = run + cs; all_marks && p < run + ce; p = g_utf8_next_char(p))
			all_marks = g_unichar_ismark(g_utf8_get_char(p));
		pending_bytes += ce - cs;
		pending_glyphs += nglyphs - from;
		if (!all_marks || h == n) {
			nclusters += rtl_cluster(glyphs, advance, nglyphs - pending_glyphs, pending_glyphs,
						 pending_bytes, clusters + nclusters);
			nbytes += pending_bytes;
			pending_bytes = pending_glyphs = 0;
		}
		g = h;
	}
	cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(gi->item->analysis.font)));
	cairo_show_text_glyphs(cr, utf8, nbytes, glyphs, nglyphs, clusters, nclusters, 0);
	free(glyphs);
	free(clusters);
	free(advance);
	free(utf8);
}

/* The size of run gi's font, in points. */
static double run_size(const PangoGlyphItem *gi)
{
	PangoFontDescription *fd = pango_font_describe(gi->item->analysis.font);
	double size = pango_font_description_get_size(fd) / (double)PANGO_SCALE;
	pango_font_description_free(fd);
	return size;
}

/* Does the word at the end of run a go on in run b, set in another size
 * (a superscript "o" after "n")?  (cairo places a run in another size
 * anew; see show_run_at.) */
static bool word_goes_on_resized(const char *text, const PangoGlyphItem *a, const PangoGlyphItem *b)
{
	int a_end = a->item->offset + a->item->length;
	return a->item->length > 0 && b->item->offset == a_end && text[a_end - 1] != ' ' && text[a_end] != ' ' &&
	       run_size(a) != run_size(b);
}

/* Draw run gi from (x, y); with last_word_apart, its last word from its
 * exact place.  Why: cairo 1.16 writes a font's widths truncated to
 * thousandths of an em (/Widths: 443 for 443.85), and a reader advances
 * by those through a string of glyphs that cairo, which advances by the
 * exact widths, sees no need to correct: over a line of a note the reader
 * is 0.3 pt behind.  A run in another size (a superscript) starts from
 * its exact place, so a word that goes on in it had a gap in it, and
 * pdftotext read "supplément n o 17" for "nº 17".  cairo has no call that
 * places the next glyph anew; it does so when the baseline moves by more
 * than a thousandth of the font's size (after its own rounding of
 * positions to 1/256 pt), so the last word is drawn three thousandths of
 * its size lower, and a hundredth of a point (0.03 pt for a note: nothing
 * a reader or an eye can tell). */
static void show_run_at(cairo_t *cr, const char *text, PangoGlyphItem *gi, double x, double y,
			bool last_word_apart)
{
	int off = gi->item->offset, split = gi->item->length;
	if (last_word_apart && !(gi->item->analysis.level % 2))
		while (split > 0 && text[off + split - 1] != ' ')
			split--;
	if (!last_word_apart || split <= 0 || split >= gi->item->length) {
		cairo_move_to(cr, x, y);
		show_run(cr, text, gi);
		return;
	}
	double size = run_size(gi);
	PangoGlyphItem *rest = pdf_glyph_item_copy(gi);
	PangoGlyphItem *first = pango_glyph_item_split(rest, text, split);
	cairo_move_to(cr, x, y);
	show_run(cr, text, first);
	cairo_move_to(cr, x + pango_glyph_string_get_width(first->glyphs) / (double)PANGO_SCALE,
		      y + 0.003 * size + 0.01);
	show_run(cr, text, rest);
	pango_glyph_item_free(first);
	pango_glyph_item_free(rest);
}

/* One line, its left edge at x: its pieces of shaped runs left to right,
 * raised or lowered as pango placed them (superscripts), then the hyphen
 * if any. */
static void draw_line(cairo_t *cr, const struct pdf_block *b, const struct pdf_line *ln, double x,
		      double base)
{
	const char *text = b->rich.text.len ? b->rich.text.data : "";
	for (int k = 0; k < ln->nruns; k++) {
		PangoGlyphItem *gi = ln->runs[k];
		double w = pango_glyph_string_get_width(gi->glyphs) / (double)PANGO_SCALE;
		double rise = gi->y_offset / (double)PANGO_SCALE;
		show_run_at(cr, text, gi, x, base - rise, k + 1 < ln->nruns && word_goes_on_resized(text, gi, ln->runs[k + 1]));
		for (GSList *a = gi->item->analysis.extra_attrs; a; a = a->next) {
			PangoAttribute *attr = a->data;
			if (attr->klass->type != PANGO_ATTR_UNDERLINE ||
			    ((PangoAttrInt *)attr)->value == PANGO_UNDERLINE_NONE)
				continue;
			PangoFontMetrics *m = pango_font_get_metrics(gi->item->analysis.font, NULL);
			double pos = pango_font_metrics_get_underline_position(m) / (double)PANGO_SCALE;
			double th = pango_font_metrics_get_underline_thickness(m) / (double)PANGO_SCALE;
			pango_font_metrics_unref(m);
			cairo_set_line_width(cr, th);
			cairo_move_to(cr, x, base - rise - pos + th / 2);
			cairo_rel_line_to(cr, w, 0);
			cairo_stroke(cr);
		}
		x += w;
	}
	if (ln->hyphen) {
		cairo_move_to(cr, x, base);
		pango_cairo_show_glyph_string(cr, ln->hyphen_font, ln->hyphen);
	}
}

static void dest(cairo_t *cr, const struct pdf_doc *d, const char *name, double x, double y)
{
	if (d->untagged)
		return;
	struct buf a = BUF_INIT;
	buf_puts(&a, "name=");
	quote_attr(&a, name);
	buf_printf(&a, " x=%.2f y=%.2f", x, y);
	cairo_tag_begin(cr, CAIRO_TAG_DEST, buf_cstr(&a));
	cairo_tag_end(cr, CAIRO_TAG_DEST);
	buf_free(&a);
}

/* Dot leaders on a contents entry's last line, from the end of its text to
 * its page number (x_number from x0): one dot every toc_leader_pitch points on a
 * grid from the text area's left edge x0, so the dots of all entries line up. */
static void leaders(cairo_t *cr, const struct pdf_doc *d, const struct pdf_block *b, int line,
		    double x0, double x_number, double base)
{
	const struct pdf_style *s = d->style;
	double pitch = s->toc_leader_pitch;
	if (pitch <= 0 || !b->right_layout)
		return;
	double text_end = b->text_x;
	if (line < b->nline)
		text_end += b->line[line].x + b->line[line].width;
	double from = text_end + s->toc_leader_gap, to = x_number - s->toc_leader_gap;
	double first = pitch * ceil(from / pitch);
	int n = first < to ? (int)((to - first) / pitch) : 0;
	if (n < 2)
		return;
	PangoLayout *l = pango_layout_new(pango_layout_get_context(b->right_layout));
	pango_layout_set_font_description(l, pango_layout_get_font_description(b->right_layout));
	pango_layout_set_text(l, ".", 1);
	PangoRectangle dot;
	pango_layout_get_extents(l, NULL, &dot);
	struct buf dots = BUF_INIT;
	for (int i = 0; i < n; i++)
		buf_putc(&dots, '.');
	pango_layout_set_text(l, buf_cstr(&dots), (int)dots.len);
	PangoAttrList *al = pango_attr_list_new();
	pango_attr_list_insert(al, pango_attr_letter_spacing_new((int)(pitch * PANGO_SCALE) - dot.width));
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
	cairo_move_to(cr, mx(d, x0 + first, n * pitch), base - pango_layout_get_baseline(l) / (double)PANGO_SCALE);
	pango_cairo_show_layout(cr, l);
	buf_free(&dots);
	g_object_unref(l);
}

/* Named destinations at b's footnote markers on lines [from, to), for the
 * notes' links back ("fnref_" + the note's eId, as in the HTML edition). */
static void noteref_dests(cairo_t *cr, struct pdf_doc *d, struct pdf_block *b, int from, int to,
			  double x, double top)
{
	if (d->untagged)
		return;
	for (int r = 0; r < b->rich.nrefs; r++) {
		struct pdf_noteref *ref = &b->rich.refs[r];
		if (ref->line < from || ref->line >= to)
			continue;
		struct pdf_block *note = d->notes[ref->note];	/* (drawn after: still there) */
		if (!note->dest)
			continue;
		double x1 = 0, x2 = 0;
		if (ref->line < b->nline)
			pdf_line_x_range(b, &b->line[ref->line], ref->offset, ref->offset + 1, &x1, &x2);
		double left = ref->line < b->nline ? line_left(d, &b->line[ref->line], x) - b->line[ref->line].x
						   : mx(d, x, 0);
		struct buf name = BUF_INIT;
		buf_printf(&name, "fnref_%s", note->dest);
		dest(cr, d, buf_cstr(&name), left + x1, top + (ref->line - from) * b->leading);
		buf_free(&name);
	}
}

static void draw_slice(cairo_t *cr, struct pdf_doc *d, struct pdf_block *b, int from, int to,
		       double x0, double y);

/* Block b's last line is drawn: it goes (a cell goes with its row).
 * Pagination has placed every block from its measures, and the contents
 * list and the outline read those (pdf_plan); the notes a slice refers
 * to are drawn after it, on its page.  A document of dense notes held
 * each block to the end. */
static void drawn(struct pdf_block *b)
{
	if (b->home) {
		*b->home = NULL;
		pdf_block_free(b);
	} else
		pdf_lines_release(b);
}

static void rule(cairo_t *cr, double width, double x, double y, double length)
{
	cairo_set_line_width(cr, width);
	cairo_move_to(cr, x, y);
	cairo_line_to(cr, x + length, y);
	cairo_stroke(cr);
}

/* A table row: its rules, then each cell's lines in its column. */
static void draw_row(cairo_t *cr, struct pdf_doc *d, struct pdf_block *b, double x0, double y)
{
	double width = pdf_text_width(d->style);
	struct_begin(cr, d, "TR");
	if (b->rule_above > 0)
		rule(cr, b->rule_above, mx(d, x0, width), y, width);
	for (int i = 0; i < b->ncells; i++)
		draw_slice(cr, d, b->cells[i], 0, b->cells[i]->nlines, x0, y + PDF_CELL_PAD);
	if (b->rule_below > 0)
		rule(cr, b->rule_below, mx(d, x0, width), y + b->height, width);
	struct_end(cr, d, "TR");
}

/* Draw lines [from, to) of b with the top of line `from` at y. */
static void draw_slice(cairo_t *cr, struct pdf_doc *d, struct pdf_block *b, int from, int to,
		       double x0, double y)
{
	const struct pdf_style *s = d->style;
	if (b->kind == BLK_ROW) {
		draw_row(cr, d, b, x0, y);
		drawn(b);	/* (a row is one line) */
		return;
	}
	const char *tag = b->tag ? b->tag : "P";
	/* the glyphs of the slice's lines, made again (pdfint.h) */
	pdf_lines_materialize(d->ctx, s, d->words, b, from, to);
	struct_begin(cr, d, tag);
	if (from == 0 && b->dest)
		dest(cr, d, b->dest, mx(d, x0, 0), y);
	double x = x0 + b->text_x;
	for (int i = from; i < to && i < b->nline; i++)
		draw_line(cr, b, &b->line[i], line_left(d, &b->line[i], x), y + (i - from) * b->leading + b->ascent);
	struct pdf_block *nb = from == 0 ? pdf_number_block(d->ctx, s, d->words, b) : NULL;
	if (nb && nb->nline) {
		/* on the baseline of the block's first line */
		double nx = line_left(d, &nb->line[0], x0 + b->num_x);
		struct_begin(cr, d, "Lbl");
		draw_line(cr, nb, &nb->line[0], nx, y + b->ascent);
		struct_end(cr, d, "Lbl");
		if (b->kind == BLK_NOTE && b->dest) {
			/* the note's marker links back to its reference */
			struct buf a = BUF_INIT;
			buf_printf(&a, "rect=[%.2f %.2f %.2f %.2f] dest=", nx, y,
				   nb->line[0].width + 1, b->leading);
			struct buf name = BUF_INIT;
			buf_printf(&name, "fnref_%s", b->dest);
			quote_attr(&a, buf_cstr(&name));
			link_tag(cr, d, buf_cstr(&a));
			buf_free(&name);
			buf_free(&a);
		}
	}
	int right_line = b->right_on_last ? b->nlines - 1 : 0;
	if (b->right_layout && right_line >= from && right_line < to) {
		PangoRectangle logical;
		pango_layout_get_extents(b->right_layout, NULL, &logical);
		double w = logical.width / (double)PANGO_SCALE;
		double base = y + (right_line - from) * b->leading + b->ascent;
		double rx = mx(d, x0 + pdf_text_width(s) - w, w);
		cairo_move_to(cr, rx, base - pango_layout_get_baseline(b->right_layout) / (double)PANGO_SCALE);
		pango_cairo_show_layout(cr, b->right_layout);
		if (b->kind == BLK_TOC)
			leaders(cr, d, b, right_line, x0, pdf_text_width(s) - w, base);
		if (b->target_dest) {
			struct buf a = BUF_INIT;
			buf_printf(&a, "rect=[%.2f %.2f %.2f %.2f] dest=", rx, base - b->ascent, w, b->leading);
			quote_attr(&a, b->target_dest);
			link_tag(cr, d, buf_cstr(&a));
			buf_free(&a);
		}
	}
	if (to == b->nlines && b->rule_below > 0) {
		double ry = y + (to - from) * b->leading + 3;
		rule(cr, b->rule_below, mx(d, x0, pdf_text_width(s)), ry, pdf_text_width(s));
	}
	slice_links(cr, d, b, from, to, x, y);
	noteref_dests(cr, d, b, from, to, x, y);
	struct_end(cr, d, tag);
	if (nb)
		pdf_block_free(nb);
	if (to >= b->nlines)
		drawn(b);
}

void pdf_draw_page(cairo_t *cr, struct pdf_doc *d, struct pdf_pages *pages, int pageno)
{
	const struct pdf_style *s = d->style;
	struct pdf_page *pg = &pages->page[pageno - 1];
	PangoContext *ctx = d->ctx;
	double x0 = left_margin(s, pageno);
	cairo_set_source_rgb(cr, 0, 0, 0);
	furniture(cr, ctx, d, pageno, pages->npages);
	for (int i = 0; i < pg->nbody; i++) {
		struct pdf_slice *sl = &pg->body[i];
		draw_slice(cr, d, d->blocks[sl->index], sl->from, sl->to, x0, s->margin_top + sl->y);
	}
	if (pg->nnotes == 0)
		return;
	/* The note area hangs from the bottom of the body area: a short rule,
	 * then the notes in 8 pt with their markers hanging. */
	double area = s->margin_top + (s->page_height - s->margin_top - s->margin_bottom) - pg->notes_height;
	double rule_y = area + s->note_rule_gap * 0.5;
	rule(cr, 0.5, mx(d, x0, s->note_rule_length), rule_y, s->note_rule_length);
	for (int i = 0; i < pg->nnotes; i++) {
		struct pdf_slice *sl = &pg->notes[i];
		draw_slice(cr, d, d->notes[sl->index], sl->from, sl->to, x0, area + 2 * s->note_rule_gap + sl->y);
	}
}
