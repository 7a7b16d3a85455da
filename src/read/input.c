/* read/input.c — decoding and sanity checks on the bytes we are given.
 *
 * Policy, applied the same way to every file:
 * - a file that starts like a PDF, an image, an archive or an office
 *   document is refused (EX_DATAERR): text must be extracted first;
 * - UTF-16 with a byte order mark is converted; a UTF-8 BOM is dropped;
 * - bytes that are not valid UTF-8: if no valid multi-byte sequence occurs
 *   at all the file is read as Windows-1252 (Latin-1), with one warning;
 *   otherwise each bad byte becomes U+FFFD and the first offset is reported;
 * - noncharacters (U+FFFE, U+FFFF and the 64 others: util/utf8.h) become
 *   U+FFFD with one warning: two of them cannot be XML at all;
 * - CRLF and lone CR become LF; NUL and other control bytes are removed with
 *   one warning; form feed (a page break from pdftotext) is kept. */
#include "read/input.h"

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
#include "util/readfile.h"
#include "util/swar.h"
#include "util/utf8.h"

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

static void put_utf8(struct buf *out, uint32_t cp)
{
	char tmp[4];
	buf_put(out, tmp, utf8_encode(cp, tmp));
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

/* What the first sweep over the bytes found. */
struct byte_census {
	size_t nuls, valid_multi, invalid, dirty;
	size_t first_invalid;	/* offset of the first invalid byte, or (size_t)-1 */
};

/* Count NULs, multibyte characters, invalid bytes and bytes the cleaning
 * sweep would change (CR, controls, noncharacters), in one sweep. */
static struct byte_census take_census(const unsigned char *src, size_t srclen)
{
	struct byte_census k = {.first_invalid = (size_t)-1};
	for (size_t i = 0; i < srclen;) {
		/* printable ASCII, eight bytes at a time */
		i += swar_skip_text((const char *)src + i, srclen - i, true);
		if (i >= srclen)
			break;
		unsigned c = src[i];
		if (c < 0x80) {
			if (c == 0) k.nuls++;
			if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7f)
				k.dirty++;
			i++;
			continue;
		}
		uint32_t cp;
		size_t l = utf8_decode(src + i, srclen - i, &cp);
		if (l == 0) {
			if (k.first_invalid == (size_t)-1) k.first_invalid = i;
			k.invalid++;
			i++;
			continue;
		}
		if (l == 2 && c == 0xc2 && src[i + 1] < 0xa0)
			k.dirty++;	/* a C1 control */
		if (l >= 3 && unicode_is_noncharacter(cp))
			k.dirty++;
		k.valid_multi++;
		i += l;
	}
	return k;
}

/* Copy src into out as clean UTF-8: CR and CRLF become LF, controls are
 * removed, noncharacters and invalid bytes become U+FFFD, and with
 * latin1 every high byte is read as Windows-1252. */
