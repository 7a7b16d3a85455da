/* metadata.c — the cover page, turned into facts.
 *
 * A UN document's first page prints, in a fixed vocabulary: "United
 * Nations", the symbol (top right), "Distr.: General|Limited|Restricted",
 * the date, "Original: English", the body ("Conference of the Parties …",
 * "General Assembly"), the session ("Twelfth session"), place and dates
 * ("Vienna, 14–18 October 2024"), "Item 5 of the provisional agenda*" and
 * the agenda item's title, then the document's title.  Extractors scatter
 * these over lines and headings; this pass reads the cover zone (the blocks
 * before the body starts), moves each fact into doc->meta and retires the
 * block, then finds the title and the document type. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/lang.h"
#include "normalise/normalise.h"
#include "doc/markup.h"
#include "doc/un.h"
#include "doc/unlang.h"
#include "util/buf.h"

static const char *const ordinals[] = {
	"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
	"Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth",
	"Seventeenth", "Eighteenth", "Nineteenth", "Twentieth",
};

/* "Seventy-seventh" → 77 (sessions of the General Assembly run past 20). */
static int compound_ordinal(const char *s, size_t n)
{
	static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
					   "eighty", "ninety"};
	static const char *const tenths[] = {"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
					     "seventieth", "eightieth", "ninetieth"};
	static const char *const units[] = {"first", "second", "third", "fourth", "fifth", "sixth",
					    "seventh", "eighth", "ninth"};
	char w[40];
	if (n >= sizeof w)
		return -1;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)tolower((unsigned char)s[i]);
	w[n] = '\0';
	for (int t = 0; t < 8; t++) {
		if (!strcmp(w, tenths[t]))
			return 20 + 10 * t;
		size_t tl = strlen(tens[t]);
		if (!strncmp(w, tens[t], tl) && w[tl] == '-')
			for (int u = 0; u < 9; u++)
				if (!strcmp(w + tl + 1, units[u]))
					return 20 + 10 * t + u + 1;
	}
	return -1;
}

static int session_number(const struct un_lang *L, const char *s)
{
	size_t n = strlen(s);
	/* "Soixante-dix-huitième session", "Septuagésimo octavo período de
	 * sesiones": a session, its number spelled out (0: not read) */
	if (L->operative_words || L->no_spaces) {
		for (size_t k = 0; L->session_ends[k]; k++) {
			size_t e = strlen(L->session_ends[k]);
			/* (Chinese has no capitals: "第七十八届会议") */
			if (n > e && n < 60 && !strcmp(s + n - e, L->session_ends[k]) &&
			    (un_is_upper(s, n) || L->no_spaces)) {
				int v = un_ordinal(L, s, n - e);
				return v > 0 ? v : 0;
			}
		}
		return -1;
	}
	if (n > 8 && !strcmp(s + n - 8, " session")) {
		int v = compound_ordinal(s, n - 8);
		if (v > 0)
			return v;
	}
	for (size_t i = 0; i < sizeof ordinals / sizeof ordinals[0]; i++) {
		size_t ol = strlen(ordinals[i]);
		if (!strncmp(s, ordinals[i], ol) && !strcmp(s + ol, " session"))
			return (int)i + 1;
	}
	/* another spelling of a session: accept, number unknown */
	if (n > 8 && !strcmp(s + n - 8, " session") && isupper((unsigned char)s[0]) && n < 40)
		return 0;
	return -1;
}

/* The principal organs and the bodies whose documents we see. */
static bool is_body_name(const struct un_lang *L, const char *s)
{
	return un_opens_with(s, strlen(s), L->bodies) > 0;
}

static bool is_meeting_body(const char *s)
{
	return (starts_with(s, "Working Group") || starts_with(s, "Expert Group") ||
		starts_with(s, "Open-ended") || starts_with(s, "Ad Hoc Committee") ||
		starts_with(s, "Subcommission") || starts_with(s, "Subcommittee")) && strlen(s) < 160 &&
	       s[strlen(s) - 1] != '.';
}

/* "Vienna, 14–18 October 2024", "New York, 5 May 2023": a place, a comma,
 * dates.  Conservative: a capitalised word or two, then digits. */
static bool is_place_line(const char *s)
{
	const char *comma = strchr(s, ',');
	if (!comma || comma - s > 30 || !isupper((unsigned char)s[0]))
		return false;
	const char *rest = comma + 1;
	while (*rest == ' ') rest++;
	if (!isdigit((unsigned char)*rest))
		return false;
	size_t n = strlen(s);
	return n < 80 && isdigit((unsigned char)s[n - 1]);
}

