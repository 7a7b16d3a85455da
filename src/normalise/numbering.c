/* numbering.c — numbered paragraphs and lettered points.
 *
 * UN documents number their paragraphs 1, 2, 3 … through the whole report;
 * numbering restarts inside each resolution or decision (operative
 * paragraphs) and each annex.  A number that does not continue its
 * sequence and reads like a title ("2. Finalization and adoption of …"
 * after paragraph 41) is a subsection heading of a plain-text extraction.
 * Lettered subparagraphs run (a), (b) …; OCR reads (l) as (1): a "(1)"
 * where the run expects "(l)" is repaired.  (i), (ii) … nest inside a
 * lettered item — except that (i), (v) and (x) continue a run that has
 * reached (h), (u) or (w). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "normalise/normalise.h"
#include "doc/markup.h"

/* "12. text" → 12 and the length of "12. ", else 0. */
static int leading_number(const char *t, size_t *len)
{
	size_t i = 0;
	int v = 0;
	while (isdigit((unsigned char)t[i]) && i < 4)
		v = v * 10 + (t[i++] - '0');
	if (!i || t[i] != '.' || (t[i + 1] != ' ' && t[i + 1]))
		return 0;
	*len = i + 1 + (t[i + 1] == ' ');
	return v;
}

/* "(a) text" → the label inside the parentheses and the length, else
 * NULL.  French and Spanish print a letter or a roman numeral with a
 * closing parenthesis only ("a) text", "ii) text"): *bare says so. */
static char *leading_item(struct arena *A, const char *t, size_t *len, bool *bare)
{
	size_t open = t[0] == '(';
	size_t i = open;
	while (isalnum((unsigned char)t[i]) && i < 7 + open)
		i++;
	if (i == open || t[i] != ')' || (t[i + 1] != ' ' && t[i + 1]))
		return NULL;
	/* a label is a letter or two, a roman numeral, a number or one
	 * capital: not "(Signed)", "(Spanish)" */
	size_t n = i - open;
	bool lower = true, digits = true;
	for (size_t k = open; k < i; k++) {
		lower &= islower((unsigned char)t[k]) != 0;
		digits &= isdigit((unsigned char)t[k]) != 0;
	}
	bool roman = lower && strspn(t + open, "ivxlc") >= n;
	if (!open && !(lower && (n == 1 || (n == 2 && t[0] == t[1]) || roman)))
		return NULL;
	if (!((lower && (n <= 2 || roman)) || (digits && n <= 3) || (n == 1 && isupper((unsigned char)t[open]))))
		return NULL;
	*len = i + 1 + (t[i + 1] == ' ');
	*bare = !open;
	return arena_strndup(A, t + open, n);
}

static bool is_roman_lower(const char *s)
{
	for (const char *p = s; *p; p++)
		if (*p != 'i' && *p != 'v' && *p != 'x')
			return false;
	return *s != '\0';
}

struct counters {
	int report;		/* the document's own paragraph numbers */
	int instrument;		/* inside a resolution, decision or annex */
	bool in_instrument;
	char letter;		/* last letter of the current lettered run, 0 if none */
	bool in_point;		/* a lettered item is open (for roman sub-items) */
	bool roman_run;		/* the items are a roman list of their own: (i), (ii) … at depth 1 */
	int agenda_next;	/* inside an agenda list: the next item number, else 0 */
	int last_para;		/* block index of the last numbered paragraph, -1 */
};

/* Strip the leading number or item label (with its markup) from text. */
static char *strip_prefix(struct arena *A, const char *text, size_t plain_len)
{
	size_t seen = 0;
	const char *p = text;
	while (*p && seen < plain_len) {
		if ((unsigned char)*p >= 0x20 || *p == '\n' || *p == '\t')
			seen++;
		p++;
	}
	/* keep an emphasis mark that opened before the prefix ended */
	while (*p == ' ')
		p++;
	return text_trim(A, p);
}

/* A heading starts a new run of paragraphs and points. */
static void start_scope(struct counters *c, bool instrument)
{
	c->in_instrument = instrument;
	if (instrument)
		c->instrument = 0;
	c->letter = 0;
	c->in_point = false;
	c->roman_run = false;
	c->agenda_next = 0;
	c->last_para = -1;
}

/* A heading or an instrument opens a scope of numbering: returns true
 * when the block's role did (the block is done with). */
static bool opens_scope(struct counters *c, const struct block *b)
{
	switch (b->role) {
	case ROLE_SUBSECTION:
		/* "Guideline 10": a unit of an instrument numbers its
		 * paragraphs from 1 (headings.c names it) */
		if (b->name) {
			start_scope(c, true);
			return true;
		}
		/* fall through */
	case ROLE_CHAPTER:
	case ROLE_SECTION:
		/* back to the report's own numbering */
		start_scope(c, false);
		return true;
	case ROLE_RESOLUTION:
	case ROLE_DECISION:
	case ROLE_ANNEX:
		/* a resolution, decision or annex numbers from 1 again */
		start_scope(c, true);
		return true;
	default:
		return false;
	}
}

/* Is this block a list item that lost its number (between two numbered
 * paragraphs)? */
static bool unnumbered_item(const struct block *g)
{
	return g->role == ROLE_BODY && g->list_depth > 0 && !g->num && g->text && *g->text;
}

/* Numbers lost in extraction ("- The representative of …" between 50.
 * and 52.): when the unnumbered list items between the last paragraph
 * and block i are exactly as many as the missing numbers, the sequence
 * proves which numbers they had. */
