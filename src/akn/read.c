/* read.c — see read.h.  The vocabulary is one table (element_kinds), so
 * that an element's meaning is decided in one place for every C edition;
 * templates/AKN.md documents it. */
#include "akn/read.h"
#include "akn/lang.h"
#include "akn/ns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/xmalloc.h"

struct kind_entry {
	const char *name;
	enum akn_kind kind;
};
static struct kind_entry element_kinds[] = {
	/* nothing shown: metadata, images (no file comes with the XML), a
	 * collection's references to its parts (the parts are shown), the
	 * end of a printed page */
	{"meta", AKN_HIDDEN}, {"img", AKN_HIDDEN}, {"documentRef", AKN_HIDDEN},
	{"componentRef", AKN_HIDDEN}, {"eop", AKN_HIDDEN}, {"noteRef", AKN_HIDDEN},
	/* running text */
	{"docNumber", AKN_INLINE}, {"docTitle", AKN_INLINE}, {"docStatus", AKN_INLINE},
	{"docDate", AKN_INLINE}, {"docProponent", AKN_INLINE}, {"docAuthority", AKN_INLINE},
	{"docketNumber", AKN_INLINE}, {"docType", AKN_INLINE}, {"docPurpose", AKN_INLINE},
	{"docCommittee", AKN_INLINE}, {"docIntroducer", AKN_INLINE}, {"docStage", AKN_INLINE},
	{"docJurisdiction", AKN_INLINE}, {"shortTitle", AKN_INLINE}, {"legislature", AKN_INLINE},
	{"session", AKN_INLINE}, {"inline", AKN_INLINE}, {"span", AKN_INLINE},
	{"event", AKN_INLINE}, {"location", AKN_INLINE}, {"date", AKN_INLINE},
	{"time", AKN_INLINE}, {"person", AKN_INLINE}, {"organization", AKN_INLINE},
	{"role", AKN_INLINE}, {"concept", AKN_INLINE}, {"term", AKN_INLINE},
	{"entity", AKN_INLINE}, {"quantity", AKN_INLINE}, {"def", AKN_INLINE},
	{"abbr", AKN_INLINE}, {"mref", AKN_INLINE}, {"rref", AKN_INLINE},
	{"decoration", AKN_INLINE}, {"placeholder", AKN_INLINE}, {"fillIn", AKN_INLINE},
	{"omissis", AKN_INLINE}, {"signature", AKN_INLINE}, {"object", AKN_INLINE},
	{"vote", AKN_INLINE}, {"outcome", AKN_INLINE}, {"affectedDocument", AKN_INLINE},
	{"relatedDocument", AKN_INLINE}, {"quotedText", AKN_INLINE}, {"embeddedText", AKN_INLINE},
	{"marker", AKN_HIDDEN},
	{"i", AKN_STYLED}, {"b", AKN_STYLED}, {"u", AKN_STYLED}, {"sup", AKN_STYLED},
	{"sub", AKN_STYLED},
	{"a", AKN_LINK}, {"ref", AKN_LINK},
	{"authorialNote", AKN_NOTE},
	{"eol", AKN_BREAK}, {"br", AKN_BREAK},
	/* blocks */
	{"p", AKN_P}, {"listIntroduction", AKN_P}, {"listWrapUp", AKN_P}, {"caption", AKN_P},
	{"block", AKN_P}, {"tocItem", AKN_P},
	{"chapter", AKN_HIERARCHY}, {"section", AKN_HIERARCHY}, {"subsection", AKN_HIERARCHY},
	{"part", AKN_HIERARCHY}, {"subpart", AKN_HIERARCHY}, {"title", AKN_HIERARCHY},
	{"subtitle", AKN_HIERARCHY}, {"book", AKN_HIERARCHY}, {"tome", AKN_HIERARCHY},
	{"division", AKN_HIERARCHY}, {"subdivision", AKN_HIERARCHY},
	{"subchapter", AKN_HIERARCHY}, {"article", AKN_HIERARCHY}, {"clause", AKN_HIERARCHY},
	{"subclause", AKN_HIERARCHY}, {"rule", AKN_HIERARCHY}, {"subrule", AKN_HIERARCHY},
	{"hcontainer", AKN_HIERARCHY}, {"level", AKN_HIERARCHY}, {"transitional", AKN_HIERARCHY},
	{"paragraph", AKN_NUMBERED}, {"subparagraph", AKN_NUMBERED}, {"point", AKN_NUMBERED},
	{"item", AKN_NUMBERED}, {"alinea", AKN_NUMBERED}, {"indent", AKN_NUMBERED},
	{"content", AKN_BLOCKS}, {"intro", AKN_BLOCKS}, {"wrapUp", AKN_BLOCKS},
	{"list", AKN_BLOCKS}, {"sublist", AKN_BLOCKS}, {"blockList", AKN_BLOCKS},
	{"blockContainer", AKN_BLOCKS}, {"mainBody", AKN_BLOCKS}, {"body", AKN_BLOCKS},
	{"attachments", AKN_BLOCKS}, {"attachment", AKN_BLOCKS}, {"collectionBody", AKN_BLOCKS},
	{"component", AKN_BLOCKS}, {"components", AKN_BLOCKS}, {"embeddedStructure", AKN_BLOCKS},
	{"tblock", AKN_BLOCKS}, {"foreign", AKN_BLOCKS},
	{"formula", AKN_FORMULA}, {"container", AKN_CONTAINER},
	{"crossHeading", AKN_CROSSHEADING}, {"subheading", AKN_CROSSHEADING},
	{"num", AKN_NUM}, {"heading", AKN_HEADING},
	{"table", AKN_TABLE}, {"tr", AKN_ROW}, {"td", AKN_CELL}, {"th", AKN_CELL},
	{"coverPage", AKN_COVER}, {"preface", AKN_PREFACE}, {"preamble", AKN_PREAMBLE},
	{"conclusions", AKN_CONCLUSIONS},
	{"doc", AKN_SUBDOC}, {"statement", AKN_SUBDOC}, {"act", AKN_SUBDOC}, {"bill", AKN_SUBDOC},
	{"debateReport", AKN_SUBDOC}, {"debate", AKN_SUBDOC}, {"amendment", AKN_SUBDOC},
	{"judgment", AKN_SUBDOC}, {"portion", AKN_SUBDOC}, {"documentCollection", AKN_SUBDOC},
	{"officialGazette", AKN_SUBDOC},
};

