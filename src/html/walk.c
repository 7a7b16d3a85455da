/* html/walk.c — the HTML edition part by part (html/walk.h). */
#include "html/walk.h"

#include <errno.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "akn/ns.h"
#include "html/flush.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* A file aside: a part of the walked page, the contents' entries or the
 * notes; made when first written to. */
struct aside {
	FILE *file;
	xmlOutputBufferPtr out;
};

/* The article shows the document's children in this order whatever
 * their order in the document (akn-html.xsl, the template of a:doc):
 * each rank's page is written aside on its own. */
enum { RANK_FRONT = -1, RANK_NONE, RANK_PREAMBLE, RANK_BODY, RANK_CONCLUSIONS, RANK_ANNEXES,
       RANK_COMPONENTS, RANKS };

struct html_walk {
	struct akn_parts *parts;
	char *out_path;		/* the page's (the files aside go beside it) */
	xmlDocPtr read;		/* the document the parts are read into */
	struct aside walked[RANKS], contents, notes;
	bool has_contents;	/* the entries hold text (the list is shown) */
	size_t nnotes;
	bool rendered;		/* a child of the document after the front was met */
	int status;
	const char *why;	/* what stopped the walk */
};

/* Is el the AKN element name? */
static bool is_akn(const xmlNode *el, const char *name)
{
	return el && el->type == XML_ELEMENT_NODE && el->ns && !strcmp((const char *)el->ns->href, AKN_NS) &&
	       !strcmp((const char *)el->name, name);
}

/* A file beside out_path that no one sees (unlinked as soon as made),
 * unless a is open already. */
static int aside_open(struct aside *a, const char *out_path)
{
	if (a->out)
		return 0;
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s.parts-XXXXXX", out_path);
	int fd = mkstemp((char *)buf_cstr(&path));
	if (fd >= 0)
		unlink(buf_cstr(&path));
	buf_free(&path);
	a->file = fd >= 0 ? fdopen(fd, "w+") : NULL;
	if (!a->file) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		errno = e;
		return -1;
	}
	a->out = xmlOutputBufferCreateFile(a->file, NULL);
	return 0;
}

static void aside_close(struct aside *a)
{
	if (a->out)
		xmlOutputBufferClose(a->out);
	if (a->file)
		fclose(a->file);
}

/* Copy what was written aside to out (nothing if a was never made).  -1
 * when a read or write failed. */
static int aside_copy(struct aside *a, xmlOutputBufferPtr out)
{
	if (!a->out)
		return 0;
	if (xmlOutputBufferFlush(a->out) < 0 || a->out->error || fflush(a->file) != 0 ||
	    fseek(a->file, 0, SEEK_SET) != 0)
		return -1;
	char chunk[1 << 16];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, a->file)) > 0)
		if (xmlOutputBufferWrite(out, (int)n, chunk) < 0)
			return -1;
	return ferror(a->file) ? -1 : 0;
}

/* The walk and the writer of the transform ctxt runs, or NULL. */
static struct html_walk *walk_of(xsltTransformContextPtr ctxt, struct html_flush **f)
{
	*f = ctxt ? ctxt->_private : NULL;
	return *f ? (*f)->walk : NULL;
}

/* Stop the transform (it fails: nothing is written), status and why for
 * the caller to report. */
static void stop(xsltTransformContextPtr ctxt, struct html_walk *w, int status, const char *why)
{
	ctxt->state = XSLT_STATE_STOPPED;
	if (w && !w->status) {
		w->status = status;
		w->why = why;
	}
}

/* Forget what libxslt remembers of the nodes its match patterns tested
 * (the runtime extras: a node, its place among its siblings, a list of a
 * document's matches), which it keeps across templates on the
 * assumption that the input lives as long as the transform: the walk
 * frees each part it moves past. */
static void forget_matches(xsltTransformContextPtr ctxt)
{
	for (int i = 0; i < ctxt->extrasNr; i++) {
		if (ctxt->extras[i].deallocate && ctxt->extras[i].info)
			ctxt->extras[i].deallocate(ctxt->extras[i].info);
		ctxt->extras[i].info = NULL;
		ctxt->extras[i].val.ptr = NULL;
	}
}

