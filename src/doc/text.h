/* doc/text.h — helpers the passes share: UN dates and symbols, and
 * small operations on MK_-marked text. */
#ifndef UNPRESS_NORMALISE_UTIL_H
#define UNPRESS_NORMALISE_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include "doc/document.h"

/* "8 November 2022" → "2022-11-08"; NULL if text is not such a date. */
char *un_date_to_iso(struct arena *arena, const char *text);
/* Finds a date "D Month YYYY" anywhere in text; its ISO form, or NULL. */
char *un_find_date(struct arena *arena, const char *text, const char **start, size_t *len);
/* Does a UN document symbol start at s+pos (not inside a longer word)?
 * Sets *len.  Joint symbols (A/1-B/2, also with an en dash) count as one. */
bool un_symbol_match(const char *s, size_t pos, size_t *len);
/* "Resolution 11/1" / "Decision 11/2" (word = "Resolution" or "Decision",
 * an optional final "."): the number "11/1", else NULL. */
char *un_instrument_number(struct arena *arena, const char *text, const char *word);
/* Text without MK_ markup (and with MK_NOTE references removed). */
char *text_plain(struct arena *arena, const char *s);
/* Text without markup of at most the first max bytes of s (for the passes
 * that look only at how a block opens). */
char *text_plain_prefix(struct arena *arena, const char *s, size_t max);
/* text_trim(text_plain_prefix(...)) in one copy; max (size_t)-1: all */
char *text_plain_trimmed(struct arena *arena, const char *s, size_t max);
/* The same, into the caller's buffer of size bytes (at most size - 1 bytes
 * of text): for a pass that only looks at how a block opens, so a long
 * document does not leave a copy of every block's opening in its arena. */
char *text_plain_scratch(char *buf, size_t size, const char *s);
/* The last visible character of s (markup, note references, link targets
 * and trailing spaces skipped), or '\0'. */
char text_last_char(const char *s);
/* Trimmed copy (spaces, newlines, MK_BREAK at both ends). */
char *text_trim(struct arena *arena, const char *s);
bool starts_with(const char *s, const char *prefix);
/* "The General Assembly,", "The Conference of the Parties to the United
 * Nations Convention against Transnational Organized Crime,": the enacting
 * formula that opens a resolution (t[0..n), plain text). */
bool un_enacting_formula(const char *t, size_t n);
/* Is the bare number t[i..i+n) (NUL-terminated t) a footnote marker whose
 * superscript was lost ("Crime, 9 as a global instrument")?  It follows a
 * word or a comma, and is not part of a date, an amount, a symbol, a count
 * ("paragraph 12", "resolution 9") or a range.  on_its_page: the caller
 * knows the note is printed on the page being searched, so fewer readings
 * compete and the test can be looser ("Bangkok 15 and", "2019 15"). */
bool un_bare_note_marker(const char *t, size_t i, size_t n, bool on_its_page);
/* Roman numeral value of s[0..n), 0 if not one. */
int roman_value(const char *s, size_t n);
#endif
