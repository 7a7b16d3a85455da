/* pdf.c — the PDF edition: AKN → blocks (flow.c) → pango layouts
 * (layout.c) → pages (paginate.c) → cairo PDF (draw.c), with the
 * document outline, metadata and a reproducible creation date.
 *
 * Output goes through util/atomic.h: cairo writes into the temporary
 * file, the catalog in its tail gets the document's language (catalog.c),
 * and the file replaces the target only when cairo reports success. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <cairo-pdf.h>

#include "akn/edition.h"
#include "pdf/pdfint.h"
#include "util/atomic.h"
#include "util/xmalloc.h"

/* cairo's output goes to the temporary file as it is made (a PDF of
 * dense notes, 45 MB for 1 MB of text, was held whole in memory); the
 * first error is kept for the message. */
struct pdf_out {
	struct atomic_file af;
	int error;		/* errno of the first failed write, or 0 */
};

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int length)
{
	struct pdf_out *out = closure;
	if (out->error)
		return CAIRO_STATUS_WRITE_ERROR;
	if (fwrite(data, 1, length, atomic_stream(&out->af)) != length) {
		out->error = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

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

/* Outline (bookmarks) from the headings, nested by level. */
static void add_outline(cairo_surface_t *surface, struct pdf_doc *d)
{
	int parent[6] = {CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0, 0, 0};
	int last_level = 0;
	for (int i = 0; i < d->nblocks; i++) {
		struct pdf_block *b = d->blocks[i];
		if (!b || !b->outline || b->page <= 0 || (b->kind == BLK_HEADING && b->level > 3))
			continue;
		int level = b->kind == BLK_TITLE ? 1 : b->level;
		if (level < 1)
			level = 1;
		if (level > last_level + 1)
			level = last_level + 1;
		char link[96];
		snprintf(link, sizeof link, "page=%d pos=[%.2f %.2f]", b->page,
			 d->style->margin_inner, d->style->margin_top + b->y);
		int id = cairo_pdf_surface_add_outline(surface, parent[level - 1], b->outline, link,
						       level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		parent[level] = id;
		last_level = level;
	}
}

static void set_metadata(cairo_surface_t *surface, struct pdf_doc *d, time_t when)
{
	char date[32];
	struct tm tm;
	gmtime_r(&when, &tm);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	const char *title = d->title ? d->title : d->symbol;
	if (title)
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	if (d->symbol)
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, d->symbol);
	if (d->body)
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, d->body);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "unpress");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

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

/* Lay out every note and block, each then keeping its lines' bytes and
 * geometry but not their glyphs (made again when its page is drawn),
 * but for the first blocks' while their glyphs stay under a megabyte:
 * an ordinary document is then drawn from its layout, as fast as it
 * was, and a long one holds at most that more.  The characters no font
 * has are named as each is laid out, in the order of the blocks; the
 * word cache is kept for the drawing. */
static void layout_all(PangoContext *ctx, struct pdf_doc *d, struct diag *diag)
{
	/* UNPRESS_PDF_GLYPHS_KEPT sets it (the tests: 0, every glyph made
	 * again when drawn, must give the same bytes) */
	const char *env = getenv("UNPRESS_PDF_GLYPHS_KEPT");
	size_t budget = env ? (size_t)strtoul(env, NULL, 10) : (size_t)1 << 20, kept = 0;
	struct pdf_metrics_cache mc;
	memset(&mc, 0, sizeof mc);
	d->words = getenv("UNPRESS_PDF_NO_WORD_CACHE") ? NULL : pdf_words_new(ctx);
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (int i = 0; i < d->nnotes + d->nblocks; i++) {
		struct pdf_block **home = i < d->nnotes ? &d->notes[i] : &d->blocks[i - d->nnotes];
		struct pdf_block *b = *home;
		b->home = home;
		pdf_layout_block(ctx, d->style, &mc, d->words, b);
		report_missing(b, seen, diag);
		size_t bytes = glyph_bytes(b);
		if (kept + bytes <= budget && bytes)
			kept += bytes;	/* (its number is made again when drawn) */
		else
			pdf_lines_release(b);
		pdf_words_trim(d->words);
	}
	g_hash_table_destroy(seen);
}

/* Fill the contents list's page numbers (widths are fixed, so the
 * pagination does not change). */
static void fill_toc(PangoContext *ctx, struct pdf_doc *d)
{
	for (int i = 0; i < d->nblocks; i++) {
		struct pdf_block *b = d->blocks[i];
		if (b->kind != BLK_TOC || !b->target)
			continue;
		char num[16];
		snprintf(num, sizeof num, "%d", b->target->page);
		free(b->right);
		b->right = xstrdup(num);
		pdf_layout_right(ctx, d->style, b);
	}
}

/* Draw the pages into the PDF at path, written as cairo makes it to a
 * temporary file that replaces path only when it is whole; its catalog
 * patched in the file's tail.  0 or a sysexits code, reported. */
static int draw_and_write(struct pdf_doc *doc, struct pdf_pages *pages, const char *path,
			  const struct render_opts *opts)
{
	struct pdf_out out = {.error = 0};
	if (atomic_open(&out.af, path) != 0) {
		diag_error(opts->diag, 0, "pdf", "cannot write %s: %s", path, strerror(errno));
		return EX_CANTCREAT;
	}
	const struct pdf_style *style = doc->style;
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
		write_stream, &out, style->page_width, style->page_height);
	set_metadata(surface, doc, opts->build_time);
	cairo_t *cr = cairo_create(surface);
	cairo_tag_begin(cr, "Document", NULL);
	for (int p = 1; p <= pages->npages; p++) {
		pdf_draw_page(cr, doc, pages, p);
		pdf_words_trim(doc->words);
		/* (its slices name blocks now freed) */
		struct pdf_page *pg = &pages->page[p - 1];
		free(pg->body);
		free(pg->notes);
		pg->body = pg->notes = NULL;
		pg->nbody = pg->nnotes = 0;
		if (p < pages->npages)
			cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	add_outline(surface, doc);
	cairo_status_t cst = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (cst == CAIRO_STATUS_SUCCESS)
		cst = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	int rc = 0;
	if (out.error) {
		diag_error(opts->diag, 0, "pdf", "cannot write %s: %s", path, strerror(out.error));
		rc = EX_CANTCREAT;
	} else if (cst != CAIRO_STATUS_SUCCESS) {
		diag_error(opts->diag, 0, "pdf", "cairo could not write %s: %s", path,
			   cairo_status_to_string(cst));
		rc = EX_SOFTWARE;
	}
	if (rc) {
		atomic_abort(&out.af);
		return rc;
	}
	errno = 0;
	int cat = pdf_catalog_add_file(atomic_stream(&out.af), doc->akn.lang, doc->akn.rtl);
	if (cat == -1)
		diag_warn(opts->diag, 0, "pdf", "%s: cannot record the language in the PDF's catalog", path);
	if (cat == -2)
		out.af.failed = 1;
	int saved = errno;
	if (atomic_commit(&out.af) != 0) {
		diag_error(opts->diag, 0, "pdf", "cannot write %s: %s", path,
			   strerror(cat == -2 && saved ? saved : errno));
		return EX_CANTCREAT;
	}
	return 0;
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
	/* a report lists its chapters on its first page; a resolution or a
	 * decision (AKN statement) never prints a contents list */
	int toc = !doc.akn.top || strcmp((const char *)doc.akn.top->name, "statement");
	/* the blocks, each a copy of what it shows: the document read as
	 * the walk goes is gone once walked */
	pdf_flow_build(&doc, parts);
	status = akn_parts_status(parts);
	if (status) {
		pdf_hyphenator_close(doc.hyph);
		pdf_doc_free(&doc);
		g_object_unref(ctx);
		return status;
	}
	akn_unknown_report(&doc.unknown, opts->diag, "pdf");
	if (toc)
		pdf_flow_add_toc(&doc);
	layout_all(ctx, &doc, opts->diag);
	struct pdf_pages pages;
	pdf_paginate(&doc, &pages);
	fill_toc(ctx, &doc);

	status = draw_and_write(&doc, &pages, path, opts);
	pdf_pages_free(&pages);
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
