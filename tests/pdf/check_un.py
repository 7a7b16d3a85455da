#!/usr/bin/python3
"""check_un.py — checks of the PDF edition on the UN's own AKN4UN files
(tests/pdf/un/), one subcommand per check; exit 0 when it holds.

  words XML PDF [text]  the document's words come back from pdftotext
                        -layout in order (reading_order): at least 98 %
                        of the body's and of the notes' (common
                        subsequences), and of the cover's (present: it
                        is set in two columns)
  numbers XML PDF SIDE  every paragraph number sits in the SIDE (left or
                        right) margin: its glyphs (pdftotext -bbox) lie
                        outside the column of the paragraphs' text
  cover PDF SIDE        the symbol is set at the top SIDE of page 1
  justified PDF         the lines of a Chinese paragraph (all but its
                        last) end at the column's edge
  hyphens PDF DICT [OTHER]
                        every word broken at a line's end is broken where
                        the patterns DICT allow, and some are; with OTHER,
                        some of those breaks OTHER does not allow
  fonts PDF FACE...     every font is embedded and is one of the FACEs
  whole XML PDF WORD... each WORD comes back whole, as often as the
                        document has it
  opens PDF WORD        the line holding WORD (a symbol opening an Arabic
                        note) is set right to left: WORD right of its
                        line's Arabic words
  apart PDF WORD        no two words of the line holding WORD overlap
  face PDF WORD FACE    WORD is set in a font named ...FACE... (-FACE: not)
"""
import ctypes
import re
import subprocess
import sys
import unicodedata

from lxml import etree

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def pdftotext(pdf, *args):
    return subprocess.run(["pdftotext", *args, pdf, "-"], capture_output=True, text=True,
                          check=True).stdout


def normalise(text):
    """What the editions may change without changing a word: line-end
    soft hyphens, the no-break hyphen set as U+2010 + word joiner,
    bidirectional marks an extractor adds, compatibility forms."""
    text = re.sub("\u00ad\\s*", "", text)
    text = text.replace("\u2060", "").replace("\u2011", "-").replace("\u2010", "-")
    for c in BIDI:
        text = text.replace(c, " ")
    # vowel marks (Arabic harakat) are not letters: an extractor may put
    # one on the letter after its own
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def group_numbers(m):
    """A run of digit groups separated by single spaces, cut into
    numbers: each a first group of one to three digits and groups of
    three after it, or the same written backwards (the UN's Arabic text
    stores "65 459 100" as "100 459 65" for the bidirectional algorithm
    to show it right), as long as possible from the left; each number
    one word, whatever the order of its groups (an extractor gives the
    groups back as shown)."""
    groups = m.group(0).split(" ")

    def valid(gs):
        fwd = all(len(g) == 3 for g in gs[1:])
        back = all(len(g) == 3 for g in gs[:-1])
        return fwd or back

    out, i = [], 0
    while i < len(groups):
        j = len(groups)
        while j > i + 1 and not valid(groups[i:j]):
            j -= 1
        out.append("#" + "-".join(sorted(groups[i:j])) if j > i + 1 else groups[i])
        i = j
    return " ".join(out)


def tokens(text):
    """Words: runs of letters, runs of digits (a note marker set against
    its word is a word of its own), numbers written in groups (see
    group_numbers); each Chinese character a word."""
    text = re.sub(r"\b\d{1,3}(?: \d{1,3})+\b", group_numbers, normalise(text))
    out = []
    for m in re.finditer(r"#[\d-]+|[\u3400-\u9fff\uf900-\ufaff]|\d+|[^\W\d_\u3400-\u9fff\uf900-\ufaff]+", text):
        out.append(m.group(0))
    return out


def shown_text(el):
    """An element's text as the editions show it: metadata and images
    left out, notes (shown at the foot of the page) left out too."""
    parts = []

    def walk(e):
        tag = etree.QName(e).localname if isinstance(e.tag, str) else ""
        if tag in ("meta", "img", "authorialNote", "documentRef"):
            if e.tail:
                parts.append(e.tail)
            return
        if isinstance(e.tag, str) and e.text:
            parts.append(e.text)
        for c in e:
            walk(c)
        if e.tail:
            parts.append(e.tail)
        if tag in ("p", "eol", "num", "heading", "subheading", "td", "th"):
            parts.append("\n")

    for c in el:
        walk(c)
    return "".join(parts)


