#!/bin/sh
# The HTML edition of the UN's own AKN4UN files (tests/corpus/ga78: four
# resolutions in the six languages, and two more in English with a table,
# an attachment and subheadings; tests/html/un-shapes.xml: the shapes the
# sample lacks): language and direction, every text shown, italics, bold,
# links, the cover, notes, headings, tables.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/html-un"
rm -rf "$dir"; mkdir -p "$dir"
# the language a sample file is in: the last letter of its name
lang_of() {
	case "$1" in
	*A.xml) echo "ar rtl" ;; *C.xml) echo "zh ltr" ;; *E.xml) echo "en ltr" ;;
	*F.xml) echo "fr ltr" ;; *R.xml) echo "ru ltr" ;; *S.xml) echo "es ltr" ;;
	esac
}
check "render the sample" "$UNPRESS" render -q -t html -o "$dir" "$TOP"/tests/corpus/ga78/*.xml "$TOP/tests/html/un-shapes.xml"
for xml in "$TOP"/tests/corpus/ga78/*.xml; do
	base=$(basename "$xml" .xml)
	# shellcheck disable=SC2046
	$PY "$TOP/tests/html/check_un_html.py" "$dir/$base.html" "$xml" $(lang_of "$xml")
done
$PY "$TOP/tests/html/check_un_html.py" "$dir/un-shapes.html" "$TOP/tests/html/un-shapes.xml" en ltr
q() { $PY -c "import sys; from lxml import html; print(html.parse(sys.argv[1]).getroot().xpath(sys.argv[2]))" "$@"; }
shapes="$dir/un-shapes.html"
expect "components: ids prefixed by their component" "['comp_0__para_5', 'comp_1__para_5']" \
	"$(q "$shapes" "//div[contains(@class, 'paragraph')][span[@class='num']='1.'][contains(@id, 'para_5')]/@id")"
expect "components listed, linked to their sections" "['#comp_0', '#comp_1']" \
	"$(q "$shapes" "//nav[@class='components']//a/@href")"
expect "a table cell that spans two columns" "['2']" "$(q "$shapes" "//td[.//b='Spanning row']/@colspan")"
expect "the attachment's subheading is a heading" "Annex" \
	"$(q "$shapes" "normalize-space(//section[@class='attachment']//*[@id='comp_1__para_6'][self::h4 or self::h5]/text()[1])")"
expect "a blockList's items keep their numbers" "['(a)', '(b)']" \
	"$(q "$shapes" "//div[contains(@class, 'item')]/span[@class='num']/text()")"
expect "the UN's conclusions: meeting, line break, date" "1" \
	"$(q "$shapes" "count(//footer[@class='conclusions']/p[br]/time[@datetime='2023-12-22'])" | sed 's/\.0$//')"
expect "bold italic nests both" "2" "$(q "$shapes" "count(//b/i[.='The General Assembly'] | //i[.='The General Assembly'])" | sed 's/\.0$//')"
# -v names what the stylesheet does not know (and the image it leaves out)
"$UNPRESS" render -v -t html -o "$dir/v" "$TOP/tests/html/un-shapes.xml" 2>"$dir/v.err"
check "-v names the unknown element" grep -q "<mysteryElement> (1 time) is not in the vocabulary" "$dir/v.err"
check "-v names the image left out" grep -q "img left out 1 time" "$dir/v.err"
check "without -v: nothing said" sh -c "! \"$UNPRESS\" render -t html -o '$dir/q' '$TOP/tests/html/un-shapes.xml' 2>&1 | grep -q vocabulary"
check "the unknown element's text is shown" grep -q "mystery words" "$dir/v/un-shapes.html"
# the language from the text when the XML names none: each of the six
# with its FRBRlanguage taken out
for xml in "$TOP"/tests/corpus/ga78/A_RES_78_318-*.xml; do
	base=$(basename "$xml" .xml)
	sed 's/<FRBRlanguage [^>]*>\(<\/FRBRlanguage>\)\{0,1\}//' "$xml" >"$dir/nolang-$base.xml"
	"$UNPRESS" render -q -t html -o "$dir/nolang" "$dir/nolang-$base.xml"
	set -- $(lang_of "$xml")
	expect "language read from the text: $base" "$1 $2" \
		"$(q "$dir/nolang/nolang-$base.html" "concat(/html/@lang, ' ', /html/@dir)")"
done
