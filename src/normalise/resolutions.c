/* resolutions.c — the parts of a resolution or decision (AKN4UN):
 * the enacting formula ("The Conference of the Parties …,"), then
 * preambular clauses, each opening with a participle or adjective in
 * italics (*Recalling also*, *Noting with appreciation*, *Alarmed*) and
 * ending with a comma, then operative paragraphs opening with a verb in
 * italics (*Endorses*, *Also requests*, *Calls upon*).  Extractors often
 * lose the italics (the words remain): this pass restores them and names
 * each preambular clause by its opening phrase. */
#include <ctype.h>
#include <string.h>

#include "normalise/normalise.h"
#include "doc/markup.h"
#include "doc/un.h"
#include "doc/unlang.h"

/* The opening phrase of a preambular clause, as the UN names its AKN4UN
 * containers: a participle or adjective, then what belongs to it —
 * "Recalling also", "Noting with great concern", "Taking note with
 * appreciation", "Expressing its deep concern", "Bearing in mind",
 * "Having considered", "Deeply concerned", "Looking forward to". */

/* Does a word w start at t[i], followed by a space, a comma or the end? */
static bool word_is(const char *t, size_t i, const char *w)
{
	size_t n = strlen(w);
	return !strncmp(t + i, w, n) && (t[i + n] == ' ' || t[i + n] == ',' || !t[i + n]);
}

/* The length of the word at t[i] (letters and inner hyphens). */
static size_t word_len(const char *t, size_t i)
{
	size_t n = 0;
	while (isalpha((unsigned char)t[i + n]) || (t[i + n] == '-' && isalpha((unsigned char)t[i + n + 1])))
		n++;
	return n;
}

static bool in_list(const char *t, size_t i, const char *const *list, size_t count)
{
	size_t n = word_len(t, i);
	for (size_t k = 0; k < count; k++)
		if (strlen(list[k]) == n && !strncmp(t + i, list[k], n))
			return true;
	return false;
}
#define IN_LIST(t, i, list) in_list(t, i, list, sizeof list / sizeof list[0])

static const char *const fixed_tails[] = {
	"also", "further", "furthermore", "moreover", "again", "once more", "once again", "in particular",
	"in this regard", "in the strongest possible terms", "in the strongest terms", "in mind", "into account",
	"into consideration", "note", "forward to", "forward", "attention", "it necessary", "with approval",
};
/* what a clause expresses: "with concern", "its deep concern" */
static const char *const feelings[] = {
	"concern", "concerns", "appreciation", "satisfaction", "regret", "interest", "approval", "gratitude",
	"alarm", "commitment", "conviction", "condemnation", "determination", "support", "endorsement",
	"abhorrence", "distress", "opposition", "call",
};
static const char *const intensities[] = {
	"great", "grave", "gravest", "deep", "deepest", "serious", "profound", "particular", "continued",
	"continuing", "growing", "strong", "strongest", "unwavering", "unequivocal", "full", "firm", "sincere",
};
/* a first word that is an adverb takes the next word with it */
static const char *const adverbs[] = {
	"Deeply", "Gravely", "Seriously", "Strongly", "Firmly", "Fully", "Profoundly", "Particularly",
	"Equally", "Unequivocally", "Ever", "Also", "Further",
};
static const char *const adjectives[] = {
	"Mindful", "Aware", "Conscious", "Cognizant", "Desirous", "Keen", "Confident", "Eager",
};

/* "with great concern", "its deep concern", "deep concern": an optional
 * lead word, intensities, a feeling (and "upon"/"for" after "call").
 * Returns the new end, or i when none. */
static size_t feeling_at(const char *t, size_t i, const char *lead)
{
	size_t j = i;
	if (lead) {
		if (t[j] != ' ' || !word_is(t, j + 1, lead))
			return i;
		j += 1 + strlen(lead);
	}
	while (t[j] == ' ' && IN_LIST(t, j + 1, intensities))
		j += 1 + word_len(t, j + 1);
	if (t[j] != ' ' || !IN_LIST(t, j + 1, feelings))
		return i;
	bool call = word_is(t, j + 1, "call");
	j += 1 + word_len(t, j + 1);
	if (call) {
		if (t[j] == ' ' && (word_is(t, j + 1, "upon") || word_is(t, j + 1, "for")))
			j += 1 + word_len(t, j + 1);
		else
			return i;
	}
	return j;
}

