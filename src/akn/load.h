/* akn/load.h — reading an AKN file that someone else may have written
 * (`unpress render`, the site): bounded, never decompressed, with entity
 * expansion, DTD loading and network access off. */
#ifndef UNPRESS_AKN_LOAD_H
#define UNPRESS_AKN_LOAD_H
#include <libxml/tree.h>
#include <stddef.h>
#include "util/diag.h"

/* Parse an AKN file; NULL (errno ENOENT for a missing file) after
 * reporting through diag.  Noncharacters in its text become U+FFFD. */
xmlDocPtr akn_load_safely(const char *path, struct diag *diag);
/* The same for n bytes in memory (name: for messages). */
xmlDocPtr akn_load_memory(const char *bytes, size_t n, const char *name, struct diag *diag);
/* Remove from a tree any control byte of our inline markup
 * (doc/document.h's MK_ bytes) left in a text or attribute: no XML may
 * hold one, and every edition reads the tree.  The count removed. */
size_t akn_remove_controls(xmlDocPtr xml);
/* The same under one node (it included). */
size_t akn_remove_controls_under(xmlNodePtr node);
/* The output base name recorded in the XML (unpress:source/@slug), or NULL.
 * The caller frees it. */
char *akn_slug(xmlDocPtr xml);

#endif