static void clean_copy(const unsigned char *src, size_t srclen, bool latin1, struct buf *out, struct diag *diag)
{
	buf_grow(out, srclen + srclen / 8);
	size_t controls = 0, nonchars = 0;
	for (size_t i = 0; i < srclen;) {
		/* printable ASCII, tab and newline: copy the whole run at once */
		size_t run = i;
		while (run < srclen && ((src[run] >= 0x20 && src[run] < 0x7f) || src[run] == '\n' || src[run] == '\t'))
			run++;
		if (run > i) {
			buf_put(out, (const char *)src + i, run - i);
			i = run;
			continue;
		}
		unsigned c = src[i];
		if (c == '\r') {
			buf_putc(out, '\n');
			i += (i + 1 < srclen && src[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7f) { controls++; i++; continue; }
		if (c < 0x80) { buf_putc(out, (char)c); i++; continue; }
		if (latin1) {
			put_utf8(out, c < 0xa0 ? cp1252_high[c - 0x80] : c);
			i++;
			continue;
		}
		uint32_t cp;
		size_t l = utf8_decode(src + i, srclen - i, &cp);
		if (l == 0) { put_utf8(out, 0xfffd); i++; continue; }
		if (unicode_is_noncharacter(cp)) { nonchars++; put_utf8(out, 0xfffd); i += l; continue; }
		/* C1 controls (U+0080–U+009F) are as invisible as C0 ones. */
		if (l == 2 && src[i] == 0xc2 && src[i + 1] < 0xa0) { controls++; i += 2; continue; }
		buf_put(out, (const char *)src + i, l);
		i += l;
	}
	if (controls)
		diag_warn(diag, 0, "input", "removed %zu control characters (NUL and the like)", controls);
	if (nonchars)
		diag_warn(diag, 0, "input", "replaced %zu noncharacters (U+FFFE and the like) by U+FFFD", nonchars);
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
	struct byte_census k = take_census(src, srclen);
	if (srclen > 0 && k.nuls * 10 > srclen) {
		diag_error(diag, 0, "input", "this looks like binary data (%zu NUL bytes), not text", k.nuls);
		buf_free(&decoded);
		return EX_DATAERR;
	}
	bool latin1 = k.invalid > 0 && k.valid_multi == 0;
	if (latin1)
		diag_warn(diag, 0, "input", "not UTF-8 (first bad byte at offset %zu): read as Windows-1252/Latin-1",
			  k.first_invalid);
	else if (k.invalid > 0)
		diag_warn(diag, 0, "input", "invalid UTF-8 at byte offset %zu (%zu bad bytes replaced by U+FFFD)",
			  k.first_invalid, k.invalid);
	if (!k.dirty && !k.invalid) {
		/* the usual case: valid UTF-8 with nothing to remove */
		*len = srclen;
		*text = arena_strndup(arena, (const char *)src, srclen);
		buf_free(&decoded);
		return 0;
	}
	struct buf out = BUF_INIT;
	clean_copy(src, srclen, latin1, &out, diag);
	*len = out.len;
	*text = arena_strndup(arena, out.data ? out.data : "", out.len);
	buf_free(&out);
	buf_free(&decoded);
	return 0;
}

/* The largest input read: a UN document's text is a few megabytes; a
 * file of hundreds is not one, and would cost some twenty times its size. */
#define INPUT_MAX ((size_t)128 << 20)

int input_read(const char *path, struct arena *arena, struct diag *diag, char **text, size_t *len)
{
	struct buf raw = BUF_INIT;
	const char *why;
	if (read_bounded(path, INPUT_MAX, READ_STREAMS, &raw, &why) != 0) {
		int saved = errno;
		buf_free(&raw);
		if (saved == EFBIG) {
			diag_error(diag, 0, "input", "the file is larger than %s: not a document's text",
				   read_size_text(INPUT_MAX));
			return EX_DATAERR;
		}
		if (saved == ENOENT || saved == EACCES || saved == ENOTDIR)
			diag_error(diag, 0, "input", "cannot open: %s", why);
		else if (saved == EISDIR || saved == EINVAL)
			diag_error(diag, 0, "input", "%s", why);
		else
			diag_error(diag, 0, "input", "cannot read: %s", why);
		return EX_NOINPUT;
	}
	if (raw.len == 0) {
		diag_error(diag, 0, "input", "the file is empty: nothing to convert");
		buf_free(&raw);
		return EX_DATAERR;
	}
	int rc = input_decode(raw.data, raw.len, arena, diag, text, len);
	buf_free(&raw);
	/* a byte order mark alone, or blank lines: nothing to publish */
	if (rc == 0 && (*len == 0 || strspn(*text, " \t\n\f") == *len)) {
		diag_error(diag, 0, "input", "the file holds no text (only %s): nothing to convert",
			   *len ? "blank lines" : "a byte order mark or control characters");
		return EX_DATAERR;
	}
	return rc;
}
