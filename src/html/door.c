/* html/door.c — html/xslt.h in the program itself (html/module.h): each
 * function loads html.so on first use and calls its namesake there.  When
 * the module cannot be had, what renders a file fails with the reason
 * (EX_UNAVAILABLE when the file is missing); the rest say nothing, so
 * that each document is told once. */
#include "html/xslt.h"

#include <libxml/globals.h>
#include <stdbool.h>

#include "html/module.h"
#include "util/module.h"

/* The module's table, or NULL with *status and *why set. */
static const struct html_module *html_module(int *status, const char **why)
{
	static bool routed;
	const struct html_module *m = module_load("html", HTML_MODULE_ABI, status, why);
	if (m && !routed) {
		/* as util/xmlerrors.c routed libxml2's, before any transform */
		m->route_errors(xmlGenericErrorContext, xmlGenericError);
		routed = true;
	}
	return m;
}

int xslt_render(const char *data_dir, const char *name, xmlDocPtr doc,
		const struct xslt_param *params, int nparams, xmlDocPtr extra,
		const char *out_path, struct diag *diag, const char *who)
{
	int status;
	const char *why;
	const struct html_module *m = html_module(&status, &why);
	if (!m) {
		/* the transform takes ownership of extra */
		xmlFreeDoc(extra);
		diag_error(diag, 0, who, "%s", why);
		return status;
	}
	return m->render(data_dir, name, doc, params, nparams, extra, out_path, diag, who);
}

int xslt_render_parts(const char *data_dir, const char *name, struct akn_parts *parts,
		      const struct xslt_param *params, int nparams,
		      const char *out_path, struct diag *diag, const char *who)
{
	int status;
	const char *why;
	const struct html_module *m = html_module(&status, &why);
	if (!m) {
		diag_error(diag, 0, who, "%s", why);
		return status;
	}
	return m->render_parts(data_dir, name, parts, params, nparams, out_path, diag, who);
}

int xslt_prepare(const char *data_dir, const char *name, struct diag *diag)
{
	int status;
	const char *why;
	const struct html_module *m = html_module(&status, &why);
	return m ? m->prepare(data_dir, name, diag) : status;
}

const char *xslt_strings(const char *data_dir, const char *lang, struct diag *diag)
{
	int status;
	const char *why;
	const struct html_module *m = html_module(&status, &why);
	return m ? m->strings(data_dir, lang, diag) : "";
}

int copy_data_file(const char *data_dir, const char *rel, const char *dest_dir,
		   const char *name, struct diag *diag, const char *who)
{
	int status;
	const char *why;
	const struct html_module *m = html_module(&status, &why);
	if (!m) {
		diag_error(diag, 0, who, "%s", why);
		return status;
	}
	return m->copy_data_file(data_dir, rel, dest_dir, name, diag, who);
}
