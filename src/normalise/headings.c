/* headings.c — the hierarchy, from the numbering and never from the
 * Markdown level (extractors use # to ##### at random, bold inside).
 * UN reports number chapters with roman numerals ("I."), sections with
 * capitals ("A."), subsections with arabic numerals ("1."); resolutions and
 * decisions adopted are headed "Resolution 11/1", "Decision 11/2", annexes
 * "Annex" or "Annex I", each followed by a title line.  An unnumbered
 * heading ("Deliberations") is a cross-heading.  Plain-text extractions
 * (no Markdown) carry the same headings as short bare lines. */
#include <ctype.h>
#include <string.h>

#include "normalise/normalise.h"
#include "doc/markup.h"
#include "doc/un.h"

/* "I. Title" → number length (roman + "."), else 0. */
static size_t roman_prefix(const char *t)
{
	size_t i = 0;
	while (t[i] == 'I' || t[i] == 'V' || t[i] == 'X' || t[i] == 'L')
		i++;
	if (i && t[i] == '.' && t[i + 1] == ' ' && roman_value(t, i) > 0)
		return i + 1;
	return 0;
}

static size_t capital_prefix(const char *t)
{
	if (isupper((unsigned char)t[0]) && t[1] == '.' && t[2] == ' ' && isupper((unsigned char)t[3]))
		return 2;
	return 0;
}

static size_t arabic_prefix(const char *t)
{
	size_t i = 0;
	while (isdigit((unsigned char)t[i]))
		i++;
	if (i && i < 3 && t[i] == '.' && t[i + 1] == ' ')
		return i + 1;
	return 0;
}

/* "Guideline 10", "Article 5", "Rule 3 bis", "Principle IV": a word in
 * capitals and its number, nothing else.  Returns the word's length, 0 if
 * the line is not such a label. */
static size_t labelled_number(const char *t)
{
	size_t w = 0;
	if (!isupper((unsigned char)t[0]))
		return 0;
	while (isalpha((unsigned char)t[w]))
		w++;
	if (w < 4 || t[w] != ' ' || !strncmp(t, "Annex", 5) || !strncmp(t, "Resolution", 10) ||
	    !strncmp(t, "Decision", 8))
		return 0;
	const char *n = t + w + 1;
	size_t d = 0;
	while (isdigit((unsigned char)n[d]))
		d++;
	if (!d)
		while (n[d] == 'I' || n[d] == 'V' || n[d] == 'X' || n[d] == 'L')
			d++;
	if (!d)
		return 0;
	const char *rest = n + d;
	if (*rest == '.')
		rest++;
	if (!strcmp(rest, " bis") || !strcmp(rest, " ter"))
		rest += 4;
	return *rest ? 0 : w;
}

/* "Annex", "Annex I", "ANNEX II", "Enclosure", "Appendix 2" → the number
 * ("" for none), else NULL; *word: the printed word ("Annex").  A letter's
 * annex is headed "Annex to the letter dated …" on one line: *rest is then
 * that heading ("to the letter dated …"), else NULL. */
static char *annex_number(struct arena *A, const char *t, const char **word, const char **rest)
{
	static const char *const words[] = {"Annex", "ANNEX", "Enclosure", "ENCLOSURE", "Appendix", "APPENDIX"};
	size_t w = 0;
	for (size_t k = 0; k < sizeof words / sizeof words[0] && !w; k++)
		if (!strncmp(t, words[k], strlen(words[k])))
			w = strlen(words[k]), *word = words[k];
	if (!w)
		return NULL;
	*rest = NULL;
	const char *p = t + w;
	if (!*p)
		return arena_strdup(A, "");
	if (*p != ' ')
		return NULL;
	p++;
	if (starts_with(p, "to the ") || starts_with(p, "to letter") || starts_with(p, "to note")) {
		*rest = p;
		return arena_strdup(A, "");
	}
	size_t i = 0;
	while (isalnum((unsigned char)p[i]))
		i++;
	if (!i || p[i] || i > 6)
		return NULL;
	return arena_strndup(A, p, i);
}

/* Can this block be a heading?  Markdown headings can; a plain line can when
 * it is short and does not end a sentence. */
static bool heading_like(const struct block *b, const char *t)
{
	if (b->kind == BLOCK_HEADING)
		return true;
	size_t n = strlen(t);
	char end = text_last_char(t);
	return n < 200 && end != ';' && end != ':' && end != ',' && (end != '.' || b->bold);
}

static struct block *next_body(struct document *doc, size_t i, size_t *at)
{
	for (size_t j = i + 1; j < doc->blocks.len; j++) {
		struct block *n = DOC_BLOCK(doc, j);
		if (n->role == ROLE_DROPPED || n->role == ROLE_FOOTNOTE_DEF || n->role == ROLE_COVER)
			continue;
		if (at)
			*at = j;
		return n;
	}
	return NULL;
}

