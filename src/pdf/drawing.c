/* drawing.c — the PDF file, drawn page after page: cairo's surface
 * writing into a temporary file (util/atomic.h) that replaces the target
 * only when cairo reports success, its metadata and a reproducible
 * creation date, the outline, and the catalog in the file's tail given
 * the document's language (catalog.c). */
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
#include "util/diag.h"

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

/* Outline (bookmarks) from the headings, nested by level (their pages
 * from the plan: the blocks may be gone). */
static void add_outline(cairo_surface_t *surface, struct pdf_doc *d)
{
	int parent[6] = {CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0, 0, 0};
	int last_level = 0;
	for (int i = 0; i < d->plan.noutline; i++) {
		const struct pdf_outline_entry *e = &d->plan.outline[i];
		const struct pdf_measure *m = &d->plan.blocks[e->index];
		if (m->page <= 0 || (e->kind == BLK_HEADING && e->level > 3))
			continue;
		int level = e->kind == BLK_TITLE ? 1 : e->level;
		if (level < 1)
			level = 1;
		if (level > last_level + 1)
			level = last_level + 1;
		char link[96];
		snprintf(link, sizeof link, "page=%d pos=[%.2f %.2f]", m->page,
			 d->style->margin_inner, d->style->margin_top + m->y);
		int id = cairo_pdf_surface_add_outline(surface, parent[level - 1], e->title, link,
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

/* 0 or a sysexits code, reported. */
int pdf_drawing_open(struct pdf_drawing *dr, struct pdf_doc *doc, struct pdf_pages *pages, const char *path,
			const struct render_opts *opts)
{
	memset(dr, 0, sizeof *dr);
	dr->pages = pages;
	dr->next = 1;
	if (atomic_open(&dr->out.af, path) != 0) {
		diag_error(opts->diag, 0, "pdf", "cannot write %s: %s", path, strerror(errno));
		return EX_CANTCREAT;
	}
	const struct pdf_style *style = doc->style;
	dr->surface = cairo_pdf_surface_create_for_stream(write_stream, &dr->out, style->page_width,
							  style->page_height);
	set_metadata(dr->surface, doc, opts->build_time);
	dr->cr = cairo_create(dr->surface);
	if (pdf_plan_over_budget(&doc->plan)) {
		doc->untagged = 1;
		diag_warn(opts->diag, 0, "pdf", "%zu structure elements, links and destinations for %zu bytes of text "
			  "(more than one for every %d): the PDF is drawn without them, untagged and unlinked",
			  doc->plan.tags, doc->plan.text_bytes, PDF_TAG_BYTES);
	} else
		cairo_tag_begin(dr->cr, "Document", NULL);
	return 0;
}

/* Draw the pages whose blocks are all there: those whose body holds no
 * block after `ready` (INT_MAX: every page left). */
void pdf_draw_pages(struct pdf_drawing *dr, struct pdf_doc *doc, int ready)
{
	struct pdf_pages *pages = dr->pages;
	for (; dr->next <= pages->npages; dr->next++) {
		struct pdf_page *pg = &pages->page[dr->next - 1];
		if (pg->nbody && pg->body[pg->nbody - 1].index > ready)
			break;
		if (dr->next > 1)
			cairo_show_page(dr->cr);
		pdf_draw_page(dr->cr, doc, pages, dr->next);
		pdf_words_trim(doc->words);
		/* (its slices name blocks now freed) */
		free(pg->body);
		free(pg->notes);
		pg->body = pg->notes = NULL;
		pg->nbody = pg->nnotes = 0;
	}
}

/* Finish the file (failed: drop it): 0 or a sysexits code, reported. */
int pdf_drawing_close(struct pdf_drawing *dr, struct pdf_doc *doc, const char *path,
			 const struct render_opts *opts, int failed)
{
	if (!doc->untagged)
		cairo_tag_end(dr->cr, "Document");
	add_outline(dr->surface, doc);
	cairo_status_t cst = cairo_status(dr->cr);
	cairo_destroy(dr->cr);
	cairo_surface_finish(dr->surface);
	if (cst == CAIRO_STATUS_SUCCESS)
		cst = cairo_surface_status(dr->surface);
	cairo_surface_destroy(dr->surface);
	struct pdf_out *out = &dr->out;
	int rc = 0;
	if (out->error) {
		diag_error(opts->diag, 0, "pdf", "cannot write %s: %s", path, strerror(out->error));
		rc = EX_CANTCREAT;
	} else if (cst != CAIRO_STATUS_SUCCESS) {
		diag_error(opts->diag, 0, "pdf", "cairo could not write %s: %s", path,
			   cairo_status_to_string(cst));
		rc = EX_SOFTWARE;
	}
	if (rc || failed) {
		atomic_abort(&out->af);
		return rc;
	}
	errno = 0;
	int cat = pdf_catalog_add_file(atomic_stream(&out->af), doc->akn.lang, doc->akn.rtl);
	if (cat == -1)
		diag_warn(opts->diag, 0, "pdf", "%s: cannot record the language in the PDF's catalog", path);
	if (cat == -2)
		out->af.failed = 1;
	int saved = errno;
	if (atomic_commit(&out->af) != 0) {
		diag_error(opts->diag, 0, "pdf", "cannot write %s: %s", path,
			   strerror(cat == -2 && saved ? saved : errno));
		return EX_CANTCREAT;
	}
	return 0;
}

