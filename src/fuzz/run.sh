#!/bin/sh
# Run each libFuzzer harness (built by `make fuzz` into build-fuzz/) for
# $1 seconds.  Seeds: input/, every tests/*/inputs folder, tests/fixtures,
# tests/robust/crashes and the inputs of tests/normalise/*.cases; the XML
# harness gets every *.xml under tests/ and the XML of the seed inputs
# (converted here).  The corpus each run
# grows is kept in build-fuzz/corpus-NAME for the next run; a crash lands in
# build-fuzz/artifacts/ and makes this script fail.
# FUZZ_JOBS=2 runs the two harnesses at once.
secs=${1:-60}
cd "$(dirname "$0")/../.." || exit 1
B=build-fuzz
mkdir -p "$B/artifacts" "$B/corpus-convert" "$B/corpus-render" "$B/seeds-xml"
# Render seeds: AKN files, including the XML of each seed input.
rm -rf "$B/seeds-tmp"
./unpress -q -o "$B/seeds-tmp" input/*.txt tests/*/inputs/* 2>/dev/null
cp "$B/seeds-tmp"/*.xml "$B/seeds-xml/" && rm -rf "$B/seeds-tmp"
find tests -name '*.xml' -not -path 'tests/out*' -exec cp {} "$B/seeds-xml/" \;
# Text seeds: also each "--- input" section of the normaliser's case files.
mkdir -p "$B/seeds-cases"
/usr/bin/python3 - "$B/seeds-cases" tests/normalise/*.cases <<'EOS'
import sys, re, os
n = 0
for path in sys.argv[2:]:
    for m in re.finditer(r"^--- input\n(.*?)(?=^--- |^=== |\Z)", open(path).read(), re.S | re.M):
        n += 1
        open(os.path.join(sys.argv[1], "case-%04d.txt" % n), "w").write(m.group(1))
EOS
text_seeds="input $(ls -d tests/*/inputs 2>/dev/null) tests/fixtures tests/robust/crashes $B/seeds-cases"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/src/fuzz/ubsan.supp"
export LSAN_OPTIONS="suppressions=$PWD/tests/robust/lsan.supp"
run() {
	name=$1; shift
	echo "fuzz: $name for ${secs}s, corpus and seeds: $*"
	"$B/fuzz_$name" -max_total_time="$secs" -timeout=60 -rss_limit_mb=4096 \
		-artifact_prefix="$B/artifacts/$name-" -print_final_stats=1 \
		"$@" >"$B/$name.log" 2>&1
	rc=$?
	tail -n 15 "$B/$name.log" | grep -E 'stat::number_of_executed_units|stat::peak_rss|Done|ERROR|SUMMARY'
	[ $rc -eq 0 ] || echo "fuzz: $name FAILED (exit $rc): see $B/$name.log and $B/artifacts/"
	return $rc
}
# shellcheck disable=SC2086
if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
	run convert -max_len=65536 "$B/corpus-convert" $text_seeds & p1=$!
	run render -max_len=262144 "$B/corpus-render" "$B/seeds-xml" & p2=$!
	wait $p1; r1=$?; wait $p2; r2=$?
else
	run convert -max_len=65536 "$B/corpus-convert" $text_seeds; r1=$?
	run render -max_len=262144 "$B/corpus-render" "$B/seeds-xml"; r2=$?
fi
[ $r1 -eq 0 ] && [ $r2 -eq 0 ]