static bool opens_item(const char *t)
{
	return arabic_prefix(t) || (t[0] == '(' && isalnum((unsigned char)t[1]));
}

/* The title line under "Resolution 11/1" or "Annex I". */
static void take_title(struct document *doc, size_t i)
{
	size_t j;
	struct block *n = next_body(doc, i, &j);
	if (!n || n->role != ROLE_BODY || n->num)
		return;
	const char *t = text_plain_trimmed(&doc->arena, n->text, (size_t)-1);
	/* "[Original: French]" under an annex is a note on its language */
	if (opens_item(t) || roman_prefix(t) || starts_with(t, "Resolution ") || starts_with(t, "Decision ") ||
	    starts_with(t, "Annex") || t[0] == '[')
		return;
	char end = text_last_char(t);
	/* a formula ("The Conference …,") or a sentence is not a title */
	if (end == ',' || end == ':' || end == ';' || (end == '.' && n->kind != BLOCK_HEADING))
		return;
	n->role = ROLE_INSTRUMENT_TITLE;
	n->text = arena_strdup(&doc->arena, t);
}

/* "The General Assembly,", "The Security Council,": the enacting formula
 * that opens a resolution. */
static bool formula_text(const char *t)
{
	return un_enacting_formula(t, strlen(t));
}

/* A report that recommends a draft resolution prints it whole: its title,
 * the enacting formula, preamble and operative paragraphs, numbered and
 * annotated afresh (a Main Committee's report, in its chapter of
 * recommendations).  A formula in the body of a document that is not
 * itself a resolution opens such a draft: a
 * resolution without a number (the draft has none yet), its title the
 * short line printed before the formula. */
static void mark_embedded_drafts(struct document *doc)
{
	struct arena *A = &doc->arena;
	if (un_type_is_statement(doc->meta.type))
		return;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->role != ROLE_BODY || !b->text || b->num || strlen(b->text) > 200)
			continue;
		const char *t = text_plain_trimmed(A, b->text, (size_t)-1);
		if (!formula_text(t))
			continue;
		/* the formula that opens the document makes it a resolution
		 * (resolutions.c), not a report that holds one */
		bool body_before = false;
		for (size_t j = 0; j < i && !body_before; j++) {
			enum block_role r = DOC_BLOCK(doc, j)->role;
			body_before = r == ROLE_PARAGRAPH || r == ROLE_CHAPTER || r == ROLE_SECTION ||
				      r == ROLE_SUBSECTION || (r == ROLE_BODY && j + 1 < i && DOC_BLOCK(doc, j)->text &&
							       *DOC_BLOCK(doc, j)->text);
		}
		if (!body_before)
			continue;
		size_t at = i;
		struct block *title = NULL;
		for (size_t j = i; j-- > 0;) {
			struct block *p = DOC_BLOCK(doc, j);
			if (p->role == ROLE_DROPPED || p->role == ROLE_FOOTNOTE_DEF)
				continue;
			if (p->role == ROLE_RESOLUTION || p->role == ROLE_DECISION || p->role == ROLE_INSTRUMENT_TITLE)
				goto next;	/* already an instrument's */
			const char *pt = p->text ? text_plain_trimmed(A, p->text, (size_t)-1) : "";
			char end = text_last_char(pt);
			if ((p->role == ROLE_CROSSHEADING || (p->role == ROLE_BODY && !p->num)) && *pt && strlen(pt) < 200 &&
			    end != '.' && end != ':' && end != ';' && end != ',') {
				title = p;
				at = j;
			}
			break;
		}
		struct block *draft = arena_zalloc(A, sizeof *draft);
		draft->kind = BLOCK_TEXT;
		draft->role = ROLE_RESOLUTION;
		draft->line = draft->end_line = DOC_BLOCK(doc, at)->line;
		draft->text = "";
		ptr_vec_push(A, &doc->blocks, NULL);
		memmove(&doc->blocks.items[at + 1], &doc->blocks.items[at], (doc->blocks.len - 1 - at) * sizeof(void *));
		doc->blocks.items[at] = draft;
		i++;
		if (title) {
			title->role = ROLE_INSTRUMENT_TITLE;
			title->text = arena_strdup(A, text_plain_trimmed(A, title->text, (size_t)-1));
		}
		diag_note(doc->diag, b->line, "headings", "a draft resolution printed in the document opens here%s%s",
			  title ? ": " : "", title ? title->text : "");
	next:;
	}
}

/* A heading's text: the block's after its first k plain bytes (its
 * number; t is its plain text, trimmed) with the footnote references it
 * holds, which the plain text drops: a note cited in a heading is the
 * UN's usual way of dating or sourcing a chapter.  A reference inside
 * the number goes to the heading's end. */
