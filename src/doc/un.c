/* doc/un.c — UN conventions the reader, the passes and the AKN builder
 * share: dates, document symbols, instrument numbers, the enacting
 * formula, lost note markers, roman numerals (doc/un.h). */
#include "doc/un.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc/markup.h"
#include "doc/unlang.h"

/* The days of month m (0-based) of year (the Gregorian calendar). */
static int days_in_month(int m, int year)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return days[m] + (m == 1 && leap);
}

/* The month at q in one of the UN's languages ("December", "décembre",
 * "de diciembre de", "декабря"), followed by a year of four digits: the
 * month (0-based), *year pointing at the year, *end after it (and after
 * Russian's "года"); -1 if none. */
static int month_and_year(const char *q, const char **year, const char **end)
{
	for (size_t l = 0; un_langs[l]; l++) {
		const struct un_lang *L = un_langs[l];
		size_t dm = strlen(L->day_month), my = strlen(L->month_year);
		if (strncmp(q, L->day_month, dm))
			continue;
		for (int m = 0; m < 12; m++) {
			const char *name = L->months[m];
			size_t ml = strlen(name);
			if (strncmp(q + dm, name, ml) || q[dm + ml] != ' ' || strncmp(q + dm + ml + 1, L->month_year, my))
				continue;
			const char *y = q + dm + ml + 1 + my;
			if (!isdigit((unsigned char)y[0]) || !isdigit((unsigned char)y[1]) ||
			    !isdigit((unsigned char)y[2]) || !isdigit((unsigned char)y[3]) ||
			    isdigit((unsigned char)y[4]))
				continue;
			*year = y;
			size_t ay = strlen(L->after_year);
			*end = y + 4 + (ay && !strncmp(y + 4, L->after_year, ay) && !isalnum((unsigned char)y[4 + ay]) ? ay : 0);
			return m;
		}
	}
	return -1;
}

/* "2023年12月7日": a date as Chinese prints it, year, month and day each
 * followed by its character; *end after it.  The month (0-based), *day,
 * *year; -1 if none. */
static int chinese_date(const char *p, int *day, int *year, const char **end)
{
	int y = 0, m = 0, d = 0, k = 0;
	for (; k < 4; k++) {
		if (!isdigit((unsigned char)p[k]))
			return -1;
		y = y * 10 + (p[k] - '0');
	}
	if (strncmp(p + k, "年", 3))
		return -1;
	k += 3;
	int start = k;
	while (isdigit((unsigned char)p[k]) && k - start < 2)
		m = m * 10 + (p[k++] - '0');
	if (k == start || strncmp(p + k, "月", 3))
		return -1;
	k += 3;
	start = k;
	while (isdigit((unsigned char)p[k]) && k - start < 2)
		d = d * 10 + (p[k++] - '0');
	if (k == start || strncmp(p + k, "日", 3) || m < 1 || m > 12 || d < 1 || d > days_in_month(m - 1, y))
		return -1;
	*day = d;
	*year = y;
	*end = p + k + 3;
	return m - 1;
}

char *un_find_date(struct arena *arena, const char *text, const char **start, size_t *len)
{
	for (const char *p = text; *p; p++) {
		if (!isdigit((unsigned char)*p) || (p > text && isalnum((unsigned char)p[-1])))
			continue;
		int cd, cy;
		const char *ce;
		int cm = chinese_date(p, &cd, &cy, &ce);
		if (cm >= 0) {
			if (start)
				*start = p;
			if (len)
				*len = (size_t)(ce - p);
			return arena_printf(arena, "%04d-%02d-%02d", cy, cm + 1, cd);
		}
		int day = 0;
		const char *q = p;
		while (isdigit((unsigned char)*q) && q - p < 2)
			day = day * 10 + (*q++ - '0');
		/* "1er décembre 2023": French writes the first of a month so */
		if (day == 1 && q[0] == 'e' && q[1] == 'r')
			q += 2;
		if (isdigit((unsigned char)*q) || *q != ' ' || day < 1 || day > 31)
			continue;
		q++;
		const char *y, *end;
		int m = month_and_year(q, &y, &end);
		if (m < 0)
			continue;
		/* a misprint ("31 April") is no date: the XML's dates are
		 * xs:date, which has no 31 April */
		if (day > days_in_month(m, atoi(y)))
			continue;
		if (start)
			*start = p;
		if (len)
			*len = (size_t)(end - p);
		return arena_printf(arena, "%.4s-%02d-%02d", y, m + 1, day);
	}
	return NULL;
}