static size_t preamble_phrase(const char *t)
{
	size_t first = word_len(t, 0);
	if (first < 4 || !isupper((unsigned char)t[0]))
		return 0;
	bool adverb = IN_LIST(t, 0, adverbs);
	/* "Convinced that", "Alarmed by": a word in -ed opens a clause with
	 * a word in lower case after it (every one of the 78th session's
	 * English preambles); "Armed Robbery against Ships", at a line's
	 * start, is the clause before it going on */
	bool past = !strncmp(t + first - 2, "ed", 2) && t[first] == ' ' && islower((unsigned char)t[first + 1]);
	bool participle = (first > 4 && !strncmp(t + first - 3, "ing", 3)) || past || adverb ||
			  IN_LIST(t, 0, adjectives);
	if (!participle)
		return 0;
	size_t i = first;
	/* "Deeply concerned", "Having (also) considered" */
	bool having = word_is(t, 0, "Having");
	if (having && t[i] == ' ' && word_is(t, i + 1, "also"))
		i += 5;
	if ((adverb || having) && t[i] == ' ' && islower((unsigned char)t[i + 1]))
		i += 1 + word_len(t, i + 1);
	/* "Expressing deep concern": a feeling straight after the first word */
	i = feeling_at(t, i, NULL);
	/* "Calling upon", "Calling for" */
	if (word_is(t, 0, "Calling") && t[i] == ' ' && (word_is(t, i + 1, "upon") || word_is(t, i + 1, "for")))
		i += 1 + word_len(t, i + 1);
	for (;;) {
		size_t before = i;
		for (size_t k = 0; k < sizeof fixed_tails / sizeof fixed_tails[0] && i == before; k++)
			if (t[i] == ' ' && word_is(t, i + 1, fixed_tails[k]))
				i += 1 + strlen(fixed_tails[k]);
		if (i == before)
			i = feeling_at(t, i, "with");
		if (i == before)
			i = feeling_at(t, i, "its");
		if (i == before)
			break;
	}
	return i;
}

/* Length of the opening phrase of a clause, 0 if none.  operative: the
 * phrase ends with a verb in -s ("Endorses", "Also endorses"); in
 * French and Spanish, doc/unlang.c reads it ("Prie également"). */
static size_t opening_phrase(const struct un_lang *L, const char *t, bool operative)
{
	if (L->operative_words)
		return un_opening_phrase(L, t, strlen(t), operative);
	if (!operative)
		return preamble_phrase(t);
	size_t i = 0;
	if (!isupper((unsigned char)t[0]))
		return 0;
	/* first word */
	while (isalpha((unsigned char)t[i]) || t[i] == '-')
		i++;
	size_t first = i;
	/* adverb first: "Also endorses", "Further requests", "Strongly encourages" */
	if (t[i - 1] != 's' || !strncmp(t, "Also", 4) || !strncmp(t, "Further", 7)) {
		if (t[i] != ' ')
			return 0;
		size_t j = i + 1;
		while (isalpha((unsigned char)t[j]))
			j++;
		if (t[j - 1] != 's' || !islower((unsigned char)t[i + 1]))
			return first >= 3 && t[first - 1] == 's' ? first : 0;
		i = j;
	}
	/* "Takes note", "Calls upon", "Expresses its appreciation" */
	if (t[i] == ' ' && (word_is(t, i + 1, "note") || word_is(t, i + 1, "upon")))
		i += 1 + word_len(t, i + 1);
	i = feeling_at(t, i, "its");
	return i;
}

