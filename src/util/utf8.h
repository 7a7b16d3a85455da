/* utf8.h — which characters may stand in what unpress writes.
 *
 * Everything that becomes XML text, an attribute, a file name or a URL
 * passes through here once, where it enters the program (the decoded
 * input, a sidecar's values, an input's file name): XML 1.0 allows no C0
 * control but tab, newline and CR, and no U+FFFE or U+FFFF; the other
 * noncharacters (U+FDD0–U+FDEF, U+nFFFE and U+nFFFF in every plane) are
 * XML but break the PDF's fonts and mean nothing in a document. */
#ifndef UNPRESS_UTF8_H
#define UNPRESS_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/* Length of the valid UTF-8 sequence at s (1..4, n bytes available) with
 * its code point in *cp, or 0 when the bytes are not valid UTF-8
 * (overlong forms, surrogates and code points past U+10FFFF are not). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* The 66 noncharacters of Unicode (chapter 23.7). */
static inline bool unicode_is_noncharacter(uint32_t cp)
{
	return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe;
}

/* How many of s's first max bytes a message may quote ("%.*s") without
 * cutting a character in two: max, or less to end before a character
 * that would not fit; strlen(s) when shorter. */
int utf8_prefix(const char *s, size_t max);

/* cp in UTF-8 at out (4 bytes of room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);

enum text_clean_flags {
	TEXT_ONE_LINE = 1,	/* tab, newline and CR become a space */
};

/* A copy of the n bytes at s fit to be XML text (and, with TEXT_ONE_LINE,
 * one line of a file name or URL part): invalid UTF-8 and noncharacters
 * become U+FFFD, the other C0 and C1 controls and DEL are removed.
 * *changed (may be NULL) counts what was replaced or removed. */
char *text_clean(struct arena *arena, const char *s, size_t n, unsigned flags, size_t *changed);

/* Whether the NUL-terminated s would come out of text_clean unchanged. */
bool text_is_clean(const char *s, unsigned flags);

/* s (n bytes) with each byte that is not part of valid UTF-8 as U+FFFD,
 * controls and noncharacters kept (the inline markup is controls); s
 * itself when it is all valid.  *bad (may be NULL) counts the bytes. */
char *utf8_repair(struct arena *arena, char *s, size_t n, size_t *bad);

#endif
