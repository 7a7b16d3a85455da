/* paragraphs.c — printed lines back into paragraphs (DESIGN §2b).
 *
 * Between two body lines the reader decides: does the second go on with
 * the paragraph of the first, or open a new one?  The evidence, strongest
 * first:
 *   - a unit that opens a line: a paragraph number ("12." alone, or "12. "
 *     before text), a lettered or roman item ("(a)", "(ii)"), a bullet, a
 *     heading ("I. Introduction", "A. …", "Annex II", "Guideline 4"), the
 *     enacting formula ("The General Assembly,"), a signature; in a
 *     resolution, a preambular clause's opening participle after a clause
 *     that ended with a comma, an operative verb after one that ended with
 *     a semicolon (UN resolutions are built of such clauses, AKN4UN);
 *   - a sentence that runs on: the second line opens in lower case, the
 *     first ends with "of", "the", "and" …, or inside brackets;
 *   - the width of the first line: the next word would have fitted on it,
 *     so the typesetter ended the paragraph there;
 *   - a blank line (pdftotext leaves one between blocks it sees apart).
 * A number printed after the first line of its paragraph (older layouts:
 * "… women at all" / "1." / "decision-making …") goes back to that line.
 * Line-end hyphens are resolved with the document's own usage and the
 * dictionary.  With -v every decision that is not plain running text is
 * reported with its evidence. */
#include "read/paragraphs.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc/un.h"
#include "doc/unlang.h"
#include "doc/wordlist.h"
#include "read/compounds.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* --- what a line opens with ------------------------------------------- */

static bool is_space_or_end(const struct pline *l, unsigned i)
{
	return i >= l->len || l->s[i] == ' ';
}

/* "12." alone, or "12. Text": digits (at most three) and a full stop.
 * Returns the number, 0 if none; *alone when nothing follows. */
static int paragraph_number(const struct pline *l, bool *alone)
{
	unsigned i = 0;
	int v = 0;
	while (i < l->len && isdigit((unsigned char)l->s[i]) && i < 4)
		v = v * 10 + (l->s[i++] - '0');
	if (!i || i > 3 || i >= l->len || l->s[i] != '.' || !is_space_or_end(l, i + 1))
		return 0;
	*alone = i + 1 == l->len;
	return v;
}

static bool roman_lower(const char *s, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (!strchr("ivxl", s[i]))
			return false;
	return n > 0;
}

/* "(a)", "(ii)", "(aa)" alone or before text; "a)", "ii)" as French and
 * Spanish print them.  Returns the label's length with its parentheses,
 * 0 if none. */
static unsigned item_label(const struct pline *l, bool *alone)
{
	unsigned open = l->len && l->s[0] == '(';
	if (l->len < 2 + open)
		return 0;
	unsigned i = open;
	while (i < l->len && islower((unsigned char)l->s[i]) && i < 5 + open)
		i++;
	if (i == open || i >= l->len || l->s[i] != ')')
		return 0;
	unsigned n = i - open;
	const char *label = l->s + open;
	/* a letter, a doubled letter, or a roman numeral */
	if (!(n == 1 || (n == 2 && label[0] == label[1]) || roman_lower(label, n)))
		return 0;
	if (!is_space_or_end(l, i + 1))
		return 0;
	*alone = i + 1 == l->len;
	return i + 1;
}

/* A bullet the printed list used: "•", "◦", "▪", "●", "○", "■", "–" + space. */
static unsigned bullet(const struct pline *l)
{
	static const char *const marks[] = {"\xe2\x80\xa2", "\xe2\x97\xa6", "\xe2\x96\xaa", "\xe2\x97\x8f",
					    "\xe2\x97\x8b", "\xe2\x96\xa0", "\xef\x82\xb7"};
	for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
		size_t n = strlen(marks[k]);
		if (l->len > n && !memcmp(l->s, marks[k], n) && l->s[n] == ' ')
			return (unsigned)n + 1;
	}
	return 0;
}

static bool starts_with_n(const struct pline *l, const char *p)
{
	size_t n = strlen(p);
	return l->len >= n && !memcmp(l->s, p, n);
}

static bool roman_upper(const char *s, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (!strchr("IVXL", s[i]))
			return false;
	return n > 0;
}

/* "Agenda item 100 (a)", "Point 58 de l’ordre du jour": an agenda
 * item's number on the cover (doc/unlang.h). */
static bool agenda_line(const struct un_lang *L, const struct pline *l)
{
	size_t o = un_opens_with(l->s, l->len, L->agenda_opens);
	if (!o || l->kind != PL_TEXT || l->len >= (L->agenda_has ? 80u : 40u))
		return false;
	for (size_t k = 0; L->agenda_has && L->agenda_has[k]; k++) {
		size_t n = strlen(L->agenda_has[k]);
		for (size_t i = o; i + n <= l->len; i++)
			if (!memcmp(l->s + i, L->agenda_has[k], n))
				return true;
	}
	return !L->agenda_has;
}

/* "IV." or "B." alone on its line: a heading's number, its title on the
 * next line (set in a column of its own). */
static bool heading_number_alone(const struct pline *l)
{
	if (l->len < 2 || l->s[l->len - 1] != '.')
		return false;
	if (l->len == 2 && isupper((unsigned char)l->s[0]))
		return true;
	for (unsigned i = 0; i + 1 < l->len; i++)
		if (!strchr("IVXL", l->s[i]))
			return false;
	return true;
}

/* "78/123.": a resolution's number alone on its line; its title follows. */
static bool resolution_number_alone(const struct pline *l)
{
	unsigned d = 0;
	while (d < l->len && (isdigit((unsigned char)l->s[d]) || l->s[d] == '/'))
		d++;
	return d >= 3 && d + 1 == l->len && l->s[d] == '.' && memchr(l->s, '/', d);
}

/* A heading with a title that may run on to more lines: "I. Title",
 * "A. Title", "Annex to the letter dated …". */
static bool titled_heading_form(const struct un_lang *L, const struct pline *l)
{
	unsigned i = 0;
	while (i < l->len && strchr("IVXL", l->s[i]))
		i++;
	if (i && i + 2 < l->len && l->s[i] == '.' && l->s[i + 1] == ' ' && un_is_upper(l->s + i + 2, l->len - i - 2))
		return true;
	if (l->len > 3 && isupper((unsigned char)l->s[0]) && l->s[1] == '.' && l->s[2] == ' ' &&
	    un_is_upper(l->s + 3, l->len - 3))
		return true;
	/* a letter's annex: "Annex to the letter dated …", "Annexe à la
	 * lettre datée du …" */
	return un_opens_with(l->s, l->len, L->annex_of) > 0;
}

/* A heading's form: a titled heading, or a line that is only a word and
 * its number ("Annex", "Annex II", "Enclosure", "Guideline 4",
 * "Article 12", "Resolution 2700 (2023)", "Part B"; "Annexe",
 * "Anexo II", "Résolution 2700 (2023)"). */
static bool heading_form(const struct un_lang *L, const struct pline *l)
{
	if (titled_heading_form(L, l))
		return true;
	if (un_word_in(l->s, l->len, L->annex))
		return true;
	if (resolution_number_alone(l))
		return true;
	/* Word + number, nothing else */
	if (!un_is_upper(l->s, l->len) || l->len > 40)
		return false;
	unsigned w = (unsigned)un_word_len(l->s, l->len);
	if (w < 4 || w >= l->len || l->s[w] != ' ')
		return false;
	const char *num = l->s + w + 1;
	unsigned n = l->len - w - 1;
	unsigned d = 0;
	while (d < n && (isdigit((unsigned char)num[d]) || num[d] == '/'))
		d++;
	if (d && (d == n || (num[d] == '.' && d + 1 == n) ||
		  (num[d] == ' ' && num[d + 1] == '(' && num[n - 1] == ')' && n - d <= 8)))
		return true;
	unsigned r = 0;
	while (r < n && strchr("IVXL", num[r]))
		r++;
	if (r && roman_upper(num, r) && (r == n || (num[r] == '.' && r + 1 == n)))
		return true;
	return n == 1 && isupper((unsigned char)num[0]);
}

/* "80th plenary meeting", "9214th meeting" ("50e séance plénière",
 * "50ª sesión plenaria"): the meeting that closes a resolution (AKN4UN
 * conclusions). */
static bool meeting_line(const struct un_lang *L, const struct pline *l)
{
	return un_meeting_line(L, l->s, l->len, false);
}

/* "The General Assembly,", "The Security Council,", "The Conference of
 * the Parties …,": the enacting formula that opens a resolution. */
static bool formula_form(const struct pline *l)
{
	return un_enacting_formula(l->s, l->len);
}

/* Does s open with a small letter, of any script ("à", "été": French and
 * Spanish lines run on with them)? */
static bool opens_lower(const char *s, size_t n)
{
	size_t len;
	if (n && (unsigned char)s[0] < 0x80)
		return islower((unsigned char)s[0]);
	return un_is_letter(s, n, &len) && !un_is_upper(s, n);
}

