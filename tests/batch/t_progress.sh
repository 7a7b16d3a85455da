#!/bin/sh
# Progress on a terminal (a redrawn line), silence elsewhere, a summary line.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/batch-progress"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 20 "$dir/in"
"$UNPRESS" -j 2 -o "$dir/a" "$dir"/in/*.txt 2>"$dir/pipe.err"
check "not a terminal: no progress line" sh -c "! grep -q \"$(printf '\r')\" '$dir/pipe.err'"
check "not a terminal: a summary line" \
	grep -Eq '^unpress: 20 documents \(20 converted, 0 up to date\), 0 warnings, 0 errors, [0-9.]+ s$' "$dir/pipe.err"
"$UNPRESS" -q -j 2 -o "$dir/b" "$dir"/in/*.txt 2>"$dir/quiet.err"
expect "-q: nothing at all" "" "$(cat "$dir/quiet.err")"
if command -v script >/dev/null; then
	# script(1) runs the command on a pseudo-terminal and records what it saw
	script -qfec "'$UNPRESS' -j 2 -o '$dir/c' $dir/in/*.txt" "$dir/tty.log" >/dev/null 2>&1
	check "terminal: a redrawn progress line" grep -Eq "$(printf '\r')"'.*\[ *[0-9]+/20\]' "$dir/tty.log"
	check "terminal: the line shows the rate and time left" grep -q 'doc/s, [0-9]*:[0-9][0-9] left' "$dir/tty.log"
	check "terminal: the line reaches 20/20" grep -q '\[ *20/20\]' "$dir/tty.log"
	check "terminal: the summary after it" grep -q 'unpress: 20 documents (20 converted' "$dir/tty.log"
	script -qfec "'$UNPRESS' -q -j 2 -o '$dir/d' $dir/in/*.txt" "$dir/ttyq.log" >/dev/null 2>&1
	check "terminal with -q: no progress line" sh -c "! grep -q '\[ *[0-9]*/20\]' '$dir/ttyq.log'"
else
	skip "terminal progress" "script(1) from util-linux is missing"
fi
