#!/usr/bin/python3
"""check_pdf.py CHECK XML PDF — structural checks of a PDF edition against
the AKN it was rendered from.  Prints nothing and exits 0 on success, else
prints what is wrong and exits 1.  Checks: notes, order, outline, ink, furniture, leaders, notemarks,
notelines, backlinks."""
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


def check_leaders(xml, pdf):
    """A contents list (when there is one) has dot leaders between each
    entry's text and its right-aligned page number."""
    bad = []
    for pageno, t in enumerate(pages_text(pdf)[:3], 1):
        lines = t.splitlines()
        heads = [i for i, l in enumerate(lines) if l.strip() == "Contents"]
        if not heads:
            continue
        entries = [l for l in lines[heads[0] + 1:] if re.search(r"\S\s+\d+\s*$", l)]
        if len(entries) < 3:
            bad.append("contents: fewer than 3 entries with a page number")
        # the page numbers end at one x (right-aligned)
        words = [w for w in words_bbox(pdf) if w[0] == pageno]
        edge = max(w[4] for w in words)
        ends = [w[4] for w in words if re.fullmatch(r"\d+", w[1]) and w[4] > edge - 30]
        if len(ends) < len(entries) or max(ends) - min(ends) > 0.5:
            bad.append("contents: page numbers not right-aligned (right edges %s)" % sorted(set(ends)))
        for l in entries:
            if not re.search(r"(\. ?){4,}\s*\d+\s*$", l):
                bad.append("contents: no dot leaders in %r" % l.strip())
        return bad
    return bad


def words_bbox(pdf):
    """Every word on every page as (page, text, xmin, ymin, xmax, ymax)."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    words, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            words.append((page, m.group(5), *map(float, m.group(1, 2, 3, 4))))
    return words


def check_notemarks(xml, pdf):
    """In the notes area each note's marker is a superscript: smaller than
    the note's text and raised above its baseline."""
    words = words_bbox(pdf)
    bad, seen = [], 0
    for note in xml.iterfind(".//a:authorialNote", NS):
        marker = note.get("marker")
        first = (text_of(note).split() or [""])[0]
        if not marker or not first or note.get("class") == "missing":
            continue
        pairs = [(w, n) for w in words if w[1] == marker for n in words
                 if n[0] == w[0] and n[1].replace("&amp;", "&") == first
                 and 0 < n[2] - w[4] < 30 and abs(n[5] - w[5]) < 6]
        for w, n in pairs[:1]:
            seen += 1
            mh, th = w[5] - w[3], n[5] - n[3]
            if not (mh < 0.85 * th and w[5] < n[5] - 1):
                bad.append("note %s: marker %r not superscript (height %.1f vs %.1f, bottom %.1f vs %.1f)"
                           % (note.get("eId"), marker, mh, th, w[5], n[5]))
    if seen == 0 and xml.find(".//a:authorialNote", NS) is not None:
        bad.append("no note marker found in the notes area")
    return bad


def check_notelines(xml, pdf):
    """pdftotext, in its reading order, reads each note's marker on the
    line of the note's first words ("1 Official Records ..."), not with
    the paragraphs' numbers in the margin."""
    lines = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.splitlines()
    bad = []
    for note in xml.iterfind(".//a:authorialNote", NS):
        marker = note.get("marker")
        first = (text_of(note).split() or [""])[0]
        if not marker or not first or note.get("class") == "missing":
            continue
        want = re.compile(r"^\s*" + re.escape(marker) + r"\s*" + re.escape(first))
        if not any(want.match(l) for l in lines):
            bad.append("note %s: no line reads %r before %r" % (note.get("eId"), marker, first))
    return bad


def check_backlinks(xml, pdf):
    """Each note's marker in the notes area links back to its reference:
    a link to the destination fnref_<eId>, and that destination exists."""
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"],
                         capture_output=True).stdout.decode("latin-1")
    links = set(re.findall(r"/Dest \((fnref_[^)]*)\)", qdf))
    names = set(re.findall(r"^\s*\((fnref_[^)]*)\)\s*$", qdf, re.M))
    bad = []
    for note in xml.iterfind(".//a:authorialNote", NS):
        eid = note.get("eId")
        if not eid:
            continue
        if "fnref_" + eid not in links:
            bad.append("note %s: no link back to its reference" % eid)
        if "fnref_" + eid not in names:
            bad.append("note %s: no destination at its reference" % eid)
    return bad


def main():
    check, xmlpath, pdf = sys.argv[1:4]
    xml = etree.parse(xmlpath)
    if check == "ink":
        bad = check_ink(xml, pdf, sys.argv[4])
    else:
        bad = {"notes": check_notes, "order": check_order, "outline": check_outline,
               "furniture": check_furniture, "leaders": check_leaders,
               "notemarks": check_notemarks, "backlinks": check_backlinks,
               "notelines": check_notelines}[check](xml, pdf)
    for b in bad[:15]:
        print(b)
    sys.exit(1 if bad else 0)


main()
