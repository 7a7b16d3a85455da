/* site.h — the reduce step's shared pieces (see edition.h: site_build). */
#ifndef UNPRESS_SITE_H
#define UNPRESS_SITE_H

#include <libxml/tree.h>

#include "util/diag.h"

/* One document of the corpus, as its manifest describes it. */
struct site_doc {
	char *slug, *symbol, *number, *title, *type, *date;
	char *label;		/* how citations name it: symbol, else number, else slug */
	xmlDocPtr manifest;
	xmlDocPtr akn;		/* OUT/SLUG.xml, loaded for rendering and search */
	xmlDocPtr links;	/* the per-document link map the template reads */
};

/* Write OUT/search-index.json and OUT/search-index.js (the same JSON as a
 * script, so the search works from file:// where fetch() is refused). */
int search_index_write(const char *out_dir, struct site_doc *docs, size_t ndocs,
		       struct diag *diag);

#endif
