#!/bin/sh
# PDF edition, long documents (src/pdf/streamed.c): a document whose XML
# is over 2 MB is walked twice, measured and paginated in the first walk,
# each page drawn in the second as soon as its blocks are made again, so
# that a few pages of blocks are held, not the document's.  Every byte
# must be what the whole document laid out at once gives
# (UNPRESS_PDF_STREAM=1 walks every document twice, =0 none): the
# contents list, the outline, annexes on a new page, tables' last rules,
# first-line indents and notes running on to the next page come from
# what one walk decides for blocks another made.
# And the structure budget (src/pdf/plan.c): a document with more
# structure elements, links and destinations than one for every 10 bytes
# of its text (cairo holds each to the end) is drawn untagged and
# unlinked, and says so; an ordinary one is tagged.
. "$TOP/tests/lib.sh"
OUT="$TESTS_OUT/pdf-streamed"
rm -rf "$OUT"
mkdir -p "$OUT/in"
export SOURCE_DATE_EPOCH=1700000000

for t in pdftotext pdfinfo qpdf; do
	command -v $t >/dev/null || { skip "pdf streamed" "$t missing (poppler-utils, qpdf)"; exit 0; }
done

# A report in the shapes one walk decides for another's blocks: a
# contents list (six chapters), a table (its last row ruled), a long
# note that runs on to the next page, an annex (a new page) with a
# chapter of its own.
$PY - "$OUT/in/shapes.md" <<'PYEOF'
import sys
out = ["# Report of the Working Group on walks", ""]
for ch, title in enumerate(["Introduction", "Mandate", "Meetings", "Findings", "Views", "Conclusions"], 1):
    out += ["## %s. %s" % ("I II III IV V VI".split()[ch - 1], title), ""]
    for p in range(1, 9):
        n = (ch - 1) * 8 + p
        out += ["%d. The Group considered item %d of its agenda at length, and recalled "
                "resolution 80/%d and the documents before it.%s" % (n, n, n, "[^%d]" % n if p % 3 == 0 else ""), ""]
    if ch == 4:
        out += ["| Item | Meetings | Documents |", "|---|---|---|"]
        out += ["| %d | %d | A/AC.1/2026/%d |" % (i, i * 2, i) for i in range(1, 6)] + [""]
out += ["## Annex", "", "### I. Opening", "", "1. The Chair opened the meeting.[^99]", ""]
for n in range(1, 49):
    if n % 3 == 0:
        long = " ".join(["The note runs on, as a long note does, over many lines of small type."] * (40 if n == 21 else 1))
        out += ["[^%d]: See A/80/%d. %s" % (n, n, long), ""]
out += ["[^99]: A/AC.1/2026/3.", ""]
open(sys.argv[1], "w").write("\n".join(out))
PYEOF

