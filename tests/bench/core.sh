#!/bin/sh
# Benchmark (not a test): ingest → normalise → AKN XML (no schema
# validation, no other edition) against cmark-gfm parsing the same bytes,
# side by side in one run.  Prints MB/s for each and the ratio.
# Usage: sh tests/bench/core.sh [ROUNDS]
set -e
cd "$(dirname "$0")/../.."
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a corpus of realistic size: every seed, and each seed repeated 20 times
# in one file (a long document) — same bytes for both programs
for f in input/*.txt; do
	b=$(basename "$f" .txt)
	cp "$f" "$work/$b.txt"
	for i in $(seq 20); do cat "$f"; printf '\n\n'; done >"$work/$b-x20.txt"
done
bytes=$(cat "$work"/*.txt | wc -c)
now() { date +%s%N; }
best_cmark=0 best_unpress=0
for r in $(seq "$rounds"); do
	# each program writes its output to a file on the same disk
	mkdir -p "$work/html"
	t0=$(now); for f in "$work"/*.txt; do cmark-gfm -e footnotes -e table -e strikethrough -e autolink "$f" >"$work/html/$(basename "$f" .txt).html"; done; t1=$(now)
	# two runs: a repeated seed publishes under the seed's own symbol
	./unpress -q --force -j 1 -t xml -o "$work/out1" $(ls "$work"/*.txt | grep -v -- -x20)
	./unpress -q --force -j 1 -t xml -o "$work/out2" "$work"/*-x20.txt; t2=$(now)
	c=$((t1 - t0)) u=$((t2 - t1))
	[ "$best_cmark" -eq 0 ] || [ "$c" -lt "$best_cmark" ] && best_cmark=$c
	[ "$best_unpress" -eq 0 ] || [ "$u" -lt "$best_unpress" ] && best_unpress=$u
done
awk -v b="$bytes" -v c="$best_cmark" -v u="$best_unpress" 'BEGIN {
	printf "corpus: %.1f MB in %d files (best of rounds)\n", b / 1e6, 10
	printf "cmark-gfm (parse + HTML):      %6.1f MB/s\n", b / (c / 1e9) / 1e6
	printf "unpress -t xml (whole core):   %6.1f MB/s\n", b / (u / 1e9) / 1e6
	printf "ratio unpress/cmark-gfm:       %6.2f  (goal: at least 0.5)\n", c / u
}'
# The machine is shared and noisy: instruction counts (callgrind) are the
# repeatable measure.  Same bytes: the largest input repeated 20 times.
if command -v valgrind >/dev/null; then
	big="$work/CTOC_COP_2022_9-x20.txt"
	count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ {gsub(",", "", $NF); print $NF}'; }
	ic=$(count cmark-gfm -e footnotes -e table -e strikethrough -e autolink "$big")
	iu=$(count ./unpress -q --force -j 1 -t xml -o "$work/out" "$big")
	awk -v c="$ic" -v u="$iu" -v b="$(wc -c <"$big")" 'BEGIN {
		printf "instructions per byte: cmark-gfm %.0f, unpress %.0f; ratio %.2f\n", c / b, u / b, c / u
	}'
fi
