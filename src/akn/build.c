/* akn/build.c — build the Akoma Ntoso tree from the roles the passes assigned.
 *
 * The body is built with a stack of open containers, one per level of the
 * hierarchy (chapter > section > subsection > resolution > annex >
 * paragraph > point), so each block is placed in one step: close what its
 * level closes, then append.  AKN4UN shapes (templates/AKN.md):
 *   resolutions inside a report are hcontainer + embeddedStructure, because
 *   AKN allows `container` (preambular clauses) only outside hierarchies. */
#include "akn/build.h"

#include <ctype.h>
#include <errno.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/lang.h"
#include "doc/markup.h"
#include "doc/un.h"
#include "util/buf.h"
#include "util/swar.h"
#include "akn/write.h"

enum level {
	LV_ROOT = 0,
	LV_ANNEX_TOP = 1,	/* an annex of the whole document */
	LV_CHAPTER = 2,
	LV_SECTION = 3,
	LV_SUBSECTION = 4,
	LV_INSTRUMENT = 5,	/* resolution or decision */
	LV_ANNEX = 6,		/* annex of a resolution */
	LV_PARAGRAPH = 7,
	LV_POINT = 8,		/* + depth - 1 */
};

struct frame {
	enum level level;
	xmlNodePtr node;	/* where children are appended */
	xmlNodePtr element;	/* the hierarchy element itself */
	const char *eid;
	int unnumbered, crossheadings, containers, formulas;
	bool has_children;	/* a hier element was appended (intro no longer possible) */
	xmlNodePtr preface;	/* an attachment's preface: where its title goes */
};

struct builder {
	struct document *doc;
	xmlDocPtr xml;
	xmlNsPtr ns;
	xmlHashTablePtr eids;
	xmlHashTablePtr eid_next;	/* eId asked for twice → next suffix to try */
	struct frame stack[64];
	int depth;
	int note_scope_seen;
	const char *note_prefix;	/* eId prefix for restarted footnote numbering */
	struct buf scratch;
	struct buf name;	/* an eId being composed (eid_of) */
	/* the FRBR names of the document, which its attachments extend */
	const char *work_uri, *work_date, *work_date_name, *expr_uri, *issued, *issued_name, *author;
	/* the document's element: its conclusions are written when its first
	 * attachment opens (AKN's order: mainBody, conclusions, attachments),
	 * so that the attachments are built in the tree and stream as the
	 * body does (an annex of dense notes was held whole: 80 times its
	 * text) */
	xmlNodePtr dt;
	xmlNodePtr attachments;
	int nattachments;
	struct xml_stream *stream;	/* where finished parts go, or NULL */
	bool in_preamble;	/* the blocks go into the preamble */
};

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

static xmlNodePtr add(struct builder *b, xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, b->ns, X(name), NULL);
}

static xmlNodePtr add_text(struct builder *b, xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = add(b, parent, name);
	if (text)
		xmlNodeAddContent(n, X(text));
	return n;
}

/* A unique eId: the wanted one, or with _2, _3… if a source error (two
 * paragraphs numbered 9.) would make it repeat. */
static const char *unique_eid(struct builder *b, const char *want)
{
	if (!xmlHashLookup(b->eids, X(want))) {
		char *kept = arena_strdup(&b->doc->arena, want);
		xmlHashAddEntry(b->eids, X(kept), kept);
		return kept;
	}
	/* a repeat: continue from the last suffix this name was given, so n
	 * repeats cost n lookups, not n² */
	intptr_t k = (intptr_t)xmlHashLookup(b->eid_next, X(want));
	if (k < 2)
		k = 2;
	char *eid;
	for (;; k++) {
		eid = arena_printf(&b->doc->arena, "%s_%ld", want, (long)k);
		if (!xmlHashLookup(b->eids, X(eid)))
			break;
	}
	xmlHashUpdateEntry(b->eid_next, X(want), (void *)(k + 1), NULL);
	xmlHashAddEntry(b->eids, X(eid), eid);
	return eid;
}

static void set_eid(struct builder *b, xmlNodePtr node, const char *want)
{
	xmlSetProp(node, X("eId"), X(unique_eid(b, want)));
}

/* eId-safe form of a number as printed: "(a)" → "a", "9." → "9",
 * "11/1" → "11-1", "*" → "star". */
static char *eid_token(struct arena *arena, const char *num)
{
	if (!num)
		return arena_strdup(arena, "x");
	struct buf t = BUF_INIT;
	for (const char *p = num; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			buf_putc(&t, (char)c);
		else if (c == '/' || c == '-' || c == '.')
			buf_putc(&t, t.len && p[1] ? '-' : '\0');
		else if (c == '*')
			buf_puts(&t, "star");
	}
	char *s = arena_strdup(arena, t.len && t.data[0] ? t.data : "x");
	buf_free(&t);
	/* buf_putc('\0') above ends the token early for a trailing "." */
	return s;
}

/* "PREFIX__KINDTOKEN" (no prefix: "KINDTOKEN"), token eid_token's of num,
 * composed in b->name: valid until the next call.  The eIds of notes and
 * paragraphs, composed in the arena, left three copies of each there. */
static const char *eid_of(struct builder *b, const char *prefix, const char *kind, const char *num)
{
	struct buf *t = &b->name;
	buf_clear(t);
	if (prefix && *prefix) {
		buf_puts(t, prefix);
		buf_puts(t, "__");
	}
	buf_puts(t, kind);
	size_t start = t->len;
	for (const char *p = num ? num : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			buf_putc(t, (char)c);
		else if (c == '/' || c == '-' || c == '.')
			buf_putc(t, t->len > start && p[1] ? '-' : '\0');
		else if (c == '*')
			buf_puts(t, "star");
	}
	/* as eid_token: a '\0' put above ends the token */
	t->len = start + strnlen(buf_cstr(t) + start, t->len - start);
	if (t->len == start)
		buf_putc(t, 'x');
	return buf_cstr(t);
}

static char *joined(struct builder *b, const char *prefix, const char *name)
{
	if (!prefix || !*prefix)
		return arena_strdup(&b->doc->arena, name);
	return arena_concat(&b->doc->arena, 3, prefix, "__", name);
}

/* --- inline text → AKN inline elements ------------------------------- */

static void add_note(struct builder *b, xmlNodePtr parent, struct note *note);

/* Append the MK_-marked text s (length n) to parent as text and inline
 * elements.  Unbalanced marks (from damaged input) are tolerated: a close
 * without an open is ignored, an open without a close ends at the end. */
