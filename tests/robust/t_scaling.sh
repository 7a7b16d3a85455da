#!/bin/sh
# Memory and time grow in proportion to the input: each case converts an
# input of size N and one of size 4N, and checks that the bigger one costs
# less than 10 times as much (linear would be 4x, quadratic 16x).  Cost is
# the instruction count from perf when the machine has counters, else the
# CPU time (user + system, never wall-clock: the machine is shared), the
# least of three runs; memory is peak RSS.  Inputs are made by gen.py.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/robust-scaling"; rm -rf "$dir"; mkdir -p "$dir"
PY=/usr/bin/python3
GEN="$TOP/tests/robust/gen.py"
RATIO=10

if perf stat -x, -e instructions:u true 2>&1 | grep -q '^[0-9]'; then
	measure_by=instructions
else
	measure_by="CPU time"
fi

# cost CMD... → "COST RSS_KB": least cost and least peak RSS of three runs
cost() {
	best_c="" best_m=""
	for run in 1 2 3; do
		# a fresh output folder: an incremental build would skip the work
		rm -rf "$dir/out" "$dir/b1" "$dir/b8"
		if [ "$measure_by" = instructions ]; then
			c=$(perf stat -x, -e instructions:u "$@" 2>&1 >/dev/null | sed -n 's/^\([0-9]*\),.*instructions.*/\1/p')
			m=$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1)
		else
			r=$(/usr/bin/time -f '%U %S %M' "$@" 2>&1 >/dev/null | tail -n 1)
			c=$(echo "$r" | awk '{ printf "%d", ($1 + $2) * 100 + 1 }')	# centiseconds, never 0
			m=${r##* }
		fi
		[ -z "$best_c" ] || [ "$c" -lt "$best_c" ] && best_c=$c
		[ -z "$best_m" ] || [ "$m" -lt "$best_m" ] && best_m=$m
	done
	echo "$best_c $best_m"
}

# scale NAME KIND N EXT ARGS... : convert gen.py KIND at N and 4N
scale() {
	name=$1 kind=$2 n=$3 ext=$4; shift 4
	small="$dir/$kind-$n.$ext" big="$dir/$kind-$((4 * n)).$ext"
	$PY "$GEN" "$kind" "$n" >"$small"
	$PY "$GEN" "$kind" $((4 * n)) >"$big"
	set -- "$UNPRESS" "$@" -q -o "$dir/out"
	a=$(cost "$@" "$small") b=$(cost "$@" "$big")
	ca=${a% *} ma=${a#* } cb=${b% *} mb=${b#* }
	if [ "$cb" -lt $((RATIO * ca)) ]; then echo "ok - $name: $measure_by ${ca} → ${cb} for 4x the input"
	else echo "not ok - $name: $measure_by grows more than ${RATIO}x for 4x the input"; echo "    $n: $ca, $((4 * n)): $cb"; fi
	if [ "$mb" -lt $((RATIO * ma)) ]; then echo "ok - $name: peak RSS ${ma} → ${mb} KB"
	else echo "not ok - $name: peak RSS grows more than ${RATIO}x"; echo "    $n: $ma KB, $((4 * n)): $mb KB"; fi
}

# The normaliser and the text editions (footnote numbers stop at 9,999, and
# so do page numbers in footers: N stays below that).
scale "2,000 vs 8,000 footnotes (xml,md,html)" notes 2000 txt -t xml,md,html
scale "2,000 vs 8,000 page breaks (xml,md,html)" pages 2000 txt -t xml,md,html
scale "4,000 vs 16,000 paragraphs (xml,md,html)" paras 4000 txt -t xml,md,html
# Markers that repeat (1 to 50 over and over): each reference looked
# through every note for its definition (issue 14's hostile shapes).
scale "10,000 vs 40,000 footnotes with repeated markers (xml)" notesrep 10000 txt -t xml
scale "1,000 vs 4,000 lists nested in one another" deep 1000 txt -t xml,md,html
# Numbers that repeat (a source error, or a hostile input) make eIds that
# need a _2, _3… suffix (akn/build.c once tried them all from 2 every time).
scale "1,000 vs 4,000 repeated chapter, section and paragraph numbers" dupnum 1000 txt -t xml
# The PDF edition, on smaller inputs (layout is the slow part).
scale "500 vs 2,000 footnotes (pdf)" notes 500 txt -t pdf
scale "500 vs 2,000 paragraphs (pdf)" paras 500 txt -t pdf
# One paragraph cut into many pieces (joins.c copied the text so far for
# each), and one paragraph of many links or notes (the PDF's links asked
# every line, its lines every run): issue 14.
scale "3,000 vs 12,000 pieces of one paragraph (xml)" pieces 3000 txt -t xml
scale "1,000 vs 4,000 links in one paragraph (pdf)" links1 1000 txt -t pdf
scale "1,000 vs 4,000 notes in one paragraph (pdf)" notes1 1000 txt -t pdf
# Rendering XML: a body of loose <p> between paragraphs.
scale "4,000 vs 16,000 loose paragraphs (render html,md)" loose 4000 xml render -t html,md

# A batch releases each document's memory before the next: eight documents
# in one process (-j 1) peak no higher than 1.5 times one of them.
if grep -qa '__asan_init' "$UNPRESS"; then
	skip "a batch releases memory between documents" "ASan keeps freed memory in quarantine"
	exit 0
fi
$PY "$GEN" paras 4000 >"$dir/one.txt"
for i in 1 2 3 4 5 6 7 8; do cp "$dir/one.txt" "$dir/batch-$i.txt"; done
one=$(cost "$UNPRESS" -q -j 1 -t xml,md,html -o "$dir/b1" "$dir/one.txt")
eight=$(cost "$UNPRESS" -q -j 1 -t xml,md,html -o "$dir/b8" "$dir"/batch-*.txt)
m1=${one#* } m8=${eight#* }
if [ $((m8 * 2)) -lt $((m1 * 3)) ]; then echo "ok - a batch of 8 peaks at ${m8} KB, one document at ${m1} KB"
else echo "not ok - a batch of 8 documents keeps memory: ${m8} KB vs ${m1} KB for one"; fi
