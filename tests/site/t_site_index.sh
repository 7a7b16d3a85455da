#!/bin/sh
# The reduce step keeps its site index between builds (site/cache.c:
# OUT/.unpress/site-index): a manifest whose file and XML are as they were is
# not read again.  Whatever happens to the index file, the site must be the
# one a clean build makes; a broken index only costs the reading.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/site-index"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 12 "$dir/in"
out="$dir/out"
index="$out/.unpress/site-index"
check "first build" "$UNPRESS" -q -t xml,html,site -o "$out" "$dir"/in/*.txt
check "the index is kept" test -s "$index"
# manifests the reduce step opens (strace: every openat of the process)
opened() {
	# (LeakSanitizer cannot run under ptrace: off for this run)
	ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=openat -o "$dir/trace" \
		"$UNPRESS" -q "$@" -o "$out" 2>"$dir/err" || return 1
	grep -c '\.manifest\.xml"' "$dir/trace"
}
clean() {
	rm -rf "$dir/clean"
	"$UNPRESS" -q -t xml,html,site -o "$dir/clean" "$dir"/in/*.txt 2>/dev/null
	diff -r -x .unpress "$out" "$dir/clean"
}
if ! command -v strace >/dev/null; then
	skip "manifests read" "strace is not installed"
else
	m=$(ls "$out"/*.manifest.xml | sed -n 3p)
	sleep 0.02; touch "$m"
	expect "one manifest touched: only it is read" 1 "$(opened -t site)"
	printf '\nAn added closing sentence.\n' >>"$dir/in/doc-00005.txt"
	sleep 0.02
	expect "one input edited: only its manifest is read" 1 "$(opened -t xml,html,site "$dir"/in/*.txt)"
	check "and the site is a clean build's" clean
	# the program's hash heads the index: another program's is not used
	printf 'XXXXXXXX' | dd of="$index" bs=1 seek=21 conv=notrunc 2>/dev/null
	sleep 0.02; touch "$m"
	expect "an index from another program: every manifest is read" 12 "$(opened -t site)"
fi
# a manifest changed behind the index's back (its identity is new)
m=$(grep -l 'file="doc-00002.txt"' "$out"/*.manifest.xml)
sed -i 's/title="Report/title="Rapport/' "$m"
"$UNPRESS" -q -t site -o "$out"
check "a changed manifest is read again" grep -q 'Rapport' "$out/index.html"
# a cut index: the records it still holds whole are used, the rest read
size=$(stat -c %s "$index")
truncate -s $((size / 2)) "$index"
sleep 0.02; touch "$m"
check "a truncated index: the build succeeds" "$UNPRESS" -q -t site -o "$out"
sed -i 's/title="Rapport/title="Report/' "$m"
"$UNPRESS" -q -t site -o "$out"
check "and the site is a clean build's" clean
# garbage where records should be (the header kept): nothing is trusted
# that does not parse whole
head -c 37 "$index" >"$dir/head"
cat "$dir/head" /dev/urandom 2>/dev/null | head -c 200000 >"$index"
sleep 0.02; touch "$m"
check "a garbage index: the build succeeds" "$UNPRESS" -q -t site -o "$out"
check "and the site is a clean build's" clean
rm -f "$index"; touch "$m"
check "no index: the build succeeds" "$UNPRESS" -q -t site -o "$out"
check "and writes one again" test -s "$index"
check "and the site is a clean build's" clean
