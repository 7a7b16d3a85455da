/* href.c — see href.h: the rule itself is util/url.c's, shared with the
 * PDF edition. */
#include "markdown/href.h"

#include "util/url.h"

bool md_safe_href(const char *href, size_t *start, size_t *len)
{
	return url_is_safe_href(href, start, len);
}