/* "Agenda item 106", "Point 58 de l’ordre du jour", "Tema 58 del
 * programa": the agenda item on a cover. */
static bool agenda_item_line(const struct un_lang *L, const char *s)
{
	size_t n = strlen(s);
	size_t o = un_opens_with(s, n, L->agenda_opens);
	if (!o || n >= (L->agenda_has ? 80u : 40u))
		return false;
	for (size_t k = 0; L->agenda_has && L->agenda_has[k]; k++)
		if (strstr(s + o, L->agenda_has[k]))
			return true;
	return !L->agenda_has;
}

struct cover_state {
	bool distr_pending_date;	/* "Distr.: Limited" with the date on the next line */
	bool distr_pending_kind;	/* "Distr." alone: "GENERAL" on the next line (older layouts) */
	bool united;			/* "UNITED" alone: "NATIONS" follows (older layouts) */
	bool after_agenda;		/* the next short line is the agenda item's title */
};

/* "General", "GENERAL", "générale": a kind of distribution. */
static bool distribution_kind(const struct un_lang *L, const char *s)
{
	for (size_t k = 0; L->distribution_kinds[k]; k++)
		if (!strcasecmp(s, L->distribution_kinds[k]))
			return true;
	return false;
}

/* What a recogniser made of a line: not its kind, read as a cover fact, or
 * its kind but not a cover fact (the line is body text). */
enum verdict { NOT_MINE, TAKEN, REFUSED };

/* "United Nations", and older layouts' capitals over two lines: "UNITED" /
 * "NATIONS", "Distr." / "GENERAL", the series letter of the symbol large
 * and alone ("S"). */
