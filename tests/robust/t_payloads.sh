#!/bin/sh
# Script, event-handler and javascript:/vbscript:/data: payloads in a text
# input, and in an XML given to `unpress render`, stay inert in every
# edition: the HTML, and the Markdown as a Markdown renderer would show it
# (cmark-gfm --unsafe, which passes raw HTML and any link through: so the
# Markdown itself must carry none).  tests/html/t_xss.sh covers the HTML
# edition of tests/html/xss.xml in more detail.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/robust-payloads"; rm -rf "$dir"; mkdir -p "$dir"
"$UNPRESS" -q -t xml,html,md -o "$dir/text" "$TOP/tests/robust/inputs/payloads.txt"
expect "text with payloads converts" 0 $?
"$UNPRESS" render -q -t html,md -o "$dir/xml" "$TOP/tests/html/xss.xml"
expect "XML with payloads renders" 0 $?
$PY "$TOP/tests/robust/check_live.py" "text → html" "$dir/text/payloads.html"
if command -v cmark-gfm >/dev/null; then
	for md in "$dir/text/payloads.md" "$dir/xml/xss.md"; do
		cmark-gfm --unsafe -e table -e autolink -e strikethrough "$md" >"$md.html"
		$PY "$TOP/tests/robust/check_live.py" "$(basename "$md") → cmark-gfm --unsafe" "$md.html"
	done
else
	skip "the Markdown editions as rendered" "cmark-gfm is not installed"
fi
check "the words of a dropped link are kept (md)" grep -q 'md link' "$dir/text/payloads.md"
check "a safe link is kept (md)" grep -q '](https://undocs.org/en/A/RES/1/2)' "$dir/text/payloads.md"