/* Put the opening phrase in italics if the extractor lost them. */
static void italicise_opening(struct document *doc, struct block *b, bool operative, char **name)
{
	const struct un_lang *L = un_lang_of(doc->meta.lang, NULL);
	struct arena *A = &doc->arena;
	if (b->text[0] == MK_EM_OPEN) {
		const char *close = strchr(b->text, MK_EM_CLOSE);
		if (close && name)
			*name = text_trim(A, arena_strndup(A, b->text + 1, (size_t)(close - b->text - 1)));
		return;
	}
	size_t n = opening_phrase(L, b->text, operative);
	if (!n)
		return;
	if (name)
		*name = arena_strndup(A, b->text, n);
	char open[2] = {MK_EM_OPEN, 0}, close[2] = {MK_EM_CLOSE, 0};
	b->text = arena_concat(A, 4, open, arena_strndup(A, b->text, n), close, b->text + n);
	diag_note(doc->diag, b->line, "resolutions", "restored the italics of \"%.*s\"", (int)n, b->text + 1);
}

/* Is t, which no clause word opens, the end of a clause a line cut off
 * ("Armed Robbery against Ships ... (Yaoundé Code of Conduct), the tenth
 * anniversary of which ...,")?  In a language whose clause words are
 * all known, it ends as a clause ends; a heading between clauses
 * ("Transport and transit corridors") does not. */
static bool cut_clause(const struct un_lang *L, const char *text, const char *t)
{
	char last = text_last_char(text);
	if (!un_openings_named(L) || strlen(text) < 8 || (last != ',' && last != ';'))
		return false;
	/* Russian clauses open in small letters: a capital or a figure opens
	 * a heading or a note's text read amid them ("5–16 июня 1972 года"),
	 * a small letter the rest of a clause */
	if (L->lower_openings) {
		const unsigned char *u = (const unsigned char *)t;
		bool small_cyrillic = (u[0] == 0xd0 && u[1] >= 0xb0) || (u[0] == 0xd1 && u[1] <= 0x9f);
		return small_cyrillic || islower(u[0]);
	}
	return true;
}

/* The clause's end goes back to the clause. */
static void join_clause(struct document *doc, struct block *clause, struct block *end)
{
	clause->text = arena_concat(&doc->arena, 3, clause->text, " ", end->text);
	if (end->end_line > clause->end_line)
		clause->end_line = end->end_line;
	end->role = ROLE_DROPPED;
	diag_note(doc->diag, end->line, "resolutions",
		  "joined to the clause before: no clause word opens it (a line opening with a capital cut it)");
}

/* Handle one instrument starting after block `start`; returns where it ends. */
static size_t instrument(struct document *doc, size_t start)
{
	struct arena *A = &doc->arena;
	const struct un_lang *L = un_lang_of(doc->meta.lang, NULL);
	enum { BEFORE, PREAMBLE, OPERATIVE } state = BEFORE;
	struct block *clause = NULL;	/* the last preambular clause */
	size_t i = start;
	for (; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->role == ROLE_DROPPED || b->role == ROLE_FOOTNOTE_DEF || b->role == ROLE_COVER ||
		    b->role == ROLE_INSTRUMENT_TITLE || b->role == ROLE_TITLE || b->role == ROLE_SUBTITLE)
			continue;
		if (b->role == ROLE_RESOLUTION || b->role == ROLE_DECISION || b->role == ROLE_ANNEX ||
		    b->role == ROLE_CHAPTER || b->role == ROLE_SECTION || b->role == ROLE_SUBSECTION)
			break;
		if (b->role == ROLE_CROSSHEADING)
			continue;
		/* the opening and the last character decide: no full copy */
		char scratch[401];
		const char *t = text_plain_scratch(scratch, sizeof scratch, b->text);
		if (state == BEFORE) {
			/* "The Conference of the Parties …," (or "The General Assembly,") */
			/* (Russian: "Генеральная Ассамблея" alone, its comma left
			 * out; the cover's is the cover's) */
			if (b->role == ROLE_BODY && (un_enacting_formula(t, strlen(t)) ||
						     (L->lower_openings && un_organ_name(t, strlen(t))))) {
				b->role = ROLE_FORMULA;
				state = PREAMBLE;
				continue;
			}
			if (b->role != ROLE_PARAGRAPH)
				return i;	/* not a resolution's shape */
			state = OPERATIVE;
		}
		if (state == PREAMBLE && b->role == ROLE_BODY) {
			/* an operative clause without a number ends the preamble */
			size_t op = opening_phrase(L, t, true);
			bool operative = op && (text_last_char(b->text) == '.' || text_last_char(b->text) == ';') &&
					 !opening_phrase(L, t, false);
			if (!operative) {
				char *name = NULL;
				italicise_opening(doc, b, false, &name);
				if (!name && clause && cut_clause(L, b->text, t)) {
					join_clause(doc, clause, b);
					continue;
				}
				b->role = ROLE_PREAMBLE;
				b->name = name ? name : arena_strdup(A, "preamble");
				clause = b;
				continue;
			}
			/* an operative paragraph with no number (a resolution with a
			 * single operative paragraph prints none) */
			state = OPERATIVE;
			italicise_opening(doc, b, true, NULL);
			b->role = ROLE_PARAGRAPH;
			b->operative_verb = b->text[0] == MK_EM_OPEN;
			continue;
		}
		if (b->role == ROLE_PARAGRAPH) {
			state = OPERATIVE;
			italicise_opening(doc, b, true, NULL);
			b->operative_verb = b->text[0] == MK_EM_OPEN;
		}
	}
	return i;
}

