/* pdf.c — the PDF edition: AKN → blocks (flow.c) → pango layouts
 * (layout.c) → pages (paginate.c) → cairo PDF (draw.c), with the
 * document outline, metadata and a reproducible creation date.
 *
 * A document is laid out whole, or, when long, walked twice
 * (streamed.c); the file is drawn page after page (drawing.c). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <cairo-pdf.h>

#include "akn/edition.h"
#include "pdf/pdfint.h"
#include "util/atomic.h"
#include "util/xmalloc.h"

/* The style names font families (a list for a script the first lacks:
 * "Liberation Serif, Noto Serif CJK SC"); fontconfig substitutes silently
 * when one is missing, which would change every line break or set a
 * script in a fallback face, so check that each is there. */
static int check_font(PangoContext *ctx, const struct pdf_style *s, struct diag *diag)
{
	gchar **families = g_strsplit(s->font_family, ",", 0);
	int status = 0;
	for (int i = 0; families[i] && !status; i++) {
		const char *want = g_strstrip(families[i]);
		if (!*want)
			continue;
		PangoFontDescription *fd = pango_font_description_new();
		pango_font_description_set_family(fd, want);
		pango_font_description_set_size(fd, 10 * PANGO_SCALE);
		PangoFont *font = pango_context_load_font(ctx, fd);
		int ok = 0;
		if (font) {
			PangoFontDescription *got = pango_font_describe(font);
			const char *family = pango_font_description_get_family(got);
			ok = family && g_ascii_strcasecmp(family, want) == 0;
			pango_font_description_free(got);
			g_object_unref(font);
		}
		pango_font_description_free(fd);
		if (!ok) {
			diag_error(diag, 0, "pdf", "font \"%s\" not found; install it (the style's fonts come from "
				   "the Debian packages fonts-liberation2, fonts-hosny-amiri and fonts-noto-cjk)", want);
			status = EX_UNAVAILABLE;
		}
	}
	g_strfreev(families);
	return status;
}

/* A pango context for the document's language (glyph forms, line
 * breaking) and direction (the base direction of its paragraphs). */
