#!/bin/sh
# Golden tests: each tests/markdown/golden/NAME.xml renders (unpress render
# -t md) to exactly NAME.md.  To accept a deliberate change, re-render and
# review the diff:  unpress render -t md -o tests/markdown/golden X.xml
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/md-golden"
mkdir -p "$dir"
for xml in "$TOP"/tests/markdown/golden/*.xml; do
	doc=$(basename "$xml" .xml)
	if ! "$UNPRESS" render -q -t md -o "$dir" "$xml" 2>"$dir/$doc.err"; then
		echo "not ok - golden $doc renders"; sed 's/^/    /' "$dir/$doc.err"; continue
	fi
	check "golden $doc" diff -u "$TOP/tests/markdown/golden/$doc.md" "$dir/$doc.md"
done
