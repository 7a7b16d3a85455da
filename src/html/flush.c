/* html/flush.c — the page written part by part as the transform makes it
 * (html/flush.h). */
#include "html/flush.h"

#include <libxml/HTMLtree.h>
#include <libxml/hash.h>
#include <libxslt/extensions.h>
#include <libxslt/imports.h>
#include <libxslt/xsltutils.h>
#include <string.h>

#include "util/xmalloc.h"

/* The comment a start tag is split from its end tag at (write_open). */
#define SPLIT_MARK "unpress-flush-split"

/* The encoding xsltSaveResultTo gives the serializer (the stylesheet's
 * xsl:output, else UTF-8). */
static const char *output_encoding(xsltStylesheetPtr style)
{
	const xmlChar *encoding;
	XSLT_GET_IMPORT_PTR(encoding, style, encoding)
	return encoding ? (const char *)encoding : "UTF-8";
}

/* Write node (and all it holds) as the HTML serializer writes it in its
 * place in the page, then take it out of the result and free it. */
static void write_node(struct html_flush *f, xmlNodePtr node)
{
	htmlNodeDumpFormatOutput(f->out, f->result, node, output_encoding(f->style), 0);
	xmlUnlinkNode(node);
	xmlFreeNode(node);
}

/* Write el's start tag and remember its end tag: the serializer writes a
 * copy of el holding only a marker comment, and the text either side of
 * the marker is the two tags (so each attribute is escaped as the
 * serializer escapes it).  el holds children, so the serializer would
 * write both tags around them. */
static void write_open(struct html_flush *f, xmlNodePtr el)
{
	xmlNodePtr shell = xmlDocCopyNode(el, f->result, 2);
	xmlAddChild(shell, xmlNewDocComment(f->result, (const xmlChar *)SPLIT_MARK));
	xmlBufferPtr text = xmlBufferCreate();
	xmlOutputBufferPtr mem = xmlOutputBufferCreateBuffer(text, NULL);
	htmlNodeDumpFormatOutput(mem, f->result, shell, output_encoding(f->style), 0);
	xmlOutputBufferClose(mem);
	xmlFreeNode(shell);
	const char *all = (const char *)xmlBufferContent(text);
	const char *mark = strstr(all, "<!--" SPLIT_MARK "-->");
	/* the serializer writes a comment child as it is */
	size_t start = mark ? (size_t)(mark - all) : strlen(all);
	xmlOutputBufferWrite(f->out, (int)start, all);
	if (f->nopen == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 16;
		f->open = xrealloc(f->open, f->cap * sizeof *f->open);
		f->end_tags = xrealloc(f->end_tags, f->cap * sizeof *f->end_tags);
	}
	f->open[f->nopen] = el;
	f->end_tags[f->nopen++] = xstrdup(mark ? mark + strlen("<!--" SPLIT_MARK "-->") : "");
	xmlBufferFree(text);
}

/* Write the innermost open element's children that are left, and its end
 * tag, and free it: the transform is done with it. */
static void write_close(struct html_flush *f)
{
	xmlNodePtr el = f->open[--f->nopen];
	while (el->children)
		write_node(f, el->children);
	char *end = f->end_tags[f->nopen];
	xmlOutputBufferWriteString(f->out, end);
	free(end);
	xmlUnlinkNode(el);
	xmlFreeNode(el);
}

/* Write everything of the result that is complete while the transform
 * inserts at insert: the elements that were open and are done, the
 * children before the chain at each level, and insert's children; open
 * the chain's elements down to insert (insert itself when it holds
 * something, or when open_insert: what is written next is its content).  Nothing when insert is not in the result document (a
 * variable's or an attribute's content being made). */
