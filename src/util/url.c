/* url.c — see url.h. */
#include "util/url.h"

#include <string.h>
#include <strings.h>

#include "util/arena.h"

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool url_is_safe_href(const char *href, size_t *start, size_t *len)
{
	const char *h = href, *end;
	while (is_ws(*h))
		h++;
	for (end = h; *end; end++)
		;
	while (end > h && is_ws(end[-1]))
		end--;
	size_t n = (size_t)(end - h);
	*start = (size_t)(h - href);
	*len = n;
	if (n == 0)
		return false;
	for (const char *p = h; p < end; p++)
		if (is_ws(*p) || (unsigned char)*p < 0x20)
			return false;	/* also "java\tscript:" */
	if (!strncasecmp(h, "https://", 8) || !strncasecmp(h, "http://", 7) ||
	    !strncasecmp(h, "mailto:", 7) || h[0] == '#')
		return true;
	/* a scheme is what comes before the first ':'; a '/', '?' or '#'
	 * before it means the colon is in a path, query or fragment */
	for (const char *p = h; p < end; p++) {
		if (*p == '/' || *p == '?' || *p == '#')
			return true;
		if (*p == ':')
			return false;
	}
	return true;	/* no colon: a relative reference */
}

static bool fragment_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == '~' || c == '-';
}

const char *url_fragment(struct arena *arena, const char *id)
{
	size_t n = 0, odd = 0;
	for (; id[n]; n++)
		odd += !fragment_byte((unsigned char)id[n]);
	if (!odd)
		return id;
	char *out = arena_alloc(arena, n + 2 * odd + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (fragment_byte(*p)) {
			*o++ = (char)*p;
			continue;
		}
		*o++ = '%';
		*o++ = "0123456789ABCDEF"[*p >> 4];
		*o++ = "0123456789ABCDEF"[*p & 15];
	}
	*o = '\0';
	return out;
}