def lcs_ratio(want, got):
    """Share of `want` found in order in `got`: the length of their longest
    common subsequence (bit-parallel, Crochemore et al. 2001: one big
    integer a bit per word of `got`) over len(want)."""
    if not want:
        return 1.0
    where = {}
    for i, w in enumerate(got):
        where[w] = where.get(w, 0) | (1 << i)
    mask = (1 << len(got)) - 1
    v = mask
    for w in want:
        u = v & where.get(w, 0)
        v = ((v + u) | (v - u)) & mask
    return (len(got) - bin(v).count("1")) / len(want)


def present(want, got):
    """Share of `want` found in `got`, as a bag."""
    bag = {}
    for w in got:
        bag[w] = bag.get(w, 0) + 1
    n = 0
    for w in want:
        if bag.get(w, 0) > 0:
            bag[w] -= 1
            n += 1
    return n / len(want) if want else 1.0


def cmd_words(xml, pdf, what="all"):
    """The text in order (a common subsequence of the PDF's words), the
    notes in order, and the cover's words present: the cover is set in
    two columns, whose reading order is the extractor's guess.  In a
    right-to-left document the numbers are checked present, not in
    order: the bidirectional algorithm places a number by its
    neighbours (a table's figures, "رقم 50 (A/78/5/Add.15)"), and an
    extractor's reconstruction of those places varies."""
    root = etree.parse(xml).getroot()
    rtl = any(e.get("language") in ("ara", "ar") for e in root.iter(AKN + "FRBRlanguage"))
    covers = [c for c in root.iter(AKN + "coverPage")]
    cover = []
    for c in covers:
        cover += tokens(shown_text(c))
        c.getparent().remove(c)
    body = tokens(shown_text(root))
    notes = []
    for n in root.iter(AKN + "authorialNote"):
        notes += tokens("".join(n.itertext()))
    got = tokens(reading_order(pdf, rtl))
    def number(w):
        return w[0] == "#" or w.isdigit()
    if rtl:
        numbers = [w for w in body + notes if number(w)]
        body = [w for w in body if not number(w)]
        notes = [w for w in notes if not number(w)]
        # -layout sets text on a grid of characters and can lose a digit
        # where a table's cells come close: numbers from the plain text
        rd = present(numbers, tokens(pdftotext(pdf)))
        ordered = [w for w in got if not number(w)]
    else:
        rd, ordered = 1.0, got
    rb, rn, rc = lcs_ratio(body, ordered), lcs_ratio(notes, ordered), present(cover, got)
    print("body %.4f of %d words, notes %.4f of %d, cover %.4f of %d%s" %
          (rb, len(body), rn, len(notes), rc, len(cover),
           ", numbers %.4f present" % rd if rtl else ""))
    if what == "text":	# the text and notes alone
        rc = 1.0
    return rb >= 0.98 and rn >= 0.98 and rc >= 0.98 and rd >= 0.98


