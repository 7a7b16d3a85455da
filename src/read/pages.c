/* pages.c — line-wrapped text read as printed pages (see pages.h).
 *
 * What a UN page carries besides its text, as pdftotext writes it:
 *   - the footer: job number ("26-01234 (E)" on the first page, "26-01234"
 *     after), page of pages ("2/5"), on the first page the print date
 *     ("050127") and the barcode ("*2601234*"); in reading order these can
 *     fall anywhere on the page, even inside the footnote block, and a
 *     footer can be glued to the last word of the page when pdftotext took
 *     it for the end of a hyphenated word ("forward2/5");
 *   - the running head on every page after the first: the symbol and the
 *     short title, in either order (odd and even pages alternate), the
 *     title on one or two lines;
 *   - older layouts: a bare page number ("2") at the foot, "Page 2" and
 *     "English" in the head, "/..." where a page continues, a closing rule
 *     of dashes;
 *   - the rule of underscores above the page's footnotes, which run to the
 *     page's end.
 * Marks are recognised by their form wherever they are; running heads by
 * their place at a page's head and by repeating (on another page's head, or
 * on the cover). */
#include "read/pages.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/un.h"
#include "doc/unlang.h"
#include "doc/printmarks.h"
#include "util/xmalloc.h"

unsigned pages_width(const char *s, size_t n)
{
	unsigned w = 0;
	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)s[i] & 0xc0) != 0x80;
	return w;
}

/* Times New Roman's advances for printable ASCII, in thousandths of an
 * em (the metrics Adobe publishes for Times-Roman, which Liberation Serif
 * and Times New Roman share).  A count of characters says how wide a
 * line is only roughly: a line of dates and symbols ("57/25 of 19
 * November 2002, 58/80 of") holds a seventh fewer characters than a line
 * of prose set to the same width, and read as short it broke a paragraph
 * in two. */
static const unsigned short ascii_ems[95] = {
	250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,	/*  !"#$%&'()*+,-./ */
	500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,	/* 0-9 :;<=>? */
	921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,	/* @A-O */
	556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,	/* P-Z [\]^_ */
	333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,	/* `a-o */
	500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,	/* p-z {|}~ */
};

/* The same for Cyrillic, А to я (U+0410-044F), as Liberation Serif sets
 * them (Times New Roman's metrics).  Half an em a letter was a tenth too
 * narrow for small letters and a third for capitals: Russian words are
 * long, and a line ending before one was read as short. */
static const unsigned short cyrillic_ems[64] = {
	722, 574, 667, 578, 682, 611, 896, 501, 722, 722, 667, 678, 889, 722, 722, 722,	/* А-П */
	556, 667, 611, 708, 790, 722, 722, 650, 1009, 1009, 706, 872, 574, 660, 1028, 667,	/* Р-Я */
	444, 509, 472, 410, 509, 444, 691, 395, 535, 535, 486, 499, 633, 535, 500, 535,	/* а-п */
	500, 444, 437, 500, 648, 500, 535, 503, 770, 770, 517, 672, 456, 429, 747, 460,	/* р-я */
};

unsigned pages_ems(const char *s, size_t n)
{
	unsigned w = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned next = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		unsigned cp = (c == 0xd0 || c == 0xd1) && (next & 0xc0) == 0x80 ? (c & 0x1fu) << 6 | (next & 0x3f) : 0;
		if (c >= 32 && c < 127)
			w += ascii_ems[c - 32];
		else if (cp >= 0x410 && cp < 0x450)
			w += cyrillic_ems[cp - 0x410], i++;
		else if ((c >= 0xe3 && c <= 0xe9) ||
			 (c == 0xef && i + 1 < n && ((unsigned char)s[i + 1] == 0xbc || (unsigned char)s[i + 1] == 0xbd)))
			w += 1000;	/* CJK, and full-width forms ("，", "；"): a full em */
		else if (c >= 0xc0)
			w += 500;	/* another letter: accented, Cyrillic, Greek */
		else if (c < 0x80)
			w += 250;	/* a tab or control character */
	}
	return w;
}

/* A copy of a short line with its NUL, for the matchers that want one;
 * longer lines are never furniture. */
static bool short_copy(char *buf, size_t size, const struct pline *l)
{
	if (l->len + 1 > size)
		return false;
	memcpy(buf, l->s, l->len);
	buf[l->len] = '\0';
	return true;
}

/* Whether s[0..n) names a UN document symbol and nothing else (a Security
 * Council resolution's year included: "S/RES/2700 (2023)"). */
static bool pages_line_is_symbol(const char *s, size_t n)
{
	char buf[128];
	if (n + 1 > sizeof buf || n == 0)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	size_t len;
	if (!un_symbol_match(buf, 0, &len))
		return false;
	if (len == n)
		return true;
	/* the Security Council's "S/RES/2700 (2023)" */
	const char *rest = buf + len;
	return rest[0] == ' ' && rest[1] == '(' && isdigit((unsigned char)rest[2]) && isdigit((unsigned char)rest[3]) &&
	       isdigit((unsigned char)rest[4]) && isdigit((unsigned char)rest[5]) && rest[6] == ')' && !rest[7];
}

static bool same_text(const struct pline *a, const struct pline *b)
{
	return a->len == b->len && !memcmp(a->s, b->s, a->len);
}

static void mark(struct pline *l, const char *why)
{
	l->kind = PL_FURNITURE;
	l->why = why;
}

/* Lines and pages: a form feed opens a new page (pdftotext writes it at
 * the start of the next page's first line). */
