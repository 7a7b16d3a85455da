/* tests/unit/test_outname.c — src/util/outname.c: the names of output
 * files (slugs of symbols and file names, the refusals, the pages of cited
 * documents). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "util/outname.h"
#include "util/xmalloc.h"

static void of_symbol(void)
{
	static const struct {
		const char *name, *symbol, *want;
	} cases[] = {
		{"slashes", "CTOC/COP/2022/9", "CTOC-COP-2022-9"},
		{"a full stop stays", "A/78/L.1", "A-78-L.1"},
		{"an addendum", "A/HRC/55/2/Add.1", "A-HRC-55-2-Add.1"},
		{"a Security Council year in brackets", "S/RES/1325 (2000)", "S-RES-1325-2000"},
		{"a revision in brackets", "E/2023/L.2 (Rev.1)", "E-2023-L.2-Rev.1"},
		{"letters outside ASCII become '-', then go from the start", "\xd0\x96/1", "1"},
		{"a leading full stop goes", "./A/1", "A-1"},
		{"an underscore stays", "A_B", "A_B"},
		{"the empty symbol", "", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = outname_of_symbol(cases[i].symbol);
		unit_str(unit_fmt("outname_of_symbol: %s", cases[i].name), unit_q(cases[i].symbol), cases[i].want, got);
		free(got);
	}
	/* whatever the symbol, the slug opens with no '-' or '.' unless it
	 * is nothing else (and then outname_refusal refuses it) */
	static const char *const odd[] = {"-x", "--A/1", "(2000)", "..", "\342\200\224A", "//"};
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		char *got = outname_of_symbol(odd[i]);
		bool ok = !strchr("-.", got[0]) || strspn(got, "-.") == strlen(got);
		bool refused = got[0] && strchr("-.", got[0]) ? outname_refusal(got) != NULL : true;
		unit_bool("outname_of_symbol: opens with neither '-' nor '.' (or is refused)",
			  unit_fmt("%s -> %s", unit_q(odd[i]), unit_q(got)), true, ok && refused);
		free(got);
	}
}

