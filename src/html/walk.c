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

/* The contents entry of a unit being walked (x:unit): its link, made from
 * its heading, and its parts' entries as they come; put together when
 * the unit ends, as the toc mode makes it of a whole unit. */
struct toc_frame {
	bool li;		/* the unit has an entry of its own (else its parts' stand for it) */
	bool mute;		/* nothing of it is listed (an annex inside an annex) */
	bool text;		/* the parts' entries hold text */
	bool head_text;
	xmlBufferPtr head, kids;
};

struct html_walk {
	struct akn_parts *parts;
	char *out_path;		/* the page's (the files aside go beside it) */
	xmlDocPtr read;		/* the document the parts are read into */
	struct aside walked[RANKS], contents, notes;
	bool has_contents;	/* the entries hold text (the list is shown) */
	size_t nnotes;
	bool rendered;		/* a child of the document after the front was met */
	bool walk_ran;		/* x:walk ran */
	xmlNodePtr entering;	/* the unit whose template is applied to walk in it */
	struct toc_frame *frames;	/* the units of the body being walked, outermost first */
	int nframes, frames_cap;
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
 * made to out.  Returns whether it holds text (its string value is not
 * empty); *made, whether it made anything. */
static bool apply_to(xsltTransformContextPtr ctxt, xmlNodePtr node, const char *mode, xmlOutputBufferPtr out,
		     bool *made)
{
	xmlNodePtr holder = xmlNewDocNode(ctxt->output, NULL, (const xmlChar *)"aside", NULL);
	apply(ctxt, node, mode, holder);
	for (xmlNodePtr c = holder->children; c; c = c->next)
		htmlNodeDumpFormatOutput(out, ctxt->output, c, "UTF-8", 0);
	if (made)
		*made = holder->children != NULL;
	xmlChar *content = holder->children ? xmlNodeGetContent(holder) : NULL;
	bool text = content && *content;
	xmlFree(content);
	xmlFreeNode(holder);
	return text;
}

static bool apply_aside(xsltTransformContextPtr ctxt, xmlNodePtr node, const char *mode, struct aside *a)
{
	return apply_to(ctxt, node, mode, a->out, NULL);
}

/* The same into a buffer. */
static bool apply_into(xsltTransformContextPtr ctxt, xmlNodePtr node, const char *mode, xmlBufferPtr into,
		       bool *made)
{
	xmlOutputBufferPtr out = xmlOutputBufferCreateBuffer(into, NULL);
	bool text = apply_to(ctxt, node, mode, out, made);
	xmlOutputBufferClose(out);
	return text;
}

/* The contents entries of part (mode toc): to the unit being walked, or,
 * at the body's top, to the contents list. */
static void toc_of_part(xsltTransformContextPtr ctxt, struct html_walk *w, xmlNodePtr part)
{
	if (w->nframes) {
		struct toc_frame *fr = &w->frames[w->nframes - 1];
		if (!fr->mute && apply_into(ctxt, part, "toc", fr->kids, NULL))
			fr->text = true;
	} else if (apply_aside(ctxt, part, "toc", &w->contents))
		w->has_contents = true;
}

/* A unit of the body is entered: its entry's link, from shell (the unit
 * holding its number and heading). */
static void toc_enter(xsltTransformContextPtr ctxt, struct html_walk *w, xmlNodePtr shell, bool mute)
{
	if (w->nframes == w->frames_cap) {
		w->frames_cap = w->frames_cap ? 2 * w->frames_cap : 8;
		w->frames = xrealloc(w->frames, sizeof *w->frames * (size_t)w->frames_cap);
	}
	struct toc_frame *fr = &w->frames[w->nframes++];
	memset(fr, 0, sizeof *fr);
	fr->head = xmlBufferCreate();
	fr->kids = xmlBufferCreate();
	fr->mute = mute;
	if (!mute)
		fr->head_text = apply_into(ctxt, shell, "toc-head", fr->head, &fr->li);
}

/* The unit ends: its entry, <li> + link + <ol> of its parts' entries
 * when they hold text + </li> (a unit without one: its parts' entries),
 * to the unit around it or the contents list. */
static void toc_leave(struct html_walk *w)
{
	struct toc_frame *fr = &w->frames[--w->nframes];
	xmlBufferPtr entry = xmlBufferCreate();
	bool text = fr->text;
	if (fr->mute)
		xmlBufferEmpty(fr->kids);
	if (fr->li) {
		xmlBufferCCat(entry, "<li>");
		xmlBufferAdd(entry, xmlBufferContent(fr->head), (int)xmlBufferLength(fr->head));
		if (fr->text) {
			xmlBufferCCat(entry, "<ol>");
			xmlBufferAdd(entry, xmlBufferContent(fr->kids), (int)xmlBufferLength(fr->kids));
			xmlBufferCCat(entry, "</ol>");
		}
		xmlBufferCCat(entry, "</li>");
		text = fr->head_text || fr->text;
	} else
		xmlBufferAdd(entry, xmlBufferContent(fr->kids), (int)xmlBufferLength(fr->kids));
	if (fr->mute) {
		/* (listed nowhere) */
	} else if (w->nframes) {
		struct toc_frame *up = &w->frames[w->nframes - 1];
		xmlBufferAdd(up->kids, xmlBufferContent(entry), (int)xmlBufferLength(entry));
		up->text = up->text || text;
	} else {
		xmlOutputBufferWrite(w->contents.out, (int)xmlBufferLength(entry), (const char *)xmlBufferContent(entry));
		w->has_contents = w->has_contents || text;
	}
	xmlBufferFree(entry);
	xmlBufferFree(fr->head);
	xmlBufferFree(fr->kids);
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

/* A copy of node (deep: read whole through the walk; else its name and
 * attributes alone), under shallow copies of its ancestors (their names
 * and attributes: what the templates ask of them) in a document of its
 * own, which the caller frees. */
static xmlNodePtr copy_under_ancestors(struct html_walk *w, xmlNodePtr node, bool deep)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr chain = NULL;
	for (xmlNodePtr a = node->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
		xmlNodePtr copy = xmlDocCopyNode(a, doc, 2);
		if (chain)
			xmlAddChild(copy, chain);
		chain = copy;
	}
	xmlNodePtr copy = deep ? copy_into(w, node, doc) : xmlDocCopyNode(node, doc, 2);
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

static xmlNodePtr copy_whole(struct html_walk *w, xmlNodePtr node)
{
	return copy_under_ancestors(w, node, true);
}

/* Render part (a node of the walk, or a copy), and when it is a part of
 * the body give its entries of the contents; its notes to the list. */
static void render_part(xsltTransformContextPtr ctxt, struct html_flush *f, struct html_walk *w, xmlNodePtr part,
			bool body)
{
	apply(ctxt, part, NULL, ctxt->insert);
	if (body)
		toc_of_part(ctxt, w, part);
	gather_notes(ctxt, w, part);
	html_flush_now(f, ctxt, false);
}

/* The hierarchy's units the templates walk part by part (x:unit): a:chapter
 * and the others of its template; a container of another name is copied
 * whole to be rendered. */
static bool is_unit(const xmlNode *n)
{
	static const char *const names[] = {"chapter", "section", "subsection", "hcontainer", "part", "title",
					    "article"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (is_akn(n, names[i]))
			return true;
	return false;
}

/* One child c of a container being walked: a unit rendered as it is read
 * (its template walks in it), another container copied whole, anything
 * else as it is; body: a part of the body (its contents entries). */
static void walk_child(xsltTransformContextPtr ctxt, struct html_flush *f, struct html_walk *w, xmlNodePtr c,
		       bool body)
{
	if (c->type == XML_ELEMENT_NODE && akn_parts_streams(c) && is_unit(c)) {
		w->entering = c;
		apply(ctxt, c, NULL, ctxt->insert);
		html_flush_now(f, ctxt, false);
	} else if (c->type == XML_ELEMENT_NODE && akn_parts_streams(c)) {
		xmlNodePtr copy = copy_whole(w, c);
		render_part(ctxt, f, w, copy, body);
		xmlFreeDoc(copy->doc);
	} else
		render_part(ctxt, f, w, c, body && c->type == XML_ELEMENT_NODE);
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
	     c = akn_parts_next(w->parts, c))
		walk_child(ctxt, f, w, c, body);
}

static bool is_unit_heading(const xmlNode *n)
{
	return is_akn(n, "num") || is_akn(n, "heading");
}

/* <x:unit/>: a unit of the hierarchy (its template), part by part: its
 * leading number and heading read into a shell of it (with its
 * ancestors, as copy_whole makes them) whose heading the unit-heading
 * mode makes, then each other child as the walk reads it.  A number or
 * a heading after the unit's text (not the schema's order) would belong
 * in the heading made already: the walk stops.  In a copy, or inside a
 * part read whole: the heading, then the children, as the whole-tree
 * template does. */
static void unit_element(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst, xsltElemPreCompPtr comp)
{
	(void)inst, (void)comp;
	struct html_flush *f;
	struct html_walk *w = walk_of(ctxt, &f);
	if (!w) {
		stop(ctxt, w, EX_SOFTWARE, "x:unit outside a walk of parts");
		return;
	}
	if (node != w->entering) {
		/* a copy, or a unit inside a part read whole */
		apply(ctxt, node, "unit-heading", ctxt->insert);
		for (xmlNodePtr c = node->children; c && ctxt->state == XSLT_STATE_OK; c = c->next)
			if (c->type == XML_ELEMENT_NODE && !is_unit_heading(c))
				apply(ctxt, c, NULL, ctxt->insert);
		return;
	}
	w->entering = NULL;
	bool body = w->nframes > 0 || is_akn(node->parent, "mainBody") || is_akn(node->parent, "body");
	xmlNodePtr shell = copy_under_ancestors(w, node, false), c = akn_parts_first(w->parts, node);
	for (; c && (c->type != XML_ELEMENT_NODE || is_unit_heading(c)); c = akn_parts_next(w->parts, c))
		if (c->type == XML_ELEMENT_NODE)
			xmlAddChild(shell, xmlDocCopyNode(c, shell->doc, 1));
	apply(ctxt, shell, "unit-heading", ctxt->insert);
	gather_notes(ctxt, w, shell);
	if (body)
		toc_enter(ctxt, w, shell, false);
	xmlFreeDoc(shell->doc);
	html_flush_now(f, ctxt, false);
	for (; c && ctxt->state == XSLT_STATE_OK; c = akn_parts_next(w->parts, c)) {
		if (is_unit_heading(c)) {
			stop(ctxt, w, EX_DATAERR, "a number or heading after the text of its part (not in the "
			     "schema's order): the page cannot be made part by part");
			break;
		}
		if (c->type == XML_ELEMENT_NODE)
			walk_child(ctxt, f, w, c, body);
	}
	if (body)
		toc_leave(w);
}

static bool is_front_part(const xmlNode *n)
{
	return is_akn(n, "meta") || is_akn(n, "coverPage") || is_akn(n, "preface");
}

static void walk_attachments(xsltTransformContextPtr ctxt, struct html_flush *f, struct html_walk *w,
			     xmlNodePtr attachments);

/* The notes of a part the page does not show (they are listed all the
 * same), read whole. */
static void notes_only(xsltTransformContextPtr ctxt, struct html_walk *w, xmlNodePtr c)
{
	if (c->type != XML_ELEMENT_NODE)
		return;
	xmlNodePtr part = akn_parts_streams(c) ? copy_whole(w, c) : c;
	gather_notes(ctxt, w, part);
	if (part != c)
		xmlFreeDoc(part->doc);
}

/* A document of an attachment being walked (the part mode's template, as
 * it reads): its leading meta, cover and preface read into a shell of it
 * whose heading the part-head mode makes, then its preamble, body,
 * conclusions and attachments as the walk reads them (the template
 * shows no other part: their notes are listed).  The attachment's
 * contents entry opens with the first document's heading (*framed);
 * listed: the attachment is one of the document's own (an annex of an
 * annex is in no contents list). */
static void walk_subdoc(xsltTransformContextPtr ctxt, struct html_flush *f, struct html_walk *w, xmlNodePtr doc,
			bool *framed, bool listed)
{
	xmlNodePtr shell = copy_under_ancestors(w, doc, false), c = akn_parts_first(w->parts, doc);
	for (; c && (c->type != XML_ELEMENT_NODE || is_front_part(c)); c = akn_parts_next(w->parts, c))
		if (c->type == XML_ELEMENT_NODE)
			xmlAddChild(shell, xmlDocCopyNode(c, shell->doc, 1));
	apply(ctxt, shell, "part-head", ctxt->insert);
	gather_notes(ctxt, w, shell);
	if (!*framed) {
		toc_enter(ctxt, w, shell->parent, !listed);
		/* an annex without a number or title is not listed, nor
		 * anything in it */
		struct toc_frame *fr = &w->frames[w->nframes - 1];
		fr->mute = fr->mute || !fr->li;
	}
	*framed = true;
	xmlFreeDoc(shell->doc);
	html_flush_now(f, ctxt, false);
	for (; c && ctxt->state == XSLT_STATE_OK; c = akn_parts_next(w->parts, c)) {
		if (is_front_part(c)) {
			stop(ctxt, w, EX_DATAERR, "an annex's cover or preface after its body (not in the schema's "
			     "order): the page cannot be made part by part");
			break;
		}
		bool streams = c->type == XML_ELEMENT_NODE && akn_parts_streams(c);
		if (streams && (is_akn(c, "preamble") || is_akn(c, "mainBody") || is_akn(c, "body"))) {
			apply(ctxt, c, NULL, ctxt->insert);	/* (x:children walks in it) */
			html_flush_now(f, ctxt, false);
		} else if (streams && is_akn(c, "attachments"))
			walk_attachments(ctxt, f, w, c);
		else if (is_akn(c, "conclusions"))
			render_part(ctxt, f, w, c, false);
		else
			notes_only(ctxt, w, c);
	}
}

/* <x:part/>: an attachment (or component) part by part: each of its
 * documents walked (walk_subdoc), its contents entry put together as it
 * goes.  In a copy, or inside a part read whole: the part mode's
 * templates, as the whole-tree template applies them. */
static void part_element(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst, xsltElemPreCompPtr comp)
{
	(void)inst, (void)comp;
	struct html_flush *f;
	struct html_walk *w = walk_of(ctxt, &f);
	if (!w) {
		stop(ctxt, w, EX_SOFTWARE, "x:part outside a walk of parts");
		return;
	}
	if (node != w->entering) {
		for (xmlNodePtr c = node->children; c && ctxt->state == XSLT_STATE_OK; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				apply(ctxt, c, "part", ctxt->insert);
		return;
	}
	w->entering = NULL;
	bool listed = w->nframes == 0 && is_akn(node, "attachment") && is_akn(node->parent, "attachments") &&
		      akn_parts_is_top(node->parent);
	bool framed = false;
	for (xmlNodePtr c = akn_parts_first(w->parts, node); c && ctxt->state == XSLT_STATE_OK;
	     c = akn_parts_next(w->parts, c)) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (akn_parts_streams(c) && (is_akn(c, "doc") || is_akn(c, "statement"))) {
			walk_subdoc(ctxt, f, w, c, &framed, listed);
			continue;
		}
		xmlNodePtr part = akn_parts_streams(c) ? copy_whole(w, c) : c;
		apply(ctxt, part, "part", ctxt->insert);
		gather_notes(ctxt, w, part);
		html_flush_now(f, ctxt, false);
		if (part != c)
			xmlFreeDoc(part->doc);
	}
	if (framed)
		toc_leave(w);
}

/* An a:attachments (or a:components) being walked: each attachment as it
 * is read, its template walking in it (the template of a:attachments
 * only applies theirs: other children are not shown, their notes are
 * listed). */
static void walk_attachments(xsltTransformContextPtr ctxt, struct html_flush *f, struct html_walk *w,
			     xmlNodePtr attachments)
{
	for (xmlNodePtr c = akn_parts_first(w->parts, attachments); c && ctxt->state == XSLT_STATE_OK;
	     c = akn_parts_next(w->parts, c)) {
		if (c->type == XML_ELEMENT_NODE && akn_parts_streams(c) &&
		    (is_akn(c, "attachment") || is_akn(c, "component"))) {
			w->entering = c;
			apply(ctxt, c, NULL, ctxt->insert);
			html_flush_now(f, ctxt, false);
		} else
			notes_only(ctxt, w, c);
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
	if (rank == RANK_ANNEXES && streams) {
		walk_attachments(ctxt, f, w, c);
		html_flush_now(f, ctxt, false);
		return;
	}
	if (rank == RANK_PREAMBLE || (rank == RANK_BODY && streams && !is_akn(c, "collectionBody"))) {
		/* a:preamble, a:mainBody, a:body: <x:children/> walks in them */
		apply(ctxt, c, NULL, ctxt->insert);
		html_flush_now(f, ctxt, false);
		return;
	}
	xmlNodePtr part = streams ? copy_whole(w, c) : c;
	if (rank != RANK_NONE)
		apply(ctxt, part, NULL, ctxt->insert);
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
	if (w->walk_ran) {
		/* a document inside a part of the document (AKN allows one in
		 * a subFlow; unpress never writes it): the page's contents and
		 * notes are the walk's, made once */
		stop(ctxt, w, EX_DATAERR, "a document inside a part of the document: the page cannot be made part "
		     "by part");
		return;
	}
	w->walk_ran = true;
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
		{"walk", walk_element}, {"children", children_element}, {"unit", unit_element}, {"part", part_element},
		{"contents", contents_element},
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
	while (w->nframes) {
		struct toc_frame *fr = &w->frames[--w->nframes];
		xmlBufferFree(fr->head);
		xmlBufferFree(fr->kids);
	}
	free(w->frames);
	free(w->out_path);
	free(w);
}
