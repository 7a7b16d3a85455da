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

static int session_number(const char *s)
{
	size_t n = strlen(s);
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
static bool is_body_name(const char *s)
{
	static const char *const bodies[] = {
		"General Assembly", "Security Council", "Economic and Social Council",
		"Human Rights Council", "Trusteeship Council", "Conference of the Parties",
		"Conference of the States Parties", "Commission on ", "Committee on ",
		"United Nations Conference", "Executive Board", "Trade and Development Board",
	};
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
		if (starts_with(s, bodies[i]))
			return true;
	return false;
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

struct cover_state {
	bool distr_pending_date;	/* "Distr.: Limited" with the date on the next line */
	bool distr_pending_kind;	/* "Distr." alone: "GENERAL" on the next line (older layouts) */
	bool united;			/* "UNITED" alone: "NATIONS" follows (older layouts) */
	bool after_agenda;		/* the next short line is the agenda item's title */
};

/* Try to read one cover line.  Returns true if it was a cover fact. */
static bool read_cover_line(struct document *doc, struct block *blk, const char *raw_line,
			    struct cover_state *st)
{
	struct doc_meta *m = &doc->meta;
	struct arena *A = &doc->arena;
	const char *line = text_plain_trimmed(A, raw_line, (size_t)-1);
	size_t len;
	if (!*line)
		return true;
	if (!strcmp(line, "United Nations") || !strcmp(line, "UNITED NATIONS") || (st->united && !strcmp(line, "NATIONS"))) {
		m->organization = "United Nations";
		st->united = false;
		return true;
	}
	/* Older layouts print the cover in capitals, over two lines:
	 * "UNITED" / "NATIONS", "Distr." / "GENERAL", the series letter of
	 * the symbol large and alone ("S"). */
	if (!strcmp(line, "UNITED") && !m->organization) {
		st->united = true;
		return true;
	}
	if (!strcmp(line, "Distr.")) {
		st->distr_pending_kind = true;
		return true;
	}
	if (st->distr_pending_kind && (!strcasecmp(line, "GENERAL") || !strcasecmp(line, "LIMITED") ||
				       !strcasecmp(line, "RESTRICTED"))) {
		m->distribution = arena_strdup(A, line);
		for (char *p = m->distribution + 1; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		st->distr_pending_kind = false;
		st->distr_pending_date = true;
		return true;
	}
	if (isupper((unsigned char)line[0]) && !line[1] && !m->title)
		return true;
	if (starts_with(line, "United Nations ") && un_symbol_match(line, 15, &len)) {
		m->organization = "United Nations";
		line += 15;
	}
	if (un_symbol_match(line, 0, &len) && !m->symbol) {
		/* a Security Council resolution's symbol carries its year:
		 * "S/RES/1325 (2000)" */
		const char *y = line + len;
		if (y[0] == ' ' && y[1] == '(' && isdigit((unsigned char)y[2]) && isdigit((unsigned char)y[3]) &&
		    isdigit((unsigned char)y[4]) && isdigit((unsigned char)y[5]) && y[6] == ')')
			len += 7;
		m->symbol = arena_strndup(A, line, len);
		m->line_symbol = blk->line;
		const char *rest = line + len;
		while (*rest == ' ') rest++;
		/* "CTOC/COP/2022/9*": the star refers to a note (reissue) */
		if (*rest == '*' || isdigit((unsigned char)*rest))
			m->symbol_note = arena_printf(A, "%c%s%c", MK_SUP_OPEN, rest, MK_SUP_CLOSE);
		else if (*rest)
			return false;
		return true;
	}
	if (starts_with(line, "Distr.:") || starts_with(line, "Distr. :")) {
		const char *v = strchr(line, ':') + 1;
		while (*v == ' ') v++;
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
		return true;
	}
	char *iso = un_date_to_iso(A, line);
	if (iso && !m->date_iso) {
		m->date_iso = iso;
		m->date_text = arena_strdup(A, line);
		m->line_date = blk->line;
		st->distr_pending_date = false;
		return true;
	}
	if (starts_with(line, "Original:") || starts_with(line, "ORIGINAL:")) {
		const char *v = line + 9;
		while (*v == ' ') v++;
		m->language = arena_strdup(A, v);
		/* "ENGLISH" in older layouts */
		for (char *p = m->language + 1; *p && isupper((unsigned char)m->language[0]); p++)
			*p = (char)tolower((unsigned char)*p);
		return true;
	}
	int sn = session_number(line);
	if (sn >= 0 && !m->session) {
		m->session = arena_strdup(A, line);
		m->session_number = sn;
		return true;
	}
	if (is_place_line(line) && !m->place) {
		m->place = arena_strdup(A, line);
		return true;
	}
	if ((starts_with(line, "Item ") && (strstr(line, "agenda") || strstr(line, "preliminary list"))) ||
	    (starts_with(line, "Agenda item") && strlen(line) < 40)) {
		m->agenda_item = text_trim(A, raw_line);
		st->after_agenda = true;
		return true;
	}
	if (st->after_agenda && !m->agenda_title && strlen(line) < 160 && line[strlen(line) - 1] != '.' &&
	    line[strlen(line) - 1] != ',') {
		/* "Technical assistance": the agenda item's title, not the document's */
		if (!starts_with(line, "Draft ") && !starts_with(line, "Report ") &&
		    !starts_with(line, "Background paper") && !starts_with(line, "Note by")) {
			m->agenda_title = text_trim(A, raw_line);
			st->after_agenda = false;
			return true;
		}
	}
	if (is_body_name(line) && !m->body && !m->title) {
		m->body = arena_strdup(A, line);
		return true;
	}
	if (is_meeting_body(line) && !m->meeting && !m->title && m->body) {
		m->meeting = arena_strdup(A, line);
		return true;
	}
	return false;
}

/* A block belongs to the body (and ends the cover zone) when it is a
 * numbered paragraph or heading, a formula, or a long sentence. */
static bool starts_body(struct document *doc, const struct block *blk)
{
	const char *t = text_plain_trimmed(&doc->arena, blk->text, (size_t)-1);
	if (blk->num)
		return true;
	/* a date on the cover ("3 April 2020") opens with a digit too */
	if (isdigit((unsigned char)t[0]) && un_date_to_iso(&doc->arena, t))
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

/* "Resolution 2664 (2022)" → "2664 (2022)", else NULL. */
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
 * document was drafted in: a French version says "Original : anglais". */
static void read_language(struct document *doc)
{
	enum { SAMPLE = 64 * 1024 };
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

void pass_metadata(struct document *doc)
{
	struct doc_meta *m = &doc->meta;
	struct arena *A = &doc->arena;
	struct cover_state st = {0};
	size_t i = 0;
	/* 1. the cover zone */
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
			char *line = arena_strndup(A, p, n), *save = NULL;
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
			blk->text = arena_strndup(A, rest.data, rest.len);
		buf_free(&rest);
		if (!partial)
			break;
	}
	/* 2. title, subtitle and type, among the next few blocks */
	int looked = 0;
	struct block *title_blk = NULL;
	for (; i < doc->blocks.len && looked < 6; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (blk->role != ROLE_BODY || !blk->text)
			continue;
		if (blk->text[0] == MK_SUP_OPEN || starts_with(blk->text, "* "))
			continue;
		looked++;
		const char *t = text_plain_trimmed(A, blk->text, (size_t)-1);
		char *number;
		if (!m->title && ((number = un_instrument_number(A, t, "Resolution")) ||
				  (number = un_instrument_number(A, t, "Decision")))) {
			/* a document that is one resolution (no cover, or a cover
			 * then "Resolution 11/3"): a statement */
			if (looked > 1 && m->symbol)
				break;
			m->type = t[0] == 'R' ? "resolution" : "decision";
			m->number = number;
			m->number_printed = arena_strdup(A, t);
			blk->role = ROLE_COVER;
			continue;
		}
		/* "Resolution 2664 (2022)": a Security Council resolution's
		 * number and year, its heading (the Council prints no title) */
		if (!m->title && !m->number && (number = council_resolution_number(A, t))) {
			m->type = "resolution";
			m->number = number;
			m->number_printed = arena_strdup(A, t);
			blk->role = ROLE_COVER;
			continue;
		}
		/* "Resolution adopted by the General Assembly on 2 April 2020",
		 * "Adopted by the Security Council at its 9214th meeting, on …" */
		if (!m->adoption && (starts_with(t, "Resolution adopted by") || starts_with(t, "Decision adopted by") ||
				     starts_with(t, "Adopted by "))) {
			const char *ds;
			size_t dl;
			m->adoption = arena_strdup(A, t);
			m->adoption_iso = un_find_date(A, t, &ds, &dl);
			if (!m->type || !strcmp(m->type, "document") || !strcmp(m->type, "report"))
				m->type = t[0] == 'D' ? "decision" : "resolution";
			blk->role = ROLE_COVER;
			/* the agenda item's title was printed before this line, not
			 * the resolution's own (which follows its number) */
			if (title_blk && m->agenda_item && !m->agenda_title) {
				m->agenda_title = text_trim(A, title_blk->text);
				title_blk->role = ROLE_COVER;
				m->title = NULL;
				title_blk = NULL;
				m->type = t[0] == 'D' ? "decision" : "resolution";
			}
			continue;
		}
		/* "[on the report of the Third Committee (A/75/478, para. 10)]",
		 * "[without reference to a Main Committee (A/74/L.52)]": the
		 * committee that proposed it (AKN4UN docProponent) */
		if (!m->proponent && (starts_with(t, "[on the report of") || starts_with(t, "[without reference to"))) {
			m->proponent = text_trim(A, blk->text);
			blk->role = ROLE_COVER;
			continue;
		}

		/* "70/174. Thirteenth United Nations Congress …": a resolution's
		 * number and title, as resolutions of the principal organs print them */
		size_t numlen = 0;
		while (isdigit((unsigned char)t[numlen]) || (t[numlen] == '/' && numlen > 0))
			numlen++;
		if (!m->title && numlen >= 3 && memchr(t, '/', numlen) && t[numlen] == '.' && t[numlen + 1] == ' ' &&
		    isupper((unsigned char)t[numlen + 2])) {
			m->number = arena_strndup(A, t, numlen);
			m->number_printed = arena_strndup(A, t, numlen + 1);
			m->title = text_trim(A, t + numlen + 2);
			for (char *p = m->title; *p; p++)
				if (*p == '\n' || *p == '\t')
					*p = ' ';
			blk->text = m->title;
			blk->role = ROLE_TITLE;
			continue;
		}
		/* "74/270." alone on its line (pdftotext): the number; the title
		 * is the next block */
		if (!m->title && !m->number && numlen >= 3 && memchr(t, '/', numlen) && t[numlen] == '.' &&
		    !t[numlen + 1]) {
			m->number = arena_strndup(A, t, numlen);
			m->number_printed = arena_strdup(A, t);
			blk->role = ROLE_COVER;
			looked--;
			continue;
		}
		/* "Agenda item 106" on a resolution's cover */
		if (!m->agenda_item && starts_with(t, "Agenda item") && strlen(t) < 40) {
			m->agenda_item = arena_strdup(A, t);
			blk->role = ROLE_COVER;
			continue;
		}
		if (starts_body(doc, blk))
			break;
		size_t tl = strlen(t);
		/* a formula ends the search: "The Conference of the Parties …," */
		if (tl && t[tl - 1] == ',' && (starts_with(t, "The ") || blk->italic))
			break;
		/* "Agenda item 79" / "Diplomatic protection" / "Report of the Sixth
		 * Committee": a report titled by its agenda item prints the
		 * title once, above the line that says what the document is */
		if (!m->title && m->agenda_title && says_who_reports(t) && promote_agenda_title(doc, i)) {
			blk->role = ROLE_SUBTITLE;
			if (!m->type || !strcmp(m->type, "document"))
				m->type = t[0] == 'R' ? "report" : "note";
			continue;
		}
		const char *type = type_from_subtitle(t);
		if (type) {
			if (*type && (!m->type || !strcmp(m->type, "document")))
				m->type = type;
			blk->role = ROLE_SUBTITLE;
			continue;
		}
		if (!m->title) {
			if (tl > (blk->kind == BLOCK_HEADING ? 600u : 300u) || (tl && t[tl - 1] == '.' && tl > 200))
				break;
			m->title = arena_strdup(A, t);
			blk->role = ROLE_TITLE;
			title_blk = blk;
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
			continue;
		}
		/* the title printed twice (once hard-wrapped): keep one */
		if (!strcmp(t, m->title) || (strlen(t) == strlen(m->title))) {
			char *a = text_plain(A, t), *b = text_plain(A, m->title);
			for (char *p = a; *p; p++) if (*p == '\n') *p = ' ';
			for (char *p = b; *p; p++) if (*p == '\n') *p = ' ';
			if (!strcmp(a, b)) {
				blk->role = ROLE_DROPPED;
				diag_note(doc->diag, blk->line, "metadata", "dropped the title printed a second time");
				continue;
			}
		}
		break;
	}
	/* The symbol says what it is: A/RES/…, E/RES/…, S/RES/… are resolutions,
	 * …/DEC/… decisions (UN document symbol series). */
	if ((!m->type || !strcmp(m->type, "document")) && m->symbol) {
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
}
