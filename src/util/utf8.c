/* utf8.c — see utf8.h. */
#include "util/utf8.h"

#include <string.h>

#include "util/buf.h"
#include "util/swar.h"

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v;
	if (c >= 0xc2 && c <= 0xdf) len = 2, v = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef) len = 3, v = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4) len = 4, v = c & 0x07;
	else return 0;
	if (n < len) return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff))) ||
	    (len == 4 && (v < 0x10000 || v > 0x10ffff)))
		return 0;
	*cp = v;
	return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* What text_clean does with the character at s: 0 keep, 1 replace by
 * U+FFFD, 2 drop, 3 a space; *len the bytes it takes. */
static int judge(const unsigned char *s, size_t n, unsigned flags, size_t *len)
{
	uint32_t cp;
	*len = utf8_decode(s, n, &cp);
	if (!*len) {
		*len = 1;
		return 1;
	}
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return flags & TEXT_ONE_LINE ? 3 : 0;
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 2;
	return unicode_is_noncharacter(cp) ? 1 : 0;
}

char *text_clean(struct arena *arena, const char *s, size_t n, unsigned flags, size_t *changed)
{
	const unsigned char *u = (const unsigned char *)s;
	char *out = arena_alloc(arena, 3 * n + 1);	/* a bad byte grows to 3 */
	size_t o = 0, count = 0;
	for (size_t i = 0; i < n;) {
		size_t len;
		int what = judge(u + i, n - i, flags, &len);
		if (what == 0)
			for (size_t k = 0; k < len; k++)
				out[o++] = s[i + k];
		else if (what == 1)
			o += utf8_encode(0xfffd, out + o);
		else if (what == 3)
			out[o++] = ' ';
		count += what != 0;
		i += len;
	}
	out[o] = '\0';
	if (changed)
		*changed = count;
	return out;
}

bool text_is_clean(const char *s, unsigned flags)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0;
	while (u[n])
		n++;
	for (size_t i = 0; i < n;) {
		size_t len;
		if (judge(u + i, n - i, flags, &len) != 0)
			return false;
		i += len;
	}
	return true;
}

char *utf8_repair(struct arena *arena, char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, count = 0;
	uint32_t cp;
	/* the usual case: valid, looked at once */
	while (i < n) {
		i += swar_skip_text(s + i, n - i, true);
		if (i >= n)
			break;
		size_t len = u[i] < 0x80 ? 1 : utf8_decode(u + i, n - i, &cp);
		if (!len)
			break;
		i += len;
	}
	if (i >= n) {
		if (bad)
			*bad = 0;
		return s;
	}
	char *out = arena_alloc(arena, 3 * n + 1), *o = out;
	memcpy(o, s, i);
	o += i;
	while (i < n) {
		size_t len = u[i] < 0x80 ? 1 : utf8_decode(u + i, n - i, &cp);
		if (!len) {
			o += utf8_encode(0xfffd, o);
			count++;
			i++;
			continue;
		}
		memcpy(o, s + i, len);
		o += len;
		i += len;
	}
	*o = '\0';
	if (bad)
		*bad = count;
	return out;
}

int utf8_prefix(const char *s, size_t max)
{
	size_t n = strnlen(s, max + 1);
	if (n <= max)
		return (int)n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}
