/* Placeholder until the html edition lands (its own issue). */
#include "edition.h"
#include <sysexits.h>
int html_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts)
{
	(void)akn; (void)path;
	diag_error(opts->diag, 0, "html", "the html edition is not built yet");
	return EX_UNAVAILABLE;
}
