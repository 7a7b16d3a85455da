/* words.c — words split by a stray space ("civil so ciety", "Res olution").
 *
 * Extractors break a word where the PDF set its letters apart.  A pair of
 * neighbouring words is joined when the joined form is an English word and
 * at least one half is not (so "so ciety" becomes "society", while "in form"
 * stays).  The words are those of the system's lists (wordlist.c);
 * without them the pass does nothing and says so. */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "normalise/normalise.h"

#include "doc/wordlist.h"
#include "util/lang.h"
#include "util/buf.h"

/* What a byte is to the tokenizer: a letter (lower or upper case), glue
 * (a digit, hyphen, apostrophe or any byte of a non-ASCII character: a
 * word touching one is part of something longer and never joined), or
 * anything else. */
enum { OTHER, LOWER, UPPER, GLUE };
static unsigned char byte_class[256];

static void init_classes(void)
{
	for (int c = 'a'; c <= 'z'; c++)
		byte_class[c] = LOWER;
	for (int c = 'A'; c <= 'Z'; c++)
		byte_class[c] = UPPER;
	for (int c = '0'; c <= '9'; c++)
		byte_class[c] = GLUE;
	for (int c = 0x80; c < 256; c++)
		byte_class[c] = GLUE;
	byte_class['-'] = byte_class['\''] = GLUE;
}

static bool is_letter(unsigned char c)
{
	return byte_class[c] == LOWER || byte_class[c] == UPPER;
}

/* The end of a rewrite of t into out, of which t[0..copied) is done:
 * t itself when nothing changed, else out with the rest of t, in the
 * document's arena.  Frees out either way. */
static char *finish_rewrite(struct document *doc, struct buf *out, const char *t, size_t copied, bool changed)
{
	if (!changed) {
		buf_free(out);
		return (char *)t;
	}
	buf_puts(out, t + copied);
	char *r = arena_strndup(&doc->arena, buf_cstr(out), out->len);
	buf_free(out);
	return r;
}

/* Join split words in one text; returns it unchanged when none.  One pass
 * over its words: a pair is a word a, one space, and a word b starting in
 * lower case, nothing glued on either side; each word is looked up at most
 * once, as the b of one pair and the a of the next. */
static char *join_split_words(struct document *doc, const char *t, int line)
{
	const unsigned char *u = (const unsigned char *)t;
	struct buf out = BUF_INIT;
	size_t copied = 0, i = 0;
	int joined = 0;
	/* the previous word: its span, whether glue precedes it, and whether
	 * it is in the list (-1: not looked up yet) */
	size_t pa = 0, pe = 0;
	bool have_prev = false, prev_clean = false;
	int prev_word = -1;
	for (;;) {
		while (u[i] && !is_letter(u[i]))
			i++;
		if (!u[i])
			break;
		size_t a = i;
		while (is_letter(u[i]))
			i++;
		size_t e = i;
		bool clean_before = a == 0 || byte_class[u[a - 1]] != GLUE;
		int word = -1;
		if (have_prev && pe + 1 == a && u[pe] == ' ' && byte_class[u[a]] == LOWER && prev_clean &&
		    byte_class[u[e]] != GLUE && (pe - pa) + (e - a) <= 40) {
			size_t alen = pe - pa, blen = e - a;
			if (prev_word < 0)
				prev_word = wordlist_has(t + pa, alen);
			word = wordlist_has(t + a, blen);
			/* a lone capital after a lower-case word or a slash is a
			 * label ("annex B and", "part D one", "A/B and"), not
			 * half a word, when the word after it is a word of its own */
			bool label = alen == 1 && byte_class[u[pa]] == UPPER && pa >= 1 && word &&
				     (u[pa - 1] == '/' || (pa >= 2 && u[pa - 1] == ' ' && byte_class[u[pa - 2]] == LOWER));
			char joined_word[48];
			if (!(prev_word && word)) {
				memcpy(joined_word, t + pa, alen);
				memcpy(joined_word + alen, t + a, blen);
			}
			if (!(prev_word && word) && !label && wordlist_has(joined_word, alen + blen)) {
				buf_put(&out, t + copied, pe - copied);	/* up to the stray space */
				copied = pe + 1;
				joined++;
				diag_note(doc->diag, line, "words", "joined \"%.*s %.*s\" split by a stray space",
					  (int)alen, t + pa, (int)blen, t + a);
			}
		}
		pa = a;
		pe = e;
		prev_clean = clean_before;
		prev_word = word;
		have_prev = true;
	}
	return finish_rewrite(doc, &out, t, copied, joined > 0);
}

/* "Secretary -General", "non -governmental": the space a kerning split
 * put before a hyphen that joins two words.  Returns t when none. */
