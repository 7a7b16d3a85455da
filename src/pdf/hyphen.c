/* hyphen.c — hyphenation points from the TeX patterns that LibreOffice
 * uses (Debian's hyphen-en-us, hyphen-fr, hyphen-es, hyphen-ru, ...), one
 * file per language as the style names it, handed to pango as soft
 * hyphens (U+00AD): pango breaks there when the line needs it and then
 * shows a visible hyphen.  A language with no patterns is not hyphenated
 * (never another language's patterns: English ones split French words
 * wrongly).
 *
 * Words are runs of letters (any script the patterns' encoding holds:
 * UTF-8, or KOI8-R for the Russian file), lower-cased and converted to
 * the file's encoding; an apostrophe ends a word ("l'Assemblée" is "l"
 * and "Assemblée").  Only plain words are hyphenated: a token holding a
 * digit, '/', '@', '.' inside, or an upper-case letter after the first of
 * its word (document symbols such as CTOC/COP/2022/9, URLs, acronyms) is
 * never split — UN editorial rules forbid breaking symbols and proper
 * abbreviations.
 *
 * For English the style says hyphen_ascii_words = 1: its patterns know
 * ASCII words alone, so a word touching any other character (a loanword's
 * accent, a curly quote) is left alone, and so is a token with an
 * upper-case letter anywhere after its first character (English has no
 * elision). */
#include <glib.h>
#include <hyphen.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/xmalloc.h"

/* A patterns file, loaded once per process: by our reader (patterns.c)
 * when it understands the file, else by libhyphen. */
struct hyph_file {
	char *path;
	struct hyph_patterns *patterns;
	HyphenDict *dict;
	char encoding[32];	/* the file's first line: "UTF-8", "KOI8-R", "ISO8859-1" */
	GIConv to_file;		/* UTF-8 to that encoding (opened once: g_convert
				 * opened one for every word), or (GIConv)-1 */
};

struct pdf_hyphenator {
	const struct hyph_file *file;
	int ascii;		/* ASCII words alone (see above) */
	int min_word;
	GHashTable *done;	/* word -> word with its soft hyphens: each word hyphenated once */
};

/* The patterns are the program's data, not a document's: loaded once per
 * process and kept (libhyphen spends some 38 million instructions building
 * its automaton, more than laying out a short document; a batch of PDFs
 * paid it for every document).  A batch in several languages keeps one
 * file per language. */
static struct hyph_file loaded[8];
static int nloaded;

/* The encoding named on the first line of a patterns file ("UTF-8",
 * "KOI8-R", "ISO8859-1"); UTF-8 when the line names none. */
static void read_encoding(const char *path, struct hyph_file *hf)
{
	snprintf(hf->encoding, sizeof hf->encoding, "UTF-8");
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	char line[256];
	if (fgets(line, sizeof line, f)) {
		line[strcspn(line, " \t\r\n")] = '\0';
		if (strlen(line) < sizeof hf->encoding &&
		    (g_str_has_prefix(line, "ISO") || g_str_has_prefix(line, "KOI") ||
		     g_str_has_prefix(line, "UTF") || g_str_has_prefix(line, "microsoft")))
			snprintf(hf->encoding, sizeof hf->encoding, "%s", line);
	}
	fclose(f);
}

static const struct hyph_file *load(const char *dict_path)
{
	for (int i = 0; i < nloaded; i++)
		if (!strcmp(loaded[i].path, dict_path))
			return &loaded[i];
	struct hyph_file hf;
	memset(&hf, 0, sizeof hf);
	/* our reader first; libhyphen for a file it does not understand
	 * (UNPRESS_LIBHYPHEN=1 forces libhyphen, for the comparison tests) */
	const char *force = getenv("UNPRESS_LIBHYPHEN");
	hf.patterns = force && *force == '1' ? NULL : patterns_load(dict_path);
	if (!hf.patterns && !(hf.dict = hnj_hyphen_load(dict_path)))
		return NULL;
	if (hf.patterns && patterns_encoding(hf.patterns))
		snprintf(hf.encoding, sizeof hf.encoding, "%s", patterns_encoding(hf.patterns));
	else
		read_encoding(dict_path, &hf);
	hf.to_file = g_ascii_strcasecmp(hf.encoding, "UTF-8") ? g_iconv_open(hf.encoding, "UTF-8") : (GIConv)-1;
	hf.path = xstrdup(dict_path);
	if (nloaded == (int)(sizeof loaded / sizeof *loaded)) {
		/* a ninth language: the oldest goes */
		free(loaded[0].path);
		patterns_free(loaded[0].patterns);
		if (loaded[0].dict)
			hnj_hyphen_free(loaded[0].dict);
		if (loaded[0].to_file != (GIConv)-1)
			g_iconv_close(loaded[0].to_file);
		memmove(loaded, loaded + 1, sizeof *loaded * (size_t)(nloaded - 1));
		nloaded--;
	}
	loaded[nloaded] = hf;
	return &loaded[nloaded++];
}

