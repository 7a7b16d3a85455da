/* akn/build.h — the normalised document as an Akoma Ntoso 3.0 tree (AKN4UN
 * conventions; templates/AKN.md describes exactly what we emit). */
#ifndef UNPRESS_AKN_BUILD_H
#define UNPRESS_AKN_BUILD_H
#include <libxml/tree.h>
#include "akn/ns.h"
#include "doc/document.h"

xmlDocPtr akn_build(struct document *doc);

#endif
