#!/bin/sh
# The state's stat fast path (batch/state.h): an input whose size, mtime,
# inode and ctime are as recorded, and older than the state file, is not
# read again; anything else is hashed, and a bad state file means the work
# is done again.  Each case ends in the result a clean build gives.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/batch-fastpath"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 8 "$dir/in"
out="$dir/out"
build() { "$UNPRESS" -j 2 -t xml,html,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"; }
summary() { sed 's/, [0-9.]* s$//' "$dir/err"; }
clean() {
	rm -rf "$dir/clean"
	"$UNPRESS" -q -j 2 -t xml,html,site -o "$dir/clean" "$dir"/in/*.txt
	diff -r -x .unpress "$out" "$dir/clean" >/dev/null
}
# the state file of an input, found by the slug it records
state_of() { grep -l "^slug $1\$" "$out"/.unpress/doc-*; }
# the identity line state.c writes: size mtime inode ctime
identity() { stat -c '%s %.9Y %i %.9Z' "$1"; }
check "first build" build
one="$dir/in/doc-00003.txt"
slug=$(basename "$(grep -l 'file="doc-00003.txt"' "$out"/*.manifest.xml)" .manifest.xml)
st=$(state_of $slug)
check "the state records the input's identity" grep -q "^input $(identity "$one")\$" "$st"

# a touch: hashed, same bytes, nothing converted; the new identity recorded
sleep 0.02; touch "$one"; sleep 0.02
build
expect "touched, same bytes: nothing converted" "unpress: 8 documents up to date" "$(summary)"
check "the touched input's new identity is recorded" grep -q "^input $(identity "$one")\$" "$st"

# the same size and mtime, other bytes (as an edit within one second on a
# file system with coarse times): the ctime tells
cp -p "$one" "$dir/saved"
sed 's/Conference/Konference/' "$dir/saved" >"$one"
touch -r "$dir/saved" "$one"
expect "same size" "$(stat -c %s "$dir/saved")" "$(stat -c %s "$one")"
sleep 0.02
build
expect "same size and mtime, other bytes: converted" \
	"unpress: 8 documents (1 converted, 7 up to date), 0 warnings, 0 errors" "$(summary)"
check "and the result is a clean build's" clean

# a forged state: the input edited (same size), its new identity written
# into the state with the old key.  Older than the state file, it is
# trusted (the fast path, which does not read the input) ...
st=$(state_of $slug)
cp "$one" "$dir/saved"
sed 's/Konference/Conference/' "$dir/saved" >"$one"
sleep 0.02
sed "s/^input .*/input $(identity "$one")/" "$st" >"$dir/forged"
cp "$dir/forged" "$st"
build
expect "a recorded identity older than the state is trusted" "unpress: 8 documents up to date" "$(summary)"
# ... but not when it is as new as the state file (git's racy rule: an edit
# in the tick the state was written in keeps the recorded mtime)
cp "$dir/forged" "$st"
touch -d "@$(stat -c %Y "$one")" "$st"
touch -d "@$(stat -c %Y "$one")" -m "$st"
build
expect "an identity not older than the state is hashed" \
	"unpress: 8 documents (1 converted, 7 up to date), 0 warnings, 0 errors" "$(summary)"
check "and the result is a clean build's" clean

# a sidecar appearing is a change (its identity was "none")
printf 'symbol: CTOC/COP/2003/99\n' >"$dir/in/doc-00003.meta"
sleep 0.02
build
check "a new sidecar converts its document" grep -q "1 converted" "$dir/err"
check "and the result is a clean build's" clean
rm "$dir/in/doc-00003.meta"
sleep 0.02
build
check "a removed sidecar converts its document" grep -q "1 converted" "$dir/err"

# corrupted, truncated, emptied or missing state files: the work is done again
st=$(state_of $slug)
printf 'unpress-state 2\nkey zz\n' >"$st"
build
check "a corrupted state converts again" grep -q "1 converted" "$dir/err"
st=$(state_of $slug)
head -c 40 "$st" >"$dir/t" && cp "$dir/t" "$st"
build
check "a truncated state converts again" grep -q "1 converted" "$dir/err"
rm -rf "$out/.unpress"
build
expect "no state at all: everything converted" \
	"unpress: 8 documents (8 converted, 0 up to date), 0 warnings, 0 errors" "$(summary)"
check "and the result is a clean build's" clean

# an input added: converted alone, and the site lists it
$PY "$TOP/tests/corpus/generate.py" 9 "$dir/more"
cp "$dir/more/doc-00009.txt" "$dir/in/"
build
expect "an added input is converted alone" \
	"unpress: 9 documents (1 converted, 8 up to date), 0 warnings, 0 errors" "$(summary)"
check "and the result is a clean build's" clean

# the state is keyed by the input's real path (the folder's is cached):
# the same files reached through a link to the file, a link to the folder,
# or a path with "..", are the same inputs, up to date
ln -s doc-00001.txt "$dir/in/link.txt"
ln -s in "$dir/inlink"
"$UNPRESS" -t xml,html,site -o "$out" "$dir/in/link.txt" "$dir/inlink/doc-00002.txt" \
	"$dir/in/../in/doc-00004.txt" 2>"$dir/err"
expect "other paths to the same inputs: up to date" "unpress: 3 documents up to date" "$(summary)"
