#!/bin/sh
# The PDF and Markdown editions of the UN's own AKN4UN files, in the six
# languages: tests/pdf/un/ holds A/RES/78/124 and A/RES/78/67 in Arabic,
# Chinese, English, French, Russian and Spanish, A/RES/78/249 (a
# table, an annex) in English and Arabic, and in Arabic A/RES/78/14
# (notes opening with a symbol: "A/50/426، المرفق.") and A/RES/78/193
# (a note's last line of one short word), unchanged from the 78th
# session's files (../shared/corpus/ga78-akn4un.tar.xz).  Checks by
# tests/pdf/check_un.py unless said otherwise.
. "$TOP/tests/lib.sh"
OUT="$TESTS_OUT/pdf-un"
UN="$TOP/tests/pdf/un"
CHECK="$TOP/tests/pdf/check_un.py"
mkdir -p "$OUT"
export SOURCE_DATE_EPOCH=1700000000
for t in qpdf pdffonts pdftotext; do
	command -v $t >/dev/null || { skip "un" "$t missing (poppler-utils, qpdf)"; exit 0; }
done

"$UNPRESS" render -t pdf,md -o "$OUT" "$UN"/*.xml 2>"$OUT/render.err"
expect "the sample renders" 0 "$?"
check "no warning (no font lacks a character, nothing misread)" sh -c "! grep -q ': warning:' '$OUT/render.err'"

for x in "$UN"/*.xml; do
	n=$(basename "$x" .xml)
	p="$OUT/$n.pdf"
	lang=${n#"${n%?}"}	# the file name's last letter: A C E F R S
	if [ ! -s "$p" ]; then echo "not ok - $n: no PDF"; continue; fi
	check "$n: qpdf --check" qpdf --check "$p"
	case $lang in
	A) faces="Amiri LiberationSerif" tag=ar dir=rtl ;;
	C) faces="LiberationSerif NotoSerifCJK" tag=zh dir=ltr ;;
	E) faces="LiberationSerif" tag=en dir=ltr ;;
	F) faces="LiberationSerif" tag=fr dir=ltr ;;
	R) faces="LiberationSerif" tag=ru dir=ltr ;;
	S) faces="LiberationSerif" tag=es dir=ltr ;;
	esac
	# shellcheck disable=SC2086
	check "$n: every font embedded, only $faces" $PY "$CHECK" fonts "$p" $faces
	check "$n: pdftotext gives the words back in order" $PY "$CHECK" words "$x" "$p"
	check "$n: the catalog says /Lang ($tag)" sh -c "qpdf --qdf --object-streams=disable '$p' - | grep -aq '/Lang ($tag)'"
	check "$n: Markdown front matter lang: $tag, dir: $dir" sh -c \
		"head -8 '$OUT/$n.md' | grep -qx 'lang: $tag' && head -8 '$OUT/$n.md' | grep -qx 'dir: $dir'"
done

# Right to left: Arabic pages are mirrored, the Latin ones not.
A=A_RES_78_67-2324439
check "Arabic: the paragraph numbers hang in the right margin" $PY "$CHECK" numbers "$UN/${A}A.xml" "$OUT/${A}A.pdf" right
check "English: the paragraph numbers hang in the left margin" $PY "$CHECK" numbers "$UN/${A}E.xml" "$OUT/${A}E.pdf" left
check "Arabic table document: numbers in the right margin" $PY "$CHECK" numbers "$UN/A_RES_78_249-2326263A.xml" "$OUT/A_RES_78_249-2326263A.pdf" right
check "Arabic cover: the symbol at the top left" $PY "$CHECK" cover "$OUT/A_RES_78_124-2325865A.pdf" left A/RES/78/124
check "English cover: the symbol at the top right" $PY "$CHECK" cover "$OUT/A_RES_78_124-2325865E.pdf" right A/RES/78/124
check "Arabic: the viewer reads right to left (/Direction /R2L)" sh -c \
	"qpdf --qdf --object-streams=disable '$OUT/${A}A.pdf' - | grep -aq '/Direction /R2L'"
check "English: no /Direction" sh -c "! qpdf --qdf --object-streams=disable '$OUT/${A}E.pdf' - | grep -aq '/Direction'"

# Arabic read back as written: a note opening with a symbol is an Arabic
# paragraph, set right to left (the symbol on the right, the full stop
# on the left), so pdftotext gives it in logical order; an English line
# of the cover stays left to right; words come back whole where a line
# holds one short word ("ألف") and where a letter bears a vowel mark.
N=A_RES_78_14-2324429A
check "Arabic note opening with a symbol: set right to left" $PY "$CHECK" opens "$OUT/$N.pdf" A/50/426
check "and read back in logical order (the symbol, then the word)" sh -c \
	"pdftotext '$OUT/$N.pdf' - | LC_ALL=C sed 's/\xe2\x80[\xaa-\xae]//g' | grep -q '^ *،\\?A/50/426،\\? *المرفق'"
check "Arabic cover: the English date left to right" sh -c "pdftotext -l 1 '$OUT/${A}A.pdf' - | grep -q '6 December 2023'"
check "a short line's word whole (ألف, not أل ف)" $PY "$CHECK" whole "$UN/A_RES_78_193-2326048A.xml" \
	"$OUT/A_RES_78_193-2326048A.pdf" ألف
check "words with vowel marks whole (وعرْضَ, طُلب)" $PY "$CHECK" whole "$UN/${A}A.xml" "$OUT/${A}A.pdf" وعرض طلب
cat >"$OUT/ligature.xml" <<'EOF'
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta><identification source="#x"><FRBRExpression><FRBRlanguage language="ara"/></FRBRExpression></identification></meta><mainBody><paragraph eId="para_1"><num>1 -</num><content><p>تعلن السنة الدولية لعلوم وتكنولوجيا الكم، وتسلم بأن علوم الكم تقدم رؤى ثاقبة.</p></content></paragraph></mainBody></statement></akomaNtoso>
EOF
"$UNPRESS" render -q -t pdf -o "$OUT/ligature" "$OUT/ligature.xml"
check "a ligature Amiri draws in pieces whole (الكم)" $PY "$CHECK" whole "$OUT/ligature.xml" "$OUT/ligature/ligature.pdf" الكم
cat >"$OUT/partb.xml" <<'EOF'
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta><identification source="#x"><FRBRExpression><FRBRlanguage language="ara"/></FRBRExpression></identification></meta><preface><p><docNumber>78/183 ألف</docNumber><docTitle><span class="bold">	توسيع عضوية اللجنة التنفيذية لبرنامج مفوض الأمم المتحدة السامي لشؤون اللاجئين</span></docTitle></p></preface><mainBody><paragraph eId="para_1"><num>1 -</num><content><p>تقرر أن تزيد عدد أعضاء اللجنة التنفيذية.</p></content></paragraph></mainBody></statement></akomaNtoso>
EOF
"$UNPRESS" render -q -t pdf -o "$OUT/partb" "$OUT/partb.xml"
check "a resolution's number wider than its hang (78/183 ألف) not overprinted by the title" \
	$PY "$CHECK" apart "$OUT/partb/partb.pdf" 78/183

# Chinese: lines break between characters and are justified to the edge.
check "Chinese: lines inside a paragraph end at the column's edge" $PY "$CHECK" justified "$OUT/${A}C.pdf"

# Each language's own hyphenation patterns (and not English ones).
H=/usr/share/hyphen
check "French hyphenated by French patterns, not English ones" $PY "$CHECK" hyphens "$OUT/${A}F.pdf" $H/hyph_fr.dic $H/hyph_en_US.dic
check "Spanish hyphenated by Spanish patterns, not English ones" $PY "$CHECK" hyphens "$OUT/${A}S.pdf" $H/hyph_es_ES.dic $H/hyph_en_US.dic
check "Russian hyphenated by Russian patterns" $PY "$CHECK" hyphens "$OUT/${A}R.pdf" $H/hyph_ru_RU.dic $H/hyph_en_US.dic
check "English hyphenated by English patterns" $PY "$CHECK" hyphens "$OUT/${A}E.pdf" $H/hyph_en_US.dic
check "Chinese and Arabic not hyphenated" sh -c \
	"! pdftotext '$OUT/${A}C.pdf' - | grep -q '­\$' && ! pdftotext '$OUT/${A}A.pdf' - | grep -q '­\$'"

# The UN's italic and bold spans: in the Markdown, and in the PDF (its
# italic and bold faces are there, and go when the spans' classes do).
R=A_RES_78_124-2325865
check "Markdown: English italics" grep -q '^\*Having considered\* the report' "$OUT/${R}E.md"
check "Markdown: Arabic bold italics" grep -q '^\*\*\*وقد نظرت\*\*\* في تقرير' "$OUT/${R}A.md"
check "Markdown: Chinese bold" grep -q '^\*\*审议了\*\*全权证书委员会' "$OUT/${R}C.md"
check "PDF: English \"Approves\" in italic" $PY "$CHECK" face "$OUT/${R}E.pdf" Approves Italic
check "PDF: French \"Approuve\" in italic" $PY "$CHECK" face "$OUT/${R}F.pdf" Approuve Italic
check "PDF: Arabic bold slanted face" sh -c "pdffonts '$OUT/${R}A.pdf' | grep -q 'Amiri-BoldSlanted'"
check "PDF: Chinese bold face" sh -c "pdffonts '$OUT/${R}C.pdf' | grep -q 'NotoSerifCJKsc-Bold'"
mkdir -p "$OUT/plain"
sed 's/ class="italic"//g; s/ class="bold italic"//g; s/ class="bold"//g' "$UN/${R}E.xml" >"$OUT/plain/${R}E.xml"
"$UNPRESS" render -q -t pdf,md -o "$OUT/plain" "$OUT/plain/${R}E.xml"
check "and without the spans' classes, upright" $PY "$CHECK" face "$OUT/plain/${R}E.pdf" Approves -Italic
check "nor Markdown emphasis" sh -c "! grep -q '\*Having considered\*' '$OUT/plain/${R}E.md'"

# The cover and the metadata take the right lines.
check "metadata Title is the resolution's title" sh -c \
	"pdfinfo '$OUT/${R}E.pdf' | grep -qx 'Title: *Credentials of representatives to the seventy-eighth session of the General Assembly'"
check "metadata Author is the issuing body" sh -c "pdfinfo '$OUT/${R}E.pdf' | grep -qx 'Author: *General Assembly'"
check "Arabic metadata Author" sh -c "pdfinfo '$OUT/${R}A.pdf' | grep -qx 'Author: *الجمعية العامة'"
check "the cover's lines are all on page 1" sh -c \
	"pdftotext -l 1 '$OUT/${R}E.pdf' - | tr '\n' ' ' | grep -q 'Distr.: General.*Seventy-eighth session.*Agenda item 3 (b).*Resolution adopted by the General Assembly on 18 December 2023'"
check "the job number at the foot of page 1" sh -c "pdftotext -l 1 '$OUT/${R}E.pdf' - | grep -q '23-25865 (E)'"
check "and of every page, odd and even, extracted" sh -c \
	"n=\$(pdfinfo '$OUT/${A}E.pdf' | awk '/^Pages:/ {print \$2}'); i=1; while [ \$i -le \$n ]; do pdftotext -f \$i -l \$i '$OUT/${A}E.pdf' - | grep -q '23-24439 (E)' || exit 1; i=\$((i + 1)); done"

# Ligatures: with a face whose lam-alef is one glyph (DejaVu Sans), the
# Arabic words still come back with their letters in logical order.
if fc-list | grep -q 'DejaVuSans.ttf'; then
	dv="$OUT/dejavu"
	mkdir -p "$dv/styles" "$dv/templates"
	cp -r "$TOP"/templates/. "$dv/templates/"
	sed 's/^font_family     = Amiri, Liberation Serif/font_family     = DejaVu Sans/' \
		"$TOP/styles/pdf-style.conf" >"$dv/styles/pdf-style.conf"
	UNPRESS_DATADIR=$dv "$UNPRESS" render -q -t pdf -o "$dv" "$UN/${A}A.xml"
	check "DejaVu Sans draws lam-alef as one glyph" sh -c "pdffonts '$dv/${A}A.pdf' | grep -q DejaVuSans"
	check "lam-alef ligatures come back as lam and alef, in order" $PY "$CHECK" words "$UN/${A}A.xml" "$dv/${A}A.pdf" text
else
	skip "lam-alef ligatures (one-glyph face)" "DejaVu Sans not installed"
fi

# A character no font has is named (and drawn as a box): never silently.
cat >"$OUT/missing.xml" <<'EOF'
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta><identification source="#x"><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta><mainBody><paragraph eId="para_1"><num>1.</num><content><p>Adlam &#x1E900; and a private use &#xF8FF; character</p></content></paragraph></mainBody></statement></akomaNtoso>
EOF
"$UNPRESS" render -t pdf -o "$OUT/missing" "$OUT/missing.xml" 2>"$OUT/missing.err"
check "a character no font has is named" grep -q 'no installed font has U+1E900' "$OUT/missing.err"

# A link whose address does not balance its parentheses (the UN's
# ".../28(PartsIandII)/Corr.3)"): cairo wrote it unescaped into a PDF
# string, and the file could not be read.
cat >"$OUT/paren.xml" <<'EOF'
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta><identification source="#x"><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta><mainBody><paragraph eId="para_1"><num>1.</num><content><p>See <a href="https://undocs.org/NPT/CONF.2000/28(PartsIandII)/Corr.3)">NPT/CONF.2000/28 (Parts I and II)/Corr.3</a> and <a href="https://example.org/a b\c">this</a>.</p></content></paragraph></mainBody></statement></akomaNtoso>
EOF
"$UNPRESS" render -q -t pdf -o "$OUT/paren" "$OUT/paren.xml"
check "a link with an unbalanced parenthesis: the PDF reads (qpdf --check)" qpdf --check "$OUT/paren/paren.pdf"
check "and its address is there, percent-encoded" sh -c \
	"qpdf --qdf --object-streams=disable '$OUT/paren/paren.pdf' - | grep -aq 'NPT/CONF.2000/28%28PartsIandII%29/Corr.3%29'"

# What the reader does not know is shown as text, and -v names it.
cat >"$OUT/unknown.xml" <<'EOF'
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta><identification source="#x"><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta><mainBody><paragraph eId="para_1"><num>1.</num><content><p>Known text <strangeThing>and strange text</strangeThing> end.</p></content></paragraph><oddBlock>An odd block of text.</oddBlock></mainBody></statement></akomaNtoso>
EOF
"$UNPRESS" render -v -t pdf,md -o "$OUT/unknown" "$OUT/unknown.xml" 2>"$OUT/unknown.err"
check "an unknown element's text is in the PDF" sh -c \
	"pdftotext '$OUT/unknown/unknown.pdf' - | tr '\n' ' ' | grep -q 'Known text and strange text end.*An odd block of text.'"
check "and in the Markdown" sh -c "grep -q 'Known text and strange text end.' '$OUT/unknown/unknown.md' && grep -q 'An odd block of text.' '$OUT/unknown/unknown.md'"
check "-v names it (PDF)" grep -q '<strangeThing> is not in the vocabulary.*\[pdf\]' "$OUT/unknown.err"
check "-v names it (Markdown)" grep -q '<oddBlock> is not in the vocabulary.*\[markdown\]' "$OUT/unknown.err"
"$UNPRESS" render -t pdf -o "$OUT/unknown-q" "$OUT/unknown.xml" 2>"$OUT/unknown-q.err"
check "without -v, nothing said" sh -c "! grep -q vocabulary '$OUT/unknown-q.err'"

# No language said: read from the text.
sed 's|<FRBRlanguage language="ara"></FRBRlanguage>||' "$UN/${R}A.xml" >"$OUT/nolang.xml"
"$UNPRESS" render -q -t pdf,md -o "$OUT/nolang" "$OUT/nolang.xml"
check "no FRBRlanguage: Arabic read from the letters" sh -c \
	"grep -qx 'lang: ar' '$OUT/nolang/nolang.md' && grep -qx 'dir: rtl' '$OUT/nolang/nolang.md'"
check "and the PDF laid out right to left" $PY "$CHECK" cover "$OUT/nolang/nolang.pdf" left A/RES/78/124
