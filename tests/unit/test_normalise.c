/* tests/unit/test_normalise.c — passes of src/normalise/ on documents built
 * by hand: the look-alike letters of pass_text (text.c), the numbering and
 * lettering of pass_numbering (numbering.c), the references of
 * pass_symbols (symbols.c). */
#include <stdio.h>
#include <string.h>

#include "doc/wordlist.h"
#include "normalise/normalise.h"
#include "unit.h"

/* Blocks given one per line (each "text"), run through pass, shown as
 * unit_blocks shows them; *said gets what the pass said. */
static const char *run(void (*pass)(struct document *), const char *lang, const char *const *texts, size_t n,
		       const char **said)
{
	struct unit_doc u;
	struct document *doc = unit_doc(&u);
	if (lang)
		snprintf(doc->meta.lang, sizeof doc->meta.lang, "%s", lang);
	for (size_t i = 0; i < n; i++)
		unit_block(doc, BLOCK_TEXT, texts[i]);
	pass(doc);
	const char *out = unit_blocks(doc);
	if (said)
		*said = unit_said(&u);
	unit_doc_free(&u);
	return out;
}

/* The text of one block after pass (in the run's scratch memory). */
static const char *text_after(void (*pass)(struct document *), const char *lang, const char *text)
{
	struct unit_doc u;
	struct document *doc = unit_doc(&u);
	if (lang)
		snprintf(doc->meta.lang, sizeof doc->meta.lang, "%s", lang);
	unit_block(doc, BLOCK_TEXT, NULL)->text = arena_strdup(&doc->arena, text);
	pass(doc);
	const char *t = DOC_BLOCK(doc, 0)->text;
	const char *out = t ? arena_strdup(unit_arena, t) : NULL;
	unit_doc_free(&u);
	return out;
}