/* The columns of a pdftotext -layout line: runs of text apart by three
 * spaces or more ("United Nations        A/RES/81/7", "1.     Takes note
 * …", "2   A/67/517, annex.").  Returns how many cells it stored (at most
 * max), each with its column. */
static size_t layout_cells(const char *s, size_t n, const char **cell, size_t *len, unsigned *col, size_t max)
{
	size_t count = 0, i = 0;
	while (i < n && count < max) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		size_t start = i;
		/* the cell runs to a gap of three spaces */
		while (i < n && !(s[i] == ' ' && i + 2 < n && s[i + 1] == ' ' && s[i + 2] == ' '))
			i++;
		size_t e = i;
		while (e > start && s[e - 1] == ' ')
			e--;
		cell[count] = s + start;
		len[count] = e - start;
		col[count] = pages_width(s, start);
		count++;
	}
	if (count == max && i < n)	/* the rest in the last cell */
		len[max - 1] = (size_t)(s + n - cell[max - 1]);
	return count;
}

/* Lines and pages: a form feed opens a new page (pdftotext writes it at
 * the start of the next page's first line).  Text from pdftotext -layout
 * keeps its indentation and columns: each column of a line becomes a line
 * of the model, in reading order, with its column as its indent. */
static void split(struct pagemodel *pm)
{
	struct document *doc = pm->doc;
	const char *src = doc->source, *end = src + doc->source_len;
	bool columns = pm->layout == LAYOUT_COLUMNS;
	enum { MAX_CELLS = 16 };
	size_t max_lines = 1, max_pages = 1;
	for (const char *p = src; p < end; p++) {
		max_lines += *p == '\n';
		max_pages += *p == '\f';
	}
	if (columns)
		max_lines *= MAX_CELLS;
	/* room for the lines split_glued_note_numbers makes */
	max_lines += max_lines / 8 + 8;
	pm->cap_lines = max_lines;
	pm->lines = arena_zalloc(&doc->arena, max_lines * sizeof *pm->lines);
	pm->pages = arena_zalloc(&doc->arena, max_pages * sizeof *pm->pages);
	pm->npages = 1;
	int lineno = 1;
	for (const char *p = src; p < end; lineno++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
		const char *s = p;
		size_t m = n;
		while (m && *s == '\f') {
			s++, m--;
			/* a new page, unless nothing was on the current one yet */
			if (pm->nlines > pm->pages[pm->npages - 1].first) {
				pm->pages[pm->npages - 1].end = pm->nlines;
				pm->pages[pm->npages].first = pm->nlines;
				pm->npages++;
			}
		}
		while (m && (s[m - 1] == ' ' || s[m - 1] == '\t' || s[m - 1] == '\r' || s[m - 1] == '\f'))
			m--;
		const char *cell[MAX_CELLS];
		size_t len[MAX_CELLS];
		unsigned col[MAX_CELLS];
		size_t cells = 1;
		if (columns) {
			cells = layout_cells(s, m, cell, len, col, MAX_CELLS);
		} else {
			unsigned indent = 0;
			while (m && (*s == ' ' || *s == '\t'))
				s++, m--, indent++;
			cell[0] = s, len[0] = m, col[0] = indent;
		}
		if (!cells)	/* a blank line */
			cell[0] = s, len[0] = 0, col[0] = 0, cells = 1;
		for (size_t c = 0; c < cells; c++) {
			struct pline *l = &pm->lines[pm->nlines++];
			l->s = cell[c];
			l->len = (unsigned)len[c];
			l->width = pages_width(cell[c], len[c]);
			l->ems = pages_ems(cell[c], len[c]);
			l->indent = col[c];
			l->lineno = lineno;
			l->page = (int)pm->npages - 1;
			l->kind = len[c] ? PL_TEXT : PL_BLANK;
		}
		p += n + (eol ? 1 : 0);
		if (!eol)
			break;
	}
	pm->pages[pm->npages - 1].end = pm->nlines;
	for (size_t i = 0; i < pm->npages; i++)
		pm->pages[i].rule = pm->pages[i].end;
}

/* The value below which per_mille thousandths of a histogram's n values
 * lie. */
static unsigned percentile(const size_t *histogram, unsigned buckets, size_t n, unsigned per_mille)
{
	size_t seen = 0, want = n - n * (1000 - per_mille) / 1000;
	for (unsigned w = 0; w < buckets; w++) {
		seen += histogram[w];
		if (seen >= want)
			return w;
	}
	return buckets - 1;
}

/* The 90th percentile of the values from three fifths of the 95th up:
 * the lines that may be full. */
static unsigned full_width(const size_t *histogram, unsigned buckets, size_t n)
{
	unsigned low = percentile(histogram, buckets, n, 950) * 3 / 5;
	size_t m = 0;
	for (unsigned w = low; w < buckets; w++)
		m += histogram[w];
	return low + percentile(histogram + low, buckets - low, m, 900);
}

/* The width of a full line, in characters and as printed (in tenths of
 * an em, then thousandths): the 90th percentile of the text lines'.  On
 * a document of many pages most lines are full and the widest tenth are
 * within an em or two of it.  A one-page resolution (under 60 lines) is
 * mostly its cover's short lines: its 90th percentile is no full line,
 * and its few full lines stand more than 8 ems above it (and were taken
 * for two lines glued, each then short); there the lines that may be
 * full decide (full_width).  Lines twice as wide (glued by pdftotext) do
 * not. */