/* A resolution is its operative paragraphs: one with none found was not
 * understood (its numbers lost, its clauses glued), and says so. */
static void check_operative(struct document *doc, size_t start, size_t end, bool resolution)
{
	int formula_line = 0, operative = 0, first_line = 0;
	for (size_t i = start; i < end && i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->role == ROLE_FORMULA)
			formula_line = b->line;
		operative += b->role == ROLE_PARAGRAPH;
		if (!first_line && b->role != ROLE_DROPPED && b->role != ROLE_COVER && b->role != ROLE_FOOTNOTE_DEF)
			first_line = b->line;
	}
	if (resolution && !operative)
		diag_warn(doc->diag, formula_line ? formula_line : first_line, "resolutions",
			  "a resolution with no operative paragraph: %s",
			  formula_line ? "its preamble runs to its end" : "neither its formula nor its paragraphs were found");
}

/* The meeting and the date under the last operative paragraph (before
 * the annexes, if any): "52nd plenary meeting" / "12 December 2022", or
 * the date alone. */
static void mark_conclusions(struct document *doc)
{
	size_t end = doc->blocks.len;
	for (size_t i = 0; i < doc->blocks.len; i++)
		if (DOC_BLOCK(doc, i)->role == ROLE_ANNEX) {
			end = i;
			break;
		}
	for (size_t i = end; i-- > 0;) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->role == ROLE_DROPPED || b->role == ROLE_FOOTNOTE_DEF || !b->text || !*b->text)
			continue;
		if (b->role != ROLE_BODY)
			return;
		const char *t = text_plain_trimmed(&doc->arena, b->text, (size_t)-1);
		/* "52nd plenary meeting", "52e séance plénière" (and the date
		 * under it) close a resolution of the General Assembly or a
		 * Council: AKN4UN's conclusions */
		bool meeting = un_meeting_line(un_lang_of(doc->meta.lang, NULL), t, strlen(t), true);
		if (!meeting && !un_date_to_iso(&doc->arena, t))
			return;
		b->role = ROLE_CONCLUSIONS;
		if (meeting)
			return;
	}
}

void pass_resolutions(struct document *doc)
{
	const char *type = doc->meta.type;
	bool statement = un_type_is_statement(type);
	/* A text with no cover that opens with an enacting formula and
	 * preambular clauses is a resolution, whatever its file is called. */
	if (!statement && type && !strcmp(type, "document")) {
		for (size_t i = 0; i < doc->blocks.len; i++) {
			struct block *b = DOC_BLOCK(doc, i);
			if (b->role != ROLE_BODY && b->role != ROLE_PARAGRAPH)
				continue;
			const char *t = text_plain_trimmed(&doc->arena, b->text ? b->text : "", (size_t)-1);
			if (b->role == ROLE_BODY && un_enacting_formula(t, strlen(t))) {
				doc->meta.type = "resolution";
				statement = true;
			}
			break;
		}
	}
	if (statement) {
		mark_conclusions(doc);
		check_operative(doc, 0, instrument(doc, 0), strcmp(type, "decision") != 0);
	}
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->role == ROLE_RESOLUTION || b->role == ROLE_DECISION)
			check_operative(doc, i + 1, instrument(doc, i + 1), b->role == ROLE_RESOLUTION);
	}
}
