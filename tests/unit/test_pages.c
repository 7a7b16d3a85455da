/* tests/unit/test_pages.c — src/read/pages.c (the page model: what each
 * printed line is) and src/read/paragraphs.c (lines into paragraphs:
 * words broken at a line's end). */
#include <string.h>

#include "doc/wordlist.h"
#include "read/layout.h"
#include "read/pages.h"
#include "read/wrapped.h"
#include "unit.h"
#include "util/buf.h"

/* The page model of text, one line per model line: "PAGE KIND|text",
 * KIND t (text), b (blank), f (furniture: why), r (rule), n (note). */
static const char *model(const char *text, enum text_layout layout, struct pagemodel *pm, struct unit_doc *u)
{
	struct document *doc = unit_doc(u);
	unit_source(doc, text);
	pages_read(pm, doc, layout);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < pm->nlines; i++) {
		const struct pline *l = &pm->lines[i];
		static const char kinds[] = "tbfrn";
		buf_printf(&b, "%d %c", l->page + 1, kinds[l->kind]);
		if (l->kind == PL_FURNITURE)
			buf_printf(&b, " (%s)", l->why);
		buf_printf(&b, "|%.*s\n", (int)l->len, l->s);
	}
	const char *out = arena_strndup(unit_arena, b.data ? b.data : "", b.len);
	buf_free(&b);
	return out;
}

/* The blocks read_wrapped makes of text. */
static const char *wrapped(const char *text)
{
	struct unit_doc u;
	struct document *doc = unit_doc(&u);
	unit_source(doc, text);
	read_wrapped(doc, LAYOUT_WRAPPED);
	const char *out = unit_blocks(doc);
	unit_doc_free(&u);
	return out;
}

/* A three-page report as pdftotext writes it: the cover's marks, a
 * footnote under its rule, running heads (the symbol and the title),
 * footers in both orders and a bare page number. */
static const char *const report =
	"United Nations\n"
	"A/78/1\n"
	"General Assembly\n"
	"Distr.: General\n"
	"8 November 2023\n"
	"\n"
	"Report of the Secretary-General on the work of the Organization\n"
	"1. The General Assembly recalls its resolution 77/1 and the report of the\n"
	"Secretary-General on the matter,1 and notes the work done in the year.\n"
	"__________\n"
	"1 See A/77/1, para. 3.\n"
	"23-12345 (E)\n"
	"081123\n"
	"*2312345*\n"
	"Please recycle\n"
	"\fA/78/1\n"
	"Report of the Secretary-General on the work of the Organization\n"
	"2. It decides that the Secre-\n"
	"tary-General shall report on the non-\n"
	"governmental organizations and on the follow-\n"
	"up of the meetings held in the year under review by the bodies.\n"
	"2/3 23-12345\n"
	"\fA/78/1\n"
	"Report of the Secretary-General on the work of the Organization\n"
	"3. It asks for the follow-up of the work of the bodies in the next year.\n"
	"3\n"
	"23-12345 3/3\n";

