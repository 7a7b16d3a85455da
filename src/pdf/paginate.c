/* paginate.c — breaks the laid-out blocks into pages.
 *
 * Rules (UN editorial practice, as in any book work):
 *   - a footnote is printed at the foot of the page holding its reference
 *     mark; the body text shrinks to make room.  A footnote too long for
 *     the space left may run on to the foot of the next page, provided at
 *     least two of its lines stay with the reference;
 *   - no orphans (a paragraph's first line alone at the foot of a page) and
 *     no widows (its last line alone at the head of the next);
 *   - a heading is never the last thing on a page: it keeps with the first
 *     two lines of what follows;
 *   - vertical space is dropped at the head of a page;
 *   - a top-level annex starts a new page.
 * Lines are on a uniform pitch per block, so heights are line counts times
 * the leading. */
#include <stdlib.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/xmalloc.h"

struct carry {
	int note, from;
};

struct pager {
	struct pdf_doc *doc;
	const struct pdf_style *s;
	struct pdf_pages *out;
	double height;		/* body area height */
	double y;		/* body used */
	double pending;		/* vertical space owed before the next block */
	int empty;		/* nothing on the current page yet */
	struct carry *carry;	/* notes running on from the previous page */
	int ncarry, carry_cap;
};

static struct pdf_page *cur(struct pager *p)
{
	return &p->out->page[p->out->npages - 1];
}

static double note_overhead(const struct pdf_style *s)
{
	return 2 * s->note_rule_gap;
}

static double note_height(const struct pdf_style *s, const struct pdf_measure *n, int from, int to)
{
	return (to - from) * n->leading + s->note_space;
}

static void place_note(struct pager *p, int note, int from, int to)
{
	struct pdf_page *pg = cur(p);
	struct pdf_measure *n = &p->doc->plan.notes[note];
	if (pg->nnotes == 0)
		pg->notes_height = note_overhead(p->s);
	struct pdf_slice sl = {note, from, to, pg->notes_height - note_overhead(p->s)};
	PDF_PUSH(pg->notes, pg->nnotes, pg->notes_cap, sl);
	pg->notes_height += note_height(p->s, n, from, to);
	if (from == 0)
		n->page = p->out->npages;
}

static void new_page(struct pager *p)
{
	struct pdf_page blank;
	memset(&blank, 0, sizeof blank);
	PDF_PUSH(p->out->page, p->out->npages, p->out->cap, blank);
	p->y = 0;
	p->pending = 0;
	p->empty = 1;
	/* Notes continued from the previous page come first; give them at
	 * most half the page so the text can go on. */
	int ncarry = p->ncarry;
	struct carry *carry = p->carry;
	p->carry = NULL;
	p->ncarry = p->carry_cap = 0;
	for (int i = 0; i < ncarry; i++) {
		struct pdf_measure *n = &p->doc->plan.notes[carry[i].note];
		int fit = (int)((p->height / 2 - note_overhead(p->s)) / n->leading);
		int to = carry[i].from + fit < n->nlines ? carry[i].from + fit : n->nlines;
		if (to <= carry[i].from)
			to = carry[i].from + 1;
		place_note(p, carry[i].note, carry[i].from, to);
		if (to < n->nlines) {
			struct carry c = {carry[i].note, to};
			PDF_PUSH(p->carry, p->ncarry, p->carry_cap, c);
		}
	}
	free(carry);
}

/* Height the notes referenced on line `line` of b would add in full. */
static const struct pdf_measured_ref *refs(struct pager *p, const struct pdf_measure *b)
{
	return p->doc->plan.refs + b->ref0;
}

static double line_notes(struct pager *p, const struct pdf_measure *b, int line, double notes_now)
{
	double h = 0;
	for (int i = 0; i < b->nrefs; i++) {
		if (refs(p, b)[i].line != line)
			continue;
		const struct pdf_measure *n = &p->doc->plan.notes[refs(p, b)[i].note];
		if (notes_now + h == 0)
			h += note_overhead(p->s);
		h += note_height(p->s, n, 0, n->nlines);
	}
	return h;
}

/* How many lines of b, from `start`, fit on the current page?  *split is
 * set when the last of them fits only by running its last note on. */
static int lines_that_fit(struct pager *p, const struct pdf_measure *b, int start, double space, int *split)
{
	double notes = cur(p)->notes_height;
	int m = 0;
	*split = 0;
	for (int i = start; i < b->nlines; i++) {
		double body = p->y + space + (i - start + 1) * b->leading;
		double add = line_notes(p, b, i, notes);
		if (body + notes + add <= p->height + 0.01) {
			m++;
			notes += add;
			continue;
		}
		/* Would it fit with the last note cut to two lines? */
		const struct pdf_measure *last = NULL;
		for (int r = 0; r < b->nrefs; r++)
			if (refs(p, b)[r].line == i)
				last = &p->doc->plan.notes[refs(p, b)[r].note];
		if (last && last->nlines >= 4) {
			double cut = add - (last->nlines - 2) * last->leading;
			if (body + notes + cut <= p->height + 0.01) {
				m++;
				*split = 1;
			}
		}
		break;
	}
	return m;
}