inputs="$TOP/input/*.txt $TOP/tests/read/inputs/*.txt $TOP/tests/markdown/inputs/*.md $OUT/in/shapes.md"
# shellcheck disable=SC2086
UNPRESS_PDF_STREAM=0 "$UNPRESS" -q -j 2 -t pdf -o "$OUT/whole" $inputs 2>"$OUT/whole.err"
# shellcheck disable=SC2086
UNPRESS_PDF_STREAM=1 "$UNPRESS" -q -j 2 -t pdf -o "$OUT/twice" $inputs 2>"$OUT/twice.err"
# the UN's own files, rendered from a whole tree
UNPRESS_PDF_STREAM=0 "$UNPRESS" render -q -t pdf -o "$OUT/un-whole" "$TOP"/tests/pdf/un/*[ECFS].xml 2>>"$OUT/whole.err"
UNPRESS_PDF_STREAM=1 "$UNPRESS" render -q -t pdf -o "$OUT/un-twice" "$TOP"/tests/pdf/un/*[ECFS].xml 2>>"$OUT/twice.err"
count=0 differ=""
for f in "$OUT"/whole/*.pdf "$OUT"/un-whole/*.pdf; do
	count=$((count + 1))
	other=$(echo "$f" | sed 's|/whole/|/twice/|; s|/un-whole/|/un-twice/|')
	cmp -s "$f" "$other" || differ="$differ $(basename "$f")"
done
check "PDFs were made ($count)" test "$count" -ge 25
expect "walked twice, every PDF is the whole document's, byte for byte" "" "$differ"
# (the documents' lines: under AddressSanitizer, LeakSanitizer adds its own)
grep ': warning: \|: error: ' "$OUT/whole.err" >"$OUT/whole.said"
grep ': warning: \|: error: ' "$OUT/twice.err" >"$OUT/twice.said"
check "walked twice: the same warnings" cmp "$OUT/whole.said" "$OUT/twice.said"
check "the inputs warned of something (so the comparison means something)" test -s "$OUT/whole.said"
check "the report has its contents list" sh -c "pdftotext '$OUT/twice/shapes.pdf' - | grep -q '^Contents'"
check "the report's outline names its chapters" sh -c "qpdf --json '$OUT/twice/shapes.pdf' | grep -q 'IV. Findings'"
check "the report's long note runs on to another page" $PY -c '
import subprocess, sys
pages = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout.split("\f")
hit = [i for i, p in enumerate(pages) if "as a long note does" in p]
sys.exit(0 if len(set(hit)) >= 2 else "the long note is on pages %s" % hit)' "$OUT/twice/shapes.pdf"
check "the report's annex starts a page" $PY -c '
import subprocess, sys
pages = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout.split("\f")
sys.exit(0 if any(p.lstrip().startswith("Annex") or "\nAnnex" in p.split("Opening")[0][:200] for p in pages) else "no page starts with the annex")' "$OUT/twice/shapes.pdf"

# By default, a document's XML over 2 MB is walked twice (-v says so),
# an ordinary one once.
$PY - "$OUT/in/long.txt" <<'PYEOF'
import sys
paras = ["%d. The Committee considered the report of the Secretary-General on item %d and "
         "took note of document A/80/%d with appreciation for the work done." % (i, i, i) for i in range(1, 16001)]
open(sys.argv[1], "w").write("Report\n\n" + "\n\n".join(paras) + "\n")
PYEOF
"$UNPRESS" -v -t xml,pdf -o "$OUT/long" "$OUT/in/long.txt" 2>"$OUT/long.err"
check "a long document: its XML is over 2 MB" test "$(wc -c <"$OUT/long/long.xml")" -gt 2097152
check "a long document is walked twice by default (-v)" grep -q "a long document (.* bytes of XML): measured in one walk, drawn in a second" "$OUT/long.err"
check "a long document: tagged" sh -c "pdfinfo '$OUT/long/long.pdf' | grep -q '^Tagged: *yes'"
check "a long document: its last paragraph" sh -c "pdftotext '$OUT/long/long.pdf' - | grep -q 'A/80/16000'"
"$UNPRESS" -v -t pdf -o "$OUT/short" "$TOP/input/resolution-11-3.txt" 2>"$OUT/short.err"
check "an ordinary document is walked once" sh -c "! grep -q 'measured in one walk' '$OUT/short.err'"

# The structure budget.  Dense notes (a reference and a note with a
# symbol every 60 bytes): some 9 elements each; over the floor of 20,000,
# drawn untagged, said so, every word kept.
$PY - "$OUT/in" <<'PYEOF'
import sys
def report(n, para):
    """n paragraphs, each with a note, the notes after every tenth."""
    out = ["Report", ""]
    for g in range(1, n + 1, 10):
        group = range(g, min(g + 10, n + 1))
        out += [para % (i, i) + "<sup>%d</sup>" % i for i in group]
        out += ["---"] + ["<sup>%d</sup> See A/RES/76/%d." % (i, i) for i in group]
    return "\n\n".join(out) + "\n"
open(sys.argv[1] + "/dense.txt", "w").write(report(4000, "%d. Item %d."))
open(sys.argv[1] + "/dense-short.txt", "w").write(report(300, "%d. Item %d."))
# as many notes, one to a paragraph of ordinary length
open(sys.argv[1] + "/sparse.txt", "w").write(report(4000,
    "%d. The Committee considered the report of the Secretary-General on item %d before it, "
    "recalled its earlier resolutions on the matter and took note of the documents submitted "
    "to it at the session, with appreciation."))
PYEOF
for f in dense dense-short sparse; do
	"$UNPRESS" -t pdf -o "$OUT/budget" "$OUT/in/$f.txt" 2>"$OUT/$f.err"
done
check "dense notes: the warning says the PDF is untagged and unlinked" \
	grep -q "structure elements, links and destinations for .* bytes of text (more than one for every 10): the PDF is drawn without them, untagged and unlinked" "$OUT/dense.err"
check "dense notes: untagged" sh -c "pdfinfo '$OUT/budget/dense.pdf' | grep -q '^Tagged: *no'"
check "dense notes: no link annotations" sh -c "! grep -aq '/Subtype /Link' '$OUT/budget/dense.pdf'"
check "dense notes: qpdf --check" qpdf --check "$OUT/budget/dense.pdf"
check "dense notes: every note's text is drawn" sh -c "pdftotext '$OUT/budget/dense.pdf' - | grep -q 'See A/RES/76/4000\.'"
check "dense notes, under the floor: tagged" sh -c "pdfinfo '$OUT/budget/dense-short.pdf' | grep -q '^Tagged: *yes'"
check "dense notes, under the floor: no warning" sh -c "! grep -q 'untagged' '$OUT/dense-short.err'"
check "as many notes in ordinary paragraphs: tagged" sh -c "pdfinfo '$OUT/budget/sparse.pdf' | grep -q '^Tagged: *yes'"
check "as many notes in ordinary paragraphs: linked" grep -aq '/Subtype /Link' "$OUT/budget/sparse.pdf"
check "as many notes in ordinary paragraphs: no warning" sh -c "! grep -q 'untagged' '$OUT/sparse.err'"
UNPRESS_PDF_STREAM=1 "$UNPRESS" -q -t pdf -o "$OUT/budget-twice" "$OUT/in/dense.txt" 2>/dev/null
check "dense notes walked twice: the same PDF" cmp "$OUT/budget/dense.pdf" "$OUT/budget-twice/dense.pdf"
