/* notes.c — footnote blocks as pdftotext writes them (DESIGN §2b).
 *
 * A UN page's notes sit under a rule of underscores, each a superscript
 * number and a text.  pdftotext reads the numbers and the texts as two
 * flows, so the numbers come out on lines of their own: before their text,
 * stacked ("1" "2" and then both texts), after their text, or all at the
 * block's end.  The texts keep their order, and UN notes are numbered in
 * document order (restarting in an annex or an embedded draft).  So:
 *   1. the block's text lines are cut into note texts (a number line, or a
 *      short line that ends a sentence, ends a note);
 *   2. the numbers printed on the page give its range; the texts, in their
 *      order, take the range's numbers in order;
 *   3. each marker is searched in the body of its own page only, in
 *      number order, where a superscript set on the baseline can be:
 *      "Goals, 1", "Bangkok 15 and", "Convention,3".
 * When the counts disagree, what the page shows decides (a number just
 * before a text anchors it), and what cannot be paired is warned about,
 * never dropped or invented. */
#include "read/notes.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/un.h"
#include "doc/unlang.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* One line of a footnote block: a number alone, or text. */
struct item {
	size_t line;		/* index in pm->lines */
	int value;		/* the number, or -1 for text; 0 for "*" */
	unsigned skip;		/* text: bytes of the line before it (a number) */
};

/* A note's text as cut from the block: items [first, last]. */
struct group {
	size_t first, last;
	int anchor;		/* the number printed just before it, or -1 */
	int value;		/* the number given to it, or -1 */
	bool star;		/* "* text": a starred note */
};

/* The number a footnote block line holds alone ("12", "*"), or -1. */
static int number_line(const struct pline *l)
{
	if (l->len == 1 && l->s[0] == '*')
		return 0;
	if (l->len == 0 || l->len > 3)
		return -1;
	int v = 0;
	for (unsigned i = 0; i < l->len; i++) {
		if (!isdigit((unsigned char)l->s[i]))
			return -1;
		v = v * 10 + (l->s[i] - '0');
	}
	return v > 0 ? v : -1;
}

/* (full-width punctuation as its ASCII kind: "。" '.') */
static char last_char(const struct pline *l)
{
	char fw = un_full_width_end(l->s, l->len);
	return fw ? fw : l->len ? l->s[l->len - 1] : '\0';
}

/* The width of the first word of a line. */
static unsigned first_word_width(const struct pline *l)
{
	unsigned n = 0;
	size_t cjk;
	/* a Han character is a word (Chinese sets none apart by spaces) */
	if (un_is_cjk(l->s, l->len, &cjk))
		return pages_width(l->s, cjk);
	while (n < l->len && l->s[n] != ' ')
		n++;
	return pages_width(l->s, n);
}

/* Does b go on with the note a's last line was part of?  A note's text
 * ends where a line ends a sentence short of the measure (the next word
 * would have fitted); a line opening in lower case never starts a note. */
static bool continues_note(const struct pagemodel *pm, const struct pline *a, const struct pline *b)
{
	if (islower((unsigned char)b->s[0]))
		return true;
	char end = last_char(a);
	bool terminal = end == '.' || end == ';' || end == ')' || end == ']' ||
			(a->len >= 3 && !memcmp(a->s + a->len - 3, "\xe2\x80\x9d", 3));	/* ” */
	if (!terminal)
		return true;
	return a->width + 1 + first_word_width(b) + 4 > pm->measure;
}

/* A boundary inside a group where a note could end after all: a line
 * ending a sentence, the next opening in capitals. */
static bool weak_boundary(const struct pline *a, const struct pline *b)
{
	char end = last_char(a);
	/* (a capital of any script: "См. A/46/390") */
	return (end == '.' || end == ';') && (un_is_upper(b->s, b->len) || isdigit((unsigned char)b->s[0]));
}

static char *group_text(struct pagemodel *pm, const struct item *items, const struct group *g)
{
	struct buf b = BUF_INIT;
	for (size_t k = g->first; k <= g->last; k++) {
		const struct pline *l = &pm->lines[items[k].line];
		if (items[k].value >= 0)
			continue;
		const char *s = l->s + items[k].skip;
		unsigned n = l->len - items[k].skip;
		/* "* Reissued …": the star is the note's marker (when it stood
		 * alone, before the text, there is none to drop) */
		if (k == g->first && g->star && n && *s == '*') {
			s++, n--;
			while (n && *s == ' ')
				s++, n--;
		}
		/* a soft hyphen (U+00AD) ending the line before broke a word on
		 * purpose ("Барба-" / "дос"): the word is whole again, where
		 * the line goes on in a small letter (a capital is another
		 * note's text, the word's end lost elsewhere) */
		size_t len;
		if (b.len >= 2 && !memcmp(b.data + b.len - 2, "\xc2\xad", 2) && un_is_letter(s, n, &len) &&
		    !un_is_upper(s, n))
			b.len -= 2;
		else if (b.len)
			buf_putc(&b, ' ');
		buf_put(&b, s, n);
	}
	char *t = arena_strndup(&pm->doc->arena, buf_cstr(&b), b.len);
	buf_free(&b);
	return t;
}