char *un_date_to_iso(struct arena *arena, const char *text)
{
	const char *start;
	size_t len;
	while (*text == ' ')
		text++;
	char *iso = un_find_date(arena, text, &start, &len);
	if (!iso || start != text)
		return NULL;
	const char *rest = text + len;
	while (*rest == ' ' || *rest == '.')
		rest++;
	return *rest ? NULL : iso;
}

/* One component of a symbol: "COP", "WG.2", "CONF.192", "Rev.1", "2022", "L.6", "15". */
static size_t symbol_component(const char *s)
{
	size_t i = 0;
	if (isupper((unsigned char)s[0])) {
		while (isalpha((unsigned char)s[i]) && i < 10)
			i++;
		if (isalpha((unsigned char)s[i]))
			return 0;
		if (s[i] == '.' && isdigit((unsigned char)s[i + 1])) {
			i++;
			while (isdigit((unsigned char)s[i]))
				i++;
		}
		return i;
	}
	while (isdigit((unsigned char)s[i]) && i < 8)
		i++;
	if (i && isupper((unsigned char)s[i]) && !isalpha((unsigned char)s[i + 1]))
		i++;	/* 70/1A */
	return i;
}

static size_t single_symbol(const char *s)
{
	/* the series: capital letters only (A, E, S, ST, CTOC, UNEP, …) */
	size_t i = 0;
	while (isupper((unsigned char)s[i]) && i < 8)
		i++;
	if (i == 0 || s[i] != '/')
		return 0;
	int components = 1, digits = 0;
	size_t end = i;
	while (s[end] == '/') {
		size_t c = symbol_component(s + end + 1);
		if (c == 0)
			break;
		for (size_t k = end + 1; k < end + 1 + c; k++)
			digits |= isdigit((unsigned char)s[k]) != 0;
		end += 1 + c;
		components++;
	}
	if (components < 2 || !digits)
		return 0;
	/* not the start of a longer word or path */
	if (isalnum((unsigned char)s[end]) || s[end] == '_' || (s[end] == '/' && isalnum((unsigned char)s[end + 1])))
		return 0;
	return end;
}

bool un_symbol_match(const char *s, size_t pos, size_t *len)
{
	if (pos > 0 && (isalnum((unsigned char)s[pos - 1]) || s[pos - 1] == '/' || s[pos - 1] == '.' ||
			s[pos - 1] == '_' || s[pos - 1] == '-'))
		return false;
	size_t n = single_symbol(s + pos);
	if (!n)
		return false;
	/* a joint symbol: SYMBOL-SYMBOL or SYMBOL–SYMBOL (en dash) */
	for (;;) {
		const char *p = s + pos + n;
		size_t dash = *p == '-' ? 1 : !strncmp(p, "\xe2\x80\x93", 3) ? 3 : 0;
		if (!dash)
			break;
		size_t m = single_symbol(p + dash);
		if (!m)
			break;
		n += dash + m;
	}
	*len = n;
	return true;
}

int roman_value(const char *s, size_t n)
{
	int total = 0, prev = 0;
	if (n == 0 || n > 8)
		return 0;
	for (size_t i = n; i-- > 0;) {
		int v;
		switch (s[i] | 0x20) {
		case 'i': v = 1; break;
		case 'v': v = 5; break;
		case 'x': v = 10; break;
		case 'l': v = 50; break;
		case 'c': v = 100; break;
		default: return 0;
		}
		total += v < prev ? -v : v;
		if (v > prev)
			prev = v;
	}
	return total > 0 ? total : 0;
}

