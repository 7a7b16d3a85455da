/* damage.c — signs, in the finished structure, that the reading went
 * wrong where no pass noticed.  Text from pdftotext's reading order can
 * lose a paragraph's number to the column of hanging numbers, leave a
 * note's number on a line of its own, or join a footnote's text into the
 * sentence it interrupted; every pass may then have done its best and the
 * document still be wrong.  Nothing is changed here: each sign is a
 * warning at its line, so that no damaged document passes silently.
 *
 * The signs, each rare in a document read whole (on the 78th session's
 * 329 English resolutions printed by us and read back through pdftotext,
 * documents damaged without a word fell from 44 to 3; of those read
 * whole, 3 get a warning, two of them damaged in a way the comparison
 * does not count):
 *   - a paragraph that is only a number ("4");
 *   - a sentence that ends before a word in lower case ("annual A/78/76.
 *     progress report"), abbreviations aside;
 *   - in a resolution or decision, a paragraph without a number that ends
 *     as an operative paragraph does (";" or "."), after the numbered ones;
 *   - a preambular clause opening with a number, of a few characters, or
 *     (in English, French, Spanish and Russian) with none of the clause
 *     words;
 *   - (in Chinese) a preambular clause ending in a Han character, not in
 *     its punctuation;
 *   - a preamble whose last clause ends with a colon (or "：") and is
 *     followed by no lettered items, or by items that nothing follows;
 *   - a paragraph opening with a bare number, then a capital ("2
 *     Resolution 78/1, annex."): a footnote read as the body's;
 *   - a note whose text opens in a small letter (the body's text, drawn
 *     into a block of note numbers that pdftotext set amid it).
 * Runs last: the roles are final. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "normalise/normalise.h"
#include "doc/markup.h"
#include "doc/un.h"
#include "doc/unlang.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* Warnings of one kind after which the rest are counted, not printed. */
enum { SHOWN = 3 };

struct signs {
	struct document *doc;
	int count[7];	/* per kind: lone number, sentence break, unnumbered,
			 * preambular clause's opening, preamble cut at a colon,
			 * a note's text as a paragraph, a note opening in a
			 * small letter */
};

static bool warn_more(struct signs *s, int kind)
{
	return ++s->count[kind] <= SHOWN;
}

/* Words after which a full stop does not end a sentence, in the UN's
 * languages written in Latin letters: "para. 5", "et al. and", "cf. the",
 * "p. ex.", "párr.".  A word of one letter ("p.", "M.") and dotted letters
 * ("a.m.", "i.e.", "U.S.") are never ends either. */
static const char *const abbreviations[] = {
	"al", "approx", "art", "arts", "cf", "chap", "chaps", "cit", "co", "corr", "dr", "ed", "eds",
	"etc", "ex", "fig", "figs", "ibid", "inc", "ltd", "mr", "mrs", "ms", "no", "nos", "op", "pp",
	"para", "paras", "rev", "sect", "sects", "sr", "sra", "st", "suppl", "viz", "vol", "vols", "vs",
	"núm", "pág", "págs", "párr", "párrs",
};

static bool abbreviation(const char *word, size_t n)
{
	bool dotted = true;	/* letters and full stops only, one letter between */
	for (size_t i = 0; i < n; i++)
		if (word[i] == '.' ? i == 0 || word[i - 1] == '.' : (i > 0 && word[i - 1] != '.'))
			dotted = false;
	if (n == 1 || dotted)
		return true;
	for (size_t k = 0; k < sizeof abbreviations / sizeof *abbreviations; k++)
		if (strlen(abbreviations[k]) == n && !strncasecmp(word, abbreviations[k], n))
			return true;
	return false;
}

/* The first place in t where a sentence ends before a word in lower case:
 * "X. word", with X not an abbreviation nor an ellipsis; or NULL. */
static const char *break_before_lower(const char *t)
{
	for (const char *p = strstr(t, ". "); p; p = strstr(p + 1, ". ")) {
		if (!islower((unsigned char)p[2]) || p == t || p[-1] == '.')
			continue;
		const char *w = p;
		while (w > t && w[-1] != ' ' && w[-1] != '(' && w[-1] != '\n')
			w--;
		if (!abbreviation(w, (size_t)(p - w)))
			return w;
	}
	return NULL;
}

/* A number alone, one to three digits: a note's or a paragraph's number
 * parted from its text. */
static bool only_number(const char *t)
{
	size_t n = strlen(t);
	if (n == 0 || n > 3)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)t[i]))
			return false;
	return true;
}

/* "2 Resolution 78/1, annex.": a paragraph opening with a bare number
 * and a space, then a capital or a symbol, is a footnote's text with
 * its number, read as the body's (the UN spells out a number that opens
 * a sentence, and numbers its paragraphs "2."); "2 December 2023" and
 * "15 000 persons" aside. */