static void add_inlines(struct builder *b, xmlNodePtr parent, const char *s, size_t n)
{
	xmlNodePtr stack[32];
	char open_mark[32];
	int top = 0;
	xmlNodePtr cur = parent;
	struct buf text = BUF_INIT;
#define FLUSH() do { if (text.len) { xmlNodeAddContentLen(cur, X(text.data), (int)text.len); buf_clear(&text); } } while (0)
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		switch (c) {
		case MK_EM_OPEN:
		case MK_STRONG_OPEN:
		case MK_SUP_OPEN:
			FLUSH();
			if (top < 32) {
				stack[top] = cur;
				open_mark[top++] = c;
				cur = add(b, cur, c == MK_EM_OPEN ? "i" : c == MK_STRONG_OPEN ? "b" : "sup");
			}
			break;
		case MK_EM_CLOSE:
		case MK_STRONG_CLOSE:
		case MK_SUP_CLOSE:
		case MK_LINK_CLOSE: {
			char want = c == MK_EM_CLOSE ? MK_EM_OPEN : c == MK_STRONG_CLOSE ? MK_STRONG_OPEN
				  : c == MK_SUP_CLOSE ? MK_SUP_OPEN : MK_LINK_OPEN;
			int k = top - 1;
			while (k >= 0 && open_mark[k] != want)
				k--;
			if (k < 0)
				break;
			FLUSH();
			/* a reference that carries its pinpoint ("…/2022/4, para. 9") */
			if (c == MK_LINK_CLOSE) {
				/* the ref is the node opened by mark k: cur if nothing
				 * opened inside it is still open, else stack[k + 1] */
				xmlNodePtr ref = k == top - 1 ? cur : stack[k + 1];
				xmlChar *content = xmlNodeGetContent(ref);
				if (content && (xmlStrstr(content, X(", para. ")) || xmlStrstr(content, X(", paras. "))))
					xmlSetProp(ref, X("class"), X("pinpoint"));
				xmlFree(content);
			}
			cur = stack[k];
			top = k;
			break;
		}
		case MK_LINK_OPEN: {
			FLUSH();
			size_t j = i + 1;
			while (j < n && s[j] != MK_LINK_MID && s[j] != MK_LINK_CLOSE)
				j++;
			xmlNodePtr ref = add(b, cur, "ref");
			char *href = arena_strndup(&b->doc->arena, s + i + 1, j - i - 1);
			xmlSetProp(ref, X("href"), X(href));
			if (top < 32) {
				stack[top] = cur;
				open_mark[top++] = MK_LINK_OPEN;
				cur = ref;
			}
			i = j < n && s[j] == MK_LINK_MID ? j : j - 1;
			break;
		}
		case MK_LINK_MID:
			break;
		case MK_NOTE: {
			FLUSH();
			size_t j = i + 1;
			size_t index = 0;
			while (j < n && s[j] >= '0' && s[j] <= '9')
				index = index * 10 + (size_t)(s[j++] - '0');
			if (index < b->doc->notes.len)
				add_note(b, cur, DOC_NOTE(b->doc, index));
			i = j;	/* at MK_NOTE_END */
			break;
		}
		case MK_NOTE_END:
			break;
		case MK_BREAK:
			break;
		case '\n':
			if (text.len && text.data[text.len - 1] != ' ')
				buf_putc(&text, ' ');
			break;
		default: {
			/* a run of ordinary characters in one copy */
			size_t j = i;
			j += swar_skip_text(s + j, n - j, false);
			while (j < n && ((unsigned char)s[j] >= 0x20 || s[j] == '\t'))
				j++;
			if (j == i)
				break;	/* a control byte no case knows: dropped */
			buf_put(&text, s + i, j - i);
			i = j - 1;
		}
		}
	}
	FLUSH();
#undef FLUSH
	buf_free(&text);
}

static xmlNodePtr add_p(struct builder *b, xmlNodePtr parent, const char *text)
{
	xmlNodePtr p = add(b, parent, "p");
	if (text)
		add_inlines(b, p, text, strlen(text));
	return p;
}

static void add_note(struct builder *b, xmlNodePtr parent, struct note *note)
{
	note->placed = true;
	xmlNodePtr an = add(b, parent, "authorialNote");
	xmlSetProp(an, X("marker"), X(note->marker));
	xmlSetProp(an, X("placement"), X("bottom"));
	char scope[24];
	const char *prefix = NULL;
	if (note->scope > 0) {
		snprintf(scope, sizeof scope, "notes%d", note->scope + 1);
		prefix = b->note_prefix ? b->note_prefix : scope;
	}
	set_eid(b, an, eid_of(b, prefix, "authorialNote_", note->marker));
	if (note->text) {
		add_p(b, an, note->text);
	} else {
		xmlSetProp(an, X("class"), X("missing"));
		add(b, an, "p");
	}
}

/* --- meta, cover, preface ---------------------------------------------- */

static const struct {
	const char *name, *code, *ontology;
} organs[] = {
	{"General Assembly", "unga", "generalAssembly"},
	{"Security Council", "unsc", "securityCouncil"},
	{"Economic and Social Council", "ecosoc", "economicAndSocialCouncil"},
	{"Human Rights Council", "unhrc", "humanRightsCouncil"},
	{"Trusteeship Council", "untc", "trusteeshipCouncil"},
	/* the same organs as the other languages' covers print them: a
	 * work's URI is one in every language */
	{"Assemblée générale", "unga", "generalAssembly"},
	{"Asamblea General", "unga", "generalAssembly"},
	{"Генеральная Ассамблея", "unga", "generalAssembly"},
	{"Conseil de sécurité", "unsc", "securityCouncil"},
	{"Consejo de Seguridad", "unsc", "securityCouncil"},
	{"Совет Безопасности", "unsc", "securityCouncil"},
	{"Conseil économique et social", "ecosoc", "economicAndSocialCouncil"},
	{"Consejo Económico y Social", "ecosoc", "economicAndSocialCouncil"},
	{"Экономический и Социальный Совет", "ecosoc", "economicAndSocialCouncil"},
	{"大会", "unga", "generalAssembly"},
	{"安全理事会", "unsc", "securityCouncil"},
	{"经济及社会理事会", "ecosoc", "economicAndSocialCouncil"},
};

/* The UN's short name of a principal organ, as AKN4UN writes it in a work
 * URI (/akn/un/statement/deliberation/unga/…), or NULL. */
static const char *organ_code(const char *body)
{
	for (size_t i = 0; body && i < sizeof organs / sizeof organs[0]; i++)
		if (!strcmp(body, organs[i].name))
			return organs[i].code;
	return NULL;
}

/* Its name in the UN's ontology (/akn/ontology/organization/un/…). */
static const char *organ_ontology(const char *code)
{
	for (size_t i = 0; code && i < sizeof organs / sizeof organs[0]; i++)
		if (!strcmp(code, organs[i].code))
			return organs[i].ontology;
	return NULL;
}

static bool is_statement(const struct doc_meta *m)
{
	return un_type_is_statement(m->type);
}

/* "78/123" → "78-123", "2700 (2023)" → "2700-2023": a number as a URI
 * component. */
static char *uri_number(struct arena *A, const char *number)
{
	struct buf t = BUF_INIT;
	for (const char *p = number; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c))
			buf_putc(&t, (char)c);
		else if ((c == '/' || c == ' ' || c == '-' || c == '.') && t.len && t.data[t.len - 1] != '-')
			buf_putc(&t, '-');
	}
	while (t.len && t.data[t.len - 1] == '-')
		t.len--;
	char *out = arena_strndup(A, t.data ? t.data : "", t.len);
	buf_free(&t);
	return out;
}

/* One FRBR level: its this and uri, the symbol (work), date, author,
 * country (work) or language (expression). */
static void add_frbr(struct builder *b, xmlNodePtr parent, const char *kind, const char *this_uri,
		     const char *uri, const char *date, const char *date_name, const char *author)
{
	bool work = !strcmp(kind, "FRBRWork"), expression = !strcmp(kind, "FRBRExpression");
	xmlNodePtr f = add(b, parent, kind);
	xmlSetProp(add(b, f, "FRBRthis"), X("value"), X(this_uri));
	xmlSetProp(add(b, f, "FRBRuri"), X("value"), X(uri));
	/* the symbol names the document, not its annexes */
	if (work && b->doc->meta.symbol && !b->attachments) {
		xmlNodePtr alias = add(b, f, "FRBRalias");
		xmlSetProp(alias, X("value"), X(b->doc->meta.symbol));
		xmlSetProp(alias, X("name"), X("symbol"));
	}
	xmlNodePtr d = add(b, f, "FRBRdate");
	xmlSetProp(d, X("date"), X(date));
	xmlSetProp(d, X("name"), X(date_name));
	xmlSetProp(add(b, f, "FRBRauthor"), X("href"), X(author));
	if (work)
		xmlSetProp(add(b, f, "FRBRcountry"), X("value"), X("un"));
	if (expression)
		xmlSetProp(add(b, f, "FRBRlanguage"), X("language"), X(lang_iso639_2(b->doc->meta.lang)));
}

static void add_tlc(struct builder *b, xmlNodePtr refs, const char *kind, const char *eid, const char *href,
		    const char *show)
{
	xmlNodePtr t = add(b, refs, kind);
	xmlSetProp(t, X("eId"), X(eid));
	xmlSetProp(t, X("href"), X(href));
	xmlSetProp(t, X("showAs"), X(show));
}

/* The identification, in AKN4UN's form where the document says enough:
 * a resolution of a principal organ is the work
 * /akn/un/statement/deliberation/{organ}/{adoption date}/{number}
 * (A/RES/78/123: …/unga/2023-12-19/78-123); anything else is named by
 * its type, date of issue and slug.  Then the references the cover points
 * to, our own record of the source, and the job number (AKN4UN keeps it
 * as a docketNumber in the first page's footer). */