static void find_measure(struct pagemodel *pm)
{
	enum { MAX_WIDTH = 256, MAX_TENTHS = 1280 };
	size_t histogram[MAX_WIDTH + 1] = {0}, tenths[MAX_TENTHS + 1] = {0}, n = 0;
	for (size_t i = 0; i < pm->nlines; i++)
		if (pm->lines[i].kind == PL_TEXT && pm->lines[i].width >= 8) {
			unsigned w = pm->lines[i].width, e = pm->lines[i].ems / 100;
			histogram[w < MAX_WIDTH ? w : MAX_WIDTH]++;
			tenths[e < MAX_TENTHS ? e : MAX_TENTHS]++;
			n++;
		}
	if (!n) {
		pm->measure = 80;
		pm->measure_ems = 80 * 450;
		return;
	}
	/* the widest line that is not two glued, above the 90th percentile */
	unsigned p90 = percentile(tenths, MAX_TENTHS + 1, n, 900), top = p90;
	for (unsigned w = p90; w <= MAX_TENTHS && w * 5 < p90 * 8; w++)
		if (tenths[w])
			top = w;
	bool few_full = n < 60 && top > p90 + 80;
	pm->measure = few_full ? full_width(histogram, MAX_WIDTH + 1, n) : percentile(histogram, MAX_WIDTH + 1, n, 900);
	pm->measure_ems = (few_full ? full_width(tenths, MAX_TENTHS + 1, n) : p90) * 100 + 50;
}

/* "forward2/5": this page's own "k/N" glued to the line's last word.  It
 * is cut off; pdftotext glues it only where it dropped a line-end hyphen. */
static void cut_glued_page_number(struct pagemodel *pm, struct pline *l)
{
	char suffix[24];
	int n = snprintf(suffix, sizeof suffix, "%d/%zu", l->page + 1, pm->npages);
	if (n <= 0 || (unsigned)n >= l->len)
		return;
	const char *at = l->s + l->len - n;
	if (memcmp(at, suffix, (size_t)n) || !isalpha((unsigned char)at[-1]))
		return;
	l->len -= (unsigned)n;
	l->width = pages_width(l->s, l->len);
	l->ems = pages_ems(l->s, l->len);
	l->lost_hyphen = true;
	diag_note(pm->doc->diag, l->lineno, "pages", "removed the page number %s glued to the line's last word", suffix);
}

static bool line_is_number(const struct pline *l, int value)
{
	char buf[16];
	int n = snprintf(buf, sizeof buf, "%d", value);
	return n > 0 && l->len == (unsigned)n && !memcmp(l->s, buf, (size_t)n);
}

/* Make room for a line after line i (pm->cap_lines allows it). */
static struct pline *insert_line_after(struct pagemodel *pm, size_t i)
{
	memmove(&pm->lines[i + 2], &pm->lines[i + 1], (pm->nlines - i - 1) * sizeof *pm->lines);
	pm->nlines++;
	for (size_t p = 0; p < pm->npages; p++) {
		struct page *pg = &pm->pages[p];
		pg->first += pg->first > i;
		pg->end += pg->end > i;
		pg->rule += pg->rule > i;
	}
	return &pm->lines[i + 1];
}

/* "… convening of the event by the Secretary9 A/78/239." / "10 Resolution
 * 70/1.": the page's first note, number and text, glued to the last body
 * line where pdftotext took it for the rest of a word broken at the
 * line's end ("Secretary-" / "General").  Where the next line opens the
 * next note ("10 …"), the first goes back on a line of its own, and the
 * line lost a hyphen.  Returns whether it split line i. */
static bool split_glued_note_line(struct pagemodel *pm, size_t i)
{
	struct pline *l = &pm->lines[i];
	size_t k = i + 1;
	while (k < pm->nlines && pm->lines[k].kind == PL_BLANK)
		k++;
	int next;
	if (k == pm->nlines || pm->lines[k].page != l->page || !pages_note_start(&pm->lines[k], &next) || next < 2)
		return false;
	char want[8];
	int wn = snprintf(want, sizeof want, "%d ", next - 1);
	/* the last place a letter is followed by the number and a note's text */
	for (unsigned at = l->len > (unsigned)wn ? l->len - (unsigned)wn : 0; at > 0; at--) {
		if (memcmp(l->s + at, want, (size_t)wn) || !isalpha((unsigned char)l->s[at - 1]))
			continue;
		struct pline tail = *l;
		tail.s = l->s + at;
		tail.len = l->len - at;
		int v;
		if (!pages_note_start(&tail, &v) || v != next - 1)
			return false;
		struct pline *note = insert_line_after(pm, i);
		l = &pm->lines[i];
		*note = tail;
		note->width = pages_width(note->s, note->len);
		note->ems = pages_ems(note->s, note->len);
		note->indent = 0;
		l->len = at;
		l->width = pages_width(l->s, l->len);
		l->ems = pages_ems(l->s, l->len);
		l->lost_hyphen = true;
		diag_note(pm->doc->diag, l->lineno, "pages", "footnote %d glued to the line's last word set apart", v);
		return true;
	}
	return false;
}

/* "… and in5" / "6" / "7": a page's notes' numbers stacked at its foot,
 * the first glued to the last word above them where pdftotext took it
 * for the rest of a word broken at the line's end ("in-" / "kind").  The
 * number goes back on a line of its own, and the line lost a hyphen. */