/* "Resolution 11/1" / "Decision 11/2" → the number, else NULL. */
char *un_instrument_number(struct arena *A, const char *t, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(t, word, n) || t[n] != ' ')
		return NULL;
	const char *p = t + n + 1;
	size_t i = 0;
	while (isdigit((unsigned char)p[i]) || p[i] == '/')
		i++;
	if (!i || !memchr(p, '/', i))
		return NULL;
	const char *rest = p + i;
	if (*rest == '.')
		rest++;
	return *rest ? NULL : arena_strndup(A, p, i);
}

/* The formula in a language that capitalises only the first word of a
 * body's name ("L’Assemblée générale,", "Le Conseil de sécurité,", "La
 * Asamblea General,"): the article, one of the organs' first words, then
 * words with no other comma, ending in one. */
static bool formula_by_heads(const char *t, size_t n)
{
	/* the comma may be left out (operative paragraphs at once, "Décide
	 * ce qui suit :"), then the organ's name alone: two words at most
	 * after the article ("L'Assemblée générale", "La Asamblea General") */
	bool comma = t[n - 1] == ',';
	size_t body = comma ? n - 1 : n;
	for (size_t l = 0; un_langs[l]; l++) {
		const struct un_lang *L = un_langs[l];
		/* Russian has no article: "Генеральная Ассамблея," */
		size_t a = un_opens_with(t, n, L->formula_articles);
		if ((!a && L->formula_articles) || !L->formula_heads)
			continue;
		size_t w = un_word_len(t + a, n - a);
		if (!un_word_in(t + a, w, L->formula_heads) || (a + w < body && t[a + w] != ' '))
			continue;
		if (memchr(t + a, ',', body - a))
			continue;
		/* without an article, a sentence that opens with an organ
		 * ("Совет учредил с 9 июля 2011 года Миссию …,") is no
		 * formula: an organ's name holds no figure */
		bool figure = false;
		for (size_t i = a; i < body && !L->formula_articles; i++)
			figure = figure || isdigit((unsigned char)t[i]);
		if (figure)
			continue;
		size_t spaces = 0;
		for (size_t i = a; i < body; i++)
			spaces += t[i] == ' ';
		/* (not without an article: Russian's cover names the organ so) */
		if (comma || (a && n < 48 && spaces <= 1))
			return true;
	}
	return false;
}

bool un_organ_name(const char *t, size_t n)
{
	if (n < 8 || n > 80 || memchr(t, ',', n))
		return false;
	size_t spaces = 0;
	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)t[i]))
			return false;
		spaces += t[i] == ' ';
	}
	for (size_t l = 0; un_langs[l] && spaces <= 3; l++) {
		const struct un_lang *L = un_langs[l];
		size_t w = un_word_len(t, n);
		if (!L->formula_articles && L->formula_heads && un_word_in(t, w, L->formula_heads) && (w == n || t[w] == ' '))
			return true;
	}
	return false;
}

/* "大会，": the formula in a language set without spaces (Chinese), an
 * organ's name and a full-width comma. */
static bool formula_without_spaces(const char *t, size_t n)
{
	static const char comma[] = "\xef\xbc\x8c";	/* ， */
	if (n < 6 || memcmp(t + n - 3, comma, 3))
		return false;
	for (size_t l = 0; un_langs[l]; l++)
		if (un_langs[l]->no_spaces && un_word_in(t, n - 3, un_langs[l]->bodies))
			return true;
	return false;
}

