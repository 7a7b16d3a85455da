/* tests/unit/test_markup.c — src/doc/markup.c: a block's text without its
 * MK_ markup, trimmed, and how it ends. */
#include <string.h>

#include "doc/markup.h"
#include "unit.h"

static void plain(void)
{
	static const struct {
		const char *name, *text, *want;
	} cases[] = {
		{"text without markup", "the General Assembly", "the General Assembly"},
		{"emphasis", "{em}Recalling{/em} its resolution", "Recalling its resolution"},
		{"strong", "{b}Annex{/b}", "Annex"},
		{"a superscript keeps its text", "Crime{sup}3{/sup}", "Crime3"},
		{"a note reference goes whole", "Crime,{note}3{/note} and", "Crime, and"},
		{"a link keeps its text, not its target", "see {link}https://undocs.org/A/78/1{mid}A/78/1{/link}.", "see A/78/1."},
		{"a link without text", "see {link}https://undocs.org/{/link}.", "see ."},
		{"a line break", "first{br}second", "firstsecond"},
		{"newlines and tabs stay", "a\nb\tc", "a\nb\tc"},
		{"another control byte goes", "a\x07" "b", "ab"},
		{"text outside ASCII stays", "C\xc3\xb4te d\xe2\x80\x99Ivoire", "C\xc3\xb4te d\xe2\x80\x99Ivoire"},
		{"the empty text", "", ""},
		{"markup alone", "{em}{/em}{br}{note}1{/note}", ""},
		{"markup at both edges", "{b}{em}x{/em}{/b}", "x"},
		{"a note reference open at the text's end", "Crime,{note}12", "Crime,"},
		{"a note marker as the last byte", "Crime,{note}", "Crime,"},
		{"a link target open at the text's end", "see {link}https://undocs.org", "see "},
		{"a long text (copied eight bytes at a time)",
		 "The Conference of the Parties,{note}1{/note} {em}recalling{/em} its resolution 11/1 of 2022",
		 "The Conference of the Parties, recalling its resolution 11/1 of 2022"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = unit_mk(cases[i].text);
		unit_str(unit_fmt("text_plain: %s", cases[i].name), unit_q(s), cases[i].want, text_plain(unit_arena, s));
	}
}

static void plain_prefix(void)
{
	static const struct {
		const char *name, *text;
		size_t max;
		const char *want;
	} cases[] = {
		{"a prefix of plain text", "Recalling its resolution", 9, "Recalling"},
		{"max 0", "Recalling", 0, ""},
		{"max past the text's end", "Recalling", 100, "Recalling"},
		{"max (size_t)-1: all of it", "Recalling", (size_t)-1, "Recalling"},
		{"a link target crossing max is skipped whole", "{link}https://example.org/long{mid}text{/link} after", 3, "tex"},
		{"a note reference crossing max is skipped whole", "ab{note}12{/note}cd", 3, "abc"},
		{"the empty text", "", 5, ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = unit_mk(cases[i].text);
		unit_str(unit_fmt("text_plain_prefix: %s", cases[i].name), unit_fmt("%s, max %zu", unit_q(s), cases[i].max),
			 cases[i].want, text_plain_prefix(unit_arena, s, cases[i].max));
	}
	/* with markup in it, the prefix is of the plain text: max bytes of
	 * it (all of it when shorter), from its start */
	static const char *const marked[] = {"{em}Recalling{/em} its", "{b}{em}{sup}1{/sup}{/em}{/b} Recalling",
					     "x{note}1{/note}{note}2{/note}yz"};
	for (size_t i = 0; i < sizeof marked / sizeof marked[0]; i++)
		for (size_t max = 0; max < 8; max++) {
			const char *s = unit_mk(marked[i]);
			const char *all = text_plain(unit_arena, s), *got = text_plain_prefix(unit_arena, s, max);
			size_t want = strlen(all) < max ? strlen(all) : max;
			bool ok = strlen(got) == want && !strncmp(all, got, want);
			unit_bool(unit_fmt("text_plain_prefix: the plain text's first %zu bytes (%s)", max,
					   marked[i]),
				  unit_fmt("%s, max %zu (got %s of %s)", unit_q(s), max, unit_q(got), unit_q(all)), true, ok);
		}
}

static void plain_trimmed(void)
{
	const char *s = unit_mk("  {br}\n{em}Recalling{/em} its {br} \n");
	unit_str("text_plain_trimmed: spaces, newlines and breaks at both ends", unit_q(s), "Recalling its",
		 text_plain_trimmed(unit_arena, s, (size_t)-1));
	unit_str("text_plain_trimmed: a prefix, trimmed", unit_fmt("%s, max 12", unit_q(s)), "Recalling",
		 text_plain_trimmed(unit_arena, s, 12));
	unit_str("text_plain_trimmed: only blanks", "\"  \\n \\t\"", "", text_plain_trimmed(unit_arena, "  \n \t", (size_t)-1));

	char buf[8];
	unit_str("text_plain_scratch: cut to the buffer (size - 1 bytes)", "\"Recalling its\", 8 bytes", "Recalli",
		 text_plain_scratch(buf, sizeof buf, "Recalling its"));
	unit_str("text_plain_scratch: markup skipped, then trimmed", unit_fmt("%s, 8 bytes", unit_q(unit_mk(" {em}ab{/em} c"))),
		 "ab c", text_plain_scratch(buf, sizeof buf, unit_mk(" {em}ab{/em} c")));
	unit_str("text_plain_scratch: a buffer of one byte", "\"Recalling\", 1 byte", "",
		 text_plain_scratch(buf, 1, "Recalling"));
	const char *in = text_plain_scratch(buf, sizeof buf, "  x  ");
	unit_bool("text_plain_scratch: the result is in the caller's buffer", "\"  x  \", 8 bytes", true,
		  in >= buf && in < buf + sizeof buf);
}

static void last_char(void)
{
	static const struct {
		const char *name, *text;
		char want;
	} cases[] = {
		{"a full stop", "It decided.", '.'},
		{"spaces after it", "It decided.   ", '.'},
		{"a newline and a tab after it", "It decided;\n\t", ';'},
		{"a note reference after it", "It decided.{note}3{/note}", '.'},
		{"two note references after it", "Crime{note}3{/note}{note}4{/note}", 'e'},
		{"emphasis closing after it", "{em}Recalling{/em}", 'g'},
		{"a line break after it", "It decided,{br}", ','},
		{"a link's text, not its target", "see {link}https://undocs.org/x.{mid}A/78/1{/link}", '1'},
		{"a link with emphasis in its text", "{link}h{mid}{em}text{/em}{/link}", 't'},
		{"a link without text", "see {link}https://undocs.org/x.{mid}{/link}", 'e'},
		{"a link without text opening the text", "{link}https://undocs.org/x.{mid}{/link}", '\0'},
		{"a note reference alone", "{note}3{/note}", '\0'},
		{"the empty text", "", '\0'},
		{"only blanks", "  \n ", '\0'},
		{"one character", "x", 'x'},
		{"the last byte of a character outside ASCII", "Ivoire\xe2\x80\x9d", '\x9d'},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = unit_mk(cases[i].text);
		char got = text_last_char(s);
		unit_str(unit_fmt("text_last_char: %s", cases[i].name), unit_q(s),
			 arena_strndup(unit_arena, &cases[i].want, cases[i].want != 0),
			 arena_strndup(unit_arena, &got, got != 0));
	}
}

static void trim(void)
{
	static const struct {
		const char *name, *text, *want;
	} cases[] = {
		{"blanks of every kind at both ends", " \n\t{br}x y{br} \n", "x y"},
		{"blanks inside stay", "x \n y", "x \n y"},
		{"markup at the edges stays", " {em}x{/em} ", "{em}x{/em}"},
		{"the empty text", "", ""},
		{"only blanks", " {br}\n\t", ""},
		{"nothing to trim", "x", "x"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = unit_mk(cases[i].text);
		unit_str(unit_fmt("text_trim: %s", cases[i].name), unit_q(s), unit_mk(cases[i].want), text_trim(unit_arena, s));
	}
	unit_bool("starts_with: a prefix", "\"Resolution 11/1\", \"Resolution\"", true, starts_with("Resolution 11/1", "Resolution"));
	unit_bool("starts_with: a text shorter than the prefix", "\"Res\", \"Resolution\"", false, starts_with("Res", "Resolution"));
	unit_bool("starts_with: the empty prefix", "\"abc\", \"\"", true, starts_with("abc", ""));
	unit_bool("starts_with: the empty text", "\"\", \"a\"", false, starts_with("", "a"));
}

int main(void)
{
	unit_begin("markup");
	plain();
	plain_prefix();
	plain_trimmed();
	last_char();
	trim();
	return unit_end();
}
