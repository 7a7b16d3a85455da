"""check_un_html.py HTML AKN LANG DIR — the HTML edition of one of the UN's
own AKN4UN files, checked against that file: the page's language and
direction, every text of the XML shown, the UN's italics and bold, its
links, its cover as our cover's lines, notes both ways, unique ids.
Prints "ok - NAME" / "not ok - NAME" lines (tests/lib.sh protocol)."""
import re
import sys
import unicodedata
from lxml import etree, html

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
page, akn_path, lang, direction = sys.argv[1:5]
name = page.rsplit("/", 1)[-1]
doc = html.parse(page).getroot()
akn = etree.parse(akn_path)


def html_id(el):
    """The id the page gives an element: its eId, prefixed inside a
    documentCollection's component by the component's."""
    comp = el.xpath("ancestor::a:component[@eId][1]/@eId", namespaces=NS)
    return (comp[0] + "__" if comp else "") + el.get("eId")


def report(check, ok, detail=""):
    print(("ok - " if ok else "not ok - ") + name + ": " + check)
    if not ok and detail:
        print("    " + str(detail)[:600])


def squash(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


report("lang %s, dir %s" % (lang, direction), doc.get("lang") == lang and doc.get("dir") == direction,
       (doc.get("lang"), doc.get("dir")))
ids = doc.xpath("//@id")
report("ids unique", len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})[:10])

# Every text of the document (not its metadata, nor an image's) is on the
# page: each text node, whitespace collapsed, is found in the page's text.
body = squash(" ".join(doc.xpath("//body//text()")))
texts = akn.xpath("//text()[not(ancestor::a:meta)][normalize-space()]", namespaces=NS)
lost = [t for t in (squash(t) for t in texts) if t not in body]
report("every text of the XML is shown (%d texts)" % len(texts), not lost, lost[:5])
# and no text twice as often as the XML has it: the page's characters
# (outside what the page adds) cover the XML's
chars = {}
for t in texts:
    for c in squash(t).replace(" ", ""):
        chars[c] = chars.get(c, 0) + 1
shown = {}
for c in body.replace(" ", ""):
    shown[c] = shown.get(c, 0) + 1
short = {c: (n, shown.get(c, 0)) for c, n in chars.items() if shown.get(c, 0) < n}
report("every character of the XML is shown as often", not short, list(short.items())[:8])

# the UN's type faces: span class="italic" / "bold" (and both); the
# preface's are its title's, which is the page's h1
def spans(face):
    return akn.xpath("count(//a:span[contains(concat(' ', normalize-space(@class), ' '), ' %s ')]"
                     "[not(ancestor::a:meta or ancestor::a:preface)])" % face, namespaces=NS)
italic, bold = spans("italic"), spans("bold")
report("italics kept (%d)" % italic, len(doc.xpath("//article//i")) >= italic)
report("bold kept (%d)" % bold, len(doc.xpath("//article//b")) >= bold)
# the first word of a preambular clause in its face
faced = akn.xpath("//a:container/a:p[1][a:span[1][contains(@class, 'italic') or contains(@class, 'bold')]]/..",
                  namespaces=NS)
unfaced = [html_id(c) for c in faced
           if not doc.xpath("//*[@id=$i]//i | //*[@id=$i]//b", i=html_id(c))]
report("preambular openings in their face (%d)" % len(faced), not unfaced, unfaced[:5])

# the UN's links: every a href that is a web address is a link to it
hrefs = [h.strip() for h in akn.xpath("//a:a[not(ancestor::a:meta)]/@href", namespaces=NS)
         if re.match(r"https?://", h.strip()) and " " not in h.strip()]
links = doc.xpath("//article//a/@href")
missing = [h for h in hrefs if h not in links]
report("every web link kept (%d)" % len(hrefs), not missing and len(hrefs) <= len([l for l in links if l.startswith("http")]),
       missing[:5])

# the cover: each field of the UN's cover becomes the line our cover has
roles = {"docNumber": "symbol", "docStatus": "distribution", "docDate": "date", "session": "session",
         "docTitle": "title", "docProponent": "proponent", "docAuthority": "organization"}
cover = akn.xpath("/a:akomaNtoso/*[1]/a:coverPage", namespaces=NS)
if cover:
    want = set()
    for el, role in roles.items():
        if cover[0].xpath(".//a:" + el, namespaces=NS):
            want.add(role)
    for kind, role in (("agenda item", "agenda"), ("agenda item name", "agendaTitle")):
        if cover[0].xpath(".//a:inline[@name=$n]", n=kind, namespaces=NS):
            want.add(role)
    have = {c[len("cover-"):] for c in doc.xpath("//header[@class='cover']/p/@class")}
    report("cover lines %s" % sorted(want), want <= have, sorted(want - have))
    symbol = squash(cover[0].xpath("string(.//a:docNumber)", namespaces=NS))
    report("cover symbol", squash(doc.xpath("string(//header[@class='cover']/p[@class='cover-symbol'])")) == symbol)
    date = cover[0].xpath("string(.//a:docDate/@date)", namespaces=NS)
    report("cover date is a time", not date or doc.xpath("//p[@class='cover-date']/time/@datetime") == [date])
    report("no image left as a broken reference", not doc.xpath("//img"))

# notes: every marker links to its note and back
bad = []
for marker in doc.xpath("//sup[@class='fnref']/a"):
    note = marker.get("href", "")[1:]
    if not doc.xpath("//li[@id=$i]/a[@class='backref'][@href=$h]", i=note, h="#" + marker.get("id")):
        bad.append(note)
notes = akn.xpath("count(//a:authorialNote)", namespaces=NS)
report("notes link both ways (%d)" % notes,
       not bad and len(doc.xpath("//sup[@class='fnref']")) == notes == len(doc.xpath("//section[@class='footnotes']/ul/li")),
       bad[:5])
# paragraphs that are only a heading are headings, numbered paragraphs show their number
heads = akn.xpath("//a:paragraph[a:heading or a:subheading][count(*) = count(a:num | a:heading | a:subheading)]",
                  namespaces=NS)
unheaded = [html_id(p) for p in heads if not doc.xpath("//*[@id=$i][self::h2 or self::h3 or self::h4 or self::h5 or self::h6]",
                                                      i=html_id(p))]
report("heading paragraphs are headings (%d)" % len(heads), not unheaded, unheaded[:5])
tables = akn.xpath("count(//a:table)", namespaces=NS)
report("tables are tables (%d)" % tables, len(doc.xpath("//table")) == tables)