/* Apply the templates of mode (NULL: the default) to node alone, their
 * output going into insert: what xsl:apply-templates does for each node
 * it selects. */
static void apply(xsltTransformContextPtr ctxt, xmlNodePtr node, const char *mode, xmlNodePtr insert)
{
	const xmlChar *old_mode = ctxt->mode, *old_uri = ctxt->modeURI;
	xmlNodePtr old_node = ctxt->node, old_insert = ctxt->insert;
	xmlNodeSetPtr old_list = ctxt->nodeList;
	int old_size = ctxt->xpathCtxt->contextSize, old_pos = ctxt->xpathCtxt->proximityPosition;
	xmlNodeSetPtr list = xmlXPathNodeSetCreate(node);
	forget_matches(ctxt);
	ctxt->mode = mode ? xmlDictLookup(ctxt->dict, (const xmlChar *)mode, -1) : NULL;
	ctxt->modeURI = NULL;
	ctxt->nodeList = list;
	ctxt->node = node;
	ctxt->insert = insert;
	ctxt->xpathCtxt->contextSize = 1;
	ctxt->xpathCtxt->proximityPosition = 1;
	xsltProcessOneNode(ctxt, node, NULL);
	ctxt->mode = old_mode;
	ctxt->modeURI = old_uri;
	ctxt->nodeList = old_list;
	ctxt->node = old_node;
	ctxt->insert = old_insert;
	ctxt->xpathCtxt->contextSize = old_size;
	ctxt->xpathCtxt->proximityPosition = old_pos;
	xmlXPathFreeNodeSet(list);
	/* what was made in the holder is gone after; no text to append to */
	ctxt->lasttext = NULL;
	ctxt->lasttsize = ctxt->lasttuse = 0;
}

/* Apply mode to node into a holder outside the page, and write what it
 * made to a.  Returns whether it holds text (its string value is not
 * empty). */
static bool apply_aside(xsltTransformContextPtr ctxt, xmlNodePtr node, const char *mode, struct aside *a)
{
	xmlNodePtr holder = xmlNewDocNode(ctxt->output, NULL, (const xmlChar *)"aside", NULL);
	apply(ctxt, node, mode, holder);
	for (xmlNodePtr c = holder->children; c; c = c->next)
		htmlNodeDumpFormatOutput(a->out, ctxt->output, c, "UTF-8", 0);
	xmlChar *content = holder->children ? xmlNodeGetContent(holder) : NULL;
	bool text = content && *content;
	xmlFree(content);
	xmlFreeNode(holder);
	return text;
}

/* Every authorialNote with an eId in part (part itself too), in document
 * order, as the notes list shows it (mode note-item), to the notes file:
 * the list is every such note of the document, in document order. */
static void gather_notes(xsltTransformContextPtr ctxt, struct html_walk *w, xmlNodePtr part)
{
	for (xmlNodePtr n = part; n;) {
		if (is_akn(n, "authorialNote") && xmlHasProp(n, (const xmlChar *)"eId")) {
			apply_aside(ctxt, n, "note-item", &w->notes);
			w->nnotes++;
		}
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n != part && !n->next)
			n = n->parent;
		n = n == part ? NULL : n->next;
	}
}

/* A copy of node in doc, read whole through the walk (a container's
 * children are read as the walk enters it). */
static xmlNodePtr copy_into(struct html_walk *w, xmlNodePtr node, xmlDocPtr doc)
{
	if (node->type != XML_ELEMENT_NODE || !akn_parts_streams(node))
		return xmlDocCopyNode(node, doc, 1);
	xmlNodePtr copy = xmlDocCopyNode(node, doc, 2);
	for (xmlNodePtr c = akn_parts_first(w->parts, node); c; c = akn_parts_next(w->parts, c))
		xmlAddChild(copy, copy_into(w, c, doc));
	return copy;
}

/* A copy of node read whole through the walk, under shallow copies of
 * its ancestors (their names and attributes: what the templates ask of
 * them) in a document of its own, which the caller frees. */
