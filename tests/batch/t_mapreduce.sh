#!/bin/sh
# The map/reduce split with GNU parallel: the map step on subsets (each into
# its own folder, as on separate machines), the folders collected, the
# reduce step over them; the site equals one run over everything.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/batch-mapreduce"; rm -rf "$dir"; mkdir -p "$dir"
if ! command -v parallel >/dev/null; then
	skip "map/reduce with GNU parallel" "parallel is not installed (Debian package parallel)"
	exit 0
fi
$PY "$TOP/tests/corpus/generate.py" 24 "$dir/in"
cp "$TOP"/input/*.txt "$TOP"/input/*.meta "$dir/in/"
export SOURCE_DATE_EPOCH=1700000000
check "one run over everything" \
	"$UNPRESS" -q -j 2 -t xml,html,md,pdf,site -o "$dir/single" "$dir"/in/*.txt
# the map: 6 jobs of up to 5 inputs, each writing its own folder map-N
cd "$dir" || exit 1
check "map step under GNU parallel" sh -c \
	"ls in/*.txt | parallel --will-cite -j 2 -N 5 '$UNPRESS' -q -j 1 -t xml,html,md,pdf --manifest -o map-{#} {}"
expect "map folders" 6 "$(ls -d map-* | wc -l)"
mkdir collected
for m in map-*; do cp -R "$m"/. collected/; done
check "reduce step over the collected outputs" "$UNPRESS" -q -t site -o collected
check "the site equals the single run" diff -r -x .unpress single collected
