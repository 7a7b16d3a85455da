#!/bin/sh
# The test runner: runs every tests/*/t_*.sh and tests/t_*.sh script.  Each
# script prints one line per check: "ok - NAME", "not ok - NAME" (followed
# by indented details) or "skip - NAME (why)".  The runner counts them and
# ends with "N passed, M failed, K skipped"; it fails if any check failed or
# if a script exited non-zero without reporting a failure.
# Environment: UNPRESS (the binary under test, default ./unpress), TESTS_OUT
# (scratch folder, default tests/out), SUITES (space-separated folder names
# under tests/ to run, default all), ONLY (a substring of the script path).
cd "$(dirname "$0")/.." || exit 1
export UNPRESS="${UNPRESS:-$PWD/unpress}"
export TOP="$PWD"
export TESTS_OUT="${TESTS_OUT:-$PWD/tests/out}"
rm -rf "$TESTS_OUT"
mkdir -p "$TESTS_OUT"
passed=0 failed=0 skipped=0
for script in tests/t_*.sh tests/*/t_*.sh; do
	[ -f "$script" ] || continue
	[ -n "$ONLY" ] && case "$script" in *"$ONLY"*) ;; *) continue ;; esac
	if [ -n "$SUITES" ]; then
		suite=${script#tests/}; suite=${suite%%/*}
		case " $SUITES " in *" $suite "*) ;; *) continue ;; esac
	fi
	log="$TESTS_OUT/$(echo "$script" | tr / _).log"
	sh "$script" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok - ' "$log")
	f=$(grep -c '^not ok - ' "$log")
	s=$(grep -c '^skip - ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $script exited $rc" >>"$log"
		f=1
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	printf '%-40s %3d passed, %d failed, %d skipped\n' "$script" "$p" "$f" "$s"
	[ "$f" -gt 0 ] && grep -A8 '^not ok - ' "$log" | sed 's/^/    /' | head -60
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
