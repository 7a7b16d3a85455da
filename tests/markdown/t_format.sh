#!/bin/sh
# Form of every Markdown edition (fixtures, goldens, and the inputs converted
# by the current normaliser): final newline, no trailing spaces, no tabs, no
# HTML entities, one level-1 heading at most, and the same bytes when
# rendered twice (stable output).
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/md-format"
mkdir -p "$dir/a" "$dir/b"
"$UNPRESS" render -q -t md -o "$dir/a" "$TOP"/tests/fixtures/*.xml "$TOP"/tests/markdown/golden/*.xml
"$UNPRESS" -q -t xml,md -o "$dir/a" "$TOP"/input/* 2>/dev/null
"$UNPRESS" render -q -t md -o "$dir/b" "$TOP"/tests/fixtures/*.xml "$TOP"/tests/markdown/golden/*.xml
"$UNPRESS" -q -t xml,md -o "$dir/b" "$TOP"/input/* 2>/dev/null
for md in "$dir"/a/*.md; do
	doc=$(basename "$md")
	check "$doc ends with a newline" sh -c '[ "$(tail -c1 "$1" | od -An -c | tr -d " ")" = "\\n" ]' - "$md"
	check "$doc has no trailing spaces or tabs" sh -c '! grep -n "[[:blank:]]$" "$1" && ! grep -n "	" "$1"' - "$md"
	check "$doc has no HTML entities" sh -c '! grep -nE "(^|[^\\])&(lt|gt|amp|quot|#[0-9]+);" "$1"' - "$md"
	check "$doc has at most one level-1 heading" sh -c '[ "$(grep -c "^# " "$1")" -le 1 ]' - "$md"
	check "$doc is stable" cmp "$md" "$dir/b/$doc"
done
