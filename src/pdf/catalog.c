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
 * dense input): the catalog is read back from the file, and what follows
 * it (the cross-reference table, 20 bytes an object: 26 MB for a PDF of
 * 1 MB of dense notes) is moved up in pieces to make room. */
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

/* Bytes [at, at + n) of fd into b, NUL-terminated; 0 or -1. */
static int read_at(int fd, off_t at, size_t n, struct buf *b)
{
	b->len = 0;
	buf_grow(b, n);
	while (b->len < n) {
		ssize_t got = pread(fd, b->data + b->len, n - b->len, at + (off_t)b->len);
		if (got <= 0) {
			if (got == 0)
				errno = EIO;
			return -1;
		}
		b->len += (size_t)got;
	}
	b->data[b->len] = '\0';
	return 0;
}

/* Write n bytes at offset at of fd; 0 or -1. */
static int write_at(int fd, off_t at, const char *p, size_t n)
{
	while (n) {
		ssize_t put = pwrite(fd, p, n, at);
		if (put <= 0) {
			if (put == 0)
				errno = EIO;
			return -1;
		}
		p += put;
		n -= (size_t)put;
		at += put;
	}
	return 0;
}

/* Move bytes [from, to) of fd up by `by` bytes, the last piece first (a
 * memmove on the file: the table is never in memory whole); 0 or -1. */
static int move_up(int fd, off_t from, off_t to, off_t by)
{
	enum { PIECE = 256 * 1024 };
	struct buf b = BUF_INIT;
	int rc = 0;
	for (off_t end = to; end > from && rc == 0;) {
		off_t start = end - from > PIECE ? end - PIECE : from;
		rc = read_at(fd, start, (size_t)(end - start), &b) ||
		     write_at(fd, start + by, b.data, b.len) ? -1 : 0;
		end = start;
	}
	buf_free(&b);
	return rc;
}

/* The entries to add (the language as a PDF string: letters, digits and
 * "-" only); their length. */
static int entries(char *add, size_t room, const char *lang, int rtl)
{
	char tag[20];
	size_t t = 0;
	for (const char *p = lang; *p && t < sizeof tag - 1; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-')
			tag[t++] = *p;
	tag[t] = '\0';
	return snprintf(add, room, "   /Lang (%s)\n%s", t ? tag : "und",
			rtl ? "   /ViewerPreferences << /Direction /R2L >>\n" : "");
}

/* Where cairo's layout puts things: the offset of the end of the
 * catalog (its closing ">>"), of startxref's number and of the line end
 * after it, read from fd of size bytes.  0, -1 (not cairo's layout) or
 * -2 (a read failed). */
struct catalog_place {
	off_t at;		/* the catalog's closing ">>" */
	long xref;		/* the table's offset, as startxref says */
	off_t num, num_end;	/* startxref's number */
	char rest[64];		/* what follows the number ("\n%%EOF\n") */
};

static int find_catalog(int fd, off_t size, struct catalog_place *pl)
{
	struct buf t = BUF_INIT, c = BUF_INIT;
	int rc = -1;
	/* the trailer and startxref: cairo's are a few hundred bytes */
	off_t tb = size > 4096 ? size - 4096 : 0;
	if (read_at(fd, tb, (size_t)(size - tb), &t) != 0) {
		rc = -2;
		goto out;
	}
	const char *sx = last(t.data, t.len, "startxref\n");
	const char *tr = sx ? last(t.data, (size_t)(sx - t.data), "trailer") : NULL;
	const char *root = tr ? strstr(tr, "/Root ") : NULL;
	const char *nl = sx ? strchr(sx + 10, '\n') : NULL;
	if (!tr || !root || root > sx || !nl || strlen(nl) >= sizeof pl->rest)
		goto out;
	pl->xref = strtol(sx + 10, NULL, 10);
	pl->num = tb + (sx + 10 - t.data);
	pl->num_end = tb + (nl - t.data);
	snprintf(pl->rest, sizeof pl->rest, "%s", nl);
	if (pl->xref <= 0 || pl->xref >= tb + (sx - t.data))
		goto out;
	long obj = strtol(root + 6, NULL, 10);
	/* the catalog ends where the cross-reference table starts */
	off_t cb = pl->xref > 65536 ? pl->xref - 65536 : 0;
	if (read_at(fd, cb, (size_t)(pl->xref - cb), &c) != 0) {
		rc = -2;
		goto out;
	}
	char head[40];
	snprintf(head, sizeof head, "\n%ld 0 obj\n", obj);
	const char *cat = last(c.data, c.len, head);
	const char *end = cat ? last(c.data, c.len, ">>\nendobj\n") : NULL;
	if (!cat || !end || end < cat || end + 10 != c.data + c.len)
		goto out;
	if (memmem(cat, (size_t)(end - cat), "/Lang", 5))
		goto out;	/* said already */
	pl->at = cb + (end - c.data);
	rc = 0;
out:
	buf_free(&t);
	buf_free(&c);
	return rc;
}

int pdf_catalog_add_file(FILE *f, const char *lang, int rtl)
{
	if (fflush(f) != 0)
		return -2;
	int fd = fileno(f);
	struct stat st;
	if (fstat(fd, &st) != 0)
		return -2;
	struct catalog_place pl;
	int rc = find_catalog(fd, st.st_size, &pl);
	if (rc)
		return rc;
	char add[160];
	int len = entries(add, sizeof add, lang, rtl);
	/* the entries go in before the catalog's ">>"; the table and the
	 * trailer move up by their length, and startxref says so */
	char num[32];
	int numlen = snprintf(num, sizeof num, "%ld", pl.xref + len);
	if (move_up(fd, pl.at, pl.num, len) != 0 || write_at(fd, pl.at, add, (size_t)len) != 0 ||
	    write_at(fd, pl.num + len, num, (size_t)numlen) != 0 ||
	    write_at(fd, pl.num + len + numlen, pl.rest, strlen(pl.rest)) != 0 ||
	    ftruncate(fd, pl.num + len + numlen + (off_t)strlen(pl.rest)) != 0)
		return -2;
	/* the stream's own position stays where cairo left it; nothing
	 * more is written through it */
	return 0;
}
