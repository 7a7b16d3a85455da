/* akn/write.c — serialise an XML tree as libxml2's xmlSaveDoc would.
 *
 * Why not xmlSaveDoc itself: it escapes text one character at a time
 * through an encoding layer and writes in 4 KiB pieces; on a long report
 * it cost more than cmark-gfm's whole parse.  This writer produces the
 * same bytes (UTF-8, XML_SAVE_FORMAT: two-space indentation, except inside
 * an element that holds text, where every space is significant) with a
 * span-at-a-time escape into one buffer.  tests/core/t_xml_writer.sh
 * proves the bytes identical to libxml2's on every document we make
 * (UNPRESS_XML_WRITER=libxml2 selects libxml2's serialiser for it). */
#include "akn/write.h"

#include <string.h>

/* bytes that need escaping: in text < > & and CR; in attribute values
 * also " and the whitespace that attribute normalisation would eat.
 * strcspn finds the next one many bytes at a time. */
static const char text_specials[] = "<>&\r", attr_specials[] = "<>&\r\"\n\t";

static void put_escaped(struct buf *out, const char *s, const char *specials)
{
	for (;;) {
		size_t run = strcspn(s, specials);
		if (run)
			buf_put(out, s, run);
		s += run;
		switch (*s) {
		case '\0': return;
		case '<': buf_put(out, "&lt;", 4); break;
		case '>': buf_put(out, "&gt;", 4); break;
		case '&': buf_put(out, "&amp;", 5); break;
		case '"': buf_put(out, "&quot;", 6); break;
		case '\r': buf_put(out, "&#13;", 5); break;
		case '\n': buf_put(out, "&#10;", 5); break;
		case '\t': buf_put(out, "&#9;", 4); break;
		}
		s++;
	}
}

static void put_name(struct buf *out, const xmlNode *node)
{
	if (node->ns && node->ns->prefix) {
		buf_puts(out, (const char *)node->ns->prefix);
		buf_putc(out, ':');
	}
	buf_puts(out, (const char *)node->name);
}

static void put_indent(struct buf *out, int level)
{
	static const char spaces[] = "                                        "
				     "                                        "
				     "                                        ";
	/* libxml2 stops indenting deeper than 60 levels */
	if (level > 60)
		level = 60;
	buf_put(out, spaces, (size_t)level * 2);
}

static void put_start_tag(struct buf *out, const xmlNode *el)
{
	buf_putc(out, '<');
	put_name(out, el);
	for (const xmlNs *ns = el->nsDef; ns; ns = ns->next) {
		buf_puts(out, ns->prefix ? " xmlns:" : " xmlns");
		if (ns->prefix)
			buf_puts(out, (const char *)ns->prefix);
		buf_put(out, "=\"", 2);
		buf_puts(out, (const char *)ns->href);
		buf_putc(out, '"');
	}
	for (const xmlAttr *a = el->properties; a; a = a->next) {
		buf_putc(out, ' ');
		put_name(out, (const xmlNode *)a);
		buf_put(out, "=\"", 2);
		for (const xmlNode *t = a->children; t; t = t->next)
			if (t->type == XML_TEXT_NODE && t->content)
				put_escaped(out, (const char *)t->content, attr_specials);
		buf_putc(out, '"');
	}
}

/* One element and its subtree, iteratively (documents nest deeply enough
 * that recursion per node is not worth the stack), the element standing
 * at depth base (0: the root; its indentation is the caller's).  format:
 * 1 while indenting, 0 inside an element with text children. */
