/* pdf/door.c — the PDF edition's entry point in the program itself
 * (pdf/module.h): load pdf.so on the first PDF, then hand every PDF to it.
 * When the module cannot be had, each PDF asked for fails with its reason
 * (EX_UNAVAILABLE when the file is missing) and the other editions are
 * written as usual. */
#include "akn/edition.h"

#include "pdf/module.h"
#include "util/module.h"

int pdf_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts)
{
	int status;
	const char *why;
	const struct pdf_module *m = module_load("pdf", PDF_MODULE_ABI, &status, &why);
	if (!m) {
		diag_error(opts->diag, 0, "pdf", "%s", why);
		return status;
	}
	return m->edition_write(akn, path, opts);
}
