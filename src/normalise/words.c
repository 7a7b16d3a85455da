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

static bool has_word(const char *s, size_t n)
{
	bool found = false;
	if (n > 0 && n < 40 && word_slots)
		find_slot(s, n, hash_word(s, n), &found);
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
	word_cap = 1 << 18;	/* 262,144 slots for ~100,000 distinct words */
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
			bool found;
			uint64_t h = hash_word(p, n);
			size_t i = find_slot(p, n, h, &found);
			if (!found)
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

static bool letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Join split words in one text; returns it unchanged when none.  Only the
 * neighbourhood of each space is looked at: a word a ending right before
 * it and a word b starting right after it in lower case. */
static char *join_split_words(struct document *doc, const char *t, int line)
{
	struct buf out = BUF_INIT;
	size_t n = strlen(t), copied = 0;
	int joined = 0;
	/* each word is looked up once, as the b of one pair and the a of the next */
	size_t prev_b = (size_t)-1;
	bool prev_is_word = false;
	for (const char *sp = memchr(t, ' ', n); sp; sp = memchr(sp + 1, ' ', n - (size_t)(sp + 1 - t))) {
		size_t i = (size_t)(sp - t);
		if (i == 0 || i + 1 >= n || !letter(t[i - 1]) || !(t[i + 1] >= 'a' && t[i + 1] <= 'z'))
			continue;
		size_t a = i;
		while (a > 0 && letter(t[a - 1]))
			a--;
		size_t b = i + 1, e = b;
		while (e < n && letter(t[e]))
			e++;
		size_t alen = i - a, blen = e - b;
		/* whole words only: nothing glued on either side */
		if ((a > 0 && (isalnum((unsigned char)t[a - 1]) || t[a - 1] == '-' || t[a - 1] == '\'')) ||
		    (e < n && (isalnum((unsigned char)t[e]) || t[e] == '-' || t[e] == '\'')) || alen + blen > 40 ||
		    (unsigned char)t[e] >= 0x80 || (a > 0 && (unsigned char)t[a - 1] >= 0x80))
			continue;
		bool a_word = prev_b == a ? prev_is_word : is_word(t + a, alen);
		bool b_word = is_word(t + b, blen);
		prev_b = b;
		prev_is_word = b_word;
		if (a_word && b_word)
			continue;
		char joined_word[48];
		memcpy(joined_word, t + a, alen);
		memcpy(joined_word + alen, t + b, blen);
		if (!is_word(joined_word, alen + blen))
			continue;
		buf_put(&out, t + copied, i - copied);	/* up to the stray space */
		copied = i + 1;
		joined++;
		prev_b = (size_t)-1;
		diag_note(doc->diag, line, "words", "joined \"%.*s %.*s\" split by a stray space", (int)alen, t + a,
			  (int)blen, t + b);
	}
	if (!joined) {
		buf_free(&out);
		return (char *)t;
	}
	buf_put(&out, t + copied, n - copied);
	char *result = arena_strndup(&doc->arena, buf_cstr(&out), out.len);
	buf_free(&out);
	return result;
}

void pass_words(struct document *doc)
{
	words_load();
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
