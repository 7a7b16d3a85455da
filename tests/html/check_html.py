"""check_html.py HTML AKN — structural checks of one HTML edition page
against the AKN document it was rendered from.  Prints "ok - NAME" /
"not ok - NAME" lines (tests/lib.sh protocol) prefixed with the page name."""
import sys
from lxml import etree, html

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
page, akn_path = sys.argv[1], sys.argv[2]
name = page.rsplit("/", 1)[-1]
raw = open(page, "rb").read()
doc = html.fromstring(raw)
akn = etree.parse(akn_path)


def report(check, ok, detail=""):
    print(("ok - " if ok else "not ok - ") + name + ": " + check)
    if not ok and detail:
        print("    " + str(detail)[:600])


ids = doc.xpath("//@id")
report("doctype and lang", raw.startswith(b"<!DOCTYPE html>") and doc.get("lang") == "en")
report("ids unique", len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1}))
eids = akn.xpath("//@eId[not(ancestor::*[local-name()='meta'])]")
missing = [e for e in eids if e not in set(ids)]
report("every eId is an id", not missing, missing)
head = doc.find("head")
csp = head.xpath("meta[@http-equiv='Content-Security-Policy']/@content")
report("strict CSP", bool(csp) and "script-src 'self'" in csp[0] and "unsafe" not in csp[0], csp)
report("viewport, canonical, description, title",
       bool(head.xpath("meta[@name='viewport']")) and bool(head.xpath("link[@rel='canonical' and not(contains(@href, '//'))]"))
       and bool(head.xpath("meta[@name='description']/@content")) and bool(head.findtext("title", "").strip()))
symbol = akn.xpath("string(//*[local-name()='FRBRalias'][@name='symbol']/@value)")
if symbol:
    report("symbol metadata", head.xpath("meta[@name='dcterms.identifier']/@content") == [symbol])
report("no inline script or handlers", not doc.xpath("//script[not(@src)] | //@*[starts-with(name(), 'on')]"))
report("one h1 inside article", len(doc.xpath("//article//h1")) == 1)
# footnotes: marker → note, note → marker
notes = akn.xpath("//a:authorialNote/@eId", namespaces={"a": AKN})
bad = []
for e in notes:
    marker = doc.xpath("//a[@id=$i]", i="fnref_" + e)
    note = doc.xpath("//li[@id=$i]", i=e)
    if not marker or marker[0].get("href") != "#" + e:
        bad.append("marker " + e)
    if not note or not note[0].xpath(".//a[@href=$h]", h="#fnref_" + e):
        bad.append("note " + e)
report("footnotes link both ways (%d)" % len(notes), not bad, bad)
# cover fields
cover = akn.xpath("//a:coverPage/a:p/@class", namespaces={"a": AKN})
absent = [c for c in cover if not doc.xpath("//header[@class='cover']/p[@class=$c]", c="cover-" + c)]
report("cover fields present (%d)" % len(cover), not absent, absent)
# contents: one entry per heading unit, each resolving
units = akn.xpath("//a:mainBody//*[self::a:chapter or self::a:section or self::a:subsection or "
                  "self::a:hcontainer[@name='resolution' or @name='decision' or @name='annex']][@eId]/@eId"
                  " | //a:attachments/a:attachment[@eId]/@eId",
                  namespaces={"a": AKN})
toc = [h[1:] for h in doc.xpath("//nav[@class='toc']//a/@href")]
report("contents lists every heading unit (%d)" % len(units), sorted(toc) == sorted(units),
       set(units) ^ set(toc))
report("contents links resolve", all(t in set(ids) for t in toc))
nested = all(
    len(doc.xpath("//*[@id=$i]/ancestor::section", i=e)) == len(doc.xpath("//nav[@class='toc']//a[@href=$h]/ancestor::ol", h="#" + e)) - 1
    for e in units)
report("contents nesting follows the sections", nested)
# heading level matches depth
wrong = []
for sec in doc.xpath("//article//section[@id][h2 or h3 or h4 or h5 or h6]"):
    h = sec.xpath("h2|h3|h4|h5|h6")[0]
    depth = len(sec.xpath("ancestor::section"))
    if int(h.tag[1]) != min(depth + 2, 6):
        wrong.append(sec.get("id"))
report("heading levels match depth", not wrong, wrong)
# every paragraph/point has a self-link
selfless = [e for e in akn.xpath("//a:paragraph/@eId | //a:point/@eId", namespaces={"a": AKN})
            if not doc.xpath("//*[@id=$i]/a[@class='self'][@href=$h]", i=e, h="#" + e)]
report("paragraphs and points have self-links", not selfless, selfless)
# every numbered paragraph shows its number
nums = akn.xpath("//a:paragraph[a:num]", namespaces={"a": AKN})
unshown = [p.get("eId") for p in nums if doc.xpath("string(//*[@id=$i]/span[@class='num'])", i=p.get("eId")).strip()
           != p.findtext("{%s}num" % AKN).strip()]
report("paragraph numbers shown", not unshown, unshown)
# symbols (undocs.org) are links; a named resolution's AKN IRI (/akn/…) has
# no public address: plain text unless a site resolves it to one of its pages
refs = akn.xpath("count(//a:ref[not(starts-with(@href, '/akn/'))])", namespaces={"a": AKN})
report("references become links", len(doc.xpath("//article//a[starts-with(@href, 'http') or contains(@href, '.html')][not(@class='self')]")) >= refs)
iris = akn.xpath("count(//a:ref[starts-with(@href, '/akn/')])", namespaces={"a": AKN})
report("AKN IRIs are never dead links", not doc.xpath("//a[starts-with(@href, '/akn/')]")
       and len(doc.xpath("//span[@class='ref']")) >= iris)
