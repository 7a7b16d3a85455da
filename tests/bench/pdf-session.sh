#!/bin/sh
# Benchmark (not a test): the PDFs of the General Assembly's 78th session
# (the UN's own AKN4UN files, ../shared/corpus/ga78-akn4un.tar.xz, six
# languages), unpress against WeasyPrint printing unpress's HTML edition
# of the same files, side by side in one run.
#
#   sh tests/bench/pdf-session.sh [EVERY]
#
# EVERY (default 10): take every EVERY-th file of the session in name
# order (1 = all 1,962; WeasyPrint needs about 2 s of CPU a file).  Both
# run in one process each, one file after another (unpress render -j 1;
# WeasyPrint's Python API in one interpreter, so neither pays a start per
# file).  Prints CPU seconds (user + system), wall seconds, pages, and
# the ratio of CPU times: the machine is shared, and wall time measures
# the neighbours as much as the programs.
cd "$(dirname "$0")/../.." || exit 1
EVERY=${1:-10}
CORPUS=${CORPUS:-../shared/corpus/ga78-akn4un.tar.xz}
OUT=${TMPDIR:-/tmp}/unpress-bench-pdf-session
rm -rf "$OUT"; mkdir -p "$OUT/in" "$OUT/html" "$OUT/ours" "$OUT/weasy"
[ -r "$CORPUS" ] || { echo "no corpus at $CORPUS" >&2; exit 1; }
command -v weasyprint >/dev/null || { echo "WeasyPrint missing: apt-get install weasyprint" >&2; exit 1; }
tar -xJf "$CORPUS" -C "$OUT"
find "$OUT/78session" -name '*.xml' | sort | awk -v e="$EVERY" 'NR % e == 1' >"$OUT/list"
while read -r f; do cp "$f" "$OUT/in/"; done <"$OUT/list"
n=$(ls "$OUT/in" | wc -l)
export SOURCE_DATE_EPOCH=1700000000
./unpress render -q -t html -o "$OUT/html" "$OUT"/in/*.xml || exit 1

cpu() {	# user + system CPU seconds of the command, and its wall seconds
	/usr/bin/time -f '%U %S %e' -o "$OUT/time" "$@" >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
	awk '{printf "%.2f %.2f", $1 + $2, $3}' "$OUT/time"
}
pages() { for p in "$1"/*.pdf; do pdfinfo "$p" | awk '/^Pages:/ {print $2}'; done | awk '{s += $1} END {print s}'; }

set -- $(cpu ./unpress render -q --force -j 1 -t pdf -o "$OUT/ours" "$OUT"/in/*.xml)
ours_cpu=$1 ours_wall=$2
cat >"$OUT/weasy.py" <<'PY'
import os, sys
import weasyprint
out = sys.argv[1]
for f in sys.argv[2:]:
    weasyprint.HTML(f).write_pdf(os.path.join(out, os.path.basename(f)[:-5] + ".pdf"))
PY
set -- $(cpu /usr/bin/python3 "$OUT/weasy.py" "$OUT/weasy" "$OUT"/html/*.html)
weasy_cpu=$1 weasy_wall=$2
op=$(pages "$OUT/ours") wp=$(pages "$OUT/weasy")
echo "files: $n of the 78th session (every $EVERY-th), six languages"
printf 'unpress    %8.2f s CPU %8.2f s wall  %5d pages  %7.1f pages/s CPU\n' "$ours_cpu" "$ours_wall" "$op" "$(echo "$op / $ours_cpu" | bc -l)"
printf 'WeasyPrint %8.2f s CPU %8.2f s wall  %5d pages  %7.1f pages/s CPU\n' "$weasy_cpu" "$weasy_wall" "$wp" "$(echo "$wp / $weasy_cpu" | bc -l)"
printf 'ratio (CPU): unpress is %.1fx faster; per page %.1fx\n' "$(echo "$weasy_cpu / $ours_cpu" | bc -l)" \
	"$(echo "($op / $ours_cpu) / ($wp / $weasy_cpu)" | bc -l)"
for l in A C E F R S; do
	ls "$OUT"/in/*"$l".xml >/dev/null 2>&1 || continue
	set -- $(cpu ./unpress render -q --force -j 1 -t pdf -o "$OUT/ours" "$OUT"/in/*"$l".xml)
	printf '  unpress %s: %3d files %6.2f s CPU\n' "$l" "$(ls "$OUT"/in/*"$l".xml | wc -l)" "$1"
done