static void put_element(struct buf *out, const xmlNode *root, int base)
{
	const xmlNode *cur = root, *unformatted = NULL;
	int level = base, format = 1;
	for (;;) {
		switch (cur->type) {
		case XML_ELEMENT_NODE:
			if (cur != root && format)
				put_indent(out, level);
			put_start_tag(out, cur);
			if (!cur->children) {
				buf_put(out, "/>", 2);
				break;
			}
			if (format)
				for (const xmlNode *c = cur->children; c; c = c->next)
					if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE ||
					    c->type == XML_ENTITY_REF_NODE) {
						format = 0;
						unformatted = cur;
						break;
					}
			buf_putc(out, '>');
			if (format)
				buf_putc(out, '\n');
			level++;
			cur = cur->children;
			continue;
		case XML_TEXT_NODE:
			if (cur->content)
				put_escaped(out, (const char *)cur->content, text_specials);
			break;
		case XML_COMMENT_NODE:
			if (cur->content) {
				buf_put(out, "<!--", 4);
				buf_puts(out, (const char *)cur->content);
				buf_put(out, "-->", 3);
			}
			break;
		default:
			break;
		}
		/* climb: close every element whose last child this was */
		for (;;) {
			if (cur == root)
				return;
			if (format)
				buf_putc(out, '\n');
			if (cur->next) {
				cur = cur->next;
				break;
			}
			cur = cur->parent;
			if (level > 0)
				level--;
			if (format)
				put_indent(out, level);
			buf_put(out, "</", 2);
			put_name(out, cur);
			buf_putc(out, '>');
			if (cur == unformatted) {
				format = 1;
				unformatted = NULL;
			}
		}
	}
}

static void put_declaration(struct buf *out, const xmlDoc *doc)
{
	buf_puts(out, "<?xml version=\"");
	buf_puts(out, doc->version ? (const char *)doc->version : "1.0");
	buf_puts(out, "\" encoding=\"UTF-8\"?>\n");
}

/* One child of the document node (the root element, a comment) and the
 * newline after it; other kinds are not written. */
static void put_top(struct buf *out, const xmlNode *child)
{
	if (child->type == XML_ELEMENT_NODE)
		put_element(out, child, 0);
	else if (child->type == XML_COMMENT_NODE && child->content) {
		buf_put(out, "<!--", 4);
		buf_puts(out, (const char *)child->content);
		buf_put(out, "-->", 3);
	} else
		return;
	buf_putc(out, '\n');
}

void xml_write_doc(const xmlDoc *doc, struct buf *out)
{
	put_declaration(out, doc);
	for (const xmlNode *child = doc->children; child; child = child->next)
		put_top(out, child);
}

/* --- the same bytes, written while the tree is still being built --------
 *
 * The stream keeps the chain of elements whose start tag it has written
 * (open[0] the root, open[k] at depth k).  Such an element is written as
 * one that indents its children (it must hold no text: checked as it is
 * opened, as each child is written and as it is closed; anything else
 * spoils the stream).  What it writes of a parent's children it unlinks
 * and frees, so a long body is never whole in memory, nor its text. */

enum { STREAM_PENDING = 64 * 1024 };	/* bytes gathered before a write */

static bool holds_text(const xmlNode *el)
{
	for (const xmlNode *c = el->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE || c->type == XML_ENTITY_REF_NODE)
			return true;
	return false;
}

static int depth_of(const xmlNode *n)
{
	int d = 0;
	for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
		d++;
	return d;
}

static void stream_spill(struct xml_stream *s, bool all)
{
	if (s->text.len && (all || s->text.len >= STREAM_PENDING)) {
		if (fwrite(s->text.data, 1, s->text.len, s->out) != s->text.len)
			s->failed = true;
		s->text.len = 0;
	}
}

void xml_stream_begin(struct xml_stream *s, FILE *out, size_t (*prepare)(xmlNodePtr))
{
	memset(s, 0, sizeof *s);
	s->out = out;
	s->prepare = prepare;
}

static void stream_child(struct xml_stream *s, const xmlNode *c, int level);

