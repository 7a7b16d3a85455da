/* akn.h — the normalised document as an Akoma Ntoso 3.0 tree (AKN4UN
 * conventions; templates/AKN.md describes exactly what we emit). */
#ifndef UNPRESS_AKN_H
#define UNPRESS_AKN_H
#include <libxml/tree.h>
#include "document.h"

#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define UNPRESS_NS "https://unpress.example/ns"
/* The UN's own vocabulary for what AKN leaves to each publisher (AKN4UN). */
#define AKN4UN_NS "http://un.org/akn4un"

xmlDocPtr akn_build(struct document *doc);
/* Parse an AKN file with entity expansion, DTD loading and network access
 * off; NULL (errno ENOENT for a missing file) after reporting through diag. */
xmlDocPtr akn_load_safely(const char *path, struct diag *diag);
/* The output base name recorded in the XML (unpress:source/@slug), or NULL.
 * The caller frees it. */
char *akn_slug(xmlDocPtr xml);

#endif
