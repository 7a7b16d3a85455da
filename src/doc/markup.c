/* doc/markup.c — the inline markup of a block's text (doc/document.h's
 * MK_ bytes): its plain text, its trimmed copy, how it ends. */
#include "doc/markup.h"

#include <stdbool.h>
#include <string.h>

#include "util/swar.h"

/* The plain text of s, at most max bytes of it (never cutting inside a
 * link target or a note reference, which are skipped whole). */
static char *plain_into(char *out, const char *s, size_t n);

static char *plain_upto(struct arena *arena, const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	return plain_into(arena_alloc(arena, n + 1), s, n);
}

/* out has room for n bytes and the NUL */
static char *plain_into(char *out, const char *s, size_t n)
{
	/* bytes copied as they are: all but the controls (markup), and the
	 * NUL, which ends the run */
	static bool ordinary[256];
	if (!ordinary['a']) {
		for (int c = 0x20; c < 256; c++)
			ordinary[c] = true;
		ordinary['\n'] = ordinary['\t'] = true;
	}
	char *o = out, *end = out + n;
	for (const char *p = s; *p && o < end; p++) {
		/* copy a run of ordinary text in one go */
		const char *run = p, *stop = p + (end - o);
		/* eight bytes at a time, within s[0..n) (strnlen saw those
		 * bytes; a skipped link target may have carried p past them) */
		const char *known = stop < s + n ? stop : s + n;
		if (run < known)
			run += swar_skip_text(run, (size_t)(known - run), false);
		while (run < stop && ordinary[(unsigned char)*run])
			run++;
		if (run > p) {
			size_t len = (size_t)(run - p);
			memcpy(o, p, len);
			o += len;
			p += len;
			if (!*p || o == end)
				break;
		}
		unsigned char c = (unsigned char)*p;
		if (c == MK_LINK_OPEN) {
			while (p[1] && p[1] != MK_LINK_MID && p[1] != MK_LINK_CLOSE)
				p++;
			continue;
		}
		if (c == MK_NOTE) {
			while (p[1] && p[1] != MK_NOTE_END)
				p++;
			if (p[1])
				p++;
			continue;
		}
		if (c < 0x20 && c != '\n' && c != '\t')
			continue;
		*o++ = (char)c;
	}
	*o = '\0';
	return out;
}

char *text_plain(struct arena *arena, const char *s)
{
	return plain_upto(arena, s, (size_t)-1);
}

char *text_plain_keeping_notes(struct arena *arena, const char *s)
{
	char *out = arena_alloc(arena, strlen(s) + 1), *o = out;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == MK_LINK_OPEN) {
			while (p[1] && p[1] != MK_LINK_MID && p[1] != MK_LINK_CLOSE)
				p++;
			continue;
		}
		if (c == MK_NOTE) {
			while (*p && *p != MK_NOTE_END)
				*o++ = *p++;
			if (!*p)
				break;
			*o++ = *p;
			continue;
		}
		if (c < 0x20 && c != '\n' && c != '\t')
			continue;
		*o++ = (char)c;
	}
	*o = '\0';
	return out;
}

char *text_plain_prefix(struct arena *arena, const char *s, size_t max)
{
	return plain_upto(arena, s, max);
}

static bool blank(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == MK_BREAK;
}

static char *trim_in_place(char *t)
{
	while (blank(*t))
		t++;
	size_t n = strlen(t);
	while (n && blank(t[n - 1]))
		n--;
	t[n] = '\0';
	return t;
}

char *text_plain_trimmed(struct arena *arena, const char *s, size_t max)
{
	return trim_in_place(plain_upto(arena, s, max));
}

char *text_plain_scratch(char *buf, size_t size, const char *s)
{
	return trim_in_place(plain_into(buf, s, strnlen(s, size - 1)));
}

char text_last_char(const char *s)
{
	size_t i = strlen(s);
	while (i > 0) {
		unsigned char c = (unsigned char)s[--i];
		if (c == MK_NOTE_END) {
			while (i > 0 && s[i] != MK_NOTE)
				i--;
			continue;
		}
		if (c == MK_LINK_MID) {
			while (i > 0 && s[i] != MK_LINK_OPEN)
				i--;
			continue;
		}
		if (c < 0x20 || c == ' ')
			continue;
		return (char)c;
	}
	return '\0';
}

char *text_trim(struct arena *arena, const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == MK_BREAK)
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == MK_BREAK))
		n--;
	return arena_strndup(arena, s, n);
}

bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