/* The element's local name ("" for a non-element). */
static const char *akn_name(xmlNodePtr n)
{
	return n && n->type == XML_ELEMENT_NODE ? (const char *)n->name : "";
}

int akn_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr akn_child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (akn_is(c, name))
			return c;
	return NULL;
}

char *akn_attr(xmlNodePtr n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *r = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return r;
}

int akn_attr_is(xmlNodePtr n, const char *name, const char *value)
{
	char *v = akn_attr(n, name);
	int r = v && strcmp(v, value) == 0;
	free(v);
	return r;
}

/* Does the space-separated list `list` hold the word `word`? */
static int has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p && *p;) {
		while (akn_space(*p))
			p++;
		const char *e = p;
		while (*e && !akn_space(*e))
			e++;
		if ((size_t)(e - p) == n && !memcmp(p, word, n))
			return 1;
		p = e;
	}
	return 0;
}

unsigned akn_style(xmlNodePtr n)
{
	const char *name = akn_name(n);
	if (!strcmp(name, "i"))
		return AKN_ITALIC;
	if (!strcmp(name, "b"))
		return AKN_BOLD;
	if (!strcmp(name, "u"))
		return AKN_UNDERLINE;
	if (!strcmp(name, "sup"))
		return AKN_SUP;
	if (!strcmp(name, "sub"))
		return AKN_SUB;
	if (strcmp(name, "span") != 0)
		return 0;
	/* the UN's classes: "italic", "bold", "bold italic", "underline" */
	char *cls = akn_attr(n, "class");
	unsigned s = 0;
	if (cls) {
		if (has_word(cls, "italic"))
			s |= AKN_ITALIC;
		if (has_word(cls, "bold"))
			s |= AKN_BOLD;
		if (has_word(cls, "underline"))
			s |= AKN_UNDERLINE;
		if (has_word(cls, "superscript"))
			s |= AKN_SUP;
		if (has_word(cls, "subscript"))
			s |= AKN_SUB;
	}
	free(cls);
	return s;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct kind_entry *)a)->name, ((const struct kind_entry *)b)->name);
}

