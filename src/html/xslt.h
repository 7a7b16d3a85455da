/* xslt.h — run one of the templates/ XSLT stylesheets on an XML tree and
 * write the result atomically.  Shared by the HTML edition and the site.
 *
 * Stylesheets are compiled once per process and cached by file name: a
 * conversion run renders many documents through the same template.  Every
 * transform runs under security preferences that forbid writing files,
 * creating folders and any network access; reading local files (the link
 * map through document()) stays allowed. */
#ifndef UNPRESS_HTML_XSLT_H
#define UNPRESS_HTML_XSLT_H

#include <libxml/tree.h>

#include "util/diag.h"

/* A parameter for the stylesheet: name and plain string value (C quotes it
 * as an XPath string; the caller never writes XPath). */
struct xslt_param {
	const char *name;
	const char *value;
};

/* Apply DATA_DIR/templates/NAME to doc with nparams string parameters and
 * write the serialised result to out_path (whole or not at all).  extra, if
 * not NULL, is an already-parsed document the stylesheet can load with
 * document(extra->URL) without touching the disk; the transform takes
 * ownership of it.  Returns 0 or a sysexits code (EX_CONFIG for a missing or
 * broken template, EX_SOFTWARE for a failed transform, EX_CANTCREAT when
 * the output cannot be written), reported through diag under `who`. */
int xslt_render(const char *data_dir, const char *name, xmlDocPtr doc,
		const struct xslt_param *params, int nparams, xmlDocPtr extra,
		const char *out_path, struct diag *diag, const char *who);

/* The same page from a document read part by part (akn/parts.h): the
 * stylesheet, given the parameter parts='1', runs over the document's
 * front and walks the rest a part at a time, so that neither the document
 * nor the page is ever whole in memory (html/walk.h).  A document the
 * walk cannot render so (a documentCollection) is read whole and rendered
 * as xslt_render does. */
struct akn_parts;
int xslt_render_parts(const char *data_dir, const char *name, struct akn_parts *parts,
		      const struct xslt_param *params, int nparams,
		      const char *out_path, struct diag *diag, const char *who);

/* Compile DATA_DIR/templates/NAME now (main does it before forking, so the
 * parallel jobs share one compiled stylesheet instead of each compiling
 * its own).  0, or EX_CONFIG after reporting. */
int xslt_prepare(const char *data_dir, const char *name, struct diag *diag);

/* The words DATA_DIR/templates/strings.xml holds, in language lang (a
 * BCP 47 tag; English for a word it does not have in lang), as the
 * templates take them in their parameter `strings`: "\nID\tTEXT" for each
 * word, then "\n"; and "\nname-TAG\tNAME" for each language's own name.
 * Read once per process and kept per language ("" when the file cannot
 * be read: the pages then lack those words, reported once). */
const char *xslt_strings(const char *data_dir, const char *lang, struct diag *diag);

/* Copy DATA_DIR/styles/NAME (or any file below data_dir) to dest_dir/NAME
 * atomically, unless an identical copy is already there. */
int copy_data_file(const char *data_dir, const char *rel, const char *dest_dir,
		   const char *name, struct diag *diag, const char *who);

#endif