/* Write the rest of open[level] (its start tag written), its end tag. */
static void stream_finish(struct xml_stream *s, int level)
{
	const xmlNode *el = s->open[level];
	if (holds_text(el))
		s->spoiled = true;
	for (const xmlNode *c = el->children; c && !s->spoiled; c = c->next)
		stream_child(s, c, level + 1);
	put_indent(&s->text, level);
	buf_put(&s->text, "</", 2);
	put_name(&s->text, el);
	buf_putc(&s->text, '>');
	s->depth = level;
}

/* One child at depth level of an element that indents: whole, or, when
 * it is open, what is left of it; the newline after it. */
static void stream_child(struct xml_stream *s, const xmlNode *c, int level)
{
	if (c->type == XML_ELEMENT_NODE && s->depth > level && s->open[level] == c)
		stream_finish(s, level);
	else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE || c->type == XML_ENTITY_REF_NODE)
		s->spoiled = true;
	else {
		if (c->type == XML_ELEMENT_NODE)
			put_indent(&s->text, level);
		put_element(&s->text, c, level);
	}
	buf_putc(&s->text, '\n');
}

static bool stream_open(struct xml_stream *s, xmlNodePtr el);

/* Write and free the children of the open element parent before stop. */
static void stream_before(struct xml_stream *s, xmlNodePtr parent, xmlNodePtr stop)
{
	int level = depth_of(parent) + 1;
	for (xmlNodePtr c = parent->children, next; c && c != stop && !s->spoiled; c = next) {
		next = c->next;
		if (s->prepare && !xml_stream_is_open(s, c))
			s->prepared += s->prepare(c);
		stream_child(s, c, level);
		xmlUnlinkNode(c);
		xmlFreeNode(c);
		stream_spill(s, false);
	}
}

/* Write el's start tag, and first whatever comes before it: its parent's
 * start tag and earlier children (written and freed). */
static bool stream_open(struct xml_stream *s, xmlNodePtr el)
{
	int level = depth_of(el);
	if (s->spoiled || el->type != XML_ELEMENT_NODE || level >= XML_STREAM_DEPTH)
		return s->spoiled = true, false;
	if (s->depth > level && s->open[level] == el)
		return true;
	if (level == 0) {
		/* the root: nothing may come before it, nothing be open */
		if (el->prev || s->depth || !el->doc)
			return s->spoiled = true, false;
		put_declaration(&s->text, el->doc);
	} else {
		if (!stream_open(s, el->parent))
			return false;
		stream_before(s, el->parent, el);
		if (s->spoiled)
			return false;
		put_indent(&s->text, level);
	}
	if (holds_text(el))
		return s->spoiled = true, false;
	if (s->prepare)
		s->prepared += s->prepare(el);
	put_start_tag(&s->text, el);
	buf_put(&s->text, ">\n", 2);
	s->open[level] = el;
	s->depth = level + 1;
	return true;
}

bool xml_stream_write_before(struct xml_stream *s, xmlNodePtr parent, xmlNodePtr child)
{
	if (!child || child->parent != parent || !stream_open(s, parent))
		return false;
	stream_before(s, parent, child);
	return !s->spoiled;
}

bool xml_stream_is_open(const struct xml_stream *s, const xmlNode *el)
{
	for (int k = 0; k < s->depth; k++)
		if (s->open[k] == el)
			return true;
	return false;
}

int xml_stream_end(struct xml_stream *s, const xmlDoc *doc)
{
	if (!doc || s->spoiled) {
		buf_free(&s->text);
		return -1;
	}
	const xmlNode *child = doc->children;
	if (!s->depth)
		put_declaration(&s->text, doc);
	else {
		/* the root was opened: finish it, then what follows it */
		stream_finish(s, 0);
		buf_putc(&s->text, '\n');
		child = s->open[0]->next;
	}
	for (; child && !s->spoiled; child = child->next)
		put_top(&s->text, child);
	stream_spill(s, true);
	buf_free(&s->text);
	return s->spoiled ? -1 : s->failed ? -2 : 0;
}
