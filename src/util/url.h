/* url.h — which link targets an edition may make live.
 *
 * The one rule for every edition that writes a link from the XML's hrefs
 * (the HTML's safe-href template in templates/akn-html.xsl states the same
 * allowlist in XSLT): http, https and mailto, a fragment, or a relative
 * reference without any scheme.  javascript:, data:, file: and the rest
 * stay text, since an XML given to `unpress render` or read by the site
 * may come from anywhere. */
#ifndef UNPRESS_URL_H
#define UNPRESS_URL_H

#include <stdbool.h>
#include <stddef.h>

/* If href may be a live link, true with its trimmed extent in *start and
 * *len; false for an empty href, one with whitespace or control
 * characters inside, or a scheme other than http, https and mailto. */
bool url_is_safe_href(const char *href, size_t *start, size_t *len);

/* id as a URL fragment: each byte outside [A-Za-z0-9._~-] (an eId read
 * from a manifest may hold anything) percent-encoded, in the arena; id
 * itself when nothing needs it. */
struct arena;
const char *url_fragment(struct arena *arena, const char *id);

#endif
