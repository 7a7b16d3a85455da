#!/bin/sh
# The Nu HTML Checker (vnu-jar) finds no errors in the HTML edition of the
# fixtures or in any page of the site.
. "$TOP/tests/lib.sh"
. "$TOP/tests/browser/npm-setup.sh"
if [ "$NPM_OK" != 1 ]; then skip "vnu" "npm packages unavailable"; exit 0; fi
if ! command -v java >/dev/null; then skip "vnu" "no java (default-jre-headless)"; exit 0; fi
dir="$TESTS_OUT/vnu"
rm -rf "$dir"; mkdir -p "$dir"
"$UNPRESS" render -q -t html,site -o "$dir" "$TOP"/tests/site/corpus/*.xml "$TOP"/tests/fixtures/*.xml || echo "not ok - build pages for vnu"
n=$(ls "$dir"/*.html | wc -l)
if java -jar "$bdir/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --format text "$dir"/*.html >"$dir/vnu.log" 2>&1; then
	echo "ok - vnu: no errors in $n pages"
else
	echo "not ok - vnu: errors in pages"; sed 's/^/    /' "$dir/vnu.log" | head -20
fi
