#!/bin/sh
# The site stands when nothing it is made from changed (site_inputs_hash:
# the program, every manifest's and XML's identity) since a clean build
# recorded it: a rebuild then reads no manifest.  Any change, a missing page,
# or a record not older than the identities, means the reduce runs.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/batch-site-unchanged"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 6 "$dir/in"
out="$dir/out"
build() { "$UNPRESS" -v -j 2 -t xml,html,site -o "$out" "$@" "$dir"/in/*.txt 2>"$dir/err"; }
stands() { grep -q "nothing the site is made from changed" "$dir/err"; }
clean() {
	rm -rf "$dir/clean"
	"$UNPRESS" -q -j 2 -t xml,html,site -o "$dir/clean" "$dir"/in/*.txt
	diff -r -x .unpress "$out" "$dir/clean" >/dev/null
}
check "first build" build
sleep 0.02
build
check "nothing changed: the site stands" stands
slug=$(basename "$(grep -l 'file="doc-00003.txt"' "$out"/*.manifest.xml)" .manifest.xml)

printf '\nAn added closing sentence.\n' >>"$dir/in/doc-00003.txt"
sleep 0.02; build
check "an input edited: the site is rebuilt" sh -c "! grep -q 'nothing the site' '$dir/err'"
check "and the result is a clean build's" clean
sleep 0.02; build
check "then it stands again" stands

touch "$out/$slug.xml"; sleep 0.02; build
check "an XML touched: the site is rebuilt" sh -c "! grep -q 'nothing the site' '$dir/err'"
rm "$out/$slug.html"; build
check "a page missing: the site is rebuilt" sh -c "! grep -q 'nothing the site' '$dir/err'"
check "and the page is back" test -s "$out/$slug.html"
rm "$out/unpress.css"; build
check "a missing stylesheet is copied even when the site stands" test -s "$out/unpress.css"
touch -d '2001-01-01' "$out/.unpress/site-stamps"; build
check "a record older than the identities: the site is rebuilt" sh -c "! grep -q 'nothing the site' '$dir/err'"
build --force
check "--force: the site is rebuilt" sh -c "! grep -q 'nothing the site' '$dir/err'"
check "and the result is a clean build's" clean

# a manifest gone from the output (the reduce reads what OUT holds)
mv "$out/$slug.manifest.xml" "$dir/kept.manifest.xml"
"$UNPRESS" -v -t site -o "$out" 2>"$dir/err"
check "a manifest removed: the site is rebuilt" sh -c "! grep -q 'nothing the site' '$dir/err'"
check "and its document left the index" sh -c "! grep -q '\"$slug.html\"' '$out/index.html'"
