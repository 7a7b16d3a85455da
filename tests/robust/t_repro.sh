#!/bin/sh
# Reproducible output: the same inputs and SOURCE_DATE_EPOCH give
# byte-identical files in every edition, whatever the output folder's name,
# the number of jobs, or the time between the runs.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/robust-repro"; rm -rf "$dir"; mkdir -p "$dir"
export SOURCE_DATE_EPOCH=1700000000
inputs="$TOP/input/*.txt $TOP/tests/core/inputs/*.txt"
# shellcheck disable=SC2086
"$UNPRESS" -q -j 1 -t xml,html,md,pdf,site -o "$dir/first" $inputs
expect "first run: exit 0" 0 $?
sleep 1	# a clock that leaks into the output would now differ
# shellcheck disable=SC2086
"$UNPRESS" -q -j 3 -t xml,html,md,pdf,site -o "$dir/second run" $inputs
expect "second run: exit 0" 0 $?
# .unpress/ is the incremental build's own state (file times, inodes), not
# an edition: it is meant to differ.
check "every edition byte-identical (diff -r)" diff -r -x .unpress "$dir/first" "$dir/second run"
for ext in xml html md pdf; do
	n=$(find "$dir/first" -name "*.$ext" | wc -l)
	[ "$n" -gt 0 ] && echo "ok - the comparison covers $n .$ext files" || echo "not ok - no .$ext file to compare"
done
# Rendering the XML again gives the same Markdown and PDF (the HTML differs
# by design: the site's pages carry cross-links).
mkdir -p "$dir/rendered"
for f in "$dir/first"/*.xml; do
	case "$f" in *.manifest.xml|*/sitemap.xml) continue ;; esac
	"$UNPRESS" render -q -t md,pdf -o "$dir/rendered" "$f" || echo "not ok - render $f"
done
check "render FILE.xml reproduces the Markdown and PDF editions" sh -c \
	"for f in '$dir/rendered'/*.md '$dir/rendered'/*.pdf; do cmp \"\$f\" '$dir/first/'\$(basename \"\$f\") || exit 1; done"