static xmlNodePtr copy_whole(struct html_walk *w, xmlNodePtr node)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr chain = NULL;
	for (xmlNodePtr a = node->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
		xmlNodePtr copy = xmlDocCopyNode(a, doc, 2);
		if (chain)
			xmlAddChild(copy, chain);
		chain = copy;
	}
	xmlNodePtr copy = copy_into(w, node, doc);
	if (chain) {
		xmlDocSetRootElement(doc, chain);
		xmlNodePtr bottom = chain;
		while (bottom->children)
			bottom = bottom->children;
		xmlAddChild(bottom, copy);
	} else
		xmlDocSetRootElement(doc, copy);
	return copy;
}

/* Render part (a node of the walk, or a copy), and when it is a part of
 * the body give its entries of the contents; its notes to the list. */
static void render_part(xsltTransformContextPtr ctxt, struct html_flush *f, struct html_walk *w, xmlNodePtr part,
			bool body)
{
	apply(ctxt, part, NULL, ctxt->insert);
	if (body && apply_aside(ctxt, part, "toc", &w->contents))
		w->has_contents = true;
	gather_notes(ctxt, w, part);
	html_flush_now(f, ctxt, false);
}

/* <x:children/>: the templates of the node's children, as
 * <xsl:apply-templates/> there, each child read when the walk comes to
 * it (a container copied whole) and freed after.  In a copy: its
 * children, as they are. */
static void children_element(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
			     xsltElemPreCompPtr comp)
{
	(void)inst, (void)comp;
	struct html_flush *f;
	struct html_walk *w = walk_of(ctxt, &f);
	if (!w) {
		stop(ctxt, w, EX_SOFTWARE, "x:children outside a walk of parts");
		return;
	}
	if (node->doc != w->read) {
		for (xmlNodePtr c = node->children; c && ctxt->state == XSLT_STATE_OK; c = c->next)
			apply(ctxt, c, NULL, ctxt->insert);
		return;
	}
	bool body = is_akn(node, "mainBody") || is_akn(node, "body");
	for (xmlNodePtr c = akn_parts_first(w->parts, node); c && ctxt->state == XSLT_STATE_OK;
	     c = akn_parts_next(w->parts, c)) {
		if (c->type == XML_ELEMENT_NODE && akn_parts_streams(c)) {
			xmlNodePtr copy = copy_whole(w, c);
			render_part(ctxt, f, w, copy, body);
			xmlFreeDoc(copy->doc);
		} else
			render_part(ctxt, f, w, c, body && c->type == XML_ELEMENT_NODE);
	}
}

/* The rank of a child of the document: RANK_NONE for one the article
 * does not show (its notes are still listed). */
static int rank_of(const xmlNode *c)
{
	static const struct { const char *name; int rank; } ranks[] = {
		{"meta", RANK_FRONT}, {"coverPage", RANK_FRONT}, {"preface", RANK_FRONT},
		{"preamble", RANK_PREAMBLE}, {"mainBody", RANK_BODY}, {"body", RANK_BODY},
		{"collectionBody", RANK_BODY}, {"conclusions", RANK_CONCLUSIONS}, {"attachments", RANK_ANNEXES},
	};
	for (size_t i = 0; i < sizeof ranks / sizeof ranks[0]; i++)
		if (is_akn(c, ranks[i].name))
			return ranks[i].rank;
	return RANK_NONE;
}

/* Write what the transform makes from now on to rank's file aside
 * (what it made before is written where it went).  false when the file
 * cannot be made (the walk stops). */
static bool write_aside(xsltTransformContextPtr ctxt, struct html_flush *f, struct html_walk *w, int rank)
{
	html_flush_now(f, ctxt, false);
	if (aside_open(&w->walked[rank], w->out_path) != 0) {
		stop(ctxt, w, EX_CANTCREAT, "cannot make a file beside the page");
		return false;
	}
	f->out = w->walked[rank].out;
	return true;
}

/* One child of the document, where the walk meets it, its page written
 * aside with the others of its rank. */
