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

# A document whose source gives no date: AKN needs one in FRBRdate, and
# unpress writes the epoch there (AKN_DATE_UNKNOWN); no edition may show it
# as the document's date.  One with a date on its cover shows that date.
printf 'Resolution 4/2\n\nA resolution without a date\n\n1. Decides to meet again.\n' >"$dir/nodate.txt"
"$UNPRESS" -q --force -t xml,md,html -o "$dir/nodate" "$dir/nodate.txt"
nodate_md=$(ls "$dir"/nodate/*.md) nodate_html=$(ls "$dir"/nodate/*.html)
check "the XML keeps the date AKN requires" grep -q 'FRBRdate date="1970-01-01"' "$dir"/nodate/*.xml
check "a dateless document's front matter has no date" sh -c '! grep -n "^date:" "$1"' - "$nodate_md"
check "a dateless document's page has no dcterms.date" sh -c '! grep -n "1970\|dcterms.date" "$1"' - "$nodate_html"
check "a dated document's front matter has its date" grep -q '^date: "2022-' "$dir"/a/CTOC-COP-2022-9.md
