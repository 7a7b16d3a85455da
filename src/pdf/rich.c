/* rich.c — styled text under construction: UTF-8 text plus pango
 * attributes, link ranges and footnote reference offsets, all as byte
 * offsets into the text.  XML whitespace runs collapse to one space. */
#include <stdlib.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/xmalloc.h"

void rich_init(struct pdf_rich *r, struct pdf_hyphenator *hyph)
{
	memset(r, 0, sizeof *r);
	r->attrs = pango_attr_list_new();
	r->hyph = hyph;
}

void rich_free(struct pdf_rich *r)
{
	buf_free(&r->text);
	if (r->attrs)
		pango_attr_list_unref(r->attrs);
	for (int i = 0; i < r->nlinks; i++)
		free(r->links[i].target);
	free(r->links);
	free(r->refs);
	memset(r, 0, sizeof *r);
}

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Emit the pending collapsed space, unless at the start of the text. */
static void flush_space(struct pdf_rich *r)
{
	if (r->pending_space && r->text.len > 0 && r->text.data[r->text.len - 1] != ' ')
		buf_putc(&r->text, ' ');
	r->pending_space = 0;
}

void rich_text(struct pdf_rich *r, const char *s)
{
	struct buf chunk = BUF_INIT;
	for (const char *p = s; *p; p++) {
		if (is_space(*p)) {
			if (chunk.len) {
				flush_space(r);
				pdf_hyphenate_append(r->hyph, &r->text, chunk.data, chunk.len);
				buf_clear(&chunk);
			}
			r->pending_space = 1;
		} else if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0) {
			/* keep no-break spaces inside the chunk */
			buf_put(&chunk, p, 2);
			p++;
		} else if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x91) {
			/* U+2011 NON-BREAKING HYPHEN ("non‑governmental"), which
			 * few text faces have (Liberation Serif has not: pango
			 * would set it in a fallback face): the hyphen U+2010
			 * and a word joiner, which forbids the break after it
			 * as U+2011 does */
			buf_puts(&chunk, "\xe2\x80\x90\xe2\x81\xa0");
			p += 2;
		} else {
			buf_putc(&chunk, *p);
		}
	}
	if (chunk.len) {
		flush_space(r);
		pdf_hyphenate_append(r->hyph, &r->text, chunk.data, chunk.len);
	}
	buf_free(&chunk);
}

void rich_literal(struct pdf_rich *r, const char *s)
{
	flush_space(r);
	buf_puts(&r->text, s);
}

int rich_pos(struct pdf_rich *r)
{
	return (int)r->text.len;
}

void rich_attr(struct pdf_rich *r, PangoAttribute *a, int start, int end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(r->attrs, a);
}

void rich_link(struct pdf_rich *r, int start, int end, const char *target, int internal)
{
	if (end <= start || !target || !*target)
		return;
	struct pdf_link l = {start, end, xstrdup(target), internal};
	PDF_PUSH(r->links, r->nlinks, r->links_cap, l);
}

void rich_noteref(struct pdf_rich *r, int offset, int note)
{
	struct pdf_noteref n = {offset, note, 0};
	PDF_PUSH(r->refs, r->nrefs, r->refs_cap, n);
}

void rich_trim(struct pdf_rich *r)
{
	r->pending_space = 0;
	while (r->text.len && r->text.data[r->text.len - 1] == ' ')
		r->text.len--;
	if (r->text.data)
		r->text.data[r->text.len] = '\0';
}

/* (see pdfint.h) */
void rich_shrink(struct pdf_rich *r)
{
	if (r->text.data && r->text.cap > r->text.len + 1) {
		r->text.data = xrealloc(r->text.data, r->text.len + 1);
		r->text.cap = r->text.len + 1;
	}
	if (r->links_cap > r->nlinks && r->nlinks) {
		r->links = xrealloc(r->links, sizeof *r->links * (size_t)r->nlinks);
		r->links_cap = r->nlinks;
	}
	if (r->refs_cap > r->nrefs && r->nrefs) {
		r->refs = xrealloc(r->refs, sizeof *r->refs * (size_t)r->nrefs);
		r->refs_cap = r->nrefs;
	}
}

int rich_drop_prefix(struct pdf_rich *r, const char *prefix)
{
	size_t n = strlen(prefix);
	if (r->text.len < n || memcmp(r->text.data, prefix, n) != 0)
		return 0;
	while (n < r->text.len && r->text.data[n] == ' ')
		n++;
	memmove(r->text.data, r->text.data + n, r->text.len - n + 1);
	r->text.len -= n;
	pango_attr_list_update(r->attrs, 0, (int)n, 0);
	for (int i = 0; i < r->nlinks; i++) {
		r->links[i].start = r->links[i].start > (int)n ? r->links[i].start - (int)n : 0;
		r->links[i].end = r->links[i].end > (int)n ? r->links[i].end - (int)n : 0;
	}
	for (int i = 0; i < r->nrefs; i++)
		r->refs[i].offset = r->refs[i].offset > (int)n ? r->refs[i].offset - (int)n : 0;
	return 1;
}