static void split_glued_note_numbers(struct pagemodel *pm)
{
	for (size_t i = 0; i + 1 < pm->nlines && pm->nlines < pm->cap_lines; i++) {
		struct pline *l = &pm->lines[i];
		unsigned d = 0;
		while (d < 3 && d < l->len && isdigit((unsigned char)l->s[l->len - 1 - d]))
			d++;
		if (l->kind == PL_TEXT && split_glued_note_line(pm, i)) {
			i++;
			continue;
		}
		if (l->kind != PL_TEXT || !d || d + 2 > l->len || !isalpha((unsigned char)l->s[l->len - 1 - d]) ||
		    l->s[l->len - d] == '0')
			continue;
		int v = atoi(l->s + l->len - d);
		size_t k = i + 1;
		while (k < pm->nlines && pm->lines[k].kind == PL_BLANK)
			k++;
		if (k == pm->nlines || pm->lines[k].page != l->page || !line_is_number(&pm->lines[k], v + 1))
			continue;
		struct pline *num = insert_line_after(pm, i);
		l = &pm->lines[i];
		*num = *l;
		num->s = l->s + l->len - d;
		num->len = d;
		num->width = d;
		num->ems = pages_ems(num->s, d);
		num->indent = 0;
		l->len -= d;
		l->width = pages_width(l->s, l->len);
		l->ems = pages_ems(l->s, l->len);
		l->lost_hyphen = true;
		diag_note(pm->doc->diag, l->lineno, "pages", "note number %d glued to the line's last word set apart", v);
		i++;
	}
}

/* Marks recognised by their form alone. */
static void mark_by_form(struct pagemodel *pm)
{
	char buf[96];
	for (size_t i = 0; i < pm->nlines; i++) {
		struct pline *l = &pm->lines[i];
		if (l->kind != PL_TEXT)
			continue;
		cut_glued_page_number(pm, l);
		if (!short_copy(buf, sizeof buf, l))
			continue;
		const char *kind = pm_line_kind(buf);
		if (kind && !strcmp(kind, "footnote rule")) {
			l->kind = PL_RULE;
			l->why = kind;
		} else if (kind) {
			mark(l, kind);
			/* the first page's job number ("26-05246 (E)"): the
			 * edition's identity, kept as metadata */
			size_t jn;
			const char *job = pm_job_number_in(buf, &jn);
			if (job && !pm->doc->meta.job_number)
				pm->doc->meta.job_number = arena_strndup(&pm->doc->arena, job, jn);
		} else if (l->page == 0 && pm_is_print_stamp(l->s, l->len)) {
			/* the print date beside the first page's job number */
			mark(l, "print date");
		} else if (!strncmp(buf, "Page ", 5) && line_is_number(&(struct pline){.s = buf + 5, .len = l->len - 5},
								      l->page + 1)) {
			mark(l, "page number");	/* older layouts: "Page 2" */
		} else if (!strcmp(buf, "/...") || !strcmp(buf, "/\xe2\x80\xa6")) {
			mark(l, "continuation mark");
		} else if (l->len >= 5 && strspn(buf, "-") == l->len) {
			mark(l, "closing rule");
		}
	}
}

/* Older layouts print a bare page number ("2") at a page's foot; in
 * reading order it may land anywhere on the page.  A document that does so
 * shows it on some page as that page's first or last line; then every line
 * that is just its page's number, outside footnotes, is one. */
static void mark_bare_page_numbers(struct pagemodel *pm)
{
	bool uses = false;
	for (size_t p = 1; p < pm->npages && !uses; p++) {
		struct page *pg = &pm->pages[p];
		size_t first = pg->first, last = pg->end;
		while (first < last && pm->lines[first].kind != PL_TEXT)
			first++;
		while (last > first && pm->lines[last - 1].kind != PL_TEXT)
			last--;
		if (first < last && (line_is_number(&pm->lines[first], (int)p + 1) ||
				     line_is_number(&pm->lines[last - 1], (int)p + 1)))
			uses = true;
	}
	if (!uses)
		return;
	for (size_t i = 0; i < pm->nlines; i++) {
		struct pline *l = &pm->lines[i];
		if (l->kind == PL_TEXT && l->page > 0 && line_is_number(l, l->page + 1))
			mark(l, "page number");
	}
}

/* Is b the line under a in one run of text: the next printed line, in the
 * same column (pdftotext -layout puts columns side by side)? */
static bool continues_run(const struct pline *a, const struct pline *b)
{
	return a->kind == PL_TEXT && b->lineno == a->lineno + 1 &&
	       (a->indent > b->indent ? a->indent - b->indent : b->indent - a->indent) < 8;
}

/* Is this line also on the first page, whose cover prints the title the
 * running head repeats?  The title may be wrapped there otherwise than in
 * the head: the line is compared with the first page's runs of lines
 * (joined by spaces), from a run's start. */
static bool on_first_page(struct pagemodel *pm, const struct pline *l)
{
	if (l->len < 12)
		return false;
	for (size_t i = pm->pages[0].first; i < pm->pages[0].end; i++) {
		if (pm->lines[i].kind != PL_TEXT || (i > pm->pages[0].first && continues_run(&pm->lines[i - 1], &pm->lines[i])))
			continue;
		/* a run starts at line i: follow it while it matches */
		size_t at = 0;
		for (size_t k = i; k < pm->pages[0].end && pm->lines[k].kind == PL_TEXT &&
				   (k == i || continues_run(&pm->lines[k - 1], &pm->lines[k]));
		     k++) {
			const struct pline *r = &pm->lines[k];
			if (at) {
				if (at >= l->len || l->s[at] != ' ')
					break;
				at++;
			}
			size_t n = r->len < l->len - at ? r->len : l->len - at;
			if (memcmp(r->s, l->s + at, n))
				break;
			at += n;
			/* the whole of a cover line or run, or (a running title
			 * cut short) a good part of one from its start */
			if (at == l->len && (n == r->len || l->len >= 20))
				return true;
			if (at == l->len)
				break;
		}
	}
	return false;
}

/* The first lines of a page that may be its running head: text lines
 * before the first one that cannot be (at most four). */