struct pdf_hyphenator *pdf_hyphenator_open(const char *dict_path, int min_word, int ascii_words)
{
	const struct hyph_file *file = dict_path && *dict_path ? load(dict_path) : NULL;
	if (!file)
		return NULL;
	struct pdf_hyphenator *h = xmalloc(sizeof *h);
	h->file = file;
	h->ascii = ascii_words;
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

/* A letter of a word: any alphabetic character, and the combining marks
 * that belong to letters. */
static int is_letter(gunichar c)
{
	return g_unichar_isalpha(c) || g_unichar_ismark(c);
}

static int is_apostrophe(gunichar c)
{
	return c == '\'' || c == 0x2019;
}

/* Does the whitespace-delimited token [s, e) look like prose? */
static int token_is_prose(int ascii, const char *s, const char *e)
{
	int word_start = 1;	/* the next letter opens a word (token start, apostrophe) */
	for (const char *p = s; p < e; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_isdigit(c) || c == '/' || c == '@' || c == '_' || c == ':')
			return 0;
		if (c == '.' && p + 1 < e && is_letter(g_utf8_get_char(p + 1)))
			return 0;
		if (ascii) {
			if (p > s && c < 0x80 && g_ascii_isupper((char)c))
				return 0;
			continue;
		}
		if (is_apostrophe(c)) {
			word_start = 1;
			continue;
		}
		if (g_unichar_isupper(c) && !word_start)
			return 0;
		if (is_letter(c))
			word_start = 0;
	}
	return 1;
}

/* The break points of lower-case word w (n characters, UTF-8 bytes
 * [0, bytes)) in the patterns' encoding: points[i] odd allows a break
 * after character i.  Returns 0 when the word cannot be hyphenated. */
static int word_points(const struct hyph_file *file, const char *w, int bytes, int n, unsigned char *points)
{
	char *conv = NULL;
	const char *word = w;
	int len = bytes;
	int utf8 = !g_ascii_strcasecmp(file->encoding, "UTF-8");
	if (!utf8) {
		gsize out = 0;
		conv = file->to_file == (GIConv)-1 ? NULL
		       : g_convert_with_iconv(w, bytes, file->to_file, NULL, &out, NULL);
		if (!conv || (int)out != n) {	/* a one-byte encoding: a byte a letter */
			g_free(conv);
			return 0;
		}
		word = conv;
		len = (int)out;
	}
	if (len > MAX_WORD) {
		g_free(conv);
		return 0;
	}
	unsigned char by_byte[MAX_WORD + 9];
	memset(by_byte, 0, sizeof by_byte);
	int ok = 1;
	if (file->patterns)
		patterns_apply(file->patterns, word, len, by_byte);
	else {
		char hyphens[MAX_WORD + 9];
		char **rep = NULL;
		int *pos = NULL, *cut = NULL;
		memset(hyphens, 0, sizeof hyphens);
		/* libhyphen gives a UTF-8 file's points per character already */
		if (hnj_hyphen_hyphenate2(file->dict, word, len, hyphens, NULL, &rep, &pos, &cut) != 0 || rep)
			ok = 0;
		if (rep) {
			for (int i = 0; i < len; i++)
				free(rep[i]);
			free(rep);
			free(pos);
			free(cut);
		}
		if (ok)
			for (int i = 0; i < n; i++)
				points[i] = (unsigned char)hyphens[i];
		g_free(conv);
		return ok;
	}
	/* our reader works on bytes: a character's point is at its last */
	if (utf8) {
		int i = 0;
		for (const char *p = word; p < word + len && i < n; p = g_utf8_next_char(p), i++)
			points[i] = by_byte[g_utf8_next_char(p) - word - 1];
	} else
		memcpy(points, by_byte, (size_t)n);
	g_free(conv);
	return ok;
}

/* Append word w (bytes, n characters) with soft hyphens at its break
 * points: at least two letters before a break and three after it. */
static void hyphenate_word_uncached(struct pdf_hyphenator *h, struct buf *out, const char *w, int bytes, int n)
{
	unsigned char points[MAX_WORD + 9];
	gchar *lower = g_utf8_strdown(w, bytes);
	int ok = n <= MAX_WORD && (int)strlen(lower) == bytes &&
		 word_points(h->file, lower, bytes, n, points);
	g_free(lower);
	if (!ok) {
		buf_put(out, w, (size_t)bytes);
		return;
	}
	const char *p = w;
	for (int i = 0; i < n; i++) {
		const char *next = g_utf8_next_char(p);
		buf_put(out, p, (size_t)(next - p));
		p = next;
		if ((points[i] & 1) && i >= 1 && i < n - 3)
			buf_puts(out, "\xc2\xad");
	}
}

static void hyphenate_word(struct pdf_hyphenator *h, struct buf *out, const char *w, int bytes)
{
	int n = (int)g_utf8_strlen(w, bytes);
	if (n < h->min_word) {
		buf_put(out, w, (size_t)bytes);
		return;
	}
	char *key = g_strndup(w, (gsize)bytes);
	const char *known = g_hash_table_lookup(h->done, key);
	if (known) {
		buf_puts(out, known);
		g_free(key);
		return;
	}
	size_t at = out->len;
	hyphenate_word_uncached(h, out, w, bytes, n);
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
		if (!token_is_prose(h->ascii, ts, te)) {
			buf_put(out, ts, (size_t)(te - ts));
			p = te;
			continue;
		}
		int ascii = h->ascii;
		for (const char *q = ts; q < te;) {
			gunichar c = g_utf8_get_char(q);
			if (ascii ? c < 0x80 && g_ascii_isalpha((char)c) : is_letter(c)) {
				const char *ws = q;
				while (q < te && (ascii ? g_ascii_isalpha(*q) : is_letter(g_utf8_get_char(q))))
					q = g_utf8_next_char(q);
				/* ASCII patterns: a word glued to any other
				 * character is not theirs to split */
				if (ascii && ((q < te && (unsigned char)*q >= 0x80) ||
					      (ws > ts && (unsigned char)ws[-1] >= 0x80)))
					buf_put(out, ws, (size_t)(q - ws));
				else
					hyphenate_word(h, out, ws, (int)(q - ws));
			} else {
				const char *next = g_utf8_next_char(q);
				buf_put(out, q, (size_t)(next - q));
				q = next;
			}
		}
		p = te;
	}
}