static char *join_spaced_hyphens(struct document *doc, const char *t, int line)
{
	if (!strstr(t, " -"))
		return (char *)t;
	struct buf out = BUF_INIT;
	int joined = 0;
	for (const char *p = t; *p; p++) {
		if (p[0] == ' ' && p[1] == '-' && p > t && is_letter((unsigned char)p[-1]) &&
		    is_letter((unsigned char)p[2])) {
			joined++;
			continue;
		}
		buf_putc(&out, *p);
	}
	if (!joined) {
		buf_free(&out);
		return (char *)t;
	}
	diag_note(doc->diag, line, "words", "removed %d stray space%s before a hyphen", joined, joined > 1 ? "s" : "");
	char *r = arena_strndup(&doc->arena, buf_cstr(&out), out.len);
	buf_free(&out);
	return r;
}

/* English hyphenates the numbers from twenty-one to ninety-nine, cardinal
 * and ordinal ("seventy-seventh session"); extraction drops the hyphen
 * ("seventy seventh", "seventyseventh").  Returns t when none. */
static char *hyphenate_number_words(struct document *doc, const char *t, int line)
{
	static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
					   "ninety"};
	static const char *const units[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
					    "eighth", "ninth", "one", "two", "three", "four", "five", "six", "seven",
					    "eight", "nine"};
	struct buf out = BUF_INIT;
	int fixed = 0;
	size_t copied = 0;
	for (size_t i = 0; t[i];) {
		if (!is_letter((unsigned char)t[i]) || (i > 0 && (is_letter((unsigned char)t[i - 1]) || t[i - 1] == '-'))) {
			i++;
			continue;
		}
		/* a word of five letters or more that starts with t, f, s, e or
		 * n, as the tens do */
		size_t w = 0;
		while (is_letter((unsigned char)t[i + w]))
			w++;
		char first = (char)(t[i] | 0x20);
		if (w < 5 || (first != 't' && first != 'f' && first != 's' && first != 'e' && first != 'n')) {
			i += w ? w : 1;
			continue;
		}
		size_t ten = 0;
		for (size_t k = 0; k < 8 && !ten; k++) {
			if (tens[k][0] != first)	/* most words: no call at all */
				continue;
			size_t n = strlen(tens[k]);
			if (!strncasecmp(t + i, tens[k], n))
				ten = n;
		}
		if (!ten) {
			while (is_letter((unsigned char)t[i]))
				i++;
			continue;
		}
		size_t gap = t[i + ten] == ' ' ? 1 : 0;	/* "seventy fourth" or "seventyfourth" */
		size_t unit = 0;
		for (size_t k = 0; k < sizeof units / sizeof units[0] && !unit; k++) {
			size_t n = strlen(units[k]);
			if (!strncmp(t + i + ten + gap, units[k], n) && !is_letter((unsigned char)t[i + ten + gap + n]))
				unit = n;
		}
		if (!unit || (!gap && is_letter((unsigned char)t[i + ten]) == false)) {
			i += ten;
			continue;
		}
		buf_put(&out, t + copied, i + ten - copied);
		buf_putc(&out, '-');
		copied = i + ten + gap;
		fixed++;
		i = copied + unit;
	}
	if (fixed)
		diag_note(doc->diag, line, "words", "restored the hyphen of %d compound number%s", fixed,
			  fixed > 1 ? "s" : "");
	return finish_rewrite(doc, &out, t, copied, fixed > 0);
}

/* --- hyphens a line's end took ------------------------------------------ */

/* pdftotext's reading order joins a line that ends in a hyphen to the
 * next and drops the hyphen, a compound's own too ("self-" /
 * "determination" becomes "selfdetermination", "Kunming-" / "Montreal"
 * "KunmingMontreal").  Where the document writes the compound with its
 * hyphen elsewhere and the joined form is no word of the lists, the
 * hyphen goes back.  The compounds are kept by their letters alone. */
struct compound {
	const char *s;		/* the compound as the document writes it */
	unsigned len;
	uint64_t key;		/* its letters' hash, hyphens left out */
};

struct compounds {
	struct compound *slots;	/* s == NULL: empty */
	size_t cap;
};

static uint64_t letters_key(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '-')
			h = (h ^ (unsigned char)(s[i] | 0x20)) * 1099511628211ull;
	return h | 1;
}

/* Whether compound c (with hyphens) has the letters of w (without). */
static bool same_letters(const struct compound *c, const char *w, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; i < c->len; i++) {
		if (c->s[i] == '-')
			continue;
		if (j == n || (c->s[i] | 0x20) != (w[j] | 0x20))
			return false;
		j++;
	}
	return j == n;
}

static const struct compound *compound_of(const struct compounds *set, const char *w, size_t n)
{
	if (!set->cap)
		return NULL;
	uint64_t key = letters_key(w, n);
	for (size_t i = key & (set->cap - 1); set->slots[i].s; i = (i + 1) & (set->cap - 1))
		if (set->slots[i].key == key && same_letters(&set->slots[i], w, n))
			return &set->slots[i];
	return NULL;
}

/* How many compounds (letters, inner hyphens, letters) t holds. */
static size_t count_compounds(const char *t)
{
	size_t n = 0;
	for (size_t i = 0; t[i]; i++)
		n += t[i] == '-' && i > 0 && is_letter((unsigned char)t[i - 1]) && is_letter((unsigned char)t[i + 1]);
	return n;
}

