/* util/lang.c — a document's language and direction (util/lang.h). */
#include "util/lang.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>


/* ISO 639-2 (bibliographic and terminology) codes of the UN's six
 * official languages and of other languages its documents appear in, with
 * their ISO 639-1 tags, which BCP 47 prefers. */
static const struct {
	const char *iso3, *iso3b, *tag;
} codes[] = {
	{"ara", "ara", "ar"}, {"zho", "chi", "zh"}, {"eng", "eng", "en"},
	{"fra", "fre", "fr"}, {"rus", "rus", "ru"}, {"spa", "spa", "es"},
	{"deu", "ger", "de"}, {"por", "por", "pt"}, {"ita", "ita", "it"},
	{"nld", "dut", "nl"}, {"jpn", "jpn", "ja"}, {"kor", "kor", "ko"},
	{"fas", "per", "fa"}, {"heb", "heb", "he"}, {"urd", "urd", "ur"},
	{"tur", "tur", "tr"}, {"hin", "hin", "hi"}, {"swa", "swa", "sw"},
	{"ukr", "ukr", "uk"}, {"pol", "pol", "pl"}, {"ell", "gre", "el"},
};

/* Languages written right to left (BCP 47 primary subtags). */
static const char *const rtl_tags[] = {"ar", "he", "fa", "ur", "ps", "yi", "dv", "sd", "ug", "ckb", "syr"};

bool lang_tag_of(const char *code, char *tag)
{
	char low[8];
	size_t n = 0;
	if (!code)
		return false;
	while (*code == ' ')
		code++;
	for (; code[n] && code[n] != ' ' && n < sizeof low - 1; n++) {
		if (!isalpha((unsigned char)code[n]))
			break;
		low[n] = (char)tolower((unsigned char)code[n]);
	}
	low[n] = '\0';
	/* a subtag may follow ("zh-Hans"): keep only the language */
	if (n < 2 || n > 3 || (code[n] && code[n] != '-' && code[n] != '_' && code[n] != ' '))
		return false;
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (!strcmp(low, codes[i].iso3) || !strcmp(low, codes[i].iso3b) || !strcmp(low, codes[i].tag)) {
			strcpy(tag, codes[i].tag);
			return true;
		}
	/* another code: BCP 47 takes it as it is (2 letters, or 3 when the
	 * language has no 2-letter code) */
	memcpy(tag, low, n + 1);
	return true;
}

const char *lang_iso639_2(const char *tag)
{
	size_t n = strcspn(tag, "-_");
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (strlen(codes[i].tag) == n && !strncmp(tag, codes[i].tag, n))
			return codes[i].iso3;
	return "und";
}

const char *lang_name(const char *tag)
{
	static const char *const names[][2] = {
		{"ar", "Arabic"}, {"zh", "Chinese"}, {"en", "English"}, {"fr", "French"}, {"ru", "Russian"},
		{"es", "Spanish"}, {"de", "German"}, {"pt", "Portuguese"}, {"it", "Italian"}, {"nl", "Dutch"},
		{"ja", "Japanese"}, {"ko", "Korean"}, {"fa", "Persian"}, {"he", "Hebrew"}, {"ur", "Urdu"},
		{"tr", "Turkish"}, {"hi", "Hindi"}, {"sw", "Swahili"}, {"uk", "Ukrainian"}, {"pl", "Polish"},
		{"el", "Greek"},
	};
	size_t n = strcspn(tag, "-_");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i][0]) == n && !strncmp(tag, names[i][0], n))
			return names[i][1];
	return tag;
}

const char *lang_undocs_step(const char *tag)
{
	static const char *const steps[][2] = {
		{"ar", "ar"}, {"zh", "ch"}, {"en", "en"}, {"fr", "fr"}, {"ru", "ru"}, {"es", "es"},
	};
	size_t n = strcspn(tag, "-_");
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (n == 2 && !strncmp(tag, steps[i][0], 2))
			return steps[i][1];
	return NULL;
}

bool lang_is_rtl(const char *tag)
{
	size_t n = strcspn(tag, "-_");
	for (size_t i = 0; i < sizeof rtl_tags / sizeof rtl_tags[0]; i++)
		if (strlen(rtl_tags[i]) == n && !strncmp(tag, rtl_tags[i], n))
			return true;
	return false;
}

/* The next code point of UTF-8 text at *p (advancing it); a stray byte
 * counts as itself. */
static unsigned next_cp(const unsigned char **p, const unsigned char *end)
{
	const unsigned char *s = *p;
	unsigned c = *s++;
	int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	if (c >= 0xC0)
		c &= 0x3F >> more;
	for (; more > 0 && s < end && (*s & 0xC0) == 0x80; more--)
		c = c << 6 | (*s++ & 0x3F);
	*p = s;
	return c;
}

