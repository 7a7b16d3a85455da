#!/usr/bin/python3
"""Fidelity on real extractor output (`make fidelity`; a benchmark, not a test).

Converts every text of a development set (default ../shared/devset: UN
documents as pdftotext wrote them) with `unpress -t xml` and prints, per
document:
  - against the UN's own AKN4UN markup where the set has it (NAME.xml beside
    NAME.txt): preambular clauses, operative paragraphs, footnotes (count,
    and whether the markers come in the UN's order), annexes, symbol, title
    and the similarity of the body text (words of preface, preamble,
    mainBody, conclusions and attachments, notes included at their place),
    and the words joined across a stray space that the UN's text does not
    have (false joins / joins);
  - for every document: furniture left in the text (the job number, the
    barcode, the print date, `n/N` page numbers, running headers printed as
    paragraphs), paragraphs over 2,000 characters, paragraphs that start
    mid-sentence (in lower case, outside points and notes), and warnings.
Targets: every count equal to the UN's, similarity >= 0.99, no furniture,
no run-on and no mid-sentence paragraph.  The last line sums the set up.

Usage: fidelity.py [--unpress ./unpress] [--devset DIR] [--keep DIR] [-v]
"""
import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile

from lxml import etree

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}


def local(el):
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


# the same hyphen, whichever the typesetter used (the UN's XML has U+2011,
# the printed page and pdftotext a hyphen-minus)
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


# Han characters: Chinese sets no spaces between words, so each character
# is a token of its own (else a clause would be one "word", and a space
# that a line's end put in or left out would make all of it differ).
HAN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


def words(text):
    return re.findall(r"\w+(?:[’'.-]\w+)*|[^\w\s]", HAN.sub(r" \1 ", text.translate(HYPHENS)))


def text_of(el):
    return " ".join("".join(el.itertext()).split())


def root_doc(tree):
    """The statement/doc element under akomaNtoso."""
    for c in tree.getroot():
        if local(c) in ("statement", "doc", "act", "bill", "debate", "judgment", "amendment"):
            return c
    return None


def body_text(doc):
    """The words a reader reads: a note's text stands apart from the word
    its marker follows (the UN's files indent it with tabs, ours do not)."""
    import copy
    doc = copy.deepcopy(doc)
    for note in doc.iter("{%s}authorialNote" % AKN):
        note.text = " " + (note.text or "")
        note.tail = " " + (note.tail or "")
    parts = []
    for name in ("preface", "preamble", "mainBody", "conclusions", "attachments"):
        el = doc.find("a:" + name, NS)
        if el is None:
            continue
        if name == "attachments":
            # only the bodies of the attachments, not their meta
            for sub in el.iter("{%s}mainBody" % AKN, "{%s}preface" % AKN):
                parts.append(text_of(sub))
        else:
            parts.append(text_of(el))
    return " ".join(parts)


def counts(doc):
    """What the fidelity table compares, read the same way from both files."""
    pre = doc.findall("a:preamble/a:container", NS)
    ops = [p for p in doc.findall("a:mainBody/a:paragraph", NS) if p.find("a:num", NS) is not None]
    notes = [n.get("marker") for n in doc.iter("{%s}authorialNote" % AKN)]
    annexes = len(doc.findall("a:attachments/a:attachment", NS))
    annexes += len(doc.findall(".//a:mainBody//a:hcontainer[@name='annex']", NS))
    symbol = None
    for d in doc.iter("{%s}docNumber" % AKN):
        if "/" in (d.text or "") and d.getparent() is not None and doc.find("a:coverPage", NS) is not None \
                and d in doc.find("a:coverPage", NS).iter():
            symbol = text_of(d)
            break
    if symbol is None:
        alias = doc.find(".//a:FRBRWork/a:FRBRalias[@name='symbol']", NS)
        symbol = alias.get("value") if alias is not None else None
    title = None
    pre_el = doc.find("a:preface", NS)
    if pre_el is not None:
        t = pre_el.find(".//a:docTitle", NS)
        if t is not None:
            title = text_of(t)
    return {
        "pre": len(pre),
        "ops": len(ops),
        "notes": notes,
        "annexes": annexes,
        "symbol": symbol,
        "title": title,
    }


FURNITURE_PATTERNS = [
    ("job number", re.compile(r"(?<![\w/.-])\d{2}-\d{5}(?: \(E\))?(?![\w/-])")),
    ("barcode", re.compile(r"\*\d{6,8}\*|`{6,}")),
    ("recycle", re.compile(r"Please recycle")),
]


