/* akn/manifest.h — the per-document manifest the site is reduced from: the
 * document's identity (slug, symbol, title, type, date), the anchors it
 * defines (eIds) and the references it makes (href, text, from which eId).
 * Written beside the editions during the map step; `-t site` reads them. */
#ifndef UNPRESS_MANIFEST_H
#define UNPRESS_MANIFEST_H
#include <libxml/tree.h>
#include "util/diag.h"
int manifest_write(xmlDocPtr akn, const char *path, struct diag *diag);
#endif