static void of_file(void)
{
	static const struct {
		const char *name, *path, *want;
	} cases[] = {
		{"folder and extension go", "input/x.txt", "x"},
		{"only the last extension goes", "in/A_RES_78_1.tar.gz", "A_RES_78_1.tar"},
		{"a dot in the folder is not an extension", "in.d/report", "report"},
		{"standard input", "-", "stdin"},
		{"a file named \"-\" in a folder is not standard input", "in/-", "doc-"},
		{"spaces become '-'", "in/my report.txt", "my-report"},
		{"a hidden file gets doc before it", "in/.hidden", "doc.hidden"},
		{"a name that opens with '-'", "in/-x.txt", "doc-x"},
		{"a folder alone", "in/", "doc"},
		{"only an extension is a hidden name, not an extension", ".txt", "doc.txt"},
		{"letters outside ASCII", "in/r\xc3\xa9sum\xc3\xa9.txt", "r--sum--"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = outname_of_file(cases[i].path);
		unit_str(unit_fmt("outname_of_file: %s", cases[i].name), unit_q(cases[i].path), cases[i].want, got);
		unit_str(unit_fmt("outname_of_file: %s: a name outname_refusal takes", cases[i].name), unit_q(got), NULL,
			 outname_refusal(got));
		free(got);
	}
}

static void refusal(void)
{
	static const struct {
		const char *name, *slug;
		const char *why;	/* a word of the reason, or NULL: accepted */
	} cases[] = {
		{"a plain slug", "A-RES-78-1", NULL},
		{"dots and underscores", "A_78.L-1", NULL},
		{"NULL", NULL, "empty"},
		{"empty", "", "empty"},
		{"a slash", "a/b", "plain"},
		{"a parent folder", "..", "hidden"},
		{"a space", "a b", "plain"},
		{"a byte outside ASCII", "r\xc3\xa9sum\xc3\xa9", "plain"},
		{"hidden", ".unpress", "hidden"},
		{"an option", "-rf", "option"},
		{"the site's index", "index", "site"},
		{"the site's index in capitals", "INDEX", "site"},
		{"a language's index", "index-ar", "site"},
		{"a sort order of the index", "index-ar-title", "site"},
		{"a language's search page", "search-zh", "site"},
		{"the sitemap", "Sitemap", "site"},
		{"a word that starts like the index is a document", "indexes", NULL},
		{"a cited page", "cited-A_1", "cited"},
		{"a manifest", "A-1.manifest", "manifest"},
		{"a manifest in capitals", "A-1.MANIFEST", "manifest"},
		{"\"manifest\" without its dot is a document", "A-1manifest", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = outname_refusal(cases[i].slug);
		if (cases[i].why)
			unit_has(unit_fmt("outname_refusal: %s", cases[i].name), unit_q(cases[i].slug), cases[i].why, got);
		else
			unit_str(unit_fmt("outname_refusal: %s", cases[i].name), unit_q(cases[i].slug), NULL, got);
	}
	/* the longest slug, and one byte more */
	char longest[OUTNAME_SLUG_MAX + 2];
	memset(longest, 'a', OUTNAME_SLUG_MAX);
	longest[OUTNAME_SLUG_MAX] = '\0';
	unit_str("outname_refusal: OUTNAME_SLUG_MAX bytes", unit_fmt("%zu bytes", (size_t)OUTNAME_SLUG_MAX), NULL,
		 outname_refusal(longest));
	/* its longest file, the temporary manifest, is a file name */
	unit_int("outname_refusal: SLUG.manifest.xml.tmpXXXXXX fits NAME_MAX", "OUTNAME_SLUG_MAX", NAME_MAX,
		 (long long)(OUTNAME_SLUG_MAX + strlen(".manifest.xml.tmpXXXXXX")));
	longest[OUTNAME_SLUG_MAX] = 'a';
	longest[OUTNAME_SLUG_MAX + 1] = '\0';
	unit_has("outname_refusal: OUTNAME_SLUG_MAX + 1 bytes", unit_fmt("%zu bytes", (size_t)OUTNAME_SLUG_MAX + 1),
		 "too long", outname_refusal(longest));
}

static void cited_page(void)
{
	static const struct {
		const char *name, *symbol, *want;
	} cases[] = {
		{"slashes as underscores", "A/RES/78/1", "cited-A_RES_78_1.html"},
		{"a space and brackets", "S/RES/1325 (2000)", "cited-S_RES_1325--2000-.html"},
		{"a full stop stays", "A/78/L.1", "cited-A_78_L.1.html"},
		/* '/' becomes '_': an '_' of the symbol's own must not, or
		 * "A/B" and "A_B" would share one page */
		{"an underscore of its own", "A_B", "cited-A-B.html"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = outname_cited_page(cases[i].symbol);
		unit_str(unit_fmt("outname_cited_page: %s", cases[i].name), unit_q(cases[i].symbol), cases[i].want, got);
		free(got);
	}
	/* a symbol too long for a file name: the page's temporary file must
	 * still be a file name, and two symbols that differ only after the
	 * cut must get pages of their own */
	size_t room = NAME_MAX - strlen("cited-.html.tmpXXXXXX");
	for (size_t n = room - 1; n <= room + 40; n += n < room + 2 ? 1 : 38) {
		char *a = xmalloc(n + 1), *b = xmalloc(n + 1);
		a[n] = b[n] = '\0';
		memset(a, 'A', n);
		memset(b, 'A', n);
		b[n - 1] = 'B';
		char *pa = outname_cited_page(a), *pb = outname_cited_page(b);
		unit_bool(unit_fmt("outname_cited_page: a symbol of %zu bytes: its temporary file is a file name", n),
			  unit_fmt("%zu bytes -> %zu", n, strlen(pa)), true,
			  strlen(pa) + strlen(".tmpXXXXXX") <= NAME_MAX);
		unit_bool(unit_fmt("outname_cited_page: symbols of %zu bytes that differ in the last get two pages", n),
			  unit_fmt("%s, %s", unit_q(pa), unit_q(pb)), true, strcmp(pa, pb) != 0);
		unit_bool(unit_fmt("outname_cited_page: a symbol of %zu bytes: cited-….html", n), unit_q(pa), true,
			  !strncmp(pa, "cited-", 6) && !strcmp(pa + strlen(pa) - 5, ".html"));
		if (n <= room)
			unit_int(unit_fmt("outname_cited_page: a symbol of %zu bytes (room for it) is not cut", n), "",
				 (long long)(n + strlen("cited-.html")), (long long)strlen(pa));
		free(pa);
		free(pb);
		free(a);
		free(b);
	}
}

int main(void)
{
	unit_begin("outname");
	of_symbol();
	of_file();
	refusal();
	cited_page();
	return unit_end();
}