def bbox_words(pdf, first=None, last=None):
    args = ["-bbox"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    html = pdftotext(pdf, *args)
    pages, page = [], None
    for line in html.splitlines():
        if "<page " in line:
            m = re.search(r'width="([0-9.]+)"', line)
            page = {"width": float(m.group(1)), "words": []}
            pages.append(page)
        m = re.search(r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<', line)
        if m and page is not None:
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            page["words"].append((x0, y0, x1, y1, normalise(m.group(5)).strip()))
    return pages


def strong(text):
    """+1 for each left-to-right letter, -1 for each right-to-left one."""
    return sum(1 if unicodedata.bidirectional(c) == "L" else
               -1 if unicodedata.bidirectional(c) in ("R", "AL") else 0 for c in text)


def reading_order(pdf, rtl):
    """pdftotext -layout's text, read as a right-to-left document must be.
    -layout keeps the page's lines as printed (pdftotext's default reading
    order guesses blocks and columns, and on right-to-left pages put a
    paragraph's short last line after the next paragraph's first).  In a
    right-to-left document, a line's pieces (the stretches -layout
    separates by four spaces or more: a hanging number, a table's cells)
    are taken right to left.  Within a piece the text is pdftotext's,
    as a reader who copies it gets it: nothing is put back in order here
    (until 2026-12-03 the runs of a piece that opened with a Latin word
    were reversed, to make up for notes the PDF set left to right)."""
    out = []
    for line in pdftotext(pdf, "-layout").splitlines():
        for c in BIDI:
            line = line.replace(c, " ")
        pieces = [p for p in re.split(r"\s{4,}", line.strip()) if p]
        if rtl:
            pieces = pieces[::-1]
        out.append(" ".join(pieces))
    return "\n".join(out)


def cmd_numbers(xml, pdf, side):
    """The numbers of the operative paragraphs ("1.", "1 -") hang in the
    SIDE margin: the digits' box lies outside the column where the
    paragraphs' text lines start."""
    root = etree.parse(xml).getroot()
    nums = [re.sub(r"\D", "", "".join(n.itertext())) for p in root.iter(AKN + "paragraph")
            for n in p.findall(AKN + "num")]
    nums = [n for n in nums if n]
    if len(nums) < 3:
        print("too few numbered paragraphs to check:", nums)
        return False
    pages = bbox_words(pdf)
    width = pages[0]["width"]
    found = []
    for pg in pages:
        words = pg["words"]
        for w in words:
            # "1." (Latin scripts), "1 -" (Arabic: one word "-1" or two)
            if re.fullmatch(r"-?\d+[.-]?", w[4]):
                found.append((w, pg))
    ok = 0
    bad = []
    for n in nums:
        hits = [(w, pg) for w, pg in found if re.sub(r"\D", "", w[4]) == n]
        good = False
        for w, pg in hits:
            # the number is the outermost word on its line
            line = [v for v in pg["words"] if abs(v[1] - w[1]) < 2 and v is not w and v[4] != "-"]
            if side == "right":
                good = all(v[2] < w[0] for v in line) and w[2] > width * 0.75
            else:
                good = all(v[0] > w[2] for v in line) and w[0] < width * 0.25
            if good:
                break
        ok += good
        if not good:
            bad.append(n)
    print("%d of %d paragraph numbers hang in the %s margin%s" % (ok, len(nums), side,
          (": not " + " ".join(bad[:10])) if bad else ""))
    return ok == len(nums)


def cmd_cover(pdf, side, symbol):
    pg = bbox_words(pdf, 1)[0]
    top = min(w[1] for w in pg["words"])
    hits = [w for w in pg["words"] if w[4] == symbol and w[1] < top + 20]
    if not hits:
        print("symbol %s not at the top of page 1" % symbol)
        return False
    w = hits[0]
    ok = w[2] > pg["width"] * 0.75 if side == "right" else w[0] < pg["width"] * 0.25
    print("symbol at x %.1f–%.1f of %.1f" % (w[0], w[2], pg["width"]))
    return ok


def cmd_justified(pdf):
    """Lines of Chinese text end at the column's edge: every line of a
    paragraph but its last (one followed by the next line at the
    paragraph's line pitch), when it is full of Chinese characters."""
    ends = []
    for pg in bbox_words(pdf):
        lines = {}
        for w in pg["words"]:
            lines.setdefault(round(w[1], 1), []).append(w)
        ys = sorted(lines)
        gaps = [round(b - a, 1) for a, b in zip(ys, ys[1:])]
        if not gaps:
            continue
        pitch = max(set(gaps), key=gaps.count)
        for a, b in zip(ys, ys[1:]):
            text = "".join(w[4] for w in lines[a])
            if abs(b - a - pitch) < 0.3 and len(re.findall(r"[\u4e00-\u9fff]", text)) >= 20:
                ends.append(max(w[2] for w in lines[a]))
    if len(ends) < 10:
        print("too few lines of Chinese text:", len(ends))
        return False
    edge = max(set(round(e) for e in ends), key=lambda e: sum(1 for x in ends if abs(x - e) < 1))
    at_edge = sum(1 for e in ends if abs(e - edge) < 1)
    print("%d of %d lines of Chinese inside a paragraph end at x %.0f" % (at_edge, len(ends), edge))
    return at_edge >= 0.95 * len(ends)


class Hyphenator:
    """The break points a patterns file allows: Liang's algorithm here,
    on the file's plain patterns (an oracle apart from both C readers),
    or libhyphen (ctypes) for a file with two levels (NEXTLEVEL)."""

    def __init__(self, path):
        raw = open(path, "rb").read()
        first = raw.split(b"\n", 1)[0].strip().decode("ascii", "replace")
        self.encoding = "koi8_r" if first.upper().startswith("KOI8") else \
            "iso8859_1" if first.upper().startswith("ISO8859") else "utf-8"
        self.patterns = None
        text = raw.decode(self.encoding)
        if "NEXTLEVEL" not in text:
            self.patterns = {}
            for line in text.splitlines()[1:]:
                line = line.strip()
                if not line or line.startswith("%") or re.match(r"[A-Z]{3,}", line):
                    continue
                letters = re.sub(r"\d", "", line)
                values = [0] * (len(letters) + 1)
                i = 0
                for ch in line:
                    if ch.isdigit():
                        values[i] = int(ch)
                    else:
                        i += 1
                self.patterns[letters] = values
            return
        self.lib = ctypes.CDLL("libhyphen.so.0")
        self.lib.hnj_hyphen_load.restype = ctypes.c_void_p
        self.lib.hnj_hyphen_load.argtypes = [ctypes.c_char_p]
        self.lib.hnj_hyphen_hyphenate2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                                   ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p,
                                                   ctypes.c_void_p, ctypes.c_void_p]
        self.dict = self.lib.hnj_hyphen_load(path.encode())
        if not self.dict:
            raise SystemExit("cannot load " + path)

    def breaks(self, word):
        """Character positions after which the patterns allow a break."""
        word = word.lower()
        if self.patterns is not None:
            dotted = "." + word + "."
            values = [0] * (len(dotted) + 1)
            for i in range(len(dotted)):
                for j in range(i + 1, len(dotted) + 1):
                    v = self.patterns.get(dotted[i:j])
                    if v:
                        for k, x in enumerate(v):
                            values[i + k] = max(values[i + k], x)
            # after letter x of the word comes dotted letter x + 2
            return {x + 1 for x in range(len(word)) if values[x + 2] % 2}
        w = word.encode(self.encoding)
        hy = ctypes.create_string_buffer(len(w) + 5)
        rep, pos, cut = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
        self.lib.hnj_hyphen_hyphenate2(self.dict, w, len(w), hy, None, ctypes.byref(rep),
                                       ctypes.byref(pos), ctypes.byref(cut))
        return {i + 1 for i in range(len(word)) if hy.raw[i] & 1}


def cmd_hyphens(pdf, dic, other=None):
    """Words broken at a line's end are broken where the patterns of DIC
    allow; with OTHER (another language's patterns), some of those breaks
    are ones OTHER does not allow: the language's own patterns were used."""
    h = Hyphenator(dic)
    text = pdftotext(pdf)
    # a word goes on after the soft hyphen ending a line (not after a
    # page's notes: a note's number there)
    splits = re.findall(r"([^\W\d_]+)\u00ad\n([^\W\d_]+)", text)
    if len(splits) < 3:
        print("only %d words broken at a line's end" % len(splits))
        return False
    bad = [a + "-" + b for a, b in splits if len(a) not in h.breaks(a + b)]
    print("%d words broken, %d where %s does not allow it%s" % (len(splits), len(bad), dic,
          (": " + " ".join(bad[:8])) if bad else ""))
    if other:
        o = Hyphenator(other)
        foreign = [a + "-" + b for a, b in splits if len(a) not in o.breaks(a + b)]
        print("%d of them where %s does not allow it" % (len(foreign), other))
        if not foreign:
            return False
    return not bad


def cmd_face(pdf, word, face):
    """The first text showing `word` (a Latin word, in a simple font's
    string) is set in a font whose name holds `face` ("Italic"), or,
    with face "-Italic", not.  Read from the content streams as qpdf
    uncompresses them."""
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"], capture_output=True,
                         check=True).stdout.decode("latin-1")
    objs = dict(re.findall(r"\n(\d+) 0 obj\n(.*?)\nendobj", qdf, re.S))
    names = {}
    for body in objs.values():
        for res, num in re.findall(r"/(f-\d+-\d+) (\d+) 0 R", body):
            m = re.search(r"/BaseFont /(\S+)", objs.get(num, ""))
            if m:
                names[res] = m.group(1)
    font = None
    for m in re.finditer(r"/(f-\d+-\d+) [\d.]+ Tf|\[(.*?)\]\s*TJ|\((.*?)\)\s*Tj", qdf):
        if m.group(1):
            font = names.get(m.group(1), m.group(1))
            continue
        text = "".join(re.findall(r"\(((?:[^()\\]|\\.)*)\)", m.group(2))) if m.group(2) is not None else m.group(3)
        if word in text:
            want = not face.startswith("-")
            print("%s is set in %s" % (word, font))
            return (face.lstrip("-") in (font or "")) == want
    print(word, "not found as text")
    return False


