/* akn/write.h — an XML tree as UTF-8 text, byte for byte what libxml2's
 * xmlSaveDoc writes with XML_SAVE_FORMAT, only faster (see akn/write.c). */
#ifndef UNPRESS_XML_WRITE_H
#define UNPRESS_XML_WRITE_H
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>

#include "util/buf.h"

/* Append the whole document (declaration, root, final newline) to out. */
void xml_write_doc(const xmlDoc *doc, struct buf *out);

/* The same bytes written while the tree is built: finished parts go to
 * the file and leave the tree (akn_build_streamed).  Spoiled when asked
 * for what xml_write_doc would write otherwise (text in an element it
 * had to open as one that indents, an element opened out of order): the
 * file is then not the document and must be written again from a whole
 * tree. */
enum { XML_STREAM_DEPTH = 256 };
struct xml_stream {
	FILE *out;
	struct buf text;			/* written, not yet in out */
	const xmlNode *open[XML_STREAM_DEPTH];	/* start tag written, end tag not */
	int depth;
	bool spoiled, failed;			/* failed: a write to out failed */
	/* called on each subtree (an element opened: all of it) before it
	 * is written, when set; what it returns is summed in prepared */
	size_t (*prepare)(xmlNodePtr);
	size_t prepared;
};

/* Start a stream into out (nothing written yet). */
void xml_stream_begin(struct xml_stream *s, FILE *out, size_t (*prepare)(xmlNodePtr));
/* Write every child of parent (an element of doc's tree) before child,
 * one of its children, and free them, writing first what precedes them.
 * Whatever is written must be final.  False when the stream is spoiled. */
bool xml_stream_write_before(struct xml_stream *s, xmlNodePtr parent, xmlNodePtr child);
/* Whether el's start tag is written (el may then not change). */
bool xml_stream_is_open(const struct xml_stream *s, const xmlNode *el);
/* Write the rest of doc; 0, -1 spoiled, -2 a write failed. */
int xml_stream_end(struct xml_stream *s, const xmlDoc *doc);
#endif
