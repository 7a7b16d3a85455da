"""check_live.py NAME HTML — nothing executable in an HTML page: no script,
iframe, object, embed, svg or img element, no event-handler attribute, no
link or source whose scheme is not http, https or mailto.  Prints test lines."""
import re
import sys
from lxml import html

name, path = sys.argv[1], sys.argv[2]
raw = open(path, "rb").read()
doc = html.fromstring(raw or b"<p></p>")


def report(check, bad):
    print(("not ok - " if bad else "ok - ") + name + ": " + check)
    if bad:
        print("    " + repr(bad)[:400])


report("no script, iframe, object, embed, svg or img element",
       [e.tag for e in doc.iter() if isinstance(e.tag, str) and e.tag.lower() in
        ("script", "iframe", "object", "embed", "svg", "img", "math")])
report("no event-handler attribute",
       [a for a in doc.xpath("//@*") if a.attrname.lower().startswith("on")])


def scheme(u):
    u = re.sub(r"[\s\x00-\x1f]", "", u).lower()
    head = re.split(r"[/?#]", u, 1)[0]
    return head.split(":", 1)[0] if ":" in head else ""


report("no javascript:, data: or vbscript: link",
       [u for u in doc.xpath("//@href | //@src | //@action | //@formaction")
        if scheme(u) not in ("", "http", "https", "mailto")])
