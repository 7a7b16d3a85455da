/* input.c — decoding and sanity checks on the bytes we are given.
 *
 * Policy, applied the same way to every file:
 * - a file that starts like a PDF, an image, an archive or an office
 *   document is refused (EX_DATAERR): text must be extracted first;
 * - UTF-16 with a byte order mark is converted; a UTF-8 BOM is dropped;
 * - bytes that are not valid UTF-8: if no valid multi-byte sequence occurs
 *   at all the file is read as Windows-1252 (Latin-1), with one warning;
 *   otherwise each bad byte becomes U+FFFD and the first offset is reported;
 * - CRLF and lone CR become LF; NUL and other control bytes are removed with
 *   one warning; form feed (a page break from pdftotext) is kept. */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/swar.h"

static const char *binary_kind(const unsigned char *b, size_t n)
{
	static const struct { const char *magic; size_t len; const char *what; } kinds[] = {
		{"%PDF-", 5, "a PDF file"},
		{"\x89PNG", 4, "a PNG image"},
		{"\xff\xd8\xff", 3, "a JPEG image"},
		{"GIF8", 4, "a GIF image"},
		{"PK\x03\x04", 4, "a ZIP archive (or a DOCX/ODT document)"},
		{"\xd0\xcf\x11\xe0", 4, "a Microsoft Office document"},
		{"\x1f\x8b", 2, "a gzip archive"},
		{"\x7f" "ELF", 4, "an executable"},
		{"{\\rtf", 5, "an RTF document"},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (n >= kinds[i].len && !memcmp(b, kinds[i].magic, kinds[i].len))
			return kinds[i].what;
	return NULL;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80) return 1;
	size_t len;
	uint32_t cp;
	if (c >= 0xc2 && c <= 0xdf) len = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef) len = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4) len = 4, cp = c & 0x07;
	else return 0;
	if (n < len) return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

static void put_utf8(struct buf *out, uint32_t cp)
{
	char tmp[4];
	if (cp < 0x80) { buf_putc(out, (char)cp); return; }
	if (cp < 0x800) {
		tmp[0] = (char)(0xc0 | (cp >> 6)); tmp[1] = (char)(0x80 | (cp & 0x3f));
		buf_put(out, tmp, 2); return;
	}
	if (cp < 0x10000) {
		tmp[0] = (char)(0xe0 | (cp >> 12)); tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		tmp[2] = (char)(0x80 | (cp & 0x3f)); buf_put(out, tmp, 3); return;
	}
	tmp[0] = (char)(0xf0 | (cp >> 18)); tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); tmp[3] = (char)(0x80 | (cp & 0x3f));
	buf_put(out, tmp, 4);
}

