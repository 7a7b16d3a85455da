"""check_site.py DIR — link checker over a whole built site: every internal
href (relative, file + optional #id) resolves to an existing file and, when
it has a fragment, to an element with that id.  External links must be
absolute http(s); no link may be root-relative or file:."""
import os
import sys
from urllib.parse import urlsplit, unquote
from lxml import html

site = sys.argv[1]
pages = sorted(f for f in os.listdir(site) if f.endswith(".html"))
ids = {}
for p in pages:
    ids[p] = set(html.parse(os.path.join(site, p)).getroot().xpath("//@id"))
broken, absolute, count = [], [], 0
for p in pages:
    for el, attr, link, _ in html.parse(os.path.join(site, p)).getroot().iterlinks():
        u = urlsplit(link)
        if u.scheme in ("http", "https", "mailto"):
            continue
        count += 1
        if u.scheme or u.netloc or u.path.startswith("/"):
            absolute.append((p, link))
            continue
        target = unquote(u.path) or p
        if not os.path.exists(os.path.join(site, target)):
            broken.append((p, link))
        elif u.fragment and target.endswith(".html") and unquote(u.fragment) not in ids.get(target, set()):
            broken.append((p, link))
print(("ok - " if not broken else "not ok - ") + "every internal link resolves (%d links, %d pages)" % (count, len(pages)))
for b in broken[:20]:
    print("    broken: %s -> %s" % b)
print(("ok - " if not absolute else "not ok - ") + "links are relative")
for b in absolute[:20]:
    print("    absolute: %s -> %s" % b)