static void walk_top(xsltTransformContextPtr ctxt, struct html_flush *f, struct html_walk *w, xmlNodePtr c)
{
	int rank = rank_of(c);
	if (c->type != XML_ELEMENT_NODE || is_akn(c, "meta"))
		return;
	if (rank == RANK_FRONT && w->rendered) {
		/* the head and the header were made of the leading ones */
		stop(ctxt, w, EX_DATAERR, "a cover or preface after the document's body (not in the schema's order): "
		     "the page cannot be made part by part");
		return;
	}
	if (rank == RANK_FRONT) {
		gather_notes(ctxt, w, c);
		return;
	}
	w->rendered = true;
	if (rank != RANK_NONE && !write_aside(ctxt, f, w, rank))
		return;
	bool streams = akn_parts_streams(c);
	if (rank == RANK_PREAMBLE || (rank == RANK_BODY && streams && !is_akn(c, "collectionBody"))) {
		/* a:preamble, a:mainBody, a:body: <x:children/> walks in them */
		apply(ctxt, c, NULL, ctxt->insert);
		html_flush_now(f, ctxt, false);
		return;
	}
	xmlNodePtr part = streams ? copy_whole(w, c) : c;
	if (rank != RANK_NONE)
		apply(ctxt, part, NULL, ctxt->insert);
	if (is_akn(c, "attachments") && apply_aside(ctxt, part, "toc-attachments", &w->contents))
		w->has_contents = true;
	gather_notes(ctxt, w, part);
	html_flush_now(f, ctxt, false);
	if (part != c)
		xmlFreeDoc(part->doc);
}

/* The first element among node and its next siblings, through the walk. */
static xmlNodePtr element_from(struct akn_parts *p, xmlNodePtr node)
{
	while (node && node->type != XML_ELEMENT_NODE)
		node = akn_parts_next(p, node);
	return node;
}

/* <x:walk/>: the document after its front, written aside (see walk.h);
 * then the root's components, as the article shows them last. */
static void walk_element(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst, xsltElemPreCompPtr comp)
{
	(void)node, (void)inst, (void)comp;
	struct html_flush *f;
	struct html_walk *w = walk_of(ctxt, &f);
	if (!w) {
		stop(ctxt, w, EX_SOFTWARE, "x:walk outside a walk of parts");
		return;
	}
	xmlOutputBufferPtr page = f->out;
	xmlNodePtr root = akn_parts_root(w->parts);
	xmlNodePtr document = root ? element_from(w->parts, akn_parts_first(w->parts, root)) : NULL;
	if (document)
		w->read = document->doc;
	for (xmlNodePtr c = document ? akn_parts_first(w->parts, document) : NULL; c && ctxt->state == XSLT_STATE_OK;
	     c = akn_parts_next(w->parts, c))
		walk_top(ctxt, f, w, c);
	for (xmlNodePtr c = document ? akn_parts_next(w->parts, document) : NULL; c && ctxt->state == XSLT_STATE_OK;
	     c = akn_parts_next(w->parts, c))
		if (is_akn(c, "components") && write_aside(ctxt, f, w, RANK_COMPONENTS)) {
			xmlNodePtr copy = copy_whole(w, c);
			apply(ctxt, copy, NULL, ctxt->insert);
			gather_notes(ctxt, w, copy);
			html_flush_now(f, ctxt, false);
			xmlFreeDoc(copy->doc);
		}
	html_flush_now(f, ctxt, false);
	if (akn_parts_status(w->parts) && ctxt->state == XSLT_STATE_OK)
		stop(ctxt, w, akn_parts_status(w->parts), "the document could not be read to its end");
	f->out = page;
}

/* <x:contents/>, <x:walked/>, <x:notes/>: what was written aside, in its
 * place in the page (the walked page rank by rank). */
static void copy_aside(xsltTransformContextPtr ctxt, struct aside *(*which)(struct html_walk *, int))
{
	struct html_flush *f;
	struct html_walk *w = walk_of(ctxt, &f);
	if (!w) {
		stop(ctxt, w, EX_SOFTWARE, "a part of the page asked for outside a walk of parts");
		return;
	}
	html_flush_now(f, ctxt, true);
	for (int rank = 0; rank < RANKS; rank++)
		if (which(w, rank) && aside_copy(which(w, rank), f->out) != 0)
		stop(ctxt, w, EX_IOERR, "a file written aside could not be read back");
}