static char *heading_text(struct arena *A, const char *marked, const char *t, size_t k)
{
	if (!strchr(marked, MK_NOTE))
		return text_trim(A, t + k);
	char *kept = text_trim(A, text_plain_keeping_notes(A, marked));
	if (!strncmp(kept, t, k))
		return text_trim(A, kept + k);
	char *text = text_trim(A, t + k);
	for (const char *r = strchr(marked, MK_NOTE); r; r = strchr(r + 1, MK_NOTE)) {
		const char *end = strchr(r, MK_NOTE_END);
		if (!end)
			break;
		text = arena_concat(A, 2, text, arena_strndup(A, r, (size_t)(end - r + 1)));
	}
	return text;
}

void pass_headings(struct document *doc)
{
	struct arena *A = &doc->arena;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->role != ROLE_BODY || !b->text || b->num)
			continue;
		/* a heading is short: a long paragraph is not even copied */
		if (b->kind != BLOCK_HEADING && strlen(b->text) > 700)
			continue;
		char scratch[704];
		const char *t = strlen(b->text) < sizeof scratch ? text_plain_scratch(scratch, sizeof scratch, b->text)
								 : text_plain_trimmed(A, b->text, (size_t)-1);
		if (!*t)
			continue;
		char *number;
		const char *word = NULL, *rest = NULL;
		size_t k;
		if ((number = un_instrument_number(A, t, "Resolution")) || (number = un_instrument_number(A, t, "Decision"))) {
			b->role = t[0] == 'R' ? ROLE_RESOLUTION : ROLE_DECISION;
			b->num = number;
			b->text = "";
			take_title(doc, i);
		} else if ((number = annex_number(A, t, &word, &rest))) {
			b->role = ROLE_ANNEX;
			b->num = number;
			/* "Annex" as printed, in capitals or not: the editions set it */
			b->name = arena_strdup(A, word);
			for (char *p = b->name + 1; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			b->text = rest ? heading_text(A, b->text, t, (size_t)(rest - t)) : "";
			if (!rest)
				take_title(doc, i);
		} else if ((k = roman_prefix(t)) && heading_like(b, t)) {
			b->role = ROLE_CHAPTER;
			b->num = arena_strndup(A, t, k);
			b->text = heading_text(A, b->text, t, k);
		} else if ((k = capital_prefix(t)) && heading_like(b, t)) {
			b->role = ROLE_SECTION;
			b->num = arena_strndup(A, t, k);
			b->text = heading_text(A, b->text, t, k);
		} else if (b->kind == BLOCK_HEADING && (k = labelled_number(t))) {
			/* "Guideline 10", "Article 5": a unit of an instrument,
			 * its title on the next line, its paragraphs numbered
			 * from 1 (numbering.c) */
			b->role = ROLE_SUBSECTION;
			b->num = arena_strdup(A, t);
			b->name = arena_strndup(A, t, k);
			b->text = "";
			take_title(doc, i);
		} else if (b->kind == BLOCK_HEADING && (k = arabic_prefix(t))) {
			b->role = ROLE_SUBSECTION;
			b->num = arena_strndup(A, t, k);
			b->text = heading_text(A, b->text, t, k);
		} else if (formula_text(t)) {
			;	/* "The General Assembly" without its comma: no heading */
		} else if (b->kind == BLOCK_HEADING || (b->bold && heading_like(b, t) && text_last_char(t) != '.')) {
			b->role = ROLE_CROSSHEADING;
			b->text = heading_text(A, b->text, t, 0);
		} else if (heading_like(b, t) && strlen(t) < 150 && isupper((unsigned char)t[0]) &&
			   text_last_char(t) != '.' && text_last_char(t) != ')' && !strchr(t, MK_NOTE)) {
			/* a bare line followed by a numbered paragraph or an item:
			 * a cross-heading in a plain-text extraction */
			struct block *n = next_body(doc, i, NULL);
			char next_scratch[64];	/* how it opens is enough */
			const char *nt = n && n->text ? text_plain_scratch(next_scratch, sizeof next_scratch, n->text) : "";
			if (n && (n->num || opens_item(nt) || n->kind == BLOCK_HEADING) && strlen(t) < 150) {
				b->role = ROLE_CROSSHEADING;
				b->text = heading_text(A, b->text, t, 0);
			}
		}
		if (b->role != ROLE_BODY && b->role != ROLE_DROPPED)
			diag_note(doc->diag, b->line, "headings", "heading %s%s%s", b->num ? b->num : "",
				  b->num ? " " : "", b->text);
	}
	mark_embedded_drafts(doc);
}