/* --- markers in the body ----------------------------------------------- */

/* A place in the page's body: line index and byte offset. */
struct spot {
	size_t line;
	unsigned at, len;
	int score;
};

/* How much a candidate looks like a marker (never 0 for one that passed
 * the test): after punctuation ("Nations, 1") or at a line's end is the
 * typical place. */
static int marker_score(const char *t, size_t i, size_t n)
{
	int score = 2;
	if (i >= 2 && t[i - 1] == ' ' && (t[i - 2] == ',' || t[i - 2] == ';' || t[i - 2] == ')'))
		score += 2;
	if (i >= 1 && (t[i - 1] == ',' || t[i - 1] == ';'))
		score += 2;
	if (!t[i + n])
		score += 1;
	return score;
}

static void push_spot(struct spot **out, size_t *n, size_t *cap, struct spot sp)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*out = xrealloc(*out, *cap * sizeof **out);
	}
	(*out)[(*n)++] = sp;
}

/* "September 20167": a marker set after a year with no space, which an
 * extractor glues on ("2016" and note 7).  Taken as a candidate of the
 * lowest score, so that it is chosen only where no better place keeps
 * the notes in order: a year of 1900-2099, then one or two digits that
 * name a note of the page, then no more digits or letters. */
static void year_glued_candidate(const char *buf, size_t at, const int *note_of, int max_value, size_t li,
				 struct spot **cand, size_t *ncand, size_t *cap)
{
	size_t run = 0;
	while (isdigit((unsigned char)buf[at + run]) && run < 7)
		run++;
	if (run < 5 || run > 6 || isalnum((unsigned char)buf[at + run]))
		return;
	if (!((buf[at] == '1' && buf[at + 1] == '9') || (buf[at] == '2' && buf[at + 1] == '0')))
		return;
	int v = 0;
	for (size_t d = 4; d < run; d++)
		v = v * 10 + (buf[at + d] - '0');
	if (buf[at + 4] == '0' || v < 1 || v > max_value || note_of[v] < 0)
		return;
	int k = note_of[v];
	if (ncand[k] < 64)
		push_spot(&cand[k], &ncand[k], &cap[k], (struct spot){li, (unsigned)(at + 4), (unsigned)(run - 4), 1});
}

/* The run of digits buf[at, at + run) read as a number and a marker
 * glued to it, the marker its last `tail` digits: a candidate of the
 * lowest score for the note it names, if the page has one (and the
 * marker does not open with a zero). */
static void split_candidate(const char *buf, size_t at, size_t run, size_t tail, const int *note_of, int max_value,
			    size_t li, struct spot **cand, size_t *ncand, size_t *cap)
{
	size_t head = run - tail;
	if (buf[at + head] == '0')
		return;
	int v = 0;
	for (size_t d = head; d < run; d++)
		v = v * 10 + (buf[at + d] - '0');
	if (v < 1 || v > max_value || note_of[v] < 0)
		return;
	int k = note_of[v];
	if (ncand[k] < 64)
		push_spot(&cand[k], &ncand[k], &cap[k], (struct spot){li, (unsigned)(at + head), (unsigned)tail, 1});
}

/* "résolution 77/382,": a marker glued to the number of a resolution
 * after its stroke, as French and Spanish set it before the punctuation
 * ("77/38" and note 2; "77/20411": "77/204" and note 11).  Each split
 * whose last one or two digits name a note of the page, the number
 * before them one to three digits, the phrase ending after them, is a
 * candidate of the lowest score
 * (as a year's, above): chosen only where it keeps the notes in order. */
