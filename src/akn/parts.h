/* akn/parts.h — an AKN document walked part by part.
 *
 * An edition walks the document in document order.  It may hold the whole
 * tree (one akn/build.c built, or `unpress render` loaded), or read the
 * XML unpress has just written for it, a part at a time: the containers of
 * the hierarchy (the document, its body, its chapters, sections and
 * annexes: akn_parts_streams) are read as the walk enters them, every other
 * element is read whole, with its ancestors present, when the walk comes to
 * it, and freed when the walk moves past it.  A document of dense notes
 * held as a tree costs some 55 times its text (issue 14); read this way, it
 * costs its largest part.
 *
 * The walk asks for the children of a container with akn_parts_first and
 * akn_parts_next, in place of n->children and n->next (which it may still
 * use inside a part read whole), and uses no node of a part after asking
 * for the part's next sibling.  The tree read back is the tree that was
 * written: the indentation akn/write.c added between elements is dropped.
 */
#ifndef UNPRESS_AKN_PARTS_H
#define UNPRESS_AKN_PARTS_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "util/diag.h"

struct akn_parts;

/* A whole tree, walked through the same calls (the caller keeps it). */
struct akn_parts *akn_parts_tree(xmlDocPtr doc);
/* The XML unpress wrote to fd (read from its start), read as the walk
 * goes; name for messages.  NULL after reporting through diag. */
struct akn_parts *akn_parts_file(int fd, const char *name, struct diag *diag);

/* The document's front for its facts (akn_doc_read): the root, the
 * document and its leading meta, coverPage and preface, kept to the end
 * (for a whole tree, the tree).  The walk still meets them where they
 * stand, as other nodes: a walk that must know the document's own cover
 * asks akn_parts_is_top. */
xmlDocPtr akn_parts_front(struct akn_parts *p);
/* The same document, to be walked again from its start (a file is read
 * again; a tree is shared); NULL after reporting. */
struct akn_parts *akn_parts_again(const struct akn_parts *p);
/* The size of the file being read, or 0 for a whole tree. */
long long akn_parts_bytes(const struct akn_parts *p);

/* The root element (akomaNtoso) the walk starts from, or NULL. */
xmlNodePtr akn_parts_root(struct akn_parts *p);
/* Is n a child of the document (the root's first element)? */
bool akn_parts_is_top(const xmlNode *n);

/* The first child node of parent and the one after node (skipping the
 * indentation between elements), or NULL. */
xmlNodePtr akn_parts_first(struct akn_parts *p, xmlNodePtr parent);
xmlNodePtr akn_parts_next(struct akn_parts *p, xmlNodePtr node);

/* Called with each part read whole (in document order), before the walk
 * gets it; for a whole tree, once with the root, now. */
void akn_parts_on_part(struct akn_parts *p, void (*fn)(void *ctx, xmlNodePtr part), void *ctx);

/* Whether an element of this name is read as the walk enters it rather
 * than whole. */
bool akn_parts_streams(const xmlNode *el);

/* Is the document a whole tree (akn_parts_tree)? */
bool akn_parts_whole(const struct akn_parts *p);
/* 0, or EX_SOFTWARE once the file could not be read on, or EX_DATAERR
 * once text stood directly in a container (not AKN: see parts.c); both
 * reported. */
int akn_parts_status(const struct akn_parts *p);

/* Done: akn_parts_status.  Frees what was read. */
int akn_parts_close(struct akn_parts *p);

/* The XML at fd read back whole, as akn_parts_file reads it; NULL after
 * reporting.  The caller frees it. */
xmlDocPtr akn_parts_load_whole(int fd, const char *name, struct diag *diag);

#endif
