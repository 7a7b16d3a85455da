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
	check "$n: a note's number read with its text" $PY "$CHECK" notelines "$x" "$p"
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

# The word cache (src/pdf/wordshape.c): blocks of plain Latin text are built
# from words shaped once per document and font; everything else goes through
# pango.  Both must give what pango alone gives (UNPRESS_PDF_NO_WORD_CACHE=1):
# the same word in roman, italic, bold, bold italic, underlined, superscript,
# subscript and at heading size, and text in other scripts or with combining
# marks, which must take the fallback and still be extractable.
wc=$OUT/wordcache
mkdir -p "$wc/cache" "$wc/pango"
$PY - "$TOP/tests/fixtures/contract-report.xml" "$wc" <<'PYEOF'
import sys
src = open(sys.argv[1], encoding="utf-8").read()
old = "<content><p>At its eleventh session, ... adopted the following resolutions:</p></content>"
assert old in src
styles = ("<content><p>Cooperation <i>Cooperation</i> <b>Cooperation</b> <u>Cooperation</u> "
          "Cooperation<sup>Cooperation</sup> <i><b>Cooperation</b></i> Cooperation<sub>2</sub>.</p>"
          "<p>" + " ".join("resolution\u00a0%d/%d of the Assembly" % (70 + i, 100 + i) for i in range(12)) + ".</p></content>")
open(sys.argv[2] + "/styles.xml", "w", encoding="utf-8").write(
    src.replace(old, styles).replace("<heading>Resolutions</heading>", "<heading>Cooperation</heading>", 1))
scripts = ("<content><p>Arabic: \u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062a\u062d\u062f\u0629 (end).</p>"
           "<p>Cyrillic: \u041e\u0440\u0433\u0430\u043d\u0438\u0437\u0430\u0446\u0438\u044f \u041e\u0431\u044a\u0435\u0434\u0438\u043d\u0451\u043d\u043d\u044b\u0445 \u041d\u0430\u0446\u0438\u0439 (end).</p>"
           "<p>Greek: \u0397\u03bd\u03c9\u03bc\u03ad\u03bd\u03b1 \u0388\u03b8\u03bd\u03b7 (end).</p>"
           "<p>Combining: Cafe\u0301 and nai\u0308ve (end).</p>"
           "<p>Chinese: \u8054\u5408\u56fd, then Latin again (end).</p></content>")
open(sys.argv[2] + "/scripts.xml", "w", encoding="utf-8").write(src.replace(old, scripts))
PYEOF
for f in styles scripts; do
	"$UNPRESS" render -q -t pdf -o "$wc/cache" "$wc/$f.xml"
	UNPRESS_PDF_NO_WORD_CACHE=1 "$UNPRESS" render -q -t pdf -o "$wc/pango" "$wc/$f.xml"
	pdftotext -bbox "$wc/cache/$f.pdf" "$wc/cache/$f.bbox" 2>/dev/null
	pdftotext -bbox "$wc/pango/$f.pdf" "$wc/pango/$f.bbox" 2>/dev/null
	check "word cache: $f: every word where pango puts it" cmp "$wc/cache/$f.bbox" "$wc/pango/$f.bbox"
	check "word cache: $f: qpdf --check" qpdf --check "$wc/cache/$f.pdf"
done
check "word cache: one word in 6 styles and sizes, 6 widths" $PY -c '
import re, sys
ws = set(round(float(b) - float(a), 2) for a, b in re.findall(r"xMin=\"([0-9.]+)\"[^>]*xMax=\"([0-9.]+)\"[^>]*>Cooperation<", open(sys.argv[1]).read()))
if len(ws) < 6:
    print("expected: 6 widths of \"Cooperation\"; got %d: %s" % (len(ws), sorted(ws)))
sys.exit(len(ws) < 6)' "$wc/cache/styles.bbox"
# A no-break space stretches in a justified line as a space does (pango
# counts it among a line's spaces; only U+0020 used to be widened, so such
# lines fell short of the margin).
check "justified lines with no-break spaces reach the margin" $PY -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
ws = [(float(a), float(y), float(b), w) for a, y, b, w in re.findall(r"xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\"[^>]*>([^<]*)<", t)]
lines = {}
for a, y, b, w in ws:
    lines.setdefault(round(y, 1), []).append((a, b, w))