static void symbol_glued_candidate(const char *buf, size_t at, const int *note_of, int max_value, size_t li,
				   struct spot **cand, size_t *ncand, size_t *cap)
{
	size_t run = 0, session = at - 1;
	if (!at || buf[at - 1] != '/')
		return;
	/* "77/38" standing alone ("résolution 77/38"), not the end of a
	 * longer symbol ("A/RES/78/281") */
	while (session > 0 && isdigit((unsigned char)buf[session - 1]))
		session--;
	if (session == at - 1 || at - 1 - session > 4 || (session > 0 && buf[session - 1] != ' ' && buf[session - 1] != '('))
		return;
	while (isdigit((unsigned char)buf[at + run]) && run < 6)
		run++;
	/* the phrase ends there: a comma, a semicolon or a full stop after
	 * it ("77/382,", "77/382 ;"), not a word ("51/102 du") */
	char after = buf[at + run];
	bool ends = after == ',' || after == '.' || after == ';' || after == ')' || after == '\0' ||
		    (after == ' ' && (buf[at + run + 1] == ';' || buf[at + run + 1] == ':'));
	/* "78/281." alone on its line is a resolution's number */
	if (run < 2 || run > 5 || !ends || (session == 0 && after == '.' && !buf[at + run + 1]))
		return;
	for (size_t tail = 1; tail <= 2 && tail < run; tail++)
		if (run - tail <= 3)
			split_candidate(buf, at, run, tail, note_of, max_value, li, cand, ncand, cap);
}

/* A marker glued to the end of a name that itself ends in a number or a
 * capital, with a word after it, where the whole cannot be read as one
 * thing: "resolution 59/3009 and" (a session's resolutions never reach
 * four digits), "decision 1/CP.2731 and", "CBD/CP/MOP/VIII/1914 and"
 * (four digits after a symbol's stroke or dot, the name's own number
 * one or two of them), "HIV/AIDS7 and" (a word of three capitals or more),
 * "Additional Protocol I6 to" (a Roman numeral), "Paris Agreement4and"
 * (a word both sides).  The split keeps the name's number at one to three
 * digits and gives the marker the rest.  Of the lowest score, as a year's:
 * chosen only where the page's notes stay in order, no better place
 * having been found. */
static void tail_glued_candidate(const char *buf, size_t at, const int *note_of, int max_value, size_t li,
				 struct spot **cand, size_t *ncand, size_t *cap)
{
	size_t run = 0;
	while (isdigit((unsigned char)buf[at + run]) && run < 6)
		run++;
	if (!at || run > 5)
		return;
	char before = buf[at - 1], after = buf[at + run];
	bool word_after = after == ' ' && islower((unsigned char)buf[at + run + 1]);
	size_t caps = 0, roman = 0;
	while (caps < at && isupper((unsigned char)buf[at - 1 - caps]))
		caps++;
	while (roman < at && strchr("IVX", buf[at - 1 - roman]))
		roman++;
	bool word_start = caps == at || buf[at - 1 - caps] == ' ' || buf[at - 1 - caps] == '/';
	/* the shapes, each with where the marker may begin in the run */
	size_t min_tail = 1, max_tail = 2;
	if ((before == '/' || before == '.') && at >= 2 && isalnum((unsigned char)buf[at - 2]) && run >= 4 &&
	    word_after) {
		min_tail = run - 3 > 1 ? run - 3 : 1;	/* the name's number: one to three digits */
		max_tail = run - 2;			/* and at least two */
		/* "S/2015/446": a year between strokes is a symbol's */
		if (run == 4 && after == '/')
			return;
	} else if (caps >= 3 && word_start && run <= 2 && (word_after || after == ',' || after == ';')) {
		min_tail = max_tail = run;
	} else if (roman >= 1 && roman == caps && (at == roman || buf[at - 1 - roman] == ' ') && run <= 2 &&
		   word_after) {
		min_tail = max_tail = run;
	} else if (un_lower_before(buf, at) && run <= 2 && islower((unsigned char)after)) {
		min_tail = max_tail = run;
	} else {
		return;
	}
	for (size_t tail = min_tail; tail <= max_tail && tail <= 2 && tail <= run; tail++)
		split_candidate(buf, at, run, tail, note_of, max_value, li, cand, ncand, cap);
}

/* Every place in the page's body lines [from, to) where a number may be
 * the marker of one of the page's notes: one pass over the body, each
 * candidate filed under its note (note_of[value] = k, or -1).  A note
 * keeps at most 64 candidates (a page of numbers, a table, has more). */
