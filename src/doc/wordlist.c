/* wordlist.c — the set of English words the words pass consults.
 *
 * The lists are the system's (Debian's wbritish, for the Oxford spelling
 * the UN uses, and wamerican): plain lists with every inflected form,
 * names capitalised.  Indexing their 200,000 lines took a tenth of the
 * time of converting the five seeds, in every process, so the build does
 * it once: this file, compiled with -DWORDLIST_GENERATOR, is the program
 * that writes the index (build/wordlist.bin), and wordlist_blob.S puts
 * that file into unpress.  UNPRESS_DICTIONARY=FILE adds a list of one's
 * own; the lists are then indexed at run time, as the generator does. */
#include "doc/wordlist.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/readfile.h"
#include "util/xmalloc.h"

static const char *const dictionaries[] = {
	"/usr/share/dict/british-english",
	"/usr/share/dict/american-english",
};

/* An open-addressing set of words: the program's data, not a document's
 * (compiled in, or indexed at run time before main forks, so that
 * parallel jobs share it).  The lists are one buffer, one word per line,
 * and each slot packs the word's offset in it, its length and 16 bits of
 * its hash: 2 MiB of slots, so a lookup costs one cache miss, not the
 * several of a table of pointers (the set was a third of the words pass's
 * time). */
static const char *word_text;
static size_t word_text_len;
static const uint64_t *word_slots;	/* offset << 24 | length << 16 | hash tag; 0 empty */
static size_t word_cap;

/* The lists read at run time, before they are indexed. */
static char *read_text;
static size_t read_len;

uint64_t word_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)(s[i] | 0x20)) * 1099511628211ull;
	return h;
}

/* Lists and lookups are compared case-insensitively (ASCII letters only). */
bool word_same(const char *a, const char *b, size_t n)
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

/* Whether s (hashed h) is in the set. */
static bool in_set(const char *s, size_t n, uint64_t h)
{
	uint64_t want = (uint64_t)n << 16 | (h >> 48);
	for (size_t i = (size_t)h & (word_cap - 1);; i = (i + 1) & (word_cap - 1)) {
		uint64_t slot = word_slots[i];
		if (!slot)
			return false;
		if ((slot & 0xffffff) == want && word_same(word_text + (slot >> 24), s, n))
			return true;
	}
}

/* Short words recur all through a text ("the", "of", "States"): their
 * answers are kept in a small direct-mapped cache (64 KiB, it stays in
 * the processor's cache where the set does not), keyed by the letters
 * themselves, lower-cased, and the length. */
static struct {
	uint64_t key;	/* 0: empty */
	bool found;
} short_words[4096];

bool wordlist_has(const char *s, size_t n)
{
	if (n == 0 || n >= 40 || !word_slots)
		return false;
	if (n > 7)
		return in_set(s, n, word_hash(s, n));
	uint64_t key = (uint64_t)n << 56;
	for (size_t i = 0; i < n; i++)
		key |= (uint64_t)(unsigned char)(s[i] | 0x20) << (8 * i);
	size_t slot = (size_t)((key * 0x9e3779b97f4a7c15ull) >> 52);
	if (short_words[slot].key == key)
		return short_words[slot].found;
	bool found = in_set(s, n, word_hash(s, n));
	short_words[slot].key = key;
	short_words[slot].found = found;
	return found;
}

/* Append one list to the text read so far (indexing comes after all are
 * read, since the buffer moves as it grows). */
/* A word list is a few megabytes: /dev/zero or a stray archive is not one. */
#define LIST_MAX ((size_t)64 << 20)

/* Append the list at path to the text read; false (why in *why) when it
 * cannot be read. */
static bool read_list(const char *path, const char **why)
{
	struct buf data = BUF_INIT;
	if (read_bounded(path, LIST_MAX, 0, &data, why) != 0) {
		buf_free(&data);
		return false;
	}
	read_text = xrealloc(read_text, read_len + data.len + 2);
	memcpy(read_text + read_len, data.data, data.len);
	read_len += data.len;
	read_text[read_len++] = '\n';
	read_text[read_len] = '\0';
	buf_free(&data);
	return true;
}

