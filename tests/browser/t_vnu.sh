#!/bin/sh
# The Nu HTML Checker (vnu-jar) finds no errors in the HTML edition of the
# fixtures or in any page of the site, nor in the six-language site of the
# UN's own files (tests/corpus/ga78) and their edition alone.
. "$TOP/tests/lib.sh"
. "$TOP/tests/browser/npm-setup.sh"
if [ "$NPM_OK" != 1 ]; then skip "vnu" "npm packages unavailable"; exit 0; fi
if ! command -v java >/dev/null; then skip "vnu" "no java (default-jre-headless)"; exit 0; fi
dir="$TESTS_OUT/vnu"
rm -rf "$dir"; mkdir -p "$dir"
"$UNPRESS" render -q -t html,site -o "$dir" "$TOP"/tests/site/corpus/*.xml "$TOP"/tests/fixtures/*.xml || echo "not ok - build pages for vnu"
# the UN's own files in the six languages: a site, and the edition alone
"$UNPRESS" render -q -t html,site -o "$dir/un" "$TOP"/tests/corpus/ga78/*.xml || echo "not ok - build the six-language site for vnu"
"$UNPRESS" render -q -t html -o "$dir/un-edition" "$TOP/tests/html/un-shapes.xml" "$TOP"/tests/corpus/ga78/*[AC].xml ||
	echo "not ok - render the UN's files for vnu"
for set in "$dir" "$dir/un" "$dir/un-edition"; do
	n=$(ls "$set"/*.html | wc -l)
	if java -jar "$bdir/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --format text "$set"/*.html >"$set.vnu.log" 2>&1; then
		echo "ok - vnu: no errors in $n pages of ${set#$dir}"
	else
		echo "not ok - vnu: errors in pages of ${set#$dir}"; sed 's/^/    /' "$set.vnu.log" | head -20
	fi
done
