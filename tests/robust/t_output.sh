#!/bin/sh
# Output that cannot be written: the right message and exit code, no
# temporary file left, and an existing good output never replaced by a
# broken one.  A batch with bad files still converts every other file.
. "$TOP/tests/lib.sh"; . "$TOP/tests/robust/lib.sh"
PY=/usr/bin/python3
dir="$TESTS_OUT/robust-output"; rm -rf "$dir"; mkdir -p "$dir"
cd "$dir" || exit 1
SEED="$TOP/input/resolution-11-3.txt"
BIG="$TOP/input/CTOC_COP_2022_9.txt"

# An output folder that cannot be created (a file is in the way): fails for
# root as well as for anyone else.
echo "not a folder" >blocker
"$UNPRESS" -o blocker/out "$SEED" 2>err; rc=$?
expect "output under a file: exit 73" 73 "$rc"
check "output under a file: says which folder and why" grep -q "cannot create folder blocker/out: Not a directory" err
if [ "$(id -u)" -ne 0 ]; then
	mkdir ro; chmod 555 ro
	"$UNPRESS" -o ro "$SEED" 2>err; expect "read-only folder: exit 73" 73 $?
	check "read-only folder: says why" grep -q "Permission denied" err
else
	skip "read-only folder (mode 555)" "running as root, which writes there anyway; see the read-only mount below"
fi

# Filesystems that refuse or fill: a private tmpfs in a mount namespace of
# its own (needs root and unshare; nothing is left mounted afterwards).
mkdir -p m
if [ "$(id -u)" -eq 0 ] && unshare -m mount -t tmpfs -o size=64k tmpfs m 2>/dev/null; then
	# Read-only: EROFS.
	unshare -m sh -c "mount -t tmpfs -o ro,size=1m tmpfs m && '$UNPRESS' -o m '$SEED'" 2>err
	expect "read-only filesystem: exit 73" 73 $?
	check "read-only filesystem: says why" grep -q "Read-only file system" err
	# A disk that fills: first a good conversion, then the disk is filled
	# and a bigger document with the same name is converted over it.
	cp "$SEED" doc.txt
	cat >fill.sh <<-EOS
	mount -t tmpfs -o size=512k tmpfs m || exit 99
	'$UNPRESS' -q -t xml,md,html -o m doc.txt || exit 98
	cp -p m/doc.xml m/doc.md m/doc.html "$dir/" || exit 97
	cat '$BIG' >doc.txt
	head -c 2000000 /dev/zero >m/filler 2>/dev/null	# fills what is left
	'$UNPRESS' -t xml,md,html -o m doc.txt 2>"$dir/full.err"; echo \$? >"$dir/full.rc"
	for f in doc.xml doc.md doc.html; do cmp -s m/\$f "$dir/\$f" || echo "\$f changed"; done >"$dir/changed"
	ls -A m >"$dir/full.ls"
	EOS
	unshare -m sh fill.sh; rc=$?
	expect "disk full: the set-up ran" 0 "$rc"
	expect "disk full: exit 73" 73 "$(cat full.rc)"
	check "disk full: says so" grep -q "No space left on device" full.err
	expect "disk full: the good outputs are untouched" "" "$(cat changed)"
	expect "disk full: no temporary file left" "" "$(grep tmp full.ls)"
else
	skip "read-only filesystem and a disk that fills" "needs root and a private tmpfs mount (unshare -m), not available here"
fi

# A bad input never replaces a good output of the same name.
mkdir -p keep
cp "$SEED" report.txt
"$UNPRESS" -q -t xml,md,html -o keep report.txt
cp keep/report.xml keep/report.md keep/report.html .
printf '%%PDF-1.4\n' >report.txt
"$UNPRESS" -q -t xml,md,html -o keep report.txt 2>/dev/null; expect "bad input over a good output: exit 65" 65 $?
check "bad input over a good output: outputs kept" sh -c \
	"cmp report.xml keep/report.xml && cmp report.md keep/report.md && cmp report.html keep/report.html"

# Killed in the middle (SIGKILL, no chance to clean up): whenever the kill
# lands, the output is the old file or the whole new one, never a part.
mkdir -p killed
printf 'Old report\n\nShort.\n' >killed/doc.txt
"$UNPRESS" -q -o killed killed/doc.txt
cp killed/doc.xml old-doc.xml
$PY -c "import sys; sys.stdout.write('New report\n\n' + 'word ' * 4000000 + '\n')" >killed/doc.txt
"$UNPRESS" -q -t xml,html,md -o killed killed/doc.txt & victim=$!
sleep 1; kill -KILL $victim 2>/dev/null; wait $victim 2>/dev/null
check "killed mid-conversion: the XML is the old one or a whole new one" sh -c \
	"cmp -s killed/doc.xml old-doc.xml || xmllint --noout --huge killed/doc.xml"
rm -f killed/*.tmp*	# what SIGKILL leaves: temporary files, never a target

# A batch with bad files in the middle: every good file is converted, in
# one process (-j 1) or many (-j 3), and the exit code reports the failure
# (the worst of them: 66, a missing input).
mkdir -p batch
"$UNPRESS" -q -o solo "$SEED"
for i in 1 2 3; do cp "$SEED" "batch/good$i.txt"; done
printf '%%PDF-1.5\n' >batch/bad.txt; : >batch/empty.txt
for j in 1 3; do
	"$UNPRESS" -q -j $j -o "out-j$j" batch/good1.txt batch/bad.txt batch/good2.txt \
		batch/missing.txt batch/empty.txt batch/good3.txt 2>"batch-j$j.err"
	expect "batch -j $j: exit 66 (the worst failure)" 66 $?
	check "batch -j $j: every good file converted" sh -c \
		"[ \$(ls out-j$j | grep -c '^good[123]\.xml\$') -eq 3 ]"
	check "batch -j $j: each bad file named in an error" sh -c \
		"grep -q 'bad.txt: error' batch-j$j.err && grep -q 'missing.txt: error' batch-j$j.err && grep -q 'empty.txt: error' batch-j$j.err"
	check "batch -j $j: a good output is as if converted alone" sh -c \
		"sed s/good3/resolution-11-3/g out-j$j/good3.xml | cmp - solo/resolution-11-3.xml"
done
check "no temporary file left anywhere" no_temp "$dir"/*