static void flush_at(struct html_flush *f, xsltTransformContextPtr ctxt, bool open_insert)
{
	xmlNodePtr insert = ctxt->insert, top = insert;
	size_t depth = 0;
	while (top && top->type == XML_ELEMENT_NODE) {
		depth++;
		top = top->parent;
	}
	if (top != (xmlNodePtr)f->result)
		return;
	/* chain[0] the result's root element … chain[depth - 1] insert */
	xmlNodePtr *chain = xmalloc((depth ? depth : 1) * sizeof *chain);
	size_t i = depth;
	for (xmlNodePtr n = insert; i > 0; n = n->parent)
		chain[--i] = n;
	size_t same = 0;
	while (same < f->nopen && same < depth && f->open[same] == chain[same])
		same++;
	while (f->nopen > same)
		write_close(f);
	xmlNodePtr parent = same ? chain[same - 1] : (xmlNodePtr)f->result;
	for (size_t level = same;; level++) {
		xmlNodePtr next = level < depth ? chain[level] : NULL;
		while (parent->children && parent->children != next)
			write_node(f, parent->children);
		if (!next || (level == depth - 1 && !next->children && !open_insert))
			break;
		write_open(f, next);
		parent = next;
	}
	free(chain);
	/* libxslt appends text to the last text node it made: it is gone */
	ctxt->lasttext = NULL;
	ctxt->lasttsize = ctxt->lasttuse = 0;
}

/* Move an entry of the result's table of ids to the table data. */
static void move_id(void *payload, void *data, const xmlChar *name)
{
	xmlHashAddEntry(data, name, payload);
}

/* The result's ids (every id attribute of an HTML document is one) in a
 * table of their own: libxml2 keeps the table's names in the document's
 * dictionary, which is the stylesheet's (it lives as long as the process)
 * and which stops growing its buckets at some 16,000: with the ids of
 * 10 MB of notes, every lookup walked long chains.  Names the table holds
 * itself go when their ids are freed with the nodes flushed. */
static void own_ids(xmlDocPtr result)
{
	xmlHashTablePtr own = xmlHashCreate(0);
	if (result->ids) {
		xmlHashScan(result->ids, move_id, own);
		xmlHashFree(result->ids, NULL);
	}
	result->ids = own;
}

void html_flush_now(struct html_flush *f, xsltTransformContextPtr ctxt, bool open_insert)
{
	if (!ctxt->output || ctxt->output->type != XML_HTML_DOCUMENT_NODE || !ctxt->insert)
		return;
	if (!f->result) {
		f->result = ctxt->output;
		/* what xsltSaveResultTo does before it writes: the head, written
		 * whole before the body's first flush, gets its charset */
		htmlSetMetaEncoding(f->result, (const xmlChar *)output_encoding(f->style));
		own_ids(f->result);
	}
	if (f->result == ctxt->output)
		flush_at(f, ctxt, open_insert);
}

/* <x:flush/>: write what is complete, when the transform is one that
 * html_flush_begin marked. */
static void flush_element(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
			  xsltElemPreCompPtr comp)
{
	(void)node, (void)inst, (void)comp;
	if (ctxt->_private)
		html_flush_now(ctxt->_private, ctxt, false);
}

void html_flush_register(void)
{
	xsltRegisterExtModuleElement((const xmlChar *)"flush", (const xmlChar *)HTML_FLUSH_NS, NULL,
				     flush_element);
}

void html_flush_begin(struct html_flush *f, xmlOutputBufferPtr out, xsltTransformContextPtr ctxt)
{
	memset(f, 0, sizeof *f);
	f->out = out;
	f->style = ctxt->style;
	ctxt->_private = f;
}

int html_flush_end(struct html_flush *f, xmlDocPtr result)
{
	if (result && !f->result)
		xsltSaveResultTo(f->out, result, f->style);
	else if (result && result == f->result) {
		while (f->nopen)
			write_close(f);
		while (result->children)
			write_node(f, result->children);
		/* the serializer ends a document with a newline */
		xmlOutputBufferWriteString(f->out, "\n");
	}
	/* a failed transform's page is abandoned with elements open */
	for (size_t i = 0; i < f->nopen; i++)
		free(f->end_tags[i]);
	free(f->open);
	free(f->end_tags);
	return f->out->error ? -1 : 0;
}