static void look_alikes(void)
{
	static const struct {
		const char *name, *text, *want;
	} cases[] = {
		{"a Cyrillic section letter", "\xd0\x92. Action taken", "B. Action taken"},
		{"a Greek capital lambda read for A", "\xce\x9b. Introduction", "A. Introduction"},
		{"Cyrillic letters inside an English word", "Gen\xd0\xb5r\xd0\xb0l Assembly", "General Assembly"},
		{"a Cyrillic capital opening an English word", "\xd0\xa1ommittee", "Committee"},
		{"a Russian word stays", "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 and Vienna",
		 "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 and Vienna"},
		/* "с" (with) and "В" (in) are Russian words of one letter, and
		 * look like c and B: in Russian text they are no section letters */
		{"a Russian preposition of one letter in Russian text",
		 "\xd1\x81\xd0\xbe\xd0\xb3\xd0\xbb\xd0\xb0\xd1\x81\xd0\xbd\xd0\xbe \xd1\x81 "
		 "\xd1\x80\xd0\xb5\xd0\xb7\xd0\xbe\xd0\xbb\xd1\x8e\xd1\x86\xd0\xb8\xd0\xb5\xd0\xb9",
		 "\xd1\x81\xd0\xbe\xd0\xb3\xd0\xbb\xd0\xb0\xd1\x81\xd0\xbd\xd0\xbe \xd1\x81 "
		 "\xd1\x80\xd0\xb5\xd0\xb7\xd0\xbe\xd0\xbb\xd1\x8e\xd1\x86\xd0\xb8\xd0\xb5\xd0\xb9"},
		{"a Russian sentence opening with \"\xd0\x92\"",
		 "\xd0\x92 \xd1\x81\xd0\xbe\xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82\xd1\x81\xd1\x82\xd0\xb2\xd0\xb8\xd0\xb8",
		 "\xd0\x92 \xd1\x81\xd0\xbe\xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82\xd1\x81\xd1\x82\xd0\xb2\xd0\xb8\xd0\xb8"},
		{"a section letter beside a Russian name is still Russian text", "\xd0\x92. \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
		 "\xd0\x92. \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"},
		{"a section letter with a mixed word after it", "\xd0\x92. Gen\xd0\xb5ral", "B. General"},
		{"a word with a Cyrillic letter that has no Latin twin stays", "\xd0\x91\xd0\xb0r", "\xd0\x91\xd0\xb0r"},
		{"a soft hyphen goes", "Organi\xc2\xadzation", "Organization"},
		{"zero-width characters and a BOM go", "\xef\xbb\xbf" "A\xe2\x80\x8b" "B\xe2\x80\x8c" "C\xe2\x80\x8d" "D", "ABCD"},
		{"curly quotes and dashes stay", "\xe2\x80\x9c" "A\xe2\x80\x9d \xe2\x80\x93 B", "\xe2\x80\x9c" "A\xe2\x80\x9d \xe2\x80\x93 B"},
		{"a Cyrillic lead byte cut at the text's end stays", "AB\xd0", "AB\xd0"},
		{"markup stays", "{em}\xd0\x92{/em}. Action", "{em}B{/em}. Action"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *text = unit_mk(cases[i].text);
		unit_str(unit_fmt("pass_text: %s", cases[i].name), unit_q(text), unit_mk(cases[i].want),
			 text_after(pass_text, NULL, text));
	}
}

static void numbering(void)
{
	static const struct {
		const char *name;
		const char *texts[8];
		const char *want;
	} cases[] = {
		{"a lettered run",
		 {"1. The Assembly decides:", "(a) To act;", "(b) To report;", NULL},
		 "paragraph \"1.\"|The Assembly decides:\n"
		 "point \"(a)\" depth=1|To act;\n"
		 "point \"(b)\" depth=1|To report;"},
		/* OCR reads (l) as (1): where the run expects (l) */
		{"\"(1)\" after \"(k)\" is \"(l)\"",
		 {"(j) To act;", "(k) To report;", "(1) To review;", "(m) To close.", NULL},
		 "point \"(j)\" depth=1|To act;\n"
		 "point \"(k)\" depth=1|To report;\n"
		 "point \"(l)\" depth=1|To review;\n"
		 "point \"(m)\" depth=1|To close."},
		{"\"(1)\" where the run expects \"(b)\" stays \"(1)\"",
		 {"(a) To act;", "(1) To report;", NULL},
		 "point \"(a)\" depth=1|To act;\n"
		 "point \"(1)\" depth=1|To report;"},
		{"roman items nest inside a lettered one",
		 {"(a) To act:", "(i) Now;", "(ii) Later;", "(b) To report.", NULL},
		 "point \"(a)\" depth=1|To act:\n"
		 "point \"(i)\" depth=2|Now;\n"
		 "point \"(ii)\" depth=2|Later;\n"
		 "point \"(b)\" depth=1|To report."},
		{"\"(i)\" after \"(h)\" is a letter",
		 {"(g) To act;", "(h) To report;", "(i) To review;", "(j) To close.", NULL},
		 "point \"(g)\" depth=1|To act;\n"
		 "point \"(h)\" depth=1|To report;\n"
		 "point \"(i)\" depth=1|To review;\n"
		 "point \"(j)\" depth=1|To close."},
		{"\"(v)\" after \"(u)\" is a letter",
		 {"(t) To act;", "(u) To report;", "(v) To review;", NULL},
		 "point \"(t)\" depth=1|To act;\n"
		 "point \"(u)\" depth=1|To report;\n"
		 "point \"(v)\" depth=1|To review;"},
		{"\"(aa)\" goes on after \"(z)\"",
		 {"(z) To act;", "(aa) To report;", "(bb) To review;", NULL},
		 "point \"(z)\" depth=1|To act;\n"
		 "point \"(aa)\" depth=1|To report;\n"
		 "point \"(bb)\" depth=1|To review;"},
		{"not labels: \"(Signed)\", \"(Spanish)\", \"(abc)\"",
		 {"(Signed) A. Person", "(Spanish) text", "(abc) text", NULL},
		 "body|(Signed) A. Person\n"
		 "body|(Spanish) text\n"
		 "body|(abc) text"},
		{"a number out of sequence that reads as a title is a subsection",
		 {"1. The first paragraph.", "2. The second paragraph.", "1. Organizational matters", NULL},
		 "paragraph \"1.\"|The first paragraph.\n"
		 "paragraph \"2.\"|The second paragraph.\n"
		 "subsection \"1.\"|Organizational matters"},
		{"a paragraph number needs its full stop and a space",
		 {"1.5 per cent of the budget.", "2015. The year.", NULL},
		 "body|1.5 per cent of the budget.\n"
		 "paragraph \"2015.\"|The year."},
		/* a roman list of its own, not under a lettered item */
		{"a roman list at the top",
		 {"1. The Assembly decides:", "(i) To act;", "(ii) To report;", "(iii) To review.", NULL},
		 "paragraph \"1.\"|The Assembly decides:\n"
		 "point \"(i)\" depth=1|To act;\n"
		 "point \"(ii)\" depth=1|To report;\n"
		 "point \"(iii)\" depth=1|To review."},
		{"a resolution numbers from 1 again", {"1. A.", "2. B.", NULL},
		 "paragraph \"1.\"|A.\nparagraph \"2.\"|B."},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = 0;
		while (n < 8 && cases[i].texts[n])
			n++;
		const char *said;
		unit_lines(unit_fmt("pass_numbering: %s", cases[i].name), unit_fmt("%zu blocks", n), cases[i].want,
			   run(pass_numbering, NULL, cases[i].texts, n, &said));
	}
	const char *said;
	static const char *const ocr[] = {"(j) To act;", "(k) To report;", "(1) To review;"};
	run(pass_numbering, NULL, ocr, 3, &said);
	unit_has("pass_numbering: the (1) read as (l) is noted", "(j), (k), (1)", "\"(1)\" read as \"(l)\"", said);
}

static void symbols(void)
{
	static const struct {
		const char *name, *lang, *text, *want;
	} cases[] = {
		{"a symbol", "en", "see A/78/1.", "see {link}https://undocs.org/en/A/78/1{mid}A/78/1{/link}."},
		{"a French text links to the French page", "fr", "voir A/78/1.",
		 "voir {link}https://undocs.org/fr/A/78/1{mid}A/78/1{/link}."},
		{"Chinese is \"ch\" on undocs.org", "zh", "A/78/1",
		 "{link}https://undocs.org/ch/A/78/1{mid}A/78/1{/link}"},
		{"a language outside the six links to the page that picks one", "de", "A/78/1",
		 "{link}https://undocs.org/A/78/1{mid}A/78/1{/link}"},
		{"a pinpoint stays in the reference", "en", "(A/75/478, para. 10)",
		 "({link}https://undocs.org/en/A/75/478{mid}A/75/478, para. 10{/link})"},
		{"a joint symbol links to its first part", "en", "CTOC/COP/WG.2/2022/4-CTOC/COP/WG.3/2022/4",
		 "{link}https://undocs.org/en/CTOC/COP/WG.2/2022/4{mid}CTOC/COP/WG.2/2022/4-CTOC/COP/WG.3/2022/4{/link}"},
		{"a General Assembly resolution", "en", "General Assembly resolution 76/185 of 2021",
		 "General Assembly resolution {link}https://undocs.org/en/A/RES/76/185{mid}76/185{/link} of 2021"},
		{"a Security Council resolution", "en", "Security Council resolution 2482 (2019).",
		 "Security Council resolution {link}https://undocs.org/en/S/RES/2482(2019){mid}2482 (2019){/link}."},
		{"a fraction is no symbol", "en", "a 1/2 share", "a 1/2 share"},
		{"a path is no symbol", "en", "in /usr/A/78/1", "in /usr/A/78/1"},
		{"a symbol without a digit is no symbol", "en", "the UN/DESA report", "the UN/DESA report"},
		{"a link stays as it is", "en", "{link}x{mid}A/78/1{/link}", "{link}x{mid}A/78/1{/link}"},
		{"a note reference stays as it is", "en", "x{note}A/78/1{/note}", "x{note}A/78/1{/note}"},
		{"a web address", "en", "see www.un.org/en/ga.", "see {link}https://www.un.org/en/ga{mid}www.un.org/en/ga{/link}."},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *text = unit_mk(cases[i].text);
		unit_str(unit_fmt("pass_symbols: %s", cases[i].name), unit_q(text), unit_mk(cases[i].want),
			 text_after(pass_symbols, cases[i].lang, text));
	}
}

/* pass_words: words split by a stray space, spaced hyphens, number words. */
static void split_words(void)
{
	static const struct {
		const char *name, *text, *want;
	} cases[] = {
		{"a word split in two", "civil so ciety groups", "civil society groups"},
		{"two words that make a third stay", "in form and in deed", "in form and in deed"},
		{"a word split twice", "the Res olution s adopted", "the Resolutions adopted"},
		{"a split capital at a sentence's start", "T he report was adopted.", "The report was adopted."},
		{"a split capital inside a sentence", "the U nited Nations", "the United Nations"},
		/* a lone capital after a lower-case word is a label ("annex
		 * B"), and a word after it is a word of its own */
		{"an annex's letter before \"and\"", "See annex B and annex C.", "See annex B and annex C."},
		{"a part's letter before \"one\"", "In part D one delegation spoke.", "In part D one delegation spoke."},
		{"a letter after a slash before \"and\"", "parties A/B and C", "parties A/B and C"},
		{"a section letter \"A\" before \"and\"", "sections A and B", "sections A and B"},
		{"a word glued to a digit is never joined", "so ciety2 groups", "so ciety2 groups"},
		{"a space before a hyphen", "the Secretary -General and non -governmental", "the Secretary-General and non-governmental"},
		{"a spaced dash between numbers stays", "2016 -2017", "2016 -2017"},
		{"a number word", "its seventy seventh session", "its seventy-seventh session"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_str(unit_fmt("pass_words: %s", cases[i].name), unit_q(cases[i].text), cases[i].want,
			 text_after(pass_words, "en", cases[i].text));
}

int main(void)
{
	unit_begin("normalise");
	wordlist_load();
	look_alikes();
	numbering();
	symbols();
	split_words();
	return unit_end();
}