/* The first word of a line (letters and hyphens). */
static unsigned first_word(const struct pline *l)
{
	unsigned n = 0;
	while (n < l->len && (isalpha((unsigned char)l->s[n]) || l->s[n] == '-'))
		n++;
	return n;
}

/* A preambular clause opens with a participle or an adjective in italics
 * (*Recalling*, *Noting with concern*, *Deeply alarmed*, *Mindful*): a
 * capitalised English word in -ing or -ed, or one of the adjectives the
 * UN uses there. */
static bool preamble_opening(const struct un_lang *L, const struct pline *l)
{
	if (L->operative_words)	/* French, Spanish: doc/unlang.c */
		return un_preamble_opening(L, l->s, l->len);
	unsigned n = first_word(l);
	if (n < 4 || !isupper((unsigned char)l->s[0]) || (n < l->len && l->s[n] != ' ' && l->s[n] != ','))
		return false;
	if (un_word_in(l->s, n, L->preamble_words))
		return true;
	bool participle = (n > 4 && !memcmp(l->s + n - 3, "ing", 3)) || !memcmp(l->s + n - 2, "ed", 2);
	return participle && wordlist_has(l->s, n);
}

/* An operative clause opens with a verb in the third person (*Decides*,
 * *Requests*, *Calls upon*), or an adverb and one (*Also requests*,
 * *Strongly urges*). */
static bool operative_opening(const struct un_lang *L, const struct pline *l)
{
	if (L->operative_words)	/* French, Spanish: doc/unlang.c */
		return un_operative_opening(L, l->s, l->len);
	unsigned n = first_word(l);
	if (n < 4 || !isupper((unsigned char)l->s[0]))
		return false;
	if (l->s[n - 1] == 's' && wordlist_has(l->s, n))
		return true;
	if ((n == 4 && !memcmp(l->s, "Also", 4)) || (n == 7 && !memcmp(l->s, "Further", 7)) ||
	    (n > 4 && !memcmp(l->s + n - 2, "ly", 2))) {
		unsigned m = n + 1;
		while (m < l->len && islower((unsigned char)l->s[m]))
			m++;
		return m > n + 3 && l->s[m - 1] == 's';
	}
	return false;
}

/* The last word of a line, when it cannot end a paragraph: an article,
 * a preposition, a conjunction of the document's language ("of", "de",
 * "del", "à"). */
static bool ends_with_function_word(const struct un_lang *L, const struct pline *l)
{
	unsigned e = l->len, b = e;
	/* letters, any script's (a byte of a multibyte letter is >= 0x80) */
	while (b > 0 && (isalpha((unsigned char)l->s[b - 1]) || (unsigned char)l->s[b - 1] >= 0x80))
		b--;
	if (b == e || (b > 0 && l->s[b - 1] != ' '))
		return false;
	return un_word_in(l->s + b, e - b, L->line_end_words);
}

/* "… in paragraph" / "8.": a line ending with a word that counts, so a
 * number opening the next line is its number, not a paragraph's. */
static bool ends_with_counting_noun(const struct un_lang *L, const struct pline *l)
{
	unsigned e = l->len, b = e;
	while (b > 0 && l->s[b - 1] != ' ')
		b--;
	return un_word_in(l->s + b, e - b, L->counting_nouns);
}

/* "…; and", "…; or": the end of one item of a list before the next. */
static bool ends_with_list_joint(const struct pline *l)
{
	static const char *const joints[] = {"; and", "; or", ", and", ", or"};
	for (size_t k = 0; k < sizeof joints / sizeof joints[0]; k++) {
		size_t n = strlen(joints[k]);
		if (l->len >= n && !memcmp(l->s + l->len - n, joints[k], n))
			return true;
	}
	return false;
}

/* The visible last character, looking through a closing quote or a note
 * marker. */
static char visible_end(const struct pline *l)
{
	unsigned e = l->len;
	while (e > 0) {
		unsigned char c = (unsigned char)l->s[e - 1];
		if (c == MK_SUP_CLOSE) {
			while (e > 0 && l->s[e - 1] != MK_SUP_OPEN)
				e--;
			if (e)
				e--;
			continue;
		}
		if (e >= 3 && (!memcmp(l->s + e - 3, "\xe2\x80\x9d", 3) || !memcmp(l->s + e - 3, "\xe2\x80\x99", 3))) {
			e -= 3;	/* ” ’ */
			continue;
		}
		if (c == '"' || c == '\'')
		{
			e--;
			continue;
		}
		/* full-width punctuation (Chinese) stands for its ASCII
		 * kind: "，" ',', "；" ';', "。" '.' */
		char fw = un_full_width_end(l->s, e);
		return fw ? fw : (char)c;
	}
	return '\0';
}

/* Does c end a sentence or a clause (',' too)? */
static bool end_is_punctuation(char c)
{
	return c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ',' || c == ')' || c == ']';
}

static bool is_terminal(char c)
{
	return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* The printed width the last line of l had (pages_ems): a line pdftotext
 * made of two (it joins lines across a dropped hyphen) is wider than the
 * measure. */
static unsigned last_segment_ems(const struct pagemodel *pm, const struct pline *l)
{
	unsigned w = l->ems;
	while (w > pm->measure_ems + 8 * 450)
		w -= pm->measure_ems;
	return w;
}

/* Would the next line's first word have fitted on this line, with slack
 * characters to spare?  Then the typesetter broke the line on purpose:
 * the paragraph (or heading, title, list entry) ended.  Judged by the
 * lines' printed widths as their letters give them, not by counts of
 * characters (see pages_ems); a character of slack is a quarter em, what
 * justification may take from or give to a line's spaces. */
static bool short_line(const struct pagemodel *pm, const struct pline *a, const struct pline *b, unsigned slack)
{
	unsigned fw = 0;
	size_t cjk;
	/* a Han character is a word (Chinese sets none apart by spaces) */
	if (un_is_cjk(b->s, b->len, &cjk))
		fw = (unsigned)cjk;
	else
		while (fw < b->len && b->s[fw] != ' ')
			fw++;
	/* a number and the word after it are one unit: the UN binds them
	 * with a no-break space ("9 December", "1994 года", "40 процентов"),
	 * which pdftotext writes as a space */
	if (fw && fw < b->len && isdigit((unsigned char)b->s[0]) && isdigit((unsigned char)b->s[fw - 1])) {
		/* (its groups of thousands too: "500 000 человек") */
		unsigned next;
		do {
			for (next = ++fw; fw < b->len && b->s[fw] != ' ';)
				fw++;
		} while (fw < b->len && fw - next == 3 && isdigit((unsigned char)b->s[next]) &&
			 isdigit((unsigned char)b->s[fw - 1]));
	}
	unsigned used = last_segment_ems(pm, a) + 250 + pages_ems(b->s, fw) + slack * 250;
	/* a paragraph's first line, indented (pdftotext -layout keeps it),
	 * had that much less room than the lines under it: a column of
	 * -layout is about as wide as a full line's average character.  A
	 * first-line indent is a few ems; more is a line set apart (the
	 * cover's date at the right, a centred title). */
	if (a->indent > b->indent && a->indent - b->indent <= 16 && pm->measure)
		used += (a->indent - b->indent) * (pm->measure_ems / pm->measure);
	return used <= pm->measure_ems;
}

/* --- the joiner ---------------------------------------------------------- */

struct para {
	size_t *lines;		/* indexes into pm->lines */
	size_t n, cap;
	int number;		/* a number that stood apart from its text, or 0 */
	unsigned depth_open;	/* brackets open at its end */
};

/* A paragraph as emitted, for the look at the shapes around it at the
 * end (headings). */
struct shape {
	struct block *blk;
	unsigned lines, width;	/* its printed lines and the widest's width */
	bool labelled;		/* one line that is a heading's word and number
				 * ("Guideline 10", "Article 5") */
	bool cell;		/* short lines only, not a sentence: may be a
				 * table's cell */
	bool short_title;	/* one short line (or two, the first ending
				 * mid-phrase) in capitals and without the
				 * punctuation that ends a sentence or clause */
};

struct joiner {
	struct pagemodel *pm;
	struct shape *shapes;
	size_t nshapes, cap_shapes;
	struct page_notes *notes;
	size_t notes_done_page;	/* pages whose notes were emitted: [0, this) */
	int last_number;	/* the last paragraph number that opened a paragraph */
	bool under_heading;	/* the paragraphs since a heading were title lines */
	bool front;		/* still in the cover and title lines of the first page */
	const struct pline *after_cur;	/* the line after the one being decided */
	bool title_after_number;	/* after "78/123.", before the formula */
	size_t para_lines_before;	/* lines of the paragraph that the last break ended */
	bool para_heading;	/* the paragraph under way opened with a heading */
	bool resolution;	/* after an enacting formula */
	bool operative;		/* … and after its first operative paragraph */
	bool prev_formula;	/* the line before was the enacting formula */
	int agenda;		/* on the cover: 1 after the agenda item's line, 2 in
				 * its title's lines (until a blank line) */
	const struct un_lang *L;	/* the UN's words in the document's language */
	struct para para;
	/* the document's own words, for line-end hyphens (built when needed) */
	struct word_set *words;
	struct compounds *compounds;	/* its hyphenated compounds (Russian) */
};

static void para_add(struct para *p, size_t line)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->lines = xrealloc(p->lines, p->cap * sizeof *p->lines);
	}
	p->lines[p->n++] = line;
}