static int break_allowed(const struct pdf_measure *b, int start, int k)
{
	int end = start + k;
	if (end >= b->nlines)
		return 1;
	if (b->kind == BLK_HEADING || b->kind == BLK_TITLE || b->kind == BLK_COVER || b->kind == BLK_TOC)
		return 0;
	if (start == 0 && k < 2)
		return 0;	/* orphan */
	if (b->nlines - end < 2)
		return 0;	/* widow */
	return 1;
}

/* Put lines [start, start+k) of block `index` on the current page with
 * their notes. */
static void place_lines(struct pager *p, int index, int start, int k, double space, int split)
{
	struct pdf_measure *b = &p->doc->plan.blocks[index];
	struct pdf_page *pg = cur(p);
	struct pdf_slice sl = {index, start, start + k, p->y + space};
	PDF_PUSH(pg->body, pg->nbody, pg->body_cap, sl);
	if (start == 0) {
		b->page = p->out->npages;
		b->y = p->y + space;
	}
	p->y += space + k * b->leading;
	p->empty = 0;
	for (int i = start; i < start + k; i++) {
		for (int r = 0; r < b->nrefs; r++) {
			if (refs(p, b)[r].line != i)
				continue;
			int note = refs(p, b)[r].note;
			const struct pdf_measure *n = &p->doc->plan.notes[note];
			int to = n->nlines;
			if (split && i == start + k - 1) {
				double room = p->height - p->y - cur(p)->notes_height -
					      (cur(p)->nnotes ? 0 : note_overhead(p->s)) - p->s->note_space;
				int fit = (int)(room / n->leading + 0.01);
				if (fit < n->nlines && fit >= 2) {
					to = fit;
					struct carry c = {note, to};
					PDF_PUSH(p->carry, p->ncarry, p->carry_cap, c);
				}
			}
			place_note(p, note, 0, to);
		}
	}
}

/* Height needed to keep a heading chain from blocks[i] with the first two
 * lines of the block after it. */
static double keep_height(struct pager *p, int i)
{
	double h = 0;
	int first = 1;
	for (; i < p->doc->plan.nblocks; i++) {
		const struct pdf_measure *b = &p->doc->plan.blocks[i];
		double space = first ? p->pending : b->space_before;
		if (first && space < b->space_before)
			space = b->space_before;
		first = 0;
		if (b->keep_with_next) {
			h += space + b->height + b->space_after;
			continue;
		}
		int lines = b->nlines < 2 ? b->nlines : 2;
		h += space + lines * b->leading;
		for (int l = 0; l < lines; l++)
			h += line_notes(p, b, l, 1);
		break;
	}
	return h;
}

static void place_block(struct pager *p, int index)
{
	const struct pdf_measure *b = &p->doc->plan.blocks[index];
	if (b->nlines == 0)
		return;
	if (b->page_break_before && !p->empty)
		new_page(p);
	if (b->keep_with_next && !p->empty) {
		double need = keep_height(p, index);
		if (need < p->height * 0.5 && p->y + need + cur(p)->notes_height > p->height)
			new_page(p);
	}
	int start = 0;
	while (start < b->nlines) {
		double space = p->empty ? 0 : (p->pending > b->space_before ? p->pending : b->space_before);
		if (start > 0)
			space = 0;
		int split;
		int m = lines_that_fit(p, b, start, space, &split);
		int k = m;
		while (k > 0 && !break_allowed(b, start, k))
			k--;
		if (k < m)
			split = 0;
		if (k == 0) {
			if (!p->empty) {
				new_page(p);
				continue;
			}
			/* An empty page and still no room: the block (or its
			 * notes) is taller than a page.  Place what fits, at
			 * least one line, and let the notes run on. */
			k = m > 0 ? m : 1;
			split = 1;
		}
		place_lines(p, index, start, k, space, split);
		start += k;
		if (start < b->nlines)
			new_page(p);
	}
	p->pending = b->space_after;
}

void pdf_paginate(struct pdf_doc *d, struct pdf_pages *out)
{
	struct pager p;
	memset(&p, 0, sizeof p);
	memset(out, 0, sizeof *out);
	p.doc = d;
	p.s = d->style;
	p.out = out;
	p.height = d->style->page_height - d->style->margin_top - d->style->margin_bottom;
	new_page(&p);
	for (int i = 0; i < d->plan.nblocks; i++)
		place_block(&p, i);
	while (p.ncarry > 0)
		new_page(&p);
	free(p.carry);
}

void pdf_pages_free(struct pdf_pages *p)
{
	for (int i = 0; i < p->npages; i++) {
		free(p->page[i].body);
		free(p->page[i].notes);
	}
	free(p->page);
	memset(p, 0, sizeof *p);
}
