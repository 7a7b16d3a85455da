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
 * that recursion per node is not worth the stack).  format: 1 while
 * indenting, 0 inside an element with text children. */
static void put_element(struct buf *out, const xmlNode *root)
{
	const xmlNode *cur = root, *unformatted = NULL;
	int level = 0, format = 1;
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

void xml_write_doc(const xmlDoc *doc, struct buf *out)
{
	buf_puts(out, "<?xml version=\"");
	buf_puts(out, doc->version ? (const char *)doc->version : "1.0");
	buf_puts(out, "\" encoding=\"UTF-8\"?>\n");
	for (const xmlNode *child = doc->children; child; child = child->next) {
		if (child->type == XML_ELEMENT_NODE)
			put_element(out, child);
		else if (child->type == XML_COMMENT_NODE && child->content) {
			buf_put(out, "<!--", 4);
			buf_puts(out, (const char *)child->content);
			buf_put(out, "-->", 3);
		} else
			continue;
		buf_putc(out, '\n');
	}
}
