/* layout.c — telling the three kinds of extracted text apart, from the
 * shape of their lines alone (DESIGN §2b).
 *
 * A paragraph per line (the seeds, Markdown): lines run to hundreds of
 * characters, a blank line between them.  pdftotext's default mode: one
 * line per printed line, so line widths cluster under the page's measure
 * (70 to 110 characters on an A4 UN page), and a sentence runs on from one
 * line into the next, which opens in lower case.  pdftotext -layout: the
 * same lines, with the page's indentation kept as leading spaces and the
 * columns of the cover and of tables as wide gaps.  Form feeds say a page
 * ended, in either pdftotext mode. */
#include "read/layout.h"

#include <ctype.h>
#include <string.h>

#include "doc/printmarks.h"
#include "doc/unlang.h"

/* Does the line carry Markdown's own syntax (a heading, a footnote, a
 * table row, emphasis, a link)?  Hard-wrapped Markdown is Markdown. */
static bool markdown_line(const char *s, size_t n)
{
	if (n && (s[0] == '#' || s[0] == '|' || s[0] == '>'))
		return true;
	if (n > 2 && s[0] == '[' && s[1] == '^')
		return true;
	/* "**bold**", "](link)", "<sup>": looked for where the first byte is */
	for (const char *p = s; (p = memchr(p, '*', (size_t)(s + n - p))) && p + 1 < s + n; p++)
		if (p[1] == '*')
			return true;
	for (const char *p = s; (p = memchr(p, ']', (size_t)(s + n - p))) && p + 1 < s + n; p++)
		if (p[1] == '(')
			return true;
	for (const char *p = s; (p = memchr(p, '<', (size_t)(s + n - p))) && p + 1 < s + n; p++)
		if (p[1] == 's')
			return true;
	return false;
}

/* Width in characters (UTF-8 lead bytes) of s[0..n). */
static unsigned width_of(const char *s, size_t n)
{
	unsigned w = 0;
	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)s[i] & 0xc0) != 0x80;
	return w;
}

static bool ends_sentence(char c)
{
	return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* Does a line open as a sentence's words go on: in lower case (of any
 * script), or with a
 * number inside the sentence ("24 December" / "2008, 66/234 of …"), not
 * a paragraph's or an item's number ("1. The", "2) the"). */
static bool runs_on(const char *s, size_t n)
{
	/* a small letter of any script: French "à", Russian lines run on
	 * in Cyrillic */
	size_t ll;
	if (islower((unsigned char)s[0]) ||
	    ((unsigned char)s[0] >= 0x80 && un_is_letter(s, n, &ll) && !un_is_upper(s, n)))
		return true;
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (!i || i == n)
		return false;
	return s[i] == ',' || s[i] == ';' || s[i] == '/' || (s[i] == ' ' && i + 1 < n && islower((unsigned char)s[i + 1]));
}

/* Does s[0..n) end in a Han character, which ends no sentence (Chinese
 * sets no spaces, so a line that wraps mid-sentence ends in one and the
 * next opens with one)? */
static bool ends_in_han(const char *s, size_t n)
{
	size_t len;
	return n >= 3 && un_is_cjk(s + n - 3, 3, &len) && len == 3 && (unsigned char)s[n - 3] >= 0xe4;
}

enum text_layout layout_detect(const char *text, size_t len, struct layout_evidence *out)
{
	struct layout_evidence ev = {0};
	/* widths in a histogram (the percentile without a sort); wider
	 * lines share the last bucket */
	enum { MAX_WIDTH = 512 };
	size_t histogram[MAX_WIDTH + 1] = {0};
	char prev_last = 0;
	bool prev_text = false, prev_han = false;
	const char *end = text + len;
	for (const char *p = text; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
		const char *s = p;
		size_t m = n;
		while (m && *s == '\f')
			s++, m--, ev.form_feeds++;
		size_t lead = 0;
		while (lead < m && s[lead] == ' ')
			lead++;
		while (m > lead && (s[m - 1] == ' ' || s[m - 1] == '\t' || s[m - 1] == '\r'))
			m--;
		if (m > lead) {
			ev.lines++;
			unsigned w = width_of(s + lead, m - lead);
			histogram[w < MAX_WIDTH ? w : MAX_WIDTH]++;
			if (lead >= 2)
				ev.indented++;
			ev.markdown += markdown_line(s + lead, m - lead);
			if (m - lead < 64) {
				char line[64];
				memcpy(line, s + lead, m - lead);
				line[m - lead] = '\0';
				ev.printmarks += pm_line_kind(line) != NULL;
			}
			/* a gap of three spaces between words: q[0..3) spaces, q[3]
			 * within the line */
			const char *stop = s + m - 3;
			for (const char *q = s + lead + 1; q < stop && (q = memchr(q, ' ', (size_t)(stop - q))); q++)
				if (q[1] == ' ' && q[2] == ' ' && q[-1] != ' ') {
					ev.gapped++;
					break;
				}
			if (prev_text) {
				ev.pairs++;
				size_t cl;
				if ((!ends_sentence(prev_last) && runs_on(s + lead, m - lead)) ||
				    (prev_han && un_is_cjk(s + lead, m - lead, &cl)))
					ev.continuing++;
			}
			prev_last = s[m - 1];
			prev_han = ends_in_han(s + lead, m - lead);
			prev_text = true;
		} else {
			prev_text = false;
		}
		p += n + (eol ? 1 : 0);
	}
	size_t seen = 0, want = ev.lines - ev.lines / 10;
	for (unsigned w = 0; w <= MAX_WIDTH && ev.lines; w++) {
		seen += histogram[w];
		if (seen >= want) {
			ev.measure = w;
			break;
		}
	}
	if (out)
		*out = ev;
	/* printed lines are narrow; a paragraph per line is not */
	if (ev.lines < 10 || ev.measure > 160 || ev.measure < 30)
		return LAYOUT_PARAGRAPHS;
	if (ev.markdown * 10 >= ev.lines)
		return LAYOUT_PARAGRAPHS;
	if (ev.indented * 10 >= ev.lines * 3 || ev.gapped * 20 >= ev.lines * 3)
		return LAYOUT_COLUMNS;
	/* sentences that run on from line to line; a page that ended (a form
	 * feed, a job number or barcode) makes a little such evidence enough */
	if ((ev.pairs >= 8 && ev.continuing >= 4) ||
	    ((ev.form_feeds || ev.printmarks) && ev.pairs >= 4 && ev.continuing >= 2))
		return LAYOUT_WRAPPED;
	/* a one-page resolution, a few sentences only: a page that ended and
	 * a print mark (the job number) both, and one sentence run on, or
	 * none but many lines in a row with no blank line between them (a
	 * text of a paragraph per line sets its paragraphs apart) */
	if (ev.form_feeds && ev.printmarks && ((ev.pairs >= 4 && ev.continuing >= 1) || ev.pairs >= 8))
		return LAYOUT_WRAPPED;
	return LAYOUT_PARAGRAPHS;
}

const char *layout_name(enum text_layout layout)
{
	switch (layout) {
	case LAYOUT_WRAPPED: return "line-wrapped (a line per printed line, as pdftotext writes)";
	case LAYOUT_COLUMNS: return "printed lines with columns (as pdftotext -layout writes)";
	default: return "a paragraph per line";
	}
}