def cmd_fonts(pdf, *faces):
    out = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    ok = True
    for line in out.splitlines()[2:]:
        f = line.split()
        name = f[0].split("+", 1)[-1]
        emb = f[-5]
        if emb != "yes" or not any(name.startswith(face) for face in faces):
            print("font", name, "embedded" if emb == "yes" else "NOT embedded", "not one of", faces)
            ok = False
    return ok


def cmd_whole(xml, pdf, *words):
    """Each WORD comes back from pdftotext whole (as a word of
    reading_order) as often as the document has it: a word that came
    back split ("أل ف" for "ألف", "وعر ض" for "وعرَّض") is missing."""
    root = etree.parse(xml).getroot()
    rtl = any(e.get("language") in ("ara", "ar") for e in root.iter(AKN + "FRBRlanguage"))
    want = tokens(" ".join(root.itertext()))
    got = tokens(reading_order(pdf, rtl))
    ok = True
    for w in words:
        w = tokens(w)[0]
        n, m = want.count(w), got.count(w)
        print("%s: %d of %d whole" % (w, m, n))
        ok = ok and n > 0 and m >= n
    return ok


def cmd_opens(pdf, word):
    """The note (or paragraph) line that holds WORD (a Latin symbol
    opening it, as "A/50/426، المرفق.") is set right to left: WORD lies
    right of every Arabic word of its line (pdftotext -bbox)."""
    for pg in bbox_words(pdf):
        for w in pg["words"]:
            if word not in w[4]:
                continue
            line = [v for v in pg["words"] if abs(v[1] - w[1]) < 2 and strong(v[4]) < 0]
            if not line:
                continue
            left = [v for v in line if v[2] > w[0]]
            print("%s at x %.1f, %d Arabic words on its line, %d of them not left of it" %
                  (word, w[0], len(line), len(left)))
            return not left
    print(word, "not found on a line with Arabic words")
    return False


def cmd_apart(pdf, word):
    """No two words of the line that holds WORD (pdftotext -bbox) overlap:
    a number hanging before a title is not overprinted by it."""
    for pg in bbox_words(pdf):
        for w in pg["words"]:
            if w[4] != word:
                continue
            line = sorted((v for v in pg["words"] if abs(v[1] - w[1]) < 2), key=lambda v: v[0])
            over = [(a[4], b[4], a[2] - b[0]) for a, b in zip(line, line[1:]) if a[2] - b[0] > 0.3]
            print("%d words on the line of %s, %d overlaps%s" % (len(line), word, len(over),
                  "".join(" (%s over %s by %.1f pt)" % o for o in over)))
            return not over
    print(word, "not found")
    return False


if __name__ == "__main__":
    cmds = {"words": cmd_words, "numbers": cmd_numbers, "cover": cmd_cover,
            "justified": cmd_justified, "hyphens": cmd_hyphens, "fonts": cmd_fonts,
            "face": cmd_face, "whole": cmd_whole, "opens": cmd_opens,
            "apart": cmd_apart}
    sys.exit(0 if cmds[sys.argv[1]](*sys.argv[2:]) else 1)
