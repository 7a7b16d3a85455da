#!/bin/sh
# --validate checks the same wherever unpress is installed: both schemas
# ship in templates/ (templates/SCHEMAS.md).  An installation made of the
# program, templates/ and styles/ alone (no ../shared beside it) validates
# a seed, refuses an invalid document with 65 naming the official schema,
# and stops with 78 when a schema is missing, never checking less.
. "$TOP/tests/lib.sh"
t="$TESTS_OUT/validate"
rm -rf "$t" && mkdir -p "$t/inst" "$t/out"
cp "$TOP/build/unpress" "$t/inst/unpress"
cp -r "$TOP/templates" "$TOP/styles" "$t/inst/"
unset AKN_XSD
rc=0; "$t/inst/unpress" -q --validate -o "$t/out" "$TOP/input/resolution-11-3.txt" 2>"$t/ok.err" || rc=$?
expect "a clone's --validate passes a seed" 0 "$rc"
# our own output, then an element neither schema knows in its body
x=$(ls "$t"/out/*.xml | head -1)
sed 's|<mainBody>|<mainBody><unknownElement/>|' "$x" >"$t/invalid.xml"
rc=0; "$t/inst/unpress" render -q --validate -o "$t/out2" "$t/invalid.xml" 2>"$t/bad.err" || rc=$?
expect "an invalid document is refused: 65" 65 "$rc"
check "by the official schema, shipped in templates/" grep -q "akomantoso30.xsd: .*unknownElement" "$t/bad.err"
rm "$t/inst/templates/akomantoso30.xsd"
rc=0; "$t/inst/unpress" -q --force --validate -o "$t/out" "$TOP/input/resolution-11-3.txt" 2>"$t/none.err" || rc=$?
expect "a missing schema stops --validate: 78" 78 "$rc"
check "and says which and why" grep -q "cannot read the schema .*akomantoso30.xsd: --validate needs it" "$t/none.err"
