/* printmarks.c — UN print furniture on one line (see printmarks.h).
 *
 * UN documents print, on every page, a footer with the job number and the
 * page ("V.23-01234 3/20", "15-01234 (E)", "2/16 15-01234" on even pages);
 * on the first page a barcode of the job number ("*1522378*", backticks in
 * some older fonts), the print date ("050127") and "Please recycle"; above a
 * page's footnotes a short rule of underscores. */
#include "doc/printmarks.h"

#include <ctype.h>
#include <string.h>

size_t pm_job_number(const char *s)
{
	size_t i = 0;
	if (isupper((unsigned char)s[0]) && s[1] == '.')
		i = 2;
	if (!isdigit((unsigned char)s[i]) || !isdigit((unsigned char)s[i + 1]) || s[i + 2] != '-')
		return 0;
	size_t j = i + 3, digits = 0;
	while (isdigit((unsigned char)s[j]))
		j++, digits++;
	if (digits < 4 || digits > 6)
		return 0;
	/* the edition's language: (E), (F), (S), (R), (A), (C) */
	if (s[j] == ' ' && s[j + 1] == '(' && isupper((unsigned char)s[j + 2]) && s[j + 3] == ')')
		j += 4;
	return j;
}

size_t pm_page_of_pages(const char *s, bool broken)
{
	size_t i = 0;
	while (isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 4 || s[i] != '/')
		return 0;
	size_t j = i + 1, k = j;
	while (isdigit((unsigned char)s[k]) || (broken && s[k] == ' ' && isdigit((unsigned char)s[k + 1]) && k > j))
		k++;
	return k > j ? k : 0;
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

bool pm_is_print_stamp(const char *s, size_t n)
{
	if (n < 5 || n > 6)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* The footnote separator: a line of at least five underscores. */
static bool pm_is_rule(const char *s, size_t n)
{
	size_t rule = 0;
	while (rule < n && s[rule] == '_')
		rule++;
	return rule >= 5 && rule == n;
}

/* "*1522378*", or the run of backticks older fonts extract instead. */
static bool is_barcode(const char *s)
{
	if (s[0] == '*') {
		size_t i = 1;
		while (isdigit((unsigned char)s[i]))
			i++;
		return i >= 6 && s[i] == '*' && !*skip_spaces(s + i + 1);
	}
	size_t ticks = strspn(s, "`");
	return ticks >= 6 && !*skip_spaces(s + ticks);
}

const char *pm_line_kind(const char *line)
{
	const char *s = skip_spaces(line);
	if (!*s)
		return NULL;
	size_t n;
	if ((n = pm_job_number(s))) {
		const char *rest = skip_spaces(s + n);
		if (!*rest) return "job number";
		size_t m = pm_page_of_pages(rest, false);
		if (m && !*skip_spaces(rest + m)) return "page footer";
		if ((m = pm_job_number(rest)) && !*skip_spaces(rest + m)) return "page footer";
		return NULL;
	}
	if ((n = pm_page_of_pages(s, true)) && !*skip_spaces(s + n))
		return "page number";
	if ((n = pm_page_of_pages(s, false))) {
		const char *rest = skip_spaces(s + n);
		if (!*rest) return "page number";
		size_t m = pm_job_number(rest);
		if (m && !*skip_spaces(rest + m)) return "page footer";
		return NULL;
	}
	if (is_barcode(s)) return "barcode";
	/* "Please recycle", and as the French and Spanish editions print it */
	if (!strcmp(s, "Please recycle") || !strncmp(s, "Please recycle ", 15) || !strcmp(s, "Merci de recycler") ||
	    !strcmp(s, "Sírvase reciclar"))
		return "recycling mark";
	size_t len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (pm_is_rule(s, len)) return "footnote rule";
	return NULL;
}

const char *pm_job_number_in(const char *line, size_t *len)
{
	const char *s = skip_spaces(line);
	size_t n = pm_job_number(s);
	if (!n) {
		/* "2/16 16-00001": the page first, on even pages */
		size_t m = pm_page_of_pages(s, false);
		if (!m)
			return NULL;
		s = skip_spaces(s + m);
		n = pm_job_number(s);
	}
	*len = n;
	return n ? s : NULL;
}
