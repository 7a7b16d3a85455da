#!/bin/sh
# The HTML edition, structurally: the contract fixtures and every input.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/html"
rm -rf "$dir"; mkdir -p "$dir"
for xml in "$TOP"/tests/fixtures/*.xml; do
	base=$(basename "$xml" .xml)
	if "$UNPRESS" render -q -t html -o "$dir" "$xml"; then
		echo "ok - render $base"
		$PY "$TOP/tests/html/check_html.py" "$dir/$base.html" "$xml"
	else
		echo "not ok - render $base"
	fi
done
check "stylesheet copied beside the pages" test -s "$dir/unpress.css"
# every input: convert to XML + HTML, check the page against its XML
for txt in "$TOP"/input/*.txt; do
	base=$(basename "$txt" .txt)
	mkdir -p "$dir/in-$base"
	"$UNPRESS" -q -t xml,html -j 1 -o "$dir/in-$base" "$txt" >/dev/null 2>&1
	rc=$?
	page=$(ls "$dir/in-$base"/*.html 2>/dev/null | head -1)
	if [ -z "$page" ]; then
		# a conversion that dies before the editions is the normaliser's bug
		skip "input $base" "conversion failed before the HTML edition (rc $rc)"
		continue
	fi
	$PY "$TOP/tests/html/check_html.py" "$page" "${page%.html}.xml"
done
# no half-written file: when the page cannot be put in place (a folder
# holds its name) the edition fails with EX_CANTCREAT (73) and leaves no
# temporary file behind
blocked="$dir/blocked"; mkdir -p "$blocked/contract-report.html"
"$UNPRESS" render -q -t html -o "$blocked" "$TOP/tests/fixtures/contract-report.xml" 2>/dev/null
expect "unplaceable page gives EX_CANTCREAT" 73 "$?"
expect "no temporary files left" "contract-report.html" "$(ls -A "$blocked" | grep -v '^unpress.css$' | tr '\n' ' ' | sed 's/ $//')"
