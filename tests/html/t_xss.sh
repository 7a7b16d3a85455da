#!/bin/sh
# Hostile input: script tags, event handlers and javascript: hrefs in the
# AKN never become live markup in the HTML edition.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/xss"
rm -rf "$dir"; mkdir -p "$dir"
check "render hostile XML" "$UNPRESS" render -q -t html -o "$dir" "$TOP/tests/html/xss.xml"
if [ -f "$dir/xss.html" ]; then
	$PY "$TOP/tests/html/check_xss.py" "$dir/xss.html"
else
	echo "not ok - xss: page written"
fi