/* A word of one to four ASCII letters as a number: its letters,
 * lower-cased, one a byte (a shorter word leaves the high bytes 0). */
static uint32_t short_word_key(const char *w, size_t n)
{
	uint32_t key = 0;
	for (size_t i = 0; i < n; i++)
		key |= (uint32_t)(unsigned char)(w[i] | 0x20) << (8 * i);
	return key;
}

/* How often each of a few very common short words of English, French and
 * Spanish occurs: the language whose words are commonest.  (UN texts in
 * these languages are long enough for this to be unambiguous.)  Each
 * word is looked up as a number among the few listed: this runs on every
 * document, and comparing strings to each listed word cost more than the
 * rest of converting a one-page text. */
static const char *latin_language(const char *text, size_t len)
{
	enum { EN = 1, FR = 2, ES = 4 };
	static const char *const tags[] = {"en", "fr", "es"};
	/* "la" is as much Spanish as French: counted for French alone, a
	 * Spanish sentence with more "la" than "el" read as French */
	static const struct {
		const char *word;
		unsigned langs;
	} words[] = {
		{"the", EN}, {"of", EN}, {"and", EN}, {"to", EN}, {"in", EN}, {"that", EN}, {"with", EN},
		{"le", FR}, {"la", FR | ES}, {"les", FR}, {"des", FR}, {"et", FR}, {"du", FR}, {"aux", FR},
		{"une", FR}, {"el", ES}, {"los", ES}, {"las", ES}, {"del", ES}, {"y", ES}, {"que", ES},
		{"con", ES}, {"una", ES},
	};
	enum { NWORDS = sizeof words / sizeof words[0] };
	uint32_t keys[NWORDS];
	for (size_t k = 0; k < NWORDS; k++)
		keys[k] = short_word_key(words[k].word, strlen(words[k].word));
	unsigned score[3] = {0};
	const char *p = text, *end = text + len;
	while (p < end) {
		while (p < end && !isalpha((unsigned char)*p))
			p++;
		const char *w = p;
		while (p < end && isalpha((unsigned char)*p))
			p++;
		size_t n = (size_t)(p - w);
		/* a word glued to an accented letter is not a whole word */
		if (!n || n > 4 || (p < end && (unsigned char)*p >= 0x80))
			continue;
		uint32_t key = short_word_key(w, n);
		for (size_t k = 0; k < NWORDS; k++)
			if (keys[k] == key) {
				for (size_t l = 0; l < 3; l++)
					score[l] += (words[k].langs >> l) & 1;
				break;
			}
	}
	size_t best = 0;
	for (size_t l = 1; l < 3; l++)
		if (score[l] > score[best])
			best = l;
	return tags[best];
}

const char *lang_of_text(const char *text, size_t len)
{
	unsigned arabic = 0, han = 0, cyrillic = 0, latin = 0, hebrew = 0, kana = 0, hangul = 0;
	const unsigned char *p = (const unsigned char *)text, *end = p + len;
	while (p < end) {
		if (*p < 0x80) {	/* most of any text, whatever its script */
			latin += (unsigned)((*p++ | 0x20) - 'a') < 26u;
			continue;
		}
		unsigned c = next_cp(&p, end);
		if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) ||
			 (c >= 0xFE70 && c <= 0xFEFF))
			arabic++;
		else if (c >= 0x590 && c <= 0x5FF)
			hebrew++;
		else if (c >= 0x400 && c <= 0x52F)
			cyrillic++;
		else if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
			han++;
		else if (c >= 0x3040 && c <= 0x30FF)
			kana++;
		else if (c >= 0xAC00 && c <= 0xD7AF)
			hangul++;
		else if (c >= 0xC0 && c <= 0x24F)
			latin++;
	}
	/* The script most letters are in.  Han characters stand for words,
	 * not letters: they weigh double (a Chinese text quotes Latin names
	 * and symbols: "A/RES/78/1"). */
	struct { unsigned n; const char *tag; } scripts[] = {
		{arabic, "ar"}, {2 * han, kana ? "ja" : "zh"}, {cyrillic, "ru"}, {hebrew, "he"},
		{kana * 2, "ja"}, {hangul * 2, "ko"}, {latin, NULL},
	};
	size_t best = 0;
	for (size_t i = 1; i < sizeof scripts / sizeof scripts[0]; i++)
		if (scripts[i].n > scripts[best].n)
			best = i;
	if (!scripts[best].n)
		return "und";
	return scripts[best].tag ? scripts[best].tag : latin_language(text, len);
}
