/* doc/un.h — UN conventions the reader, the passes and the AKN builder
 * share: dates, document symbols, instrument numbers, the enacting formula,
 * note markers whose superscript was lost, roman numerals. */
#ifndef UNPRESS_DOC_UN_H
#define UNPRESS_DOC_UN_H
#include <stdbool.h>
#include <stddef.h>
#include "util/arena.h"

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
/* "The General Assembly,", "The Conference of the Parties to the United
 * Nations Convention against Transnational Organized Crime,": the enacting
 * formula that opens a resolution (t[0..n), plain text). */
bool un_enacting_formula(const char *t, size_t n);
/* "Генеральная Ассамблея", "Совет Безопасности": an organ's name alone,
 * in a language that names it without an article (Russian), at most four
 * words, no comma, no figure.  The cover prints it so, and the formula
 * too where its comma was left out: the caller knows which it is. */
bool un_organ_name(const char *t, size_t n);
/* Can the number t[i..i+n) be a note's marker as Chinese sets it: after a
 * Han character or CJK punctuation, or a space after one ("报告，1 以及",
 * "《宣言》 1 中"), then a space or the end, or an opening "《" or "“"
 * after punctuation ("、1《21世纪议程》")?  t is NUL-terminated. */
bool un_cjk_note_marker(const char *t, size_t i, size_t n);
struct un_lang;
/* Does s[0..n) open as L's adoption line does ("Resolution adopted by
 * the General Assembly on …"; Chinese: its date, then "大会决议")?  The
 * length of what matched, else 0. */
size_t un_adoption_line(const struct un_lang *L, const char *s, size_t n);
/* Is the bare number t[i..i+n) (NUL-terminated t) a footnote marker whose
 * superscript was lost ("Crime, 9 as a global instrument")?  It follows a
 * word or a comma, and is not part of a date, an amount, a symbol, a count
 * ("paragraph 12", "resolution 9") or a range.  on_its_page: the caller
 * knows the note is printed on the page being searched, so fewer readings
 * compete and the test can be looser ("Bangkok 15 and", "2019 15"). */
bool un_bare_note_marker(const char *t, size_t i, size_t n, bool on_its_page);
/* Is a document of this type (doc_meta.type) an AKN statement: a
 * resolution, a draft resolution or a decision, which has a formula, a
 * preamble and operative paragraphs? */
bool un_type_is_statement(const char *type);
/* Roman numeral value of s[0..n), 0 if not one. */
int roman_value(const char *s, size_t n);
#endif
