/* html/export.c — the one symbol html.so exports (html/module.h): its
 * table, pointing at xslt.c's functions. */
#include "html/module.h"

#include <libxslt/xsltutils.h>

#include "util/module.h"

/* libxslt's generic errors to the handler libxml2's go to. */
static void route_errors(void *ctx, xmlGenericErrorFunc handler)
{
	xsltSetGenericErrorFunc(ctx, handler);
}

MODULE_EXPORT const struct html_module unpress_module_html = {
	.abi = HTML_MODULE_ABI,
	.route_errors = route_errors,
	.render = xslt_render,
	.render_parts = xslt_render_parts,
	.prepare = xslt_prepare,
	.strings = xslt_strings,
	.copy_data_file = copy_data_file,
};
