/* href.h — which link targets the Markdown edition may write: the scheme
 * allowlist of the HTML edition's safe-href template (templates/
 * akn-html.xsl), so that a javascript: or data: href in the XML is no more
 * a live link in the Markdown than in the HTML.  (AKN IRIs, /akn/…, stay
 * links here: a relative reference, which the round trip reads back.) */
#ifndef UNPRESS_MARKDOWN_HREF_H
#define UNPRESS_MARKDOWN_HREF_H

#include <stdbool.h>
#include <stddef.h>

/* If href may be written as a link, true with its trimmed extent in
 * *start and *len; false for an empty href, one with whitespace or control
 * characters inside, or a scheme other than http, https and mailto. */
bool md_safe_href(const char *href, size_t *start, size_t *len);

#endif
