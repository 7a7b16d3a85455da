/* akn/lang.c — the language of an AKN document (akn/lang.h). */
#include "akn/lang.h"

#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/lang.h"

/* Enough text to tell a language by: the first 64 KB of the document's
 * text outside its metadata. */
enum { SAMPLE_BYTES = 64 * 1024 };

static void gather_text(xmlNodePtr n, struct buf *b)
{
	for (; n && b->len < SAMPLE_BYTES; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			buf_puts(b, (const char *)n->content);
			buf_putc(b, ' ');
		} else if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "meta"))
			gather_text(n->children, b);
	}
}

/* The first FRBRExpression/FRBRlanguage/@language of the document's own
 * meta (not an attachment's), or NULL. */
static xmlChar *frbr_language(xmlDocPtr akn)
{
	xmlNodePtr root = xmlDocGetRootElement(akn);
	xmlNodePtr doc = root ? root->children : NULL;
	while (doc && doc->type != XML_ELEMENT_NODE)
		doc = doc->next;
	/* meta / identification / FRBRExpression / FRBRlanguage */
	static const char *const path[] = {"meta", "identification", "FRBRExpression", "FRBRlanguage"};
	xmlNodePtr n = doc;
	for (size_t step = 0; n && step < sizeof path / sizeof path[0]; step++) {
		xmlNodePtr c = n->children;
		while (c && !(c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, path[step])))
			c = c->next;
		n = c;
	}
	return n ? xmlGetProp(n, (const xmlChar *)"language") : NULL;
}

void doc_language(xmlDocPtr akn, struct doc_lang *out)
{
	memset(out, 0, sizeof *out);
	xmlChar *code = akn ? frbr_language(akn) : NULL;
	if (!code || !lang_tag_of((const char *)code, out->tag)) {
		struct buf text = BUF_INIT;
		xmlNodePtr root = akn ? xmlDocGetRootElement(akn) : NULL;
		if (root)
			gather_text(root->children, &text);
		const char *tag = lang_of_text(text.data ? text.data : "", text.len);
		snprintf(out->tag, sizeof out->tag, "%s", tag);
		out->from_text = true;
		buf_free(&text);
	}
	xmlFree(code);
	out->rtl = lang_is_rtl(out->tag);
}