static bool note_text_opening(struct document *doc, const char *t)
{
	size_t d = 0;
	while (d < 4 && isdigit((unsigned char)t[d]))
		d++;
	if (!d || d > 3 || t[d] != ' ' || t[0] == '0')
		return false;
	unsigned char c = (unsigned char)t[d + 1];
	if (!(isupper(c) || c >= 0xC0))
		return false;
	const char *at = NULL;
	size_t len = 0;
	return !(un_find_date(&doc->arena, t, &at, &len) && at == t);
}

static void check_text(struct signs *s, struct block *b, const char *t)
{
	if (b->role == ROLE_BODY && note_text_opening(s->doc, t)) {
		if (warn_more(s, 5))
			diag_warn(s->doc->diag, b->line, "damage",
				  "a paragraph opening with a bare number (\"%.*s\"): a footnote's text read as the body's",
				  utf8_prefix(t, 30), t);
		return;
	}
	if (only_number(t)) {
		if (warn_more(s, 0))
			diag_warn(s->doc->diag, b->line, "damage",
				  "a paragraph that is only the number \"%s\": a note's or a paragraph's number parted from its text",
				  t);
		return;
	}
	const char *w = break_before_lower(t);
	if (w && warn_more(s, 1))
		diag_warn(s->doc->diag, b->line, "damage",
			  "a sentence ends before a word in lower case (\"%.*s\"): text from elsewhere on the page (a note?) may be joined in",
			  utf8_prefix(w, 40), w);
}

/* A preambular clause opens with a word in capitals (in small letters
 * in Russian) and says something: one opening with a number ("15
 * November 2024,") is the end of the clause before, cut where a line
 * opened with a date; one of a few characters ("I", "***") is a part's
 * number or a separator read as a clause. */
static void check_clause(struct signs *s, struct block *b, const char *t)
{
	bool has_table;
	const struct un_lang *L = un_lang_of(s->doc->meta.lang, &has_table);
	size_t n = strlen(t);
	bool odd_opening = isdigit((unsigned char)t[0]) || (!L->lower_openings && islower((unsigned char)t[0]));
	/* the resolutions pass names a clause by its opening words;
	 * "preamble" when none opens it ("Indigenous Peoples, local
	 * communities …,": a clause's end cut off) */
	bool unnamed = has_table && un_openings_named(L) && b->name && !strcmp(b->name, "preamble");
	if (!(odd_opening || n < 8 || unnamed) || !warn_more(s, 3))
		return;
	if (odd_opening || n < 8)
		diag_warn(s->doc->diag, b->line, "damage", "a preambular clause %s \"%.*s\": %s",
			  odd_opening ? "opening with" : "of only", utf8_prefix(t, 30), t,
			  odd_opening ? "the end of the clause before, cut where a line opened so"
				      : "a part's number, a heading or a separator read as a clause");
	else
		diag_warn(s->doc->diag, b->line, "damage",
			  "a preambular clause opening with none of the UN's clause words (\"%.*s\"): the end of the "
			  "clause before, or a line out of its place",
			  utf8_prefix(t, 30), t);
}

/* The last character of t[0..n), full-width punctuation as its ASCII
 * kind ("；" ';', "。" '.'). */
static char last_kind(const char *t, size_t n)
{
	char fw = un_full_width_end(t, n);
	return fw ? fw : n ? t[n - 1] : '\0';
}

/* In a resolution or decision, after its first numbered paragraph: an
 * unnumbered paragraph that ends as operative paragraphs end. */
static bool unnumbered_operative(const struct block *b, const char *t, bool after_numbered)
{
	size_t n = strlen(t);
	return after_numbered && b->role == ROLE_BODY && n > 60 && (t[n - 1] == ';' || t[n - 1] == '.');
}

/* Chinese: a preambular clause ends in "，" (or "；", "：", "。"); one
 * ending in a Han character was cut where a line ended. */
static void check_clause_end(struct signs *s, struct block *b, const char *t)
{
	size_t n = strlen(t), len;
	if (!un_lang_of(s->doc->meta.lang, NULL)->no_spaces || n < 3 || !un_is_cjk(t + n - 3, 3, &len) || len != 3 ||
	    un_full_width_end(t, n) || (unsigned char)t[n - 3] < 0xe4 || !warn_more(s, 3))
		return;
	diag_warn(s->doc->diag, b->line, "damage",
		  "a preambular clause ending in no punctuation (\"…%s\"): cut where a line ended, its end read as the next",
		  t + n - 3);
}

/* Is the next block in the body after blocks[i] not a preambular
 * clause (the preamble ended at i)? */