# every line of the paragraph (numbers 70/100 to 81/111) but the last
# (ending "Assembly."), against the right edge of the other justified lines;
# pdftotext boxes a last letter by its unkerned width, so a few tenths of a
# point either way (unwidened no-break spaces cost 0.9 pt here)
ends = [max(b for a, b, w in l) for y, l in sorted(lines.items())
        if any(re.fullmatch(r"[78][0-9]/1[01][0-9]", w) for a, b, w in l) and not any(w == "Assembly." for a, b, w in l)]
right = max(b for a, y, b, w in ws if w != "Assembly." and not re.fullmatch(r"[78][0-9]/1[01][0-9]", w))
ok = len(ends) >= 3 and all(abs(e - right) < 0.5 for e in ends)
if not ok:
    print("expected: 3 or more line ends within 0.5 pt of the right edge, %.1f" % right)
    print("got:      %s" % ", ".join("%.1f" % e for e in ends))
sys.exit(not ok)' "$wc/cache/styles.bbox"
check "word cache: other scripts and combining marks extract" $PY -c '
import subprocess, sys, unicodedata
t = unicodedata.normalize("NFC", subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout)
want = ["\u0627\u0644\u0645\u062a\u062d\u062f\u0629", "\u041e\u0440\u0433\u0430\u043d\u0438\u0437\u0430\u0446\u0438\u044f \u041e\u0431\u044a\u0435\u0434\u0438\u043d\u0451\u043d\u043d\u044b\u0445 \u041d\u0430\u0446\u0438\u0439",
        "\u0397\u03bd\u03c9\u03bc\u03ad\u03bd\u03b1 \u0388\u03b8\u03bd\u03b7", "Caf\u00e9 and na\u00efve", "then Latin again (end)"]
missing = [w for w in want if w not in t]
print(missing) if missing else None
sys.exit(bool(missing))' "$wc/cache/scripts.pdf"

# The hyphenation patterns are the process's, loaded once for a batch of
# documents (libhyphen builds its automaton in ~38 M instructions: more
# than a short document's whole layout)
if command -v strace >/dev/null; then
	strace -f -e trace=openat -o "$OUT/hyph.trace" "$UNPRESS" -q --force -j 1 -t pdf -o "$OUT/hyph" \
		"$TOP/input/resolution-11-3.txt" "$TOP/input/draft-resolution-technical-assistance-2024.txt" \
		"$TOP/input/background-paper-2015.txt"
	expect "three PDFs in one process read the hyphenation patterns once" 1 \
		"$(grep -c 'hyph_en_US.dic' "$OUT/hyph.trace")"
	expect "and made three PDFs" 3 "$(ls "$OUT"/hyph/*.pdf | wc -l)"
else
	skip "hyphenation patterns read once per process" "no strace"
fi

# patterns.c (Liang's algorithm over the TeX patterns) gives libhyphen's
# break points: for every word of the system's lists, and in the PDFs
if [ -r /usr/share/hyphen/hyph_en_US.dic ] && cc -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -I"$TOP/src" \
	-o "$OUT/hyphen_check" "$TOP/tests/pdf/hyphen_check.c" "$TOP/src/pdf/patterns.c" "$TOP/src/util/slurp.c" \
	"$TOP/src/util/buf.c" "$TOP/src/util/xmalloc.c" -lhyphen 2>"$OUT/hyphen_check.err"; then
	lists=$(ls /usr/share/dict/british-english /usr/share/dict/american-english 2>/dev/null)
	msg=$("$OUT/hyphen_check" /usr/share/hyphen/hyph_en_US.dic $lists 2>&1)
	expect "patterns.c breaks every listed word where libhyphen does" "0 differ" "$(echo "$msg" | grep -o '[0-9]* differ')"
	case "$msg" in [1-9][0-9][0-9][0-9]*" words compared"*) echo "ok - and it compared thousands of words";;
		*) echo "not ok - and it compared thousands of words: $msg";; esac
