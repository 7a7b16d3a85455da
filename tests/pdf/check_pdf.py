#!/usr/bin/python3
"""check_pdf.py CHECK XML PDF — structural checks of a PDF edition against
the AKN it was rendered from.  Prints nothing and exits 0 on success, else
prints what is wrong and exits 1.  Checks: notes, order, outline, ink, furniture."""
import json, re, subprocess, sys
from lxml import etree

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def norm(s):
    # drop whitespace, hyphens (ours and soft) so line breaks do not matter
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", s)


def pages_text(pdf):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    out = []
    for i in range(1, n + 1):
        out.append(subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", pdf, "-"],
                                  capture_output=True, text=True).stdout)
    return out


def text_of(el):
    parts = []
    def rec(e):
        if e.text:
            parts.append(e.text)
        for c in e:
            if etree.QName(c).localname != "authorialNote":
                rec(c)
            if c.tail:
                parts.append(c.tail)
    rec(el)
    return "".join(parts)


def preceding_text(note):
    """Text of the enclosing <p> up to the note."""
    p = note.getparent()
    while p is not None and etree.QName(p).localname != "p":
        p = p.getparent()
    if p is None:
        return ""
    parts = []
    def rec(e):
        if e is note:
            raise StopIteration
        if e.text:
            parts.append(e.text)
        for c in e:
            if etree.QName(c).localname != "authorialNote" or c is note:
                rec(c)
            if c.tail:
                parts.append(c.tail)
    try:
        rec(p)
    except StopIteration:
        pass
    return "".join(parts)


def check_notes(xml, pdf):
    pages = [norm(t) for t in pages_text(pdf)]
    bad = []
    for note in xml.iterfind(".//a:authorialNote", NS):
        if note.get("class") == "missing":
            continue
        body = norm(text_of(note))[:24]
        before = norm(preceding_text(note))[-8:]
        if not body or not before:
            continue
        note_pages = [i for i, t in enumerate(pages) if body in t]
        ref_pages = [i for i, t in enumerate(pages) if before in t]
        if not note_pages:
            bad.append("note %s: text %r not found" % (note.get("eId"), body))
        elif not set(note_pages) & set(ref_pages):
            bad.append("note %s: on page %s, reference %r on %s" % (
                note.get("eId"), [p + 1 for p in note_pages], before, [p + 1 for p in ref_pages]))
    return bad


def check_order(xml, pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    pos, bad = 0, []
    for num in xml.iterfind(".//a:paragraph/a:num", NS):
        n = (num.text or "").strip()
        if not n:
            continue
        m = re.compile(r"^\s*" + re.escape(n) + r"\s", re.M).search(text, pos)
        if not m:
            bad.append("paragraph number %s (%s) not found in order" % (n, num.getparent().get("eId")))
            continue
        pos = m.end()
    return bad


def check_outline(xml, pdf):
    js = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                                   capture_output=True, text=True).stdout)
    titles = []
    def rec(items):
        for it in items:
            titles.append(it.get("title", ""))
            rec(it.get("kids", []))
    rec(js.get("outlines", []))
    joined = norm(" ".join(titles))
    bad = []
    for ch in xml.iterfind(".//a:chapter", NS):
        h = ch.find("a:heading", NS)
        if h is not None and norm(text_of(h))[:30] not in joined:
            bad.append("chapter %s missing from the outline" % ch.get("eId"))
    return bad


def read_pgm(path):
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5"
    w, h, mx = int(parts[1]), int(parts[2]), int(parts[3])
    return w, h, parts[4][:w * h]


def check_ink(xml, pdf, tmp):
    """Pages are not blank and have no ink in a band along the paper's edges
    (the text area plus the running header/footer stay inside it)."""
    import glob, os
    for f in glob.glob(tmp + "-*.pgm"):
        os.remove(f)
    subprocess.run(["pdftoppm", "-gray", "-r", "30", pdf, tmp], check=True)
    band = int(30 * 24 / 72)  # 24 pt
    bad = []
    for f in sorted(glob.glob(tmp + "-*.pgm")):
        w, h, px = read_pgm(f)
        ink = [i for i, v in enumerate(px) if v < 160]
        if not ink:
            bad.append("%s: blank page" % f)
        for i in ink:
            x, y = i % w, i // w
            if x < band or y < band or x >= w - band or y >= h - band:
                bad.append("%s: ink at %d,%d in the margin band" % (f, x, y))
                break
    return bad


def check_furniture(xml, pdf):
    """Each page shows its page number once, at the foot; no text page
    numbers from the source (e.g. '- 3 -', 'Page 3') in the body."""
    bad = []
    pages = pages_text(pdf)
    total = len(pages)
    for i, t in enumerate(pages, 1):
        if i > 1 and len(re.findall(r"\b%d/%d\b" % (i, total), t)) != 1:
            bad.append("page %d: page number %d/%d not shown exactly once" % (i, i, total))
        if re.search(r"^\s*(- \d+ -|Page \d+( of \d+)?)\s*$", t, re.M):
            bad.append("page %d: source page furniture in the text" % i)
    return bad


def main():
    check, xmlpath, pdf = sys.argv[1:4]
    xml = etree.parse(xmlpath)
    if check == "ink":
        bad = check_ink(xml, pdf, sys.argv[4])
    else:
        bad = {"notes": check_notes, "order": check_order, "outline": check_outline,
               "furniture": check_furniture}[check](xml, pdf)
    for b in bad[:15]:
        print(b)
    sys.exit(1 if bad else 0)


main()
