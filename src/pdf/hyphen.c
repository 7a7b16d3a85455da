/* hyphen.c — hyphenation points from libhyphen (the TeX patterns that
 * LibreOffice uses), handed to pango as soft hyphens (U+00AD): pango breaks
 * there when the line needs it and then shows a visible hyphen.
 *
 * Only plain words are hyphenated: a token holding a digit, '/', '@', '.'
 * inside, or an upper-case letter after the first (document symbols such
 * as CTOC/COP/2022/9, URLs, acronyms) is never split — UN editorial rules
 * forbid breaking symbols and proper abbreviations. */
#include <ctype.h>
#include <glib.h>
#include <hyphen.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/xmalloc.h"

struct pdf_hyphenator {
	const struct hyph_patterns *patterns;	/* the fast path, when it reads the file */
	HyphenDict *dict;
	int min_word;
	GHashTable *done;	/* word -> word with its soft hyphens: each word hyphenated once */
};

/* The patterns are the program's data, not a document's: loaded once per
 * process and kept (libhyphen spends some 38 million instructions building
 * its automaton, more than laying out a short document; a batch of PDFs
 * paid it for every document). */
static struct hyph_patterns *loaded_patterns;
static HyphenDict *loaded_dict;
static char *loaded_path;

static bool load(const char *dict_path)
{
	if (loaded_path && !strcmp(loaded_path, dict_path))
		return true;
	patterns_free(loaded_patterns);
	if (loaded_dict)
		hnj_hyphen_free(loaded_dict);
	free(loaded_path);
	loaded_path = NULL;
	loaded_dict = NULL;
	/* our reader first; libhyphen for a file it does not understand
	 * (UNPRESS_LIBHYPHEN=1 forces libhyphen, for the comparison tests) */
	const char *force = getenv("UNPRESS_LIBHYPHEN");
	loaded_patterns = force && *force == '1' ? NULL : patterns_load(dict_path);
	if (!loaded_patterns && !(loaded_dict = hnj_hyphen_load(dict_path)))
		return false;
	loaded_path = xstrdup(dict_path);
	return true;
}

struct pdf_hyphenator *pdf_hyphenator_open(const char *dict_path, int min_word)
{
	if (!load(dict_path))
		return NULL;
	struct pdf_hyphenator *h = xmalloc(sizeof *h);
	h->patterns = loaded_patterns;
	h->dict = loaded_dict;
	h->min_word = min_word > 4 ? min_word : 5;
	h->done = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	return h;
}

void pdf_hyphenator_close(struct pdf_hyphenator *h)
{
	if (!h)
		return;
	g_hash_table_destroy(h->done);	/* the patterns stay for the next document */
	free(h);
}

static int is_word_char(unsigned char c)
{
	return isalpha(c);
}

/* Does the whitespace-delimited token [s, e) look like prose? */
static int token_is_prose(const char *s, const char *e)
{
	for (const char *p = s; p < e; p++) {
		unsigned char c = (unsigned char)*p;
		if (isdigit(c) || c == '/' || c == '@' || c == '_' || c == ':')
			return 0;
		if (c == '.' && p + 1 < e && isalpha((unsigned char)p[1]))
			return 0;
		if (p > s && isupper(c))
			return 0;
	}
	return 1;
}

/* Append one ASCII word with soft hyphens at its break points. */
static void hyphenate_word_uncached(struct pdf_hyphenator *h, struct buf *out, const char *w, int n)
{
	char lower[MAX_WORD + 1], hyphens[MAX_WORD + 9];
	if (n > MAX_WORD || n < h->min_word) {
		buf_put(out, w, (size_t)n);
		return;
	}
	for (int i = 0; i < n; i++)
		lower[i] = (char)tolower((unsigned char)w[i]);
	lower[n] = '\0';
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	memset(hyphens, 0, sizeof hyphens);
	if (h->patterns)
		patterns_apply(h->patterns, lower, n, (unsigned char *)hyphens);
	else if (hnj_hyphen_hyphenate2(h->dict, lower, n, hyphens, NULL, &rep, &pos, &cut) != 0) {
		buf_put(out, w, (size_t)n);
		return;
	}
	for (int i = 0; i < n; i++) {
		buf_putc(out, w[i]);
		/* hyphens[i] odd: a break is allowed after letter i; keep at
		 * least two letters before and three after (English usage). */
		if ((hyphens[i] & 1) && i >= 1 && i < n - 3 && !rep)
			buf_puts(out, "\xc2\xad");
	}
	if (rep) {
		for (int i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
}

static void hyphenate_word(struct pdf_hyphenator *h, struct buf *out, const char *w, int n)
{
	if (n < h->min_word) {
		buf_put(out, w, (size_t)n);
		return;
	}
	char *key = g_strndup(w, (gsize)n);
	const char *known = g_hash_table_lookup(h->done, key);
	if (known) {
		buf_puts(out, known);
		g_free(key);
		return;
	}
	size_t at = out->len;
	hyphenate_word_uncached(h, out, w, n);
	g_hash_table_insert(h->done, key, g_strndup(out->data + at, (gsize)(out->len - at)));
}

void pdf_hyphenate_append(struct pdf_hyphenator *h, struct buf *out, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	if (!h) {
		buf_put(out, text, len);
		return;
	}
	while (p < end) {
		/* token boundaries: whitespace */
		const char *ts = p;
		while (ts < end && *ts == ' ')
			buf_putc(out, *ts++);
		const char *te = ts;
		while (te < end && *te != ' ')
			te++;
		if (!token_is_prose(ts, te)) {
			buf_put(out, ts, (size_t)(te - ts));
			p = te;
			continue;
		}
		for (const char *q = ts; q < te;) {
			if (is_word_char((unsigned char)*q)) {
				const char *ws = q;
				while (q < te && is_word_char((unsigned char)*q))
					q++;
				/* Only whole ASCII words: a word glued to UTF-8 letters is left alone. */
				if ((q < te && (unsigned char)*q >= 0x80) ||
				    (ws > ts && (unsigned char)ws[-1] >= 0x80))
					buf_put(out, ws, (size_t)(q - ws));
				else
					hyphenate_word(h, out, ws, (int)(q - ws));
			} else {
				buf_putc(out, *q++);
			}
		}
		p = te;
	}
}
