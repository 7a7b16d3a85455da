#!/bin/sh
# The reduce step resolves again only the references that may resolve
# otherwise (site.c: resolve_changed): those of documents that changed, and
# those pinpointing into a document whose anchors changed; everything, when
# a document comes or goes.  Whatever it skips, after every edit the site
# must be the one a clean build of the same inputs makes.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/site-incremental"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 15 "$dir/in"
out="$dir/out"
build() { "$UNPRESS" -v -t xml,html,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"; }
# "N of M" from the build's note
resolved() { sed -n 's/.*references resolved for \([0-9]*\) of \([0-9]*\) documents.*/\1 of \2/p' "$dir/err"; }
clean() {
	rm -rf "$dir/clean"
	"$UNPRESS" -q -t xml,html,site -o "$dir/clean" "$dir"/in/*.txt 2>/dev/null
	diff -r -x .unpress "$out" "$dir/clean"
}
check "first build" build
expect "a first build resolves every document's references" "15 of 15" "$(resolved)"

# doc-00004 is CTOC/COP/2003/1.  A word added inside its first paragraph:
# its record changes, nothing it is cited by or cites does
sed -i '0,/^1\. /s//1. Indeed, /' "$dir/in/doc-00004.txt"
build
expect "a changed text: only its own references resolved" "1 of 15" "$(resolved)"
check "and the site is a clean build's" clean

# doc-00002 pinpoints a paragraph CTOC/COP/2003/1 does not have yet: no pin
printf '\n40. A paragraph citing CTOC/COP/2003/1, para. 60.\n' >>"$dir/in/doc-00002.txt"
build
check "a pinpoint to a missing paragraph links the document" \
	grep -q 'href="CTOC-COP-2003-1.html"' "$out/CTOC-COP-2001-1.html"
check "and the site is a clean build's" clean
# …then paragraph 60 appears: the citing page must now link to it, though
# doc-00002 itself did not change
printf '\n60. A new last paragraph.\n' >>"$dir/in/doc-00004.txt"
build
check "its anchors changed: the pinpoint now links the paragraph" \
	grep -q 'href="CTOC-COP-2003-1.html#para_60"' "$out/CTOC-COP-2001-1.html"
n=$(resolved); n=${n%% of *}
check "and more than the changed document was resolved ($n)" test "$n" -gt 1
check "and the site is a clean build's" clean

# a citation of an outside symbol, then of a symbol of the collection
printf '\n41. See A/RES/99/123 and CTOC/COP/2010/1, para. 2.\n' >>"$dir/in/doc-00002.txt"
build
check "a new outside symbol gets its page" test -s "$out/cited-A_RES_99_123.html"
check "and the site is a clean build's" clean
sed -i 's|See A/RES/99/123 and CTOC/COP/2010/1, para. 2.|Nothing cited.|' "$dir/in/doc-00002.txt"
build
check "no longer cited: its page goes" test ! -e "$out/cited-A_RES_99_123.html"
check "and the site is a clean build's" clean

# what a document answers to changed (its type, from a sidecar): what any
# reference resolves to may change, so everything is resolved again
printf 'type: decision\n' >"$dir/in/doc-00007.meta"
build
expect "a document's type changed: every document's references resolved" "15 of 15" "$(resolved)"
check "and the site is a clean build's" clean

# a new document moves every index: everything is resolved again
cp "$dir/in/doc-00007.txt" "$dir/in/doc-00016.txt"
sed -i 's|CTOC/COP/2006/1|CTOC/COP/2099/1|g' "$dir/in/doc-00016.txt"
build
expect "a new document: every document's references resolved" "16 of 16" "$(resolved)"
check "and the site is a clean build's" clean
# and a document gone (its input and its outputs)
slug=$(sed -n 's/.*slug="\([^"]*\)".*file="doc-00016.txt".*/\1/p' "$out"/*.manifest.xml)
rm "$dir/in/doc-00016.txt" "$out/$slug".*
build
expect "a document gone: every document's references resolved" "15 of 15" "$(resolved)"
check "and the site is a clean build's" clean

# nothing changed: the site stands, nothing is resolved
build
check "nothing changed: the site stands" grep -q "nothing the site is made from changed" "$dir/err"