static void page_model(void)
{
	struct unit_doc u;
	struct pagemodel pm;
	const char *got = model(report, LAYOUT_WRAPPED, &pm, &u);
	unit_lines("pages_read: what each line of a three-page report is", report,
		   "1 t|United Nations\n"
		   "1 t|A/78/1\n"
		   "1 t|General Assembly\n"
		   "1 t|Distr.: General\n"
		   "1 t|8 November 2023\n"
		   "1 b|\n"
		   "1 t|Report of the Secretary-General on the work of the Organization\n"
		   "1 t|1. The General Assembly recalls its resolution 77/1 and the report of the\n"
		   "1 t|Secretary-General on the matter,1 and notes the work done in the year.\n"
		   "1 r|__________\n"
		   "1 n|1 See A/77/1, para. 3.\n"
		   "1 f (job number)|23-12345 (E)\n"
		   "1 f (print date)|081123\n"
		   "1 f (barcode)|*2312345*\n"
		   "1 f (recycling mark)|Please recycle\n"
		   "2 f (running head (symbol))|A/78/1\n"
		   "2 f (running head)|Report of the Secretary-General on the work of the Organization\n"
		   "2 t|2. It decides that the Secre-\n"
		   "2 t|tary-General shall report on the non-\n"
		   "2 t|governmental organizations and on the follow-\n"
		   "2 t|up of the meetings held in the year under review by the bodies.\n"
		   "2 f (page footer)|2/3 23-12345\n"
		   "3 f (running head (symbol))|A/78/1\n"
		   "3 f (running head)|Report of the Secretary-General on the work of the Organization\n"
		   "3 t|3. It asks for the follow-up of the work of the bodies in the next year.\n"
		   "3 f (page number)|3\n"
		   "3 f (page footer)|23-12345 3/3\n",
		   got);
	unit_int("pages_read: pages", "the report", 3, (long long)pm.npages);
	unit_str("pages_read: the symbol the cover prints alone", "the report", "A/78/1", pm.symbol);
	unit_str("pages_read: the cover's job number is kept as metadata", "the report", "23-12345 (E)",
		 u.doc.meta.job_number);
	unit_int("pages_read: the footnote rule's line on page 1", "the report", 9, (long long)pm.pages[0].rule);
	unit_int("pages_read: page 2 has no rule (rule = end)", "the report", (long long)pm.pages[1].end,
		 (long long)pm.pages[1].rule);
	unit_int("pages_read: the measure (90th percentile of the body's widths)", "the report", 70,
		 (long long)pm.measure);
	unit_doc_free(&u);

	/* the blocks: furniture gone, the note's marker a superscript, the
	 * note after the paragraph that ran past its page, words broken at a
	 * line's end whole, compounds with their hyphen */
	unit_lines("read_wrapped: the report's blocks", report,
		   "body|United Nations\n"
		   "body|A/78/1\n"
		   "body|General Assembly\n"
		   "body|Distr.: General\n"
		   "body|8 November 2023\n"
		   "body|Report of the Secretary-General on the work of the Organization\n"
		   "body|1. The General Assembly recalls its resolution 77/1 and the report of the Secretary-General on "
		   "the matter,{sup}1{/sup} and notes the work done in the year.\n"
		   "body|2. It decides that the Secretary-General shall report on the non-governmental organizations and "
		   "on the follow-up of the meetings held in the year under review by the bodies.\n"
		   "body|{sup}1{/sup} See A/77/1, para. 3.\n"
		   "body|3. It asks for the follow-up of the work of the bodies in the next year.",
		   wrapped(report));
}

