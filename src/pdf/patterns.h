/* patterns.h — TeX hyphenation patterns by Liang's algorithm (see
 * patterns.c); hyphen.c's fast path, libhyphen's answers. */
#ifndef UNPRESS_PDF_PATTERNS_H
#define UNPRESS_PDF_PATTERNS_H

enum { MAX_WORD = 127 };	/* longest word hyphenated, in bytes */

struct hyph_patterns;
/* NULL when the file cannot be read or holds what this reader does not know */
struct hyph_patterns *patterns_load(const char *path);
void patterns_free(struct hyph_patterns *p);
/* The encoding the file's first line names ("UTF-8", "KOI8-R"), or NULL. */
const char *patterns_encoding(const struct hyph_patterns *p);
/* points[x]: the pattern value after byte x of the lower-case word
 * word[0..n) in the file's encoding, n <= MAX_WORD (odd: a break is
 * allowed there) */
void patterns_apply(const struct hyph_patterns *p, const char *word, int n, unsigned char *points);
#endif
