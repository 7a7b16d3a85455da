/* akn/lang.h — the language an AKN document is written in, and its
 * direction: what HTML's lang and dir, the site's language versions, the
 * Markdown's front matter and the PDF's /Lang say.  The document's own
 * FRBRExpression/FRBRlanguage (ISO 639-2: "eng", "ara", "zho") as a BCP 47
 * tag ("en", "ar", "zh"); when the XML names none, read from its text
 * (util/lang.h). */
#ifndef UNPRESS_AKN_LANG_H
#define UNPRESS_AKN_LANG_H

#include <libxml/tree.h>
#include <stdbool.h>

struct doc_lang {
	char tag[16];		/* BCP 47: "en", "ar", "zh", … ("und" if unknown) */
	bool rtl;		/* written right to left */
	bool from_text;		/* the XML named no language: read from the text */
};

/* The language of an AKN document (its first FRBRlanguage, else its text). */
void doc_language(xmlDocPtr akn, struct doc_lang *out);

#endif
