#!/bin/sh
# cmark-gfm (-e footnotes -e table) renders each Markdown edition — of the
# contract fixtures, the goldens and every input converted by the current
# normaliser — to HTML in which every footnote reference resolves, every
# note keeps its text, paragraph numbers appear in the XML's order (none
# renumbered by a list) and every heading, paragraph and cover line is
# carried in order.  Checks in akncheck.py.
. "$TOP/tests/lib.sh"
command -v cmark-gfm >/dev/null || { skip "cmark-gfm html" "cmark-gfm not installed"; exit 0; }
. "$TOP/tests/markdown/lib.sh"
dir="$TESTS_OUT/md-html"
gather_xml "$dir"
for xml in "$dir"/*.xml; do
	"$UNPRESS" render -q -t md -o "$dir" "$xml"
done
for xml in "$dir"/*.xml; do
	doc=$(basename "$xml" .xml)
	md="$dir/$doc.md"
	[ -f "$md" ] || { echo "not ok - $doc: no Markdown edition"; continue; }
	cmark-gfm -e footnotes -e table "$md" >"$dir/$doc.html"
	$PY "$TOP/tests/markdown/akncheck.py" html "$xml" "$dir/$doc.html" "$doc"
done
