/* util/lang.h — languages: the codes AKN and BCP 47 give them, their
 * direction, undocs.org's language steps, and the language a text is in
 * (the script its letters are in, and for Latin text the commonest short
 * words of English, French and Spanish, the UN's official languages in
 * that script). */
#ifndef UNPRESS_UTIL_LANG_H
#define UNPRESS_UTIL_LANG_H

#include <stdbool.h>
#include <stddef.h>

/* An ISO 639-2 (or 639-1) code as a BCP 47 tag into tag (16 bytes); false,
 * tag untouched, when code is not a language code. */
bool lang_tag_of(const char *code, char *tag);

/* The ISO 639-2 (terminology) code of a BCP 47 tag ("en" → "eng"), as
 * AKN's FRBRlanguage wants it; "und" for a language the table lacks. */
const char *lang_iso639_2(const char *tag);

/* The language step undocs.org's addresses carry for a BCP 47 tag, as the
 * UN writes them in its own markup ("en", "fr", "es", "ru", "ar", and "ch"
 * for Chinese); NULL for a language outside the UN's six. */
const char *lang_undocs_step(const char *tag);

/* Is the language tagged tag written right to left? */
bool lang_is_rtl(const char *tag);

/* The language of a text, from its letters alone ("und" when it has
 * none); the guess akn/lang.h's doc_language falls back to. */
/* The English name of a language ("French" for "fr"), or the tag itself
 * when it is not among the UN's and the few others known. */
const char *lang_name(const char *tag);

const char *lang_of_text(const char *text, size_t len);

#endif