bool un_enacting_formula(const char *t, size_t n)
{
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
		n--;
	while (n && (*t == ' ' || *t == '\n'))
		t++, n--;
	if (formula_without_spaces(t, n))
		return true;
	/* "The General Assembly" alone: its comma left out where the
	 * operative paragraphs follow at once (budget resolutions) */
	bool bare = n >= 8 && n < 48 && !strncmp(t, "The ", 4) &&
		    (!memcmp(t + n - 8, "Assembly", 8) || !memcmp(t + n - 7, "Council", 7));
	if (n < 8 || n > 200)
		return false;
	if (strncmp(t, "The ", 4))
		return formula_by_heads(t, n);
	if (t[n - 1] != ',' && !bare)
		return false;
	size_t name_end = t[n - 1] == ',' ? n - 1 : n;
	/* the body's name, in capitals but for its small words, and no
	 * other comma: not "The present report, prepared at …," */
	static const char *const small[] = {"of", "the", "and", "to", "against", "on", "for", "in", "at"};
	for (size_t i = 4; i < name_end;) {
		if (t[i] == ',')
			return false;
		if (t[i] == ' ') {
			i++;
			continue;
		}
		size_t w = i;
		while (w < name_end && t[w] != ' ' && t[w] != ',')
			w++;
		bool capital = isupper((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80;
		bool is_small = false;
		for (size_t k = 0; k < sizeof small / sizeof small[0] && !capital && !is_small; k++)
			is_small = strlen(small[k]) == w - i && !strncmp(t + i, small[k], w - i);
		if (!capital && !is_small)
			return false;
		i = w;
	}
	return true;
}

/* Is s (n bytes) one of words, ignoring ASCII case? */
static bool word_in(const char *s, size_t n, const char *const *words, size_t count)
{
	for (size_t k = 0; k < count; k++)
		if (strlen(words[k]) == n && !strncasecmp(s, words[k], n))
			return true;
	return false;
}

/* See util.h.  UN footnote markers are superscript numbers after the word
 * or punctuation they annotate; extractors set them on the baseline. */
bool un_bare_note_marker(const char *t, size_t i, size_t n, bool on_its_page)
{
	if (i < 2)
		return false;
	char after = t[i + n];
	char after2 = after ? t[i + n + 1] : '\0';
	/* what may follow a marker: the end, a space, or the clause's
	 * punctuation (not "1,000", "2.5", "12:30") */
	bool ends_well = after == '\0' || after == ' ' || after == '\n' || after == MK_BREAK ||
			 ((after == ',' || after == ';') && !isdigit((unsigned char)after2)) ||
			 (on_its_page && (after == ')' || ((after == '.' || after == ':') && !isdigit((unsigned char)after2))));
	if (!ends_well)
		return false;
	/* "resolution 68/186,1 and": glued after a comma (pdftotext sets
	 * superscripts on the baseline) */
	if (t[i - 1] == ',' || (on_its_page && (t[i - 1] == ';' || t[i - 1] == ')')))
		return after == ' ' || after == '\0' || after == '\n';
	/* "Approves the report of the Committee.1": after a sentence's full
	 * stop, on the marker's page, where the word before is a word of four
	 * letters or more ending in lower case (not "para.1", "No.1") */
	if (on_its_page && t[i - 1] == '.') {
		size_t w = i - 1;
		while (w > 0 && isalpha((unsigned char)t[w - 1]))
			w--;
		size_t len = i - 1 - w;
		bool word = len >= 4 && islower((unsigned char)t[i - 2]) && !(len == 4 && !strncmp(t + w, "para", 4)) &&
			    !(len == 5 && !strncmp(t + w, "paras", 5));
		return word && (after == ' ' || after == '\0' || after == '\n');
	}
	if (t[i - 1] != ' ')
		return false;
	unsigned char before = (unsigned char)t[i - 2];
	size_t w = i - 1;	/* the word before: t[w..i-1) */
	while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n')
		w--;
	/* "at its 2019 15 and", "resolutions 5/7 25 and": after a year or a
	 * numbered resolution */
	bool year_before = i - 1 - w == 4 && isdigit((unsigned char)t[w]) && isdigit(before) &&
			   (t[w] == '1' || t[w] == '2');
	bool symbol_before = isdigit(before) && memchr(t + w, '/', i - 1 - w) != NULL;
	if (!(before == ',' || before == ';' || before == ')' || islower(before) || before == '"' ||
	      before == 0x9d /* ” */ || (on_its_page && (isupper(before) || before == 0x99 /* ’ */ ||
							 before == '.' || before == ':' || year_before ||
							 symbol_before))))
		return false;
	/* not "paragraph 12", "article 2", "resolution 9", "vol. 12" … */
	static const char *const counted[] = {
		"paragraph", "paragraphs", "article", "articles", "para.", "paras.", "vol.", "no.", "nos.",
		"resolution", "resolutions", "decision", "decisions", "rule", "rules", "item", "items", "annex",
		"chapter", "chap.", "section", "part", "page", "p.", "pp.", "goal", "target", "principle",
		"guideline", "recommendation", "table", "figure", "phase", "level", "session", "meeting",
		"of", "and", "or", "to", "from", "the", "at", "on", "by", "in", "with", "for", "than", "per",
		"some", "over", "about", "under", "all", "every", "first", "since", "until", "between",
		"nearly", "almost", "least", "another", "further", "remain", "additional", "only", "just",
	};
	if (word_in(t + w, i - 1 - w, counted, sizeof counted / sizeof counted[0]))
		return false;
	/* … nor after the words of the UN's other languages that count or
	 * join ("paragraphe 12", "du 6 octobre", "de 2023") */
	for (size_t l = 1; un_langs[l]; l++)
		if (un_word_in(t + w, i - 1 - w, un_langs[l]->counting_nouns) ||
		    un_word_in(t + w, i - 1 - w, un_langs[l]->line_end_words))
			return false;
	if (after != ' ')
		return true;
	/* followed by a word: "Crime, 9 as a …", but not "12 March", "5 per
	 * cent", "10 and 15" (outside the marker's own page), "4 States" */
	const char *nx = t + i + n + 1;
	if (isdigit((unsigned char)*nx))
		return false;
	static const char *const counts[] = {"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December", "per", "States",
		"meetings", "countries", "members", "years", "months", "days", "million", "billion",
		"persons", "people", "cases", "times", "hours", "minutes", "weeks"};
	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++)
		if (starts_with(nx, counts[k]) && !isalpha((unsigned char)nx[strlen(counts[k])]))
			return false;
	/* a date in another of the UN's languages: "6 octobre", "6 de octubre" */
	for (size_t l = 1; un_langs[l]; l++) {
		size_t dm = strlen(un_langs[l]->day_month);
		if (!strncmp(nx, un_langs[l]->day_month, dm))
			for (size_t m = 0; m < 12; m++)
				if (starts_with(nx + dm, un_langs[l]->months[m]) &&
				    !isalpha((unsigned char)nx[dm + strlen(un_langs[l]->months[m])]))
					return false;
	}
	if (!on_its_page) {
		static const char *const joins[] = {"and", "to", "or"};
		for (size_t k = 0; k < 3; k++)
			if (starts_with(nx, joins[k]) && !isalpha((unsigned char)nx[strlen(joins[k])]))
				return false;
	}
	return true;
}

bool un_type_is_statement(const char *type)
{
	return type && (!strcmp(type, "resolution") || !strcmp(type, "resolutionDraft") || !strcmp(type, "decision"));
}

bool un_cjk_note_marker(const char *t, size_t i, size_t n)
{
	size_t len, c = i >= 4 && t[i - 1] == ' ' ? i - 1 : i;
	if (c < 3 || !un_is_cjk(t + c - 3, 3, &len) || len != 3)
		return false;
	const char *after = t + i + n;
	if (!*after || *after == ' ')
		return true;
	/* punctuation before (U+3000-303F, U+FF00-FFEF: "、", "，", "》"),
	 * an opening bracket or quote after */
	bool punct = (unsigned char)t[c - 3] == 0xe3 || (unsigned char)t[c - 3] == 0xef;
	return punct && c == i && (!strncmp(after, "《", 3) || !strncmp(after, "“", 3));
}

size_t un_adoption_line(const struct un_lang *L, const char *s, size_t n)
{
	size_t at = 0;
	/* "2023年12月7日大会决议": Chinese prints the date first */
	if (L->no_spaces) {
		int d, y;
		const char *end;
		if (!n || !isdigit((unsigned char)s[0]) || chinese_date(s, &d, &y, &end) < 0 || (size_t)(end - s) > n)
			return 0;
		at = (size_t)(end - s);
	}
	size_t w = un_opens_with(s + at, n - at, L->adopted);
	return w ? at + w : 0;
}
