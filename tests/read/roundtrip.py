"""Compare two AKN files as the fidelity benchmark does: the structure
(preambular clauses, operative paragraphs, footnotes and their markers,
annexes, symbol, title) must be equal and the body text at least as
similar as the limit.  Prints "ok - NAME" or "not ok - NAME" and what
differs.  Usage: roundtrip.py NAME ORIGINAL.xml REREAD.xml [LIMIT]"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bench"))
import fidelity  # noqa: E402
from lxml import etree  # noqa: E402

name, original, reread = sys.argv[1:4]
limit = float(sys.argv[4]) if len(sys.argv) > 4 else 0.98
a = fidelity.root_doc(etree.parse(original))
b = fidelity.root_doc(etree.parse(reread))
ca, cb = fidelity.counts(a), fidelity.counts(b)
norm = lambda t: " ".join((t or "").translate(fidelity.HYPHENS).split())
problems = [f"{k}: {ca[k]!r} became {cb[k]!r}" for k in ("pre", "ops", "notes", "annexes", "symbol")
            if ca[k] != cb[k]]
if norm(ca["title"]) != norm(cb["title"]):
    problems.append(f"title: {ca['title']!r} became {cb['title']!r}")
sim = fidelity.similarity(fidelity.body_text(a), fidelity.body_text(b))
if sim < limit:
    problems.append("body text similarity %.3f < %.2f" % (sim, limit))
print(("not ok - " if problems else "ok - ") + name + (" (similarity %.3f)" % sim))
for p in problems:
    print("    " + p)