def source_facts(txt):
    """What the printed pages carried, read off the source independently of
    unpress: the number of pages, the job number, the print date."""
    pages = txt.count("\f") + 1
    job = re.search(r"^(\d{2}-\d{5})(?: \(E\))?$", txt, re.M)
    stamp = None
    if job:
        # the print date stands alone near the job number on the first page
        first = txt.split("\f")[0]
        m = re.search(r"^(\d{5,6})$", first, re.M)
        stamp = m.group(1) if m else None
    return pages, job.group(1) if job else None, stamp


def furniture_left(doc, txt, symbol):
    pages, job, stamp = source_facts(txt)
    found = []
    blocks = [b for b in doc.iter("{%s}p" % AKN, "{%s}heading" % AKN, "{%s}num" % AKN)
              if not any(local(a) in ("meta", "coverPage") for a in b.iterancestors())]
    for b in blocks:
        t = text_of(b)
        own = " ".join("".join(x for x in [b.text or ""]).split())
        for name, rx in FURNITURE_PATTERNS:
            if rx.search(t) and not any(local(a) == "authorialNote" for a in b.iterancestors()):
                if name == "job number" and job and job not in t:
                    continue
                found.append((name, t[:80]))
        # n/N page numbers, alone or glued to a word (not "resolutions 5/7")
        for m in re.finditer(r"(?:^|(?<=[^\W\d_]))(\d{1,3})/(\d{1,3})(?![\d/])", t):
            if int(m.group(2)) == pages and 1 <= int(m.group(1)) <= pages and pages > 1:
                found.append(("page number", t[max(0, m.start() - 30):m.end() + 10]))
        if stamp and re.search(r"(?<!\d)%s(?!\d)" % stamp, t):
            found.append(("print date", t[:80]))
        if symbol and t == symbol:
            found.append(("running header", t))
        del own
    return found


def mid_sentence(doc):
    """Texts that open in lower case where a paragraph must not: unnumbered
    or numbered paragraphs and preambular clauses (points and notes may)."""
    bad = []
    for p in doc.iter("{%s}p" % AKN):
        anc = [local(a) for a in p.iterancestors()]
        if "authorialNote" in anc or "point" in anc or "item" in anc or "list" in anc:
            continue
        if "meta" in anc or "coverPage" in anc or "preface" in anc:
            continue
        if p.find(".//a:embeddedStructure", NS) is not None:
            continue
        t = text_of(p)
        if t and t[0].islower():
            bad.append(t[:80])
    return bad


def run_on(doc, limit=2000):
    out = []
    for p in doc.iter("{%s}p" % AKN):
        if any(local(a) == "authorialNote" for a in p.iterancestors()):
            continue
        # the wrapper of an embedded resolution is no paragraph of text
        if p.find(".//a:embeddedStructure", NS) is not None:
            continue
        # the note texts inside the paragraph do not make it longer
        t = "".join(x for x in p.xpath("text()|.//*[not(ancestor-or-self::a:authorialNote)]/text()",
                                       namespaces=NS))
        if len(" ".join(t.split())) > limit:
            out.append(len(t))
    return out