static struct aside *contents_of(struct html_walk *w, int rank) { return rank ? NULL : &w->contents; }
static struct aside *walked_of(struct html_walk *w, int rank) { return &w->walked[rank]; }
static struct aside *notes_of(struct html_walk *w, int rank) { return rank ? NULL : &w->notes; }

static void contents_element(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
			     xsltElemPreCompPtr comp)
{
	(void)node, (void)inst, (void)comp;
	copy_aside(ctxt, contents_of);
}

static void walked_element(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
			   xsltElemPreCompPtr comp)
{
	(void)node, (void)inst, (void)comp;
	copy_aside(ctxt, walked_of);
}

static void notes_element(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst, xsltElemPreCompPtr comp)
{
	(void)node, (void)inst, (void)comp;
	copy_aside(ctxt, notes_of);
}

/* x:has-contents(), x:has-notes(): whether the walk gave the contents
 * text (as string($entries) != '' of the whole-tree template) and the
 * list notes. */
static void has_contents(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct html_flush *f;
	struct html_walk *w = walk_of(xsltXPathGetTransformContext(ctxt), &f);
	(void)nargs;
	valuePush(ctxt, xmlXPathNewBoolean(w && w->has_contents));
}

static void has_notes(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct html_flush *f;
	struct html_walk *w = walk_of(xsltXPathGetTransformContext(ctxt), &f);
	(void)nargs;
	valuePush(ctxt, xmlXPathNewBoolean(w && w->nnotes > 0));
}

void html_walk_register(void)
{
	static const struct {
		const char *name;
		xsltTransformFunction fn;
	} elements[] = {
		{"walk", walk_element}, {"children", children_element}, {"contents", contents_element},
		{"walked", walked_element}, {"notes", notes_element},
	};
	for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++)
		xsltRegisterExtModuleElement((const xmlChar *)elements[i].name, (const xmlChar *)HTML_FLUSH_NS,
					     NULL, elements[i].fn);
	xsltRegisterExtModuleFunction((const xmlChar *)"has-contents", (const xmlChar *)HTML_FLUSH_NS,
				      has_contents);
	xsltRegisterExtModuleFunction((const xmlChar *)"has-notes", (const xmlChar *)HTML_FLUSH_NS, has_notes);
}

xmlDocPtr html_walk_whole(struct akn_parts *parts)
{
	struct html_walk w = {.parts = parts};
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = akn_parts_root(parts);
	if (root)
		xmlDocSetRootElement(doc, copy_into(&w, root, doc));
	return doc;
}

bool html_walk_fits(xmlDocPtr front)
{
	xmlNodePtr root = front ? xmlDocGetRootElement(front) : NULL;
	if (!is_akn(root, "akomaNtoso"))
		return false;
	xmlNodePtr document = root->children;
	while (document && document->type != XML_ELEMENT_NODE)
		document = document->next;
	/* a:doc and a:statement are articles; a documentCollection's list
	 * of components looks ahead at them (a:documentRef) */
	return is_akn(document, "doc") || is_akn(document, "statement");
}

struct html_walk *html_walk_new(struct akn_parts *parts, const char *out_path)
{
	struct html_walk *w = xmalloc(sizeof *w);
	memset(w, 0, sizeof *w);
	w->parts = parts;
	w->out_path = xstrdup(out_path);
	if (aside_open(&w->contents, out_path) != 0 || aside_open(&w->notes, out_path) != 0) {
		int e = errno;
		html_walk_free(w);
		errno = e;
		return NULL;
	}
	return w;
}

int html_walk_status(const struct html_walk *w, const char **why)
{
	*why = w->why;
	return w->status;
}

void html_walk_free(struct html_walk *w)
{
	if (!w)
		return;
	for (int rank = 0; rank < RANKS; rank++)
		aside_close(&w->walked[rank]);
	aside_close(&w->contents);
	aside_close(&w->notes);
	free(w->out_path);
	free(w);
}