/* Each compound of t (letters, inner hyphens, letters) into the set. */
static void add_compounds(struct compounds *set, const char *t)
{
	for (size_t i = 0; t[i];) {
		if (!is_letter((unsigned char)t[i])) {
			i++;
			continue;
		}
		size_t start = i, hyphens = 0;
		while (is_letter((unsigned char)t[i]) || (t[i] == '-' && is_letter((unsigned char)t[i + 1])))
			hyphens += t[i++] == '-';
		if (!hyphens || i - start > 60)
			continue;
		uint64_t key = letters_key(t + start, i - start);
		size_t k = key & (set->cap - 1);
		for (; set->slots[k].s; k = (k + 1) & (set->cap - 1))
			if (set->slots[k].key == key)
				break;
		if (!set->slots[k].s)
			set->slots[k] = (struct compound){t + start, (unsigned)(i - start), key};
	}
}

/* The document's compounds, from every text the pass reads. */
static void collect_compounds(struct document *doc, struct compounds *set)
{
	/* sized by the compounds there are (half the slots used at most),
	 * not by the text: a long text may hold none */
	size_t count = 0;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->text && b->role != ROLE_DROPPED)
			count += count_compounds(b->text);
	}
	for (size_t i = 0; i < doc->notes.len; i++) {
		struct note *n = DOC_NOTE(doc, i);
		if (n->text)
			count += count_compounds(n->text);
	}
	set->cap = 16;
	while (set->cap < 2 * count)
		set->cap *= 2;
	set->slots = arena_zalloc(&doc->arena, set->cap * sizeof *set->slots);
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->text && b->role != ROLE_DROPPED)
			add_compounds(set, b->text);
	}
	for (size_t i = 0; i < doc->notes.len; i++) {
		struct note *n = DOC_NOTE(doc, i);
		if (n->text)
			add_compounds(set, n->text);
	}
}

/* Put back the hyphens of t's joined compounds.  Returns t when none. */
static char *restore_compound_hyphens(struct document *doc, const struct compounds *set, const char *t, int line)
{
	struct buf out = BUF_INIT;
	size_t copied = 0;
	int restored = 0;
	for (size_t i = 0; t[i];) {
		if (!is_letter((unsigned char)t[i])) {
			i++;
			continue;
		}
		size_t start = i;
		while (is_letter((unsigned char)t[i]))
			i++;
		/* a whole word, no part of a compound or a number */
		if (i - start < 6 || (start && byte_class[(unsigned char)t[start - 1]] == GLUE) ||
		    byte_class[(unsigned char)t[i]] == GLUE || wordlist_has(t + start, i - start))
			continue;
		const struct compound *c = compound_of(set, t + start, i - start);
		if (!c)
			continue;
		buf_put(&out, t + copied, start - copied);
		for (size_t k = 0, j = start; k < c->len; k++)
			buf_putc(&out, c->s[k] == '-' ? '-' : t[j++]);	/* the word's own letters */
		copied = i;
		if (!restored++)
			diag_note(doc->diag, line, "words", "restored the hyphen of \"%.*s\" that a line's end took",
				  (int)c->len, c->s);
	}
	return finish_rewrite(doc, &out, t, copied, restored > 0);
}

/* Every repair of this pass on one text. */
static char *repair_words(struct document *doc, char *text, int line)
{
	/* a word split twice ("Res olution s") joins in two rounds */
	for (int round = 0; round < 3; round++) {
		char *joined = join_split_words(doc, text, line);
		if (joined == text)
			break;
		text = joined;
	}
	text = join_spaced_hyphens(doc, text, line);
	return hyphenate_number_words(doc, text, line);
}

void pass_words(struct document *doc)
{
	if (!byte_class['a'])
		init_classes();
	if (!wordlist_loaded()) {
		diag_note(doc->diag, 0, "words", "no word list (Debian's wbritish and wamerican, when unpress was "
			  "built): words split by stray spaces are left as they are");
		return;
	}
	/* the lists are English: in a French text "de base" and "la mer"
	 * would be joined into English words.  The compounds' hyphens come
	 * from the document's own spelling ("Sud-Ouest"), in any language. */
	bool english = !doc->meta.lang[0] || !strcmp(doc->meta.lang, "en") || !strcmp(doc->meta.lang, "und");
	if (!english)
		diag_note(doc->diag, 0, "words", "the word lists are English: the words of a text in %s are not joined",
			  lang_name(doc->meta.lang));
	struct compounds compounds;
	collect_compounds(doc, &compounds);
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (!b->text || b->role == ROLE_DROPPED || b->role == ROLE_FOOTNOTE_DEF)
			continue;
		char *t = english ? repair_words(doc, b->text, b->line) : b->text;
		b->text = restore_compound_hyphens(doc, &compounds, t, b->line);
	}
	for (size_t i = 0; i < doc->notes.len; i++) {
		struct note *n = DOC_NOTE(doc, i);
		if (n->text)
			n->text = restore_compound_hyphens(doc, &compounds,
							   english ? repair_words(doc, n->text, n->def_line) : n->text,
							   n->def_line);
	}
}
