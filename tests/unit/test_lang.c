/* tests/unit/test_lang.c — src/util/lang.c (language codes, direction,
 * undocs.org's steps, the language of a text) and src/akn/lang.c (the
 * language an AKN document is in). */
#include <string.h>

#include <libxml/parser.h>

#include "akn/lang.h"
#include "unit.h"
#include "util/lang.h"

static void tag_of(void)
{
	static const struct {
		const char *name, *code, *want;	/* want NULL: not a code */
	} cases[] = {
		{"ISO 639-2 terminology code", "eng", "en"},
		{"ISO 639-2 bibliographic code (Chinese)", "chi", "zh"},
		{"ISO 639-2 bibliographic code (French)", "fre", "fr"},
		{"ISO 639-1 code", "ar", "ar"},
		{"upper case", "RUS", "ru"},
		{"spaces before it", "  spa", "es"},
		{"a region subtag after it", "zh-Hans", "zh"},
		{"an underscore subtag", "en_GB", "en"},
		{"a code the table lacks, as it is", "Fil", "fil"},
		{"one letter", "e", NULL},
		{"four letters", "engl", NULL},
		{"an English name", "english", NULL},
		{"a digit after the letters", "en1", NULL},
		{"the empty text", "", NULL},
		{"NULL", NULL, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char tag[16] = "unchanged";
		bool ok = lang_tag_of(cases[i].code, tag);
		/* false leaves tag as it was */
		unit_str(unit_fmt("lang_tag_of: %s", cases[i].name), unit_q(cases[i].code),
			 cases[i].want ? cases[i].want : "unchanged", tag);
		unit_bool(unit_fmt("lang_tag_of: %s (result)", cases[i].name), unit_q(cases[i].code), cases[i].want != NULL,
			  ok);
	}
}

static void codes(void)
{
	static const struct {
		const char *tag, *iso, *step;
		bool rtl;
	} cases[] = {
		{"en", "eng", "en", false}, {"fr", "fra", "fr", false}, {"es", "spa", "es", false},
		{"ru", "rus", "ru", false}, {"ar", "ara", "ar", true},   {"zh", "zho", "ch", false},
		{"zh-Hans", "zho", "ch", false}, {"ar-EG", "ara", "ar", true}, {"he", "heb", NULL, true},
		{"de", "deu", NULL, false},	/* outside the six: no step */
		{"und", "und", NULL, false},	/* not a language */
		{"e", "und", NULL, false},	/* a prefix of "en" is not "en" */
		{"ara", "und", NULL, false},	/* a 3-letter code is not a BCP 47 tag here */
		{"fa", "fas", NULL, true},	{"ckb", "und", NULL, true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *in = unit_q(cases[i].tag);
		unit_str("lang_iso639_2", in, cases[i].iso, lang_iso639_2(cases[i].tag));
		unit_str("lang_undocs_step", in, cases[i].step, lang_undocs_step(cases[i].tag));
		unit_bool("lang_is_rtl", in, cases[i].rtl, lang_is_rtl(cases[i].tag));
	}
	/* the names the warnings give */
	unit_str("lang_name", "\"fr\"", "French", lang_name("fr"));
	unit_str("lang_name", "\"zh-Hans\"", "Chinese", lang_name("zh-Hans"));
	unit_str("lang_name", "\"ar\"", "Arabic", lang_name("ar"));
	unit_str("lang_name: a prefix is not a tag", "\"e\"", "e", lang_name("e"));
	unit_str("lang_name: unknown, the tag itself", "\"xx\"", "xx", lang_name("xx"));
}

/* lang_of_text on the opening of a resolution in each of the six
 * languages, and on texts that mix scripts as UN texts do. */
static void of_text(void)
{
	static const struct {
		const char *name, *text, *want;
	} cases[] = {
		{"English", "The General Assembly, Recalling its resolution 70/1 of 25 September 2015, entitled "
			    "\"Transforming our world: the 2030 Agenda for Sustainable Development\"", "en"},
		{"French", "L\xe2\x80\x99" "Assembl\xc3\xa9" "e g\xc3\xa9n\xc3\xa9rale, Rappelant sa r\xc3\xa9solution 70/1 du "
			   "25 septembre 2015, intitul\xc3\xa9" "e \xc2\xab Transformer notre monde : le Programme de "
			   "d\xc3\xa9veloppement durable \xc3\xa0 l\xe2\x80\x99horizon 2030 \xc2\xbb et les objectifs", "fr"},
		{"Spanish", "La Asamblea General, Recordando su resoluci\xc3\xb3n 70/1, de 25 de septiembre de 2015, "
			    "titulada \xc2\xab" "Transformar nuestro mundo: la Agenda 2030 para el Desarrollo Sostenible\xc2\xbb, "
			    "en la que adopt\xc3\xb3 un amplio conjunto de Objetivos y metas", "es"},
		/* "la" is a Spanish word as much as a French one: a Spanish
		 * sentence with more "la" than "el" is still Spanish */
		{"Spanish with \"la\" twice", "La Asamblea General, Recordando la Agenda 2030 para el Desarrollo Sostenible", "es"},
		{"Russian, with a symbol in Latin letters",
		 "\xd0\x93\xd0\xb5\xd0\xbd\xd0\xb5\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb0\xd1\x8f "
		 "\xd0\x90\xd1\x81\xd1\x81\xd0\xb0\xd0\xbc\xd0\xb1\xd0\xbb\xd0\xb5\xd1\x8f, A/RES/70/1", "ru"},
		{"Arabic, with a symbol in Latin letters",
		 "\xd8\xa5\xd9\x86 \xd8\xa7\xd9\x84\xd8\xac\xd9\x85\xd8\xb9\xd9\x8a\xd8\xa9 "
		 "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x85\xd8\xa9 A/RES/70/1", "ar"},
		/* Han characters are words: four of them outweigh six Latin
		 * letters of a symbol */
		{"Chinese, with a symbol in Latin letters", "\xe5\xa4\xa7\xe4\xbc\x9a\xe5\x86\xb3\xe8\xae\xae A/RES/70", "zh"},
		{"one Han character against four Latin letters", "\xe5\xa4\xa7 A/RES/70", "en"},
		{"Japanese: kana among Han", "\xe5\x9b\xbd\xe9\x80\xa3\xe3\x81\xae\xe6\xb1\xba\xe8\xad\xb0", "ja"},
		{"Arabic presentation forms (lam-alef)", "\xef\xbb\xbb\xef\xbb\xbb\xef\xbb\xbb abc", "ar"},
		{"no letters", "70/1 \xe2\x80\x93 2015.", "und"},
		{"the empty text", "", "und"},
		{"Latin letters without a common word: English", "A/RES/70/1", "en"},
		/* "the" glued to an accented letter is no word ("thé") */
		{"a common word glued to an accented letter", "th\xc3\xa9 et", "fr"},
		{"a UTF-8 sequence cut at the text's end", "\xd0\x90\xd0", "ru"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_str(unit_fmt("lang_of_text: %s", cases[i].name), unit_q(cases[i].text), cases[i].want,
			 lang_of_text(cases[i].text, strlen(cases[i].text)));
	/* only len bytes count */
	const char *mixed = "\xd0\x93\xd0\xb5\xd0\xbd The General Assembly";
	unit_str("lang_of_text: only the len bytes given", unit_fmt("%s, len 6", unit_q(mixed)), "ru",
		 lang_of_text(mixed, 6));
}

/* doc_language on AKN documents given as text. */
static void document_language(void)
{
	static const char *const ns = "xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"";
	static const struct {
		const char *name, *meta, *body, *tag;
		bool rtl, from_text;
	} cases[] = {
		{"FRBRlanguage eng", "<FRBRlanguage language=\"eng\"/>", "Le texte", "en", false, false},
		{"FRBRlanguage ara: right to left", "<FRBRlanguage language=\"ara\"/>", "text", "ar", true, false},
		{"FRBRlanguage zho", "<FRBRlanguage language=\"zho\"/>", "text", "zh", false, false},
		{"no FRBRlanguage: read from the text", "", "Les \xc3\xa9tats et les organisations de la r\xc3\xa9gion",
		 "fr", false, true},
		{"an FRBRlanguage that is no code: read from the text", "<FRBRlanguage language=\"1\"/>",
		 "\xd8\xa7\xd9\x84\xd8\xac\xd9\x85\xd8\xb9\xd9\x8a\xd8\xa9", "ar", true, true},
		{"no text and no language", "", "", "und", false, true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* the metadata's words ("eng", the names) must not count as
		 * the document's text: they are English whatever the text */
		const char *xml = unit_fmt("<akomaNtoso %s><doc name=\"x\"><meta><identification source=\"#u\">"
					   "<FRBRExpression><FRBRthis value=\"the of and to in the\"/>%s</FRBRExpression>"
					   "</identification><proprietary source=\"#u\">the of and the to the</proprietary></meta>"
					   "<mainBody><p>%s</p></mainBody></doc></akomaNtoso>",
					   ns, cases[i].meta, cases[i].body);
		xmlDocPtr d = xmlReadMemory(xml, (int)strlen(xml), "unit.xml", NULL, XML_PARSE_NONET);
		struct doc_lang got;
		doc_language(d, &got);
		const char *in = unit_q(cases[i].body);
		unit_str(unit_fmt("doc_language: %s: tag", cases[i].name), in, cases[i].tag, got.tag);
		unit_bool(unit_fmt("doc_language: %s: rtl", cases[i].name), in, cases[i].rtl, got.rtl);
		unit_bool(unit_fmt("doc_language: %s: from_text", cases[i].name), in, cases[i].from_text, got.from_text);
		xmlFreeDoc(d);
	}
	struct doc_lang none;
	doc_language(NULL, &none);
	unit_str("doc_language: no document", "NULL", "und", none.tag);
}

int main(void)
{
	unit_begin("lang");
	tag_of();
	codes();
	of_text();
	document_language();
	xmlCleanupParser();
	return unit_end();
}