static size_t head_zone(struct pagemodel *pm, size_t p, size_t *zone, size_t max)
{
	size_t n = 0;
	for (size_t i = pm->pages[p].first; i < pm->pages[p].end && n < max; i++) {
		struct pline *l = &pm->lines[i];
		if (l->kind == PL_BLANK || l->kind == PL_FURNITURE)
			continue;
		if (l->kind != PL_TEXT || l->width > pm->measure)
			break;
		zone[n++] = i;
	}
	return n;
}

/* How many pages print a line in their head zone: the heads are counted
 * once, before any is marked, in a table of their texts (comparing every
 * page's head with every other's was quadratic in the pages). */
struct head_count {
	const struct pline *line;	/* the first page's line with this text */
	int pages, last_page;
};

static unsigned text_hash(const struct pline *l)
{
	unsigned h = 2166136261u;
	for (unsigned i = 0; i < l->len; i++)
		h = (h ^ (unsigned char)l->s[i]) * 16777619u;
	return h;
}

static struct head_count *head_slot(struct head_count *table, size_t cap, const struct pline *l)
{
	for (size_t i = text_hash(l) & (cap - 1);; i = (i + 1) & (cap - 1))
		if (!table[i].line || same_text(table[i].line, l))
			return &table[i];
}

/* "English": the language of the edition, printed in older layouts' running
 * heads under the symbol. */
static bool edition_language(const struct pline *l)
{
	static const char *const languages[] = {"English", "ENGLISH", "French", "FRENCH", "Spanish", "SPANISH",
						"Russian", "RUSSIAN", "Arabic", "ARABIC", "Chinese", "CHINESE"};
	for (size_t k = 0; k < sizeof languages / sizeof languages[0]; k++)
		if (l->len == strlen(languages[k]) && !memcmp(l->s, languages[k], l->len))
			return true;
	return false;
}

/* Running heads: on each page after the first, the lines at its head that
 * are the document's symbol, or repeat another page's head, or repeat a
 * line of the cover (the title).  Looking stops at the first line that is
 * none of these. */
static void mark_running_heads(struct pagemodel *pm)
{
	if (pm->npages < 2)
		return;
	struct arena *A = &pm->doc->arena;
	size_t *zones = arena_alloc(A, pm->npages * 4 * sizeof *zones), *counts = arena_zalloc(A, pm->npages * sizeof *counts);
	size_t cap = 16;
	while (cap < pm->npages * 8)
		cap *= 2;
	struct head_count *table = arena_zalloc(A, cap * sizeof *table);
	for (size_t p = 1; p < pm->npages; p++) {
		counts[p] = head_zone(pm, p, zones + p * 4, 4);
		for (size_t k = 0; k < counts[p]; k++) {
			const struct pline *l = &pm->lines[zones[p * 4 + k]];
			struct head_count *c = head_slot(table, cap, l);
			if (!c->line)
				c->line = l;
			if (c->last_page != (int)p)
				c->pages++, c->last_page = (int)p;
		}
	}
	for (size_t p = 1; p < pm->npages; p++) {
		size_t *zone = zones + p * 4;
		size_t n = counts[p];
		for (size_t k = 0; k < n; k++) {
			struct pline *l = &pm->lines[zone[k]];
			bool symbol = pages_line_is_symbol(l->s, l->len);
			bool head = (symbol && pm->symbol && l->len == strlen(pm->symbol) &&
				     !memcmp(l->s, pm->symbol, l->len)) ||
				    head_slot(table, cap, l)->pages >= 2 || (k < 3 && on_first_page(pm, l)) ||
				    edition_language(l);
			if (!head)
				break;
			mark(l, symbol ? "running head (symbol)" : "running head");
			/* pdftotext -layout: the title printed beside the symbol on
			 * the same line is the other half of the head */
			for (size_t c = pm->pages[p].first; c < pm->pages[p].end; c++)
				if (c != zone[k] && pm->lines[c].lineno == l->lineno && pm->lines[c].kind == PL_TEXT)
					mark(&pm->lines[c], "running head");
		}
	}
}

/* The symbol the first page prints alone (top right of the cover): among
 * its first lines (pdftotext -layout puts "United Nations" before it). */
static void find_symbol(struct pagemodel *pm)
{
	int seen = 0;
	for (size_t i = pm->pages[0].first; i < pm->pages[0].end && seen < 4; i++) {
		struct pline *l = &pm->lines[i];
		if (l->kind != PL_TEXT)
			continue;
		seen++;
		if (pages_line_is_symbol(l->s, l->len)) {
			pm->symbol = arena_strndup(&pm->doc->arena, l->s, l->len);
			return;
		}
	}
}

/* The footnote block: everything under the page's first rule. */
static void mark_note_blocks(struct pagemodel *pm)
{
	for (size_t p = 0; p < pm->npages; p++) {
		struct page *pg = &pm->pages[p];
		for (size_t i = pg->first; i < pg->end; i++)
			if (pm->lines[i].kind == PL_RULE) {
				pg->rule = i;
				break;
			}
		for (size_t i = pg->rule + 1; i < pg->end; i++)
			if (pm->lines[i].kind == PL_TEXT)
				pm->lines[i].kind = PL_NOTE;
	}
}

/* "2000 Review Conference of the Parties …", "2030 Agenda …": a note
 * may open with a year that names what it cites, then a capital. */
static bool note_opens_with_year(const char *t, unsigned n)
{
	return n >= 6 && ((t[0] == '1' && t[1] == '9') || (t[0] == '2' && t[1] == '0')) &&
	       isdigit((unsigned char)t[2]) && isdigit((unsigned char)t[3]) && t[4] == ' ' &&
	       un_is_upper(t + 5, n - 5);
}

