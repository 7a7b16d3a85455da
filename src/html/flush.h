/* html/flush.h — the page written as the transform makes it (issue 14):
 * a stylesheet's <x:flush/> (namespace HTML_FLUSH_NS, an extension
 * element) writes every part of the result tree that is complete at that
 * point and frees it, so that the result tree is never whole: what stays
 * is the chain of elements the transform is still filling, whose start
 * tags are written and whose end tags wait.  Each node is written by
 * libxml2's own HTML serializer, as xsltSaveResultTo would write the whole
 * tree (the same bytes; tests/html/t_parts.sh compares them).
 *
 * Use: html_flush_register() once before the stylesheet is compiled;
 * html_flush_begin() on an output buffer and the transform context
 * (ctxt->_private) before the transform; html_flush_end() with the result
 * after it. */
#ifndef UNPRESS_HTML_FLUSH_H
#define UNPRESS_HTML_FLUSH_H

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>
#include <stdbool.h>

#define HTML_FLUSH_NS "https://unpress.example/ns/flush"

struct html_flush {
	xmlOutputBufferPtr out;	/* where the page goes */
	xsltStylesheetPtr style;	/* for the output method's encoding */
	xmlDocPtr result;	/* the result document, from the first flush on */
	/* the elements whose start tags are written, outermost first: the
	 * first nopen of the chain from the result's root down to where the
	 * transform inserts; every child they still hold is unwritten */
	xmlNodePtr *open;
	char **end_tags;	/* each one's end tag, as the serializer writes it */
	size_t nopen, cap;
	struct html_walk *walk;	/* a part-by-part render's walk (html/walk.h), or NULL */
};

struct html_walk;

/* Make <x:flush/> known to every stylesheet compiled after this call. */
void html_flush_register(void);

/* Start writing a page to out through ctxt (which it marks as this
 * page's, through ctxt->_private). */
void html_flush_begin(struct html_flush *f, xmlOutputBufferPtr out, xsltTransformContextPtr ctxt);

/* What <x:flush/> does, for the walk's elements: write what is complete
 * where ctxt inserts (nothing when it inserts outside the result); with
 * open_insert, write the start tag of the element it inserts into even
 * when it holds nothing yet (the caller writes its content itself). */
void html_flush_now(struct html_flush *f, xsltTransformContextPtr ctxt, bool open_insert);

/* Write what is left of result: the whole page when nothing was flushed
 * (xsltSaveResultTo), else the rest of the chain and the end tags.
 * Returns 0, or -1 when the output buffer failed.  Frees f's own memory,
 * never result.  result NULL: the transform failed, nothing more is
 * written. */
int html_flush_end(struct html_flush *f, xmlDocPtr result);

#endif
