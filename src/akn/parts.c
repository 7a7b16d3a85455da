/* akn/parts.c — see parts.h.  The file is read with libxml2's
 * xmlTextReader, which builds the tree as it reads and frees each node it
 * has moved past (unless the node is kept: xmlTextReaderPreserve); a part
 * is read whole with xmlTextReaderExpand. */
#include "akn/parts.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xmalloc.h"

/* A container the walk has entered, or been given and may enter. */
struct open_container {
	xmlNodePtr node;
	int depth;		/* the reader's depth of the node */
	xmlNodePtr first;	/* its first child read, or NULL */
	xmlNodePtr last;	/* the child the reader stands on (or last passed) */
	bool done;		/* the reader has passed its end */
};

struct akn_parts {
	xmlDocPtr tree;			/* a whole tree, or NULL */
	xmlTextReaderPtr reader;	/* else the file being read */
	int fd;
	xmlDocPtr front;		/* the file's front (akn_parts_front) */
	const char *name;
	struct diag *diag;
	bool failed;
	bool mixed;			/* text met directly in a container */
	struct open_container *open;	/* the path of entered containers */
	int nopen, capopen;
	void (*on_part)(void *, xmlNodePtr);
	void *ctx;
};

bool akn_parts_streams(const xmlNode *el)
{
	static const char *const names[] = {
		"akomaNtoso", "mainBody", "body", "collectionBody", "preamble",
		"attachments", "attachment", "components", "component",
		/* documents (akn/read.c's AKN_SUBDOC) */
		"doc", "statement", "act", "bill", "debateReport", "debate", "amendment",
		"judgment", "portion", "documentCollection", "officialGazette",
		/* the hierarchy (AKN_HIERARCHY) */
		"chapter", "section", "subsection", "part", "subpart", "title", "subtitle",
		"book", "tome", "division", "subdivision", "subchapter", "article", "clause",
		"subclause", "rule", "subrule", "hcontainer", "level", "transitional",
	};
	if (!el || el->type != XML_ELEMENT_NODE)
		return false;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp((const char *)el->name, names[i]))
			return true;
	return false;
}

/* Is n the indentation akn/write.c puts between elements (a text of a
 * newline and spaces)?  A text it wrote itself never starts a line: the
 * writer indents only an element holding no text. */
static bool is_indentation(const xmlNode *n)
{
	if (n->type != XML_TEXT_NODE || !n->content || n->content[0] != '\n')
		return false;
	for (const xmlChar *s = n->content; *s; s++)
		if (*s != '\n' && *s != ' ')
			return false;
	return true;
}

/* Drop the indentation under root: in every element whose children are
 * elements and indentation only (iteratively: parts nest deeply). */
static void drop_indentation(xmlNodePtr root)
{
	for (xmlNodePtr n = root; n;) {
		if (n->type == XML_ELEMENT_NODE && n->children) {
			bool element = false, formatted = true;
			for (xmlNodePtr c = n->children; c && formatted; c = c->next) {
				if (c->type == XML_ELEMENT_NODE)
					element = true;
				else if (c->type == XML_TEXT_NODE && !is_indentation(c))
					formatted = false;
			}
			if (element && formatted)
				for (xmlNodePtr c = n->children, next; c; c = next) {
					next = c->next;
					if (c->type == XML_TEXT_NODE) {
						xmlUnlinkNode(c);
						xmlFreeNode(c);
					}
				}
			if (n->children) {
				n = n->children;
				continue;
			}
		}
		while (n != root && !n->next)
			n = n->parent;
		n = n == root ? NULL : n->next;
	}
}

static struct akn_parts *parts_new(void)
{
	struct akn_parts *p = xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	return p;
}

struct akn_parts *akn_parts_tree(xmlDocPtr doc)
{
	struct akn_parts *p = parts_new();
	p->tree = doc;
	return p;
}

/* Our own file, written a moment ago: no network, no entities to expand,
 * and texts of any length (one line of 50 MB is one text). */
static const int READ_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE;

static xmlDocPtr read_front(struct akn_parts *p);

struct akn_parts *akn_parts_file(int fd, const char *name, struct diag *diag)
{
	struct akn_parts *p = parts_new();
	p->fd = fd;
	p->name = name;
	p->diag = diag;
	/* the front first: both readers read fd from its start */
	p->front = read_front(p);
	if (lseek(fd, 0, SEEK_SET) == 0)
		p->reader = xmlReaderForFd(fd, name, "UTF-8", READ_OPTIONS);
	if (!p->reader) {
		diag_error(diag, 0, "xml", "cannot read back the XML written for the editions");
		akn_parts_close(p);
		return NULL;
	}
	return p;
}

struct akn_parts *akn_parts_again(const struct akn_parts *p)
{
	return p->tree ? akn_parts_tree(p->tree) : akn_parts_file(p->fd, p->name, p->diag);
}

