/* tests/unit/test_write.c — src/akn/write.c's stream: the XML written
 * while the tree is built (akn_build_streamed for -t xml) is byte for
 * byte what xml_write_doc writes of the whole tree, and what it wrote has
 * left the tree. */
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "akn/build.h"
#include "akn/parts.h"
#include "akn/write.h"
#include "normalise/normalise.h"
#include "read/read.h"
#include "util/buf.h"
#include "unit.h"

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

/* What a stream wrote (a memory file). */
struct sink {
	char *data;
	size_t len;
	FILE *f;
};

static void sink_open(struct sink *k)
{
	k->data = NULL;
	k->len = 0;
	k->f = open_memstream(&k->data, &k->len);
}

static const char *sink_close(struct sink *k)
{
	fclose(k->f);
	const char *s = arena_strndup(unit_arena, k->data ? k->data : "", k->len);
	free(k->data);
	return s;
}

static const char *whole(const xmlDoc *doc)
{
	struct buf b = BUF_INIT;
	xml_write_doc(doc, &b);
	const char *s = arena_strndup(unit_arena, buf_cstr(&b), b.len);
	buf_free(&b);
	return s;
}

static int children(const xmlNode *el)
{
	int n = 0;
	for (const xmlNode *c = el->children; c; c = c->next)
		n++;
	return n;
}

/* One paragraph as the builder makes them: attributes with characters to
 * escape, text with an inline element (an element that holds text is
 * written without indentation inside). */
static void add_p(xmlNodePtr parent, int i)
{
	char t[64];
	xmlNodePtr p = xmlNewChild(parent, NULL, X("p"), NULL);
	snprintf(t, sizeof t, "p_%d \"&<\"", i);
	xmlSetProp(p, X("eId"), X(t));
	snprintf(t, sizeof t, "Text %d & <more> ", i);
	xmlNodeAddContent(p, X(t));
	xmlNewTextChild(p, NULL, X("ref"), X("A/RES/1"));
}

/* A document whose body grows as a builder's does, written as it grows:
 * sections of paragraphs in a body, each finished part handed over. */
static void grown_tree(void)
{
	xmlDocPtr ref = xmlNewDoc(X("1.0")), doc = xmlNewDoc(X("1.0"));
	struct sink k;
	sink_open(&k);
	struct xml_stream s;
	xml_stream_begin(&s, k.f, NULL);
	int most = 0;
	bool handed = true;
	for (int pass = 0; pass < 2; pass++) {
		xmlDocPtr d = pass ? doc : ref;
		xmlNodePtr root = xmlNewNode(NULL, X("akomaNtoso"));
		xmlDocSetRootElement(d, root);
		xmlNewTextChild(xmlNewChild(root, NULL, X("meta"), NULL), NULL, X("name"), X("x"));
		xmlNodePtr body = xmlNewChild(root, NULL, X("body"), NULL);
		for (int sec = 0; sec < 3; sec++) {
			xmlNodePtr section = xmlNewChild(body, NULL, X("section"), NULL);
			xmlNewTextChild(section, NULL, X("num"), X("I."));
			for (int i = 0; i < 40; i++) {
				add_p(section, sec * 100 + i);
				if (pass) {
					/* every child but the last is final */
					handed &= xml_stream_write_before(&s, body, body->last) &&
						  xml_stream_write_before(&s, section, section->last);
					int held = children(body) + children(section);
					most = held > most ? held : most;
				}
			}
			/* a list a later block may still extend: the last child */
			xmlNewChild(body, NULL, X("blockList"), NULL);
		}
		xmlNewTextChild(root, NULL, X("conclusions"), X("end"));
		xmlAddNextSibling(root, xmlNewDocComment(d, X(" after the root ")));
	}
	CHECK_BOOL("every hand-over was taken", "3 x 40 paragraphs", true, handed);
	CHECK_INT("after each hand-over the tree holds only the last child of the body and of the section",
		  "3 x 40 paragraphs", 2, most);
	CHECK_INT("the stream ends whole", "", 0, xml_stream_end(&s, doc));
	CHECK_STR("the bytes are xml_write_doc's of the whole tree", "3 x 40 paragraphs", whole(ref),
		  sink_close(&k));
	xmlFreeDoc(ref);
	xmlFreeDoc(doc);
}

