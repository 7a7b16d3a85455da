#!/bin/sh
# A real browser (Debian's chromium via playwright-core) on the site served
# locally: footnotes, cross-document links, contents, search (also across
# the index's shards, and from file://, and in Arabic and Chinese), axe-core
# (an Arabic and a Chinese page among others), and the Arabic page laid out
# right to left (element positions, and the ink of its screenshot).
. "$TOP/tests/lib.sh"
. "$TOP/tests/browser/npm-setup.sh"
if [ "$NPM_OK" != 1 ]; then skip "browser" "npm packages unavailable"; exit 0; fi
if [ ! -x /usr/bin/chromium ]; then skip "browser" "no /usr/bin/chromium"; exit 0; fi
dir="$TESTS_OUT/browser"
rm -rf "$dir"; mkdir -p "$dir"
"$UNPRESS" render -q -t html,site -o "$dir" "$TOP"/tests/site/corpus/*.xml "$TOP"/tests/fixtures/*.xml ||
	echo "not ok - build the site for the browser"
# a corpus big enough for several search index shards (150 documents: 4)
$PY "$TOP/tests/corpus/generate.py" 150 "$TESTS_OUT/browser-many"
"$UNPRESS" -q -t html,site -o "$dir/many" "$TESTS_OUT/browser-many"/*.txt ||
	echo "not ok - build the generated site for the browser"
# the UN's own files in six languages (tests/corpus/ga78): a site of its own
"$UNPRESS" render -q -t html,site -o "$dir/un" "$TOP"/tests/corpus/ga78/*.xml ||
	echo "not ok - build the six-language site for the browser"
SHOTS="$TESTS_OUT/browser-shots" timeout 240 node "$TOP/tests/browser/browser.mjs" "$dir"
