/* tests/unit/test_wordlist.c — src/doc/wordlist.c: the English word lists
 * the words pass and the line joiner consult (compiled into the program). */
#include <string.h>

#include "doc/wordlist.h"
#include "unit.h"

static void words(void)
{
	static const struct {
		const char *word;
		bool want;
	} cases[] = {
		{"secretary", true}, {"Secretary", true}, {"SECRETARY", true}, {"organization", true},
		{"organisation", true},	/* wbritish */
		{"governmental", true}, {"secre", false}, {"zation", false}, {"", false},
		{"zorblax", false}, {"capacitybuilding", false},
		/* names (capitalised in the lists) and possessives are left
		 * out, and single letters but "a" and "I": "Resolution s" is
		 * not two words */
		{"Geneva", false}, {"geneva", false}, {"a", true}, {"I", true}, {"i", true}, {"s", false},
		{"nation's", false},
		/* inflected forms are in the lists */
		{"organizations", true}, {"recalled", true},
		/* bytes outside ASCII are no word of the lists */
		{"r\xc3\xa9sum\xc3\xa9x", false},
	};
	unit_bool("wordlist_loaded", "", true, wordlist_loaded());
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		unit_bool("wordlist_has", unit_q(cases[i].word), cases[i].want,
			  wordlist_has(cases[i].word, strlen(cases[i].word)));
	unit_bool("wordlist_has: only n bytes", "\"secretary\", 5", false, wordlist_has("secretary", 5));
	unit_bool("wordlist_has: only n bytes (a word)", "\"organizations\", 12", true, wordlist_has("organizations", 12));
}

int main(void)
{
	unit_begin("wordlist");
	wordlist_load();
	words();
	return unit_end();
}