long long akn_parts_bytes(const struct akn_parts *p)
{
	struct stat st;
	if (p->tree || fstat(p->fd, &st) != 0)
		return 0;
	return (long long)st.st_size;
}

void akn_parts_on_part(struct akn_parts *p, void (*fn)(void *ctx, xmlNodePtr part), void *ctx)
{
	p->on_part = fn;
	p->ctx = ctx;
	if (p->tree && fn && xmlDocGetRootElement(p->tree))
		fn(ctx, xmlDocGetRootElement(p->tree));
}

/* The reader stepped (rc: its return): false, reported once, when it
 * failed. */
static bool stepped(struct akn_parts *p, int rc)
{
	if (rc >= 0)
		return true;
	if (!p->failed)
		diag_error(p->diag, 0, "xml", "the XML written for the editions could not be read back (%s)",
			   p->name);
	p->failed = true;
	return false;
}

static struct open_container *container_of(struct akn_parts *p, const xmlNode *n)
{
	for (int i = p->nopen - 1; i >= 0; i--)
		if (p->open[i].node == n)
			return &p->open[i];
	return NULL;
}

/* Make the node the reader stands on ready for the walk: a container is
 * pushed, to be entered when the walk asks for its children; any other
 * element is read whole.  The node, or NULL on a failure. */
static xmlNodePtr make_ready(struct akn_parts *p)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(p->reader);
	if (!n)
		return NULL;
	if (n->type != XML_ELEMENT_NODE)
		return n;
	if (akn_parts_streams(n)) {
		if (p->nopen == p->capopen) {
			p->capopen = p->capopen ? 2 * p->capopen : 16;
			p->open = xrealloc(p->open, sizeof *p->open * (size_t)p->capopen);
		}
		p->open[p->nopen++] = (struct open_container){
			.node = n, .depth = xmlTextReaderDepth(p->reader),
			.done = xmlTextReaderIsEmptyElement(p->reader) == 1,
		};
		return n;
	}
	if (!xmlTextReaderExpand(p->reader)) {
		stepped(p, -1);
		return NULL;
	}
	drop_indentation(n);
	if (p->on_part)
		p->on_part(p->ctx, n);
	return n;
}

/* Text directly in a container, outside any block: not AKN, and never
 * in what unpress writes.  Read part by part, the indentation around it
 * cannot be told from the text it belongs with (whole, the writer keeps
 * all of an element's spaces once one of its texts is not blank), so the
 * reading is refused (once, EX_DATAERR) rather than made different. */
static void mixed(struct akn_parts *p, const xmlNode *container)
{
	if (!p->mixed)
		diag_error(p->diag, 0, "xml", "text directly in <%s>, outside any block: not read part by part (%s)",
			   (const char *)container->name, p->name);
	p->mixed = true;
}

/* From where the reader stands (the container's start, or one of its
 * children), on to the container's next child worth a walk's while: its
 * node made ready, or NULL at the container's end. */
static xmlNodePtr read_child(struct akn_parts *p, struct open_container *c, bool from_start)
{
	int rc = from_start ? xmlTextReaderRead(p->reader) : xmlTextReaderNext(p->reader);
	for (;;) {
		if (!stepped(p, rc) || rc == 0 || xmlTextReaderDepth(p->reader) <= c->depth) {
			c->done = true;
			return NULL;
		}
		xmlNodePtr n = xmlTextReaderCurrentNode(p->reader);
		/* (blank text too, unless it is our writer's indentation:
		 * whole, " \n  " after <mainBody> keeps every space of it) */
		if (n && n->type == XML_TEXT_NODE && !is_indentation(n))
			mixed(p, c->node);
		if (n && !is_indentation(n)) {
			n = make_ready(p);
			if (!c->first)
				c->first = n;
			c->last = n;
			return n;
		}
		rc = xmlTextReaderNext(p->reader);
	}
}

/* Leave every container entered below c (the walk moved on without
 * reading them to their ends): the reader goes to the end of c's child it
 * stands in. */
static void leave_below(struct akn_parts *p, struct open_container *c)
{
	int keep = (int)(c - p->open) + 1;
	p->nopen = keep;
	while (xmlTextReaderDepth(p->reader) > c->depth + 1)
		if (!stepped(p, xmlTextReaderNext(p->reader)) || xmlTextReaderDepth(p->reader) < 0)
			break;
}

xmlNodePtr akn_parts_first(struct akn_parts *p, xmlNodePtr parent)
{
	if (!parent)
		return NULL;
	struct open_container *c = p->tree ? NULL : container_of(p, parent);
	if (!c) {
		xmlNodePtr n = parent->children;
		while (n && !p->tree && is_indentation(n))
			n = n->next;
		return n;
	}
	if (c->first || c->done)
		return c->first;
	return read_child(p, c, true);
}