/* The FRBR identification of the document ("main") or of one of its
 * attachments: the same work and expression, the component named after
 * "!main/" as the UN names its annexes ("/!main/annex_1"). */
static void add_identification(struct builder *b, xmlNodePtr meta, const char *component)
{
	struct arena *A = &b->doc->arena;
	xmlNodePtr ident = add(b, meta, "identification");
	xmlSetProp(ident, X("source"), X("#unpress"));
	const char *name = strcmp(component, "main") ? arena_concat(A, 2, "!main/", component) : "!main";
	add_frbr(b, ident, "FRBRWork", arena_printf(A, "%s/%s", b->work_uri, name), b->work_uri, b->work_date,
		 b->work_date_name, b->author);
	add_frbr(b, ident, "FRBRExpression", arena_printf(A, "%s/%s", b->expr_uri, name), b->expr_uri, b->issued,
		 b->issued_name, b->author);
	add_frbr(b, ident, "FRBRManifestation", arena_printf(A, "%s/%s.xml", b->expr_uri, name),
		 arena_concat(A, 2, b->expr_uri, ".xml"), b->issued, b->issued_name, "#unpress");
}

static void add_meta(struct builder *b, xmlNodePtr root_doc)
{
	struct doc_meta *m = &b->doc->meta;
	struct arena *A = &b->doc->arena;
	xmlNodePtr meta = add(b, root_doc, "meta");
	const char *organ = organ_code(m->body);
	const char *issued = m->date_iso ? m->date_iso : AKN_DATE_UNKNOWN;
	const char *issued_name = m->date_iso ? "publication" : "generation";
	const char *uri, *work_date = issued, *work_date_name = issued_name;
	if (is_statement(m) && organ && m->number) {
		if (m->adoption_iso) {
			work_date = m->adoption_iso;
			work_date_name = "adoption";
		}
		uri = arena_printf(A, "/akn/un/statement/deliberation/%s/%s/%s", organ, work_date,
				   uri_number(A, m->number));
	} else {
		uri = arena_printf(A, "/akn/un/%s/%s/%s/%s", is_statement(m) ? "statement" : "doc",
				   is_statement(m) ? "deliberation" : m->type, issued, m->slug);
	}
	const char *author = arena_printf(A, "#%s", organ ? organ : "author");
	/* the expression: the work in a language, "/eng@" */
	const char *expr = arena_printf(A, "%s/%s@", uri, lang_iso639_2(m->lang));
	b->work_uri = uri, b->work_date = work_date, b->work_date_name = work_date_name;
	b->expr_uri = expr, b->issued = issued, b->issued_name = issued_name, b->author = author;
	add_identification(b, meta, "main");

	xmlNodePtr refs = add(b, meta, "references");
	xmlSetProp(refs, X("source"), X("#unpress"));
	add_tlc(b, refs, "TLCOrganization", "unpress", "/ontology/organization/unpress", "unpress");
	add_tlc(b, refs, "TLCOrganization", "un", "/akn/ontology/organization/un", "United Nations");
	add_tlc(b, refs, "TLCOrganization", organ ? organ : "author",
		organ ? arena_printf(A, "/akn/ontology/organization/un/%s", organ_ontology(organ))
		      : "/ontology/organization/un",
		m->body ? m->body : "United Nations");
	add_tlc(b, refs, "TLCConcept", "symbol", "/akn/ontology/reference/un/symbol", "Symbol");
	add_tlc(b, refs, "TLCConcept", "dateOfIssuance", "/akn/ontology/concept/un/dateOfIssuance", "Date of issuance");
	if (m->adoption_iso)
		add_tlc(b, refs, "TLCConcept", "dateOfAdoption", "/akn/ontology/concept/un/dateOfAdoption",
			"Date of adoption");
	if (m->job_number)
		add_tlc(b, refs, "TLCConcept", "jobNumber", "/akn/ontology/concept/un/publicationJobNumber",
			"Job number");

	xmlNodePtr prop = add(b, meta, "proprietary");
	xmlSetProp(prop, X("source"), X("#unpress"));
	xmlNsPtr uns = xmlNewNs(prop, X(UNPRESS_NS), X("unpress"));
	xmlNodePtr src = xmlNewChild(prop, uns, X("source"), NULL);
	const char *base = strrchr(b->doc->path, '/');
	xmlSetProp(src, X("file"), X(base ? base + 1 : b->doc->path));
	xmlSetProp(src, X("slug"), X(m->slug));
	xmlSetProp(src, X("type"), X(m->type));
	if (m->job_number)
		xmlSetProp(src, X("jobNumber"), X(m->job_number));
	if (m->number)
		xmlSetProp(src, X("number"), X(m->number));

	if (m->job_number) {
		xmlNodePtr pres = add(b, meta, "presentation");
		xmlSetProp(pres, X("source"), X("#unpress"));
		xmlNsPtr un4 = xmlNewNs(pres, X(AKN4UN_NS), X("akn4un"));
		xmlNodePtr footer = xmlNewChild(pres, un4, X("footerFirstPage"), NULL);
		xmlNodePtr code = xmlNewChild(footer, un4, X("internalCode"), NULL);
		xmlSetProp(add_text(b, code, "docketNumber", m->job_number), X("refersTo"), X("#jobNumber"));
	}
}

static xmlNodePtr cover_line(struct builder *b, xmlNodePtr cover, const char *cls)
{
	xmlNodePtr p = add(b, cover, "p");
	xmlSetProp(p, X("class"), X(cls));
	return p;
}

/* The cover, line by line as the first page prints it, each line's fact in
 * its AKN4UN element: the organisation and the body as docAuthority, the
 * symbol as docNumber, distribution and date, session, the agenda item and
 * its title, the adoption line with its date, the committee line as
 * docProponent. */
static void add_cover(struct builder *b, xmlNodePtr root_doc)
{
	struct doc_meta *m = &b->doc->meta;
	struct arena *A = &b->doc->arena;
	if (!m->symbol && !m->distribution && !m->date_text && !m->language && !m->body && !m->session &&
	    !m->agenda_item && !m->meeting && !m->adoption && !m->proponent)
		return;
	xmlNodePtr cover = add(b, root_doc, "coverPage");
	if (m->organization)
		xmlSetProp(add_text(b, cover_line(b, cover, "organization"), "docAuthority", m->organization),
			   X("refersTo"), X("#un"));
	if (m->symbol) {
		xmlNodePtr p = cover_line(b, cover, "symbol");
		xmlSetProp(add_text(b, p, "docNumber", m->symbol), X("refersTo"), X("#symbol"));
		if (m->symbol_note)
			add_inlines(b, p, m->symbol_note, strlen(m->symbol_note));
	}
	if (m->distribution)
		add_text(b, cover_line(b, cover, "distribution"), "docStatus",
			 arena_printf(A, "%s %s", m->distribution_label ? m->distribution_label : "Distr.:",
				      m->distribution));
	if (m->date_text) {
		xmlNodePtr d = add_text(b, cover_line(b, cover, "date"), "docDate", m->date_text);
		xmlSetProp(d, X("date"), X(m->date_iso ? m->date_iso : AKN_DATE_UNKNOWN));
		xmlSetProp(d, X("refersTo"), X("#dateOfIssuance"));
	}
	if (m->language) {
		xmlNodePtr p = cover_line(b, cover, "language");
		xmlNodeAddContent(p, X("Original: "));
		xmlNodePtr in = add_text(b, p, "inline", m->language);
		xmlSetProp(in, X("name"), X("originalLanguage"));
	}
	if (m->body) {
		const char *organ = organ_code(m->body);
		xmlSetProp(add_text(b, cover_line(b, cover, "body"), "docAuthority", m->body), X("refersTo"),
			   X(arena_printf(A, "#%s", organ ? organ : "author")));
	}
	if (m->meeting)
		xmlNodeAddContent(cover_line(b, cover, "meeting"), X(m->meeting));
	if (m->session) {
		xmlNodePtr s = add_text(b, cover_line(b, cover, "session"), "session", m->session);
		xmlSetProp(s, X("value"), X(arena_printf(A, "%d", m->session_number)));
	}
	if (m->place)
		xmlNodeAddContent(cover_line(b, cover, "place"), X(m->place));
	if (m->agenda_item) {
		xmlNodePtr in = add(b, cover_line(b, cover, "agenda"), "inline");
		xmlSetProp(in, X("name"), X("agendaItem"));
		add_inlines(b, in, m->agenda_item, strlen(m->agenda_item));
	}
	if (m->agenda_title) {
		xmlNodePtr in = add(b, cover_line(b, cover, "agendaTitle"), "inline");
		xmlSetProp(in, X("name"), X("agendaTitle"));
		add_inlines(b, in, m->agenda_title, strlen(m->agenda_title));
	}
	if (m->adoption) {
		/* "Resolution adopted by the General Assembly on <docDate>" */
		xmlNodePtr p = cover_line(b, cover, "adoption");
		const char *at = NULL;
		size_t len = 0;
		char *iso = un_find_date(A, m->adoption, &at, &len);
		if (iso) {
			xmlNodeAddContentLen(p, X(m->adoption), (int)(at - m->adoption));
			xmlNodePtr d = add(b, p, "docDate");
			xmlNodeAddContentLen(d, X(at), (int)len);
			xmlSetProp(d, X("date"), X(iso));
			xmlSetProp(d, X("refersTo"), X("#dateOfAdoption"));
			xmlNodeAddContent(p, X(at + len));
		} else {
			xmlNodeAddContent(p, X(m->adoption));
		}
	}
	if (m->proponent) {
		xmlNodePtr pr = add(b, cover_line(b, cover, "proponent"), "docProponent");
		add_inlines(b, pr, m->proponent, strlen(m->proponent));
	}
}