else
	skip "patterns.c against libhyphen" "no patterns or cannot build the checker"
fi
SOURCE_DATE_EPOCH=1700000000 "$UNPRESS" -q --force -j 1 -t pdf -o "$OUT/hyph-ours" "$TOP/input/CTOC_COP_2022_9.txt"
SOURCE_DATE_EPOCH=1700000000 UNPRESS_LIBHYPHEN=1 "$UNPRESS" -q --force -j 1 -t pdf -o "$OUT/hyph-libhyphen" "$TOP/input/CTOC_COP_2022_9.txt"
check "002's PDF is the same bytes with patterns.c and with libhyphen" \
	cmp "$OUT/hyph-ours/CTOC-COP-2022-9.pdf" "$OUT/hyph-libhyphen/CTOC-COP-2022-9.pdf"

# Labelled headings ("Guideline 10 Scope") open their line: the label is
# wider than the hanging indent, and hung there it printed over the
# heading.  A report with six or more headings lists them in a contents
# list; a resolution (an AKN statement) with the same units in its annex
# prints none.
guidelines() {
	for g in "1:Scope" "2:Purpose" "3:General rule" "4:Form of agreement" "5:Commencement" \
		"6:Legal effect" "10:Internal law of States and observance of provisionally applied treaties"; do
		printf '### Guideline %s\n\n%s\n\nThe provisional application of a treaty produces a legally binding obligation to apply the treaty as if it were in force.\n\n' \
			"${g%%:*}" "${g#*:}"
	done
}
{ printf 'Guidelines on the provisional application of treaties\n\n'; guidelines; } >"$OUT/labelled.txt"
{ printf 'Resolution 99/1\n\nProvisional application of treaties\n\n*The Conference of the Parties*,\n\n'
  printf '1. *Adopts* the guidelines annexed to the present resolution.\n\n## Annex\n\n'; guidelines; } >"$OUT/labelled-res.txt"
