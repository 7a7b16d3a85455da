#!/bin/sh
# Run each libFuzzer harness (built by `make fuzz` into build-fuzz/) for
# $1 seconds.  Seeds: input/, every tests/*/inputs folder, tests/fixtures,
# tests/robust/crashes, src/fuzz/seeds/ (hostile shapes) and the inputs of
# tests/normalise/*.cases; the XML
# harness gets every *.xml under tests/ and the XML of the seed inputs
# (converted here); the site index harness gets the shards of small sites
# (built here).  The corpus each run
# grows is kept in build-fuzz/corpus-NAME for the next run; a crash lands in
# build-fuzz/artifacts/ and makes this script fail.
# FUZZ_JOBS=N runs up to N harnesses at once (3: all of them);
# FUZZ_ONLY=NAME runs only fuzz_NAME.
secs=${1:-60}
cd "$(dirname "$0")/../.." || exit 1
B=build-fuzz
mkdir -p "$B/artifacts" "$B/corpus-convert" "$B/corpus-render" "$B/corpus-siteindex" "$B/seeds-xml"
# Render seeds: AKN files, including the XML of each seed input.
rm -rf "$B/seeds-tmp"
./unpress -q -o "$B/seeds-tmp" input/*.txt tests/*/inputs/* 2>/dev/null
cp "$B/seeds-tmp"/*.xml "$B/seeds-xml/" && rm -rf "$B/seeds-tmp"
find tests -name '*.xml' -not -path 'tests/out*' -exec cp {} "$B/seeds-xml/" \;
# Text seeds: also each "--- input" section of the case files (the
# normaliser's and the reading room's: line-wrapped, -layout, older layouts).
mkdir -p "$B/seeds-cases"
/usr/bin/python3 - "$B/seeds-cases" tests/normalise/*.cases tests/read/*.cases <<'EOS'
import sys, re, os
n = 0
for path in sys.argv[2:]:
    for m in re.finditer(r"^--- input\n(.*?)(?=^--- |^=== |\Z)", open(path).read(), re.S | re.M):
        n += 1
        open(os.path.join(sys.argv[1], "case-%04d.txt" % n), "w").write(m.group(1))
EOS
# Site index seeds: the shards of a site of 20 generated documents, the
# inputs and one that cites nothing (a record without outs), in one shard
# and (UNPRESS_SITE_INDEX_SHARD_DOCS) in several.
rm -rf "$B/seeds-siteindex" "$B/seeds-tmp"
mkdir -p "$B/seeds-siteindex"
/usr/bin/python3 tests/corpus/generate.py 20 "$B/seeds-tmp/in" >/dev/null
cp input/*.txt input/*.meta "$B/seeds-tmp/in/"
printf 'A note\n\nIt cites nothing.\n' >"$B/seeds-tmp/in/plain.txt"
for per in 128 4; do
	UNPRESS_SITE_INDEX_SHARD_DOCS=$per ./unpress -q -t xml,html,site -o "$B/seeds-tmp/out-$per" "$B/seeds-tmp/in"/*.txt
	for f in "$B/seeds-tmp/out-$per/.unpress/site-index"/[0-9]*; do
		[ -s "$f" ] && cp "$f" "$B/seeds-siteindex/shard-$per-${f##*/}"
	done
done
rm -rf "$B/seeds-tmp"
text_seeds="input $(ls -d tests/*/inputs 2>/dev/null) tests/fixtures tests/robust/crashes $B/seeds-cases src/fuzz/seeds/text"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/src/fuzz/ubsan.supp"
export LSAN_OPTIONS="suppressions=$PWD/tests/robust/lsan.supp"
run() {
	name=$1; shift
	echo "fuzz: $name for ${secs}s, corpus and seeds: $*"
	"$B/fuzz_$name" -max_total_time="$secs" -timeout=60 -rss_limit_mb=4096 \
		-artifact_prefix="$B/artifacts/$name-" -print_final_stats=1 \
		"$@" >"$B/$name.log" 2>&1
	rc=$?
	tail -n 15 "$B/$name.log" | grep -E 'stat::number_of_executed_units|stat::peak_rss|Done|ERROR|SUMMARY' |
		sed "s/^/fuzz: $name: /"
	[ $rc -eq 0 ] || echo "fuzz: $name FAILED (exit $rc): see $B/$name.log and $B/artifacts/"
	return $rc
}
# Each harness in the background, up to FUZZ_JOBS at a time: once that
# many run, wait for the oldest (they all run for as long).
jobs=${FUZZ_JOBS:-1}
running="" failed=0
start() {
	[ -n "$FUZZ_ONLY" ] && [ "$FUZZ_ONLY" != "$1" ] && return
	run "$@" &
	running="$running $!"
	# shellcheck disable=SC2086
	set -- $running
	if [ $# -ge "$jobs" ]; then
		wait "$1" || failed=1
		shift
		running="$*"
	fi
}
# shellcheck disable=SC2086
# Each with a dictionary of the shapes hostile input takes (src/fuzz/*.dict:
# noncharacters, reserved names, long symbols, compressed headers, …).
start convert -max_len=65536 -dict=src/fuzz/text.dict "$B/corpus-convert" $text_seeds
start render -max_len=262144 -dict=src/fuzz/xml.dict "$B/corpus-render" "$B/seeds-xml" src/fuzz/seeds/xml
start siteindex -max_len=131072 -dict=src/fuzz/siteindex.dict "$B/corpus-siteindex" "$B/seeds-siteindex"
for pid in $running; do
	wait "$pid" || failed=1
done
[ $failed -eq 0 ]
