#!/bin/sh
# The command line: help, version, exit codes, atomic output.
. "$TOP/tests/lib.sh"
out="$TESTS_OUT/core-cli"; rm -rf "$out"; mkdir -p "$out"
"$UNPRESS" --help >/dev/null; expect "--help exits 0" 0 $?
expect "--version prints a version" "unpress" "$("$UNPRESS" --version | cut -d' ' -f1)"
"$UNPRESS" --bogus 2>/dev/null; expect "unknown option: 64" 64 $?
"$UNPRESS" 2>/dev/null; expect "no input: 64" 64 $?
"$UNPRESS" -o "$out" /nonexistent.txt 2>/dev/null; expect "missing input: 66" 66 $?
"$UNPRESS" -o "$out" "$TOP/tests" 2>/dev/null; expect "directory input: 66" 66 $?
: >"$out/empty.txt"; "$UNPRESS" -o "$out" "$out/empty.txt" 2>/dev/null; expect "empty input: 65" 65 $?
printf '%%PDF-1.7\n%%\342\343\n' >"$out/x.txt"
msg=$("$UNPRESS" -o "$out" "$out/x.txt" 2>&1); expect "a PDF given by mistake: 65" 65 $?
case "$msg" in *"PDF"*"extract"*) echo "ok - the PDF message says to extract text first";; *) echo "not ok - PDF message: $msg";; esac
"$UNPRESS" -q --werror -o "$out" "$TOP/input/CTOC_COP_2022_9.txt"; expect "--werror with warnings: 1" 1 $?
msg=$("$UNPRESS" -o "$out" "$TOP/input/CTOC_COP_2022_9.txt" 2>&1 >/dev/null)
case "$msg" in *"CTOC_COP_2022_9.txt:830: warning: paragraph number 51 was lost"*) echo "ok - diagnostics in FILE:LINE: warning: form";; *) echo "not ok - diagnostics form: $msg";; esac
mkdir -p "$out/ro"; chmod 555 "$out/ro"
if [ "$(id -u)" -ne 0 ]; then
	"$UNPRESS" -o "$out/ro" "$TOP/input/resolution-11-3.txt" 2>/dev/null; expect "unwritable output: 73" 73 $?
else
	"$UNPRESS" -o /proc/unpress-out "$TOP/input/resolution-11-3.txt" 2>/dev/null; expect "uncreatable output: 73" 73 $?
fi
"$UNPRESS" -q -o "$out" "$TOP/input/resolution-11-3.txt"
expect "no temporary file left behind" "" "$(ls "$out" | grep tmp)"
"$UNPRESS" -q -j 1 -o "$out/j1" "$TOP"/input/*.txt; "$UNPRESS" -q -j 4 -o "$out/j4" "$TOP"/input/*.txt
check "output identical whatever -j" diff -r "$out/j1" "$out/j4"
# two inputs that publish under one slug: an error, and the first one wins
# whatever the order jobs finish in
mkdir -p "$out/a" "$out/b"
cp "$TOP/input/resolution-11-3.txt" "$out/a/same.txt"
cp "$TOP/input/background-paper-2015.txt" "$out/b/same.txt"
msg=$("$UNPRESS" -j 2 -o "$out/clash" "$out/a/same.txt" "$out/b/same.txt" 2>&1); rc=$?
expect "two inputs with one slug: exit 65" 65 "$rc"
case "$msg" in *"b/same.txt: error: publishes as same, which"*"a/same.txt already does"*) echo "ok - the clash names both inputs";; *) echo "not ok - clash message: $msg";; esac
expect "the first input keeps the slug" "1" "$(grep -c 'Resolution 11/3' "$out/clash/same.xml")"
"$UNPRESS" -q -j 2 -o "$out/clash" "$out/a/same.txt" "$out/b/same.txt" 2>/dev/null
expect "the clash is reported again on the next run (never up to date)" 65 $?
# a sidecar given among the inputs (unpress input/*) is not a document
"$UNPRESS" -q -o "$out/meta" "$TOP"/input/*
expect "input/* converts the five documents, not the sidecar" "5" "$(ls "$out/meta"/*.xml | wc -l)"
