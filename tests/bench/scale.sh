#!/bin/sh
# Scale benchmark (not a test): sites of 1,000–8,000 generated documents.
#   sh tests/bench/scale.sh [SIZES]      (default "1000 2000 4000 8000")
# Reports, for each size, the full build's time and peak memory (-j as the
# machine's cores), -j 1 against -j 2 on 2,000, and on the largest a rebuild
# after one input's text changed.  Editions: xml,html,site (PDF is the
# per-document cost that dominates otherwise and says nothing about the site).
# Work goes to $BENCH_DIR (default /tmp/unpress-scale).
# Old outputs are moved aside and deleted only at the end: on ext4 without a
# journal (as here) a new file skips every inode freed in the last 30 s, so a
# build right after `rm -rf` of a large output pays for the deletion too.
# For the same reason a run that starts within 30 s of the last one's
# deletion first waits for those 30 s to pass (its first build, 1,000
# documents, took up to 3.5 times as long otherwise).
cd "$(dirname "$0")/../.." || exit 1
sizes=${1:-"1000 2000 4000 8000"}
dir=${BENCH_DIR:-/tmp/unpress-scale}
mkdir -p "${BENCH_DIR:-/tmp/unpress-scale}"
# a copy: `make` may replace ./unpress meanwhile ($UNPRESS_BIN: another build
# to compare, run with this tree's templates)
cp "${UNPRESS_BIN:-unpress}" "${BENCH_DIR:-/tmp/unpress-scale}/unpress" || exit 1
bin=${BENCH_DIR:-/tmp/unpress-scale}/unpress
t="-t xml,html,site"
mkdir -p "$dir"
if [ -e "$dir/deleted-at" ]; then
	wait=$(( $(stat -c %Y "$dir/deleted-at") + 31 - $(date +%s) ))
	[ "$wait" -gt 0 ] && { echo "(waiting ${wait} s: the last run's deleted outputs)"; sleep "$wait"; }
fi
# timed LABEL CMD... → "LABEL  SECONDS s  PEAK_KB KB"
timed() {
	label=$1; shift
	/usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/err" || { cat "$dir/err"; exit 1; }
	read -r secs kb <"$dir/time"
	printf '%-28s %8.2f s %8d KB\n' "$label" "$secs" "$kb"
	echo "$secs" >"$dir/last"
}
# least A B → the smaller (A may be empty)
least() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
largest=""
for n in $sizes; do
	[ -d "$dir/in-$n" ] || /usr/bin/python3 tests/corpus/generate.py "$n" "$dir/in-$n"
	[ -d "$dir/out-$n" ] && mv "$dir/out-$n" "$dir/trash.$$.out-$n"
	timed "full build, $n docs" "$bin" -q $t -o "$dir/out-$n" "$dir/in-$n"/*.txt
	eval "full_$n=\$(cat \$dir/last)"
	largest=$n
done
first=$(echo "$sizes" | cut -d' ' -f1)
eval "a=\$full_$first b=\$full_$largest"
awk -v a="$a" -v b="$b" -v n="$largest" -v m="$first" \
	'BEGIN { printf "time ratio %s/%s docs: %.2f (linear: %.1f)\n", n, m, b / a, n / m }'
if [ -d "$dir/in-2000" ]; then
	# alternately, three times each; the best of each (the machine is shared)
	j1=""; j2=""
	for rep in 1 2 3; do
		for j in 1 2; do
			[ -d "$dir/j$j" ] && mv "$dir/j$j" "$dir/trash.$$.j$j.$rep"
			timed "2000 docs, -j $j" "$bin" -q -j $j $t -o "$dir/j$j" "$dir/in-2000"/*.txt
			secs=$(cat "$dir/last")
			if [ $j = 1 ]; then j1=$(least "$j1" "$secs"); else j2=$(least "$j2" "$secs"); fi
		done
	done
	awk -v a="$j1" -v b="$j2" 'BEGIN { printf "-j 2 speed-up (best of 3 each: %.2f s, %.2f s): %.2f\n", a, b, a / b }'
fi
out="$dir/out-$largest"
timed "$largest docs, nothing changed" "$bin" -q $t -o "$out" "$dir/in-$largest"/*.txt
one="$dir/in-$largest/doc-00042.txt"
# touched (`touch`: a new mtime, the same bytes), then edited
sleep 1; touch "$one"
timed "$largest docs, one input touched" "$bin" -q $t -o "$out" "$dir/in-$largest"/*.txt
touched=$(cat "$dir/last")
cp "$one" "$dir/saved"
echo "An added closing sentence." >>"$one"
timed "$largest docs, one input edited" "$bin" -q $t -o "$out" "$dir/in-$largest"/*.txt
touch1=$(cat "$dir/last")
mv "$dir/saved" "$one"
eval "full=\$full_$largest"
awk -v t="$touched" -v a="$touch1" -v b="$full" 'BEGIN {
	printf "one input touched: %.1f%% of the full build\n", 100 * t / b
	printf "one input edited: %.1f%% of the full build\n", 100 * a / b
}'
rm -rf "$dir"/trash.*
touch "$dir/deleted-at"
