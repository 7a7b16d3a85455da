/* wordlist.h — the English word lists, as a set (see wordlist.c). */
#ifndef UNPRESS_WORDLIST_H
#define UNPRESS_WORDLIST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Attach the index compiled into the program (or, with
 * UNPRESS_DICTIONARY set, index the lists now).  Once per process; main
 * calls it before forking so that jobs share it. */
void wordlist_load(void);
/* Whether there is a list at all (loads it first if need be). */
bool wordlist_loaded(void);
/* Whether s[0..n) is a word of the lists, ignoring ASCII case. */
bool wordlist_has(const char *s, size_t n);
/* What the set is built on, for other sets of words (read/paragraphs.c):
 * FNV-1a over the bytes with ASCII case folded ("| 0x20": letters and
 * hyphens alike), and a compare that folds it the same way. */
uint64_t word_hash(const char *s, size_t n);
bool word_same(const char *a, const char *b, size_t n);
#endif