unsigned pages_note_start(const struct pline *l, int *value)
{
	unsigned i = 0;
	int v = 0;
	while (i < l->len && i < 4 && isdigit((unsigned char)l->s[i]))
		v = v * 10 + (l->s[i++] - '0');
	if (!i || i > 3 || i + 2 > l->len || l->s[i] != ' ' || v < 1)
		return 0;
	const char *t = l->s + i + 1;
	unsigned rest = l->len - i - 1;
	/* a capital of any script ("Résolution 2625 (XXV)"), a quote ("“",
	 * French "«"), "ibid.", a year ("2000 Review Conference"), an
	 * address ("https://…", "www.un.org/…"), a Han character or "《"
	 * ("1 第60/1号决议。") */
	size_t cjk;
	bool opens = un_is_upper(t, rest) || t[0] == '"' || (rest >= 3 && !memcmp(t, "\xe2\x80\x9c", 3)) ||
		     (rest >= 2 && !memcmp(t, "\xc2\xab", 2)) || (rest >= 5 && !memcmp(t, "ibid", 4)) ||
		     note_opens_with_year(t, rest) || (rest >= 5 && !memcmp(t, "http", 4)) ||
		     (rest >= 5 && !memcmp(t, "www.", 4)) || un_is_cjk(t, rest, &cjk);
	if (!opens)
		return 0;
	/* not a date ("2 October 2015, affirming …"); a word that only
	 * opens like a month is none ("7 Mayotte", "5 Mayors for Peace") */
	static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
					     "August", "September", "October", "November", "December"};
	for (size_t k = 0; k < 12; k++) {
		size_t n = strlen(months[k]);
		if (rest >= n && !memcmp(t, months[k], n) && (rest == n || !isalpha((unsigned char)t[n])))
			return 0;
	}
	*value = v;
	return i + 1;
}

/* A footnote number alone on its line ("12"), or 0. */
static int bare_number(const struct pline *l)
{
	if (!l->len || l->len > 3)
		return 0;
	int v = 0;
	for (unsigned i = 0; i < l->len; i++) {
		if (!isdigit((unsigned char)l->s[i]))
			return 0;
		v = v * 10 + (l->s[i] - '0');
	}
	return v;
}

/* "резолюции 77/382,", "résolution 77/382,": the marker (n digits at
 * at) glued to a resolution's number after its stroke, as Russian,
 * French and Spanish set it before the punctuation: one to three digits
 * between the stroke and the marker, one to four before the stroke (a
 * word before them, not "A/RES/78/281"), the phrase ending after. */
static bool after_symbol(const char *buf, size_t at, size_t n)
{
	size_t head = at, session;
	while (head > 0 && isdigit((unsigned char)buf[head - 1]))
		head--;
	if (at - head > 3 || head < 2 || buf[head - 1] != '/' || buf[head] == '0')
		return false;
	for (session = head - 1; session > 0 && isdigit((unsigned char)buf[session - 1]);)
		session--;
	if (session == head - 1 || head - 1 - session > 4 || (session > 0 && buf[session - 1] != ' ' && buf[session - 1] != '('))
		return false;
	char after = buf[at + n];
	return after == ',' || after == ';' || after == ')' || (after == '.' && buf[at + n + 1] == '\0');
}

/* Is there, in lines [from, to), a place where v can be a note's marker:
 * after a word or punctuation, with a space before or glued? */
static bool marker_before(struct pagemodel *pm, size_t from, size_t to, int v)
{
	char want[8], buf[1024];
	int n = snprintf(want, sizeof want, "%d", v);
	for (size_t i = from; i < to; i++) {
		const struct pline *l = &pm->lines[i];
		if (l->kind != PL_TEXT || l->len + 1 > sizeof buf)
			continue;
		memcpy(buf, l->s, l->len);
		buf[l->len] = '\0';
		for (const char *hit = strstr(buf, want); hit; hit = strstr(hit + 1, want)) {
			size_t at = (size_t)(hit - buf);
			if (isdigit((unsigned char)buf[at + n]))
				continue;
			/* "de 20052,": a year, then the marker glued to it */
			bool after_year = at >= 4 && (at == 4 || !isdigit((unsigned char)buf[at - 5])) &&
					  ((buf[at - 4] == '1' && buf[at - 3] == '9') || (buf[at - 4] == '2' && buf[at - 3] == '0')) &&
					  isdigit((unsigned char)buf[at - 2]) && isdigit((unsigned char)buf[at - 1]) && hit[0] != '0';
			bool symbol = at && isdigit((unsigned char)buf[at - 1]) && after_symbol(buf, at, (size_t)n);
			if (!after_year && !symbol && at && isdigit((unsigned char)buf[at - 1]))
				continue;
			/* "报告，1 以及": Chinese glues it to the punctuation or
			 * the character before ("《宣言》 1 中": or pdftotext sets
			 * it apart) */
			bool after_cjk = un_cjk_note_marker(buf, at, (size_t)n);
			if (after_year || symbol || after_cjk || (at && (un_lower_before(buf, at) || un_closes_before(buf, at))) ||
			    un_bare_note_marker(buf, at, (size_t)n, true))
				return true;
		}
	}
	return false;
}

/* A paragraph's number or an item's label alone on its line ("9.",
 * "(a)", "a)"): the body's, never a footnote block's. */
