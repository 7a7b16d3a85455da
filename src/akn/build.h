/* akn/build.h — the normalised document as an Akoma Ntoso 3.0 tree (AKN4UN
 * conventions; templates/AKN.md describes exactly what we emit). */
#ifndef UNPRESS_AKN_H
#define UNPRESS_AKN_H
#include <libxml/tree.h>
#include "doc/document.h"

#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define UNPRESS_NS "https://unpress.example/ns"
/* The UN's own vocabulary for what AKN leaves to each publisher (AKN4UN). */
#define AKN4UN_NS "http://un.org/akn4un"

xmlDocPtr akn_build(struct document *doc);
/* Parse an AKN file with entity expansion, DTD loading and network access
 * off; NULL (errno ENOENT for a missing file) after reporting through diag.
 * akn/load.c: the file is read with a bound and never decompressed, and
 * noncharacters in its text become U+FFFD. */
xmlDocPtr akn_load_safely(const char *path, struct diag *diag);
/* The same for n bytes in memory (name: for messages). */
xmlDocPtr akn_load_memory(const char *bytes, size_t n, const char *name, struct diag *diag);
/* Remove from a tree akn_build made any control byte of the inline
 * markup (doc/document.h) that a pass left in a text or attribute: no XML may
 * hold one, and every edition reads the tree.  The count (0 unless a pass
 * has a bug). */
size_t akn_remove_controls(xmlDocPtr xml);
/* The output base name recorded in the XML (unpress:source/@slug), or NULL.
 * The caller frees it. */
char *akn_slug(xmlDocPtr xml);

#endif