enum akn_kind akn_kind(xmlNodePtr n)
{
	/* the table is sorted on first use and searched by halves: the
	 * editions ask for every element of the document */
	static int sorted;
	if (!sorted) {
		qsort(element_kinds, sizeof element_kinds / sizeof *element_kinds, sizeof *element_kinds,
		      entry_cmp);
		sorted = 1;
	}
	if (!n || n->type != XML_ELEMENT_NODE)
		return AKN_HIDDEN;
	struct kind_entry key = {(const char *)n->name, AKN_UNKNOWN};
	const struct kind_entry *e = bsearch(&key, element_kinds, sizeof element_kinds / sizeof *element_kinds,
					     sizeof *element_kinds, entry_cmp);
	if (!e)
		return AKN_UNKNOWN;
	if (e->kind == AKN_INLINE && !strcmp(e->name, "span") && akn_style(n))
		return AKN_STYLED;
	return e->kind;
}

/* The UN's Word paragraph styles that make a paragraph a heading:
 * HCh (chapter heading), H1, H23 (headings 2 and 3), H4, H56. */
static int class_level(xmlNodePtr n)
{
	static const struct {
		const char *cls;
		int level;
	} levels[] = {{"HCh", 1}, {"HCH", 1}, {"TitleH1", 1}, {"H1", 2}, {"AgendaTitleH2", 2},
		      {"H23", 3}, {"H4", 4}, {"H56", 4}};
	char *cls = akn_attr(n, "class");
	int level = 0;
	for (size_t i = 0; cls && i < sizeof levels / sizeof *levels; i++)
		if (has_word(cls, levels[i].cls))
			level = levels[i].level;
	free(cls);
	return level;
}

int akn_heading_paragraph(xmlNodePtr n)
{
	if (akn_kind(n) != AKN_NUMBERED)
		return 0;
	int heading = 0, sub = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (akn_is(c, "heading"))
			heading = 1;
		else if (akn_is(c, "subheading"))
			sub = 1;
		else if (!akn_is(c, "num"))
			return 0;	/* content, a list, ...: a paragraph */
	}
	if (!heading && !sub)
		return 0;
	int level = class_level(n);
	return level ? level : heading ? 2 : 3;
}

int akn_text_paragraph(xmlNodePtr n)
{
	char *cls = akn_attr(n, "class");
	int r = cls && (has_word(cls, "SingleTxt") || has_word(cls, "MercuryDocument"));
	free(cls);
	return r && akn_is(n, "paragraph");
}

/* The first text node under n with something other than whitespace. */
static xmlNodePtr first_text(xmlNodePtr n)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			for (const char *p = (const char *)c->content; *p; p++)
				if (!akn_space(*p))
					return c;
		} else if (c->type == XML_ELEMENT_NODE && akn_kind(c) != AKN_NOTE && akn_kind(c) != AKN_HIDDEN) {
			xmlNodePtr t = first_text(c);
			if (t)
				return t;
		}
	}
	return NULL;
}

size_t akn_note_empty_brackets(xmlNodePtr note)
{
	xmlNodePtr t = first_text(akn_child(note, "p"));
	if (!t)
		return 0;
	const char *s = (const char *)t->content, *p = s;
	while (akn_space(*p))
		p++;
	return p[0] == '(' && p[1] == ')' ? (size_t)(p + 2 - s) : 0;
}

static void text_rec(xmlNodePtr n, struct buf *out)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			for (const char *p = (const char *)c->content; p && *p; p++) {
				if (akn_space(*p)) {
					if (out->len && out->data[out->len - 1] != ' ')
						buf_putc(out, ' ');
				} else
					buf_putc(out, *p);
			}
		} else if (c->type == XML_ELEMENT_NODE) {
			enum akn_kind k = akn_kind(c);
			if (k == AKN_NOTE || k == AKN_HIDDEN)
				continue;
			if (k == AKN_BREAK) {
				if (out->len && out->data[out->len - 1] != ' ')
					buf_putc(out, ' ');
				continue;
			}
			text_rec(c, out);
		}
	}
}

/* n's text, whitespace collapsed and trimmed, notes left out, appended. */
static void akn_text(xmlNodePtr n, struct buf *out)
{
	if (!n)
		return;
	size_t start = out->len;
	text_rec(n, out);
	/* trim what this call added */
	size_t s = start;
	while (s < out->len && out->data[s] == ' ')
		s++;
	if (s > start) {
		memmove(out->data + start, out->data + s, out->len - s);
		out->len -= s - start;
	}
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->len--;
	if (out->data)
		out->data[out->len] = '\0';
}

char *akn_text_dup(xmlNodePtr n)
{
	struct buf b = BUF_INIT;
	akn_text(n, &b);
	char *r = xstrdup(b.len ? b.data : "");
	buf_free(&b);
	return r;
}

