#!/bin/sh
# valgrind (memcheck) over every seed: converting each to every edition and
# the site, and rendering the test fixtures, report 0 errors and 0 bytes
# definitely lost.  fontconfig's caches are suppressed (valgrind.supp says
# why).  One process each (-j 1), so that valgrind sees all the work.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/robust-valgrind"; rm -rf "$dir"; mkdir -p "$dir"
if ! command -v valgrind >/dev/null; then
	skip "valgrind on the seeds" "valgrind is not installed (Debian package valgrind)"
	exit 0
fi
if grep -qa '__asan_init\|__ubsan_handle' "$UNPRESS"; then
	skip "valgrind on the seeds" "$UNPRESS is a sanitizer build"; exit 0
fi
VG="valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=99
    --suppressions=$TOP/tests/robust/valgrind.supp"
vg() {	# vg NAME ARGS...
	name=$1; shift
	# shellcheck disable=SC2086
	$VG --log-file="$dir/$name.vg" "$UNPRESS" "$@" >"$dir/$name.out" 2>&1
	rc=$?
	if [ $rc -ne 99 ] && [ ! -s "$dir/$name.vg" ]; then echo "ok - valgrind $name: 0 errors, 0 bytes definitely lost (exit $rc)"
	else echo "not ok - valgrind $name"; head -n 30 "$dir/$name.vg" | sed 's/^/    /'; fi
}
vg "convert the seeds (xml,html,md,pdf,site)" -q -j 1 -t xml,html,md,pdf,site -o "$dir/seeds" \
	"$TOP"/input/*.txt "$TOP"/tests/core/inputs/*.txt
vg "render the fixtures (html,md,pdf)" render -q -j 1 -t html,md,pdf -o "$dir/fixtures" \
	"$TOP"/tests/fixtures/*.xml "$TOP"/tests/markdown/golden/*.xml
vg "refuse broken input" -q -j 1 -o "$dir/bad" /nonexistent "$TOP/tests" "$TOP/tests/robust/crashes/OPEN"
