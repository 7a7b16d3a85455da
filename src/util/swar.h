/* swar.h — looking at eight bytes at a time ("SIMD within a register").
 *
 * The loops over whole texts (decoding the input, plain text, the XML
 * builder's text runs, homoglyphs, column gaps) mostly walk past ordinary
 * bytes; these tests let them skip eight at a time and look closely only
 * where something may be.  A flagged byte is a candidate: the tests never
 * miss one, but may also flag a byte just after a real one, so callers
 * check candidates exactly. */
#ifndef UNPRESS_SWAR_H
#define UNPRESS_SWAR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SWAR_ONES UINT64_C(0x0101010101010101)
#define SWAR_HIGHS UINT64_C(0x8080808080808080)

static inline uint64_t swar_load(const void *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

/* The high bit of each byte of w below c (c at most 0x80). */
static inline uint64_t swar_below(uint64_t w, unsigned char c)
{
	return (w - SWAR_ONES * c) & ~w & SWAR_HIGHS;
}

/* The high bit of each byte of w equal to c. */
static inline uint64_t swar_equal(uint64_t w, unsigned char c)
{
	return swar_below(w ^ (SWAR_ONES * c), 1);
}

/* How many bytes of s[0..n) a loop may pass unexamined: whole 8-byte
 * words with no byte below 0x20 (NUL, newline, tab, the markup bytes),
 * nor, with ascii_only, any byte of a non-ASCII character. */
static inline size_t swar_skip_text(const char *s, size_t n, bool ascii_only)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w = swar_load(s + i);
		if (swar_below(w, 0x20) || (ascii_only && (w & SWAR_HIGHS)))
			break;
	}
	return i;
}
#endif