/* ---- the cover ------------------------------------------------------- */

static const struct {
	const char *cls;
	enum akn_cover_role role;
} cover_classes[] = {
	{"organization", AKN_COVER_ORGANIZATION}, {"symbol", AKN_COVER_SYMBOL},
	{"body", AKN_COVER_BODY}, {"distribution", AKN_COVER_DISTRIBUTION},
	{"date", AKN_COVER_DATE}, {"language", AKN_COVER_LANGUAGE},
	{"meeting", AKN_COVER_MEETING}, {"session", AKN_COVER_SESSION},
	{"place", AKN_COVER_PLACE}, {"agenda", AKN_COVER_AGENDA},
	{"agendaTitle", AKN_COVER_AGENDA_TITLE}, {"title", AKN_COVER_TITLE},
	{"proponent", AKN_COVER_PROPONENT},
	/* "Resolution adopted by the General Assembly on …": the line the
	 * UN's cover marks as its docTitle */
	{"adoption", AKN_COVER_TITLE},
};

/* The role that element e (inside a cover line) gives the line, or
 * AKN_COVER_OTHER when it says nothing. */
static enum akn_cover_role element_role(xmlNodePtr e)
{
	const char *name = akn_name(e);
	if (!strcmp(name, "docAuthority")) {
		/* AKN4UN: refersTo="#publisher" is the organisation ("United
		 * Nations"), refersTo="#issuingBody" the body that issues it */
		char *ref = akn_attr(e, "refersTo");
		int publisher = ref && strstr(ref, "publisher");
		free(ref);
		return publisher ? AKN_COVER_ORGANIZATION : AKN_COVER_BODY;
	}
	if (!strcmp(name, "docNumber"))
		return AKN_COVER_SYMBOL;
	if (!strcmp(name, "docStatus"))
		return AKN_COVER_DISTRIBUTION;
	if (!strcmp(name, "docDate"))
		return AKN_COVER_DATE;
	if (!strcmp(name, "session"))
		return AKN_COVER_SESSION;
	if (!strcmp(name, "docTitle"))
		return AKN_COVER_TITLE;
	if (!strcmp(name, "docProponent"))
		return AKN_COVER_PROPONENT;
	if (!strcmp(name, "docCommittee"))
		return AKN_COVER_MEETING;
	if (!strcmp(name, "location"))
		return AKN_COVER_PLACE;
	if (!strcmp(name, "inline")) {
		char *what = akn_attr(e, "name");
		enum akn_cover_role r = AKN_COVER_OTHER;
		if (what && !strcmp(what, "agenda item"))
			r = AKN_COVER_AGENDA;
		else if (what && !strcmp(what, "agenda item name"))
			r = AKN_COVER_AGENDA_TITLE;
		else if (what && !strcmp(what, "originalLanguage"))
			r = AKN_COVER_LANGUAGE;
		free(what);
		return r;
	}
	return AKN_COVER_OTHER;
}

/* The first element under n (depth first) that gives a role. */
static enum akn_cover_role content_role(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || akn_kind(c) == AKN_NOTE)
			continue;
		enum akn_cover_role r = element_role(c);
		if (r != AKN_COVER_OTHER)
			return r;
		r = content_role(c);
		if (r != AKN_COVER_OTHER)
			return r;
	}
	return AKN_COVER_OTHER;
}

enum akn_cover_role akn_cover_role(xmlNodePtr p)
{
	char *cls = akn_attr(p, "class");
	for (size_t i = 0; cls && i < sizeof cover_classes / sizeof *cover_classes; i++)
		if (!strcmp(cls, cover_classes[i].cls)) {
			free(cls);
			return cover_classes[i].role;
		}
	free(cls);
	enum akn_cover_role r = element_role(p);
	return r != AKN_COVER_OTHER ? r : content_role(p);
}

/* ---- the document's facts -------------------------------------------- */

static xmlNodePtr find(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (akn_is(c, name))
			return c;
		xmlNodePtr r = find(c, name);
		if (r)
			return r;
	}
	return NULL;
}

