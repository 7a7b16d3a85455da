#!/bin/sh
# Benchmark (not a test): unpress making the PDF of the largest input,
# against WeasyPrint printing the same document from HTML — unpress's own
# HTML edition when it renders, else pandoc's HTML of unpress's Markdown.
# Both run in this one invocation; prints times, ratio and pages/second.
cd "$(dirname "$0")/../.." || exit 1
OUT=${TMPDIR:-/tmp}/unpress-bench-pdf
rm -rf "$OUT"; mkdir -p "$OUT"
IN=$(ls -S input/*.txt | head -1)
RUNS=${RUNS:-5}
export SOURCE_DATE_EPOCH=1700000000
now() { date +%s.%N; }

./unpress -q -t xml -o "$OUT" "$IN" || exit 1
XML=$(ls "$OUT"/*.xml | head -1)
t0=$(now)
i=0; while [ $i -lt "$RUNS" ]; do ./unpress render -q --force -t pdf -o "$OUT" "$XML" || exit 1; i=$((i + 1)); done
t1=$(now)
PDF=$OUT/$(basename "$XML" .xml).pdf
pages=$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')
ours=$(echo "($t1 - $t0) / $RUNS" | bc -l)

html=$OUT/$(basename "$XML" .xml).html
./unpress render -q -t html -o "$OUT" "$XML" 2>/dev/null
if [ ! -s "$html" ] || grep -q "not built yet" "$html" 2>/dev/null; then
	./unpress render -q -t md -o "$OUT" "$XML" 2>/dev/null &&
	pandoc -s -f gfm -t html --metadata title="$(basename "$XML" .xml)" \
		"$OUT/$(basename "$XML" .xml).md" -o "$html" 2>/dev/null
	src="pandoc HTML of unpress Markdown"
	if [ ! -s "$html" ]; then
		# neither edition exists yet on this branch: pandoc's HTML of the
		# input text itself (the same words, without unpress's structure)
		pandoc -s -f markdown -t html --metadata title="$(basename "$IN" .txt)" "$IN" -o "$html" 2>/dev/null
		src="pandoc HTML of the input text"
	fi
else
	src="unpress HTML"
fi
if ! command -v weasyprint >/dev/null || [ ! -s "$html" ]; then
	printf 'unpress: %.3f s/doc, %d pages, %.0f pages/s (WeasyPrint or HTML unavailable)\n' \
		"$ours" "$pages" "$(echo "$pages / $ours" | bc -l)"
	exit 0
fi
t2=$(now)
weasyprint -q "$html" "$OUT/weasy.pdf" 2>/dev/null
t3=$(now)
wpages=$(pdfinfo "$OUT/weasy.pdf" | awk '/^Pages:/ {print $2}')
theirs=$(echo "$t3 - $t2" | bc -l)
echo "input: $IN"
printf 'unpress PDF:          %.3f s  %3d pages  %6.0f pages/s  (mean of %d)\n' "$ours" "$pages" "$(echo "$pages / $ours" | bc -l)" "$RUNS"
printf 'WeasyPrint (%s): %.3f s  %3d pages  %6.1f pages/s\n' "$src" "$theirs" "$wpages" "$(echo "$wpages / $theirs" | bc -l)"
printf 'ratio: unpress is %.1fx faster\n' "$(echo "$theirs / $ours" | bc -l)"
