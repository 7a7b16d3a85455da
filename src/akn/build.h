/* akn/build.h — the normalised document as an Akoma Ntoso 3.0 tree (AKN4UN
 * conventions; templates/AKN.md describes exactly what we emit). */
#ifndef UNPRESS_AKN_BUILD_H
#define UNPRESS_AKN_BUILD_H
#include <libxml/tree.h>
#include "akn/ns.h"
#include "doc/document.h"

xmlDocPtr akn_build(struct document *doc);

/* akn_build writing as it goes: each finished part of the body is written
 * to out and freed from the tree, which then holds only what is left to
 * write (xml_stream_end writes it).  A long body is never whole in
 * memory.  out spoiled: the tree is not the document; build it again
 * with akn_build. */
struct xml_stream;
xmlDocPtr akn_build_streamed(struct document *doc, struct xml_stream *out);

#endif
