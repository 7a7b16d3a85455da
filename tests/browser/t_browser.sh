#!/bin/sh
# A real browser (Debian's chromium via playwright-core) on the site served
# locally: footnotes, cross-document links, contents, search, axe-core.
. "$TOP/tests/lib.sh"
. "$TOP/tests/browser/npm-setup.sh"
if [ "$NPM_OK" != 1 ]; then skip "browser" "npm packages unavailable"; exit 0; fi
if [ ! -x /usr/bin/chromium ]; then skip "browser" "no /usr/bin/chromium"; exit 0; fi
dir="$TESTS_OUT/browser"
rm -rf "$dir"; mkdir -p "$dir"
"$UNPRESS" render -q -t html,site -o "$dir" "$TOP"/tests/site/corpus/*.xml "$TOP"/tests/fixtures/*.xml ||
	echo "not ok - build the site for the browser"
timeout 180 node "$TOP/tests/browser/browser.mjs" "$dir"