static void add_preface(struct builder *b, xmlNodePtr root_doc)
{
	struct doc_meta *m = &b->doc->meta;
	bool any_subtitle = false;
	for (size_t i = 0; i < b->doc->blocks.len; i++)
		any_subtitle |= DOC_BLOCK(b->doc, i)->role == ROLE_SUBTITLE;
	if (!m->title && !(is_statement(m) && m->number) && !any_subtitle)
		return;
	xmlNodePtr preface = add(b, root_doc, "preface");
	if (is_statement(m) && m->number) {
		xmlNodePtr p = add(b, preface, "p");
		xmlSetProp(p, X("class"), X("docNumber"));
		/* the number as printed: "78/123.", "Resolution 11/3" */
		add_text(b, p, "docNumber",
			 m->number_printed ? m->number_printed
					   : arena_printf(&b->doc->arena, "%s %s",
							  !strcmp(m->type, "decision") ? "Decision" : "Resolution",
							  m->number));
	}
	for (size_t i = 0; i < b->doc->blocks.len; i++) {
		struct block *blk = DOC_BLOCK(b->doc, i);
		if (blk->role == ROLE_TITLE) {
			xmlNodePtr p = add(b, preface, "p");
			xmlSetProp(p, X("class"), X("title"));
			xmlNodePtr t = add(b, p, "docTitle");
			add_inlines(b, t, blk->text, strlen(blk->text));
		} else if (blk->role == ROLE_SUBTITLE) {
			xmlNodePtr p = add_p(b, preface, blk->text);
			xmlSetProp(p, X("class"), X("subtitle"));
		}
	}
	if (!preface->children)
		xmlSetProp(add_p(b, preface, m->title), X("class"), X("title"));
}

/* --- the body ------------------------------------------------------------ */

static struct frame *top(struct builder *b) { return &b->stack[b->depth - 1]; }

static void close_to(struct builder *b, enum level level)
{
	while (b->depth > 1 && top(b)->level >= level)
		b->depth--;
}

static struct frame *push(struct builder *b, enum level level, xmlNodePtr element, xmlNodePtr node,
			  const char *eid)
{
	if (b->depth >= 64)
		b->depth = 63;	/* pathological nesting: flatten, never overflow */
	struct frame *f = &b->stack[b->depth++];
	memset(f, 0, sizeof(*f));
	f->level = level;
	f->element = element;
	f->node = node;
	f->eid = eid;
	return f;
}

/* eId prefix for children of the current frame ("" at the root). */
static const char *prefix(struct builder *b)
{
	for (int i = b->depth - 1; i >= 0; i--)
		if (b->stack[i].eid)
			return b->stack[i].eid;
	return "";
}

/* The report's own paragraphs are numbered through the whole document
 * (para_1 … para_144); inside a resolution or an annex numbering restarts,
 * so those carry the instrument's prefix. */
static const char *paragraph_prefix(struct builder *b)
{
	for (int i = b->depth - 1; i >= 0; i--)
		if (b->stack[i].level == LV_INSTRUMENT || b->stack[i].level == LV_ANNEX ||
		    b->stack[i].level == LV_ANNEX_TOP)
			return b->stack[i].eid;
	return "";
}

static xmlNodePtr open_hier(struct builder *b, enum level level, const char *element,
			    const char *hname, const char *eid_name, const char *eid_prefix,
			    struct block *blk, const char *num_text)
{
	close_to(b, level);
	xmlNodePtr parent = top(b)->node;
	top(b)->has_children = true;
	xmlNodePtr el = add(b, parent, element);
	if (hname)
		xmlSetProp(el, X("name"), X(hname));
	const char *eid = unique_eid(b, joined(b, eid_prefix, eid_name));
	xmlSetProp(el, X("eId"), X(eid));
	if (num_text)
		add_text(b, el, "num", num_text);
	if (blk && blk->text && *blk->text) {
		xmlNodePtr h = add(b, el, "heading");
		add_inlines(b, h, blk->text, strlen(blk->text));
	}
	push(b, level, el, el, eid);
	return el;
}

/* The title line under "Resolution 11/1" or "Annex I" becomes the heading of
 * the container just opened (a heading element can hold only one line). */
static void set_instrument_title(struct builder *b, struct block *blk)
{
	struct frame *f = top(b);
	xmlNodePtr heading = NULL;
	for (xmlNodePtr c = f->element->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "heading"))
			heading = c;
	if (heading) {
		xmlNodeAddContent(heading, X(" "));
		add_inlines(b, heading, blk->text, strlen(blk->text));
		return;
	}
	/* a heading placed before children already written out cannot be:
	 * the written file is void, and the document is built again whole */
	if (b->stream && xml_stream_is_open(b->stream, f->element))
		b->stream->spoiled = true;
	heading = xmlNewNode(b->ns, X("heading"));
	add_inlines(b, heading, blk->text, strlen(blk->text));
	xmlNodePtr num = NULL;
	for (xmlNodePtr c = f->element->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "num"))
			num = c;
	if (num)
		xmlAddNextSibling(num, heading);
	else if (f->element->children)
		xmlAddPrevSibling(f->element->children, heading);
	else
		xmlAddChild(f->element, heading);
}

/* A resolution inside a report: hcontainer + embeddedStructure. */
static void open_instrument(struct builder *b, struct block *blk, const char *kind)
{
	close_to(b, LV_INSTRUMENT);
	/* A resolution sits in the hierarchy only when the document has one;
	 * in a statement it is the document itself. */
	xmlNodePtr parent = top(b)->node;
	top(b)->has_children = true;
	xmlNodePtr hc = add(b, parent, "hcontainer");
	xmlSetProp(hc, X("name"), X(kind));
	/* a draft printed in a report has no number yet (headings.c) */
	const char *eid = unique_eid(b, blk->num ? arena_printf(&b->doc->arena, "%s_%s",
								 !strcmp(kind, "decision") ? "dec" : "res",
								 eid_token(&b->doc->arena, blk->num))
						 : "draft");
	xmlSetProp(hc, X("eId"), X(eid));
	if (blk->num)
		add_text(b, hc, "num", arena_printf(&b->doc->arena, "%s %s",
						    !strcmp(kind, "decision") ? "Decision" : "Resolution", blk->num));
	else
		xmlSetProp(hc, X("class"), X("draft"));
	xmlNodePtr content = add(b, hc, "content");
	xmlNodePtr p = add(b, content, "p");
	xmlNodePtr es = add(b, p, "embeddedStructure");
	xmlSetProp(es, X("class"), X(kind));
	set_eid(b, es, joined(b, eid, "body"));
	push(b, LV_INSTRUMENT, hc, es, eid);
}