static void candidates(struct pagemodel *pm, size_t from, size_t to, const int *note_of, int max_value,
		       struct spot **cand, size_t *ncand, size_t *cap)
{
	char buf[2048];
	const struct un_lang *L = un_lang_of(pm->doc->meta.lang, NULL);
	for (size_t li = from; li < to; li++) {
		struct pline *l = &pm->lines[li];
		if (l->kind != PL_TEXT || l->len + 1 > sizeof buf)
			continue;
		memcpy(buf, l->s, l->len);
		buf[l->len] = '\0';
		for (size_t at = 0; at < l->len; at++) {
			if (!isdigit((unsigned char)buf[at]) || (at > 0 && isdigit((unsigned char)buf[at - 1])))
				continue;
			year_glued_candidate(buf, at, note_of, max_value, li, cand, ncand, cap);
			symbol_glued_candidate(buf, at, note_of, max_value, li, cand, ncand, cap);
			tail_glued_candidate(buf, at, note_of, max_value, li, cand, ncand, cap);
			size_t dl = 0;
			int v = 0;
			while (isdigit((unsigned char)buf[at + dl]) && dl < 4)
				v = v * 10 + (buf[at + dl++] - '0');
			/* (a marker never opens with a zero: "0,01 процента") */
			if (dl > 3 || v < 1 || v > max_value || note_of[v] < 0 || buf[at] == '0')
				continue;
			/* a marker alone on its line; glued to the word it follows
			 * ("status4 as a", "Bangkok15 and": a superscript set on the
			 * baseline with no space), after a lower-case letter only,
			 * so "G77" and "A4" are not read so */
			bool alone = at == 0 && l->len == dl;
			char after = buf[at + dl];
			bool glued = at > 0 && (un_lower_before(buf, at) || un_closes_before(buf, at)) &&
				     (!after || after == ' ' || after == ',' || after == ';' || after == '.' || after == ')');
			/* Chinese sets a marker after the punctuation or the
			 * character it follows, with no space: "报告，1 以及",
			 * "附件二；2", "《公约》3 和" */
			glued = glued || un_cjk_note_marker(buf, at, dl);
			if (!alone && !glued && (!un_bare_note_marker(buf, at, dl, true) || un_decimal_comma(L, buf, at)))
				continue;
			int k = note_of[v];
			if (ncand[k] < 64)
				push_spot(&cand[k], &ncand[k], &cap[k],
					  (struct spot){li, (unsigned)at, (unsigned)dl, alone ? 3 : marker_score(buf, at, dl)});
		}
	}
}

/* "provisional agenda*": a starred note's marker glued to a word. */
static void star_candidates(struct pagemodel *pm, size_t from, size_t to, struct spot **out, size_t *n,
			    size_t *cap)
{
	for (size_t li = from; li < to; li++) {
		struct pline *l = &pm->lines[li];
		if (l->kind != PL_TEXT)
			continue;
		for (unsigned at = 1; at < l->len && *n < 64; at++)
			if (l->s[at] == '*' && l->s[at - 1] != ' ' && l->s[at - 1] != '*' &&
			    (at + 1 == l->len || l->s[at + 1] == ' '))
				push_spot(out, n, cap, (struct spot){li, at, 1, 3});
	}
}

/* A place's rank in reading order. */
static unsigned long long spot_key(const struct spot *s)
{
	return ((unsigned long long)s->line << 32) | s->at;
}

static int by_key(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
	return (x > y) - (x < y);
}

/* One candidate in the choice: its note, its place's rank among all
 * candidates, and the best total with it chosen. */
struct choice {
	size_t note, cand;
	size_t rank;
	long best;
	size_t from;	/* the choice before it, or SIZE_MAX */
};

/* Prefix maxima over ranks (a Fenwick tree): the best choice among places
 * ranked below r, for the choice of the next note. */
static void tree_update(long *val, size_t *arg, size_t n, size_t r, long v, size_t a)
{
	for (size_t i = r + 1; i <= n; i += i & (~i + 1))
		if (v > val[i]) {
			val[i] = v;
			arg[i] = a;
		}
}

static void tree_query(const long *val, const size_t *arg, size_t r, long *v, size_t *a)
{
	*v = 0;
	*a = SIZE_MAX;
	for (size_t i = r; i > 0; i -= i & (~i + 1))
		if (val[i] > *v) {
			*v = val[i];
			*a = arg[i];
		}
}

/* Choose one place per note, in number order, each after the one before,
 * the sum of scores as high as can be (a note may go without: its marker
 * was lost or not recognised).  cand[k] are note k's candidates; writes
 * the choice to chosen[k] (or NULL).  O(n log n) in the candidates, so a
 * page of numbers cannot make it slow. */
