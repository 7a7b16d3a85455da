#!/usr/bin/python3
"""akncheck.py — checks of the Markdown edition against the AKN it came from.

  akncheck.py html AKN.xml EDITION.html   cmark-gfm's HTML of the edition:
      every footnote reference resolves, every note is there with its text,
      paragraph numbers appear in the XML's order, and every heading,
      paragraph, point, clause and cover line is carried, in order.
  akncheck.py roundtrip AKN.xml BACK.xml  the XML unpress made again from the
      edition: compares metadata, cover, title, headings, paragraphs,
      footnotes and references, one result line per category.

Prints "ok - NAME", "not ok - NAME" (with details) or "skip - NAME (why)".
A round-trip category that differs is reported as skip when the html check
showed the edition carries it (the re-reading normaliser lost it), and the
reason names the first difference.
"""
import re
import sys

from lxml import etree, html as lxhtml

WS = re.compile(r"\s+")


def norm(s):
    return WS.sub(" ", s or "").strip()


def local(el):
    return etree.QName(el).localname if isinstance(el.tag, str) else None


def text_of(el, skip=("authorialNote",)):
    """Text of el without the subtrees named in skip (notes by default)."""
    parts = []

    def rec(e):
        if local(e) in skip:
            if e.tail:
                parts.append(e.tail)
            return
        if e.text:
            parts.append(e.text)
        for c in e:
            rec(c)
        if e is not el and e.tail:
            parts.append(e.tail)

    rec(el)
    return norm("".join(parts))


def kids(el, *names):
    return [c for c in el if local(c) in names]


def first(el, name):
    for c in el.iter():
        if local(c) == name:
            return c
    return None


HIER = ("chapter", "section", "subsection", "part", "hcontainer")
NUMBERED = ("paragraph", "point", "subparagraph")
CLAUSES = ("formula", "container")
BOXES = ("content", "intro", "wrapUp", "formula", "container", "authorialNote",
         "coverPage", "preface")


def own_text(el):
    """The text of a paragraph or point: its content/intro/wrapUp <p>s."""
    ps = []
    for box in kids(el, "content", "intro", "wrapUp"):
        ps += [text_of(p) for p in kids(box, "p") if first(p, "embeddedStructure") is None]
    return norm(" ".join(ps))


def extract(path):
    tree = etree.parse(path)
    root = tree.getroot()
    doc = next(c for c in root if isinstance(c.tag, str))
    out = {k: [] for k in ("metadata", "cover", "title", "headings",
                           "paragraphs", "footnotes", "references")}
    alias = [e for e in doc.iter() if local(e) == "FRBRalias" and e.get("name") == "symbol"]
    lang = first(doc, "FRBRlanguage")
    out["metadata"] = [
        ("type", local(doc), doc.get("name")),
        ("symbol", alias[0].get("value") if alias else None),
        ("language", lang.get("language") if lang is not None else None),
    ]
    cover = first(doc, "coverPage")
    if cover is not None:
        out["cover"] = [(p.get("class"), text_of(p)) for p in kids(cover, "p")]
        date = first(cover, "docDate")
        if date is not None:
            out["metadata"].append(("date", date.get("date")))
    preface = first(doc, "preface")
    if preface is not None:
        out["title"] = [text_of(p) for p in kids(preface, "p")]
    # seq: every heading and paragraph as the reader sees it, in order
    seq = out["sequence"] = []
    for e in doc.iter():
        name = local(e)
        if name in HIER:
            num, head = kids(e, "num"), kids(e, "heading")
            item = (name, e.get("name"), text_of(num[0]) if num else "",
                    text_of(head[0]) if head else "")
            out["headings"].append(item)
            seq += [item[2], item[3]]
        elif name == "attachment":
            # an annex as AKN4UN attaches it (our XML since attachments)
            # is the same heading as the hcontainer older XML has
            pre = [x for x in e.iter() if local(x) == "preface"][:1]
            num = [x for x in pre[0].iter() if local(x) == "docNumber"] if pre else []
            head = [x for x in pre[0].iter() if local(x) == "docTitle"] if pre else []
            item = ("hcontainer", "annex", text_of(num[0]) if num else "", text_of(head[0]) if head else "")
            out["headings"].append(item)
            seq += [item[2], item[3]]
        elif name == "crossHeading":
            out["headings"].append(("crossHeading", None, "", text_of(e)))
            seq.append(text_of(e))
        elif name in NUMBERED:
            num = kids(e, "num")
            item = (name, text_of(num[0]) if num else "", own_text(e))
            out["paragraphs"].append(item)
            seq.append(norm(item[1] + " " + item[2]))
        elif name in CLAUSES:
            item = (name, "", norm(" ".join(text_of(p) for p in kids(e, "p"))))
            out["paragraphs"].append(item)
            seq.append(item[2])
        elif (name == "p" and local(e.getparent()) not in BOXES
              and first(e, "embeddedStructure") is None):
            # text the normaliser left outside any paragraph
            item = ("p", "", text_of(e))
            out["paragraphs"].append(item)
            seq.append(item[2])
        elif name == "authorialNote":
            out["footnotes"].append((e.get("marker"), e.get("class") == "missing",
                                     norm(" ".join(text_of(p) for p in kids(e, "p")))))
        elif name == "ref":
            out["references"].append((e.get("href"), text_of(e)))
    return out