static bool label_alone(const struct pline *l)
{
	unsigned i = l->len && l->s[0] == '(', start = i;
	while (i < l->len && i - start < 4 && islower((unsigned char)l->s[i]))
		i++;
	if (i > start && i + 1 == l->len && l->s[i] == ')')
		return true;
	unsigned d = 0;
	while (d < l->len && d < 4 && isdigit((unsigned char)l->s[d]))
		d++;
	return d && d <= 3 && d + 1 == l->len && l->s[d] == '.';
}

/* Does l open with a small letter, of any script? */
static bool opens_small(const struct pline *l)
{
	size_t len;
	return un_is_letter(l->s, l->len, &len) && !un_is_upper(l->s, l->len);
}

/* pdftotext may set a page's stacked note numbers amid the body, after a
 * paragraph's number and before its text ("1." / "1" / "2" / "принимает
 * к сведению …" / … / "A/78/622."): a note's text opens with a capital
 * or a figure, so text opening in a small letter after the numbers is
 * the body's, to the end of its sentence (a line ending with "." or ";")
 * or a blank line, when as many lines as there are notes are left after
 * it for their texts.  [*from, *to): those body lines, or empty. */
static void body_amid_notes(struct pagemodel *pm, size_t k, size_t end, int notes, size_t *from, size_t *to)
{
	*from = *to = end;
	size_t i = k;
	while (i < end && (pm->lines[i].kind != PL_TEXT || bare_number(&pm->lines[i])))
		i++;
	if (i == end || !opens_small(&pm->lines[i]))
		return;
	size_t last = i;
	for (; last < end; last++) {
		const struct pline *l = &pm->lines[last];
		if (l->kind == PL_BLANK)
			break;
		char e = l->len ? l->s[l->len - 1] : '\0';
		if (l->kind == PL_TEXT && (e == '.' || e == ';')) {
			last++;
			break;
		}
	}
	size_t left = 0;
	for (size_t r = last; r < end; r++)
		left += pm->lines[r].kind == PL_TEXT;
	if (left >= (size_t)notes) {
		*from = i;
		*to = last;
	}
}

/* Does the line end a paragraph or an item (";", ".", ":")? */
static bool ends_paragraph(const struct pline *l)
{
	char c = l->len ? l->s[l->len - 1] : '\0';
	return c == ';' || c == '.' || c == ':';
}

/* "1." alone, the page's note numbers stacked ("1" "2"), then the
 * paragraph's text, then the notes' texts: pdftotext reads a paragraph
 * number hung in the margin, then the numbers at the page's foot, before
 * the paragraph's own lines.  A label never ends a page's body, so the
 * text after the numbers, to the first line that ends a paragraph (or a
 * blank line), is the label's; it is put back before the numbers when
 * as many texts as numbers are left after it for the notes.  From line
 * k, a number alone after a label alone; returns whether it moved. */
static bool lift_label_text(struct pagemodel *pm, const struct page *pg, size_t k)
{
	size_t p = k;
	while (p > pg->first && pm->lines[p - 1].kind != PL_TEXT)
		p--;
	if (p == pg->first || !label_alone(&pm->lines[p - 1]))
		return false;
	/* the stack: numbers alone, blank lines, furniture */
	size_t j = k, numbers = 0;
	for (; j < pg->end && (pm->lines[j].kind != PL_TEXT || bare_number(&pm->lines[j])); j++)
		numbers += pm->lines[j].kind == PL_TEXT;
	/* "1     Voir …" (-layout): a number on its text's line is a note's */
	if (j < pg->end && j > k && pm->lines[j].lineno == pm->lines[j - 1].lineno)
		return false;
	size_t e = j;
	while (e < pg->end && pm->lines[e].kind == PL_TEXT && !bare_number(&pm->lines[e]) &&
	       !label_alone(&pm->lines[e]) && !ends_paragraph(&pm->lines[e++]))
		;
	size_t texts = 0;
	for (size_t i = e; i < pg->end; i++)
		texts += pm->lines[i].kind == PL_TEXT && !bare_number(&pm->lines[i]);
	if (e == j || texts < numbers)
		return false;
	/* [k, j) [j, e) → [j, e) [k, j) */
	size_t a = j - k, b = e - j;
	struct pline *tmp = xmalloc(a * sizeof *tmp);
	memcpy(tmp, &pm->lines[k], a * sizeof *tmp);
	memmove(&pm->lines[k], &pm->lines[j], b * sizeof *tmp);
	memcpy(&pm->lines[k + b], tmp, a * sizeof *tmp);
	free(tmp);
	diag_note(pm->doc->diag, pm->lines[k].lineno, "pages",
		  "the text of the paragraph numbered above the page's note numbers put back before them");
	return true;
}

/* Some extractors lose the rule above a page's notes (it was drawn, not
 * typed) and keep a note's number and text on one line ("1 Ibid., annex."),
 * or stack the numbers before the texts.  A run at a page's foot whose
 * numbers follow on from the notes before, in sequence, with at least a
 * text for each and a place for the first marker in the body above, is
 * the page's footnote block. */