/* An element the stream opened (it indents its children) that then gets
 * text would be written otherwise whole: the stream says so. */
static void spoiled(void)
{
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr root = xmlNewNode(NULL, X("akomaNtoso"));
	xmlDocSetRootElement(doc, root);
	xmlNodePtr body = xmlNewChild(root, NULL, X("body"), NULL);
	add_p(body, 1);
	add_p(body, 2);
	struct sink k;
	sink_open(&k);
	struct xml_stream s;
	xml_stream_begin(&s, k.f, NULL);
	CHECK_BOOL("the first paragraph is written", "", true, xml_stream_write_before(&s, body, body->last));
	CHECK_BOOL("the body is open", "", true, xml_stream_is_open(&s, body));
	xmlNodeAddContent(body, X("text in the body"));
	CHECK_INT("text in an element opened as one that indents spoils the stream", "", -1,
		  xml_stream_end(&s, doc));
	sink_close(&k);
	xmlFreeDoc(doc);
}

/* Elements named name under el (el included). */
static int count(const xmlNode *el, const char *name)
{
	int n = el->type == XML_ELEMENT_NODE && !strcmp((const char *)el->name, name);
	for (const xmlNode *c = el->children; c; c = c->next)
		n += count(c, name);
	return n;
}

static struct document *read_text(struct unit_doc *u, const char *text)
{
	struct document *doc = unit_doc(u);
	if (read_document(doc, text, strlen(text)) != 0)
		return NULL;
	normalise(doc);
	return doc;
}

/* A report of many numbered paragraphs with notes and symbols, built and
 * written as -t xml writes it: the bytes of the whole tree, and the body
 * is never whole in the tree. */
static void built_report(void)
{
	struct buf text = BUF_INIT;
	buf_puts(&text, "United Nations\tA/AC.1/2020/1\n\nDistr.: General\n1 January 2020\n\n"
			"# Report of the Committee\n\n## I. Introduction\n\n");
	for (int i = 1; i <= 300; i++) {
		buf_printf(&text, "%d. The Committee noted resolution A/RES/70/%d.<sup>%d</sup>\n\n", i, i, i);
		if (i == 150)
			buf_puts(&text, "## II. Recommendations\n\n");
		if (i % 50 == 0)
			buf_puts(&text, "- a bullet\n- another bullet\n\n");
	}
	for (int i = 1; i <= 300; i++)
		buf_printf(&text, "<sup>%d</sup> See document A/AC.1/%d.\n\n", i, i);
	struct unit_doc u1, u2;
	struct document *d1 = read_text(&u1, buf_cstr(&text)), *d2 = read_text(&u2, buf_cstr(&text));
	if (!d1 || !d2) {
		CHECK_BOOL("the report was read", "", true, false);
		buf_free(&text);
		return;
	}
	xmlDocPtr ref = akn_build(d1);
	struct sink k;
	sink_open(&k);
	struct xml_stream s;
	xml_stream_begin(&s, k.f, NULL);
	xmlDocPtr xml = akn_build_streamed(d2, &s);
	int left = count(xmlDocGetRootElement(xml), "paragraph"), made = count(xmlDocGetRootElement(ref), "paragraph");
	CHECK_BOOL("the whole tree has the 300 numbered paragraphs", "", true, made >= 300);
	CHECK_BOOL("the stream was not spoiled", "", false, s.spoiled);
	CHECK_INT("of the paragraphs, only the last is left in the tree when the build ends", "", 1, left);
	CHECK_INT("the stream ends whole", "", 0, xml_stream_end(&s, xml));
	const char *want = whole(ref), *got = sink_close(&k);
	CHECK_BOOL("the report written as it is built is xml_write_doc's bytes of the whole tree", "", true,
		   !strcmp(want, got));
	xmlFreeDoc(ref);
	xmlFreeDoc(xml);
	unit_doc_free(&u1);
	unit_doc_free(&u2);
	buf_free(&text);
}

