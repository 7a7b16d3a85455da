/* akn/write.h — an XML tree as UTF-8 text, byte for byte what libxml2's
 * xmlSaveDoc writes with XML_SAVE_FORMAT, only faster (see akn/write.c). */
#ifndef UNPRESS_XML_WRITE_H
#define UNPRESS_XML_WRITE_H
#include <libxml/tree.h>

#include "util/buf.h"

/* Append the whole document (declaration, root, final newline) to out. */
void xml_write_doc(const xmlDoc *doc, struct buf *out);
#endif
