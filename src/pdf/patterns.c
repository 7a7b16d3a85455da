/* patterns.c — TeX hyphenation patterns, applied by Liang's algorithm.
 *
 * The patterns are LibreOffice's (Debian's hyphen-en-us), the file
 * libhyphen reads.  libhyphen builds an automaton from them in some 38
 * million instructions, more than laying out a short document; a table of
 * the 11,000 patterns costs a thirtieth of that, and looking a word up in
 * it costs a few hundred instructions.  Only what that file uses is read:
 * plain patterns, and the header lines (whose minima hyphen.c applies
 * itself).  A file with what this reader does not know (a second level of
 * patterns, non-standard "/" patterns) is refused, and hyphen.c then
 * falls back to libhyphen.  tests/pdf/hyphen_check.c holds this file to
 * libhyphen's answers for every word of the system's word lists. */
#include "pdf/patterns.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/slurp.h"
#include "util/xmalloc.h"

enum { MAX_PATTERN = 32 };

struct pattern {
	const char *letters;	/* into text, not NUL-terminated */
	const unsigned char *values;	/* len + 1 values: before each letter, and after the last */
	uint32_t len;
	uint32_t hash;
};

struct hyph_patterns {
	char encoding[32];	/* the file's first line when it names one ("UTF-8", "KOI8-R") */
	char *text;	/* the letters of every pattern, one after another */
	unsigned char *values;
	struct pattern *slots;
	size_t cap;
	int longest;
};

static uint32_t fold(uint32_t h, unsigned char c)
{
	return (h ^ c) * 16777619u;
}

static const struct pattern *find(const struct hyph_patterns *p, const char *s, uint32_t len, uint32_t h)
{
	for (size_t i = h & (p->cap - 1);; i = (i + 1) & (p->cap - 1)) {
		const struct pattern *e = &p->slots[i];
		if (!e->letters)
			return NULL;
		if (e->hash == h && e->len == len && !memcmp(e->letters, s, len))
			return e;
	}
}

static bool header_line(const char *line, size_t n)
{
	static const char *const keys[] = {"LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN",
					   "COMPOUNDRIGHTHYPHENMIN", "UTF-8", "ISO8859"};
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (n >= strlen(keys[k]) && !memcmp(line, keys[k], strlen(keys[k])))
			return true;
	return false;
}

struct hyph_patterns *patterns_load(const char *path)
{
	size_t len;
	char *data = slurp(path, &len);
	if (!data)
		return NULL;
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += data[i] == '\n';
	struct hyph_patterns *p = xmalloc(sizeof *p);
	p->text = xmalloc(len + 1);
	p->values = xmalloc(len + lines + 1);
	p->cap = 16;
	while (p->cap < lines * 2)
		p->cap *= 2;
	p->slots = xmalloc(p->cap * sizeof *p->slots);
	memset(p->slots, 0, p->cap * sizeof *p->slots);
	p->longest = 0;
	p->encoding[0] = '\0';
	size_t text_at = 0, values_at = 0;
	bool ok = true;
	for (const char *line = data, *end = data + len; line < end && ok;) {
		const char *eol = memchr(line, '\n', (size_t)(end - line));
		size_t n = (size_t)((eol ? eol : end) - line);
		while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
			n--;
		if (line == data && n < sizeof p->encoding &&
		    (!strncmp(line, "UTF-8", 5) || !strncmp(line, "ISO", 3) || !strncmp(line, "KOI", 3))) {
			memcpy(p->encoding, line, n);
			p->encoding[n] = '\0';
		}
		if (n == 0 || line[0] == '%' || header_line(line, n) || !strncmp(line, "KOI", 3)) {
			line = eol ? eol + 1 : end;
			continue;
		}
		/* a pattern: letters with a value (0–9) before, between and
		 * after them, missing values being 0 */
		char *letters = p->text + text_at;
		unsigned char *values = p->values + values_at;
		uint32_t count = 0;
		values[0] = 0;
		for (size_t i = 0; i < n && ok; i++) {
			unsigned char c = (unsigned char)line[i];
			if (c >= '0' && c <= '9')
				values[count] = (unsigned char)(c - '0');
			else if (c == '/' || c == '=' || c == ' ' || count >= MAX_PATTERN ||
				 !strncmp(line, "NEXTLEVEL", 9) || !strncmp(line, "NOHYPHEN", 8))
				ok = false;	/* not what this reader knows */
			else {
				letters[count++] = (char)c;
				values[count] = 0;
			}
		}
		if (!ok || count == 0)
			break;
		uint32_t h = 2166136261u;
		for (uint32_t i = 0; i < count; i++)
			h = fold(h, (unsigned char)letters[i]);
		if (!find(p, letters, count, h)) {
			size_t i = h & (p->cap - 1);
			while (p->slots[i].letters)
				i = (i + 1) & (p->cap - 1);
			p->slots[i] = (struct pattern){letters, values, count, h};
			text_at += count;
			values_at += count + 1;
			if ((int)count > p->longest)
				p->longest = (int)count;
		}
		line = eol ? eol + 1 : end;
	}
	free(data);
	if (!ok || p->longest == 0) {
		patterns_free(p);
		return NULL;
	}
	return p;
}

void patterns_free(struct hyph_patterns *p)
{
	if (!p)
		return;
	free(p->text);
	free(p->values);
	free(p->slots);
	free(p);
}

void patterns_apply(const struct hyph_patterns *p, const char *word, int n, unsigned char *points)
{
	/* the word between dots (a dot in a pattern marks a word's edge);
	 * value[k] belongs before dotted letter k */
	char dotted[MAX_WORD + 2];
	unsigned char value[MAX_WORD + 3];
	int m = n + 2;
	dotted[0] = '.';
	memcpy(dotted + 1, word, (size_t)n);
	dotted[m - 1] = '.';
	memset(value, 0, (size_t)m + 1);
	for (int i = 0; i < m; i++) {
		uint32_t h = 2166136261u;
		for (int j = i; j < m && j - i < p->longest; j++) {
			h = fold(h, (unsigned char)dotted[j]);
			const struct pattern *e = find(p, dotted + i, (uint32_t)(j - i + 1), h);
			if (!e)
				continue;
			for (uint32_t k = 0; k <= e->len; k++)
				if (value[i + (int)k] < e->values[k])
					value[i + (int)k] = e->values[k];
		}
	}
	/* after word letter x comes dotted letter x + 2 */
	for (int x = 0; x < n; x++)
		points[x] = value[x + 2];
}

const char *patterns_encoding(const struct hyph_patterns *p)
{
	return p->encoding[0] ? p->encoding : NULL;
}
