/* html.c — the HTML edition: templates/akn-html.xsl over the AKN tree, the
 * page written atomically, styles/unpress.css copied beside it.  The
 * template is the source of truth for the markup; this file only chooses
 * the parameters. */
#include "akn/edition.h"

#include <string.h>

#include "html/xslt.h"
#include "akn/lang.h"
#include "akn/parts.h"

/* The page of the document whose front (or whole tree) is akn, from the
 * whole tree or, with parts, part by part (html/xslt.h); the stylesheet
 * copied beside it. */
static int write_page(xmlDocPtr akn, struct akn_parts *parts, const char *path, const struct render_opts *opts)
{
	const char *slug = opts->slug ? opts->slug : "document";
	struct doc_lang lang;
	doc_language(akn, &lang);
	struct xslt_param params[] = {
		{"slug", slug},
		{"css", "unpress.css"},
		{"lang", lang.tag},
		{"dir", lang.rtl ? "rtl" : "ltr"},
		{"verbose", opts->diag->verbosity > 1 ? "1" : ""},
		{"strings", xslt_strings(opts->data_dir, lang.tag, opts->diag)},
	};
	int nparams = (int)(sizeof params / sizeof params[0]);
	int status = parts ? xslt_render_parts(opts->data_dir, "akn-html.xsl", parts, params, nparams, path,
					       opts->diag, "html")
			   : xslt_render(opts->data_dir, "akn-html.xsl", akn, params, nparams, NULL, path,
					 opts->diag, "html");
	if (status == 0)
		status = copy_data_file(opts->data_dir, "styles/unpress.css", opts->out_dir,
					"unpress.css", opts->diag, "html");
	return status;
}

int html_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts)
{
	return write_page(akn, NULL, path, opts);
}

int html_edition_write_parts(struct akn_parts *parts, const char *path, const struct render_opts *opts)
{
	/* the language from the front: unpress's XML names it in its meta */
	return write_page(akn_parts_front(parts), parts, path, opts);
}
