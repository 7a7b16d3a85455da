#!/bin/sh
# The process pool (util/pool.c): -j 200 starts 200 workers and says so
# (the batch and the site), -j 0 chooses one job per CPU and says so under -v, a number out of range
# is refused, and a worker killed in the middle of a document fails that
# document alone.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/batch-pool"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 210 "$dir/in"
export SOURCE_DATE_EPOCH=1700000000

check "convert 210 documents with -j 1" "$UNPRESS" -q -j 1 -t xml,md -o "$dir/j1" "$dir"/in/*.txt
check "convert 210 documents with -j 200" \
	sh -c '"$1" -v -j 200 -t xml,md -o "$2/j200" "$2"/in/*.txt 2>"$2/err200"' sh "$UNPRESS" "$dir"
check "-j 1 and -j 200 give the same files" diff -r -x .unpress "$dir/j1" "$dir/j200"
expect "-j 200 says how many workers convert" \
	"unpress: 210 documents to convert in 200 worker processes (-j 200)" \
	"$(grep 'to convert' "$dir/err200")"
expect "-j 200 wrote every edition" "210 210" \
	"$(ls "$dir/j200"/*[0-9].xml | wc -l) $(ls "$dir/j200"/*.md | wc -l)"
# what the program says is checked against what it did: the forks its
# parent made, seen from outside
if command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
	strace -qq -e trace=clone,clone3,fork,vfork -e signal=none -o "$dir/forks" \
		"$UNPRESS" -q --force -j 200 -t xml -o "$dir/j200" "$dir"/in/*.txt
	# (processes of their own: not a thread, nor LeakSanitizer's tracer,
	# which shares the memory)
	expect "-j 200 forks 200 workers" 200 "$(grep '= [0-9]' "$dir/forks" | grep -vc 'CLONE_VM')"
else
	skip "-j 200 forks 200 workers" "no strace"
fi
expect "more jobs than documents: no more workers than documents" \
	"unpress: 3 documents to convert in 3 worker processes (-j 200: never more workers than documents)" \
	"$("$UNPRESS" -v -j 200 -t xml -o "$dir/few" "$dir"/in/doc-0000[1-3].txt 2>&1 | grep 'to convert')"

# the site on the same pool: -j 200 renders the same site as -j 1, in as
# many processes as it says (a fresh one per share of the pages)
$PY "$TOP/tests/corpus/generate.py" 20 "$dir/in20"
check "a site of 20 documents with -j 1" \
	"$UNPRESS" -q -j 1 -t xml,html,site -o "$dir/site1" "$dir"/in20/*.txt
check "a site of 20 documents with -j 200" \
	sh -c '"$1" -v -j 200 -t xml,html,site -o "$2/site200" "$2"/in20/*.txt 2>"$2/site-err"' sh "$UNPRESS" "$dir"
check "-j 1 and -j 200 give the same site" diff -r -x .unpress "$dir/site1" "$dir/site200"
said=$(sed -n 's/.*note: \([0-9]*\) shares* of the rendering in \([0-9]*\) process.*/\1 \2/p' "$dir/site-err")
expect "the site says how many processes render it (shares = processes)" yes \
	"$(echo "$said" | awk 'NF == 2 && $1 == $2 { n++ } END { print (n == NR && NR >= 1) ? "yes" : "no: " NR " lines" }')"
if command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
	strace -qq -e trace=clone,clone3,fork,vfork -e signal=none -o "$dir/site-forks" \
		"$UNPRESS" -v --force -j 200 -t xml,html,site -o "$dir/site200" "$dir"/in20/*.txt 2>"$dir/site-err2"
	shares=$(sed -n 's/.*note: \([0-9]*\) shares* of the rendering in \([0-9]*\) process.*/\2/p' "$dir/site-err2" |
		awk '{ n += $1 } END { print n + 0 }')
	expect "the batch's 20 workers and the site's processes are the forks made" $((20 + shares)) \
		"$(grep '= [0-9]' "$dir/site-forks" | grep -vc 'CLONE_VM')"
else
	skip "the batch's 20 workers and the site's processes are the forks made" "no strace"
