#!/bin/sh
# PDF edition: a block's lines keep only their bytes once laid out, and
# their glyphs are made again when their page is drawn; a long paragraph
# is laid out and drawn in windows (src/pdf/layout.c).  The windows must
# give the lines, and so the bytes, of the whole text: UNPRESS_PDF_WINDOW
# makes them a few words long (1: every word a window of its own).
. "$TOP/tests/lib.sh"
OUT="$TESTS_OUT/pdf-lines"
rm -rf "$OUT"
mkdir -p "$OUT"
export SOURCE_DATE_EPOCH=1700000000

for t in pdftotext pdfinfo qpdf; do
	command -v $t >/dev/null || { skip "pdf lines" "$t missing (poppler-utils, qpdf)"; exit 0; }
done

# One paragraph of some 75 KB (more than four default windows, sixteen
# pages): numbered words k00000…, and between them what breaks or shapes
# differently: long words hyphenated at the line's end, symbols broken
# after a slash, digit groups that stay together, bold and italic runs,
# footnote references (their notes at the foot of the pages).
$PY - "$OUT/long.md" <<'PYEOF'
import sys
extras = ["responsibilities", "internationalization", "A/RES/78/%d", "65 459 100",
          "**bold k-run**", "*italic words here*", "CTOC/COP/WG.2/2022/%d", "(see)"]
words, notes = [], []
for i in range(6000):
    words.append("k%05d" % i)
    if i % 3 == 0:
        e = extras[(i // 3) % len(extras)]
        words.append(e % i if "%d" in e else e)
    if i % 97 == 0:
        n = len(notes) + 1
        words[-1] += "[^%d]" % n
        notes.append("[^%d]: Note number %d, on the paragraph's word." % (n, n))
open(sys.argv[1], "w").write("Report\n\n" + " ".join(words) + ".\n\n" + "\n\n".join(notes) + "\n")
PYEOF
"$UNPRESS" -q -t pdf -o "$OUT/whole" "$OUT/long.md"
for w in 1 97; do
	UNPRESS_PDF_WINDOW=$w "$UNPRESS" -q -t pdf -o "$OUT/w$w" "$OUT/long.md"
	check "a long paragraph in windows of $w bytes: the same PDF" cmp "$OUT/whole/long.pdf" "$OUT/w$w/long.pdf"
done
check "a long paragraph: qpdf --check" qpdf --check "$OUT/whole/long.pdf"
check "a long paragraph: over twelve pages" $PY -c '
import subprocess, sys
n = int([l.split()[1] for l in subprocess.run(["pdfinfo", sys.argv[1]], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:")][0])
sys.exit(0 if n > 12 else "%d pages" % n)' "$OUT/whole/long.pdf"
# Read back, every numbered word is there once, in order: the lines drawn
# are the lines laid out, each page's from its own window.
check "a long paragraph: pdftotext reads its 6,000 words back in order" $PY -c '
import re, subprocess, sys
t = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout
got = [int(k) for k in re.findall(r"\bk(\d{5})", t)]
if got != list(range(6000)):
    bad = next((i for i, (a, b) in enumerate(zip(got, range(6000))) if a != b), min(len(got), 6000))
    sys.exit("%d words; the first out of place at %d: %s" % (len(got), bad, got[max(bad - 2, 0):bad + 3]))' "$OUT/whole/long.pdf"
check "a long paragraph: its notes" sh -c "pdftotext '$OUT/whole/long.pdf' - | grep -q 'Note number 62, on the'"

# Real documents: every paragraph and number (and their windows of one
# word) as laid out whole.
mkdir -p "$OUT/docs"
"$UNPRESS" -q -t pdf -o "$OUT/docs/whole" "$TOP"/input/*.txt 2>/dev/null
"$UNPRESS" render -q -t pdf -o "$OUT/docs/whole" "$TOP"/tests/pdf/un/*.xml 2>/dev/null
UNPRESS_PDF_WINDOW=1 "$UNPRESS" -q -t pdf -o "$OUT/docs/w1" "$TOP"/input/*.txt 2>/dev/null
UNPRESS_PDF_WINDOW=1 "$UNPRESS" render -q -t pdf -o "$OUT/docs/w1" "$TOP"/tests/pdf/un/*.xml 2>/dev/null
# and with no glyphs kept from the layout (an ordinary document keeps a
# megabyte's: src/pdf/pdf.c): every line's made again when drawn
UNPRESS_PDF_GLYPHS_KEPT=0 "$UNPRESS" -q -t pdf -o "$OUT/docs/k0" "$TOP"/input/*.txt 2>/dev/null
UNPRESS_PDF_GLYPHS_KEPT=0 "$UNPRESS" render -q -t pdf -o "$OUT/docs/k0" "$TOP"/tests/pdf/un/*.xml 2>/dev/null
n=$(ls "$OUT/docs/whole"/*.pdf | wc -l)
check "seeds and the UN's PDFs ($n) in windows of one word: the same bytes" sh -c '
cd "$1/whole" && for f in *.pdf; do cmp "$f" "../w1/$f" || exit 1; done' - "$OUT/docs"
check "seeds and the UN's PDFs ($n), every glyph made again when drawn: the same bytes" sh -c '
cd "$1/whole" && for f in *.pdf; do cmp "$f" "../k0/$f" || exit 1; done' - "$OUT/docs"