def report(ok, name, details=()):
    if ok:
        print("ok - " + name)
    else:
        print("not ok - " + name)
        for d in list(details)[:8]:
            print("    " + d)
    return ok


def html_check(xml_path, html_path, tag):
    want = extract(xml_path)
    # cmark-gfm writes a fragment without a charset: decode it as UTF-8 here
    with open(html_path, encoding="utf-8") as f:
        page = lxhtml.document_fromstring("<html><body>" + f.read() + "</body></html>")
    all_ok = True
    # footnotes: references resolve, definitions carry the text
    ids = {e.get("id") for e in page.iter() if isinstance(e.tag, str) and e.get("id")}
    refs = page.xpath('//sup[contains(@class,"footnote-ref")]/a')
    bad = [a.get("href") for a in refs if a.get("href", "")[1:] not in ids]
    notes = {}
    for li in page.xpath('//section[contains(@class,"footnotes")]//li'):
        for a in li.xpath('.//a[contains(@class,"footnote-backref")]'):
            a.getparent().remove(a) if a.getparent() is not None else None
        notes[li.get("id")] = norm(li.text_content())
    for sec in page.xpath('//section[contains(@class,"footnotes")]'):
        sec.getparent().remove(sec)
    for sup in page.xpath('//sup[contains(@class,"footnote-ref")]'):
        tail = sup.tail
        parent = sup.getparent()
        prev = sup.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + (tail or "")
        else:
            parent.text = (parent.text or "") + (tail or "")
        parent.remove(sup)
    body = norm(page.text_content())
    literal = re.findall(r"\[\^[^\]]*\]", body)
    all_ok &= report(not bad and not literal and len(refs) == len(want["footnotes"]),
                     tag + ": every footnote reference resolves",
                     ["unresolved: %s" % bad, "left as text: %s" % literal,
                      "references %d, notes in the XML %d" % (len(refs), len(want["footnotes"]))])
    texts = sorted(notes.values())
    missing = [t for (_, miss, t) in want["footnotes"] if not miss and t not in texts]
    all_ok &= report(not missing, tag + ": every footnote's text is in its definition",
                     ["lost: " + t for t in missing])
    # paragraph numbers in order
    # a paragraph shows a number when it has one, or when its text starts
    # with one (an unnumbered paragraph the normaliser did not number)
    want_nums = []
    for (k, n, t) in want["paragraphs"]:
        m = re.match(r"(\d+\.)\s", norm(n + " " + t) + " ")
        if k in ("paragraph", "p") and m:
            want_nums.append(m.group(1))
    got_nums = []
    for p in page.iter("p"):
        m = re.match(r"(\d+\.)\s", norm(p.text_content()) + " ")
        if m:
            got_nums.append(m.group(1))
    all_ok &= report(want_nums == got_nums, tag + ": paragraph numbers appear in order",
                     ["want %s" % want_nums[:40], "got  %s" % got_nums[:40]])
    # every item carried, in order
    items = [t for (_, t) in want["cover"]] + want["title"] + want["sequence"]
    pos, lost = 0, []
    for it in items:
        if not it:
            continue
        at = body.find(it, pos)
        if at < 0:
            lost.append(it[:100])
        else:
            pos = at + len(it)
    all_ok &= report(not lost, tag + ": every heading, paragraph and cover line is carried in order",
                     ["missing or out of order: " + t for t in lost])
    return all_ok


def first_diff(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return "item %d: %r became %r" % (i, x, y)
    if len(a) != len(b):
        extra = a[len(b):] if len(a) > len(b) else b[len(a):]
        return "%d items became %d (first unmatched: %r)" % (len(a), len(b), extra[0])
    return ""


def roundtrip(orig, back, tag, carried):
    a, b = extract(orig), extract(back)
    for cat in a:
        if cat == "sequence":
            continue
        name = "%s: round trip keeps %s" % (tag, cat)
        if a[cat] == b[cat]:
            print("ok - " + name)
        elif carried:
            print("skip - %s (the edition carries them; the normaliser read back: %s)"
                  % (name, first_diff(a[cat], b[cat])[:300]))
        else:
            report(False, name, [first_diff(a[cat], b[cat])])


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "html":
        sys.exit(0 if html_check(sys.argv[2], sys.argv[3], sys.argv[4]) else 1)
    elif mode == "roundtrip":
        roundtrip(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] == "carried")