/* What a line is on a page where it is not what it looks like elsewhere. */
static void furniture_in_place(void)
{
	static const struct {
		const char *name, *text, *want;
	} cases[] = {
		/* a number alone is the page's number only in a document that
		 * prints bare page numbers (one page's first or last line) */
		{"a bare number in a document without bare page numbers stays",
		 "1. The first paragraph of the text, which is long enough to be a full line.\n"
		 "\f2. The second paragraph of the text, which is long enough to be full.\n2\n"
		 "the rest of the second paragraph, long enough to be a full line of it.\n",
		 "1 t|1. The first paragraph of the text, which is long enough to be a full line.\n"
		 "2 t|2. The second paragraph of the text, which is long enough to be full.\n"
		 "2 t|2\n"
		 "2 t|the rest of the second paragraph, long enough to be a full line of it.\n"},
		{"\"Page 2\" on page 2 is its number; on page 1 it is text",
		 "Page 2\n1. The first paragraph of the text, which is long enough to be a full line.\n"
		 "\fPage 2\n2. The second paragraph of the text, which is long enough to be full.\n",
		 "1 t|Page 2\n"
		 "1 t|1. The first paragraph of the text, which is long enough to be a full line.\n"
		 "2 f (page number)|Page 2\n"
		 "2 t|2. The second paragraph of the text, which is long enough to be full.\n"},
		/* a print date is the cover's: six digits later on are text */
		{"six digits on page 2 are no print date",
		 "1. The first paragraph of the text, which is long enough to be a full line.\n"
		 "\f2. The second paragraph of the text, which is long enough to be full.\n161222\n",
		 "1 t|1. The first paragraph of the text, which is long enough to be a full line.\n"
		 "2 t|2. The second paragraph of the text, which is long enough to be full.\n"
		 "2 t|161222\n"},
		/* under the rule, every text line is the page's notes, and a
		 * rule of four underscores is no rule */
		{"the notes under the rule; four underscores are text",
		 "1. The first paragraph of the text, which is long enough to be a full line.2\n"
		 "____\n__________\n2 The note.\nIts second line.\n",
		 "1 t|1. The first paragraph of the text, which is long enough to be a full line.2\n"
		 "1 t|____\n"
		 "1 r|__________\n"
		 "1 n|2 The note.\n"
		 "1 n|Its second line.\n"},
		{"a footer glued to a line's last word is cut off",
		 "1. The first paragraph of the text, which is long enough to be a full line.\n"
		 "\f2. The second paragraph of the text is about forward2/2\nlooking work in the year.\n",
		 "1 t|1. The first paragraph of the text, which is long enough to be a full line.\n"
		 "2 t|2. The second paragraph of the text is about forward\n"
		 "2 t|looking work in the year.\n"},
		{"a form feed on an empty page opens no page",
		 "\f\f1. The text.\n",
		 "1 t|1. The text.\n"},
		{"a contents list goes (the editions make their own)",
		 "Contents\nI. Introduction . . . . . . . . . . . . 3\nII. Work done . . . . . . . . . . . . . 4\n"
		 "Page\n3\n4\n"
		 "1. The first paragraph of the text, which is long enough to be a full line.\n",
		 "1 f (contents list (the editions make their own))|Contents\n"
		 "1 f (contents list (the editions make their own))|I. Introduction . . . . . . . . . . . . 3\n"
		 "1 f (contents list (the editions make their own))|II. Work done . . . . . . . . . . . . . 4\n"
		 "1 f (contents list (the editions make their own))|Page\n"
		 "1 f (contents list (the editions make their own))|3\n"
		 "1 f (contents list (the editions make their own))|4\n"
		 "1 t|1. The first paragraph of the text, which is long enough to be a full line.\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct unit_doc u;
		struct pagemodel pm;
		unit_lines(unit_fmt("pages_read: %s", cases[i].name), cases[i].text, cases[i].want,
			   model(cases[i].text, LAYOUT_WRAPPED, &pm, &u));
		unit_doc_free(&u);
	}
}

static void note_start(void)
{
	static const struct {
		const char *name, *line;
		unsigned want;
		int value;
	} cases[] = {
		{"a number and a capital", "12 Ibid., annex.", 3, 12},
		{"one digit", "1 See A/77/1.", 2, 1},
		{"three digits", "123 See A/77/1.", 4, 123},
		{"four digits are a year, not a note", "2015 See the report.", 0, 0},
		{"\"ibid.\" in lower case", "3 ibid., para. 4.", 2, 3},
		{"a quotation mark", "4 \"Transforming our world\".", 2, 4},
		{"a curly quotation mark", "4 \xe2\x80\x9cTransforming our world\xe2\x80\x9d.", 2, 4},
		{"lower case: a line of text", "12 delegations voted in favour.", 0, 0},
		{"a date, not a note", "2 October 2015, affirming the Agenda.", 0, 0},
		{"a date that is all the line", "2 May", 0, 0},
		{"a month's name opening a longer word is not a date", "5 Mayors for Peace, report.", 2, 5},
		{"a place named like a month", "7 Mayotte remains under discussion.", 2, 7},
		{"note 0", "0 See A/77/1.", 0, 0},
		{"no space after the number", "12Ibid.", 0, 0},
		{"a number alone", "12", 0, 0},
		{"a number and a space alone", "12 ", 0, 0},
		{"two spaces", "12  Ibid.", 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct pline l = {.s = cases[i].line, .len = (unsigned)strlen(cases[i].line)};
		int value = 0;
		unsigned got = pages_note_start(&l, &value);
		unit_int(unit_fmt("pages_note_start: %s", cases[i].name), unit_q(cases[i].line), cases[i].want, got);
		if (cases[i].want)
			unit_int(unit_fmt("pages_note_start: %s: its number", cases[i].name), unit_q(cases[i].line),
				 cases[i].value, value);
	}
	/* only the line's len bytes count */
	struct pline cut = {.s = "12 Ibid.", .len = 2};
	int v = 0;
	unit_int("pages_note_start: only len bytes count", "\"12 Ibid.\", len 2", 0, pages_note_start(&cut, &v));

	unit_int("pages_width: ASCII", "\"abc\"", 3, pages_width("abc", 3));
	unit_int("pages_width: a letter of two bytes counts one", "\"r\\xc3\\xa9sum\\xc3\\xa9\"", 6,
		 pages_width("r\xc3\xa9sum\xc3\xa9", 8));
	unit_int("pages_width: a character of three bytes counts one", "\"\\u2013\"", 1, pages_width("\xe2\x80\x93", 3));
	unit_int("pages_width: only n bytes", "\"abc\", 2", 2, pages_width("abc", 2));
}

/* A word broken at a line's end: joined when it is one word the line
 * broke, its hyphen kept when it is a compound's. */
static void line_end_hyphens(void)
{
	static const struct {
		const char *name, *text, *want;
	} cases[] = {
		{"a word the line broke", "1. The work of the Organi-\nzation was long.\n",
		 "body|1. The work of the Organization was long."},
		{"\"Secre-\" + \"tary-General\"", "1. The Secre-\ntary-General reported.\n",
		 "body|1. The Secretary-General reported."},
		{"\"non-\" + \"governmental\" keeps its hyphen", "1. The non-\ngovernmental organizations met.\n",
		 "body|1. The non-governmental organizations met."},
		{"\"follow-\" + \"up\" keeps its hyphen", "1. The follow-\nup was long.\n", "body|1. The follow-up was long."},
		{"a capital after the hyphen keeps it", "1. The Committee on Non-\nSelf-Governing Territories met.\n",
		 "body|1. The Committee on Non-Self-Governing Territories met."},
		{"only the last part of a compound is the broken word",
		 "1. The States agreed on a nuclear-weapon-\nfree zone.\n",
		 "body|1. The States agreed on a nuclear-weapon-free zone."},
		{"the dictionary joins \"co-operation\"", "1. They agreed on co-\noperation in the matter.\n",
		 "body|1. They agreed on cooperation in the matter."},
		/* the document's own spelling decides before the dictionary */
		{"a document that writes \"co-operation\" keeps it",
		 "1. They agreed on co-\noperation in the matter, and their co-operation is good.\n",
		 "body|1. They agreed on co-operation in the matter, and their co-operation is good."},
		{"a quotation mark before the word",
		 "1. The work was \xe2\x80\x9cnon-\ngovernmental\xe2\x80\x9d in the year.\n",
		 "body|1. The work was \xe2\x80\x9cnon-governmental\xe2\x80\x9d in the year."},
		/* a range of years broken at its dash joins with no space */
		{"a range of years broken at its hyphen", "1. The budget for the biennium 2016-\n2017 was approved.\n",
		 "body|1. The budget for the biennium 2016-2017 was approved."},
		{"a range of years broken at its en dash",
		 "1. The budget for the biennium 2016\xe2\x80\x93\n2017 was approved.\n",
		 "body|1. The budget for the biennium 2016\xe2\x80\x93" "2017 was approved."},
		{"a dash set off by spaces is no range", "1. The budget for 2016 -\n2017 was approved.\n",
		 "body|1. The budget for 2016 - 2017 was approved."},
		{"a soft hyphen at the line's end", "1. The Organi\xc2\xad\nzation met.\n", "body|1. The Organization met."},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_lines(unit_fmt("read_wrapped: %s", cases[i].name), cases[i].text, cases[i].want, wrapped(cases[i].text));
}

/* layout_detect: which reader a text goes to. */
static void layout(void)
{
	struct layout_evidence ev;
	unit_int("layout_detect: the three-page report is line-wrapped", "the report", LAYOUT_WRAPPED,
		 layout_detect(report, strlen(report), &ev));
	unit_int("layout_detect: its form feeds", "the report", 2, (long long)ev.form_feeds);
	unit_int("layout_detect: its non-blank lines", "the report", 26, (long long)ev.lines);
	/* job number, barcode, recycling mark, rule and two footers (a
	 * print date or a bare number is one only in its place on a page) */
	unit_int("layout_detect: its marks of a printed page", "the report", 6, (long long)ev.printmarks);

	/* a paragraph per line: the same words, each paragraph on one line */
	struct buf b = BUF_INIT;
	for (int i = 0; i < 12; i++)
		buf_printf(&b, "%d. The General Assembly recalls its resolution 77/%d and the report of the "
			       "Secretary-General on the matter, and notes the work done in the year under review.\n\n",
			   i + 1, i + 1);
	unit_int("layout_detect: a paragraph per line", "12 paragraphs of 160 characters", LAYOUT_PARAGRAPHS,
		 layout_detect(b.data, b.len, NULL));
	buf_free(&b);

	/* the same text wrapped at 60 characters, without a form feed:
	 * sentences that run on from line to line */
	for (int i = 0; i < 6; i++)
		buf_printf(&b, "%d. The General Assembly recalls its resolution 77/%d and\n"
			       "the report of the Secretary-General on the matter, and\n"
			       "notes the work done in the year under review by its\n"
			       "subsidiary bodies.\n",
			   i + 1, i + 1);
	unit_int("layout_detect: lines wrapped at a measure, no form feed", "6 paragraphs of 4 lines", LAYOUT_WRAPPED,
		 layout_detect(b.data, b.len, &ev));
	unit_int("layout_detect: lines that go on in lower case", "6 paragraphs of 4 lines", 18,
		 (long long)ev.continuing);
	buf_free(&b);

	/* the same, indented as pdftotext -layout keeps a page */
	for (int i = 0; i < 6; i++)
		buf_printf(&b, "      %d. The General Assembly recalls its resolution 77/%d and\n"
			       "      the report of the Secretary-General on the matter, and\n"
			       "      notes the work done in the year under review by its\n"
			       "      subsidiary bodies.\n",
			   i + 1, i + 1);
	unit_int("layout_detect: the lines indented (pdftotext -layout)", "6 indented paragraphs", LAYOUT_COLUMNS,
		 layout_detect(b.data, b.len, NULL));
	buf_free(&b);

	/* hard-wrapped Markdown is Markdown */
	for (int i = 0; i < 6; i++)
		buf_printf(&b, "## Section %d\n\nThe General Assembly recalls its resolution 77/%d and\n"
			       "the report of the **Secretary-General** on the matter, and\n"
			       "notes the work done in the year under review.\n\n",
			   i + 1, i + 1);
	unit_int("layout_detect: hard-wrapped Markdown", "6 sections", LAYOUT_PARAGRAPHS, layout_detect(b.data, b.len, NULL));
	buf_free(&b);

	const char *few = "The General Assembly recalls its resolution 77/1 and\nthe report of the\n";
	unit_int("layout_detect: fewer than ten lines", unit_q(few), LAYOUT_PARAGRAPHS, layout_detect(few, strlen(few), NULL));
	unit_int("layout_detect: the empty text", "\"\"", LAYOUT_PARAGRAPHS, layout_detect("", 0, &ev));
	unit_int("layout_detect: the empty text has no lines", "\"\"", 0, (long long)ev.lines);
}

int main(void)
{
	unit_begin("pages");
	wordlist_load();
	page_model();
	furniture_in_place();
	note_start();
	line_end_hyphens();
	layout();
	return unit_end();
}