static int bracket_balance(const struct pline *l)
{
	int depth = 0;
	if (!memchr(l->s, '(', l->len) && !memchr(l->s, ')', l->len) && !memchr(l->s, '[', l->len) &&
	    !memchr(l->s, ']', l->len))
		return 0;
	for (unsigned i = 0; i < l->len; i++)
		depth += (l->s[i] == '(' || l->s[i] == '[') - (l->s[i] == ')' || l->s[i] == ']');
	return depth;
}

/* Is the character before s[at] (at > 0) a letter, of any script? */
static bool letter_before(const char *s, unsigned at)
{
	unsigned start = at - 1;
	size_t len;
	if ((unsigned char)s[start] < 0x80)
		return isalpha((unsigned char)s[start]);
	while (start > 0 && at - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	return un_is_letter(s + start, at - start, &len) && start + len == at;
}

/* Does the document write the last word of a and the first of b together,
 * one after the other, elsewhere ("United Nations", "Working Group"), in
 * its text or in a running head? */
static bool words_go_together(struct joiner *j, const struct pline *a, const struct pline *b)
{
	unsigned e = a->len, s0 = e;
	while (s0 > 0 && a->s[s0 - 1] != ' ')
		s0--;
	unsigned fw = 0;
	for (size_t len; fw < b->len && un_is_letter(b->s + fw, b->len - fw, &len);)
		fw += (unsigned)len;	/* letters of any script: "Наций" */
	char pair[96];
	if (e == s0 || !fw || e - s0 + fw + 2 > sizeof pair)
		return false;
	memcpy(pair, a->s + s0, e - s0);
	pair[e - s0] = ' ';
	memcpy(pair + (e - s0) + 1, b->s, fw);
	size_t n = e - s0 + 1 + fw;
	struct pagemodel *pm = j->pm;
	/* the evidence is near the title: the first pages (a report's text
	 * does not have to be read whole for each title line) */
	size_t lines = pm->nlines < 2000 ? pm->nlines : 2000, len;
	for (size_t i = 0; i < lines; i++) {
		const struct pline *l = &pm->lines[i];
		/* the running heads count: they repeat the title whole */
		if (l == a || l->kind == PL_BLANK || l->kind == PL_RULE || l->len < n)
			continue;
		for (unsigned k = 0; k + n <= l->len; k++)
			if (l->s[k] == pair[0] && !memcmp(l->s + k, pair, n) &&
			    (k + n == l->len || !un_is_letter(l->s + k + n, l->len - k - n, &len)) &&
			    (k == 0 || !letter_before(l->s, k)))
				return true;
	}
	return false;
}

/* The rest of breaks_before: what the lines' widths and a blank line
 * between them say, once no opening, number or heading has decided. */
static bool breaks_by_width(struct joiner *j, const struct pline *prev, const struct pline *cur, bool blank,
			    char end, const char **why)
{
	/* "… the Working" / "Group on International Cooperation": a title
	 * set over lines of its own width runs on where the document says
	 * the two words go together */
	if (j->front && un_is_upper(cur->s, cur->len) && !is_terminal(end) && end != ',' && end != ')' &&
	    end != ']' && words_go_together(j, prev, cur))
		return *why = "a title's words that go together", false;
	/* A paragraph's first line is indented in the UN's layout (its
	 * clauses and paragraphs by some 3 ems): without -layout's columns
	 * to show it, a first line had that much less room. */
	unsigned slack = 10;
	bool alone = false;	/* "1." on a line of its own, then the first line */
	bool first = j->para.n == 1 ||
		     (j->para.n == 2 && paragraph_number(&j->pm->lines[j->para.lines[0]], &alone) && alone);
	if (first && !j->front && !prev->indent && !cur->indent)
		slack += 16;
	if (short_line(j->pm, prev, cur, slack))
		return *why = "the line before is short", true;
	/* "… as follows." / "North" / (blank): a short line standing alone
	 * after a sentence is no part of it (a list's entry, a table's cell) */
	if (is_terminal(end) && cur->width * 2 < j->pm->measure &&
	    (!j->after_cur || j->after_cur->kind == PL_BLANK || j->after_cur->width * 2 < j->pm->measure))
		return *why = "a short line alone after a sentence", true;
	/* Under a heading, titles are set line by line, narrower than the
	 * text: a title line the next word would have fitted on, followed
	 * by a full line of text, ended the title. */
	if (j->under_heading && short_line(j->pm, prev, cur, 0) && cur->width * 20 >= j->pm->measure * 17)
		return *why = "a title before the text", true;
	if (blank && (is_terminal(end) || end == ')' || end == ']'))
		return *why = "a blank line after a sentence", true;
	return *why = "running text", false;
}

/* In a language whose clauses open in small letters (Russian), does cur
 * open a resolution's clause after a clause that ended? */
static bool lower_clause_opening(struct joiner *j, const struct pline *prev, const struct pline *cur)
{
	char end = visible_end(prev);
	return j->L->lower_openings && j->resolution && (end == ',' || end == ';' || end == '.') &&
	       (preamble_opening(j->L, cur) || operative_opening(j->L, cur));
}

/* In a language set without spaces (Chinese), every line of a clause but
 * its first and last is full (the text is justified and any character
 * may end a line): in the preamble, a line short of the measure by an em
 * or more that ends no clause, after a line that did, with more text
 * after it, is a clause's first line, indented.  (English and the others
 * tell a clause's first line by its words; operative paragraphs open
 * with their numbers, hung, and their lines are not all of one width.) */
static bool indented_first_line(struct joiner *j, const struct pline *cur, char end)
{
	char cur_end = visible_end(cur);
	return j->L->no_spaces && j->resolution && !j->operative && (end == ',' || end == ';' || end == '.') &&
	       cur->ems + 1000 <= j->pm->measure_ems && cur_end != ',' && cur_end != ';' && cur_end != '.' &&
	       cur_end != ':' && j->after_cur && j->after_cur->kind == PL_TEXT;
}

/* Where -layout kept the lines' indents (the text's left margin is
 * some columns in), does cur's indent allow it to open a clause: more
 * than the line before (a clause's first line is indented), or as much
 * as a line before that opened a clause itself?  Without indents (the
 * reading order), nothing is known: yes. */
static bool indent_allows_clause(struct joiner *j, const struct pline *prev, const struct pline *cur)
{
	if (!prev->indent && !cur->indent)
		return true;
	return cur->indent > prev->indent || (cur->indent == prev->indent && j->para.n == 1);
}

/* The lines of a resolution's clauses: a preambular clause opens after
 * a comma, a heading groups clauses, an operative clause opens after
 * its preamble or the clause before.  1: a break, 0: none, -1: these
 * say nothing. */
static int clause_break(struct joiner *j, const struct pline *prev, const struct pline *cur, char end, bool lower_clause,
			const char **why)
{
	if (indented_first_line(j, cur, end))
		return *why = "a clause's first line, indented", 1;
	/* … and where the line before is full, so its width cannot tell (a
	 * clause of one line, indented; a clause's last line), a clause's
	 * verb after its comma opens the next.  (A clause may go on with
	 * another verb after a comma, "…有关规定，" / "重申需要…": rarely at
	 * a line's end; measured, the rule gains far more than it costs.) */
	if (j->L->no_spaces && j->resolution && !j->operative && (end == ',' || end == ';') &&
	    un_cjk_clause_opening(j->L, cur->s, cur->len) && indent_allows_clause(j, prev, cur))
		return *why = "a preambular clause's verb after a clause's end", 1;
	if (j->resolution && !j->operative && (end == ',' || end == ';' || end == '.') && preamble_opening(j->L, cur))
		return *why = "a preambular clause", 1;
	/* "… rural communities," / "Small island developing States" /
	 * "Noting with concern …": a preambular clause ends with its comma,
	 * so a line without one between it and the next clause is no part of
	 * it: a heading that groups the clauses */
	char cur_end = visible_end(cur);
	if (j->resolution && !j->operative && end == ',' && j->after_cur && j->after_cur->kind != PL_BLANK &&
	    preamble_opening(j->L, j->after_cur) && !is_terminal(cur_end) && cur_end != ',' && cur_end != ';' &&
	    cur_end != ':' && !ends_with_function_word(j->L, cur))
		return *why = "a heading between preambular clauses", 1;
	if (j->resolution && (end == ';' || end == '.') && operative_opening(j->L, cur) &&
	    (!opens_lower(cur->s, cur->len) || lower_clause))
		return *why = "an operative clause", 1;
	/* "Having considered the report …," / "Takes note of the report.":
	 * a resolution of one operative paragraph prints no number, and a
	 * clause's comma ends the preamble before it */
	if (j->resolution && !j->operative && end == ',' && operative_opening(j->L, cur) &&
	    !preamble_opening(j->L, cur) && (!opens_lower(cur->s, cur->len) || lower_clause))
		return *why = "an unnumbered operative paragraph after the preamble", 1;
	return -1;
}

/* Chinese: an agenda item's title set over lines narrower than the text
 * ("…包括增进人权和 基本自由切实享受的各种" / "途径"): a wide cover line
 * that ends in no punctuation goes on (any character may end a line, and
 * the cover's short lines, "大会", "第七十八届会议", are facts of their
 * own). */
static bool cjk_cover_title_runs_on(struct joiner *j, const struct pline *prev, bool blank, char end)
{
	size_t len;
	return j->L->no_spaces && !blank && j->front && prev->page == 0 && !j->resolution && !j->last_number &&
	       !end_is_punctuation(end) && !un_full_width_end(prev->s, prev->len) &&
	       prev->ems * 2 >= j->pm->measure_ems && prev->len >= 3 && un_is_cjk(prev->s + prev->len - 3, 3, &len) &&
	       len == 3;
}

/* Russian capitalises a title's first word only, and the names in it:
 * on the cover, the agenda item's title goes on over a line that opens
 * with one ("… финансирования операций" / "Организации Объединенных
 * Наций по поддержанию мира") until the blank line pdftotext leaves
 * under it, a sentence's end or the adoption line (its own rule). */
static bool agenda_title_runs_on(const struct joiner *j, const struct pline *prev, bool blank, char end)
{
	return j->agenda == 2 && !blank && j->L->lower_openings && prev->page == 0 && !j->resolution &&
	       !j->last_number && !is_terminal(end);
}

/* The formula, or (Russian, between a resolution's number and its
 * formula) the organ's name alone, "Генеральная Ассамблея", its comma
 * left out as the UN's texts now and then do. */
static bool formula_line(const struct joiner *j, const struct pline *l)
{
	return formula_form(l) ||
	       (j->L->lower_openings && j->title_after_number && !j->resolution && un_organ_name(l->s, l->len));
}

/* The first page's cover, before the resolution's formula and
 * paragraphs: its items are blocks, and an agenda item's title goes on
 * over lines that look short.  1 (a break), 0 (joined) or -1 (the cover
 * says nothing). */
static int cover_break(struct joiner *j, const struct pline *prev, const struct pline *cur, bool blank, char end,
		       const char **why)
{
	/* "Agenda item 100 (a)" / "Review and implementation of the … Twelfth"
	 * / "Special Session …": the agenda item's title, printed under its
	 * number in a column narrower than the text, goes on to the blank
	 * line that ends its block, however short its lines look */
	if (!blank && j->front && prev->page == 0 && !j->resolution && !j->last_number && j->para.n &&
	    j->para.lines[0] > 0 && agenda_line(j->L, &j->pm->lines[j->para.lines[0] - 1]) &&
	    !heading_form(j->L, cur))
		return *why = "an agenda item's title runs on to its block's end", 0;
	/* On the first page, before the resolution's formula and paragraphs,
	 * the cover's items are blocks that pdftotext sets apart with a blank
	 * line: the agenda item's title ends there, however wide its last
	 * line (one pdftotext made of two is as wide as the text). */
	if (blank && isupper((unsigned char)cur->s[0]) && prev->page == 0 && !j->resolution && !j->last_number &&
	    !ends_with_function_word(j->L, prev))
		return *why = "a blank line on the cover", 1;
	/* … and within such a block, a line ending in a comma or a colon
	 * goes on: an agenda item's title set over lines ("… in the Teaching,
	 * Study," / "Dissemination and Wider Appreciation …"; "Financing of
	 * the United Nations peacekeeping forces in the Middle East:" /
	 * "United Nations Disengagement Observer Force") */
	if (!blank && (end == ',' || end == ':') && j->front && prev->page == 0 && !j->resolution && !j->last_number)
		return *why = end == ',' ? "a title on the cover runs on after a comma"
					 : "a title on the cover runs on after a colon", 0;
	if (agenda_title_runs_on(j, prev, blank, end))
		return *why = "the agenda item's title runs on to its blank line", 0;
	if (cjk_cover_title_runs_on(j, prev, blank, end))
		return *why = "a title on the cover runs on mid-phrase", 0;
	return -1;
}

/* Lines break into paragraphs here?  why: the evidence, for -v. */
static bool breaks_before(struct joiner *j, const struct pline *prev, const struct pline *cur, bool blank,
			  const char **why)
{
	bool alone;
	if (paragraph_number(prev, &alone) && alone)
		return *why = "a paragraph number stands alone", false;
	if (item_label(prev, &alone) && alone)
		return *why = "an item's label stands alone", false;
	if (heading_number_alone(prev))
		return *why = "a heading's number stands alone", false;
	if (heading_number_alone(cur))
		return *why = "a heading's number", true;
	/* a line opening in lower case opens nothing (half the lines: the
	 * tests below are for lines that do) */
	/* (French and Spanish label items "a)", "b)": such a label opens a
	 * line in lower case and still opens something) */
	bool bare_label = cur->s[0] != '(' && item_label(cur, &alone);
	/* (Russian opens its clauses in small letters: *ссылаясь*, *просит*) */
	bool lower_clause = lower_clause_opening(j, prev, cur);
	if (opens_lower(cur->s, cur->len) && !bare_label && !lower_clause && !j->prev_formula &&
	    !starts_with_n(prev, "(Signed)"))
		return *why = "the sentence runs on", false;
	int number = paragraph_number(cur, &alone);
	if (number && !ends_with_counting_noun(j->L, prev) &&
	    (alone || !ends_with_function_word(j->L, prev) || number == j->last_number + 1))
		return *why = "a paragraph number", true;
	/* "… decided to recommend to the General Assembly" / "(a) to take
	 * note of …": an enumeration inside a sentence, which a line's end
	 * happened to start on a line (the UN's list items open in capitals,
	 * after a colon or the item before) */
	unsigned label = item_label(cur, &alone);
	if (label && !alone && label + 1 < cur->len && islower((unsigned char)cur->s[label + 1]) &&
	    !is_terminal(visible_end(prev)) && visible_end(prev) != ',')
		return *why = "an enumeration inside the sentence runs on", false;
	/* "…; or" / "(b)": the joint of a list, not a phrase going on */
	if (label && !ends_with_counting_noun(j->L, prev) &&
	    (!ends_with_function_word(j->L, prev) || ends_with_list_joint(prev)))
		return *why = "an item", true;
	if (bullet(cur))
		return *why = "a bullet", true;
	if (formula_line(j, cur))
		return *why = "the enacting formula", true;
	if (j->prev_formula)
		return *why = "after the enacting formula", true;
	/* between a resolution's number and its formula there is its title
	 * and nothing else, however its lines were set */
	if (j->title_after_number && !resolution_number_alone(prev) && !heading_form(j->L, cur))
		return *why = "the resolution's title runs on to its formula", false;
	if (starts_with_n(cur, "(Signed)"))
		return *why = "a signature", true;
	if (starts_with_n(prev, "(Signed)"))
		return *why = "after a signature", true;
	if (heading_form(j->L, cur))
		return *why = "a heading", true;
	/* "Resolution adopted by the General Assembly on …": a cover line of
	 * its own, whatever the line above ends with ("… energy for all") */
	if (j->front && un_adoption_line(j->L, cur->s, cur->len))
		return *why = "the adoption line", true;
	if (meeting_line(j->L, cur))
		return *why = "the closing meeting", true;
	char end = visible_end(prev);
	int clause = clause_break(j, prev, cur, end, lower_clause, why);
	if (clause >= 0)
		return clause;
	if (opens_lower(cur->s, cur->len) && !bare_label && !lower_clause)
		return *why = "the sentence runs on", false;
	/* "… disease 2019" / "(COVID-19)": a parenthesis goes on with the
	 * phrase before it */
	if (cur->s[0] == '(' && !is_terminal(end) && !item_label(cur, &alone))
		return *why = "a parenthesis goes on", false;
	if (ends_with_function_word(j->L, prev) || prev->s[prev->len - 1] == '-')
		return *why = "the line ends mid-phrase", false;
	/* inside brackets, unless a blank line says otherwise: a bracket
	 * left open (a table's cell cut short) must not swallow what follows */
	if (j->para.depth_open > 0 && !blank)
		return *why = "inside brackets", false;
	/* a titled heading goes on while its lines are full (its own,
	 * narrower measure) and no sentence ended */
	if (titled_heading_form(j->L, prev) && !is_terminal(end) && prev->width * 3 >= j->pm->measure * 2 &&
	    !heading_form(j->L, cur))
		return *why = "a heading's title runs on", false;
	if (heading_form(j->L, prev))
		return *why = "after a heading", true;
	int cover = cover_break(j, prev, cur, blank, end, why);
	if (cover >= 0)
		return cover;
	return breaks_by_width(j, prev, cur, blank, end, why);
}

/* --- the text of a paragraph ---------------------------------------------- */

/* A set of the document's words (lower case), and of its hyphenated
 * compounds, for line-end hyphens: "non-" + "governmental" is kept as the
 * document writes it elsewhere. */
struct word_entry {
	const char *s;		/* into the source lines (not NUL-terminated) */
	unsigned len;
	unsigned hash;
};

struct word_set {
	struct word_entry *slots;	/* s == NULL: empty */
	size_t cap;
};

/* The word list's hash (doc/wordlist.h), kept in 32 bits. */
static unsigned hash_lower(const char *s, size_t n)
{
	return (unsigned)word_hash(s, n);
}

static bool set_has(const struct word_set *set, const char *s, size_t n)
{
	unsigned h = hash_lower(s, n);
	for (size_t i = h & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
		const struct word_entry *e = &set->slots[i];
		if (!e->s)
			return false;
		if (e->hash == h && e->len == n && word_same(e->s, s, n))
			return true;
	}
}

static void set_add(struct word_set *set, const char *s, size_t n)
{
	unsigned h = hash_lower(s, n);
	size_t i = h & (set->cap - 1);
	for (; set->slots[i].s; i = (i + 1) & (set->cap - 1))
		if (set->slots[i].hash == h && set->slots[i].len == n && word_same(set->slots[i].s, s, n))
			return;
	set->slots[i] = (struct word_entry){s, (unsigned)n, h};
}

static struct word_set *document_words(struct pagemodel *pm)
{
	struct arena *A = &pm->doc->arena;
	struct word_set *set = arena_zalloc(A, sizeof *set);
	size_t bytes = 0;
	for (size_t i = 0; i < pm->nlines; i++)
		bytes += pm->lines[i].len;
	/* a word is six bytes or more with its space: half the slots used */
	set->cap = 64;
	while (set->cap < bytes / 3)
		set->cap *= 2;
	set->slots = arena_zalloc(A, set->cap * sizeof *set->slots);
	for (size_t i = 0; i < pm->nlines; i++) {
		const struct pline *l = &pm->lines[i];
		if (l->kind != PL_TEXT && l->kind != PL_NOTE)
			continue;
		for (unsigned k = 0; k < l->len;) {
			while (k < l->len && !isalpha((unsigned char)l->s[k]))
				k++;
			unsigned start = k;
			/* a word, with inner hyphens (not one at the line's end) */
			while (k < l->len && (isalpha((unsigned char)l->s[k]) ||
					      (l->s[k] == '-' && k + 1 < l->len && isalpha((unsigned char)l->s[k + 1]))))
				k++;
			/* words of four letters or more: a compound's parts or a
			 * word broken at a line's end are no shorter */
			if (k >= start + 4)
				set_add(set, l->s + start, k - start);
		}
	}
	return set;
}

/* "Secre-" + "tary": one word broken by the typesetter, or a compound
 * that keeps its hyphen ("non-governmental", "follow-up")?  The
 * document's own spelling elsewhere decides; else the dictionary: the
 * joined form is a word and one of the parts is not. */
static bool keep_hyphen(struct joiner *j, const char *a, size_t an, const char *b, size_t bn)
{
	if (!j->words)
		j->words = document_words(j->pm);
	char joined[128];
	if (an + bn + 2 > sizeof joined || !an || !bn)
		return true;
	memcpy(joined, a, an);
	joined[an] = '-';
	memcpy(joined + an + 1, b, bn);
	if (set_has(j->words, joined, an + bn + 1))
		return true;
	memmove(joined + an, joined + an + 1, bn);
	if (set_has(j->words, joined, an + bn))
		return false;
	/* only the last part of "nuclear-weapon-" is the broken word */
	const char *last = a;
	for (size_t i = 0; i < an; i++)
		if (a[i] == '-')
			last = a + i + 1;
	size_t ln = an - (size_t)(last - a);
	if (isupper((unsigned char)b[0]))
		return true;	/* "Non-" + "Self-Governing" */
	bool whole = wordlist_has(joined + (last - a), ln + bn);
	bool parts = wordlist_has(last, ln) && wordlist_has(b, bn);
	return !whole || parts;
}

/* pdftotext joins two printed lines into one where the first ended with a
 * hyphen, and drops the hyphen ("capacitybuilding", "selfdetermination",
 * "Non-SelfGoverning") or leaves a space ("tourism dependent").  Such a line
 * is wider than the measure, and the join sits near a multiple of it.
 * There, a word that is not English but two English words, or two words
 * the document writes hyphenated elsewhere, get their hyphen back. */
static bool near_join(const struct pagemodel *pm, unsigned at)
{
	for (unsigned k = 1; k * pm->measure <= at + 24; k++) {
		unsigned m = k * pm->measure;
		if (at + 24 >= m && at <= m + 12)
			return true;
	}
	return false;
}

/* The place to split a word that is two English words, or 0. */
static unsigned compound_split(const char *w, unsigned n)
{
	if (n < 7 || wordlist_has(w, n))
		return 0;
	/* "SelfGoverning": the case changes where the hyphen was */
	for (unsigned i = 3; i + 3 <= n; i++)
		if (islower((unsigned char)w[i - 1]) && isupper((unsigned char)w[i]))
			return wordlist_has(w, i) && wordlist_has(w + i, n - i) ? i : 0;
	unsigned best = 0, best_min = 0;
	for (unsigned i = 3; i + 3 <= n; i++)
		if (wordlist_has(w, i) && wordlist_has(w + i, n - i)) {
			unsigned m = i < n - i ? i : n - i;
			if (m > best_min) {
				best_min = m;
				best = i;
			}
		}
	return best;
}

static const char *restore_join_hyphens(struct joiner *j, const struct pline *l, unsigned *len)
{
	struct pagemodel *pm = j->pm;
	/* the word list is English: a French or Spanish word is no pair of
	 * English ones */
	if (l->width <= pm->measure + 8 || j->L->operative_words)
		return l->s;
	if (!j->words)
		j->words = document_words(pm);
	struct buf out = BUF_INIT;
	unsigned copied = 0, prev_start = 0, prev_end = 0;
	bool have_prev = false;
	for (unsigned i = 0; i < l->len;) {
		if (!isalpha((unsigned char)l->s[i]) || (i > 0 && isalnum((unsigned char)l->s[i - 1]))) {
			i++;
			continue;
		}
		unsigned a = i;
		while (i < l->len && isalpha((unsigned char)l->s[i]))
			i++;
		unsigned n = i - a;
		bool clean = i >= l->len || (l->s[i] != '-' && !((unsigned char)l->s[i] & 0x80));
		if (clean && near_join(pm, a + n / 2)) {
			unsigned cut = compound_split(l->s + a, n);
			char pair[96];
			/* "tourism dependent": the pair as the document hyphenates it */
			if (!cut && have_prev && prev_end + 1 == a && l->s[prev_end] == ' ' &&
			    prev_end - prev_start + n + 1 < sizeof pair) {
				unsigned pn = prev_end - prev_start;
				memcpy(pair, l->s + prev_start, pn);
				pair[pn] = '-';
				memcpy(pair + pn + 1, l->s + a, n);
				if (set_has(j->words, pair, pn + 1 + n)) {
					buf_put(&out, l->s + copied, prev_end - copied);
					buf_putc(&out, '-');
					copied = a;
					diag_note(pm->doc->diag, l->lineno, "paragraphs",
						  "\"%.*s\" written with its hyphen, as the document writes it elsewhere",
						  (int)(pn + 1 + n), pair);
				}
			} else if (cut) {
				buf_put(&out, l->s + copied, a + cut - copied);
				buf_putc(&out, '-');
				copied = a + cut;
				diag_note(pm->doc->diag, l->lineno, "paragraphs",
					  "\"%.*s\": the hyphen pdftotext dropped where it joined two lines",
					  (int)n, l->s + a);
			}
		}
		prev_start = a;
		prev_end = i;
		have_prev = clean;
	}
	if (!copied) {
		buf_free(&out);
		return l->s;
	}
	buf_put(&out, l->s + copied, l->len - copied);
	*len = (unsigned)out.len;
	const char *r = arena_strndup(&pm->doc->arena, buf_cstr(&out), out.len);
	buf_free(&out);
	return r;
}

/* Does the text end with a number and a dash ("2016-", "2016\u2013"), the
 * first half of a range the line broke at its dash?  Then a line opening
 * with a digit goes on with no space ("2016-2017", not "2016- 2017"). */
static bool ends_in_range_dash(const struct buf *text)
{
	size_t n = text->len, dash = 0;
	if (n >= 2 && text->data[n - 1] == '-')
		dash = 1;
	else if (n >= 4 && !memcmp(text->data + n - 3, "\xe2\x80\x93", 3))	/* – */
		dash = 3;
	return dash && isdigit((unsigned char)text->data[n - dash - 1]);
}

/* Does text end with a hyphen after a letter outside ASCII, the word it
 * ends and the first of s[0..n) making one of the document's compounds
 * ("государства-" / "члены")? */
static bool cyrillic_compound_break(struct joiner *j, const struct buf *text, const char *s, unsigned n)
{
	size_t end = text->len, start, len;
	if (end < 3 || text->data[end - 1] != '-' || !((unsigned char)text->data[end - 2] & 0x80))
		return false;
	start = --end;
	while (start > 0 && text->data[start - 1] != ' ' && text->data[start - 1] != '-')
		start--;
	unsigned w = 0;
	while (w < n && un_is_letter(s + w, n - w, &len))
		w += (unsigned)len;
	return w && compounds_has(j->compounds, text->data + start, end - start, s, w);
}

/* In a language set without spaces (Chinese), does a line's end go on
 * without one: a Han character or full-width punctuation on either side
 * ("…的2023年6月7日" / "第2023/10号决议，")? */
static bool cjk_join(const struct buf *text, const char *s, size_t n)
{
	size_t len, start = text->len;
	while (start > 0 && text->len - start < 4 && ((unsigned char)text->data[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0)
		start--;
	return un_is_cjk(s, n, &len) ||
	       (un_is_cjk(text->data + start, text->len - start, &len) && start + len == text->len);
}

/* Is l a paragraph's number or an item's label alone ("1.", "(a)"),
 * which a space parts from its text in every language? */
static bool label_alone(const struct pline *l)
{
	bool alone = false;
	return (paragraph_number(l, &alone) && alone) || (item_label(l, &alone) && alone);
}

/* Append line l to the paragraph text, joining it to what came before. */
static void append_line(struct joiner *j, struct buf *text, const struct pline *prev, const struct pline *l,
			unsigned skip)
{
	unsigned full = l->len;
	const char *repaired = restore_join_hyphens(j, l, &full);
	/* "государствачлены": a compound pdftotext joined across its
	 * line-end hyphen, given it back where the document writes it so
	 * (read/compounds.c; Russian, whose long compounds break there) */
	if (j->L->lower_openings) {
		if (!j->compounds)
			j->compounds = compounds_build(j->pm);
		size_t restored = full;
		repaired = compounds_restore(j->compounds, &j->pm->doc->arena, repaired, full, &restored);
		full = (unsigned)restored;
	}
	const char *s = repaired + skip;
	unsigned n = full - skip;
	if (text->len && prev) {
		/* a soft hyphen (U+00AD) at the line's end broke a word on
		 * purpose: the word is whole again */
		size_t ll;
		if (text->len >= 3 && !memcmp(text->data + text->len - 2, "\xc2\xad", 2) && n &&
		    un_is_letter(s, n, &ll)) {	/* of any script: "резолю-" / "ции" */
			text->len -= 2;
			text->data[text->len] = '\0';
			buf_put(text, s, n);
			return;
		}
		/* "женщин-" / "мигрантов": a Russian compound broken at its
		 * hyphen, which the document writes whole elsewhere */
		if (j->compounds && cyrillic_compound_break(j, text, s, n)) {
			buf_put(text, s, n);
			return;
		}
		bool hyphen = text->data[text->len - 1] == '-' && text->len >= 2 &&
			      isalpha((unsigned char)text->data[text->len - 2]) && n && isalpha((unsigned char)s[0]);
		if (hyphen || (prev->lost_hyphen && n && isalpha((unsigned char)s[0]))) {
			/* the broken word: letters (and inner hyphens) before */
			size_t end = hyphen ? text->len - 1 : text->len, start = end;
			while (start > 0 && (isalpha((unsigned char)text->data[start - 1]) || text->data[start - 1] == '-'))
				start--;
			unsigned bn = 0;
			while (bn < n && isalpha((unsigned char)s[bn]))
				bn++;
			bool keep = keep_hyphen(j, text->data + start, end - start, s, bn);
			if (hyphen && !keep)
				text->len--;
			else if (!hyphen && keep)
				buf_putc(text, '-');
			text->data[text->len] = '\0';
			diag_note(j->pm->doc->diag, l->lineno, "paragraphs", "line-end hyphen %s",
				  keep ? "kept (a compound)" : "removed (a word broken by the line)");
		} else if (!(n && isdigit((unsigned char)s[0]) && ends_in_range_dash(text)) &&
			   !(j->L->no_spaces && cjk_join(text, s, n) && !label_alone(prev))) {
			buf_putc(text, ' ');
		}
	}
	buf_put(text, s, n);
}

/* --- blocks -------------------------------------------------------------- */

/* The footnote definitions of the pages before page (and of page itself
 * when through), as blocks the footnotes pass reads. */
static void emit_notes(struct joiner *j, size_t upto_page)
{
	struct page_notes *pn = j->notes;
	for (; j->notes_done_page < upto_page && j->notes_done_page < j->pm->npages; j->notes_done_page++) {
		size_t p = j->notes_done_page;
		for (size_t k = pn->page_first[p]; k < pn->page_first[p + 1]; k++) {
			struct page_note *note = &pn->notes[k];
			if (!note->text)
				continue;
			struct block *blk = document_add_block(j->pm->doc, BLOCK_TEXT, note->line);
			blk->text = arena_printf(&j->pm->doc->arena, "%c%s%c %s", MK_SUP_OPEN, note->marker,
						 MK_SUP_CLOSE, note->text);
		}
	}
}

static void record_shape(struct joiner *j, struct block *blk)
{
	struct para *p = &j->para;
	struct pagemodel *pm = j->pm;
	if (j->nshapes == j->cap_shapes) {
		j->cap_shapes = j->cap_shapes ? j->cap_shapes * 2 : 64;
		j->shapes = xrealloc(j->shapes, j->cap_shapes * sizeof *j->shapes);
	}
	struct shape *sh = &j->shapes[j->nshapes++];
	sh->blk = blk;
	sh->lines = (unsigned)p->n;
	sh->width = 0;
	for (size_t k = 0; k < p->n; k++)
		if (pm->lines[p->lines[k]].width > sh->width)
			sh->width = pm->lines[p->lines[k]].width;
	const struct pline *first = &pm->lines[p->lines[0]], *last = &pm->lines[p->lines[p->n - 1]];
	bool alone;
	char end = visible_end(last);
	sh->cell = sh->width * 5 <= pm->measure * 3 && p->n <= 6 && end != '.' && end != ';' && end != ',' &&
		   !paragraph_number(first, &alone) && !item_label(first, &alone) && !bullet(first) &&
		   !starts_with_n(first, "(Signed)");
	sh->labelled = p->n == 1 && heading_form(j->L, first) && !titled_heading_form(j->L, first) &&
		       !resolution_number_alone(first);
	sh->short_title = !p->number && (p->n == 1 || (p->n == 2 && ends_with_function_word(j->L, first))) &&
			  isupper((unsigned char)first->s[0]) && sh->width * 4 <= pm->measure * 3 &&
			  !is_terminal(end) && end != ',' && !paragraph_number(first, &alone) && !item_label(first, &alone) &&
			  !bullet(first) && !formula_form(first) && !starts_with_n(first, "(Signed)") &&
			  !meeting_line(j->L, first) && !heading_form(j->L, first);
}

/* A table's value: a number, an amount, a percentage, a dash for none. */
static bool value_cell(const char *t)
{
	size_t n = strlen(t);
	if (!n || n > 24)
		return false;
	if (!strcmp(t, "-") || !strcmp(t, "\xe2\x80\x93") || !strcmp(t, "\xe2\x80\x94"))
		return true;
	bool digit = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (isdigit(c))
			digit = true;
		else if (!strchr(" ,.%()$", c) && !(c == 0xe2 && i + 2 < n))	/* en/em dash, narrow spaces */
			return false;
		else if (c == 0xe2)
			i += 2;
	}
	return digit;
}

/* pdftotext writes a table one cell per line (blank lines between): a run
 * of short cells where labels are each followed by the same number k of
 * values ("Kidal" / "12" / "2" / "1") is a table of k + 1 columns.  Its
 * head is the labels before the first such row: k + 1 of them, or k when
 * the first column's head is empty or printed last, alone after the rows
 * (a stub head set at the foot of its cell comes out so); labels before
 * the head are a heading over the table, and a label without values is a
 * row of its own (a group's name).  The head printed again after a page
 * break is not a row.  A run that shows no such shape stays lines, never
 * glued into a paragraph. */
static bool is_label(struct joiner *j, size_t i)
{
	return !value_cell(j->shapes[i].blk->text);
}

/* How many values follow the label at i, before end. */
static size_t values_after(struct joiner *j, size_t i, size_t end)
{
	size_t r = 0;
	while (i + 1 + r < end && !is_label(j, i + 1 + r))
		r++;
	return r;
}

static bool in_head(struct joiner *j, const char *t, size_t head_start, size_t head_end, const char *stub)
{
	if (stub && !strcmp(t, stub))
		return true;
	for (size_t i = head_start; i < head_end; i++)
		if (!strcmp(j->shapes[i].blk->text, t))
			return true;
	return false;
}

/* Where, among the labels [from, to) before the first row, a run of n of
 * them starts that is printed again among the rows [to, end) (the head
 * repeated after a page break); SIZE_MAX if none is. */
static size_t head_printed_again(struct joiner *j, size_t from, size_t to, size_t end, size_t n)
{
	for (size_t s = from; s + n <= to; s++)
		for (size_t p = to; p + n <= end; p++) {
			size_t m = 0;
			while (m < n && is_label(j, p + m) && !strcmp(j->shapes[p + m].blk->text, j->shapes[s + m].blk->text))
				m++;
			if (m == n)
				return s;
		}
	return SIZE_MAX;
}

/* A run of cells read as a table: its columns after the label, where
 * the rows and the head are. */
struct table_shape {
	size_t k;			/* values after a label: columns - 1 */
	size_t first_row, end;		/* the rows: [first_row, end) */
	size_t head_start, head_end;	/* the head's cells */
	size_t groups;			/* where rows may start, after the head */
	bool has_head;
	const char *stub;		/* the stub's head, printed last, or NULL */
};

/* The commonest number of values after a label in the run of cells
 * [a, b), and the first row of that many, into ts; false when the run
 * is no table (too few rows of one width, too many of others). */
static bool find_columns(struct joiner *j, size_t a, size_t b, struct table_shape *ts)
{
	size_t runs[16] = {0}, labels = 0;
	for (size_t i = a; i < b; i++)
		if (is_label(j, i)) {
			labels++;
			size_t r = values_after(j, i, b);
			runs[r < 15 ? r : 15]++;
		}
	size_t k = 0;
	for (size_t r = 1; r < 15; r++)
		if (runs[r] && (!k || runs[r] > runs[k]))
			k = r;
	size_t first_row = a;
	while (first_row < b && !(is_label(j, first_row) && values_after(j, first_row, b) == k))
		first_row++;
	if (!k || runs[k] < 3 || (runs[k] + runs[0]) * 10 < labels * 8 || first_row >= b)
		return false;
	ts->k = k;
	ts->first_row = first_row;
	return true;
}

/* Where the head of the table in [a, b) lies: the stub's head printed
 * last, alone after the rows; a head printed again after a page break;
 * k + 1 cells before the first row, k (an empty first head) or none.
 * False when what lies before the rows fits none of these. */
static bool find_head(struct joiner *j, size_t a, size_t b, struct table_shape *ts)
{
	size_t k = ts->k, first_row = ts->first_row;
	ts->end = b;
	ts->stub = NULL;
	if (is_label(j, b - 1) && !is_label(j, b - 2)) {
		ts->stub = j->shapes[b - 1].blk->text;
		ts->end = b - 1;
	}
	size_t before = first_row - a, again;
	ts->head_start = a;
	ts->head_end = ts->groups = first_row;
	ts->has_head = true;
	if (ts->stub && before >= k) {
		ts->head_start = first_row - k;
	} else if (before >= k + 1 && (again = head_printed_again(j, a, first_row, ts->end, k + 1)) != SIZE_MAX) {
		/* the head is what the page after a break prints again */
		ts->head_start = again;
		ts->head_end = ts->groups = again + k + 1;
	} else if (before >= k + 1) {
		ts->head_end = ts->groups = a + k + 1;
	} else if (before == k) {
		/* an empty first head */
	} else if (before == 0) {
		ts->has_head = false;
	} else {
		return false;
	}
	return true;
}

/* The table as text: rows by '\n', cells by '\t', the head first.
 * Returns the number of rows. */
static size_t put_table(struct joiner *j, const struct table_shape *ts, struct buf *t)
{
	size_t k = ts->k;
	if (ts->has_head) {
		bool empty_first = ts->head_end - ts->head_start == k;
		if (empty_first)
			buf_puts(t, ts->stub ? ts->stub : "");
		for (size_t i = ts->head_start; i < ts->head_end; i++) {
			if (i > ts->head_start || empty_first)
				buf_putc(t, '\t');
			buf_puts(t, j->shapes[i].blk->text);
		}
	}
	size_t rows = 0;
	size_t from = ts->has_head && ts->groups < ts->first_row ? ts->groups : ts->first_row;
	for (size_t i = from; i < ts->end;) {
		size_t r = values_after(j, i, ts->end);
		/* the head again, after a page break */
		if (ts->has_head && !r && in_head(j, j->shapes[i].blk->text, ts->head_start, ts->head_end, ts->stub)) {
			i++;
			continue;
		}
		if (t->len)
			buf_putc(t, '\n');
		buf_puts(t, j->shapes[i].blk->text);
		size_t c = 0;
		for (; c < r && c < k; c++) {
			buf_putc(t, '\t');
			buf_puts(t, j->shapes[i + 1 + c].blk->text);
		}
		for (; c < k; c++)
			buf_putc(t, '\t');
		i += 1 + r;
		rows++;
	}
	return rows;
}

/* Runs of six or more cells (one per line, as pdftotext prints a table)
 * whose labels are followed by the same number of values become one
 * table block; its cells are dropped. */
static void mark_tables(struct joiner *j)
{
	for (size_t a = 0; a < j->nshapes;) {
		size_t b = a;
		while (b < j->nshapes && j->shapes[b].cell)
			b++;
		struct table_shape ts;
		if (b - a < 6 || !find_columns(j, a, b, &ts) || !find_head(j, a, b, &ts)) {
			a = b + 1;
			continue;
		}
		struct buf t = BUF_INIT;
		size_t rows = put_table(j, &ts, &t);
		struct block *table = j->shapes[ts.head_start].blk;
		table->role = ROLE_TABLE;
		table->table_head = ts.has_head;
		table->text = arena_strndup(&j->pm->doc->arena, buf_cstr(&t), t.len);
		table->end_line = j->shapes[b - 1].blk->end_line;
		buf_free(&t);
		for (size_t i = ts.head_start + 1; i < b; i++) {
			j->shapes[i].blk->role = ROLE_DROPPED;
			j->shapes[i].cell = j->shapes[i].short_title = false;
		}
		j->shapes[ts.head_start].cell = j->shapes[ts.head_start].short_title = false;
		diag_note(j->pm->doc->diag, table->line, "paragraphs",
			  "a table of %zu columns and %zu rows%s, from its cells one per line", ts.k + 1, rows,
			  ts.has_head ? " under a head" : "");
		a = b;
	}
}

/* A short title line standing alone before a paragraph of its own (or
 * before another such line that is one) is a heading: "Questions from
 * Council members", "Scope" under "Guideline 1", "Summary of the meeting
 * …".  A run of short lines with nothing after them is not (a table's
 * cells, a list of names); the headings pass decides what kind. */
static void mark_headings(struct joiner *j)
{
	/* a heading, or a heading and its subheading ("Operations" /
	 * "Air-land"), before a paragraph or a list: runs of short lines
	 * longer than two are a list of names, an address, not headings */
	for (size_t k = 0; k < j->nshapes;) {
		struct shape *sh = &j->shapes[k];
		if (sh->labelled && sh->blk->role != ROLE_DROPPED) {
			sh->blk->kind = BLOCK_HEADING;
			k++;
			continue;
		}
		size_t run = 0;
		while (k + run < j->nshapes && j->shapes[k + run].short_title && j->shapes[k + run].blk->role != ROLE_DROPPED)
			run++;
		if (!run) {
			k++;
			continue;
		}
		const struct shape *after = k + run < j->nshapes ? &j->shapes[k + run] : NULL;
		bool before_text = after && (after->lines >= 2 || after->blk->list_depth > 0 || after->labelled);
		if (run <= 2 && before_text)
			for (size_t i = k; i < k + run; i++) {
				j->shapes[i].blk->kind = BLOCK_HEADING;
				diag_note(j->pm->doc->diag, j->shapes[i].blk->line, "paragraphs",
					  "a short line standing alone before a paragraph: a heading");
			}
		k += run;
	}
}

static void flush(struct joiner *j)
{
	struct para *p = &j->para;
	if (!p->n)
		return;
	struct pagemodel *pm = j->pm;
	struct buf text = BUF_INIT;
	const struct pline *first = &pm->lines[p->lines[0]];
	unsigned skip = 0;
	int list_depth = 0;
	if (p->number)
		buf_printf(&text, "%d. ", p->number);
	unsigned b = bullet(first);
	if (b) {
		skip = b;
		list_depth = 1;
	}
	const struct pline *prev = NULL;
	for (size_t k = 0; k < p->n; k++) {
		const struct pline *l = &pm->lines[p->lines[k]];
		append_line(j, &text, prev, l, k == 0 ? skip : 0);
		prev = l;
	}
	struct block *blk = document_add_block(pm->doc, BLOCK_TEXT, first->lineno);
	blk->end_line = pm->lines[p->lines[p->n - 1]].lineno;
	blk->text = arena_strndup(&pm->doc->arena, buf_cstr(&text), text.len);
	blk->list_depth = list_depth;
	buf_free(&text);
	record_shape(j, blk);
	/* A paragraph glued across a page is the likeliest misreading: say so
	 * when it has grown past what a UN paragraph usually holds. */
	int first_page = pm->lines[p->lines[0]].page, last_page = pm->lines[p->lines[p->n - 1]].page;
	if (first_page != last_page && strlen(blk->text) > 2000)
		diag_warn(pm->doc->diag, blk->line, "paragraphs",
			  "a paragraph of %zu characters runs across a page break (to line %d): "
			  "it may be two that were joined", strlen(blk->text), blk->end_line);
	/* the notes of every page this paragraph finished */
	emit_notes(j, (size_t)pm->lines[p->lines[p->n - 1]].page);
	p->n = 0;
	p->number = 0;
	p->depth_open = 0;
}

/* A lone number followed by text in lower case, and the paragraph so far
 * a sentence or more: the number was printed beside the line before
 * (older layouts set it after the paragraph's first line).  Split the
 * paragraph before that line and give the new one the number. */
static bool number_after_first_line(struct joiner *j, int number, const struct pline *next)
{
	struct para *p = &j->para;
	/* the last paragraph of all, one line long, has nothing after it */
	if (!next && p->n == 1 && !p->number) {
		p->number = number;
		diag_note(j->pm->doc->diag, j->pm->lines[p->lines[0]].lineno, "paragraphs",
			  "paragraph number %d printed after its only line", number);
		return true;
	}
	if (!next || !opens_lower(next->s, next->len) || !p->n)
		return false;
	/* Russian opens its operative paragraphs in small letters: "1." /
	 * "просит …" is a number before its text */
	if (j->L->lower_openings && (operative_opening(j->L, next) || preamble_opening(j->L, next)))
		return false;
	struct pagemodel *pm = j->pm;
	size_t last = p->lines[p->n - 1];
	if (p->n > 1) {
		const struct pline *before = &pm->lines[p->lines[p->n - 2]];
		if (!is_terminal(visible_end(before)) && visible_end(before) != ',')
			return false;
		p->n--;
		flush(j);
		para_add(p, last);
	} else if (p->number) {
		return false;
	}
	p->number = number;
	diag_note(pm->doc->diag, pm->lines[last].lineno, "paragraphs",
		  "paragraph number %d printed after its first line", number);
	return true;
}

/* The next body line after lines[i], or pm->nlines. */
static size_t next_text(const struct pagemodel *pm, size_t i)
{
	while (++i < pm->nlines && pm->lines[i].kind != PL_TEXT)
		;
	return i;
}

/* "3. … including on how the programme would:" / "4." / "(a)" / … /
 * "(c) Facilitate dialogue;" / "Decides to establish …": pdftotext reads
 * the hanging numbers and labels of a page as one column, so a
 * paragraph's number can come out before the items of the paragraph
 * above it, or between the last item's label and its text.  A number
 * alone, after a paragraph that ends with a colon and before its first
 * item, or after an item's label alone and before its text, goes back
 * to the first line after the items that opens a paragraph: a capital
 * after an item's last line that ended a clause, before any other
 * number.  Lines are moved in
 * place (and take that line's page). */
static void move_numbers_before_items(struct pagemodel *pm)
{
	size_t prev = pm->nlines;	/* the body line before i */
	for (size_t i = next_text(pm, (size_t)-1); i < pm->nlines; prev = i, i = next_text(pm, i)) {
		bool alone;
		int number = paragraph_number(&pm->lines[i], &alone);
		size_t first = next_text(pm, i);
		if (!number || !alone || prev == pm->nlines || first == pm->nlines)
			continue;
		bool label_alone = false;
		/* before the first item: "… would:" / "4." / "(a)" */
		bool before_first = visible_end(&pm->lines[prev]) == ':' && item_label(&pm->lines[first], &alone) &&
				    (pm->lines[first].s[pm->lines[first].s[0] == '('] == 'a' ||
				     pm->lines[first].s[pm->lines[first].s[0] == '('] == 'i');
		/* or between an item's label and its text: "(c)" / "4." / "The
		 * closing segment …;" */
		bool inside_item = item_label(&pm->lines[prev], &label_alone) && label_alone &&
				   !item_label(&pm->lines[first], &alone) && !paragraph_number(&pm->lines[first], &alone);
		if (!before_first && !inside_item)
			continue;
		/* the items' end: a line in capitals after one that ended a
		 * clause, not a label's own line or a label's text */
		size_t k = first, before = first, to = pm->nlines;
		bool items = inside_item;
		for (int seen = 0; (k = next_text(pm, k)) < pm->nlines && seen < 400; seen++, before = k) {
			const struct pline *l = &pm->lines[k], *b = &pm->lines[before];
			bool a;
			if (paragraph_number(l, &a) || heading_number_alone(l))
				break;
			if (item_label(l, &a)) {
				items = true;
				continue;
			}
			bool after_label = item_label(b, &a) && a;
			char end = visible_end(b);
			if (items && !after_label && (end == ';' || end == '.') && un_is_upper(l->s, l->len)) {
				to = k;
				break;
			}
		}
		if (to == pm->nlines)
			continue;
		struct pline moved = pm->lines[i];
		memmove(&pm->lines[i], &pm->lines[i + 1], (to - 1 - i) * sizeof pm->lines[0]);
		moved.page = pm->lines[to].page;
		pm->lines[to - 1] = moved;
		diag_note(pm->doc->diag, moved.lineno, "paragraphs",
			  "paragraph number %d read before the items of the paragraph above: moved to line %d",
			  number, pm->lines[to].lineno);
		i = to - 1;
	}
}

void paragraphs_emit(struct pagemodel *pm, struct page_notes *notes)
{
	move_numbers_before_items(pm);
	struct joiner j = {.pm = pm, .notes = notes, .front = true, .L = un_lang_of(pm->doc->meta.lang, NULL)};
	const struct pline *prev = NULL;
	bool blank = false;
	for (size_t i = 0; i < pm->nlines; i++) {
		const struct pline *l = &pm->lines[i];
		if (l->kind == PL_BLANK) {
			blank = true;
			continue;
		}
		if (l->kind != PL_TEXT)
			continue;
		/* a page's end is no evidence: the blank lines around its
		 * furniture are pdftotext's */
		if (prev && prev->page != l->page)
			blank = false;
		bool alone;
		int number = paragraph_number(l, &alone);
		if (number && alone) {
			/* the next body line */
			const struct pline *next = NULL;
			for (size_t k = i + 1; k < pm->nlines && !next; k++)
				if (pm->lines[k].kind == PL_TEXT)
					next = &pm->lines[k];
			if (number_after_first_line(&j, number, next)) {
				prev = l;
				blank = false;
				continue;
			}
		}
		const char *why = NULL;
		j.after_cur = i + 1 < pm->nlines ? &pm->lines[i + 1] : NULL;
		bool formula = formula_line(&j, l);
		bool brk = !prev || breaks_before(&j, prev, l, blank, &why);
		j.para_lines_before = brk ? j.para.n : j.para_lines_before;
		if (brk) {
			flush(&j);
			if (why && prev)
				diag_note(pm->doc->diag, l->lineno, "paragraphs", "new paragraph: %s", why);
		} else if (why && strcmp(why, "running text") && strcmp(why, "the sentence runs on")) {
			diag_note(pm->doc->diag, l->lineno, "paragraphs", "joined to the line before: %s", why);
		}
		/* title lines follow a heading until the first paragraph of
		 * more than one line ends */
		if (brk) {
			if (j.para_heading)
				j.under_heading = true;
			else if (j.para_lines_before > 1)
				j.under_heading = false;
			j.para_heading = heading_form(j.L, l) || heading_number_alone(l);
		}
		para_add(&j.para, i);
		int depth = (int)j.para.depth_open + bracket_balance(l);
		j.para.depth_open = depth > 0 ? (unsigned)depth : 0;
		/* the front matter ends with the first line of full width, the
		 * formula, a paragraph number or a heading */
		bool ends_front = l->page > 0 || l->width * 10 >= pm->measure * 9 || number || titled_heading_form(j.L, l);
		if (ends_front)
			j.front = false;
		/* "78/111." on the first page, before any formula or numbered
		 * paragraph: its title follows, even when a cover line as wide
		 * as the text (an agenda item's title) ended the front */
		if (resolution_number_alone(l) && l->page == 0 && !j.resolution && !j.last_number)
			j.title_after_number = true;
		else if (ends_front)
			j.title_after_number = false;	/* no formula came: the title is over */
		if (formula) {
			j.front = false;
			j.title_after_number = false;
			j.under_heading = false;	/* the title ends at the formula */
			j.resolution = true;
			j.operative = false;
		} else if (j.resolution && number && j.para.n == 1) {
			j.operative = true;
		}
		if (number && j.para.n == 1)
			j.last_number = number;
		j.prev_formula = formula;
		/* the agenda item's line, then its title, until a blank line */
		if (l->page == 0 && !j.resolution && agenda_line(j.L, l))
			j.agenda = 1;
		else if (j.agenda == 1 || (j.agenda == 2 && !blank))
			j.agenda = 2;
		else
			j.agenda = 0;
		prev = l;
		blank = false;
	}
	flush(&j);
	emit_notes(&j, pm->npages);
	mark_tables(&j);
	mark_headings(&j);
	free(j.para.lines);
	free(j.shapes);
}
