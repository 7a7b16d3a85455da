/* escape.c — see escape.h.  The rules follow the GFM spec: backslash
 * escapes (§2.4), emphasis delimiter runs (§6.2: an underscore run inside a
 * word never opens emphasis), entity references (§2.5), raw HTML (§6.10),
 * list items (§5.2), ATX headings (§4.2) and block quotes (§5.1). */
#include "markdown/escape.h"

#include <string.h>

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Word characters for the underscore rule.  Bytes >= 0x80 (any non-ASCII
 * letter) count as word characters, which is what matters for "_" between
 * letters. */
static int is_word(char c)
{
	unsigned char u = (unsigned char)c;
	return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80;
}

static int is_alpha(char c)
{
	return ((unsigned char)c | 0x20) >= 'a' && ((unsigned char)c | 0x20) <= 'z';
}

/* "&amp;" "&#12;" "&#x1F;": an ampersand cmark would decode as an entity. */
static int looks_like_entity(const char *s)
{
	const char *p = s + 1;
	if (*p == '#')
		p++;
	const char *start = p;
	while (is_word(*p) && (unsigned char)*p < 0x80)
		p++;
	return p > start && *p == ';';
}

void md_escape_inline(struct buf *b, const char *s)
{
	char prev = b->len ? b->data[b->len - 1] : ' ';
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (is_space(c)) {
			while (is_space(p[1]))
				p++;
			if (prev != ' ')
				buf_putc(b, ' ');
			prev = ' ';
			continue;
		}
		switch (c) {
		case '\\': case '*': case '`': case '[': case ']': case '~':
			buf_putc(b, '\\');
			break;
		case '_':
			if (!is_word(prev) || !is_word(p[1]))
				buf_putc(b, '\\');
			break;
		case '<':
			if (is_alpha(p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?')
				buf_putc(b, '\\');
			break;
		case '&':
			if (looks_like_entity(p))
				buf_putc(b, '\\');
			break;
		default:
			break;
		}
		buf_putc(b, c);
		prev = c;
	}
}

void md_escape_url(struct buf *b, const char *url)
{
	for (const char *p = url; *p; p++) {
		if (*p == '(' || *p == ')' || *p == '\\')
			buf_putc(b, '\\');
		if (*p == ' ')
			buf_puts(b, "%20");
		else if (*p == '<' || *p == '>' || *p == '\n')
			continue;
		else
			buf_putc(b, *p);
	}
}

void md_escape_block_start(struct buf *b, const char *line)
{
	const char *p = line;
	/* "9." or "9)" followed by a space or the end: an ordered list item
	 * (at most nine digits, as in the spec). */
	const char *d = p;
	while (*d >= '0' && *d <= '9' && d - p < 10)
		d++;
	if (d > p && d - p <= 9 && (*d == '.' || *d == ')') && (d[1] == ' ' || d[1] == '\0')) {
		buf_put(b, p, (size_t)(d - p));
		buf_putc(b, '\\');
		buf_puts(b, d);
		return;
	}
	/* "#", ">", "-", "+" (also "---" or "===" rules), "=" and "|" lines. */
	if (*p == '#' || *p == '>' || *p == '-' || *p == '+' || *p == '=' || *p == '|')
		buf_putc(b, '\\');
	buf_puts(b, p);
}
