/* wordlist.h — the English word lists, as a set (see wordlist.c). */
#ifndef UNPRESS_WORDLIST_H
#define UNPRESS_WORDLIST_H
#include <stdbool.h>
#include <stddef.h>

/* Attach the index compiled into the program (or, with
 * UNPRESS_DICTIONARY set, index the lists now).  Once per process; main
 * calls it before forking so that jobs share it. */
void wordlist_load(void);
/* Whether there is a list at all (loads it first if need be). */
bool wordlist_loaded(void);
/* Whether s[0..n) is a word of the lists, ignoring ASCII case. */
bool wordlist_has(const char *s, size_t n);
#endif
