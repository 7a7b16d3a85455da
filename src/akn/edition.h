/* akn/edition.h — the editions: each renders one AKN document (an XML tree that
 * akn/build.c built or that `unpress render` loaded) to one output file.  An
 * edition reads only the XML, never the input text.  Each returns 0 or a
 * sysexits code, and writes its file whole or not at all (util/atomic.h). */
#ifndef UNPRESS_EDITION_H
#define UNPRESS_EDITION_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <time.h>

#include "akn/parts.h"
#include "util/diag.h"

struct render_opts {
	const char *out_dir;	/* where the editions go */
	const char *slug;	/* output base name: out_dir/slug.html etc. */
	const char *data_dir;	/* holds templates/ and styles/ */
	time_t build_time;	/* SOURCE_DATE_EPOCH when set, else now */
	struct diag *diag;
	/* the site only: */
	int jobs;		/* render pages in this many processes */
	bool force;		/* render every page, even those up to date */
	int *pages_written;	/* if set: how many pages were (re)written */
	const char *base_url;	/* the site's address for sitemap.xml (or NULL: relative) */
};

int html_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts);
/* The same from a document read part by part (akn/parts.h). */
int html_edition_write_parts(struct akn_parts *parts, const char *path, const struct render_opts *opts);
int markdown_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts);
/* The same from a document read part by part (akn/parts.h). */
int markdown_edition_write_parts(struct akn_parts *parts, const char *path, const struct render_opts *opts);
int pdf_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts);
/* The same from a document read part by part (akn/parts.h). */
int pdf_edition_write_parts(struct akn_parts *parts, const char *path, const struct render_opts *opts);

/* The reduce step: build index, cross-links and backlinks over every
 * manifest found in out_dir. */
int site_build(const char *out_dir, const struct render_opts *opts);

#endif
