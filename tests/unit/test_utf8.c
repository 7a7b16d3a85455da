/* tests/unit/test_utf8.c — src/util/utf8.c: utf8_prefix, how much of a
 * string a message quotes ("%.*s") without cutting a character. */
#include <string.h>

#include "unit.h"
#include "util/utf8.h"

int main(void)
{
	unit_begin("utf8");
	static const struct {
		const char *name, *s;
		size_t max;
		int want;
	} cases[] = {
		{"shorter than max: all of it", "abc", 10, 3},
		{"as long as max: all of it", "abcd", 4, 4},
		{"ASCII: max", "abcdef", 4, 4},
		{"max falls inside a 2-byte character: before it", "ab\xc3\xa9", 3, 2},
		{"max falls after a 2-byte character: max", "ab\xc3\xa9z", 4, 4},
		{"max falls inside a 3-byte character", "a\xe2\x80\x94z", 2, 1},
		{"max falls inside a 4-byte character", "\xf0\x9f\x98\x80z", 3, 0},
		{"max 0", "abc", 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK_INT(unit_fmt("utf8_prefix: %s", cases[i].name), unit_fmt("%zu", cases[i].max), cases[i].want,
			  utf8_prefix(cases[i].s, cases[i].max));
	return unit_end();
}
