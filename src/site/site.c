/* Placeholder until the site lands (its own issue). */
#include "edition.h"
#include <sysexits.h>
int site_build(const char *out_dir, const struct render_opts *opts)
{
	(void)out_dir;
	diag_error(opts->diag, 0, "site", "the site is not built yet");
	return EX_UNAVAILABLE;
}
