/* akn/manifest.c — write DIR/SLUG.manifest.xml from the AKN tree (see akn/manifest.h).
 *
 * <manifest slug symbol title type date lang>
 *   <anchor eId="para_9" num="9." kind="paragraph"/>…
 *   <ref from="para_3" href="https://undocs.org/…">text</ref>…
 * </manifest>  — all in the unpress namespace. */
#include "akn/manifest.h"

#include <errno.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "akn/ns.h"
#include "util/xmalloc.h"
#include "akn/lang.h"
#include "util/atomic.h"

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

static char *xpath_string(xmlXPathContextPtr ctx, const char *expr)
{
	xmlXPathObjectPtr obj = xmlXPathEvalExpression(X(expr), ctx);
	char *s = NULL;
	if (obj) {
		xmlChar *v = xmlXPathCastToString(obj);
		if (v && *v)
			s = xstrdup((const char *)v);
		xmlFree(v);
		xmlXPathFreeObject(obj);
	}
	return s;
}

/* Does the HTML edition give an element of this name its eId as an id
 * (templates/akn-html.xsl)?  The UN's AKN4UN gives an eId to a
 * paragraph's content, a list, the cover's session too, which the page
 * does not anchor: a link to them would land nowhere. */
static bool anchored(const xmlChar *name)
{
	static const char *const names[] = {"paragraph", "subparagraph", "point", "item", "container", "formula",
					    "chapter", "section", "subsection", "hcontainer", "part", "title",
					    "article", "crossHeading", "p", "table", "embeddedStructure", "component"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp((const char *)name, names[i]))
			return true;
	return false;
}

/* The id the page gives n (its eId; inside a documentCollection's
 * component, after the component's eId and "__", as the template does),
 * in buf (128 bytes; "" when it has no eId or it does not fit). */
static const char *html_id(xmlNodePtr n, char *buf)
{
	xmlAttrPtr a = xmlHasProp(n, X("eId"));
	const char *eid = a && a->children ? (const char *)a->children->content : "";
	const char *comp = "";
	for (xmlNodePtr up = n->parent; up && up->type == XML_ELEMENT_NODE; up = up->parent)
		if (!strcmp((const char *)up->name, "component")) {
			xmlAttrPtr c = xmlHasProp(up, X("eId"));
			comp = c && c->children ? (const char *)c->children->content : "";
			break;
		}
	if ((size_t)snprintf(buf, 128, "%s%s%s", comp, *comp ? "__" : "", eid) >= 128)
		buf[0] = '\0';
	return buf;
}

/* Where a reference is: the id of the nearest element around it that
 * the page anchors (a note is not a place: its paragraph is). */
static const char *nearest_eid(xmlNodePtr n, char *buf)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (xmlHasProp(n, X("eId")) && anchored(n->name))
			return html_id(n, buf);
	return "";
}

