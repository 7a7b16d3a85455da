/* Placeholder until the pdf edition lands (its own issue). */
#include "edition.h"
#include <sysexits.h>
int pdf_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts)
{
	(void)akn; (void)path;
	diag_error(opts->diag, 0, "pdf", "the pdf edition is not built yet");
	return EX_UNAVAILABLE;
}