def similarity(a, b):
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--unpress", default="./unpress")
    ap.add_argument("--devset", default=os.path.join(os.path.dirname(__file__), "../../../shared/devset"))
    ap.add_argument("--keep", help="write the XML here and keep it")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    devset = os.path.normpath(args.devset)
    texts = sorted(f for f in os.listdir(devset) if f.endswith(".txt"))
    out = args.keep or tempfile.mkdtemp(prefix="fidelity.")
    if not args.keep:
        import atexit
        import shutil
        atexit.register(shutil.rmtree, out, True)
    os.makedirs(out, exist_ok=True)
    header = ("document", "pre", "ops", "notes", "order", "annex", "symbol", "title", "sim",
              "joins", "furn", ">2000", "mid", "warn")
    rows = []
    totals = {"docs": 0, "ref_docs": 0, "counts_equal": 0, "counts": 0, "sim_ok": 0, "joins": 0, "false_joins": 0,
              "furniture": 0, "runon": 0, "mid": 0, "warnings": 0, "sym_ok": 0, "title_ok": 0}
    for name in texts:
        src = os.path.join(devset, name)
        base = name[:-4]
        xml_ref = os.path.join(devset, base + ".xml")
        doc_out = os.path.join(out, base)
        os.makedirs(doc_out, exist_ok=True)
        # each document alone, under its own file name (the output is named
        # by the symbol found, which is what is being measured)
        p = subprocess.run([args.unpress, "-v", "--force", "-j", "1", "-t", "xml", "-o", doc_out, src],
                           capture_output=True, text=True)
        # the words the words pass joined ("tha t" → "that"), to be checked
        # against the UN's text: a join the UN's text does not have is false
        joins = re.findall(r'joined "([^"]*) ([^"]*)" split by a stray space', p.stderr)
        warnings = [l for l in p.stderr.splitlines() if ": warning: " in l]
        produced = [f for f in os.listdir(doc_out) if f.endswith(".xml") and not f.endswith(".manifest.xml")]
        totals["docs"] += 1
        totals["warnings"] += len(warnings)
        if p.returncode not in (0, 1) or len(produced) != 1:
            rows.append((base, "FAILED rc=%d" % p.returncode))
            continue
        ours_tree = etree.parse(os.path.join(doc_out, produced[0]))
        ours = root_doc(ours_tree)
        txt = open(src, encoding="utf-8").read()
        c = counts(ours)
        furn = furniture_left(ours, txt, c["symbol"])
        runs = run_on(ours)
        mids = mid_sentence(ours)
        totals["furniture"] += len(furn)
        totals["runon"] += len(runs)
        totals["mid"] += len(mids)
        row = {"document": base, "furn": len(furn), ">2000": len(runs), "mid": len(mids), "warn": len(warnings)}
        if os.path.exists(xml_ref):
            ref = root_doc(etree.parse(xml_ref))
            r = counts(ref)
            totals["ref_docs"] += 1
            for k in ("pre", "ops", "annexes"):
                row[k if k != "annexes" else "annex"] = "%d/%d" % (c[k], r[k]) + ("" if c[k] == r[k] else " ✗")
                totals["counts"] += 1
                totals["counts_equal"] += c[k] == r[k]
            row["notes"] = "%d/%d" % (len(c["notes"]), len(r["notes"])) + ("" if len(c["notes"]) == len(r["notes"]) else " ✗")
            totals["counts"] += 1
            totals["counts_equal"] += len(c["notes"]) == len(r["notes"])
            row["order"] = "same" if c["notes"] == r["notes"] else "differs"
            row["symbol"] = "ok" if c["symbol"] == r["symbol"] else "%s ✗" % c["symbol"]
            totals["sym_ok"] += c["symbol"] == r["symbol"]
            norm = lambda s: " ".join((s or "").replace("\u2019", "'").translate(HYPHENS).split()).rstrip(".")
            row["title"] = "ok" if norm(c["title"]) == norm(r["title"]) else "✗"
            totals["title_ok"] += norm(c["title"]) == norm(r["title"])
            sim = similarity(body_text(ours), body_text(ref))
            row["sim"] = "%.3f" % sim
            ref_words = set(w.lower() for w in words(body_text(ref)))
            false = [a + " " + b for a, b in joins if (a + b).lower() not in ref_words]
            totals["joins"] += len(joins)
            totals["false_joins"] += len(false)
            row["joins"] = "%d/%d" % (len(false), len(joins))
            if args.verbose:
                for f in false:
                    print("  %s false join: %s" % (base, f))
            totals["sim_ok"] += sim >= 0.99
            if args.verbose and norm(c["title"]) != norm(r["title"]):
                print("  %s title: ours %r, UN %r" % (base, c["title"], r["title"]))
            if args.verbose and c["notes"] != r["notes"]:
                print("  %s notes: ours %s\n  %s   UN  %s" % (base, c["notes"], " " * len(base), r["notes"]))
        else:
            row.update({"pre": "%d" % c["pre"], "ops": "%d" % c["ops"], "notes": "%d" % len(c["notes"]),
                        "order": "", "annex": "%d" % c["annexes"], "symbol": c["symbol"] or "-",
                        "title": "yes" if c["title"] else "none", "sim": ""})
        rows.append(tuple(str(row.get(h, "")) for h in header))
        if args.verbose:
            for what, t in furn:
                print("  %s furniture (%s): %s" % (base, what, t))
            for t in mids:
                print("  %s mid-sentence: %s" % (base, t))
            for w in warnings:
                print("  " + w)
    widths = [max(len(str(r[i])) if len(r) > i else 0 for r in rows + [header]) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for r in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)))
    print("fidelity: %d documents (%d with UN markup): counts equal %d/%d, symbol %d/%d, title %d/%d, "
          "similarity >= 0.99 in %d/%d; false word joins %d of %d; furniture left %d, "
          "paragraphs over 2,000 characters %d, mid-sentence paragraphs %d, warnings %d" % (
              totals["docs"], totals["ref_docs"], totals["counts_equal"], totals["counts"],
              totals["sym_ok"], totals["ref_docs"], totals["title_ok"], totals["ref_docs"],
              totals["sim_ok"], totals["ref_docs"], totals["false_joins"], totals["joins"],
              totals["furniture"], totals["runon"], totals["mid"], totals["warnings"]))


if __name__ == "__main__":
    main()
