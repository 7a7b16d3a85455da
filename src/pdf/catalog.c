/* catalog.c — what cairo 1.16 cannot say in a PDF's document catalog:
 * the document's language (/Lang, PDF 1.7 14.9.2), which the tagged
 * structure inherits and a screen reader needs, and for a right-to-left
 * language the reading direction (/ViewerPreferences /Direction /R2L,
 * 12.2), so that a viewer shows facing pages the Arabic way.
 *
 * cairo writes the catalog as the last object before the cross-reference
 * table; the entries are added inside it and the one offset that moves,
 * startxref's, is rewritten.  Anything else (another writer's layout) is
 * left alone and reported.  The PDF is written to its file as cairo makes
 * it (a whole PDF in memory was the largest part of the edition's peak on
 * dense input): only the file's tail, from the catalog on, is read back,
 * patched and written again. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf/pdfint.h"

/* The last occurrence of needle in [hay, hay + n), or NULL. */
static const char *last(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
		if (!memcmp(hay + i, needle, k))
			return hay + i;
	return NULL;
}

int pdf_catalog_add(struct buf *pdf, size_t base, const char *lang, int rtl)
{
	const char *d = pdf->data;
	size_t n = pdf->len;
	const char *sx = last(d, n, "startxref\n");
	const char *tr = sx ? last(d, (size_t)(sx - d), "trailer") : NULL;
	if (!sx || !tr)
		return base ? 1 : -1;
	long xref_at = strtol(sx + 10, NULL, 10);
	if (xref_at <= 0)
		return -1;
	if ((size_t)xref_at < base)
		return 1;	/* the table starts before the tail */
	long xref = xref_at - (long)base;	/* in the tail */
	const char *root = strstr(tr, "/Root ");
	if ((size_t)xref >= n || !root || root > sx)
		return -1;
	long obj = strtol(root + 6, NULL, 10);
	char head[40];
	snprintf(head, sizeof head, "\n%ld 0 obj\n", obj);
	const char *cat = last(d, (size_t)xref, head);
	if (!cat && base)
		return 1;	/* the catalog starts before the tail */
	const char *end = cat ? last(d, (size_t)xref, ">>\nendobj\n") : NULL;
	/* the catalog ends where the cross-reference table starts */
	if (!cat || !end || end < cat || end + 10 != d + xref)
		return -1;
	const char *has = strstr(cat, "/Lang");
	if (has && has < end)
		return -1;	/* said already */
	/* the language as a PDF string: letters, digits and "-" only */
	char tag[20];
	size_t t = 0;
	for (const char *p = lang; *p && t < sizeof tag - 1; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-')
			tag[t++] = *p;
	tag[t] = '\0';
	char add[160];
	int len = snprintf(add, sizeof add, "   /Lang (%s)\n%s", t ? tag : "und",
			   rtl ? "   /ViewerPreferences << /Direction /R2L >>\n" : "");
	size_t at = (size_t)(end - d);
	buf_grow(pdf, (size_t)len);
	d = pdf->data;
	memmove(pdf->data + at + len, pdf->data + at, n - at);
	memcpy(pdf->data + at, add, (size_t)len);
	pdf->len = n + (size_t)len;
	/* startxref: the table moved by len bytes */
	sx = last(pdf->data, pdf->len, "startxref\n");
	size_t sx_at = (size_t)(sx - pdf->data) + 10;
	const char *num_end = strchr(pdf->data + sx_at, '\n');
	if (!num_end)
		return -1;
	char num[32];
	int numlen = snprintf(num, sizeof num, "%ld", xref_at + len);
	size_t old = (size_t)(num_end - (pdf->data + sx_at));
	buf_grow(pdf, (size_t)numlen);
	memmove(pdf->data + sx_at + numlen, pdf->data + sx_at + old, pdf->len - sx_at - old);
	memcpy(pdf->data + sx_at, num, (size_t)numlen);
	pdf->len = pdf->len - old + (size_t)numlen;
	pdf->data[pdf->len] = '\0';
	return 0;
}

/* Read bytes [base, size) of fd into tail (NUL-terminated); 0 or -1. */
static int read_tail(int fd, off_t base, off_t size, struct buf *tail)
{
	tail->len = 0;
	buf_grow(tail, (size_t)(size - base) + 1);
	while (tail->len < (size_t)(size - base)) {
		ssize_t got = pread(fd, tail->data + tail->len, (size_t)(size - base) - tail->len,
				    base + (off_t)tail->len);
		if (got <= 0)
			return -1;
		tail->len += (size_t)got;
	}
	tail->data[tail->len] = '\0';
	return 0;
}

int pdf_catalog_add_file(FILE *f, const char *lang, int rtl)
{
	if (fflush(f) != 0)
		return -2;
	int fd = fileno(f);
	struct stat st;
	if (fstat(fd, &st) != 0)
		return -2;
	struct buf tail = BUF_INIT;
	int rc = 1;
	/* the catalog is a few hundred bytes before the cross-reference
	 * table, which is 20 bytes an object: read more only when the tail
	 * read does not reach back to the catalog */
	for (off_t window = 64 * 1024; rc == 1; window *= 8) {
		off_t base = st.st_size > window ? st.st_size - window : 0;
		if (read_tail(fd, base, st.st_size, &tail) != 0) {
			rc = -2;
			break;
		}
		rc = pdf_catalog_add(&tail, (size_t)base, lang, rtl);
		/* the patched tail is longer than the one read: written over
		 * it, it leaves nothing of the old behind (the truncation is
		 * for the rule's sake) */
		if (rc == 0 && (fseeko(f, base, SEEK_SET) != 0 || fwrite(tail.data, 1, tail.len, f) != tail.len ||
				fflush(f) != 0 || ftruncate(fd, base + (off_t)tail.len) != 0))
			rc = -2;
	}
	buf_free(&tail);
	return rc;
}