static enum verdict read_masthead(struct document *doc, const char *line, struct cover_state *st)
{
	struct doc_meta *m = &doc->meta;
	const struct un_lang *L = un_lang_of(m->lang, NULL);
	if (un_word_in(line, strlen(line), L->organization) || (st->united && !strcmp(line, "NATIONS"))) {
		m->organization = arena_strdup(&doc->arena, L->organization[0]);
		st->united = false;
		return TAKEN;
	}
	if (!strcmp(line, "UNITED") && !m->organization) {
		st->united = true;
		return TAKEN;
	}
	if (!strcmp(line, "Distr.")) {
		st->distr_pending_kind = true;
		return TAKEN;
	}
	if (st->distr_pending_kind && distribution_kind(L, line)) {
		m->distribution = arena_strdup(&doc->arena, line);
		for (char *p = m->distribution + 1; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		st->distr_pending_kind = false;
		st->distr_pending_date = true;
		return TAKEN;
	}
	if (isupper((unsigned char)line[0]) && !line[1] && !m->title)
		return TAKEN;
	return NOT_MINE;
}

/* The document's symbol. */
static enum verdict read_symbol_line(struct document *doc, const struct block *blk, const char *line)
{
	struct doc_meta *m = &doc->meta;
	size_t len;
	if (m->symbol || !un_symbol_match(line, 0, &len))
		return NOT_MINE;
	/* a Security Council resolution's symbol carries its year:
	 * "S/RES/1325 (2000)" */
	const char *y = line + len;
	if (y[0] == ' ' && y[1] == '(' && isdigit((unsigned char)y[2]) && isdigit((unsigned char)y[3]) &&
	    isdigit((unsigned char)y[4]) && isdigit((unsigned char)y[5]) && y[6] == ')')
		len += 7;
	/* a resolution adopted in parts: "A/RES/78/183 A", "A/RES/78/183 B" */
	else if (y[0] == ' ' && y[1] >= 'A' && y[1] <= 'Z' && !y[2] && strstr(line, "/RES/"))
		len += 2;
	m->symbol = arena_strndup(&doc->arena, line, len);
	m->line_symbol = blk->line;
	const char *rest = line + len;
	while (*rest == ' ') rest++;
	/* "CTOC/COP/2022/9*": the star refers to a note (reissue) */
	if (*rest == '*' || isdigit((unsigned char)*rest))
		m->symbol_note = arena_printf(&doc->arena, "%c%s%c", MK_SUP_OPEN, rest, MK_SUP_CLOSE);
	else if (*rest)
		return REFUSED;
	return TAKEN;
}

/* "Distr.: General 12 May 2022", a date alone, "Original: English". */
static enum verdict read_distribution_date(struct document *doc, const struct block *blk, const char *line,
					   struct cover_state *st)
{
	struct doc_meta *m = &doc->meta;
	struct arena *A = &doc->arena;
	const struct un_lang *L = un_lang_of(m->lang, NULL);
	size_t label = un_opens_with(line, strlen(line), L->distribution);
	/* "Distr.: General", "Distr. générale": the label, then the kind */
	if (label && (line[label - 1] == ':' || line[label] == ' ' || line[label] == ':')) {
		const char *v = line + label;
		while (*v == ' ' || *v == ':') v++;
		/* the label as the language prints it ("Distr. générale"),
		 * unless the text put a colon after it */
		if (line[label - 1] != ':' && line[label] != ':')
			m->distribution_label = L->distribution[0];
		const char *ds;
		size_t dl;
		char *iso = un_find_date(A, v, &ds, &dl);
		size_t kind_len = iso ? (size_t)(ds - v) : strlen(v);
		while (kind_len && v[kind_len - 1] == ' ') kind_len--;
		m->distribution = arena_strndup(A, v, kind_len);
		if (iso) {
			m->date_iso = iso;
			m->date_text = arena_strndup(A, ds, dl);
			m->line_date = blk->line;
		} else {
			st->distr_pending_date = true;
		}
		return TAKEN;
	}
	char *iso = un_date_to_iso(A, line);
	if (iso && !m->date_iso) {
		m->date_iso = iso;
		m->date_text = arena_strdup(A, line);
		m->line_date = blk->line;
		st->distr_pending_date = false;
		return TAKEN;
	}
	size_t original = un_opens_with(line, strlen(line), L->original);
	if (original) {
		const char *v = line + original;
		while (*v == ' ') v++;
		m->language = arena_strdup(A, v);
		/* "ENGLISH" in older layouts */
		for (char *p = m->language + 1; *p && isupper((unsigned char)m->language[0]); p++)
			*p = (char)tolower((unsigned char)*p);
		return TAKEN;
	}
	return NOT_MINE;
}

/* The characters of s[0..n) (UTF-8: the bytes that open one). */
static size_t characters(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* The session, the place and dates, the agenda item and its title, the
 * body and the meeting. */
static enum verdict read_meeting_lines(struct document *doc, const char *raw_line, const char *line,
				       struct cover_state *st)
{
	struct doc_meta *m = &doc->meta;
	struct arena *A = &doc->arena;
	const struct un_lang *L = un_lang_of(doc->meta.lang, NULL);
	int sn = session_number(L, line);
	if (sn >= 0 && !m->session) {
		m->session = arena_strdup(A, line);
		m->session_number = sn;
		return TAKEN;
	}
	if (is_place_line(line) && !m->place) {
		m->place = arena_strdup(A, line);
		return TAKEN;
	}
	if ((starts_with(line, "Item ") && (strstr(line, "agenda") || strstr(line, "preliminary list"))) ||
	    agenda_item_line(L, line)) {
		m->agenda_item = text_trim(A, raw_line);
		st->after_agenda = true;
		return TAKEN;
	}
	size_t n = strlen(line);
	/* counted in characters, not bytes (a Cyrillic letter is two); an
	 * item's title runs to 300 and more ("Устойчивое развитие:
	 * реализация Программы действий …") */
	if (st->after_agenda && !m->agenda_title && characters(line, n) < 400 && line[n - 1] != '.' && line[n - 1] != ',' &&
	    /* "Technical assistance": the agenda item's title, not the document's */
	    !starts_with(line, "Draft ") && !starts_with(line, "Report ") &&
	    !starts_with(line, "Background paper") && !starts_with(line, "Note by") &&
	    /* an agenda item printed without its title: the adoption follows */
	    !un_adoption_line(L, line, n)) {
		m->agenda_title = text_trim(A, raw_line);
		st->after_agenda = false;
		return TAKEN;
	}
	if (is_body_name(L, line) && !m->body && !m->title) {
		m->body = arena_strdup(A, line);
		return TAKEN;
	}
	if (is_meeting_body(line) && !m->meeting && !m->title && m->body) {
		m->meeting = arena_strdup(A, line);
		return TAKEN;
	}
	return NOT_MINE;
}

/* Try to read one cover line.  Returns true if it was a cover fact. */
static bool read_cover_line(struct document *doc, struct block *blk, const char *raw_line,
			    struct cover_state *st)
{
	const char *line = text_plain_trimmed(&doc->arena, raw_line, (size_t)-1);
	if (!*line)
		return true;
	enum verdict v = read_masthead(doc, line, st);
	size_t len;
	/* "United Nations CTOC/COP/2024/5 …" on one line: the organisation,
	 * then the rest read as a line of its own */
	const struct un_lang *L = un_lang_of(doc->meta.lang, NULL);
	size_t org = un_opens_with(line, strlen(line), L->organization);
	if (v == NOT_MINE && org && line[org] == ' ' && un_symbol_match(line, org + 1, &len)) {
		doc->meta.organization = arena_strdup(&doc->arena, L->organization[0]);
		line += org + 1;
	}
	if (v == NOT_MINE)
		v = read_symbol_line(doc, blk, line);
	if (v == NOT_MINE)
		v = read_distribution_date(doc, blk, line, st);
	if (v == NOT_MINE)
		v = read_meeting_lines(doc, raw_line, line, st);
	return v == TAKEN;
}

/* A block belongs to the body (and ends the cover zone) when it is a
 * numbered paragraph or heading, a formula, or a long sentence. */
static bool starts_body(struct document *doc, const struct block *blk)
{
	const char *t = text_plain_trimmed(&doc->arena, blk->text, (size_t)-1);
	if (blk->num)
		return true;
	/* a date on the cover ("3 April 2020") opens with a digit too, and
	 * so does a Chinese adoption line ("2023年12月7日大会决议") */
	if (isdigit((unsigned char)t[0]) &&
	    (un_date_to_iso(&doc->arena, t) || un_adoption_line(un_lang_of(doc->meta.lang, NULL), t, strlen(t))))
		return false;
	/* "2013年核裁军问题…", "2025国际合作社年": a Chinese title may open
	 * with a year, a Han character right after its digits (a paragraph's
	 * number has its full stop) */
	size_t d = 0, cl;
	while (isdigit((unsigned char)t[d]))
		d++;
	if (d && un_lang_of(doc->meta.lang, NULL)->no_spaces && un_is_cjk(t + d, strlen(t + d), &cl))
		return false;
	/* after "78/128." alone, the title may open with a year ("2025
	 * United Nations Conference …", "2026, Année internationale …") */
	if (doc->meta.number && !doc->meta.title && ((t[0] == '1' && t[1] == '9') || (t[0] == '2' && t[1] == '0')) &&
	    isdigit((unsigned char)t[2]) && isdigit((unsigned char)t[3]) && (t[4] == ' ' || t[4] == ','))
		return false;
	if (isdigit((unsigned char)t[0]) || (t[0] == '(' && islower((unsigned char)t[1])))
		return true;
	/* "I. Introduction" */
	size_t r = 0;
	while (t[r] == 'I' || t[r] == 'V' || t[r] == 'X')
		r++;
	if (r && t[r] == '.' && t[r + 1] == ' ')
		return true;
	if (starts_with(t, "Resolution ") || starts_with(t, "Decision ") || starts_with(t, "Annex"))
		return false;
	return false;
}

/* "Report of the Sixth Committee", "Report of the Secretary-General",
 * "Note by the Secretariat": a line that says who reports, not a title. */
static bool says_who_reports(const char *t)
{
	size_t n = strlen(t);
	if (!strcmp(t, "Report of the Secretary-General") || !strcmp(t, "Note by the Secretary-General") ||
	    !strcmp(t, "Note by the Secretariat"))
		return true;
	return starts_with(t, "Report of the ") && n < 80 && n > 10 && !strcmp(t + n - 10, " Committee");
}

/* The block before block i, if it is the agenda item's title read on the
 * cover, becomes the document's title.  Returns whether it did. */
static bool promote_agenda_title(struct document *doc, size_t i)
{
	struct doc_meta *m = &doc->meta;
	for (size_t j = i; j-- > 0;) {
		struct block *p = DOC_BLOCK(doc, j);
		if (p->role == ROLE_DROPPED || p->role == ROLE_FOOTNOTE_DEF)
			continue;
		if (p->role != ROLE_COVER || !p->text || strcmp(text_trim(&doc->arena, p->text), m->agenda_title))
			return false;
		p->role = ROLE_TITLE;
		m->title = text_plain_trimmed(&doc->arena, p->text, (size_t)-1);
		m->agenda_title = NULL;
		return true;
	}
	return false;
}

/* "Resolution 2700 (2023)" → "2700 (2023)", else NULL. */
static char *council_resolution_number(struct arena *A, const char *t)
{
	if (!starts_with(t, "Resolution ") && !starts_with(t, "RESOLUTION "))
		return NULL;
	const char *p = t + 11;
	size_t i = 0;
	while (isdigit((unsigned char)p[i]))
		i++;
	/* p + i: " (2022)" */
	if (!i || strncmp(p + i, " (", 2) || strlen(p + i) != 7 || p[i + 6] != ')')
		return NULL;
	for (size_t k = i + 2; k < i + 6; k++)
		if (!isdigit((unsigned char)p[k]))
			return NULL;
	return arena_strndup(A, p, i + 7);
}

/* The kind of document a subtitle line announces, or NULL. */

static const char *type_from_subtitle(const char *s)
{
	if (starts_with(s, "Draft resolution")) return "resolutionDraft";
	if (starts_with(s, "Draft decision")) return "resolutionDraft";
	if (starts_with(s, "Background paper")) return "backgroundPaper";
	if (starts_with(s, "Note by")) return "note";
	if (starts_with(s, "Conference room paper")) return "note";
	/* "Thirty-third report of the Secretary-General" under the title */
	if (starts_with(s, "Report of the Secretary-General") ||
	    (strstr(s, " report of the Secretary-General") && strlen(s) < 80))
		return "report";
	/* "Rapporteur: Ms. …" under a committee's report */
	if (starts_with(s, "Rapporteur:") || starts_with(s, "Rapporteurs:")) return "";
	return NULL;
}

/* The language this text is in, from its letters (the first 64 KB of
 * it).  Not the cover's "Original:", which names the language the
 * document was drafted in: a French version says "Original : anglais".
 * A document read from its text has it already. */
static void read_language(struct document *doc)
{
	enum { SAMPLE = 64 * 1024 };
	if (doc->meta.lang[0])
		return;	/* read/read.c told it from the text before reading it */
	struct buf text = BUF_INIT;
	for (size_t i = 0; i < doc->blocks.len && text.len < SAMPLE; i++) {
		const struct block *blk = DOC_BLOCK(doc, i);
		if (blk->text && blk->role != ROLE_DROPPED) {
			buf_puts(&text, blk->text);
			buf_putc(&text, ' ');
		}
	}
	snprintf(doc->meta.lang, sizeof doc->meta.lang, "%s", lang_of_text(text.data ? text.data : "", text.len));
	buf_free(&text);
}

/* Read the cover zone: the blocks before the body starts, each of whose
 * lines (or layout columns) is a cover fact.  A block read whole becomes
 * ROLE_COVER; one read in part keeps the lines that were not.  Returns
 * the index of the first block after the zone. */
static size_t read_cover_zone(struct document *doc)
{
	struct cover_state st = {0};
	size_t i = 0;
	for (; i < doc->blocks.len; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (blk->role != ROLE_BODY || !blk->text)
			continue;
		if (blk->text[0] == MK_SUP_OPEN || starts_with(blk->text, "* ") || starts_with(blk->text, "\\* "))
			continue;	/* a footnote the cover page held */
		if (starts_body(doc, blk))
			break;
		/* a block may hold several cover lines (hard breaks) */
		bool all = true;
		struct buf rest = BUF_INIT;
		for (const char *p = blk->text; *p;) {
			const char *eol = strchr(p, '\n');
			size_t n = eol ? (size_t)(eol - p) : strlen(p);
			/* columns of a layout extraction are separate cover lines */
			char *line = arena_strndup(&doc->arena, p, n), *save = NULL;
			for (char *cell = strtok_r(line, "\t", &save); cell; cell = strtok_r(NULL, "\t", &save)) {
				if (!read_cover_line(doc, blk, cell, &st)) {
					all = false;
					if (rest.len) buf_putc(&rest, '\n');
					buf_puts(&rest, cell);
				}
			}
			p += n + (eol ? 1 : 0);
		}
		if (all) {
			blk->role = ROLE_COVER;
			diag_note(doc->diag, blk->line, "metadata", "cover line read as metadata");
			buf_free(&rest);
			continue;
		}
		bool partial = strcmp(buf_cstr(&rest), blk->text) != 0;
		if (partial)
			blk->text = arena_strndup(&doc->arena, rest.data, rest.len);
		buf_free(&rest);
		if (!partial)
			break;
	}
	return i;
}

/* The search for the title, among the few blocks after the cover. */
struct heading_search {
	struct document *doc;
	size_t i;			/* the block looked at */
	int looked;			/* blocks looked at so far */
	struct block *title_blk;	/* the block taken for the title */
};

/* What a heading-zone recogniser decided. */
enum heading_step { PASS, NEXT, STOP };

/* "Resolution 11/3", "Decision 9/1" (a document that is one resolution:
 * no cover, or a cover then its number), "Resolution 2700 (2023)" (a
 * Security Council resolution's number and year, its heading: the
 * Council prints no title). */
static enum heading_step read_instrument_heading(struct heading_search *hs, struct block *blk, const char *t)
{
	struct doc_meta *m = &hs->doc->meta;
	struct arena *A = &hs->doc->arena;
	const struct un_lang *L = un_lang_of(m->lang, NULL);
	char *number, *resolution = NULL;
	if (!m->title && ((number = resolution = un_instrument_number(A, t, L->resolution[0])) ||
			  (number = un_instrument_number(A, t, L->decision[0])))) {
		if (hs->looked > 1 && m->symbol)
			return STOP;
		m->type = resolution ? "resolution" : "decision";
	} else if (!m->title && !m->number && (number = council_resolution_number(A, t))) {
		m->type = "resolution";
	} else {
		return PASS;
	}
	m->number = number;
	m->number_printed = arena_strdup(A, t);
	blk->role = ROLE_COVER;
	return NEXT;
}

/* "Resolution adopted by the General Assembly on 2 April 2020", "Adopted
 * by the Security Council at its 9214th meeting, on …". */
static enum heading_step read_adoption(struct heading_search *hs, struct block *blk, const char *t)
{
	struct doc_meta *m = &hs->doc->meta;
	struct arena *A = &hs->doc->arena;
	const struct un_lang *L = un_lang_of(m->lang, NULL);
	if (m->adoption || !un_adoption_line(L, t, strlen(t)))
		return PASS;
	/* "Decision adopted by", "Décision adoptée par" */
	const char *kind = starts_with(t, L->decision[0]) ? "decision" : "resolution";
	const char *ds;
	size_t dl;
	m->adoption = arena_strdup(A, t);
	m->adoption_iso = un_find_date(A, t, &ds, &dl);
	if (!m->type || !strcmp(m->type, "document") || !strcmp(m->type, "report"))
		m->type = kind;
	blk->role = ROLE_COVER;
	/* the agenda item's title was printed before this line, not the
	 * resolution's own (which follows its number) */
	if (hs->title_blk && m->agenda_item && !m->agenda_title) {
		m->agenda_title = text_trim(A, hs->title_blk->text);
		hs->title_blk->role = ROLE_COVER;
		m->title = NULL;
		hs->title_blk = NULL;
		m->type = kind;
	}
	return NEXT;
}

/* "[on the report of the Third Committee (A/75/478, para. 10)]",
 * "[without reference to a Main Committee (A/74/L.52)]": the committee
 * that proposed it (AKN4UN docProponent); "Agenda item 106" on a
 * resolution's cover. */
static enum heading_step read_proponent_agenda(struct heading_search *hs, struct block *blk, const char *t)
{
	struct doc_meta *m = &hs->doc->meta;
	const struct un_lang *L = un_lang_of(m->lang, NULL);
	if (!m->proponent && un_opens_with(t, strlen(t), L->proponent)) {
		m->proponent = text_trim(&hs->doc->arena, blk->text);
		blk->role = ROLE_COVER;
		return NEXT;
	}
	if (!m->agenda_item && agenda_item_line(L, t)) {
		m->agenda_item = arena_strdup(&hs->doc->arena, t);
		blk->role = ROLE_COVER;
		return NEXT;
	}
	return PASS;
}

/* "70/174. Thirteenth United Nations Congress …": a resolution's number
 * and title, as resolutions of the principal organs print them; "78/123."
 * alone on its line (pdftotext): the number, the title in the next block. */
/* Is the next block of the body after block i the enacting formula? */
static bool formula_next(struct document *doc, size_t i)
{
	for (size_t k = i + 1; k < doc->blocks.len; k++) {
		const struct block *b = DOC_BLOCK(doc, k);
		if (b->role != ROLE_BODY || !b->text)
			continue;
		const char *t = text_plain_trimmed(&doc->arena, b->text, (size_t)-1);
		return un_enacting_formula(t, strlen(t));
	}
	return false;
}

static enum heading_step read_numbered_title(struct heading_search *hs, struct block *blk, const char *t)
{
	struct doc_meta *m = &hs->doc->meta;
	struct arena *A = &hs->doc->arena;
	size_t numlen = 0;
	while (isdigit((unsigned char)t[numlen]) || (t[numlen] == '/' && numlen > 0))
		numlen++;
	/* "78/183 A.": one part of a resolution adopted in parts */
	if (numlen >= 3 && t[numlen] == ' ' && t[numlen + 1] >= 'A' && t[numlen + 1] <= 'Z' && t[numlen + 2] == '.')
		numlen += 2;
	if (numlen < 3 || !memchr(t, '/', numlen) || t[numlen] != '.')
		return PASS;
	/* a short title set beside its number, which pdftotext may give
	 * first ("纪念…二十五周年" / "78/9."): the number alone after it,
	 * the formula next */
	if (m->title && (m->number || t[numlen + 1] || !formula_next(hs->doc, hs->i)))
		return PASS;
	if (!m->title && t[numlen + 1] == ' ' && un_is_upper(t + numlen + 2, strlen(t + numlen + 2))) {
		m->number = arena_strndup(A, t, numlen);
		m->number_printed = arena_strndup(A, t, numlen + 1);
		m->title = text_trim(A, t + numlen + 2);
		for (char *p = m->title; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
		blk->text = m->title;
		blk->role = ROLE_TITLE;
		return NEXT;
	}
	if (!m->number && !t[numlen + 1]) {
		m->number = arena_strndup(A, t, numlen);
		m->number_printed = arena_strdup(A, t);
		blk->role = ROLE_COVER;
		hs->looked--;
		return NEXT;
	}
	return PASS;
}

/* A line that says what the document is: "Report of the Sixth Committee"
 * under an agenda item's title (a report titled by its agenda item prints
 * the title once, above it), "Note by the Secretariat", "Draft
 * resolution". */
static enum heading_step read_subtitle(struct heading_search *hs, struct block *blk, const char *t)
{
	struct doc_meta *m = &hs->doc->meta;
	if (!m->title && m->agenda_title && says_who_reports(t) && promote_agenda_title(hs->doc, hs->i)) {
		blk->role = ROLE_SUBTITLE;
		if (!m->type || !strcmp(m->type, "document"))
			m->type = t[0] == 'R' ? "report" : "note";
		return NEXT;
	}
	const char *type = type_from_subtitle(t);
	if (!type)
		return PASS;
	if (*type && (!m->type || !strcmp(m->type, "document")))
		m->type = type;
	blk->role = ROLE_SUBTITLE;
	return NEXT;
}

/* The first line not otherwise read is the title, unless it is too long
 * to be one; a second printing of the title is dropped. */
static enum heading_step read_title(struct heading_search *hs, struct block *blk, const char *t)
{
	struct doc_meta *m = &hs->doc->meta;
	struct arena *A = &hs->doc->arena;
	size_t tl = strlen(t);
	if (m->title) {
		/* the title printed twice (once hard-wrapped): keep one */
		if (strlen(t) != strlen(m->title))
			return STOP;
		char *a = text_plain(A, t), *b = text_plain(A, m->title);
		for (char *p = a; *p; p++) if (*p == '\n') *p = ' ';
		for (char *p = b; *p; p++) if (*p == '\n') *p = ' ';
		if (strcmp(a, b))
			return STOP;
		blk->role = ROLE_DROPPED;
		diag_note(hs->doc->diag, blk->line, "metadata", "dropped the title printed a second time");
		return NEXT;
	}
	/* too long, counted in characters (a Cyrillic letter is two bytes) */
	size_t chars = 0;
	for (size_t k = 0; k < tl; k++)
		chars += ((unsigned char)t[k] & 0xC0) != 0x80;
	if (chars > (blk->kind == BLOCK_HEADING ? 600u : 300u) || (tl && t[tl - 1] == '.' && chars > 200))
		return STOP;
	m->title = arena_strdup(A, t);
	blk->role = ROLE_TITLE;
	hs->title_blk = blk;
	/* hard-wrapped title lines are one line */
	for (char *p = blk->text; *p; p++)
		if (*p == '\n' || *p == MK_BREAK)
			*p = ' ';
	if (starts_with(t, "Report") && !m->type)
		m->type = "report";
	/* "Letter dated 22 March 2022 from … addressed to …" */
	if ((starts_with(t, "Letter dated") || starts_with(t, "Identical letters dated")) &&
	    (!m->type || !strcmp(m->type, "document")))
		m->type = "letter";
	return NEXT;
}

/* Look at one block of the heading zone: the recognisers in order, the
 * body or a formula ending the search. */
static enum heading_step read_heading_block(struct heading_search *hs, struct block *blk, const char *t)
{
	static enum heading_step (*const before_body[])(struct heading_search *, struct block *, const char *) = {
		read_instrument_heading, read_adoption, read_proponent_agenda, read_numbered_title,
	};
	for (size_t k = 0; k < sizeof before_body / sizeof before_body[0]; k++) {
		enum heading_step step = before_body[k](hs, blk, t);
		if (step != PASS)
			return step;
	}
	if (starts_body(hs->doc, blk))
		return STOP;
	size_t tl = strlen(t);
	/* a formula ends the search: "The Conference of the Parties …," */
	if (tl && t[tl - 1] == ',' && (starts_with(t, "The ") || blk->italic || un_enacting_formula(t, tl)))
		return STOP;
	/* … or "大会，", its comma full-width */
	if (un_full_width_end(t, tl) == ',' && un_enacting_formula(t, tl))
		return STOP;
	enum heading_step step = read_subtitle(hs, blk, t);
	return step != PASS ? step : read_title(hs, blk, t);
}

/* Find the title, subtitle and type among the next few blocks after the
 * cover zone, from block i.  Returns the index where the search ended. */
static size_t read_heading_zone(struct document *doc, size_t i)
{
	struct heading_search hs = {.doc = doc};
	for (; i < doc->blocks.len && hs.looked < 6; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (blk->role != ROLE_BODY || !blk->text)
			continue;
		if (blk->text[0] == MK_SUP_OPEN || starts_with(blk->text, "* "))
			continue;
		hs.looked++;
		hs.i = i;
		if (read_heading_block(&hs, blk, text_plain_trimmed(&doc->arena, blk->text, (size_t)-1)) == STOP)
			break;
	}
	return i;
}

void pass_metadata(struct document *doc)
{
	struct doc_meta *m = &doc->meta;
	size_t i = read_heading_zone(doc, read_cover_zone(doc));
	/* The symbol says what it is: A/RES/…, E/RES/…, S/RES/… are resolutions,
	 * …/DEC/… decisions (UN document symbol series). */
	/* (a resolution's title may begin "Report on …": the symbol wins) */
	if ((!m->type || !strcmp(m->type, "document") || !strcmp(m->type, "report")) && m->symbol) {
		if (strstr(m->symbol, "/RES/"))
			m->type = "resolution";
		else if (strstr(m->symbol, "/DEC/"))
			m->type = "decision";
	}
	if (!m->type)
		m->type = m->title && starts_with(m->title, "Report") ? "report" : "document";
	if (m->distribution && !m->date_iso)
		diag_warn(doc->diag, 0, "metadata", "the cover has no date");
	/* a resolution of the Security Council has its number for a heading
	 * and prints no title; any other document without one was misread */
	bool numbered_statement = m->number && (!strcmp(m->type, "resolution") || !strcmp(m->type, "decision"));
	if (!m->title && !numbered_statement) {
		int line = i < doc->blocks.len ? DOC_BLOCK(doc, i)->line : 0;
		diag_warn(doc->diag, line, "metadata", "no title was found among the first lines after the cover");
	}
	read_language(doc);
	/* The cover's lines, the enacting formula, the preambular and
	 * operative clauses and the headings are read by the UN's words in
	 * the text's language (doc/unlang.h: English, French, Spanish); a
	 * text in a language without a table is read by the English words
	 * ("Distr.: General", "The General Assembly,", "Recalling",
	 * "Decides", "Annex"), keeps its words but may lose that
	 * structure, and says so. */
	bool has_table;
	un_lang_of(m->lang, &has_table);
	if (!has_table && strcmp(m->lang, "und"))
		diag_warn(doc->diag, 1, "metadata",
			  "the text is in %s: its cover, formula, clauses and headings are read by their English "
			  "words, so its structure may be incomplete", lang_name(m->lang));
}
