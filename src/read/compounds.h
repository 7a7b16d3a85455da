/* read/compounds.h — hyphenated compounds the document writes, for the
 * words pdftotext glued where it joined two lines across a line-end
 * hyphen ("государства-" / "члены" → "государствачлены"). */
#ifndef UNPRESS_READ_COMPOUNDS_H
#define UNPRESS_READ_COMPOUNDS_H
#include <stdbool.h>
#include <stddef.h>

#include "read/pages.h"

struct compounds;

/* The compounds of the page model's text and note lines whose letters
 * are not only ASCII ("государств-членов", "Аддис-Абебской"): a word of
 * letters of any script with inner hyphens (-, U+2010, U+2011).  From
 * the document's arena. */
struct compounds *compounds_build(struct pagemodel *pm);
/* s[0..n) with every word that is one of the compounds written without
 * its hyphen given it back, as the document writes it elsewhere: a new
 * string from the arena (its length in *len), or s itself (and *len
 * untouched) when no word changed. */
const char *compounds_restore(const struct compounds *c, struct arena *A, const char *s, size_t n, size_t *len);
/* Is a[0..an) + b[0..bn), the two halves of a word broken at a
 * line-end hyphen ("женщин" / "мигрантов"), a compound of the document's
 * ("женщин-мигрантов"), so that the hyphen stays? */
bool compounds_has(const struct compounds *c, const char *a, size_t an, const char *b, size_t bn);
#endif
