#!/bin/sh
# --prune (batch/prune.h): a deleted input's outputs stay by default (the
# map step converts subsets into one folder); with --prune they go, and
# the site equals a clean build of the inputs that remain.  A renamed
# input keeps its files, a file no state names is never touched, a file
# that cannot be removed is a warning, and -q says nothing.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/batch-prune"; rm -rf "$dir"; mkdir -p "$dir"
export SOURCE_DATE_EPOCH=1700000000
$PY "$TOP/tests/corpus/generate.py" 6 "$dir/in"
out="$dir/out"
build() { "$UNPRESS" -j 2 -t xml,html,md,site -o "$out" "$@" "$dir"/in/*.txt 2>"$dir/err"; }
summary() { grep '^unpress: [0-9]' "$dir/err" | sed 's/, [0-9.]* s$//'; }
# the site a clean build of the inputs now in $dir/in makes equals OUT's
# (the user's note apart)
clean() {
	rm -rf "$dir/clean"
	"$UNPRESS" -q -j 2 -t xml,html,md,site -o "$dir/clean" "$dir"/in/*.txt &&
		diff -r -x .unpress -x notes.txt "$out" "$dir/clean"
}
# the slug an input published under (its manifest names the input's file)
slug_of() { basename "$(grep -l "file=\"$1\"" "$out"/*.manifest.xml)" .manifest.xml; }
# every file of a document: its editions, manifest, search units, state
files_of() {
	for f in "$out/$1.xml" "$out/$1.html" "$out/$1.md" "$out/$1.manifest.xml" \
		"$out/.unpress/units/$1" $(grep -l "^slug $1\$" "$out"/.unpress/doc-* 2>/dev/null); do
		[ -e "$f" ] && echo "$f"
	done
}
listed() { grep -c "href=\"$1.html\"" "$out/index.html"; }

check "first build" build
echo "a note of the user's" >"$out/notes.txt"
gone=$(slug_of doc-00003.txt)
expect "a document has 6 files" 6 "$(files_of "$gone" | wc -l)"

# the default is unchanged: without --prune a deleted input's files stay
mv "$dir/in/doc-00003.txt" "$dir/deleted.txt"
check "rebuild without --prune" build
expect "without --prune: nothing converted, nothing removed" "unpress: 5 documents up to date" "$(summary)"
expect "without --prune: its files stay" 6 "$(files_of "$gone" | wc -l)"
expect "without --prune: the site still lists it" 1 "$(listed "$gone")"

# with --prune they go, and the site is a clean build's
check "rebuild with --prune" build --prune
expect "with --prune: says what it removed" "unpress: removed $gone (its input is gone)" \
	"$(grep 'removed' "$dir/err" | grep -v '^unpress: [0-9]')"
expect "with --prune: the summary counts it" \
	"unpress: 5 documents (0 converted, 5 up to date), 1 gone document removed, 0 warnings, 0 errors" \
	"$(summary)"
expect "with --prune: its files and state are gone" "" "$(files_of "$gone")"
expect "with --prune: 5 state files are left" 5 "$(ls "$out"/.unpress/doc-* | wc -l)"
expect "with --prune: the index no longer lists it" 0 "$(listed "$gone")"
check "with --prune: the site equals a clean build of the 5 inputs left" clean
check "a file no state names is kept" grep -q "a note of the user's" "$out/notes.txt"
expect "the other documents' files are kept" 30 "$(for f in "$dir"/in/*.txt; do
	files_of "$(slug_of "$(basename "$f")")"; done | wc -l)"
check "again with --prune: nothing to do" build --prune
expect "again with --prune: up to date, nothing removed" "unpress: 5 documents up to date" "$(cat "$dir/err")"

# a renamed input keeps its slug: nothing of it goes, and only it is
# converted again (its XML names its input file)
renamed=$(slug_of doc-00004.txt)
mv "$dir/in/doc-00004.txt" "$dir/in/renamed.txt"
check "a renamed input, with --prune" build --prune
expect "renamed: nothing removed" "" "$(grep 'removed' "$dir/err")"
expect "renamed: only it is converted" \
	"unpress: 5 documents (1 converted, 4 up to date), 0 warnings, 0 errors" "$(summary)"
expect "renamed: its files are there, under its slug" 6 "$(files_of "$renamed" | wc -l)"
expect "renamed: published from its new name" "$renamed" "$(slug_of renamed.txt)"
expect "renamed: its old state is gone" 5 "$(ls "$out"/.unpress/doc-* | wc -l)"
expect "renamed: the index lists it" 1 "$(listed "$renamed")"
check "renamed: the site equals a clean build" clean

# its symbol edited: the files of its old slug go, those of the new stay
edited=$(slug_of doc-00005.txt)
symbol=$(echo "$edited" | tr - /)
sed -i "s#$symbol\$#$symbol/Rev.1#" "$dir/in/doc-00005.txt"
check "a symbol edited, with --prune" build --prune
expect "symbol edited: a new slug" "$edited-Rev.1" "$(slug_of doc-00005.txt)"
expect "symbol edited: says what it removed" "unpress: removed $edited (its input publishes as $edited-Rev.1 now)" \
	"$(grep 'removed' "$dir/err" | grep -v '^unpress: [0-9]')"
expect "symbol edited: the old slug's files are gone" "" "$(files_of "$edited")"
check "symbol edited: the site equals a clean build" clean

# an input that fails before its slug is known may be the one that
# published a gone document's files: nothing is removed meanwhile
kept=$(slug_of doc-00006.txt)
mv "$dir/in/doc-00006.txt" "$dir/deleted6.txt"
build --prune "$dir/in/missing.txt"
expect "an input missing: exit 66" 66 $?
check "an input missing: a warning says why nothing was removed" grep -q 'warning: nothing removed: .*missing.txt' "$dir/err"
expect "an input missing: the gone document's files stay" 6 "$(files_of "$kept" | wc -l)"

# a file that cannot be removed (a folder in its place) is a warning; its
# state stays, and the next --prune removes what is left
mkdir "$out/$kept.pdf"; touch "$out/$kept.pdf/x"
build --prune
expect "cannot remove: exit 0" 0 $?
check "cannot remove: a warning" grep -q "warning: cannot remove $out/$kept.pdf: .*\[prune\]" "$dir/err"
expect "cannot remove: the rest is gone, the state stays" "$(grep -l "^slug $kept\$" "$out"/.unpress/doc-*)" \
	"$(files_of "$kept")"
expect "cannot remove: the index no longer lists it" 0 "$(listed "$kept")"
build --prune --werror
expect "cannot remove: --werror exits 1" 1 $?
rm -r "$out/$kept.pdf"
check "once it can: removed" build --prune
expect "once it can: said" "unpress: removed $kept (its input is gone)" \
	"$(grep 'removed' "$dir/err" | grep -v '^unpress: [0-9]')"
expect "once it can: its state is gone" "" "$(files_of "$kept")"
check "once it can: the site equals a clean build" clean

# -q: removed, and nothing said
last=$(slug_of doc-00001.txt)
mv "$dir/in/doc-00001.txt" "$dir/deleted1.txt"
build --prune -q
expect "-q: exit 0" 0 $?
expect "-q: nothing printed" "" "$(cat "$dir/err")"
expect "-q: its files are gone" "" "$(files_of "$last")"
check "-q: the site equals a clean build" clean
check "the note is still there" grep -q "a note of the user's" "$out/notes.txt"