fi

cpus=$(getconf _NPROCESSORS_ONLN)
s=s; [ "$cpus" = 1 ] && s=
expect "-j 0 -v: one job per CPU, said" "unpress: $cpus job$s, one per CPU (-j N to choose)" \
	"$("$UNPRESS" -v -j 0 -t xml -o "$dir/j0" "$dir"/in/doc-00001.txt 2>&1 | grep 'per CPU')"
expect "-j 0 without -v: nothing said of jobs" "" \
	"$("$UNPRESS" -j 0 -t xml -o "$dir/j0q" "$dir"/in/doc-00001.txt 2>&1 | grep -i 'job')"
for bad in 1025 -1 two ''; do
	out=$("$UNPRESS" -j "$bad" -o "$dir/bad" "$dir"/in/doc-00001.txt 2>&1); rc=$?
	expect "-j '$bad' is refused with 64" "64: unpress: -j wants a number of jobs from 1 to 1024 (0: one per CPU), not '$bad'" \
		"$rc: $out"
done

# A worker killed while it holds a document: that document fails (70, and
# it is named), the others are converted.  The document read from standard
# input blocks its worker until this script writes; the other worker
# converts the rest and exits; the one left is killed.
mkdir -p "$dir/kill"
mkfifo "$dir/kill/fifo"
"$UNPRESS" -j 2 -t xml -o "$dir/kill/out" - "$dir"/in/doc-0000[2-5].txt \
	<"$dir/kill/fifo" 2>"$dir/kill/err" &
up=$!
exec 3>"$dir/kill/fifo"
# the children of $up, once only one is left
workers() { for s in /proc/[0-9]*/stat; do awk -v up="$up" '$4 == up { print $1 }' "$s" 2>/dev/null; done; }
tries=0
while [ "$(workers | wc -l)" != 1 ] && [ $tries -lt 600 ]; do sleep 0.1; tries=$((tries + 1)); done
kill -KILL $(workers)
exec 3>&-
wait $up
rc=$?
expect "a killed worker: exit status 70" 70 "$rc"
expect "a killed worker: its document is named" \
	"-: error: the conversion process died (signal 9)" "$(grep 'process died' "$dir/kill/err")"
expect "a killed worker: the other documents converted" 4 "$(ls "$dir/kill/out"/*[0-9].xml | wc -l)"

# poll() failing in the parent (ENOMEM, a descriptor limit): the workers'
# documents are still heard one worker at a time, none lost or counted
# twice (a shim makes the third call fail)
if command -v cc >/dev/null && printf '%s\n' '#define _GNU_SOURCE' '#include <dlfcn.h>' '#include <errno.h>' \
	'#include <poll.h>' 'static int calls;' \
	'int poll(struct pollfd *f, nfds_t n, int t)' '{' \
	'	static int (*real)(struct pollfd *, nfds_t, int);' \
	'	if (!real) real = (int (*)(struct pollfd *, nfds_t, int))dlsym(RTLD_NEXT, "poll");' \
	'	if (++calls == 3) { errno = ENOMEM; return -1; }' \
	'	return real(f, n, t);' '}' >"$dir/pollfail.c" &&
	cc -shared -fPIC -o "$dir/pollfail.so" "$dir/pollfail.c" -ldl 2>/dev/null; then
	ls "$dir"/in/*.txt | head -20 >"$dir/twenty"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" LD_PRELOAD="$dir/pollfail.so" \
		"$UNPRESS" -j 2 -t xml -o "$dir/pollfail" $(cat "$dir/twenty") 2>"$dir/pollfail.err"
	expect "poll failing: exit 0, every document converted" "0 20" "$? $(ls "$dir/pollfail"/*.xml | wc -l)"
	check "poll failing: it says so" grep -q 'unpress: poll: Cannot allocate memory' "$dir/pollfail.err"
	check "poll failing: the summary counts 20 documents converted" \
		grep -q 'unpress: 20 documents (20 converted, 0 up to date)' "$dir/pollfail.err"
else
	skip "poll failing" "no C compiler"
fi
