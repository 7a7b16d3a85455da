/* Placeholder until the markdown edition lands (its own issue). */
#include "edition.h"
#include <sysexits.h>
int markdown_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts)
{
	(void)akn; (void)path;
	diag_error(opts->diag, 0, "markdown", "the markdown edition is not built yet");
	return EX_UNAVAILABLE;
}