xmlNodePtr akn_parts_next(struct akn_parts *p, xmlNodePtr node)
{
	if (!node)
		return NULL;
	struct open_container *c = p->tree ? NULL : container_of(p, node->parent);
	if (!c || node != c->last) {
		xmlNodePtr n = node->next;
		while (n && !p->tree && is_indentation(n))
			n = n->next;
		return n;
	}
	if (c->done)
		return NULL;
	leave_below(p, c);
	return read_child(p, c, false);
}

xmlNodePtr akn_parts_root(struct akn_parts *p)
{
	if (p->tree)
		return xmlDocGetRootElement(p->tree);
	if (p->nopen)
		return p->open[0].node;
	int rc;
	while ((rc = xmlTextReaderRead(p->reader)) == 1 &&
	       xmlTextReaderNodeType(p->reader) != XML_READER_TYPE_ELEMENT)
		;
	if (!stepped(p, rc) || rc == 0)
		return NULL;
	return make_ready(p);
}

bool akn_parts_is_top(const xmlNode *n)
{
	const xmlNode *document = n ? n->parent : NULL;
	/* the root's parent is the document node */
	if (!document || document->type != XML_ELEMENT_NODE || !document->parent ||
	    document->parent->type != XML_ELEMENT_NODE || !document->parent->parent ||
	    document->parent->parent->type != XML_DOCUMENT_NODE)
		return false;
	const xmlNode *first = document->parent->children;
	while (first && first->type != XML_ELEMENT_NODE)
		first = first->next;
	return first == document;
}

static bool is_front(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && (!strcmp((const char *)n->name, "meta") ||
					      !strcmp((const char *)n->name, "coverPage") ||
					      !strcmp((const char *)n->name, "preface"));
}

/* The front, read by a reader of its own that keeps what it reads (the
 * walk's reader frees what it passes) and stops at the first other child
 * of the document; what it read past the front is dropped. */
static xmlDocPtr read_front(struct akn_parts *p)
{
	if (lseek(p->fd, 0, SEEK_SET) != 0)
		return NULL;
	xmlTextReaderPtr r = xmlReaderForFd(p->fd, p->name, "UTF-8", READ_OPTIONS);
	if (!r)
		return NULL;
	xmlNodePtr last = NULL;
	int rc = xmlTextReaderRead(r);
	while (rc == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || xmlTextReaderDepth(r) != 2) {
			rc = xmlTextReaderRead(r);
			continue;
		}
		xmlNodePtr n = xmlTextReaderCurrentNode(r);
		if (!n || !is_front(n) || !xmlTextReaderExpand(r))
			break;
		xmlTextReaderPreserve(r);
		last = n;
		rc = xmlTextReaderNext(r);
	}
	xmlDocPtr doc = xmlTextReaderCurrentDoc(r);
	xmlFreeTextReader(r);
	if (!doc)
		return NULL;
	/* what the parser had read beyond the front */
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr document = root ? root->children : NULL;
	while (document && document->type != XML_ELEMENT_NODE)
		document = document->next;
	for (xmlNodePtr n = last ? last->next : document ? document->children : NULL, next; n; n = next) {
		next = n->next;
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
	if (document)
		for (xmlNodePtr n = document->next, next; n; n = next) {
			next = n->next;
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
	if (root)
		drop_indentation(root);
	return doc;
}

xmlDocPtr akn_parts_front(struct akn_parts *p)
{
	if (p->tree)
		return p->tree;
	if (!p->front)
		p->front = read_front(p);
	if (!p->front)
		p->front = xmlNewDoc(BAD_CAST "1.0");
	return p->front;
}

bool akn_parts_whole(const struct akn_parts *p)
{
	return p->tree != NULL;
}

int akn_parts_status(const struct akn_parts *p)
{
	return p->failed ? EX_SOFTWARE : p->mixed ? EX_DATAERR : 0;
}

int akn_parts_close(struct akn_parts *p)
{
	if (!p)
		return 0;
	int status = akn_parts_status(p);
	if (p->reader)
		xmlFreeTextReader(p->reader);
	if (p->front)
		xmlFreeDoc(p->front);
	free(p->open);
	free(p);
	return status;
}

xmlDocPtr akn_parts_load_whole(int fd, const char *name, struct diag *diag)
{
	if (lseek(fd, 0, SEEK_SET) != 0) {
		diag_error(diag, 0, "xml", "cannot read back the XML written for the editions");
		return NULL;
	}
	xmlDocPtr doc = xmlReadFd(fd, name, "UTF-8", READ_OPTIONS);
	if (!doc) {
		diag_error(diag, 0, "xml", "the XML written for the editions could not be read back (%s)", name);
		return NULL;
	}
	drop_indentation(xmlDocGetRootElement(doc));
	return doc;
}
