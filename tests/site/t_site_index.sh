#!/bin/sh
# The reduce step keeps its site index between builds (site/cache.c:
# OUT/.unpress/site-index/, shards and a head): a manifest whose file and XML
# are as they were is not read again, and an edit rewrites one shard.
# Whatever happens to the index, the site must be the one a clean build
# makes; a broken or foreign index only costs the reading.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/site-index"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 12 "$dir/in"
out="$dir/out"
index="$out/.unpress/site-index"
# 3 documents to a shard: 12 documents make 4 shards
export UNPRESS_SITE_INDEX_SHARD_DOCS=3
check "first build" "$UNPRESS" -q -t xml,html,site -o "$out" "$dir"/in/*.txt
check "the index is kept: a head" test -s "$index/head"
expect "and its shards" "00 01 02 03" "$(ls "$index" | grep -v head | tr '\n' ' ' | sed 's/ $//')"
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
# "NAME INODE MTIME" of the index's files
files() { (cd "$index" && find . -type f -printf '%p %i %T@\n' | sort); }
changed() { diff "$1" "$2" | sed -n 's/^> \.\/\([^ ]*\) .*/\1/p' | tr '\n' ' ' | sed 's/ $//'; }
if ! command -v strace >/dev/null; then
	skip "manifests read" "strace is not installed"
else
	m=$(ls "$out"/*.manifest.xml | sed -n 3p)
	sleep 0.02; touch "$m"
	expect "one manifest touched: only it is read" 1 "$(opened -t site)"
	files >"$dir/f1"
	# a word inside its first paragraph: no anchor comes or goes, so no
	# other document's references are resolved again
	sed -i '0,/^1\. /s//1. Indeed, /' "$dir/in/doc-00005.txt"
	sleep 0.02
	expect "one input edited: only its manifest is read" 1 "$(opened -t xml,html,site "$dir"/in/*.txt)"
	files >"$dir/f2"
	c=$(changed "$dir/f1" "$dir/f2")
	expect "and only its shard and the head are rewritten" 2 "$(echo "$c" | wc -w)"
	case " $c " in *" head "*) echo "ok - the head among them";; *) echo "not ok - the head among them: $c";; esac
	check "and the site is a clean build's" clean
	# the program's hash heads the index: another program's is not used
	printf 'XXXXXXXX' | dd of="$index/head" bs=1 seek=21 conv=notrunc 2>/dev/null
	sleep 0.02; touch "$m"
	expect "an index from another program: every manifest is read" 12 "$(opened -t site)"
	# a shard that is not the one the head names (a build stopped between
	# writing the shards and the head): its documents are read again
	cp "$index/01" "$index/00"
	sleep 0.02; touch "$m"
	n=$(opened -t site)
	check "a shard the head does not name: its documents are read ($n)" test "$n" -gt 1
fi
# a manifest changed behind the index's back (its identity is new)
m=$(grep -l 'file="doc-00002.txt"' "$out"/*.manifest.xml)
sed -i 's/title="Report/title="Rapport/' "$m"
"$UNPRESS" -q -t site -o "$out"
check "a changed manifest is read again" grep -q 'Rapport' "$out/index.html"
sed -i 's/title="Rapport/title="Report/' "$m"
"$UNPRESS" -q -t site -o "$out"
check "and the site is a clean build's" clean
# a cut shard, a cut head, a head of garbage: the build reads what it must
for f in 00 head; do
	size=$(stat -c %s "$index/$f")
	truncate -s $((size / 2)) "$index/$f"
	sleep 0.02; touch "$m"
	check "a truncated $f: the build succeeds" "$UNPRESS" -q -t site -o "$out"
	check "and the site is a clean build's" clean
done
head -c 21 "$index/head" >"$dir/magic"
cat "$dir/magic" /dev/urandom 2>/dev/null | head -c 4096 >"$index/head"
sleep 0.02; touch "$m"
check "a head of garbage: the build succeeds" "$UNPRESS" -q -t site -o "$out"
check "and the site is a clean build's" clean
# more documents to a shard: fewer shards, the others go (the index is
# written when a record changed: a manifest touched)
sleep 0.02; touch "$m"
UNPRESS_SITE_INDEX_SHARD_DOCS=6 "$UNPRESS" -q -t site -o "$out"
expect "a smaller index drops the shards it no longer has" "00 01" \
	"$(ls "$index" | grep -v head | tr '\n' ' ' | sed 's/ $//')"
check "and the site is a clean build's" clean
# an index of the old single-file form, or none at all
rm -rf "$index"; printf 'unpress site index 3\n' >"$index"; touch "$m"
check "an old one-file index: the build succeeds" "$UNPRESS" -q -t site -o "$out"
check "and writes the folder" test -s "$index/head"
rm -rf "$index"; touch "$m"
check "no index: the build succeeds" "$UNPRESS" -q -t site -o "$out"
check "and writes one again" test -s "$index/head"
check "and the site is a clean build's" clean
