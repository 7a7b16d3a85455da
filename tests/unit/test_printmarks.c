/* tests/unit/test_printmarks.c — src/doc/printmarks.c: the marks a UN
 * printed page carries (job numbers, page numbers, footers, barcodes,
 * print dates, the footnote rule), one line at a time. */
#include <string.h>

#include "doc/printmarks.h"
#include "unit.h"

static void job_number(void)
{
	static const struct {
		const char *name, *s;
		size_t want;
	} cases[] = {
		{"five digits", "15-01234", 8},
		{"four digits", "15-0123", 7},
		{"six digits", "15-012345", 9},
		{"three digits are too few", "15-012", 0},
		{"seven digits are too many", "15-0123456", 0},
		{"Vienna's prefix", "V.23-01234", 10},
		{"the edition's language", "15-01234 (E)", 12},
		{"a language in lower case is not one", "15-01234 (e)", 8},
		{"a year of four digits is no job number", "2015-2016", 0},
		{"one digit of year", "5-01234", 0},
		{"the empty text", "", 0},
		{"a prefix in lower case is not Vienna's", "v.23-01234", 0},
		{"text after it is not counted", "15-01234 and", 8},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_int(unit_fmt("pm_job_number: %s", cases[i].name), unit_q(cases[i].s), (long long)cases[i].want,
			 (long long)pm_job_number(cases[i].s));
}

static void page_of_pages(void)
{
	static const struct {
		const char *name, *s;
		bool broken;
		size_t want;
	} cases[] = {
		{"k/N", "3/56", false, 4},
		{"one digit each", "1/2", false, 3},
		{"a footer broken by the extractor", "49/5 6", true, 6},
		{"broken, not asked for", "49/5 6", false, 4},
		{"a space before the total is no break", "49/ 56", true, 0},
		{"a page of five digits", "12345/6", false, 0},
		{"no total", "3/", false, 0},
		{"no page", "/56", false, 0},
		{"letters", "A/78", false, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_int(unit_fmt("pm_page_of_pages: %s", cases[i].name),
			 unit_fmt("%s, broken %d", unit_q(cases[i].s), cases[i].broken), (long long)cases[i].want,
			 (long long)pm_page_of_pages(cases[i].s, cases[i].broken));
}

static void line_kind(void)
{
	static const struct {
		const char *name, *line, *want;
	} cases[] = {
		{"a job number alone", "23-12345 (E)", "job number"},
		{"spaces around it", "  23-12345  ", "job number"},
		{"an odd page's footer", "V.23-01234 3/20", "page footer"},
		{"an even page's footer", "2/16 15-01234", "page footer"},
		{"two job numbers", "15-01234 15-01234", "page footer"},
		{"a job number and text", "23-12345 (E) Report", NULL},
		{"a page number", "3/56", "page number"},
		{"a page number the extractor broke", "49/5 6", "page number"},
		{"a barcode", "*1522378*", "barcode"},
		{"a barcode with spaces after it", "*1522378*  ", "barcode"},
		{"four digits between stars are no barcode", "*1522*", NULL},
		{"a barcode in backticks", "``````````", "barcode"},
		{"five backticks", "`````", NULL},
		{"the recycling mark", "Please recycle", "recycling mark"},
		{"the recycling mark with its symbol", "Please recycle \xe2\x99\xb2", "recycling mark"},
		{"\"Please recycled\" is text", "Please recycled", NULL},
		{"a footnote rule", "__________", "footnote rule"},
		{"a rule with spaces after it", "_____   ", "footnote rule"},
		{"four underscores", "____", NULL},
		{"underscores and text", "_____ x", NULL},
		{"a paragraph", "1. The General Assembly,", NULL},
		{"a blank line", "   ", NULL},
		{"a symbol", "A/78/1", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_str(unit_fmt("pm_line_kind: %s", cases[i].name), unit_q(cases[i].line), cases[i].want,
			 pm_line_kind(cases[i].line));
}

static void job_number_in(void)
{
	static const struct {
		const char *name, *line, *want;
	} cases[] = {
		{"a job number alone", "23-12345 (E)", "23-12345 (E)"},
		{"an odd page's footer", "V.23-01234 3/20", "V.23-01234"},
		{"an even page's footer", "2/16 15-01234", "15-01234"},
		{"spaces before it", "  15-01234", "15-01234"},
		{"a page number alone", "3/20", NULL},
		{"text", "The Assembly", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = 0;
		const char *at = pm_job_number_in(cases[i].line, &len);
		unit_str(unit_fmt("pm_job_number_in: %s", cases[i].name), unit_q(cases[i].line), cases[i].want,
			 at ? arena_strndup(unit_arena, at, len) : NULL);
	}
}

static void print_stamp(void)
{
	static const struct {
		const char *s;
		bool want;
	} cases[] = {
		{"161222", true}, {"21222", true}, {"2122", false}, {"1612220", false}, {"16122a", false}, {"", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_bool("pm_is_print_stamp", unit_q(cases[i].s), cases[i].want,
			  pm_is_print_stamp(cases[i].s, strlen(cases[i].s)));
	unit_bool("pm_is_print_stamp: only n bytes", "\"161222 x\", 6", true, pm_is_print_stamp("161222 x", 6));
}

int main(void)
{
	unit_begin("printmarks");
	job_number();
	page_of_pages();
	line_kind();
	job_number_in();
	print_stamp();
	return unit_end();
}
