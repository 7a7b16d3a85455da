#!/bin/sh
# Benchmark (not a test): ingest → normalise → AKN XML (no schema
# validation, no other edition) against cmark-gfm parsing the same bytes,
# side by side in one run.  Each program writes its output to files on the
# same disk.  Prints MB/s for each and the ratio, by wall clock and by CPU
# time (user + system: on a shared machine, another job's load stretches
# wall time but not CPU time), and instructions per byte.
# With --wrapped, the corpus is line-wrapped text as pdftotext writes it
# (the development set when it is at hand, and tests/read/inputs), read by
# the page model; else the seeds, read through cmark-gfm.
# Usage: sh tests/bench/core.sh [--wrapped] [ROUNDS]
set -e
cd "$(dirname "$0")/../.."

run_cmark() {
	for f in "$work"/*.txt; do
		cmark-gfm -e footnotes -e table -e strikethrough -e autolink "$f" >"$work/html/$(basename "$f" .txt).html"
	done
}
# the same, its HTML thrown away: cmark-gfm's parse and render alone
run_cmark_null() {
	for f in "$work"/*.txt; do
		cmark-gfm -e footnotes -e table -e strikethrough -e autolink "$f" >/dev/null
	done
}
# two runs: a repeated seed publishes under the seed's own symbol
run_unpress() {
	./unpress -q --force -j 1 -t xml -o "$work/out1" $(ls "$work"/*.txt | grep -v -- -x20)
	./unpress -q --force -j 1 -t xml -o "$work/out2" "$work"/*-x20.txt
}
# core.sh --run cmark|unpress DIR: one program's run alone, for /usr/bin/time
if [ "$1" = --run ]; then
	work=$3
	"run_$2"
	exit
fi

corpus="input/*.txt"
if [ "$1" = --wrapped ]; then
	corpus="tests/read/inputs/*.txt"
	[ -d ../shared/devset ] && corpus="$corpus ../shared/devset/*.txt"
	shift
fi
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a corpus of realistic size: every seed, and each seed repeated 20 times
# in one file (a long document) — same bytes for both programs
for f in $corpus; do
	b=$(basename "$f" .txt)
	cp "$f" "$work/$b.txt"
	# a long document: twenty copies, a page break between them
	for i in $(seq 20); do cat "$f"; printf '\n\n\f'; done >"$work/$b-x20.txt"
done
mkdir -p "$work/html"
bytes=$(cat "$work"/*.txt | wc -c)
now() { date +%s%N; }
# (getrusage of the children, in microseconds: GNU time rounds to 10 ms)
cpu() {
	/usr/bin/python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(int((r.ru_utime + r.ru_stime) * 1e9))' sh tests/bench/core.sh --run "$1" "$work"
}
least() { if [ "$1" -eq 0 ] || [ "$2" -lt "$1" ]; then echo "$2"; else echo "$1"; fi; }
wall_c=0 wall_u=0 cpu_c=0 cpu_u=0 cpu_n=0
for r in $(seq "$rounds"); do
	t0=$(now); run_cmark; t1=$(now); run_unpress; t2=$(now)
	wall_c=$(least "$wall_c" $((t1 - t0)))
	wall_u=$(least "$wall_u" $((t2 - t1)))
	cpu_c=$(least "$cpu_c" "$(cpu cmark)")
	cpu_u=$(least "$cpu_u" "$(cpu unpress)")
	cpu_n=$(least "$cpu_n" "$(cpu cmark_null)")
done
awk -v files="$(ls "$work"/*.txt | wc -l)" -v b="$bytes" -v c="$wall_c" -v u="$wall_u" -v cc="$cpu_c" -v cu="$cpu_u" -v cn="$cpu_n" 'BEGIN {
	printf "corpus: %.1f MB in %d files (best of rounds)\n", b / 1e6, files
	printf "cmark-gfm (parse + HTML):      %6.1f MB/s wall, %6.1f MB/s CPU\n", b / (c / 1e9) / 1e6, b / (cc / 1e9) / 1e6
	printf "unpress -t xml (whole core):   %6.1f MB/s wall, %6.1f MB/s CPU\n", b / (u / 1e9) / 1e6, b / (cu / 1e9) / 1e6
	printf "ratio unpress/cmark-gfm:       %6.2f by wall clock, %.2f by CPU time  (goal: at least 0.5)\n", c / u, cc / cu
	printf "unpress takes %.2f times cmark-gfm'"'"'s CPU time (goal for line-wrapped text: at most 2)\n", cu / cc
	printf "  (by CPU time against cmark-gfm writing to /dev/null: %.2f)\n", cn / cu
}'
# Instruction counts (callgrind) are the repeatable measure.  Same bytes:
# the largest input repeated 20 times.
if command -v valgrind >/dev/null; then
	big=$(ls -S "$work"/*-x20.txt | head -1)
	count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ {gsub(",", "", $NF); print $NF}'; }
	ic=$(count cmark-gfm -e footnotes -e table -e strikethrough -e autolink "$big")
	iu=$(count ./unpress -q --force -j 1 -t xml -o "$work/out" "$big")
	awk -v c="$ic" -v u="$iu" -v b="$(wc -c <"$big")" 'BEGIN {
		printf "instructions per byte: cmark-gfm %.0f, unpress %.0f; ratio %.2f\n", c / b, u / b, c / u
	}'
fi