void akn_doc_read(struct akn_doc *d, xmlDocPtr doc)
{
	memset(d, 0, sizeof *d);
	d->root = doc ? xmlDocGetRootElement(doc) : NULL;
	for (xmlNodePtr c = d->root ? d->root->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!d->top)
			d->top = c;
		else if (akn_is(c, "components") && !d->components)
			d->components = c;
	}
	xmlNodePtr meta = akn_child(d->top, "meta");
	xmlNodePtr ident = akn_child(meta, "identification");
	xmlNodePtr work = akn_child(ident, "FRBRWork");
	for (xmlNodePtr c = work ? work->children : NULL; c; c = c->next) {
		if (akn_is(c, "FRBRalias") && akn_attr_is(c, "name", "symbol") && !d->symbol)
			d->symbol = akn_attr(c, "value");
		if (akn_is(c, "FRBRdate") && !d->date && !akn_attr_is(c, "date", AKN_DATE_UNKNOWN))
			d->date = akn_attr(c, "date");
	}
	/* the language (akn/lang.h); a text without letters is set as English */
	struct doc_lang dl;
	doc_language(doc, &dl);
	snprintf(d->lang, sizeof d->lang, "%s", strcmp(dl.tag, "und") ? dl.tag : "en");
	d->lang_guessed = dl.from_text;
	d->rtl = dl.rtl;

	/* the job number: the UN's docketNumber (meta/presentation or the
	 * cover), else our own record of it */
	xmlNodePtr docket = find(d->top, "docketNumber");
	if (docket)
		d->job_number = akn_text_dup(docket);
	else {
		xmlNodePtr src = find(meta, "source");
		if (src && src->ns && src->ns->href && strstr((const char *)src->ns->href, "unpress"))
			d->job_number = akn_attr(src, "jobNumber");
	}
	if (d->job_number && !*d->job_number) {
		free(d->job_number);
		d->job_number = NULL;
	}

	int cap = 0;
	xmlNodePtr cover = akn_child(d->top, "coverPage");
	xmlNodePtr cover_title = NULL;
	for (xmlNodePtr c = cover ? cover->children : NULL; c; c = c->next) {
		if (akn_kind(c) != AKN_P)
			continue;
		struct akn_cover_line line = {akn_cover_role(c), c};
		if (d->ncover == cap) {
			cap = cap ? 2 * cap : 16;
			d->cover = xrealloc(d->cover, sizeof *d->cover * (size_t)cap);
		}
		d->cover[d->ncover++] = line;
		if (line.role == AKN_COVER_SYMBOL && !d->symbol)
			d->symbol = akn_text_dup(find(c, "docNumber") ? find(c, "docNumber") : c);
		if (line.role == AKN_COVER_BODY && !d->body)
			d->body = akn_text_dup(c);
		if (line.role == AKN_COVER_TITLE && !cover_title)
			cover_title = find(c, "docTitle") ? find(c, "docTitle") : c;
	}
	/* the title: the preface's docTitle (the resolution's own title),
	 * before the cover's "Resolution adopted by ..." */
	xmlNodePtr title = find(akn_child(d->top, "preface"), "docTitle");
	if (!title)
		title = cover_title;
	if (title)
		d->title = akn_text_dup(title);
	if (d->title && !*d->title) {
		free(d->title);
		d->title = NULL;
	}
	if (d->symbol && !*d->symbol) {
		free(d->symbol);
		d->symbol = NULL;
	}
}

void akn_doc_free(struct akn_doc *d)
{
	free(d->symbol);
	free(d->title);
	free(d->body);
	free(d->date);
	free(d->job_number);
	free(d->cover);
	memset(d, 0, sizeof *d);
}

/* ---- what was not understood ----------------------------------------- */

void akn_unknown_seen(struct akn_unknown *u, xmlNodePtr n)
{
	const char *name = akn_name(n);
	for (int i = 0; i < u->n; i++)
		if (!strcmp(u->names[i], name)) {
			u->counts[i]++;
			return;
		}
	if (u->n == (int)(sizeof u->names / sizeof *u->names) || strlen(name) >= sizeof u->names[0]) {
		u->more++;
		return;
	}
	strcpy(u->names[u->n], name);
	u->counts[u->n] = 1;
	u->lines[u->n] = (int)xmlGetLineNo(n);
	u->n++;
}

void akn_unknown_report(const struct akn_unknown *u, struct diag *diag, const char *pass)
{
	for (int i = 0; i < u->n; i++)
		diag_note(diag, u->lines[i] > 0 ? u->lines[i] : 0, pass,
			  "<%s> is not in the vocabulary (templates/AKN.md): shown as text (%d time%s)",
			  u->names[i], u->counts[i], u->counts[i] == 1 ? "" : "s");
	if (u->more)
		diag_note(diag, 0, pass, "%d more elements outside the vocabulary shown as text", u->more);
}