/* Index the text read: the slots, and the text they point into. */
static void index_words(void)
{
	size_t cap = 1 << 18;	/* 262,144 slots for ~170,000 words, twins included */
	uint64_t *slots = xmalloc(cap * sizeof *slots);
	memset(slots, 0, cap * sizeof *slots);
	/* offset 0 would read as an empty slot: the text starts with a
	 * newline of its own, so no word starts there */
	const char *p = read_text, *end = read_text + read_len;
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
			uint64_t h = word_hash(p, n);
			size_t i = (size_t)h & (cap - 1);
			while (slots[i])
				i = (i + 1) & (cap - 1);
			slots[i] = slot_for((size_t)(p - read_text), n, h);
		}
		p += n + 1;
	}
	word_slots = slots;
	word_cap = cap;
	word_text = read_text;
	word_text_len = read_len;
}

/* Read and index the lists (the env's first, then the system's); false
 * when there is none. */
static bool index_lists(const char *extra)
{
	read_text = xmalloc(2);
	read_text[0] = '\n';
	read_len = 1;
	bool any = false;
	const char *why;
	if (extra && *extra) {
		bool read = read_list(extra, &why);
		/* a list asked for by name and not there is said, not ignored */
		if (!read)
			fprintf(stderr, "unpress: warning: UNPRESS_DICTIONARY=%s: %s: using the system's word lists "
				"only\n", extra, why ? why : "cannot read it");
		any |= read;
	}
	for (size_t d = 0; d < sizeof dictionaries / sizeof dictionaries[0]; d++)
		any |= read_list(dictionaries[d], &why);
	if (any)
		index_words();
	return any;
}

/* The index as the build wrote it: "UNPWORDS", the slot count and the
 * text's length (64-bit, host order), the slots, then the text. */
static const char blob_magic[8] = {'U', 'N', 'P', 'W', 'O', 'R', 'D', 'S'};
enum { BLOB_HEADER = 24 };

#ifndef WORDLIST_GENERATOR
static int dictionary_state;	/* 0 not tried, 1 loaded, -1 missing */
extern const unsigned char unpress_wordlist_blob[], unpress_wordlist_blob_end[];

static bool attach_blob(void)
{
	const unsigned char *b = unpress_wordlist_blob;
	size_t size = (size_t)(unpress_wordlist_blob_end - b);
	uint64_t cap, len;
	if (size < BLOB_HEADER || memcmp(b, blob_magic, 8))
		return false;
	memcpy(&cap, b + 8, 8);
	memcpy(&len, b + 16, 8);
	/* a list compiled in empty: the build machine had none */
	if (cap == 0 || (cap & (cap - 1)) || len < 2 || size != BLOB_HEADER + cap * 8 + len + 1)
		return false;
	word_slots = (const uint64_t *)(const void *)(b + BLOB_HEADER);
	word_cap = (size_t)cap;
	word_text = (const char *)b + BLOB_HEADER + cap * 8;
	word_text_len = (size_t)len;
	return true;
}

void wordlist_load(void)
{
	if (dictionary_state)
		return;
	const char *extra = getenv("UNPRESS_DICTIONARY");
	bool ok = extra && *extra ? index_lists(extra) : attach_blob();
	dictionary_state = ok ? 1 : -1;
}

bool wordlist_loaded(void)
{
	wordlist_load();
	return dictionary_state > 0;
}
#else
/* mkwordlist OUT: index the system's lists into OUT (empty lists when the
 * system has none: unpress then says so when it runs). */
int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: mkwordlist OUT\n");
		return 64;
	}
	if (!index_lists(NULL)) {
		fprintf(stderr, "mkwordlist: no word list in /usr/share/dict (Debian: wbritish, wamerican); "
				"unpress will not join words split by stray spaces\n");
		read_len = 1;
		word_cap = 1;
		static const uint64_t none[1];
		word_slots = none;
		word_text = read_text;
	}
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
	FILE *f = fopen(tmp, "wb");
	uint64_t cap = word_cap, len = word_text_len;
	if (!f || fwrite(blob_magic, 1, 8, f) != 8 || fwrite(&cap, 8, 1, f) != 1 || fwrite(&len, 8, 1, f) != 1 ||
	    fwrite(word_slots, 8, word_cap, f) != word_cap || fwrite(word_text, 1, len + 1, f) != len + 1 ||
	    fclose(f) != 0 || rename(tmp, argv[1]) != 0) {
		perror(argv[1]);
		return 73;
	}
	if (word_cap > 1)
		free((void *)word_slots);
	free(read_text);
	return 0;
}
#endif
