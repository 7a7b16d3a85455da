/* words.c — words split by a stray space ("civil so ciety", "Res olution").
 *
 * Extractors break a word where the PDF set its letters apart.  A pair of
 * neighbouring words is joined when the joined form is an English word and
 * at least one half is not (so "so ciety" becomes "society", while "in form"
 * stays).  The word lists are the system's (Debian's wbritish, for the
 * Oxford spelling the UN uses, and wamerican): plain lists with every
 * inflected form, names capitalised.  Without them the pass does nothing
 * and says so. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalise.h"
#include "normalise/util.h"
#include "util/buf.h"
#include "util/slurp.h"
#include "util/xmalloc.h"

static const char *const dictionaries[] = {
	"/usr/share/dict/british-english",
	"/usr/share/dict/american-english",
};

/* An open-addressing set of words, loaded once per process (it is the
 * program's data, not a document's, so it outlives documents; main loads
 * it before forking so that parallel jobs share it).  The lists are read
 * into one buffer, one word per line, and each slot packs the word's
 * offset in it, its length and 16 bits of its hash: 2 MiB of slots, so a
 * lookup costs one cache miss, not the several of a table of pointers
 * (the set was a third of this pass's time). */
static char *word_text;
static size_t word_text_len;
static uint64_t *word_slots;	/* offset << 24 | length << 16 | hash tag; 0 empty */
static size_t word_cap;
static int dictionary_state;	/* 0 not tried, 1 loaded, -1 missing */

static uint64_t hash_word(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)(s[i] | 0x20)) * 1099511628211ull;
	return h;
}

/* Lists and lookups are compared case-insensitively (ASCII letters only). */
static bool same_word(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((a[i] | 0x20) != (b[i] | 0x20))
			return false;
	return true;
}

static uint64_t slot_for(size_t offset, size_t n, uint64_t h)
{
	return (uint64_t)offset << 24 | (uint64_t)n << 16 | (h >> 48);
}

/* Finds s in the set; returns its slot index, or the empty slot where it
 * belongs. */
static size_t find_slot(const char *s, size_t n, uint64_t h, bool *found)
{
	uint64_t want = (uint64_t)n << 16 | (h >> 48);
	size_t i = (size_t)h & (word_cap - 1);
	for (uint64_t slot; (slot = word_slots[i]); i = (i + 1) & (word_cap - 1))
		if ((slot & 0xffffff) == want && same_word(word_text + (slot >> 24), s, n)) {
			*found = true;
			return i;
		}
	*found = false;
	return i;
}

/* Short words recur all through a text ("the", "of", "States"): their
 * answers are kept in a small direct-mapped cache (64 KiB, it stays in
 * the processor's cache where the set does not), keyed by the letters
 * themselves, lower-cased, and the length. */
static struct {
	uint64_t key;	/* 0: empty */
	bool found;
} short_words[4096];

static bool has_word(const char *s, size_t n)
{
	bool found = false;
	if (n == 0 || n >= 40 || !word_slots)
		return false;
	if (n > 7) {
		find_slot(s, n, hash_word(s, n), &found);
		return found;
	}
	uint64_t key = (uint64_t)n << 56;
	for (size_t i = 0; i < n; i++)
		key |= (uint64_t)(unsigned char)(s[i] | 0x20) << (8 * i);
	size_t slot = (size_t)((key * 0x9e3779b97f4a7c15ull) >> 52);
	if (short_words[slot].key == key)
		return short_words[slot].found;
	find_slot(s, n, hash_word(s, n), &found);
	short_words[slot].key = key;
	short_words[slot].found = found;
	return found;
}

/* Append one list to word_text (indexing comes after all are read, since
 * the buffer moves as it grows). */
static void read_list(const char *path)
{
	size_t len;
	char *data = slurp(path, &len);
	if (!data)
		return;
	word_text = xrealloc(word_text, word_text_len + len + 2);
	memcpy(word_text + word_text_len, data, len);
	word_text_len += len;
	word_text[word_text_len++] = '\n';
	word_text[word_text_len] = '\0';
	free(data);
	dictionary_state = 1;
}

static void index_words(void)
{
	word_cap = 1 << 18;	/* 262,144 slots for ~170,000 words, twins included */
	word_slots = xmalloc(word_cap * sizeof *word_slots);
	memset(word_slots, 0, word_cap * sizeof *word_slots);
	/* offset 0 would read as an empty slot: the text starts with a
	 * newline of its own, so no word starts there */
	const char *p = word_text, *end = word_text + word_text_len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((eol ? eol : end) - p);
		/* names ("Asa") are capitalised and possessives carry an
		 * apostrophe: only common words, so "as a" is never a name.
		 * Single letters other than "a" and "I" are letters, not words:
		 * "Resolution s" must not count as two words. */
		if (n > 0 && n < 40 && (islower((unsigned char)p[0]) || (n == 1 && p[0] == 'I')) &&
		    (n > 1 || p[0] == 'a' || p[0] == 'I') && !memchr(p, '\'', n)) {
			/* no check for a word already there: the British and
			 * American lists share most words, and comparing each
			 * with its twin cost a cache miss apiece; a twin only
			 * takes a second slot, and a lookup stops at the first */
			uint64_t h = hash_word(p, n);
			size_t i = (size_t)h & (word_cap - 1);
			while (word_slots[i])
				i = (i + 1) & (word_cap - 1);
			word_slots[i] = slot_for((size_t)(p - word_text), n, h);
		}
		p += n + 1;
	}
}

void words_load(void)
{
	if (dictionary_state)
		return;
	dictionary_state = -1;
	word_text = xmalloc(2);
	word_text[0] = '\n';
	word_text_len = 1;
	const char *env = getenv("UNPRESS_DICTIONARY");
	if (env && *env)
		read_list(env);
	for (size_t d = 0; d < sizeof dictionaries / sizeof dictionaries[0]; d++)
		read_list(dictionaries[d]);
	if (dictionary_state > 0)
		index_words();
}

static bool is_word(const char *s, size_t n)
{
	return has_word(s, n);
}

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
				prev_word = is_word(t + pa, alen);
			word = is_word(t + a, blen);
			char joined_word[48];
			if (!(prev_word && word)) {
				memcpy(joined_word, t + pa, alen);
				memcpy(joined_word + alen, t + a, blen);
			}
			if (!(prev_word && word) && is_word(joined_word, alen + blen)) {
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
	if (!joined) {
		buf_free(&out);
		return (char *)t;
	}
	buf_puts(&out, t + copied);
	char *result = arena_strndup(&doc->arena, buf_cstr(&out), out.len);
	buf_free(&out);
	return result;
}

void pass_words(struct document *doc)
{
	words_load();
	if (!byte_class['a'])
		init_classes();
	if (dictionary_state < 0) {
		diag_note(doc->diag, 0, "words", "no word list in /usr/share/dict (Debian: wbritish): "
			  "words split by stray spaces are left as they are");
		return;
	}
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (!b->text || b->role == ROLE_DROPPED || b->role == ROLE_FOOTNOTE_DEF)
			continue;
		/* a word split twice ("Res olution s") joins in two rounds */
		for (int round = 0; round < 3; round++) {
			char *joined = join_split_words(doc, b->text, b->line);
			if (joined == b->text)
				break;
			b->text = joined;
		}
	}
}