/* A note the passes kept but no text carries to the builder (a pass that
 * dropped its reference, as the headings pass did with a chapter's) is
 * named on stderr, never lost in silence; a note placed says nothing. */
static void lost_note(void)
{
	const char *text = "# Report\n\n1. The Group met.<sup>1</sup>\n\n2. It adjourned.<sup>2</sup>\n\n"
			   "---\n\n<sup>1</sup> In Vienna.\n\n<sup>2</sup> At noon.\n";
	struct unit_doc u;
	struct document *doc = read_text(&u, text);
	if (!doc) {
		CHECK_BOOL("the report was read", "", true, false);
		return;
	}
	xmlFreeDoc(akn_build(doc));
	CHECK_BOOL("every note placed: no word of a lost one", unit_q(text), false,
		   strstr(unit_said(&u), "was lost") != NULL);
	/* a pass loses the second reference */
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		char *ref = b->text ? strchr(b->text, MK_NOTE) : NULL;
		if (ref && strstr(b->text, "adjourned"))
			*ref = '\0';
	}
	xmlFreeDoc(akn_build(doc));
	CHECK_HAS("a note no text carried is named", unit_q(text), "footnote 2 was lost", unit_said(&u));
	CHECK_BOOL("and only that one", unit_q(text), false, strstr(unit_said(&u), "footnote 1 was lost") != NULL);
	unit_doc_free(&u);
}

/* Text directly in a container (not AKN) is refused part by part, with
 * a data error, not read otherwise than the whole tree reads it. */
static void parts_refuse_mixed(void)
{
	static const char *const xml[] = {
		"<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\">\n"
		"  <mainBody>\n    <p>One.</p>\n    <p>Two.</p>\n  </mainBody>\n</doc></akomaNtoso>\n",
		"<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\">\n"
		"  <mainBody>\n    <p>One.</p>stray text\n    <p>Two.</p>\n  </mainBody>\n</doc></akomaNtoso>\n",
		/* blank, but not our writer's indentation: whole, the body keeps
		 * every space, the indentation between paragraphs too */
		"<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\">\n"
		"  <mainBody>   \n    <p>One.</p>\n    <p>Two.</p>\n  </mainBody>\n</doc></akomaNtoso>\n",
	};
	for (int k = 0; k < 3; k++) {
		FILE *f = tmpfile();
		fputs(xml[k], f);
		fflush(f);
		struct unit_doc u;
		unit_doc(&u);
		struct akn_parts *p = akn_parts_file(fileno(f), "x.xml", &u.diag);
		int elements = 0;
		xmlNodePtr root = akn_parts_root(p);
		xmlNodePtr doc = akn_parts_first(p, root);
		xmlNodePtr body = akn_parts_first(p, doc);
		for (xmlNodePtr c = akn_parts_first(p, body); c; c = akn_parts_next(p, c))
			elements += c->type == XML_ELEMENT_NODE;
		CHECK_INT(k ? "stray text in a body: both paragraphs still met" : "a body's paragraphs met, the indentation skipped",
			  unit_q(xml[k]), 2, elements);
		CHECK_INT(k ? "stray (or blank, unindented) text in a body: refused as a data error"
			    : "a body of paragraphs: read whole",
			  unit_q(xml[k]), k ? EX_DATAERR : 0, akn_parts_close(p));
		unit_doc_free(&u);
		fclose(f);
	}
}

int main(void)
{
	unit_begin("write");
	parts_refuse_mixed();
	lost_note();
	grown_tree();
	spoiled();
	built_report();
	return unit_end();
}