static bool in_instrument(struct builder *b)
{
	for (int i = b->depth - 1; i >= 0; i--)
		if (b->stack[i].level == LV_INSTRUMENT)
			return true;
	return false;
}

static void open_annex(struct builder *b, struct block *blk)
{
	bool inner = in_instrument(b);
	enum level level = inner ? LV_ANNEX : LV_ANNEX_TOP;
	const char *token = blk->num && *blk->num ? eid_token(&b->doc->arena, blk->num) : NULL;
	int ordinal = 1;
	if (!token) {
		for (int i = 0; i < b->depth; i++)
			if (b->stack[i].level < level)
				ordinal = 1;
		token = arena_printf(&b->doc->arena, "%d", ordinal);
	}
	close_to(b, level);
	const char *eid_prefix = inner ? top(b)->eid : "";
	/* "Annex", "Enclosure", "Appendix" as printed; "Annex to the letter
	 * dated …" keeps the rest of its line as the heading */
	const char *word = blk->name ? blk->name : "Annex";
	char *eid_word = arena_strdup(&b->doc->arena, word);
	for (char *p = eid_word; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	struct block title = *blk;
	title.text = blk->text && *blk->text ? blk->text : NULL;
	open_hier(b, level, "hcontainer", "annex", arena_printf(&b->doc->arena, "%s_%s", eid_word, token),
		  eid_prefix, &title, blk->num && *blk->num ? arena_printf(&b->doc->arena, "%s %s", word, blk->num) : word);
	if (!inner)
		b->note_prefix = top(b)->eid;
}

/* An annex of the whole document is an attachment of it (AKN4UN): a doc
 * of its own after the conclusions, with the document's FRBR names and its
 * component's, "Annex I" and its title in its preface, its text in its
 * mainBody.  Its eIds keep the annex's prefix ("annex_I__para_1"), so the
 * ids of the whole file stay unique, and footnotes restart under it. */
static void seal(struct builder *b, int from_depth);
static void add_conclusions(struct builder *b, xmlNodePtr dt);

static void open_attachment(struct builder *b, struct block *blk)
{
	struct arena *A = &b->doc->arena;
	seal(b, 1);
	if (b->depth > 0 && !b->stack[0].has_children && !b->stack[0].node->children)
		add_p(b, b->stack[0].node, "");
	if (!b->attachments) {
		add_conclusions(b, b->dt);
		b->attachments = add(b, b->dt, "attachments");
	}
	int ordinal = ++b->nattachments;
	/* "Annex", "Enclosure", "Appendix" as printed */
	const char *word = blk->name ? blk->name : "Annex";
	char *eid_word = arena_strdup(A, word);
	for (char *p = eid_word; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	const char *token = blk->num && *blk->num ? eid_token(A, blk->num) : arena_printf(A, "%d", ordinal);
	const char *eid = unique_eid(b, arena_printf(A, "%s_%s", eid_word, token));
	xmlNodePtr att = add(b, b->attachments, "attachment");
	xmlSetProp(att, X("eId"), X(eid));
	xmlNodePtr d = add(b, att, "doc");
	xmlSetProp(d, X("name"), X(eid_word));
	add_identification(b, add(b, d, "meta"), eid);
	xmlNodePtr preface = add(b, d, "preface");
	xmlNodePtr p = add(b, preface, "p");
	xmlSetProp(p, X("class"), X("docNumber"));
	add_text(b, p, "docNumber", blk->num && *blk->num ? arena_printf(A, "%s %s", word, blk->num) : word);
	/* "Annex to the letter dated …" keeps the rest of its line */
	if (blk->text && *blk->text) {
		p = add(b, preface, "p");
		xmlSetProp(p, X("class"), X("title"));
		xmlNodePtr t = add(b, p, "docTitle");
		add_inlines(b, t, blk->text, strlen(blk->text));
	}
	xmlNodePtr body = add(b, d, "mainBody");
	b->depth = 0;
	struct frame *f = push(b, LV_ANNEX_TOP, NULL, body, eid);
	f->preface = preface;
	b->note_prefix = eid;
}

/* The title printed under "Annex I": its docTitle (a title on two lines
 * arrives as two blocks: one title). */
static void add_attachment_title(struct builder *b, xmlNodePtr preface, struct block *blk)
{
	/* the annex's body written out has its preface written (and freed)
	 * before it: the written file is void, the document built again whole */
	if (b->stream && xml_stream_is_open(b->stream, top(b)->node)) {
		b->stream->spoiled = true;
		return;
	}
	for (xmlNodePtr c = preface->children; c; c = c->next)
		if (c->children && !strcmp((const char *)c->children->name, "docTitle")) {
			xmlNodeAddContent(c->children, X(" "));
			add_inlines(b, c->children, blk->text, strlen(blk->text));
			return;
		}
	xmlNodePtr p = add(b, preface, "p");
	xmlSetProp(p, X("class"), X("title"));
	xmlNodePtr t = add(b, p, "docTitle");
	add_inlines(b, t, blk->text, strlen(blk->text));
}

/* Where blocks (p, table, blockList) may stand: the root of a body, a
 * resolution's embedded structure, an attachment's mainBody. */
static bool takes_blocks(const struct frame *f)
{
	return f->level == LV_ROOT || f->level == LV_INSTRUMENT || !f->element;
}

/* Paragraph and point containers may still take intro text: a hierarchy
 * element with only a <num> gets <intro> or <content> once we know which. */
static xmlNodePtr paragraph_like(struct builder *b, enum level level, const char *element,
				 const char *eid, struct block *blk)
{
	xmlNodePtr parent = top(b)->node;
	top(b)->has_children = true;
	xmlNodePtr el = add(b, parent, element);
	xmlSetProp(el, X("eId"), X(eid));
	if (blk->num)
		add_text(b, el, "num", blk->num);
	else
		xmlSetProp(el, X("class"), X("unnumbered"));
	push(b, level, el, el, eid);
	return el;
}

/* A table rebuilt by the reader (rows by '\n', cells by '\t'): <table>
 * of <tr>, each cell a <th> (the head's) or <td> holding a <p>. */
static void add_table(struct builder *b, xmlNodePtr parent, struct block *blk, const char *eid_prefix)
{
	struct arena *A = &b->doc->arena;
	xmlNodePtr table = add(b, parent, "table");
	set_eid(b, table, joined(b, eid_prefix, "table_1"));
	bool head = blk->table_head;
	for (const char *row = blk->text; row && *row;) {
		const char *eol = strchr(row, '\n');
		size_t rn = eol ? (size_t)(eol - row) : strlen(row);
		xmlNodePtr tr = add(b, table, "tr");
		for (const char *cell = row; cell <= row + rn;) {
			const char *tab = memchr(cell, '\t', (size_t)(row + rn - cell));
			size_t cn = tab ? (size_t)(tab - cell) : (size_t)(row + rn - cell);
			xmlNodePtr c = add(b, tr, head ? "th" : "td");
			xmlNodePtr p = add(b, c, "p");
			add_inlines(b, p, arena_strndup(A, cell, cn), cn);
			if (!tab)
				break;
			cell = tab + 1;
		}
		head = false;
		row = eol ? eol + 1 : NULL;
	}
}

/* "(Signed) Name", the signer's office: <p class="signature"><signature>. */
static void add_signature(struct builder *b, xmlNodePtr parent, struct block *blk)
{
	xmlNodePtr p = add(b, parent, "p");
	xmlSetProp(p, X("class"), X("signature"));
	xmlNodePtr s = add(b, p, "signature");
	add_inlines(b, s, blk->text, strlen(blk->text));
}

/* Give a paragraph/point its text: as <content> when nothing will nest in
 * it, as <intro> when points follow (decided by the caller). */
static void give_text(struct builder *b, xmlNodePtr el, struct block *blk, bool intro)
{
	xmlNodePtr wrap = add(b, el, intro ? "intro" : "content");
	add_p(b, wrap, blk->text);
}

static bool next_is_point_deeper(struct document *doc, size_t i, int depth)
{
	for (size_t j = i + 1; j < doc->blocks.len; j++) {
		struct block *n = DOC_BLOCK(doc, j);
		if (n->role == ROLE_DROPPED || n->role == ROLE_FOOTNOTE_DEF || n->role == ROLE_COVER)
			continue;
		if (n->role == ROLE_CROSSHEADING)
			continue;
		return n->role == ROLE_POINT && n->depth > depth;
	}
	return false;
}

/* A hierarchy element that was opened and then got no text and no children
 * would be invalid: give it an empty content. */
static void seal(struct builder *b, int from_depth)
{
	for (int i = b->depth - 1; i >= from_depth; i--) {
		xmlNodePtr el = b->stack[i].element;
		if (!el || b->stack[i].level < LV_PARAGRAPH)
			continue;
		bool has_body = false, has_points = false;
		xmlNodePtr intro = NULL;
		for (xmlNodePtr c = el->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			const char *name = (const char *)c->name;
			if (strcmp(name, "num") && strcmp(name, "heading"))
				has_body = true;
			if (!strcmp(name, "intro"))
				intro = c;
			if (!strcmp(name, "point"))
				has_points = true;
		}
		if (!has_body)
			add_p(b, add(b, el, "content"), "");
		/* an intro whose items never came is the paragraph's content */
		if (intro && !has_points) {
			bool only_intro = true;
			for (xmlNodePtr c = intro->next; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE)
					only_intro = false;
			if (only_intro)
				xmlNodeSetName(intro, X("content"));
		}
	}
}

static void close_seal(struct builder *b, enum level level)
{
	int d = b->depth;
	while (d > 1 && b->stack[d - 1].level >= level)
		d--;
	seal(b, d);
	close_to(b, level);
}

/* An unnumbered paragraph of the frame f for blk (its num left out; its
 * eId in *eid_out when asked):
 * how text stands inside a hierarchy, where AKN allows no bare block. */
static xmlNodePtr unnumbered_paragraph(struct builder *b, struct frame *f, const struct block *blk,
					const char **eid_out)
{
	const char *eid = unique_eid(b, joined(b, f->eid ? f->eid : "",
					       arena_printf(&b->doc->arena, "p_%d", ++f->unnumbered)));
	struct block copy = *blk;
	copy.num = NULL;
	if (eid_out)
		*eid_out = eid;
	return paragraph_like(b, LV_PARAGRAPH, "paragraph", eid, &copy);
}

/* The frame a block that is not a paragraph goes into: an open paragraph
 * or point is closed first. */
static struct frame *frame_for_block(struct builder *b)
{
	if (top(b)->level >= LV_PARAGRAPH)
		close_seal(b, LV_PARAGRAPH);
	return top(b);
}

/* An entry of a bulleted list: a block that sat in an unordered list and
 * carries no number of its own. */
static bool is_bullet(const struct block *blk)
{
	return blk->role == ROLE_BODY && blk->list_depth > 0 && !blk->list_ordered && !blk->num && blk->text &&
	       *blk->text;
}

/* Bullets as AKN4UN marks a list: <blockList><item><num>•</num><p>.
 * The list belongs to the paragraph or point it follows ("… as follows:"),
 * in its content; where blocks may stand it stands alone; elsewhere in a
 * hierarchy it is an unnumbered paragraph's content.  Consecutive entries
 * are one list. */
static void add_bullet(struct builder *b, struct block *blk)
{
	struct frame *f = top(b);
	xmlNodePtr into = NULL;
	if (f->level >= LV_PARAGRAPH && f->element) {
		xmlNodePtr last = f->element->last;
		while (last && last->type != XML_ELEMENT_NODE)
			last = last->prev;
		if (last && !strcmp((const char *)last->name, "content"))
			into = last;
	}
	if (!into) {
		f = frame_for_block(b);
		into = takes_blocks(f) ? f->node : add(b, unnumbered_paragraph(b, f, blk, NULL), "content");
	}
	xmlNodePtr list = into->last;
	while (list && list->type != XML_ELEMENT_NODE)
		list = list->prev;
	if (!list || strcmp((const char *)list->name, "blockList"))
		list = add(b, into, "blockList");
	xmlNodePtr item = add(b, list, "item");
	add_text(b, item, "num", "\xe2\x80\xa2" /* • */);
	add_p(b, item, blk->text);
}

/* A cross-heading ("Operations", "Main points raised"): between points of
 * one paragraph it stays inside the paragraph. */
static void add_crossheading(struct builder *b, size_t i, struct block *blk)
{
	bool inside = next_is_point_deeper(b->doc, i, 0) && b->depth > 1 && top(b)->level >= LV_PARAGRAPH;
	close_seal(b, inside ? LV_POINT : LV_PARAGRAPH);
	struct frame *f = top(b);
	if (f->level < LV_ANNEX_TOP && f->level != LV_ROOT)
		return;
	const char *name = arena_printf(&b->doc->arena, "crossHeading_%d", ++f->crossheadings);
	/* AKN allows crossHeading only inside a hierarchy; at the root of a
	 * body or a resolution it is a classed block */
	bool in_hier = !takes_blocks(f);
	xmlNodePtr parent = f->node;
	/* a preamble holds containers only: the UN puts a heading among
	 * preambular clauses in one of its own (AKN4UN) */
	if (!xmlStrcmp(parent->name, X("preamble"))) {
		parent = add(b, parent, "container");
		xmlSetProp(parent, X("name"), X("crossHeading"));
		set_eid(b, parent, joined(b, f->eid, arena_printf(&b->doc->arena, "container_%d", ++f->containers)));
	}
	xmlNodePtr ch = add(b, parent, in_hier ? "crossHeading" : "p");
	if (!in_hier)
		xmlSetProp(ch, X("class"), X("crossHeading"));
	set_eid(b, ch, joined(b, f->eid, name));
	add_inlines(b, ch, blk->text, strlen(blk->text));
	f->has_children = true;
}

/* "The General Assembly," (AKN4UN formula name="enactingFormula"): the
 * name in italics, the trailing comma not. */
static void add_formula(struct builder *b, struct block *blk)
{
	close_seal(b, LV_PARAGRAPH);
	struct frame *f = top(b);
	xmlNodePtr fo = add(b, f->node, "formula");
	xmlSetProp(fo, X("name"), X("enactingFormula"));
	set_eid(b, fo, joined(b, f->eid, arena_printf(&b->doc->arena, "formula_%d", ++f->formulas)));
	xmlNodePtr p = add(b, fo, "p");
	xmlNodePtr it = add(b, p, "i");
	size_t n = strlen(blk->text);
	while (n && (blk->text[n - 1] == ' ' || blk->text[n - 1] == '\n'))
		n--;
	bool comma = n && blk->text[n - 1] == ',';
	const char *t = blk->text;
	size_t len = comma ? n - 1 : n;
	/* the formula is italic already: the source's own italics around
	 * all of it ("*The General Assembly*,") are not nested in it */
	if (len >= 2 && t[0] == MK_EM_OPEN && t[len - 1] == MK_EM_CLOSE && !memchr(t + 1, MK_EM_CLOSE, len - 2)) {
		t++;
		len -= 2;
	}
	add_inlines(b, it, t, len);
	if (comma)
		xmlNodeAddContent(p, X(","));
}

/* A preambular clause: AKN4UN container named by its opening phrase
 * ("Recalling also"). */
static void add_preamble_clause(struct builder *b, struct block *blk)
{
	close_seal(b, LV_PARAGRAPH);
	struct frame *f = top(b);
	xmlNodePtr c = add(b, f->node, "container");
	xmlSetProp(c, X("name"), X(blk->name ? blk->name : "preamble"));
	set_eid(b, c, joined(b, f->eid, arena_printf(&b->doc->arena, "container_%d", ++f->containers)));
	add_p(b, c, blk->text);
}

/* Does a preambular clause end with a colon (introducing items)?  The
 * Chinese full-width colon too; a note or link at the end is skipped. */
static bool opens_items(struct arena *A, const char *text)
{
	if (!text)
		return false;
	const char *t = text_plain_trimmed(A, text, (size_t)-1);
	size_t n = strlen(t);
	return (n >= 1 && t[n - 1] == ':') || (n >= 3 && !memcmp(t + n - 3, "\xef\xbc\x9a", 3));
}

/* A lettered item of the preambular clause before it ("Convinced that
 * the Convention ... constitutes a major contribution to: (a) ...").  The
 * UN marks the clause as a list: container > blockList > listIntroduction
 * (the clause) and an item per letter, an item of a deeper level in the
 * list of the item above it. */
static void add_preamble_item(struct builder *b, struct block *blk)
{
	xmlNodePtr c = top(b)->node->last;
	if (!c || c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "container")) {
		add_preamble_clause(b, blk);	/* no clause to hold it */
		return;
	}
	xmlNodePtr holder = c;
	for (int depth = 1; depth <= (blk->depth > 1 ? blk->depth : 1); depth++) {
		xmlNodePtr list = holder->last;
		if (!list || list->type != XML_ELEMENT_NODE || strcmp((const char *)list->name, "blockList")) {
			/* the first item: the text before it opens the list */
			xmlNodePtr intro = holder->last;
			list = add(b, holder, "blockList");
			if (intro && intro->type == XML_ELEMENT_NODE && !strcmp((const char *)intro->name, "p")) {
				xmlUnlinkNode(intro);
				xmlNodeSetName(intro, X("listIntroduction"));
				xmlAddChild(list, intro);
			}
		}
		if (depth == (blk->depth > 1 ? blk->depth : 1) || !list->last)
			break;
		holder = list->last;
	}
	/* (no eId: the UN's items have none, nor do our bullets') */
	xmlNodePtr item = add(b, holder->last, "item");
	add_text(b, item, "num", blk->num ? blk->num : "");
	add_p(b, item, blk->text);
}

/* A paragraph: para_N by its number (through the whole report, restarted
 * in a resolution or an annex), else the frame's next p_N. */
static void add_paragraph(struct builder *b, size_t i, struct block *blk)
{
	struct arena *A = &b->doc->arena;
	close_seal(b, LV_PARAGRAPH);
	struct frame *pf = top(b);
	const char *eid = blk->num
		? unique_eid(b, eid_of(b, paragraph_prefix(b), "para_", blk->num))
		: unique_eid(b, joined(b, pf->eid ? pf->eid : "", arena_printf(A, "p_%d", ++pf->unnumbered)));
	xmlNodePtr el = paragraph_like(b, LV_PARAGRAPH, "paragraph", eid, blk);
	give_text(b, el, blk, next_is_point_deeper(b->doc, i, 0));
}

/* A lettered or roman point, one level per depth: (a) in a paragraph, (i)
 * in a point.  Only a paragraph or point with an <intro> can hold points:
 * the <content> of the one it follows becomes its <intro>. */
static void add_point(struct builder *b, size_t i, struct block *blk)
{
	enum level level = (enum level)(LV_POINT + (blk->depth > 0 ? blk->depth - 1 : 0));
	close_seal(b, level);
	struct frame *f = top(b);
	if (f->level >= LV_PARAGRAPH) {
		xmlNodePtr last = f->element->last;
		while (last && last->type != XML_ELEMENT_NODE)
			last = last->prev;
		if (last && !strcmp((const char *)last->name, "content"))
			xmlNodeSetName(last, X("intro"));
	}
	const char *eid = unique_eid(b, eid_of(b, prefix(b), "point_", blk->num));
	xmlNodePtr el = paragraph_like(b, level, "point", eid, blk);
	give_text(b, el, blk, next_is_point_deeper(b->doc, i, blk->depth));
}

/* A table the reader rebuilt: a block where blocks may stand, else the
 * content of an unnumbered paragraph. */
static void add_table_block(struct builder *b, struct block *blk)
{
	struct frame *f = frame_for_block(b);
	if (takes_blocks(f)) {
		add_table(b, f->node, blk, f->eid);
		return;
	}
	const char *eid;
	xmlNodePtr el = unnumbered_paragraph(b, f, blk, &eid);
	add_table(b, add(b, el, "content"), blk, eid);
}

/* Text with no number.  At the root of a doc body and inside a
 * resolution's embedded structure plain blocks are allowed; inside a
 * hierarchy the first text before any child is its intro, later text an
 * unnumbered paragraph. */
static void add_text_block(struct builder *b, size_t i, struct block *blk)
{
	if (is_bullet(blk)) {
		add_bullet(b, blk);
		return;
	}
	struct frame *f = frame_for_block(b);
	bool blocks_allowed = takes_blocks(f);
	bool points_follow = next_is_point_deeper(b->doc, i, 0);
	if (!blocks_allowed && !f->has_children && points_follow) {
		add_p(b, add(b, f->node, "intro"), blk->text);
		f->has_children = true;
		return;
	}
	xmlNodePtr into = f->node;
	if (!blocks_allowed || points_follow) {
		xmlNodePtr el = unnumbered_paragraph(b, f, blk, NULL);
		if (blk->role != ROLE_SIGNATURE) {
			give_text(b, el, blk, points_follow);
			return;
		}
		into = add(b, el, "content");
	}
	if (blk->role == ROLE_SIGNATURE)
		add_signature(b, into, blk);
	else
		add_p(b, into, blk->text);
}

/* One block of the body into the tree, by the role the passes gave it. */
static void add_body_block(struct builder *b, size_t i)
{
	struct arena *A = &b->doc->arena;
	struct block *blk = DOC_BLOCK(b->doc, i);
	switch (blk->role) {
	case ROLE_CHAPTER:
		close_seal(b, LV_CHAPTER);
		open_hier(b, LV_CHAPTER, "chapter", NULL,
			  arena_concat(A, 2, "chp_", eid_token(A, blk->num)), paragraph_prefix(b), blk, blk->num);
		break;
	case ROLE_SECTION:
		close_seal(b, LV_SECTION);
		open_hier(b, LV_SECTION, "section", NULL,
			  arena_concat(A, 2, "sec_", eid_token(A, blk->num)), prefix(b), blk, blk->num);
		break;
	case ROLE_SUBSECTION:
		close_seal(b, LV_SUBSECTION);
		open_hier(b, LV_SUBSECTION, "subsection", NULL,
			  arena_concat(A, 2, "subsec_", eid_token(A, blk->num)), prefix(b), blk, blk->num);
		break;
	case ROLE_RESOLUTION:
	case ROLE_DECISION:
		close_seal(b, LV_INSTRUMENT);
		open_instrument(b, blk, blk->role == ROLE_RESOLUTION ? "resolution" : "decision");
		break;
	case ROLE_ANNEX:
		if (!in_instrument(b)) {
			open_attachment(b, blk);
			break;
		}
		close_seal(b, LV_ANNEX);
		open_annex(b, blk);
		break;
	case ROLE_INSTRUMENT_TITLE:
		close_seal(b, LV_PARAGRAPH);
		if (top(b)->preface)
			add_attachment_title(b, top(b)->preface, blk);
		else if (b->depth > 1)
			set_instrument_title(b, blk);
		else
			add_p(b, top(b)->node, blk->text);
		break;
	case ROLE_CROSSHEADING:
		add_crossheading(b, i, blk);
		break;
	case ROLE_FORMULA:
		add_formula(b, blk);
		break;
	case ROLE_PREAMBLE:
		add_preamble_clause(b, blk);
		break;
	case ROLE_PARAGRAPH:
		add_paragraph(b, i, blk);
		break;
	case ROLE_POINT:
		if (b->in_preamble)
			add_preamble_item(b, blk);
		else
			add_point(b, i, blk);
		break;
	case ROLE_TABLE:
		add_table_block(b, blk);
		break;
	case ROLE_BODY:
	default:
		add_text_block(b, i, blk);
		break;
	}
}

/* Whether n is in the document's tree (an attachment is built aside). */
static bool in_tree(const xmlNode *n)
{
	while (n->parent)
		n = n->parent;
	return n->type == XML_DOCUMENT_NODE;
}

/* With a stream, write out and free what of the body is final: in each
 * open container above the paragraphs, every child but its last (the one
 * a later block may still change: a list a bullet extends, the container
 * the next blocks go into).  Inside a paragraph nothing is final until it
 * closes: seal() and the points change its children. */
static void write_finished(struct builder *b)
{
	if (!b->stream)
		return;
	for (int k = 0; k < b->depth && b->stack[k].level < LV_PARAGRAPH; k++) {
		xmlNodePtr n = b->stack[k].node;
		if (n && n->last && n->children != n->last && in_tree(n) &&
		    !xml_stream_write_before(b->stream, n, n->last))
			return;
	}
}

static bool is_body_role(enum block_role role)
{
	return role != ROLE_DROPPED && role != ROLE_FOOTNOTE_DEF && role != ROLE_COVER &&
	       role != ROLE_TITLE && role != ROLE_SUBTITLE && role != ROLE_CONCLUSIONS;
}

/* "17 December 2015" closing a resolution: its adoption date. */
static void add_date_line(struct builder *b, xmlNodePtr conclusions, const char *date)
{
	xmlNodePtr p = add(b, conclusions, "p");
	xmlSetProp(p, X("class"), X("date"));
	xmlNodePtr d = add_text(b, p, "docDate", date);
	char *iso = un_date_to_iso(&b->doc->arena, date);
	xmlSetProp(d, X("date"), X(iso ? iso : AKN_DATE_UNKNOWN));
}

/* "80th plenary meeting / 17 December 2015" (AKN4UN conclusions): the
 * document's, wherever their lines stood. */
static void add_conclusions(struct builder *b, xmlNodePtr dt)
{
	xmlNodePtr conclusions = NULL;
	for (size_t k = 0; k < b->doc->blocks.len; k++) {
		struct block *blk = DOC_BLOCK(b->doc, k);
		if (blk->role != ROLE_CONCLUSIONS)
			continue;
		if (!conclusions)
			conclusions = add(b, dt, "conclusions");
		/* the meeting and its date, printed on two lines, may arrive as one */
		const char *date_at = NULL;
		size_t date_len = 0;
		/* (its notes kept: "80th plenary meeting" may cite one) */
		char *text = text_trim(&b->doc->arena, text_plain_keeping_notes(&b->doc->arena, blk->text));
		if (un_find_date(&b->doc->arena, text, &date_at, &date_len) && date_at > text && !date_at[date_len]) {
			xmlSetProp(add_p(b, conclusions, text_trim(&b->doc->arena,
				   arena_strndup(&b->doc->arena, text, (size_t)(date_at - text)))), X("class"), X("meeting"));
			add_date_line(b, conclusions, date_at);
			continue;
		}
		if (un_date_to_iso(&b->doc->arena, text))
			add_date_line(b, conclusions, text);
		else
			xmlSetProp(add_p(b, conclusions, blk->text), X("class"), X("meeting"));
	}
}

xmlDocPtr akn_build(struct document *doc)
{
	return akn_build_streamed(doc, NULL);
}

/* A note the passes kept (referenced: each found its reference, or was
 * attached where its page ended) must be in the XML: one that no text
 * carried there was lost between the passes, and says so. */
static void warn_unplaced_notes(const struct builder *b)
{
	if (b->stream && b->stream->spoiled)
		return;	/* built again whole, which tells */
	for (size_t i = 0; i < b->doc->notes.len; i++) {
		const struct note *n = DOC_NOTE(b->doc, i);
		if (n->referenced && !n->placed)
			diag_warn(b->doc->diag, n->def_line ? n->def_line : n->ref_line, "akn",
				  "footnote %s was lost while the document was structured: its text is in no edition "
				  "(a bug of unpress: please report it with this input)", n->marker);
	}
}

/* One past the preamble's last block: the formula and the clauses
 * before the first operative part, with the headings between them and
 * the lettered items of a clause that introduces them. */
static size_t preamble_end(struct document *doc)
{
	size_t end = 0, items_end = 0;
	bool items = false;	/* lettered items of a clause may follow */
	for (size_t j = 0; j < doc->blocks.len; j++) {
		struct block *blk = DOC_BLOCK(doc, j);
		if (!is_body_role(blk->role) || blk->role == ROLE_CROSSHEADING)
			continue;
		if (blk->role == ROLE_POINT && items) {
			items_end = j + 1;
			continue;
		}
		/* the clause's items are its own when another clause or the
		 * numbered operative part follows them; items that end the
		 * document are the operative part (damage.c says so) */
		if (items_end && blk->role == ROLE_PARAGRAPH) {
			end = items_end;
			break;
		}
		if (blk->role != ROLE_FORMULA && blk->role != ROLE_PREAMBLE)
			break;
		end = j + 1;
		items = blk->role == ROLE_PREAMBLE && opens_items(&doc->arena, blk->text);
		items_end = 0;
	}
	return end;
}

xmlDocPtr akn_build_streamed(struct document *doc, struct xml_stream *out)
{
	for (size_t i = 0; i < doc->notes.len; i++)
		DOC_NOTE(doc, i)->placed = false;
	struct builder b = {.doc = doc, .stream = out};
	b.xml = xmlNewDoc(X("1.0"));
	/* element and attribute names interned once, not allocated per node */
	b.xml->dict = xmlDictCreate();
	/* sized for the document: libxml2 2.9 grows a table only when one
	 * chain passes eight entries, and a long report's eIds then cost a
	 * thousand instructions apiece */
	b.eids = xmlHashCreate((int)(doc->blocks.len * 2 + doc->notes.len + 256));
	/* an eId asked for again (a source numbering 9. twice, notes whose
	 * markers restart): sized for some, as libxml2 2.9 grows it too late */
	b.eid_next = xmlHashCreate((int)((doc->blocks.len + doc->notes.len) / 8 + 16));
	xmlNodePtr root = xmlNewNode(NULL, X("akomaNtoso"));
	b.ns = xmlNewNs(root, X(AKN_NS), NULL);
	xmlSetNs(root, b.ns);
	xmlDocSetRootElement(b.xml, root);
	struct doc_meta *m = &doc->meta;
	bool statement = is_statement(m);
	xmlNodePtr dt = add(&b, root, statement ? "statement" : "doc");
	b.dt = dt;
	xmlSetProp(dt, X("name"), X(m->type));
	add_meta(&b, dt);
	add_cover(&b, dt);
	add_preface(&b, dt);

	size_t i = 0;
	if (statement) {
		/* the preamble: formula and clauses before the first operative
		 * part, with the headings between them (a long preamble is
		 * grouped under unnumbered headings, as the UN marks it: "Transport
		 * and transit corridors"); a heading after the last clause opens
		 * the operative part */
		size_t end = preamble_end(doc);
		if (end) {
			xmlNodePtr pre = add(&b, dt, "preamble");
			push(&b, LV_ROOT, pre, pre, NULL);
			b.in_preamble = true;
			for (; i < end; i++)
				if (is_body_role(DOC_BLOCK(doc, i)->role)) {
					write_finished(&b);
					add_body_block(&b, i);
				}
			b.in_preamble = false;
			b.depth = 0;
		}
	}
	xmlNodePtr body = add(&b, dt, "mainBody");
	push(&b, LV_ROOT, body, body, NULL);
	for (; i < doc->blocks.len; i++)
		if (is_body_role(DOC_BLOCK(doc, i)->role)) {
			write_finished(&b);
			add_body_block(&b, i);
		}
	seal(&b, 1);
	/* every hierarchy element needs content: fill empty containers (the
	 * body, written when an attachment opened, was filled then) */
	if (!b.attachments && !body->children)
		add_p(&b, body, "");
	if (b.attachments && b.depth > 0 && !b.stack[0].node->children)
		add_p(&b, b.stack[0].node, "");
	if (!b.attachments)
		add_conclusions(&b, dt);
	warn_unplaced_notes(&b);
	xmlHashFree(b.eids, NULL);
	xmlHashFree(b.eid_next, NULL);
	buf_free(&b.scratch);
	buf_free(&b.name);
	return b.xml;
}