static PangoContext *make_context(const char *lang, int rtl)
{
	PangoFontMap *fm = pango_cairo_font_map_get_default();
	PangoContext *ctx = pango_font_map_create_context(fm);
	/* Unhinted metrics at 72 dpi: a point is a unit and line breaks do
	 * not depend on any device. */
	pango_cairo_context_set_resolution(ctx, 72);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	/* Glyphs at their exact advances: pango rounds positions to whole
	 * device units by default, which at 72 dpi is a whole point per glyph
	 * (uneven letter spacing), and cairo then writes a position
	 * adjustment for nearly every glyph into the PDF. */
	pango_context_set_round_glyph_positions(ctx, FALSE);
	cairo_font_options_destroy(fo);
	/* Chinese: the Simplified forms (the UN's Chinese is Simplified) */
	pango_context_set_language(ctx, pango_language_from_string(!strcmp(lang, "zh") ? "zh-cn" : lang));
	pango_context_set_base_dir(ctx, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
	return ctx;
}

/* Put the contents list's n entries before block `at`. */
static void insert_toc(struct pdf_doc *d, struct pdf_block **entries, int n, int at)
{
	d->blocks = xrealloc(d->blocks, sizeof *d->blocks * (size_t)(d->nblocks + n));
	memmove(d->blocks + at + n, d->blocks + at, sizeof *d->blocks * (size_t)(d->nblocks - at));
	memcpy(d->blocks + at, entries, sizeof *entries * (size_t)n);
	d->nblocks += n;
	d->blocks_cap = d->nblocks;
}

/* The whole document at once: every block made and laid out, then
 * measured, paginated and drawn. */
static int write_whole(struct pdf_doc *d, struct akn_parts *parts, int toc, const char *path,
		       const struct render_opts *opts)
{
	pdf_flow_build(d, parts, NULL, NULL);
	int status = akn_parts_status(parts);
	if (status)
		return status;
	akn_unknown_report(&d->unknown, opts->diag, "pdf");
	struct pdf_block **entries;
	int at = 0, n = toc ? pdf_flow_toc(d, &entries, &at) : 0;
	if (n) {
		insert_toc(d, entries, n, at);
		free(entries);
	}
	struct pdf_laying l;
	pdf_laying_init(&l, opts->diag);
	for (int i = 0; i < d->nnotes; i++)
		pdf_lay_out(d, &l, &d->notes[i]);
	for (int i = 0; i < d->nblocks; i++)
		pdf_lay_out(d, &l, &d->blocks[i]);
	pdf_laying_done(&l);
	for (int i = 0; i < d->nnotes; i++)
		pdf_plan_note(&d->plan, d->notes[i]);
	for (int i = 0; i < d->nblocks; i++)
		pdf_plan_block(&d->plan, d->blocks[i]);
	struct pdf_pages pages;
	pdf_paginate(d, &pages);
	pdf_toc_fill(d, at, n);
	struct pdf_drawing dr;
	status = pdf_drawing_open(&dr, d, &pages, path, opts);
	if (status == 0) {
		pdf_draw_pages(&dr, d, INT_MAX);
		status = pdf_drawing_close(&dr, d, path, opts, 0);
	}
	pdf_pages_free(&pages);
	return status;
}

/* Documents whose XML is larger are walked twice (streamed.c);
 * UNPRESS_PDF_STREAM=1 walks every document twice, =0 none (the tests:
 * both give the same bytes). */
static const long long STREAM_ABOVE = 2 << 20;

static int streams(struct akn_parts *parts)
{
	const char *env = getenv("UNPRESS_PDF_STREAM");
	if (env && *env)
		return strcmp(env, "0") != 0;
	return akn_parts_bytes(parts) > STREAM_ABOVE;
}

int pdf_edition_write_parts(struct akn_parts *parts, const char *path, const struct render_opts *opts)
{
	struct pdf_doc doc;
	memset(&doc, 0, sizeof doc);
	/* the document's language first: it chooses the style's section */
	akn_doc_read(&doc.akn, akn_parts_front(parts));
	struct pdf_style style;
	char style_path[4096];
	snprintf(style_path, sizeof style_path, "%s/styles/pdf-style.conf",
		 opts->data_dir ? opts->data_dir : ".");
	int status = pdf_style_load(&style, style_path, doc.akn.lang, opts->diag);
	if (status) {
		pdf_doc_free(&doc);
		return status;
	}
	PangoContext *ctx = make_context(doc.akn.lang, doc.akn.rtl);
	status = check_font(ctx, &style, opts->diag);
	if (status) {
		pdf_doc_free(&doc);
		g_object_unref(ctx);
		return status;
	}
	doc.style = &style;
	doc.ctx = ctx;
	if (style.hyphenate && style.hyphen_dict[0]) {
		doc.hyph = pdf_hyphenator_open(style.hyphen_dict, style.hyphen_min_word, style.hyphen_ascii_words);
		if (!doc.hyph)
			diag_warn(opts->diag, 0, "pdf", "cannot load hyphenation patterns %s (Debian packages hyphen-en-us, hyphen-fr, hyphen-es, hyphen-ru); not hyphenating",
				  style.hyphen_dict);
	}
	doc.words = getenv("UNPRESS_PDF_NO_WORD_CACHE") ? NULL : pdf_words_new(ctx);
	/* a report lists its chapters on its first page; a resolution or a
	 * decision (AKN statement) never prints a contents list */
	int toc = !doc.akn.top || strcmp((const char *)doc.akn.top->name, "statement");
	/* the blocks, each a copy of what it shows: the document read as
	 * the walk goes is gone once walked */
	if (streams(parts))
		status = pdf_write_streamed(&doc, parts, toc, path, opts);
	else
		status = write_whole(&doc, parts, toc, path, opts);
	pdf_hyphenator_close(doc.hyph);
	pdf_doc_free(&doc);
	g_object_unref(ctx);
	return status;
}

int pdf_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts)
{
	struct akn_parts *parts = akn_parts_tree(akn);
	int status = pdf_edition_write_parts(parts, path, opts);
	akn_parts_close(parts);
	return status;
}

