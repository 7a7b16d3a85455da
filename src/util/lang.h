/* util/lang.h — the language a document is written in, and its direction.
 *
 * Every edition and the site ask the same question of the XML: HTML for
 * `lang` and `dir`, the site to group the language versions of one
 * document, Markdown for its front matter, PDF for /Lang.  The answer is
 * the document's own FRBRExpression/FRBRlanguage (AKN gives ISO 639-2
 * codes: "eng", "ara", "zho"), as a BCP 47 tag ("en", "ar", "zh"); when
 * the XML names none, it is read from the text (the script its letters are
 * in, and for Latin text the commonest short words of English, French and
 * Spanish, the UN's official languages in that script). */
#ifndef UNPRESS_LANG_H
#define UNPRESS_LANG_H

#include <libxml/tree.h>
#include <stdbool.h>

struct doc_lang {
	char tag[16];		/* BCP 47: "en", "ar", "zh", … ("und" if unknown) */
	bool rtl;		/* written right to left */
	bool from_text;		/* the XML named no language: read from the text */
};

/* The language of an AKN document (its first FRBRlanguage, else its text). */
void doc_language(xmlDocPtr akn, struct doc_lang *out);

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
 * none); the guess doc_language falls back to. */
const char *lang_of_text(const char *text, size_t len);

#endif