"$UNPRESS" -q --force -t xml,pdf -o "$OUT/labelled" "$OUT/labelled.txt" "$OUT/labelled-res.txt"
pdftotext -layout "$OUT/labelled/labelled.pdf" "$OUT/labelled.layout" 2>/dev/null
check "a labelled heading's number and title on one line" grep -q "Guideline 10 *Internal law of States" "$OUT/labelled.layout"
check "and another's" grep -q "Guideline 1 *Scope" "$OUT/labelled.layout"
check "the report lists them in its contents" grep -q "^ *Contents" "$OUT/labelled.layout"
rx=$(ls "$OUT"/labelled/*.xml | grep -v '/labelled.xml$' | head -1)
check "the resolution is a statement" grep -q '<statement name="resolution"' "$rx"
check "a resolution has no contents list" sh -c "pdftotext '${rx%.xml}.pdf' - | grep -q 'Guideline 6' && ! pdftotext '${rx%.xml}.pdf' - | grep -q '^Contents\$'"

# A word that goes on in a superscript ("n" + "o": nº) at the end of a long
# line of a note: a reader (pdftotext) places the superscript where the
# line's text has taken it, not 0.3 pt further (cairo's widths, truncated
# to thousandths of an em, drift over a line: "supplément n o 17").
printf 'Report\n\n1. See the report.[^1] And *n*<sup>o</sup> 3 in the text.\n\n[^1]: *Documents officiels de l’Assemblée générale, soixante-dix-huitième session, supplément n*<sup>o</sup> 17 (A/78/17); Mrs<sup>a</sup> and M<sup>me</sup> too.\n' >"$OUT/numero.md"
"$UNPRESS" -q --force -t pdf -o "$OUT/numero" "$OUT/numero.md"
numero=$(pdftotext "$OUT/numero/numero.pdf" - 2>/dev/null | tr '\n' ' ')
has_words() {	# NAME WORDS: the PDF's text holds WORDS
	case "$numero" in *"$2"*) echo "ok - $1";;
		*) echo "not ok - $1"; echo "    expected: $2"
		   echo "    got:      $(echo "$numero" | grep -o "${2%% *}.\{0,20\}" | head -3 | tr '\n' '|')";; esac
}
has_words "a superscript goes on with its word at the end of a long note line" "supplément no 17"
has_words "and in the body" "And no 3"
has_words "and M + me" "Mme too"

# The PDF goes to its file as cairo writes it, and the catalog gets the
# language in the file's tail (catalog.c): with thousands of notes the
# cross-reference table (20 bytes an object) is far larger than the
# pieces it is moved up in, and every offset must still be right.  (A
# note to every paragraph of ordinary length, the notes after every
# tenth: denser notes are drawn untagged, t_pdf_streamed.sh.)
$PY -c '
import sys
n = 3000
out = ["Report", ""]
for g in range(1, n + 1, 10):
    group = range(g, min(g + 10, n + 1))
    out += ["%d. The Committee considered the report of the Secretary-General on item %d "
            "and recalled its resolutions on the matter.<sup>%d</sup>" % (i, i, i) for i in group]
    out += ["---"] + ["<sup>%d</sup> See A/RES/76/%d." % (i, i) for i in group]
print("\n\n".join(out))
' >"$OUT/many-notes.txt"
"$UNPRESS" -q --force -t pdf -o "$OUT/many" "$OUT/many-notes.txt"
mp="$OUT/many/many-notes.pdf"
check "many notes: the cross-reference table is longer than a piece moved (256 KB)" $PY -c '
import re, sys
d = open(sys.argv[1], "rb").read()
x = int(re.findall(rb"startxref\n(\d+)\n", d)[-1])
sys.exit(0 if len(d) - x > 256 * 1024 and d[x:x + 4] == b"xref" else "table of %d bytes at %d" % (len(d) - x, x))' "$mp"
check "many notes: qpdf --check (every offset right after the catalog grew)" qpdf --check "$mp"
check "many notes: the catalog says /Lang (en)" sh -c "qpdf --qdf --object-streams=disable '$mp' - | grep -aq '/Lang (en)'"
check "many notes: the document has all its notes" sh -c "pdftotext '$mp' - | grep -q 'See A/RES/76/3000'"

# A disk that fills while the PDF is written (it now goes to the file as
# cairo makes it): exit 73, the reason said, the PDF there before kept,
# no temporary file left.  A private tmpfs in a mount namespace (root),
# with room for the XML the editions read (1.3 MB) but not the PDF (10 MB).
mkdir -p "$OUT/full/m"
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
	printf 'Report\n\n1. Short.\n' >"$OUT/full/doc.txt"
	cat >"$OUT/full/fill.sh" <<-EOS
	mount -t tmpfs -o size=4m tmpfs m || exit 99
	'$UNPRESS' -q -t pdf -o m doc.txt || exit 98
	cp m/doc.pdf good.pdf || exit 97
	cp '$OUT/many-notes.txt' doc.txt
	head -c 2000000 /dev/zero >m/filler 2>/dev/null
	'$UNPRESS' -t pdf -o m doc.txt 2>full.err; echo \$? >full.rc
	cmp -s m/doc.pdf good.pdf && echo kept >kept
	ls -A m >full.ls
	EOS
	(cd "$OUT/full" && unshare -m sh fill.sh); rc=$?
	expect "PDF on a full disk: the set-up ran" 0 "$rc"
	expect "PDF on a full disk: exit 73" 73 "$(cat "$OUT/full/full.rc")"
	check "PDF on a full disk: says so" grep -q "cannot write .*doc.pdf: No space left on device" "$OUT/full/full.err"
	check "PDF on a full disk: the PDF there before is kept" test -f "$OUT/full/kept"
	expect "PDF on a full disk: no temporary file left" "" "$(grep tmp "$OUT/full/full.ls")"
else
	skip "PDF on a full disk" "needs root and a private tmpfs mount (unshare -m)"
fi
