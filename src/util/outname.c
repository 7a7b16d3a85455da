/* util/outname.c — see util/outname.h. */
#include "util/outname.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/hash.h"
#include "util/xmalloc.h"

/* The names the site itself writes in OUT (src/site/site.c's pages,
 * search_index.c's directory and shards, the copied style and script):
 * a document named so would replace one of them, or they it.  Compared
 * without case: on a case-insensitive file system INDEX.html is index.html. */
static const char *const reserved[] = {
	"index", "index-title", "index-type", "index-date", "search", "sitemap",
	"search-index",
};

static bool safe_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '-' || c == '_';
}

const char *outname_refusal(const char *slug)
{
	if (!slug || !*slug)
		return "is empty";
	if (strlen(slug) > OUTNAME_SLUG_MAX)
		return "is too long for a file name";
	for (const unsigned char *p = (const unsigned char *)slug; *p; p++)
		if (!safe_byte(*p))
			return "is not a plain file name (letters, digits, '.', '-' and '_' only)";
	if (slug[0] == '.')
		return "would be a hidden file";
	if (slug[0] == '-')
		return "would read as an option to other programs";
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (!strcasecmp(slug, reserved[i]))
			return "is the name of one of the site's own pages";
	/* the index and search pages of the other languages and their sort
	 * orders: index-ar.html, index-ar-title.html, search-zh.html */
	if (!strncasecmp(slug, "index-", 6) || !strncasecmp(slug, "search-", 7))
		return "is the name of one of the site's own pages (index-…, search-…)";
	if (!strncasecmp(slug, "cited-", 6))
		return "is the name of a site page for a cited document (cited-…)";
	size_t n = strlen(slug);
	if (n >= 9 && !strcasecmp(slug + n - 9, ".manifest"))
		return "would name another document's manifest (….manifest.xml)";
	return NULL;
}

/* s with each byte outside the safe set as '-'; when slash is given, '/'
 * as slash and slash itself, where s has it, as '-' (or "A/B" and "A_B"
 * would get one name). */
static char *plain(const char *s, size_t n, char slash)
{
	char *out = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = slash && c == '/' ? slash : safe_byte(c) && !(slash && c == (unsigned char)slash) ? (char)c : '-';
	}
	out[n] = '\0';
	return out;
}

char *outname_of_symbol(const char *symbol)
{
	/* the year of a Security Council resolution is printed in brackets:
	 * "S/RES/1325 (2000)" is named S-RES-1325-2000 */
	size_t n = strlen(symbol);
	char *bare = xmalloc(n + 1), *o = bare;
	for (const char *p = symbol; *p; p++)
		if (*p != '(' && *p != ')')
			*o++ = *p;
	*o = '\0';
	char *slug = plain(bare, (size_t)(o - bare), 0);
	free(bare);
	/* a symbol that opens with what is not a letter (a sidecar's
	 * "Ж/1") would make a name that reads as an option: those go */
	size_t lead = strspn(slug, "-.");
	if (lead && slug[lead]) {
		memmove(slug, slug + lead, strlen(slug + lead) + 1);
	}
	return slug;
}

char *outname_of_file(const char *path)
{
	if (!strcmp(path, "-"))
		return xstrdup("stdin");
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	char *slug = plain(base, n, 0);
	if (!*slug || *slug == '.' || *slug == '-') {
		size_t len = strlen(slug) + 4;
		char *prefixed = xmalloc(len);
		snprintf(prefixed, len, "doc%s", slug);
		free(slug);
		slug = prefixed;
	}
	return slug;
}

char *outname_cited_page(const char *symbol)
{
	char *name = plain(symbol, strlen(symbol), '_');
	/* "cited-" NAME ".html", and the temporary file's suffix */
	size_t room = NAME_MAX - strlen("cited-.html.tmpXXXXXX");
	size_t n = strlen(name);
	if (n > room) {
		uint64_t h = hash_str(HASH_INIT, symbol);
		snprintf(name + room - 17, 18, "-%016llx", (unsigned long long)h);
	}
	size_t len = strlen(name) + sizeof "cited-.html";
	char *page = xmalloc(len);
	snprintf(page, len, "cited-%s.html", name);
	free(name);
	return page;
}
