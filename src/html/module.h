/* html/module.h — libxslt as a module (util/module.h): html.so holds
 * xslt.c and export.c and links libxslt and libexslt; the program holds
 * door.c, whose functions of the same names (html/xslt.h) load the module
 * the first time a template is asked for and call into it.  html.c (the
 * HTML edition) and the site call html/xslt.h as before; a run that writes
 * neither never maps libxslt. */
#ifndef UNPRESS_HTML_MODULE_H
#define UNPRESS_HTML_MODULE_H

#include <libxml/xmlerror.h>

#include "html/xslt.h"

/* The interface's version: a hash of every header of src/ (see
 * pdf/module.h). */
#ifndef UNPRESS_ABI
#define UNPRESS_ABI 1u
#endif
#define HTML_MODULE_ABI UNPRESS_ABI

/* What html.so exports, as the symbol unpress_module_html. */
struct html_module {
	unsigned abi;		/* HTML_MODULE_ABI when it was built */
	/* send libxslt's generic error output where libxml2's goes
	 * (util/xmlerrors.h routes libxml2's): called once, on loading */
	void (*route_errors)(void *ctx, xmlGenericErrorFunc handler);
	int (*render)(const char *data_dir, const char *name, xmlDocPtr doc,
		      const struct xslt_param *params, int nparams, xmlDocPtr extra,
		      const char *out_path, struct diag *diag, const char *who);
	int (*render_parts)(const char *data_dir, const char *name, struct akn_parts *parts,
			    const struct xslt_param *params, int nparams,
			    const char *out_path, struct diag *diag, const char *who);
	int (*prepare)(const char *data_dir, const char *name, struct diag *diag);
	const char *(*strings)(const char *data_dir, const char *lang, struct diag *diag);
	int (*copy_data_file)(const char *data_dir, const char *rel, const char *dest_dir,
			      const char *name, struct diag *diag, const char *who);
};

#endif
