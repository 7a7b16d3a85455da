#!/bin/sh
# PDF edition: validity, fonts, footnote placement, paragraph order,
# outline, margins, metadata and reproducibility — for the contract
# fixtures and for every input.
. "$TOP/tests/lib.sh"
OUT="$TESTS_OUT/pdf"
mkdir -p "$OUT/fix" "$OUT/in"
CHECK="$TOP/tests/pdf/check_pdf.py"
export SOURCE_DATE_EPOCH=1700000000

for t in qpdf pdffonts pdftotext pdftoppm; do
	command -v $t >/dev/null || { skip "pdf" "$t missing (poppler-utils, qpdf)"; exit 0; }
done

"$UNPRESS" render -t pdf -o "$OUT/fix" "$TOP"/tests/fixtures/contract-*.xml 2>"$OUT/fix.err"
check "fixtures render" test -s "$OUT/fix/contract-report.pdf" -a -s "$OUT/fix/contract-resolution.pdf"
"$UNPRESS" -q -t xml,pdf -o "$OUT/in" "$TOP"/input/*.txt 2>"$OUT/in.err"

docs=""
for x in "$TOP"/tests/fixtures/contract-*.xml; do
	b=$(basename "$x" .xml); docs="$docs $x:$OUT/fix/$b.pdf"
done
for x in "$OUT"/in/*.xml; do
	[ -f "$x" ] || continue
	b=$(basename "$x" .xml); docs="$docs $x:$OUT/in/$b.pdf"
done

for d in $docs; do
	x=${d%%:*} p=${d#*:} n=$(basename "$p" .pdf)
	if [ ! -s "$p" ]; then echo "not ok - $n: no PDF"; continue; fi
	check "$n: qpdf --check" qpdf --check "$p"
	check "$n: fonts embedded" sh -c "pdffonts '$p' | awk 'NR>2 && \$(NF-4)!=\"yes\" {print; bad=1} END {exit bad}'"
	check "$n: footnotes on their reference's page" $PY "$CHECK" notes "$x" "$p"
	check "$n: paragraph numbers in order" $PY "$CHECK" order "$x" "$p"
	check "$n: outline lists the chapters" $PY "$CHECK" outline "$x" "$p"
	check "$n: furniture" $PY "$CHECK" furniture "$x" "$p"
	check "$n: contents with dot leaders" $PY "$CHECK" leaders "$x" "$p"
	check "$n: note markers superscript in the notes area" $PY "$CHECK" notemarks "$x" "$p"
	check "$n: notes link back to their references" $PY "$CHECK" backlinks "$x" "$p"
	check "$n: pages inked, margins clear" $PY "$CHECK" ink "$x" "$p" "$OUT/ink-$n"
done

# Metadata and reproducibility
r=$OUT/fix/contract-report.pdf
expect "metadata subject is the symbol" "CTOC/COP/2022/9" "$(pdfinfo "$r" | sed -n 's/^Subject: *//p')"
expect "metadata creator" "unpress" "$(pdfinfo "$r" | sed -n 's/^Creator: *//p')"
check "creation date from SOURCE_DATE_EPOCH" sh -c "pdfinfo -isodates '$r' | grep -q 'CreationDate: *2023-11-14T22:13:20'"
check "external links present" sh -c "qpdf --qdf --object-streams=disable '$r' - | grep -aq 'undocs.org/A/RES/76/185'"
check "internal links to footnotes" sh -c "qpdf --qdf --object-streams=disable '$r' - | grep -aq '/Dests\|authorialNote_1'"
check "tagged (StructTreeRoot)" sh -c "qpdf --qdf --object-streams=disable '$r' - | grep -aq StructTreeRoot"
mkdir -p "$OUT/again"
"$UNPRESS" render -t pdf -o "$OUT/again" "$TOP"/tests/fixtures/contract-report.xml 2>/dev/null
check "reproducible (byte-identical)" cmp "$r" "$OUT/again/contract-report.pdf"
big=$(ls -S "$OUT"/in/*.xml 2>/dev/null | head -1)
if [ -n "$big" ]; then
	"$UNPRESS" render -t pdf -o "$OUT/again" "$big" 2>/dev/null
	check "reproducible on the largest input" cmp "$OUT/in/$(basename "$big" .xml).pdf" "$OUT/again/$(basename "$big" .xml).pdf"
fi

# A missing font fails clearly with EX_UNAVAILABLE (69).
fake=$OUT/datadir
mkdir -p "$fake/styles" "$fake/templates"
cp -r "$TOP"/templates/. "$fake/templates/"
sed 's/^font_family .*/font_family = No Such Font Family/' "$TOP/styles/pdf-style.conf" >"$fake/styles/pdf-style.conf"
UNPRESS_DATADIR=$fake "$UNPRESS" render -t pdf -o "$OUT/nofont" "$TOP/tests/fixtures/contract-report.xml" 2>"$OUT/nofont.err"
expect "missing font exits EX_UNAVAILABLE" 69 "$?"
check "missing font names fonts-liberation2" grep -q fonts-liberation2 "$OUT/nofont.err"
