#!/bin/sh
# Unit tests of the functions the reader and the passes rely on: each
# tests/unit/test_MODULE.c is a program (make unit builds them, from the
# objects unpress is built from) that prints one ok / not ok line per case.
# UNIT_DIR: where the programs are (make test-sanitize gives its ASan
# build's); unset, they are made here in build/unit first.
. "$TOP/tests/lib.sh"
if [ -z "$UNIT_DIR" ]; then
	UNIT_DIR="$TOP/build/unit"
	if ! made=$(cd "$TOP" && make --no-print-directory unit 2>&1); then
		echo "not ok - unit: make unit"
		printf '%s\n' "$made" | tail -20 | sed 's/^/    /'
		exit 1
	fi
fi
out="$TESTS_OUT/unit"; rm -rf "$out"; mkdir -p "$out"
n=0
for src in "$TOP"/tests/unit/test_*.c; do
	name=$(basename "$src" .c)
	prog="$UNIT_DIR/$name"
	n=$((n + 1))
	if [ ! -x "$prog" ]; then
		echo "not ok - unit: $name was not built ($prog)"
		continue
	fi
	"$prog" >"$out/$name.out" 2>"$out/$name.err"
	rc=$?
	cat "$out/$name.out"
	# a program that ends prints its count; one that died (a sanitizer's
	# report, a crash) does not, whatever cases it passed before
	if ! grep -q '^# [a-z0-9_]*: [0-9]* cases' "$out/$name.out"; then
		echo "not ok - unit: $name died (exit $rc) after the cases above"
		tail -25 "$out/$name.err" | sed 's/^/    /'
	elif [ "$rc" -ne 0 ] && ! grep -q '^not ok - ' "$out/$name.out"; then
		echo "not ok - unit: $name exited $rc with every case passed"
		tail -25 "$out/$name.err" | sed 's/^/    /'
	fi
done
[ "$n" -gt 0 ] || echo "not ok - unit: no tests/unit/test_*.c"
