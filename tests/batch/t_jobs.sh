#!/bin/sh
# -j: every edition and the site are byte-identical whatever the number of jobs.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/batch-jobs"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 20 "$dir/in"
export SOURCE_DATE_EPOCH=1700000000
for j in 1 2 5; do
	check "build all editions and the site with -j $j" \
		"$UNPRESS" -q -j "$j" -t xml,html,md,pdf,site -o "$dir/j$j" "$dir"/in/*.txt
done
check "-j 1 and -j 2 give the same files" diff -r -x .unpress "$dir/j1" "$dir/j2"
check "-j 1 and -j 5 give the same files" diff -r -x .unpress "$dir/j1" "$dir/j5"
expect "every edition written" "20 20 20 20" \
	"$(for e in "[0-9].xml" html md pdf; do ls "$dir/j2"/CTOC-*$e | wc -l; done | tr '\n' ' ' | sed 's/ $//')"