static void restore_lost_numbers(struct document *doc, struct counters *c, size_t i, int number, int *counter)
{
	if (number <= *counter + 1 || c->last_para < 0)
		return;
	int gap = number - *counter - 1, items = 0;
	for (size_t j = (size_t)c->last_para + 1; j < i; j++)
		items += unnumbered_item(DOC_BLOCK(doc, j));
	if (items != gap)
		return;
	int k = *counter;
	for (size_t j = (size_t)c->last_para + 1; j < i; j++) {
		struct block *g = DOC_BLOCK(doc, j);
		if (unnumbered_item(g)) {
			g->num = arena_printf(&doc->arena, "%d.", ++k);
			g->role = ROLE_PARAGRAPH;
			diag_warn(doc->diag, g->line, "numbering",
				  "paragraph number %d was lost in extraction; restored from the sequence", k);
		}
	}
	*counter = number - 1;
}

/* Block i opens with a number: a paragraph in sequence, a subsection
 * heading out of sequence, or an item of an agenda printed inside a
 * report.  t is its plain text after the number. */
static void number_block(struct document *doc, struct counters *c, size_t i, int number, const char *t)
{
	struct block *b = DOC_BLOCK(doc, i);
	int *counter = c->in_instrument ? &c->instrument : &c->report;
	if (number <= *counter && b->kind == BLOCK_TEXT && strlen(t) < 400 && text_last_char(b->text) != '.' &&
	    text_last_char(b->text) != ';' && text_last_char(b->text) != ':') {
		/* out of sequence and title-like: a subsection heading */
		b->role = ROLE_SUBSECTION;
		b->text = arena_strdup(&doc->arena, t);
		c->in_instrument = false;
		c->letter = 0;
		diag_note(doc->diag, b->line, "numbering",
			  "\"%d.\" breaks the paragraph sequence (at %d): read as subsection heading",
			  number, *counter);
		return;
	}
	/* An agenda printed inside a report ("1. Organizational matters:",
	 * "2. …") restarts at 1: its items are a list, not paragraphs of the
	 * report. */
	if (number == c->agenda_next || (number == 1 && *counter > 1 && number != *counter + 1)) {
		b->role = ROLE_POINT;
		b->depth = 1;
		c->agenda_next = number + 1;
		c->letter = 0;
		c->in_point = true;
		return;
	}
	c->agenda_next = 0;
	restore_lost_numbers(doc, c, i, number, counter);
	if (number != *counter + 1 && *counter > 0)
		diag_warn(doc->diag, b->line, "numbering", "paragraph %d follows paragraph %d", number, *counter);
	*counter = number;
	c->last_para = (int)i;
	b->role = ROLE_PARAGRAPH;
	c->letter = 0;
	c->in_point = false;
	c->roman_run = false;
}

/* A block that opens with an item label ("(a)", "(ii)"): a point, its
 * depth from the run it continues.  t is its plain text. */
static void letter_block(struct document *doc, struct counters *c, struct block *b, const char *t)
{
	size_t len = 0;
	bool bare = false;
	char *label = leading_item(&doc->arena, t, &len, &bare);
	if (!label)
		return;
	char expected = c->letter ? (char)(c->letter + 1) : 'a';
	/* OCR: "(1)" where the lettered run expects "(l)" */
	if (!strcmp(label, "1") && expected == 'l') {
		diag_note(doc->diag, b->line, "numbering", "\"(1)\" read as \"(l)\" in a lettered run");
		label = "l";
	}
	bool letter = strlen(label) == 1 && islower((unsigned char)label[0]);
	bool roman = is_roman_lower(label);
	b->role = ROLE_POINT;
	b->depth = 1;
	/* "(i)" where no lettered run is open cannot be the ninth letter: it
	 * opens a roman list of its own, whose items are all at one depth */
	if (!strcmp(label, "i") && !c->letter && !c->agenda_next)
		c->roman_run = true;
	if (c->agenda_next && letter) {
		b->depth = 2;
	} else if (roman && c->roman_run) {
		c->in_point = true;
	} else if (roman && !(letter && label[0] == expected) && c->in_point) {
		b->depth = 2;
	} else if (letter || (strlen(label) == 2 && islower((unsigned char)label[0]) && label[0] == label[1])) {
		/* (a)…(z), then (aa), (bb) in long runs */
		c->letter = label[0];
		c->in_point = true;
		c->roman_run = false;
	}
	b->num = arena_printf(&doc->arena, bare ? "%s)" : "(%s)", label);
	b->text = strip_prefix(&doc->arena, b->text, len);
}

void pass_numbering(struct document *doc)
{
	struct counters c = {0};
	c.last_para = -1;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (opens_scope(&c, b) || b->role != ROLE_BODY || !b->text)
			continue;
		/* how the block opens decides; a prefix is enough (a long block
		 * is never a title, whatever follows) */
		char scratch[513];
		const char *t = text_plain_scratch(scratch, sizeof scratch, b->text);
		size_t len = 0;
		int number = 0;
		if (b->num) {
			number = (int)strtol(b->num, NULL, 10);
		} else if ((number = leading_number(t, &len))) {
			b->num = arena_printf(&doc->arena, "%d.", number);
			b->text = strip_prefix(&doc->arena, b->text, len);
			t = t + len;
		}
		if (number > 0)
			number_block(doc, &c, i, number, t);
		else
			letter_block(doc, &c, b, t);
	}
}
