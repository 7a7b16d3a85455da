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

#include "normalise.h"
#include "normalise/util.h"

/* Words that extend an opening phrase: "Recalling also", "Noting with
 * appreciation", "Deeply concerned", "Bearing in mind". */
static const char *const phrase_tails[] = {
	"also", "further", "furthermore", "moreover", "again", "with appreciation", "with concern",
	"with satisfaction", "with deep concern", "with serious concern", "in particular", "in mind",
	"with interest", "upon", "note", "note with appreciation", "note of", "concerned", "alarmed",
};

/* Length of the opening phrase of a clause, 0 if none.  operative: the
 * phrase ends with a verb in -s ("Endorses", "Also endorses"). */
static size_t opening_phrase(const char *t, bool operative)
{
	size_t i = 0;
	if (!isupper((unsigned char)t[0]))
		return 0;
	/* first word */
	while (isalpha((unsigned char)t[i]) || t[i] == '-')
		i++;
	size_t first = i;
	if (operative) {
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
	} else {
		bool participle = i > 3 && (!strncmp(t + i - 3, "ing", 3) || !strncmp(t + i - 2, "ed", 2) ||
					    !strncmp(t, "Mindful", 7) || !strncmp(t, "Aware", 5) ||
					    !strncmp(t, "Deeply", 6) || !strncmp(t, "Gravely", 7));
		if (!participle)
			return 0;
	}
	for (;;) {
		bool extended = false;
		for (size_t k = 0; k < sizeof phrase_tails / sizeof phrase_tails[0]; k++) {
			size_t n = strlen(phrase_tails[k]);
			if (t[i] == ' ' && !strncmp(t + i + 1, phrase_tails[k], n) &&
			    (t[i + 1 + n] == ' ' || t[i + 1 + n] == ',' || !t[i + 1 + n])) {
				i += 1 + n;
				extended = true;
				break;
			}
		}
		if (!extended)
			break;
	}
	return i;
}

/* Put the opening phrase in italics if the extractor lost them. */
static void italicise_opening(struct document *doc, struct block *b, bool operative, char **name)
{
	struct arena *A = &doc->arena;
	if (b->text[0] == MK_EM_OPEN) {
		const char *close = strchr(b->text, MK_EM_CLOSE);
		if (close && name)
			*name = text_trim(A, arena_strndup(A, b->text + 1, (size_t)(close - b->text - 1)));
		return;
	}
	size_t n = opening_phrase(b->text, operative);
	if (!n)
		return;
	if (name)
		*name = arena_strndup(A, b->text, n);
	char open[2] = {MK_EM_OPEN, 0}, close[2] = {MK_EM_CLOSE, 0};
	b->text = arena_concat(A, 4, open, arena_strndup(A, b->text, n), close, b->text + n);
	diag_note(doc->diag, b->line, "resolutions", "restored the italics of \"%.*s\"", (int)n, b->text + 1);
}

/* Handle one instrument starting after block `start`; returns where it ends. */
static size_t instrument(struct document *doc, size_t start)
{
	struct arena *A = &doc->arena;
	enum { BEFORE, PREAMBLE, OPERATIVE } state = BEFORE;
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
			if (b->role == ROLE_BODY && starts_with(t, "The ") && text_last_char(b->text) == ',' && strlen(t) < 300) {
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
			size_t op = opening_phrase(t, true);
			bool operative = op && (text_last_char(b->text) == '.' || text_last_char(b->text) == ';') &&
					 !opening_phrase(t, false);
			if (!operative) {
				b->role = ROLE_PREAMBLE;
				char *name = NULL;
				italicise_opening(doc, b, false, &name);
				b->name = name ? name : arena_strdup(A, "preamble");
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

/* "80th plenary meeting" (and the date under it) closes a resolution of
 * the General Assembly or a Council: AKN4UN's conclusions. */
static bool is_plenary_meeting(const char *t)
{
	size_t i = 0;
	while (isdigit((unsigned char)t[i]))
		i++;
	return i > 0 && (starts_with(t + i, "th ") || starts_with(t + i, "st ") || starts_with(t + i, "nd ") ||
			 starts_with(t + i, "rd ")) && strstr(t + i, "plenary meeting") == t + i + 3;
}

static void mark_conclusions(struct document *doc)
{
	for (size_t i = doc->blocks.len; i-- > 0;) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->role == ROLE_DROPPED || b->role == ROLE_FOOTNOTE_DEF || !b->text)
			continue;
		if (b->role != ROLE_BODY)
			return;
		const char *t = text_plain_trimmed(&doc->arena, b->text, (size_t)-1);
		if (is_plenary_meeting(t)) {
			b->role = ROLE_CONCLUSIONS;
			/* the date printed under the meeting belongs with it */
			for (size_t j = i + 1; j < doc->blocks.len; j++) {
				struct block *n = DOC_BLOCK(doc, j);
				if (n->role == ROLE_BODY && n->text &&
				    un_date_to_iso(&doc->arena, text_plain(&doc->arena, n->text)))
					n->role = ROLE_CONCLUSIONS;
			}
			return;
		}
		if (!un_date_to_iso(&doc->arena, t))
			return;
	}
}

void pass_resolutions(struct document *doc)
{
	const char *type = doc->meta.type;
	bool statement = type && (!strcmp(type, "resolution") || !strcmp(type, "resolutionDraft") ||
				  !strcmp(type, "decision"));
	/* A text with no cover that opens with an enacting formula and
	 * preambular clauses is a resolution, whatever its file is called. */
	if (!statement && type && !strcmp(type, "document")) {
		for (size_t i = 0; i < doc->blocks.len; i++) {
			struct block *b = DOC_BLOCK(doc, i);
			if (b->role != ROLE_BODY && b->role != ROLE_PARAGRAPH)
				continue;
			const char *t = text_plain_trimmed(&doc->arena, b->text ? b->text : "", (size_t)-1);
			if (b->role == ROLE_BODY && starts_with(t, "The ") && text_last_char(t) == ',' && strlen(t) < 300) {
				doc->meta.type = "resolution";
				statement = true;
			}
			break;
		}
	}
	if (statement) {
		mark_conclusions(doc);
		instrument(doc, 0);
	}
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->role == ROLE_RESOLUTION || b->role == ROLE_DECISION)
			instrument(doc, i + 1);
	}
}
