/* streamed.c — the PDF of a long document, walked twice so that no more
 * than a few pages of its blocks are held at once. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "akn/edition.h"
#include "akn/parts.h"
#include "pdf/pdfint.h"
#include "util/diag.h"
#include "util/xmalloc.h"

/* A long document, walked twice (akn_parts_again), so that no more than a
 * few pages of its blocks are held at once (issue 14: a document of dense
 * notes held every block, 34 times its text).  The first walk makes each
 * block, lays it out, keeps its measures (pdf_plan) and frees it; the
 * contents list is made from what the walk gathered and the document is
 * paginated from the measures; the second walk makes and lays out each
 * block again, the same (the layout is a function of the block), and
 * each page is drawn once its last block is there, its blocks then
 * freed. */
struct streamed {
	struct pdf_doc *d;
	struct pdf_laying lay;
	int notes_done;		/* notes laid out so far */
	int at, ntoc;		/* the contents list's place and length */
	struct pdf_drawing *dr;	/* the second walk: drawing */
	int differs;		/* the second walk met another document */
};

/* The notes made since the last block, laid out (the first walk: measured
 * and freed). */
static void notes_since(struct streamed *st)
{
	struct pdf_doc *d = st->d;
	for (; st->notes_done < d->nnotes; st->notes_done++) {
		pdf_lay_out(d, &st->lay, &d->notes[st->notes_done]);
		if (st->dr)
			continue;
		pdf_plan_note(&d->plan, d->notes[st->notes_done]);
		pdf_block_free(d->notes[st->notes_done]);
		d->notes[st->notes_done] = NULL;
	}
}

static void measure_block(void *ctx, struct pdf_block *b)
{
	struct streamed *st = ctx;
	notes_since(st);
	struct pdf_block *home = b;
	pdf_lay_out(st->d, &st->lay, &home);
	pdf_plan_block(&st->d->plan, b);
	pdf_block_free(b);
}

static void draw_block(void *ctx, struct pdf_block *b)
{
	struct streamed *st = ctx;
	struct pdf_doc *d = st->d;
	notes_since(st);
	int flowed = d->flowed - 1, index = flowed < st->at ? flowed : flowed + st->ntoc;
	if (index >= d->nblocks) {
		st->differs = 1;
		pdf_block_free(b);
		return;
	}
	d->blocks[index] = b;
	pdf_lay_out(d, &st->lay, &d->blocks[index]);
	if (b->nlines != d->plan.blocks[index].nlines)
		st->differs = 1;
	if (b->nlines == 0) {	/* (never drawn) */
		pdf_block_free(b);
		d->blocks[index] = NULL;
	}
	pdf_draw_pages(st->dr, d, index);
}

int pdf_write_streamed(struct pdf_doc *d, struct akn_parts *parts, int toc, const char *path,
			  const struct render_opts *opts)
{
	struct streamed st = {.d = d};
	diag_note(opts->diag, 0, "pdf", "a long document (%lld bytes of XML): measured in one walk, drawn in a "
		  "second", akn_parts_bytes(parts));
	pdf_laying_init(&st.lay, opts->diag);
	st.lay.budget = 0;
	pdf_flow_build(d, parts, measure_block, &st);
	notes_since(&st);
	int status = akn_parts_status(parts);
	if (status) {
		pdf_laying_done(&st.lay);
		return status;
	}
	akn_unknown_report(&d->unknown, opts->diag, "pdf");
	int flowed = d->flowed;
	/* the contents list, laid out and measured into its place */
	struct pdf_block **entries = NULL;
	st.ntoc = toc ? pdf_flow_toc(d, &entries, &st.at) : 0;
	struct pdf_plan ins;
	memset(&ins, 0, sizeof ins);
	d->blocks = xmalloc(sizeof *d->blocks * (size_t)(flowed + st.ntoc + 1));
	d->nblocks = d->blocks_cap = flowed + st.ntoc;
	memset(d->blocks, 0, sizeof *d->blocks * (size_t)d->nblocks);
	for (int i = 0; i < st.ntoc; i++) {
		d->blocks[st.at + i] = entries[i];
		pdf_lay_out(d, &st.lay, &d->blocks[st.at + i]);
		pdf_plan_block(&ins, entries[i]);
	}
	free(entries);
	if (st.ntoc)
		pdf_plan_splice(&d->plan, st.at, &ins);
	pdf_laying_done(&st.lay);	/* (the second walk names nothing again) */
	struct pdf_pages pages;
	pdf_paginate(d, &pages);
	pdf_toc_fill(d, st.at, st.ntoc);
	/* the second walk: the notes again from the first */
	for (int i = 0; i < d->nnotes; i++)
		if (d->notes[i])
			pdf_block_free(d->notes[i]);
	d->nnotes = 0;
	st.notes_done = 0;
	struct pdf_drawing dr;
	status = pdf_drawing_open(&dr, d, &pages, path, opts);
	struct akn_parts *again = status ? NULL : akn_parts_again(parts);
	if (again) {
		st.dr = &dr;
		pdf_flow_build(d, again, draw_block, &st);
		notes_since(&st);
		status = akn_parts_close(again);
		if (!status && (st.differs || d->flowed != flowed || d->nnotes != d->plan.nnotes)) {
			diag_error(opts->diag, 0, "pdf", "the document read differently the second time");
			status = EX_SOFTWARE;
		}
		if (!status)
			pdf_draw_pages(&dr, d, INT_MAX);
		int closed = pdf_drawing_close(&dr, d, path, opts, status != 0);
		if (!status)
			status = closed;
	} else if (!status) {
		pdf_drawing_close(&dr, d, path, opts, 1);
		status = EX_SOFTWARE;
	}
	pdf_pages_free(&pages);
	return status;
}

