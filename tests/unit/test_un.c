/* tests/unit/test_un.c — src/doc/un.c: dates, document symbols, instrument
 * numbers, the enacting formula, lost note markers, roman numerals;
 * src/doc/unlang.c: decimal commas. */
#include <string.h>

#include "doc/un.h"
#include "doc/unlang.h"
#include "unit.h"

/* un_date_to_iso: a whole text that is a date, or NULL. */
static void date_to_iso(void)
{
	static const struct {
		const char *name, *text, *iso;
	} cases[] = {
		{"a day of one digit", "8 November 2022", "2022-11-08"},
		{"a day of two digits", "17 December 2015", "2015-12-17"},
		{"a day written with a zero", "08 November 2022", "2022-11-08"},
		{"the first month", "1 January 1999", "1999-01-01"},
		{"spaces before it", "  8 November 2022", "2022-11-08"},
		{"a full stop after it", "8 November 2022.", "2022-11-08"},
		{"spaces after it", "8 November 2022  ", "2022-11-08"},
		{"the 29th of February in a leap year", "29 February 2024", "2024-02-29"},
		{"the last day of a month of 31", "31 October 2024", "2024-10-31"},
		{"more text after the date", "8 November 2022 and after", NULL},
		{"text before the date", "Vienna, 8 November 2022", NULL},
		{"the empty text", "", NULL},
		{"day 0", "0 November 2022", NULL},
		{"day 32", "32 November 2022", NULL},
		{"a day of three digits", "108 November 2022", NULL},
		{"the month in lower case", "8 november 2022", NULL},
		{"the month abbreviated", "8 Nov. 2022", NULL},
		{"a year of two digits", "8 November 22", NULL},
		{"a year of five digits", "8 November 20221", NULL},
		{"no year: the text ends after the month", "8 November", NULL},
		{"the year cut short at the text's end", "8 November 202", NULL},
		/* a misprint makes no date: the XML's dates are xs:date, and
		 * "2023-04-31" is not one (the schema rejects the document) */
		{"31 April is no day", "31 April 2023", NULL},
		{"the 29th of February outside a leap year", "29 February 2023", NULL},
		{"30 February is no day", "30 February 2024", NULL},
		{"1900 was not a leap year", "29 February 1900", NULL},
		{"2000 was a leap year", "29 February 2000", "2000-02-29"},
		/* the UN's other languages (doc/unlang.c) */
		{"French", "15 d\xc3\xa9" "cembre 2023", "2023-12-15"},
		{"French, the first of the month", "1er ao\xc3\xbb" "t 2023", "2023-08-01"},
		{"French, \"1er\" on another day", "2er mars 2023", NULL},
		{"Spanish", "15 de diciembre de 2023", "2023-12-15"},
		{"Spanish without its second \"de\"", "15 de diciembre 2023", NULL},
		{"French, 31 avril is no day", "31 avril 2023", NULL},
		{"Russian, with its \"года\"", "7 \xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f 2023 \xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb0", "2023-12-07"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_str(unit_fmt("un_date_to_iso: %s", cases[i].name), unit_q(cases[i].text), cases[i].iso,
			 un_date_to_iso(unit_arena, cases[i].text));
}

/* un_find_date: the first date in a text, where it starts and how long it
 * is, shown as "ISO at START+LEN". */
static void find_date(void)
{
	static const struct {
		const char *name, *text, *want;
	} cases[] = {
		{"a date after a place", "Vienna, 14 October 2024", "2024-10-14 at 8+15"},
		{"a date that is the whole text", "8 November 2022", "2022-11-08 at 0+15"},
		{"a date in a sentence", "adopted on 2 April 2020 by consensus", "2020-04-02 at 11+12"},
		{"a range of days gives its last day", "Vienna, 14\xe2\x80\x93" "18 October 2024", "2024-10-18 at 13+15"},
		{"the first of two dates", "from 1 May 2020 to 3 June 2021", "2020-05-01 at 5+10"},
		{"a number glued to a word is no day", "A8 November 2022", "NULL"},
		{"a day of three digits is no day", "in 123 November 2022", "NULL"},
		{"no date at all", "the General Assembly", "NULL"},
		{"the empty text", "", "NULL"},
		{"a day and a month at the text's end", "on 8 November", "NULL"},
		{"a digit at the text's end", "item 8", "NULL"},
		{"a misprinted day is passed over for a real one", "31 April 2023 and 1 May 2023", "2023-05-01 at 18+10"},
		/* Chinese: year, month and day each followed by its character */
		{"a Chinese date", "2023年12月7日大会决议", "2023-12-07 at 0+16"},
		{"a Chinese date in a clause", "回顾其2021年2月11日第75/259号决议", "2021-02-11 at 9+16"},
		{"a Chinese 31 April is no date", "2023年4月31日", "NULL"},
		{"a Chinese year and month without a day", "2023年12月", "NULL"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *start = NULL;
		size_t len = 0;
		char *iso = un_find_date(unit_arena, cases[i].text, &start, &len);
		const char *got = iso ? unit_fmt("%s at %td+%zu", iso, start - cases[i].text, len) : "NULL";
		unit_str(unit_fmt("un_find_date: %s", cases[i].name), unit_q(cases[i].text), cases[i].want, got);
	}
	unit_str("un_find_date: start and len may be NULL", unit_q("on 8 November 2022"), "2022-11-08",
		 un_find_date(unit_arena, "on 8 November 2022", NULL, NULL));
}

/* un_symbol_match: whether a symbol starts at pos, and its length
 * (-1: none). */
static void symbol_match(void)
{
	static const struct {
		const char *name, *text;
		size_t pos;
		long long len;
	} cases[] = {
		{"a General Assembly document", "A/78/1", 0, 6},
		{"a subsidiary body's document", "CTOC/COP/2022/9", 0, 15},
		{"a conference's series (letters, a full stop, digits)", "A/CONF.192/15", 0, 13},
		{"a corrigendum", "A/60/88/Corr.2", 0, 14},
		{"a limited document revised", "E/CN.15/2023/L.6/Rev.1", 0, 22},
		{"a lettered resolution number", "A/RES/70/1A", 0, 11},
		{"a symbol in a sentence", "see A/78/1 and", 4, 6},
		{"a symbol at the end of the text", "see A/78/1", 4, 6},
		{"a full stop after it is not part of it", "A/78/1.", 0, 6},
		{"a Security Council resolution without its year", "S/RES/2664 (2022)", 0, 10},
		{"a joint symbol with a hyphen", "CTOC/COP/WG.2/2022/4-CTOC/COP/WG.3/2022/4", 0, 41},
		{"a joint symbol with an en dash", "CTOC/COP/WG.2/2022/1\xe2\x80\x93" "CTOC/COP/WG.3/2022/1", 0, 43},
		{"three symbols joined", "A/1-B/2\xe2\x80\x93" "C/3", 0, 13},
		{"a hyphen at the end of the text", "A/78/1-", 0, 6},
		{"an en dash then no symbol", "A/78/1\xe2\x80\x93see", 0, 6},
		{"an en dash cut short at the end of the text", "A/78/1\xe2\x80", 0, 6},
		{"the longest series: eight capitals", "ABCDEFGH/1", 0, 10},
		{"a series of nine capitals is none", "ABCDEFGHI/1", 0, -1},
		{"the longest word of a component: ten letters", "A/ABCDEFGHIJ/1", 0, 14},
		{"a component of eleven letters ends the symbol", "A/ABCDEFGHIJK/1", 0, -1},
		{"the longest number of a component: eight digits", "A/12345678", 0, 10},
		{"a number of nine digits is none", "A/123456789", 0, -1},
		{"inside a word", "XA/78/1", 1, -1},
		{"after a slash", "/A/78/1", 1, -1},
		{"after a hyphen", "UN-A/78/1", 3, -1},
		{"a path goes on after it", "A/78/1/extra", 0, -1},
		{"glued to letters", "A/78/1a", 0, -1},
		{"an underscore after it", "A/78/1_x", 0, -1},
		{"no digit in any component", "A/RES", 0, -1},
		{"a series alone", "A/", 0, -1},
		{"a series in lower case", "and/or", 0, -1},
		{"a fraction", "24/7", 0, -1},
		{"a word with a hyphen", "COVID-19", 0, -1},
		{"the empty text", "", 0, -1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = 0;
		bool found = un_symbol_match(cases[i].text, cases[i].pos, &len);
		unit_int(unit_fmt("un_symbol_match: %s", cases[i].name), unit_fmt("%s at %zu", unit_q(cases[i].text), cases[i].pos),
			 cases[i].len, found ? (long long)len : -1);
	}
}

static void instrument_number(void)
{
	static const struct {
		const char *name, *text, *word, *want;
	} cases[] = {
		{"a resolution", "Resolution 11/1", "Resolution", "11/1"},
		{"a decision", "Decision 11/2", "Decision", "11/2"},
		{"a full stop after the number", "Resolution 74/270.", "Resolution", "74/270"},
		{"a number of three parts", "Decision 2022/3/1", "Decision", "2022/3/1"},
		{"a number without a slash", "Resolution 11", "Resolution", NULL},
		{"more after the number", "Resolution 11/1 on cooperation", "Resolution", NULL},
		{"the word in lower case", "resolution 11/1", "Resolution", NULL},
		{"the plural", "Resolutions 11/1", "Resolution", NULL},
		{"the other word", "Decision 11/2", "Resolution", NULL},
		{"the word alone", "Resolution", "Resolution", NULL},
		{"the word and a space", "Resolution ", "Resolution", NULL},
		{"the empty text", "", "Resolution", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_str(unit_fmt("un_instrument_number: %s", cases[i].name),
			 unit_fmt("%s, %s", unit_q(cases[i].text), unit_q(cases[i].word)), cases[i].want,
			 un_instrument_number(unit_arena, cases[i].text, cases[i].word));
}

static void enacting_formula(void)
{
	/* the longest formula taken: 200 bytes */
	char longest[202], too_long[203];
	memset(longest, 'A', sizeof longest);
	memcpy(longest, "The ", 4);
	longest[199] = ',', longest[200] = '\0';
	memset(too_long, 'A', sizeof too_long);
	memcpy(too_long, "The ", 4);
	too_long[200] = ',', too_long[201] = '\0';
	static const struct {
		const char *name, *text;
		bool want;
	} cases[] = {
		{"the General Assembly", "The General Assembly,", true},
		{"the Security Council", "The Security Council,", true},
		{"a body with small words in its name",
		 "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,", true},
		{"a commission", "The Commission on Crime Prevention and Criminal Justice,", true},
		{"spaces and newlines around it", "  The Human Rights Council,\n ", true},
		{"a capital outside ASCII", "The \xc3\x89" "conomic Council,", true},
		/* a budget resolution's formula leaves its comma out when the
		 * operative paragraphs follow at once */
		{"no comma: an Assembly", "The General Assembly", true},
		{"no comma: a Council", "The Security Council", true},
		{"no comma, not ending with an organ's word", "The Commission on the Status of Women", false},
		{"no comma, a sentence ending in Council", "The report of the Council", false},
		{"French, no comma: the organ alone", "L'Assembl\xc3\xa9" "e g\xc3\xa9" "n\xc3\xa9" "rale", true},
		{"Spanish, no comma", "La Asamblea General", true},
		{"French, no comma, a verb after the organ", "L'Assembl\xc3\xa9" "e g\xc3\xa9" "n\xc3\xa9" "rale d\xc3\xa9" "cide", false},
		{"Russian, no comma: the cover's organ line, no formula", "Генеральная Ассамблея", false},
		{"a second comma: a sentence", "The present report, prepared at the request of the Assembly,", false},
		{"a verb in lower case", "The Assembly decided,", false},
		{"not opening with The", "General Assembly,", false},
		/* French and Spanish capitalise the first word of a body's name
		 * only: the organ's word after the article says it is one */
		{"French", "L'Assembl\xc3\xa9" "e g\xc3\xa9" "n\xc3\xa9" "rale,", true},
		{"French, a typographic apostrophe", "L\xe2\x80\x99" "Assembl\xc3\xa9" "e g\xc3\xa9" "n\xc3\xa9" "rale,", true},
		{"French, the Council", "Le Conseil de s\xc3\xa9" "curit\xc3\xa9" ",", true},
		{"Spanish", "La Asamblea General,", true},
		{"Russian: no article", "Генеральная Ассамблея,", true},
		{"Russian: not an organ", "Декларация тысячелетия,", false},
		{"French, no organ after the article", "La situation des droits de l'homme dans le monde,", false},
		{"French, a second comma", "L'Assembl\xc3\xa9" "e g\xc3\xa9" "n\xc3\xa9" "rale, r\xc3\xa9" "affirmant,", false},
		{"too short", "The UN,", false},
		{"the empty text", "", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_bool(unit_fmt("un_enacting_formula: %s", cases[i].name), unit_q(cases[i].text), cases[i].want,
			  un_enacting_formula(cases[i].text, strlen(cases[i].text)));
	unit_bool("un_enacting_formula: 200 bytes", unit_fmt("\"The AAA…,\" (%zu bytes)", strlen(longest)), true,
		  un_enacting_formula(longest, strlen(longest)));
	unit_bool("un_enacting_formula: 201 bytes is too long", unit_fmt("\"The AAA…,\" (%zu bytes)", strlen(too_long)),
		  false, un_enacting_formula(too_long, strlen(too_long)));
	const char *text = "The General Assembly, and more";
	unit_bool("un_enacting_formula: only the n bytes given count", unit_fmt("%s, n = 21", unit_q(text)), true,
		  un_enacting_formula(text, 21));
}

/* un_bare_note_marker: the marker is the first run of digits after the
 * text's "|" (the bar itself is taken out). */
static void bare_note_marker(void)
{
	static const struct {
		const char *name, *text;
		bool off_page, on_page;	/* without and with on_its_page */
	} cases[] = {
		{"after a comma and a space", "the Convention against Crime, |9 as a global instrument", true, true},
		{"glued after a comma", "resolution 68/186,|1 and", true, true},
		{"after a word, at the end of the text", "the Sustainable Development Goals |1", true, true},
		{"after a word, before a full stop", "the Convention |3. It", false, true},
		{"after a word, before a parenthesis", "the Convention |3) and", false, true},
		{"after a word, before a line break", "the Convention |3{br}and", true, true},
		{"after a word, before a semicolon", "the Convention |3; and", true, true},
		{"a thousands separator follows", "Crime, |1,000 people", false, false},
		{"a decimal follows", "rose by |2.5 per cent", false, false},
		{"a time follows", "met at |12:30 in", false, false},
		{"a counted thing: a paragraph", "see paragraph |12 of the report", false, false},
		{"a counted thing: a resolution", "its resolution |9 on", false, false},
		{"a month follows: a date", "Vienna, |12 March 2020", false, false},
		{"a French date", "adopt\xc3\xa9" "e, |6 octobre 2020", false, false},
		{"a Spanish date", "aprobada, |6 de octubre de 2020", false, false},
		{"after a French word that counts", "voir paragraphe |12 du rapport", false, false},
		{"a count: per cent", "by some measure |5 per cent", false, false},
		{"a count: States", "among them |4 States", false, false},
		{"a number follows: a range", "between pages |10 15", false, false},
		{"a join word follows (a range), off its page", "in Bangkok |15 and", false, true},
		{"after a year, on its page only", "at its 2019 |15 and", false, true},
		{"after a numbered resolution, on its page only", "resolutions 5/7 |25 and", false, true},
		{"after a capital, on its page only", "the UNODC |3 in", false, true},
		{"glued after a semicolon, on its page only", "the Convention;|3 and", false, true},
		{"after a closing quotation mark", "the \xe2\x80\x9c" "Doha Declaration\xe2\x80\x9d |4 in which", true, true},
		{"at the text's start", "|9 as", false, false},
		{"the second byte of the text", "a|9 as", false, false},
		{"glued to the word before", "Convention|3 and", false, false},
		{"glued after a sentence's full stop, on its page only", "the report of the Committee.|1", false, true},
		{"glued after a full stop, a sentence going on", "the Committee.|1 It notes", false, true},
		{"after an abbreviation's stop: para.", "see para.|12 of", false, false},
		{"after a short word's stop", "in No.|2 of", false, false},
		{"after a number's stop: a decimal", "rose by 2.|5 per", false, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *marked = unit_mk(cases[i].text);
		const char *bar = strchr(marked, '|');
		size_t at = (size_t)(bar - marked), n = strspn(bar + 1, "0123456789");
		char *t = unit_mk(cases[i].text);
		memmove(t + at, t + at + 1, strlen(t + at));
		const char *input = unit_fmt("%s, marker at %zu+%zu", unit_q(t), at, n);
		unit_bool(unit_fmt("un_bare_note_marker: %s", cases[i].name), input, cases[i].off_page,
			  un_bare_note_marker(t, at, n, false));
		unit_bool(unit_fmt("un_bare_note_marker: %s (on its page)", cases[i].name), input, cases[i].on_page,
			  un_bare_note_marker(t, at, n, true));
	}
}

static void roman(void)
{
	static const struct {
		const char *text;
		int want;
	} cases[] = {
		{"I", 1}, {"II", 2}, {"IV", 4}, {"V", 5}, {"IX", 9}, {"XIV", 14}, {"XL", 40}, {"XC", 90}, {"C", 100},
		{"iv", 4}, {"xii", 12}, {"LXXXVIII", 88},	/* eight letters: the longest */
		{"LXXXVIII" "I", 0},	/* nine: too long */
		{"", 0}, {"I.", 0}, {"M", 0}, {"D", 0}, {"A", 0}, {"1", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_int(unit_fmt("roman_value: %s", unit_q(cases[i].text)), unit_q(cases[i].text), cases[i].want,
			 roman_value(cases[i].text, strlen(cases[i].text)));
	unit_int("roman_value: only the n bytes given count", "\"XIV\", n = 2", 11, roman_value("XIV", 2));
}

/* un_decimal_comma: the digits at a place after a comma are a number's
 * decimals, in a language that writes them so. */
static void decimal_comma(void)
{
	const struct un_lang *fr = un_lang_of("fr", NULL), *es = un_lang_of("es", NULL), *en = un_lang_of("en", NULL);
	static const struct {
		const char *name, *text;
		size_t at;
		bool want;
	} cases[] = {
		{"a number's decimals", "environ 6,8 millions", 10, true},
		{"at the text's start", "6,8 millions", 2, true},
		{"in parentheses", "(15,3 %)", 4, true},
		{"after a resolution's number", "résolution 68/186,1 et", 19, false},
		{"after a year", "à l’horizon 2030,1 et", 20, false},
		{"after a word", "Convention,3 et", 11, false},
		{"no comma before", "vol. 1577, no 27531", 14, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_bool(unit_fmt("un_decimal_comma: %s", cases[i].name), unit_fmt("%s at %zu", unit_q(cases[i].text), cases[i].at),
			  cases[i].want, un_decimal_comma(fr, cases[i].text, cases[i].at));
	unit_bool("un_decimal_comma: Spanish too", unit_q("de 13,6 por ciento"), true, un_decimal_comma(es, "de 13,6 por ciento", 6));
	unit_bool("un_decimal_comma: English writes none (\"Agenda 21,2\": a marker)", unit_q("Agenda 21,2 the"), false,
		  un_decimal_comma(en, "Agenda 21,2 the", 10));
}

/* What Chinese needs beside its table's words: the formula "大会，", the
 * adoption line opening with its date, a note's marker after a Han
 * character or CJK punctuation, "第七十八" as 78, "第48次全体会议". */
static void chinese(void)
{
	const struct un_lang *zh = un_lang_of("zh", NULL);
	unit_bool("un_enacting_formula: 大会，", unit_q("大会，"), true, un_enacting_formula("大会，", strlen("大会，")));
	unit_bool("un_enacting_formula: 大会 alone is the cover's organ", unit_q("大会"), false,
		  un_enacting_formula("大会", strlen("大会")));
	unit_bool("un_enacting_formula: a clause ending in ，", unit_q("回顾大会，"), false,
		  un_enacting_formula("回顾大会，", strlen("回顾大会，")));
	const char *adopted = "2023年12月7日大会决议";
	unit_int("un_adoption_line: the date, then 大会决议", unit_q(adopted), (long long)strlen(adopted),
		 (long long)un_adoption_line(zh, adopted, strlen(adopted)));
	unit_int("un_adoption_line: a date alone", unit_q("2023年12月7日"), 0,
		 (long long)un_adoption_line(zh, "2023年12月7日", strlen("2023年12月7日")));
	static const struct {
		const char *name, *text;
		size_t at;
		bool want;
	} markers[] = {
		{"after a full-width comma, a space after", "其案文载于报告，1 以及", 24, true},
		{"after a full-width semicolon, at the end", "同一报告附件二；2", 24, true},
		{"after a Han character, set apart by a space", "《宣言》 1 中", 13, true},
		{"after punctuation, before an opening 《", "里约宣言》、1《21世纪议程》", 18, true},
		{"after a Han character, before 《", "第1《", 3, false},
		{"a count after a Han character", "第5段", 3, false},
		{"after a Latin letter", "report 1 and", 7, false},
	};
	for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
		unit_bool(unit_fmt("un_cjk_note_marker: %s", markers[i].name), unit_q(markers[i].text), markers[i].want,
			  un_cjk_note_marker(markers[i].text, markers[i].at, 1));
	unit_int("un_ordinal: 第七十八", unit_q("第七十八"), 78, un_ordinal(zh, "第七十八", strlen("第七十八")));
	unit_int("un_ordinal: 第十", unit_q("第十"), 10, un_ordinal(zh, "第十", strlen("第十")));
	unit_int("un_ordinal: 第二十五", unit_q("第二十五"), 25, un_ordinal(zh, "第二十五", strlen("第二十五")));
	unit_int("un_ordinal: no 第", unit_q("七十八"), -1, un_ordinal(zh, "七十八", strlen("七十八")));
	unit_bool("un_meeting_line: 第48次全体会议", unit_q("第48次全体会议"), true,
		  un_meeting_line(zh, "第48次全体会议", strlen("第48次全体会议"), true));
	unit_bool("un_meeting_line: 第48次全体会议(续会)", unit_q("第48次全体会议(续会)"), true,
		  un_meeting_line(zh, "第48次全体会议(续会)", strlen("第48次全体会议(续会)"), true));
	unit_bool("un_meeting_line: 第48号决议", unit_q("第48号决议"), false,
		  un_meeting_line(zh, "第48号决议", strlen("第48号决议"), true));
}

int main(void)
{
	unit_begin("un");
	date_to_iso();
	find_date();
	symbol_match();
	instrument_number();
	enacting_formula();
	bare_note_marker();
	roman();
	decimal_comma();
	chinese();
	return unit_end();
}