static void choose_spots(size_t notes, struct spot **cand, const size_t *ncand, const struct spot **chosen)
{
	size_t total = 0;
	for (size_t k = 0; k < notes; k++)
		total += ncand[k];
	for (size_t k = 0; k < notes; k++)
		chosen[k] = NULL;
	if (!total)
		return;
	struct choice *ch = xmalloc(total * sizeof *ch);
	unsigned long long *keys = xmalloc(total * sizeof *keys);
	size_t t = 0;
	for (size_t k = 0; k < notes; k++)
		for (size_t c = 0; c < ncand[k]; c++) {
			ch[t] = (struct choice){.note = k, .cand = c, .from = SIZE_MAX};
			keys[t++] = spot_key(&cand[k][c]);
		}
	qsort(keys, total, sizeof *keys, by_key);
	size_t ranks = 0;
	for (size_t i = 0; i < total; i++)
		if (!i || keys[i] != keys[i - 1])
			keys[ranks++] = keys[i];
	for (size_t i = 0; i < total; i++) {
		unsigned long long key = spot_key(&cand[ch[i].note][ch[i].cand]);
		size_t lo = 0, hi = ranks;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (keys[mid] < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		ch[i].rank = lo;
	}
	long *val = xcalloc(ranks + 1, sizeof *val);
	size_t *arg = xmalloc((ranks + 1) * sizeof *arg);
	for (size_t i = 0; i <= ranks; i++)
		arg[i] = SIZE_MAX;
	/* note by note: first every candidate's best from earlier notes,
	 * then the note's candidates join the tree */
	size_t start = 0;
	long top = 0;
	size_t top_at = SIZE_MAX;
	for (size_t k = 0; k < notes; k++) {
		for (size_t i = start; i < start + ncand[k]; i++) {
			long v;
			size_t a;
			tree_query(val, arg, ch[i].rank, &v, &a);
			ch[i].best = v + cand[k][ch[i].cand].score;
			ch[i].from = a;
			if (ch[i].best > top) {
				top = ch[i].best;
				top_at = i;
			}
		}
		for (size_t i = start; i < start + ncand[k]; i++)
			tree_update(val, arg, ranks, ch[i].rank, ch[i].best, i);
		start += ncand[k];
	}
	for (size_t i = top_at; i != SIZE_MAX; i = ch[i].from)
		chosen[ch[i].note] = &cand[ch[i].note][ch[i].cand];
	free(val);
	free(arg);
	free(keys);
	free(ch);
}

/* Rewrite a body line with its markers as superscripts (the space an
 * extractor put before a marker goes). */
static void rewrite_line(struct pagemodel *pm, size_t li, const struct spot **spots, const char **markers,
			 size_t nspots)
{
	struct pline *l = &pm->lines[li];
	struct buf b = BUF_INIT;
	unsigned pos = 0;
	for (;;) {
		/* the next spot on this line */
		const struct spot *next = NULL;
		const char *marker = NULL;
		for (size_t k = 0; k < nspots; k++)
			if (spots[k] && spots[k]->line == li && spots[k]->at >= pos && (!next || spots[k]->at < next->at)) {
				next = spots[k];
				marker = markers[k];
			}
		if (!next)
			break;
		unsigned cut = next->at;
		while (cut > pos && l->s[cut - 1] == ' ')
			cut--;
		buf_put(&b, l->s + pos, cut - pos);
		buf_putc(&b, MK_SUP_OPEN);
		buf_puts(&b, marker);
		buf_putc(&b, MK_SUP_CLOSE);
		pos = next->at + next->len;
	}
	buf_put(&b, l->s + pos, l->len - pos);
	l->s = arena_strndup(&pm->doc->arena, buf_cstr(&b), b.len);
	l->len = (unsigned)b.len;
	buf_free(&b);
}

/* Find the markers of the page's notes [first, end) in its body and
 * rewrite them; a note whose marker is not found is warned about. */
static void place_markers(struct pagemodel *pm, struct page_notes *pn, size_t first, size_t end, int page)
{
	size_t count = end - first;
	if (!count)
		return;
	const struct page *pg = &pm->pages[page];
	struct spot **cand = xcalloc(count, sizeof *cand);
	size_t *ncand = xcalloc(count, sizeof *ncand), *cap = xcalloc(count, sizeof *cap);
	const struct spot **chosen = xcalloc(count, sizeof *chosen);
	const char **markers = xcalloc(count, sizeof *markers);
	/* which note a printed number would be the marker of */
	int max_value = 0;
	for (size_t k = 0; k < count; k++) {
		int v = atoi(pn->notes[first + k].marker);
		if (v > max_value)
			max_value = v;
	}
	int *note_of = xmalloc(((size_t)max_value + 1) * sizeof *note_of);
	for (int v = 0; v <= max_value; v++)
		note_of[v] = -1;
	for (size_t k = 0; k < count; k++) {
		struct page_note *note = &pn->notes[first + k];
		markers[k] = note->marker;
		if (note->marker[0] == '*')
			star_candidates(pm, pg->first, pg->rule, &cand[k], &ncand[k], &cap[k]);
		else if (note_of[atoi(note->marker)] < 0)
			note_of[atoi(note->marker)] = (int)k;
	}
	candidates(pm, pg->first, pg->rule, note_of, max_value, cand, ncand, cap);
	free(note_of);
	choose_spots(count, cand, ncand, chosen);
	for (size_t li = pg->first; li < pg->rule; li++) {
		bool here = false;
		for (size_t k = 0; k < count && !here; k++)
			here = chosen[k] && chosen[k]->line == li;
		if (here)
			rewrite_line(pm, li, chosen, markers, count);
	}
	for (size_t k = 0; k < count; k++) {
		struct page_note *note = &pn->notes[first + k];
		note->referenced = chosen[k] != NULL;
		if (chosen[k])
			diag_note(pm->doc->diag, pm->lines[chosen[k]->line].lineno, "notes",
				  "marker of footnote %s found on its page", note->marker);
		free(cand[k]);
	}
	free(cand);
	free(ncand);
	free(cap);
	free(chosen);
	free(markers);
}

/* --- one footnote block ------------------------------------------------- */

struct block_state {
	int last;		/* the last note number so far (0: none) */
	struct page_note *open;	/* the last note, which may go on overleaf */
};

static void add_note(struct pagemodel *pm, struct page_notes *pn, size_t *cap, int value, bool star, char *text,
		     int line, int page)
{
	if (pn->len == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		pn->notes = xrealloc(pn->notes, *cap * sizeof *pn->notes);
	}
	struct page_note *n = &pn->notes[pn->len++];
	memset(n, 0, sizeof *n);
	if (star)
		snprintf(n->marker, sizeof n->marker, "*");
	else
		snprintf(n->marker, sizeof n->marker, "%d", value);
	n->text = text;
	n->line = line;
	n->page = page;
	(void)pm;
}

static bool terminal_text(const char *t)
{
	size_t n = t ? strlen(t) : 0;
	while (n && t[n - 1] == ' ')
		n--;
	if (!n)
		return false;
	char c = t[n - 1];
	return c == '.' || c == ';' || c == ')' || c == ']' || (n >= 3 && !memcmp(t + n - 3, "\xe2\x80\x9d", 3));
}

/* A page's footnote block while it is read: its lines as items, the
 * items cut into note texts (groups), and the numbers the page prints. */
struct note_block {
	struct item *items;
	size_t n;
	struct group *groups;
	size_t ngroups;
	int numbers;			/* how many numbers the block prints */
	int numbers_lo, numbers_hi;	/* their range */
	int lo, hi;			/* the numbers the texts get */
	size_t numbered;		/* texts without a star */
	size_t want;			/* numbers in [lo, hi] */
	size_t skip;			/* 1 when the first text went on from the page before */
};

static void saw_number(struct note_block *nb, int v)
{
	nb->numbers++;
	if (v < nb->numbers_lo) nb->numbers_lo = v;
	if (v > nb->numbers_hi) nb->numbers_hi = v;
}

/* The lines under the page's rule as items: a number alone, a text, or
 * both ("12 Ibid.": two items).  Returns false when there are none. */
static bool collect_items(struct pagemodel *pm, const struct page *pg, struct note_block *nb)
{
	size_t nitems = 0;
	for (size_t i = pg->rule; i < pg->end; i++)
		nitems += (pm->lines[i].kind == PL_NOTE) * 2;	/* a line may be a number and a text */
	if (!nitems)
		return false;
	nb->items = arena_alloc(&pm->doc->arena, nitems * sizeof *nb->items);
	nb->groups = arena_alloc(&pm->doc->arena, nitems * sizeof *nb->groups);
	nb->numbers_lo = INT_MAX;
	for (size_t i = pg->rule; i < pg->end; i++) {
		if (pm->lines[i].kind != PL_NOTE)
			continue;
		int v;
		unsigned skip = pages_note_start(&pm->lines[i], &v);
		if (skip) {
			nb->items[nb->n++] = (struct item){i, v, 0};
			saw_number(nb, v);
			nb->items[nb->n++] = (struct item){i, -1, skip};
			continue;
		}
		struct item *it = &nb->items[nb->n++];
		*it = (struct item){i, number_line(&pm->lines[i]), 0};
		if (it->value > 0)
			saw_number(nb, it->value);
	}
	return true;
}

/* Text items into note texts: a text opens a note after a number, after
 * "*", or where it does not go on from the line before. */
static void group_texts(struct pagemodel *pm, struct note_block *nb)
{
	struct item *items = nb->items;
	int pending_anchor = -1;
	for (size_t k = 0; k < nb->n; k++) {
		if (items[k].value >= 0) {
			if (items[k].value == 0)	/* "*" alone: the next text is starred */
				pending_anchor = 0;
			else if (pending_anchor < 0)
				pending_anchor = items[k].value;
			continue;
		}
		const struct pline *l = &pm->lines[items[k].line];
		bool star = l->s[0] == '*' && l->len > 2 && l->s[1] == ' ';
		bool opens = nb->ngroups == 0 || pending_anchor >= 0 || star || items[k - 1].value >= 0 ||
			     !continues_note(pm, &pm->lines[items[nb->groups[nb->ngroups - 1].last].line], l);
		if (opens) {
			nb->groups[nb->ngroups++] = (struct group){k, k, pending_anchor, -1, star || pending_anchor == 0};
			pending_anchor = -1;
		} else {
			nb->groups[nb->ngroups - 1].last = k;
		}
	}
}

/* Cut one note text in two at the weakest place a note may end (the
 * narrowest line before a plausible start).  Returns false when there is
 * no such place. */
static bool cut_weakest(struct pagemodel *pm, struct note_block *nb)
{
	struct item *items = nb->items;
	struct group *groups = nb->groups;
	size_t best_g = SIZE_MAX, best_k = 0;
	unsigned best_width = UINT_MAX;
	for (size_t g = nb->skip; g < nb->ngroups; g++)
		for (size_t k = groups[g].first; k < groups[g].last; k++) {
			const struct pline *a = &pm->lines[items[k].line], *b = &pm->lines[items[k + 1].line];
			if (items[k].value < 0 && items[k + 1].value < 0 && weak_boundary(a, b) && a->width < best_width) {
				best_width = a->width;
				best_g = g;
				best_k = k;
			}
		}
	if (best_g == SIZE_MAX)
		return false;
	memmove(&groups[best_g + 1], &groups[best_g], (nb->ngroups - best_g) * sizeof *groups);
	nb->ngroups++;
	groups[best_g].last = best_k;
	groups[best_g + 1].first = best_k + 1;
	groups[best_g + 1].anchor = -1;
	groups[best_g + 1].star = false;
	nb->numbered++;
	return true;
}

/* Make the count of texts and the page's range of numbers agree where
 * the evidence allows: a first text may go on with the last page's last
 * note, numbers lost at the start of the range are restored, too few
 * texts are cut. */
static void fit_count(struct pagemodel *pm, struct note_block *nb, struct block_state *st)
{
	for (size_t g = 0; g < nb->ngroups; g++)
		nb->numbered += !nb->groups[g].star;
	int next = st->last + 1;
	nb->lo = nb->numbers ? nb->numbers_lo : next;
	nb->hi = nb->numbers ? nb->numbers_hi : next + (int)nb->numbered - 1;
	/* a restart (an annex, an embedded draft) begins again at 1 */
	if (nb->numbers && nb->lo == 1 && st->last >= 1)
		next = 1;
	nb->want = nb->hi >= nb->lo ? (size_t)(nb->hi - nb->lo + 1) : 0;
	const struct group *first = &nb->groups[0];
	if (nb->numbered > nb->want && nb->ngroups && !first->star && first->anchor < 0 && st->open &&
	    (!terminal_text(st->open->text) || islower((unsigned char)pm->lines[nb->items[first->first].line].s[0]))) {
		char *more = group_text(pm, nb->items, first);
		st->open->text = arena_concat(&pm->doc->arena, 3, st->open->text ? st->open->text : "", " ", more);
		diag_note(pm->doc->diag, pm->lines[nb->items[first->first].line].lineno, "notes",
			  "footnote %s goes on from the page before", st->open->marker);
		nb->skip = 1;
		nb->numbered--;
	}
	while (nb->numbered > nb->want && nb->lo > next) {
		nb->lo--;
		nb->want++;
	}
	while (nb->numbered < nb->want && cut_weakest(pm, nb))
		;
}

/* Give each numbered text its number: in order when the counts agree;
 * otherwise a number printed just before a text anchors it and the
 * others go in order, a text past the range warned about. */
static void assign_numbers(struct pagemodel *pm, struct note_block *nb)
{
	struct group *groups = nb->groups;
	if (nb->numbered == nb->want) {
		int v = nb->lo;
		for (size_t g = nb->skip; g < nb->ngroups; g++)
			if (!groups[g].star)
				groups[g].value = v++;
		return;
	}
	bool *used = arena_zalloc(&pm->doc->arena, (nb->want + 1) * sizeof *used);
	for (size_t g = nb->skip; g < nb->ngroups; g++)
		if (!groups[g].star && groups[g].anchor >= nb->lo && groups[g].anchor <= nb->hi &&
		    !used[groups[g].anchor - nb->lo]) {
			groups[g].value = groups[g].anchor;
			used[groups[g].anchor - nb->lo] = true;
		}
	int v = nb->lo;
	for (size_t g = nb->skip; g < nb->ngroups; g++) {
		if (groups[g].star || groups[g].value > 0)
			continue;
		while (v <= nb->hi && used[v - nb->lo])
			v++;
		if (v > nb->hi) {
			diag_warn(pm->doc->diag, pm->lines[nb->items[groups[g].first].line].lineno, "notes",
				  "a footnote text with no number to go with it; kept as footnote %d", v);
			nb->hi = v;
		}
		groups[g].value = v;
		if (v - nb->lo < (int)nb->want)
			used[v - nb->lo] = true;
		v++;
	}
}

/* The page's notes, in number order (a text lost leaves its number and a
 * warning), then the starred ones. */
static void emit_notes(struct pagemodel *pm, const struct note_block *nb, int page, struct page_notes *pn,
		       size_t *cap, struct block_state *st)
{
	const struct group *groups = nb->groups;
	for (int v = nb->lo; v <= nb->hi; v++) {
		size_t g = SIZE_MAX;
		for (size_t h = nb->skip; h < nb->ngroups; h++)
			if (!groups[h].star && groups[h].value == v)
				g = h;
		if (g == SIZE_MAX) {
			int line = pm->lines[pm->pages[page].rule].lineno;
			for (size_t k = 0; k < nb->n; k++)
				if (nb->items[k].value == v)
					line = pm->lines[nb->items[k].line].lineno;
			diag_warn(pm->doc->diag, line, "notes",
				  "footnote %d is numbered on this page but its text is missing from the source; "
				  "the marker is kept", v);
			add_note(pm, pn, cap, v, false, NULL, line, page);
			continue;
		}
		add_note(pm, pn, cap, v, false, group_text(pm, nb->items, &groups[g]),
			 pm->lines[nb->items[groups[g].first].line].lineno, page);
		st->open = &pn->notes[pn->len - 1];
	}
	for (size_t g = nb->skip; g < nb->ngroups; g++)
		if (groups[g].star)
			add_note(pm, pn, cap, 0, true, group_text(pm, nb->items, &groups[g]),
				 pm->lines[nb->items[groups[g].first].line].lineno, page);
}

/* Read the footnote block of one page into pn. */
static void read_block(struct pagemodel *pm, int page, struct page_notes *pn, size_t *cap, struct block_state *st)
{
	struct note_block nb = {0};
	if (!collect_items(pm, &pm->pages[page], &nb))
		return;
	group_texts(pm, &nb);
	fit_count(pm, &nb, st);
	assign_numbers(pm, &nb);
	emit_notes(pm, &nb, page, pn, cap, st);
	if (nb.hi >= nb.lo)
		st->last = nb.hi;
}

void notes_read(struct pagemodel *pm, struct page_notes *out)
{
	memset(out, 0, sizeof *out);
	out->page_first = arena_zalloc(&pm->doc->arena, (pm->npages + 1) * sizeof *out->page_first);
	size_t cap = 0;
	struct block_state st = {0};
	for (size_t p = 0; p < pm->npages; p++) {
		out->page_first[p] = out->len;
		read_block(pm, (int)p, out, &cap, &st);
		/* st.open points into out->notes, which may move as it grows */
		st.open = out->len ? &out->notes[out->len - 1] : NULL;
	}
	out->page_first[pm->npages] = out->len;
	for (size_t p = 0; p < pm->npages; p++)
		place_markers(pm, out, out->page_first[p], out->page_first[p + 1], (int)p);
	/* a marker not found on its page is left to the footnotes pass, which
	 * searches the text before the note for it and warns if it fails */
	/* the notes are copied into the arena so the caller owns nothing */
	if (out->len) {
		struct page_note *kept = arena_alloc(&pm->doc->arena, out->len * sizeof *kept);
		memcpy(kept, out->notes, out->len * sizeof *kept);
		free(out->notes);
		out->notes = kept;
	}
}
