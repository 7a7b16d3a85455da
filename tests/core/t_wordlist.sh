#!/bin/sh
# The word lists: compiled into the program by the build (the words pass
# joins "so ciety" with no list read at run time), and UNPRESS_DICTIONARY
# adding a list of one's own, indexed at run time with the system's.
. "$TOP/tests/lib.sh"
out="$TESTS_OUT/core-wordlist"; rm -rf "$out"; mkdir -p "$out"
printf '1. The civil so ciety groups met the zorb lax delegation.\n' >"$out/split.txt"
"$UNPRESS" -q -t xml -o "$out/a" "$out/split.txt"
check "the compiled-in lists join a split English word" grep -q "civil society groups" "$out/a/split.xml"
check "a word in no list stays split" grep -q "zorb lax" "$out/a/split.xml"
# the lists are the build's: a run must not open them again
if command -v strace >/dev/null; then
	strace -f -e trace=openat -o "$out/trace" "$UNPRESS" -q --force -t xml -o "$out/b" "$out/split.txt"
	expect "the lists are not read at run time" "" "$(grep -o '/usr/share/dict/[a-z-]*' "$out/trace" | sort -u)"
else
	skip "the lists are not read at run time" "no strace"
fi
printf 'zorblax\n' >"$out/own-words"
UNPRESS_DICTIONARY="$out/own-words" "$UNPRESS" -q --force -t xml -o "$out/c" "$out/split.txt"
check "UNPRESS_DICTIONARY adds its words" grep -q "the zorblax delegation" "$out/c/split.xml"
check "and the system's lists still count" grep -q "civil society groups" "$out/c/split.xml"