static void mark_unruled_notes(struct pagemodel *pm)
{
	int expected = 1;
	for (size_t p = 0; p < pm->npages; p++) {
		struct page *pg = &pm->pages[p];
		if (pg->rule < pg->end) {
			/* a ruled block: the numbers go on after its last */
			for (size_t i = pg->rule; i < pg->end; i++) {
				int v;
				if (pm->lines[i].kind == PL_NOTE && pm->lines[i].len <= 3 &&
				    isdigit((unsigned char)pm->lines[i].s[0]))
					expected = atoi(pm->lines[i].s) + 1;
				else if (pm->lines[i].kind == PL_NOTE && pages_note_start(&pm->lines[i], &v))
					expected = v + 1;
			}
			continue;
		}
		for (size_t k = pg->first; k < pg->end; k++) {
			int v;
			if (pm->lines[k].kind != PL_TEXT)
				continue;
			if (bare_number(&pm->lines[k]) && lift_label_text(pm, pg, k))
				continue;	/* k holds the paragraph's first line now */
			bool inline_start = pages_note_start(&pm->lines[k], &v);
			if (!inline_start && !(v = bare_number(&pm->lines[k])))
				continue;
			/* the next note, or the first of an annex; a note or two
			 * may have been missed before (a text pdftotext glued
			 * into the body), as the marker's place must show */
			if (v != 1 && (v < expected || v > expected + 2))
				continue;
			/* the rest of the page: notes numbered in sequence (alone on
			 * their lines, stacked, or before their text) and texts, at
			 * least one per number */
			int next = v + 1, texts = inline_start;
			bool notes = true;
			for (size_t i = k + 1; i < pg->end && notes; i++) {
				int w;
				if (pm->lines[i].kind != PL_TEXT)
					continue;
				if (pages_note_start(&pm->lines[i], &w))
					notes = w == next++, texts++;
				else if ((w = bare_number(&pm->lines[i])))
					notes = w == next++;
				else if (label_alone(&pm->lines[i]))
					notes = false;	/* the body goes on: "9.", "a)" */
				else
					texts++;
			}
			/* a note's text is a line or a few: a number with the rest
			 * of the page after it is a heading's, not a note's.  A
			 * long note (a list of symbols) may take a dozen lines
			 * where the block is set apart by a blank line and is at
			 * most the page's lower half. */
			size_t body = 0;
			for (size_t i = pg->first; i < k; i++)
				body += pm->lines[i].kind == PL_TEXT;
			bool apart = k > pg->first && pm->lines[k - 1].kind == PL_BLANK && (size_t)texts <= body;
			int most = (apart ? 12 : 4) * (next - v);
			if (!notes || texts < next - v || texts > most || !marker_before(pm, pg->first, k, v))
				continue;
			pg->rule = k;
			size_t body_from, body_to;
			body_amid_notes(pm, k, pg->end, next - v, &body_from, &body_to);
			for (size_t i = k; i < pg->end; i++)
				if (pm->lines[i].kind == PL_TEXT && (i < body_from || i >= body_to))
					pm->lines[i].kind = PL_NOTE;
			expected = next;
			break;
		}
	}
}

/* A line with a contents list's dot leaders (". . . . ", "........"). */
static bool dot_leaders(const struct pline *l)
{
	int dots = 0;
	for (unsigned i = 0; i < l->len; i++)
		if (l->s[i] == '.' && (i + 1 == l->len || l->s[i + 1] == '.' || l->s[i + 1] == ' ')) {
			if (++dots >= 5)
				return true;
		} else if (l->s[i] != ' ') {
			dots = 0;
		}
	return false;
}

/* The contents list printed at a report's head ("Contents" / "Page" /
 * "I. Introduction . . . . . 3" …): its entries, in whatever order the
 * extractor read them, run to the last line with dot leaders and the page
 * numbers stacked after it.  The editions make their own contents from the
 * headings, so the printed one goes (the furniture pass does the same for
 * paragraph-per-line text). */
static void mark_contents(struct pagemodel *pm)
{
	for (size_t i = 0; i < pm->nlines && pm->lines[i].page < 3; i++) {
		struct pline *l = &pm->lines[i];
		if (l->kind != PL_TEXT || !((l->len == 8 && !memcmp(l->s, "Contents", 8)) ||
					    (l->len == 8 && !memcmp(l->s, "CONTENTS", 8)) ||
					    (l->len == 17 && !memcmp(l->s, "Table of contents", 17))))
			continue;
		size_t last = i, k;
		for (k = i + 1; k < pm->nlines && k < i + 400; k++) {
			struct pline *e = &pm->lines[k];
			if (e->kind != PL_TEXT)
				continue;
			if (dot_leaders(e))
				last = k;
			else if (e->width * 10 >= pm->measure * 8 || un_enacting_formula(e->s, e->len))
				break;
		}
		if (last == i)
			return;
		/* the page numbers, and "Page", stacked after the entries */
		for (k = last + 1; k < pm->nlines; k++) {
			struct pline *e = &pm->lines[k];
			if (e->kind == PL_TEXT && !(e->len <= 3 && isdigit((unsigned char)e->s[0])) &&
			    !(e->len == 4 && !memcmp(e->s, "Page", 4)))
				break;
			if (e->kind == PL_TEXT)
				last = k;
		}
		for (k = i; k <= last; k++)
			if (pm->lines[k].kind == PL_TEXT)
				mark(&pm->lines[k], "contents list (the editions make their own)");
		return;
	}
}

void pages_read(struct pagemodel *pm, struct document *doc, enum text_layout layout)
{
	memset(pm, 0, sizeof *pm);
	pm->doc = doc;
	pm->layout = layout;
	split(pm);
	split_glued_note_numbers(pm);
	find_measure(pm);
	mark_by_form(pm);
	find_symbol(pm);
	mark_bare_page_numbers(pm);
	mark_running_heads(pm);
	mark_contents(pm);
	mark_note_blocks(pm);
	mark_unruled_notes(pm);
	diag_note(doc->diag, 1, "pages", "%zu pages, a full line %u characters wide", pm->npages, pm->measure);
	for (size_t i = 0; i < pm->nlines; i++) {
		struct pline *l = &pm->lines[i];
		if (l->kind == PL_FURNITURE)
			diag_note(doc->diag, l->lineno, "pages", "removed %s", l->why);
	}
}
