/* pdf/door.c — the PDF edition's entry point in the program itself
 * (pdf/module.h): load pdf.so on the first PDF, then hand every PDF to it.
 * When the module cannot be had, each PDF asked for fails with its reason
 * (EX_UNAVAILABLE when the file is missing) and the other editions are
 * written as usual. */
#include "akn/edition.h"

#include "pdf/module.h"
#include "util/module.h"

/* The module, or NULL after reporting why (*status: the exit code). */
static const struct pdf_module *module(const struct render_opts *opts, int *status)
{
	const char *why;
	const struct pdf_module *m = module_load("pdf", PDF_MODULE_ABI, status, &why);
	if (!m)
		diag_error(opts->diag, 0, "pdf", "%s", why);
	return m;
}

int pdf_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts)
{
	int status;
	const struct pdf_module *m = module(opts, &status);
	return m ? m->edition_write(akn, path, opts) : status;
}

int pdf_edition_write_parts(struct akn_parts *parts, const char *path, const struct render_opts *opts)
{
	int status;
	const struct pdf_module *m = module(opts, &status);
	return m ? m->edition_write_parts(parts, path, opts) : status;
}
