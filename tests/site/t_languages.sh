#!/bin/sh
# A site in six languages: the UN's own AKN4UN files of tests/corpus/ga78
# (four resolutions in the six languages that cite each other, and two in
# English only), built alone and together with our own English documents;
# tests/site/check_languages.py says what is checked.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/site-languages"
rm -rf "$dir"; mkdir -p "$dir"
check "build the six-language site" "$UNPRESS" render -q -t html,site -o "$dir/un" "$TOP"/tests/corpus/ga78/*.xml
$PY "$TOP/tests/site/check_languages.py" "$dir/un" "$TOP"/tests/corpus/ga78/*.xml
$PY "$TOP/tests/site/check_site.py" "$dir/un"
# with our own documents beside them (English: the index keeps its plain
# names; our links resolve as before)
check "build it with our own documents" "$UNPRESS" render -q -t html,site -o "$dir/mixed" \
	"$TOP"/tests/corpus/ga78/*.xml "$TOP"/tests/site/corpus/*.xml
$PY "$TOP/tests/site/check_site.py" "$dir/mixed"
q() { $PY -c "import sys; from lxml import html; print(html.parse(sys.argv[1]).getroot().xpath(sys.argv[2]))" "$@"; }
expect "our own link still resolves beside the UN's" "['beta.html#para_2']" \
	"$(q "$dir/mixed/alpha.html" "//a[normalize-space()='TEST/2024/2, para. 2']/@href")"
expect "the English index lists both" "9.0" "$(q "$dir/mixed/index.html" "count(//tbody/tr)")"
# an Arabic document is taken out: its index and search go (a clean build
# would not have them), the others' switches lose it
mkdir -p "$dir/less"
cp "$TOP"/tests/corpus/ga78/*.xml "$dir/less/"
"$UNPRESS" render -q -t html,site -o "$dir/gone" "$dir/less"/*.xml
rm "$dir/less"/*A.xml "$dir/gone"/*A.manifest.xml
"$UNPRESS" render -q -t html,site -o "$dir/gone" "$dir/less"/*.xml
check "no Arabic index once no document is in Arabic" test ! -e "$dir/gone/index-ar.html"
check "no Arabic search either" sh -c "test ! -e '$dir/gone/search-ar.html' && test ! -e '$dir/gone/search-index-ar.js' && ! ls '$dir/gone/search' | grep -q '^ar-'"
expect "the switch lists five languages" "5.0" \
	"$(q "$dir/gone/A_RES_78_256-2326250E.html" "count(//ul[@class='languages']//a)")"