/* Windows-1252 bytes 0x80–0x9f; the rest of the high half is Latin-1. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
	0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
};

static void utf16_to_utf8(const unsigned char *b, size_t n, int big_endian, struct buf *out,
			  struct diag *diag)
{
	int bad = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t u = big_endian ? (uint32_t)(b[i] << 8 | b[i + 1]) : (uint32_t)(b[i + 1] << 8 | b[i]);
		if (u >= 0xd800 && u <= 0xdbff && i + 3 < n) {
			uint32_t lo = big_endian ? (uint32_t)(b[i + 2] << 8 | b[i + 3])
						 : (uint32_t)(b[i + 3] << 8 | b[i + 2]);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				put_utf8(out, 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00));
				i += 2;
				continue;
			}
		}
		if (u >= 0xd800 && u <= 0xdfff) {
			if (!bad++)
				diag_warn(diag, 0, "input", "unpaired UTF-16 surrogate at byte offset %zu replaced by U+FFFD", i);
			u = 0xfffd;
		}
		put_utf8(out, u);
	}
}

int input_decode(const char *bytes, size_t n, struct arena *arena, struct diag *diag,
		 char **text, size_t *len)
{
	const unsigned char *b = (const unsigned char *)bytes;
	const char *kind = binary_kind(b, n);
	if (kind) {
		diag_error(diag, 0, "input", "this is %s, not text: extract its text first "
			   "(for a PDF: pdftotext -layout FILE.pdf)", kind);
		return EX_DATAERR;
	}
	struct buf decoded = BUF_INIT;
	const unsigned char *src = b;
	size_t srclen = n;
	if (n >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff))) {
		utf16_to_utf8(b + 2, n - 2, b[0] == 0xfe, &decoded, diag);
		diag_note(diag, 0, "input", "converted from UTF-16 (%s)", b[0] == 0xfe ? "big endian" : "little endian");
		src = (const unsigned char *)buf_cstr(&decoded);
		srclen = decoded.len;
	} else if (n >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) {
		src += 3;
		srclen -= 3;
	}

	/* Count NULs and check UTF-8 validity in one sweep. */
	size_t nuls = 0, valid_multi = 0, invalid = 0, dirty = 0, first_invalid = (size_t)-1;
	for (size_t i = 0; i < srclen;) {
		/* printable ASCII, eight bytes at a time */
		i += swar_skip_text((const char *)src + i, srclen - i, true);
		if (i >= srclen)
			break;
		unsigned c = src[i];
		if (c < 0x80) {
			/* bytes the second sweep would change: CR and controls */
			if (c == 0) nuls++;
			if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7f)
				dirty++;
			i++;
			continue;
		}
		size_t l = utf8_valid_len(src + i, srclen - i);
		if (l == 0) {
			if (first_invalid == (size_t)-1) first_invalid = i;
			invalid++;
			i++;
		} else {
			if (l == 2 && c == 0xc2 && src[i + 1] < 0xa0)
				dirty++;	/* a C1 control */
			valid_multi++;
			i += l;
		}
	}
	if (srclen > 0 && nuls * 10 > srclen) {
		diag_error(diag, 0, "input", "this looks like binary data (%zu NUL bytes), not text", nuls);
		buf_free(&decoded);
		return EX_DATAERR;
	}
	int latin1 = invalid > 0 && valid_multi == 0;
	if (latin1)
		diag_warn(diag, 0, "input", "not UTF-8 (first bad byte at offset %zu): read as Windows-1252/Latin-1",
			  first_invalid);
	else if (invalid > 0)
		diag_warn(diag, 0, "input", "invalid UTF-8 at byte offset %zu (%zu bad bytes replaced by U+FFFD)",
			  first_invalid, invalid);

	if (!dirty && !invalid) {
		/* the usual case: valid UTF-8 with nothing to remove */
		*len = srclen;
		*text = arena_strndup(arena, (const char *)src, srclen);
		buf_free(&decoded);
		return 0;
	}
	struct buf out = BUF_INIT;
	buf_grow(&out, srclen + srclen / 8);
	size_t controls = 0;
	for (size_t i = 0; i < srclen;) {
		/* printable ASCII, tab and newline: copy the whole run at once */
		size_t run = i;
		while (run < srclen && ((src[run] >= 0x20 && src[run] < 0x7f) || src[run] == '\n' || src[run] == '\t'))
			run++;
		if (run > i) {
			buf_put(&out, (const char *)src + i, run - i);
			i = run;
			continue;
		}
		unsigned c = src[i];
		if (c == '\r') {
			buf_putc(&out, '\n');
			i += (i + 1 < srclen && src[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		if (c < 0x20 && c != '\n' && c != '\t' && c != '\f') {
			controls++;
			i++;
			continue;
		}
		if (c == 0x7f) { controls++; i++; continue; }
		if (c < 0x80) { buf_putc(&out, (char)c); i++; continue; }
		if (latin1) {
			put_utf8(&out, c < 0xa0 ? cp1252_high[c - 0x80] : c);
			i++;
			continue;
		}
		size_t l = utf8_valid_len(src + i, srclen - i);
		if (l == 0) { put_utf8(&out, 0xfffd); i++; continue; }
		/* C1 controls (U+0080–U+009F) are as invisible as C0 ones. */
		if (l == 2 && src[i] == 0xc2 && src[i + 1] < 0xa0) { controls++; i += 2; continue; }
		buf_put(&out, (const char *)src + i, l);
		i += l;
	}
	if (controls)
		diag_warn(diag, 0, "input", "removed %zu control characters (NUL and the like)", controls);
	*len = out.len;
	*text = arena_strndup(arena, out.data ? out.data : "", out.len);
	buf_free(&out);
	buf_free(&decoded);
	return 0;
}

int input_read(const char *path, struct arena *arena, struct diag *diag, char **text, size_t *len)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		diag_error(diag, 0, "input", "cannot open: %s", strerror(errno));
		return EX_NOINPUT;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		diag_error(diag, 0, "input", "is a directory, not a text file");
		close(fd);
		return EX_NOINPUT;
	}
	struct buf raw = BUF_INIT;
	/* room for the whole file at once (a pipe or a growing file reads on) */
	buf_grow(&raw, S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536);
	for (;;) {
		if (raw.cap - raw.len < 2)	/* full: one byte for read, one for NUL */
			buf_grow(&raw, raw.cap);
		ssize_t r = read(fd, raw.data + raw.len, raw.cap - raw.len - 1);
		if (r < 0) {
			if (errno == EINTR) continue;
			diag_error(diag, 0, "input", "cannot read: %s", strerror(errno));
			close(fd);
			buf_free(&raw);
			return EX_NOINPUT;
		}
		if (r == 0) break;
		raw.len += (size_t)r;
		raw.data[raw.len] = '\0';
	}
	close(fd);
	if (raw.len == 0) {
		diag_error(diag, 0, "input", "the file is empty: nothing to convert");
		buf_free(&raw);
		return EX_DATAERR;
	}
	int rc = input_decode(raw.data, raw.len, arena, diag, text, len);
	buf_free(&raw);
	return rc;
}