static bool next_is_operative(const struct document *doc, size_t i)
{
	bool items = false;
	for (size_t k = i + 1; k < doc->blocks.len; k++) {
		const struct block *b = DOC_BLOCK(doc, k);
		if (b->role == ROLE_DROPPED || b->role == ROLE_FOOTNOTE_DEF)
			continue;
		/* lettered items: the clause's own when another clause or a
		 * numbered paragraph follows them (akn/build.c keeps them in
		 * the preamble) */
		if (b->role == ROLE_POINT) {
			items = true;
			continue;
		}
		return items ? b->role != ROLE_PREAMBLE && b->role != ROLE_PARAGRAPH : b->role != ROLE_PREAMBLE;
	}
	return items;
}

/* A note's text opens with a capital or a figure ("See", "Ibid.",
 * "A/78/116.", "Резолюция", "См."): one opening in a small letter
 * ("вновь подтверждает, что …") is the body's text that a block of note
 * numbers set amid it drew in. */
static void check_notes(struct signs *s)
{
	struct document *doc = s->doc;
	char scratch[128];
	for (size_t i = 0; i < doc->notes.len; i++) {
		const struct note *note = DOC_NOTE(doc, i);
		if (!note->text)
			continue;
		const char *t = text_plain_scratch(scratch, sizeof scratch, note->text);
		while (*t == ' ')
			t++;
		size_t n = strlen(t), len;
		/* an address opens in small letters ("https://…", "www.un.org/…") */
		if (!strncmp(t, "http", 4) || !strncmp(t, "www.", 4))
			continue;
		if (!un_is_letter(t, n, &len) || un_is_upper(t, n) || !warn_more(s, 6))
			continue;
		diag_warn(doc->diag, note->def_line, "damage",
			  "note %s opens in a small letter (\"%.*s\"): text of the body may have been read as the note's",
			  note->marker, utf8_prefix(t, 30), t);
	}
}

void pass_damage(struct document *doc)
{
	struct signs s = {.doc = doc};
	/* numbered: after the instrument's first numbered paragraph; an
	 * annex's text (guidelines, a declaration) is not operative */
	bool statement = un_type_is_statement(doc->meta.type), numbered = false, annex = false;
	char *plain = NULL;	/* a block's text without markup */
	size_t plain_size = 0;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->role == ROLE_RESOLUTION || b->role == ROLE_DECISION || b->role == ROLE_ANNEX ||
		    b->role == ROLE_CHAPTER || b->role == ROLE_SECTION) {
			statement = statement || b->role == ROLE_RESOLUTION || b->role == ROLE_DECISION;
			annex = b->role == ROLE_ANNEX || (annex && b->role != ROLE_RESOLUTION && b->role != ROLE_DECISION);
			numbered = false;
			continue;
		}
		if ((b->role != ROLE_BODY && b->role != ROLE_PREAMBLE && b->role != ROLE_PARAGRAPH &&
		     b->role != ROLE_POINT) || !b->text)
			continue;
		size_t len = strlen(b->text) + 1;
		if (len > plain_size) {
			free(plain);
			plain_size = len;
			plain = xmalloc(len);
		}
		char *t = text_plain_scratch(plain, plain_size, b->text);
		while (*t == ' ' || *t == '\n')
			t++;
		size_t n = strlen(t);
		while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
			t[--n] = '\0';
		check_text(&s, b, t);
		if (b->role == ROLE_PREAMBLE) {
			check_clause(&s, b, t);
			check_clause_end(&s, b, t);
		}
		/* "Reaffirming that the Plan was developed:" and its items read
		 * as the operative part: a preamble never ends with a colon */
		if (b->role == ROLE_PREAMBLE && last_kind(t, n) == ':' && next_is_operative(doc, i) && warn_more(&s, 4))
			diag_warn(doc->diag, b->line, "damage",
				  "the preamble ends with a colon: the clause's list was read as the operative part");
		if (statement && !annex && unnumbered_operative(b, t, numbered) && warn_more(&s, 2))
			diag_warn(doc->diag, b->line, "damage",
				  "a paragraph without a number among the numbered operative paragraphs: its number may be lost, or it was split from the paragraph before");
		numbered = numbered || (b->role == ROLE_PARAGRAPH && b->num);
	}
	free(plain);
	check_notes(&s);
	static const char *const what[] = {"paragraphs that are only a number", "sentences ending before a word in lower case",
					   "unnumbered operative paragraphs", "preambular clauses opening oddly",
					   "preambles ending with a colon", "paragraphs opening with a bare number",
					   "notes opening in a small letter"};
	for (int k = 0; k < 7; k++)
		if (s.count[k] > SHOWN)
			diag_warn(doc->diag, 0, "damage", "%d more %s", s.count[k] - SHOWN, what[k]);
}
