#!/bin/sh
# Benchmark (not a test): Markdown edition throughput against pandoc, side by
# side in one run on the same bytes.
#   unpress -j1 -t md        the whole map step (ingest, normalise, AKN, .md)
#   unpress render -t md     the edition alone, from the AKN XML
#   pandoc -f gfm -t gfm     pandoc's GFM reader and writer
# Inputs: input/* (or the files given), each copied COPIES times (default 20)
# so start-up costs are amortised the same way for every tool.
#   sh tests/bench/md.sh [FILE...]
cd "$(dirname "$0")/../.." || exit 1
UNPRESS=${UNPRESS:-./unpress}
COPIES=${COPIES:-20}
[ $# -gt 0 ] || set -- input/*
command -v pandoc >/dev/null || { echo "pandoc not installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in" "$tmp/xml" "$tmp/md" "$tmp/md2" "$tmp/pandoc"
i=0
while [ $i -lt "$COPIES" ]; do
	for f in "$@"; do
		b=$(basename "$f"); cp "$f" "$tmp/in/$i-$b"
	done
	i=$((i + 1))
done
bytes=$(cat "$tmp"/in/* | wc -c)
"$UNPRESS" -q -j1 -t xml -o "$tmp/xml" "$tmp"/in/* 2>/dev/null
now() { date +%s.%N; }
t0=$(now)
"$UNPRESS" -q -j1 -t md -o "$tmp/md" "$tmp"/in/* 2>/dev/null
t1=$(now)
"$UNPRESS" render -q -j1 -t md -o "$tmp/md2" "$tmp"/xml/*.xml 2>/dev/null
t2=$(now)
for f in "$tmp"/in/*; do
	pandoc -f gfm -t gfm "$f" -o "$tmp/pandoc/$(basename "$f").md"
done
t3=$(now)
awk -v b="$bytes" -v n="$(ls "$tmp"/in | wc -l)" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" 'BEGIN {
	mb = b / 1e6; u = t1 - t0; r = t2 - t1; p = t3 - t2
	printf "%d files, %.2f MB\n", n, mb
	printf "%-28s %8.3f s %8.2f MB/s\n", "unpress -t md (map step)", u, mb / u
	printf "%-28s %8.3f s %8.2f MB/s\n", "unpress render -t md", r, mb / r
	printf "%-28s %8.3f s %8.2f MB/s\n", "pandoc -f gfm -t gfm", p, mb / p
	printf "ratio: unpress -t md is %.1fx pandoc; the edition alone %.1fx\n", p / u, p / r
}'
