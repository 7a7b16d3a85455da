#!/bin/sh
# tests/bench/html.sh — a benchmark, not a test: unpress -t html throughput
# against pandoc -f gfm -t html on the same inputs, side by side in one run.
# Usage: sh tests/bench/html.sh [ROUNDS] [FILES...]   (default 5, input/*.txt)
cd "$(dirname "$0")/../.." || exit 1
rounds=${1:-5}; [ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- input/*.txt
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
files=""
for f in "$@"; do # only inputs unpress converts (a crash is the normaliser's to fix)
	if ./unpress -q -t html -j 1 -o "$tmp/probe" "$f" >/dev/null 2>&1; then files="$files $f"
	else echo "skipping $f (unpress failed)"; fi
done
[ -n "$files" ] || { echo "no usable inputs"; exit 1; }
bytes=$(cat $files | wc -c)
now() { date +%s.%N; }
t0=$(now)
i=0; while [ $i -lt "$rounds" ]; do ./unpress -q --force -t html -j 1 -o "$tmp/u" $files >/dev/null 2>&1; i=$((i + 1)); done
t1=$(now)
i=0; while [ $i -lt "$rounds" ]; do for f in $files; do pandoc -f gfm -t html "$f" -o "$tmp/p.html"; done; i=$((i + 1)); done
t2=$(now)
awk -v b="$bytes" -v r="$rounds" -v t0="$t0" -v t1="$t1" -v t2="$t2" 'BEGIN {
	u = t1 - t0; p = t2 - t1; mb = b * r / 1e6
	printf "inputs: %d bytes x %d rounds\n", b, r
	printf "unpress -t html      : %7.3f s  %7.2f MB/s\n", u, mb / u
	printf "pandoc -f gfm -t html: %7.3f s  %7.2f MB/s\n", p, mb / p
	printf "ratio (unpress/pandoc throughput): %.1fx\n", p / u
}'