int manifest_write(xmlDocPtr akn, const char *path, struct diag *diag)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(akn);
	xmlXPathRegisterNs(ctx, X("a"), X(AKN_NS));
	xmlXPathRegisterNs(ctx, X("u"), X(UNPRESS_NS));

	xmlDocPtr out = xmlNewDoc(X("1.0"));
	xmlNodePtr root = xmlNewNode(NULL, X("manifest"));
	xmlNsPtr ns = xmlNewNs(root, X(UNPRESS_NS), NULL);
	xmlSetNs(root, ns);
	xmlDocSetRootElement(out, root);
	/* Each from where AKN puts it (templates/AKN.md), not by a search of
	 * the whole tree: the UN's metadata holds thousands of elements (its
	 * voting records). */
	static const struct { const char *attr, *expr; } fields[] = {
		{"slug", "string(/a:akomaNtoso/*[1]/a:meta/a:proprietary/u:source/@slug)"},
		{"file", "string(/a:akomaNtoso/*[1]/a:meta/a:proprietary/u:source/@file)"},
		{"type", "string(/a:akomaNtoso/*[1]/a:meta/a:proprietary/u:source/@type)"},
		{"number", "string(/a:akomaNtoso/*[1]/a:meta/a:proprietary/u:source/@number)"},
		{"symbol", "string(/a:akomaNtoso/*[1]/a:meta/a:identification/a:FRBRWork/a:FRBRalias[@name='symbol']/@value)"},
		/* the UN's AKN4UN names the symbol only on its cover */
		{"symbol", "normalize-space(/a:akomaNtoso/*[1]/a:coverPage/descendant::a:docNumber)"},
		{"date", "string(/a:akomaNtoso/*[1]/a:coverPage/descendant::a:docDate/@date)"},
		{"title", "normalize-space(/a:akomaNtoso/*[1]/a:preface/descendant::a:docTitle)"},
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (xmlHasProp(root, X(fields[i].attr)))
			continue; /* an earlier source of it had it */
		char *v = xpath_string(ctx, fields[i].expr);
		if (v)
			xmlSetProp(root, X(fields[i].attr), X(v));
		free(v);
	}
	/* the language: the site groups a document's language versions by it */
	struct doc_lang lang;
	doc_language(akn, &lang);
	xmlSetProp(root, X("lang"), X(lang.tag));
	xmlXPathObjectPtr anchors = xmlXPathEvalExpression(
		X("/descendant::a:mainBody/descendant::*[@eId][self::a:paragraph or self::a:point or self::a:chapter or "
		  "self::a:section or self::a:subsection or self::a:hcontainer]"), ctx);
	if (anchors && anchors->nodesetval) {
		for (int i = 0; i < anchors->nodesetval->nodeNr; i++) {
			xmlNodePtr n = anchors->nodesetval->nodeTab[i];
			xmlNodePtr a = xmlNewChild(root, ns, X("anchor"), NULL);
			char id[128];
			xmlSetProp(a, X("eId"), X(html_id(n, id)));
			xmlSetProp(a, X("kind"), n->name);
			xmlChar *hname = xmlGetProp(n, X("name"));
			if (hname)
				xmlSetProp(a, X("name"), hname);
			xmlFree(hname);
			for (xmlNodePtr c = n->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "num")) {
					xmlChar *num = xmlNodeGetContent(c);
					xmlSetProp(a, X("num"), num);
					xmlFree(num);
				}
		}
	}
	xmlXPathFreeObject(anchors);
	/* our <ref>s and the UN's <a href>s, in document order */
	xmlXPathObjectPtr refs = xmlXPathEvalExpression(X("/descendant::*[self::a:ref or self::a:a][@href]"), ctx);
	if (refs && refs->nodesetval) {
		for (int i = 0; i < refs->nodesetval->nodeNr; i++) {
			xmlNodePtr n = refs->nodesetval->nodeTab[i];
			xmlChar *text = xmlNodeGetContent(n);
			xmlNodePtr r = xmlNewTextChild(root, ns, X("ref"), text);
			xmlFree(text);
			xmlChar *href = xmlGetProp(n, X("href"));
			xmlSetProp(r, X("href"), href);
			xmlFree(href);
			char id[128];
			xmlSetProp(r, X("from"), X(nearest_eid(n->parent, id)));
		}
	}
	xmlXPathFreeObject(refs);
	xmlXPathFreeContext(ctx);

	struct atomic_file af;
	int status = 0;
	if (atomic_open(&af, path) != 0) {
		diag_error(diag, 0, "output", "cannot create %s: %s", path, strerror(errno));
		status = EX_CANTCREAT;
	} else {
		xmlSaveCtxtPtr save = xmlSaveToFd(fileno(atomic_stream(&af)), "UTF-8", XML_SAVE_FORMAT);
		if (!save || xmlSaveDoc(save, out) < 0)
			af.failed = 1;
		if (save)
			xmlSaveClose(save);
		if (atomic_commit(&af) != 0) {
			diag_error(diag, 0, "output", "cannot write %s: %s", path, strerror(errno));
			status = EX_CANTCREAT;
		}
	}
	xmlFreeDoc(out);
	return status;
}
