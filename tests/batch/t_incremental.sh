#!/bin/sh
# Incremental rebuilds: a second run does nothing and says so; an edited input
# is converted again alone, and the site pages rebuilt are its own and those
# whose links or backlinks change; --force redoes everything.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/batch-incremental"; rm -rf "$dir"; mkdir -p "$dir"
# the search index in 8 shards for these 20 documents (the testing knob: at
# most 4 documents to a shard), so that an edit shows which shards it
# rewrites
export UNPRESS_SEARCH_SHARD_DOCS=4
$PY "$TOP/tests/corpus/generate.py" 20 "$dir/in"
out="$dir/out"
build() { "$UNPRESS" -j 2 -t xml,html,md,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"; }
# "NAME MTIME" of every output (nanoseconds: a rewrite within a second shows)
stamps() { (cd "$out" && find . -path ./.unpress -prune -o -type f -printf '%p %T@\n' | sort); }
changed() { diff "$1" "$2" | sed -n 's/^> \.\/\([^ ]*\) .*/\1/p' | sort | tr '\n' ' ' | sed 's/ $//'; }
check "first build" build
stamps >"$dir/s1"
sleep 0.05
check "second build" build
expect "second build says so" "unpress: 20 documents up to date" "$(cat "$dir/err")"
stamps >"$dir/s2"
expect "second build rewrites nothing" "" "$(changed "$dir/s1" "$dir/s2")"
touch "$dir"/in/*.txt
build; stamps >"$dir/s3"
expect "touch alone (same bytes) rewrites nothing" "" "$(changed "$dir/s2" "$dir/s3")"
expect "the search index in 8 shards" 16 "$(ls "$out/search" | wc -l)"
# the shard that holds a document (its .json name, under OUT)
shard_of() { (cd "$out" && grep -l "^\[\"$1\"," search/*.json); }
mine=$(shard_of CTOC-COP-2003-1)
other=$(cd "$out" && ls search/*.json | grep -v "^$mine\$" | head -1)
# inode and mtime (nanoseconds) of a file under OUT
identity() { find "$out/$1" -printf '%i %T@\n'; }
other_before=$(identity "$other")
# doc-00004 is CTOC/COP/2003/1; a new sentence, no new citation: its own
# outputs change, its page, and the search index shard that holds it (not
# the other shards, nor the directory of shards); nothing that cites it
printf '\nAn added closing sentence without references.\n' >>"$dir/in/doc-00004.txt"
sleep 0.05
build; stamps >"$dir/s4"
expect "one input edited: reconverted alone" \
	"unpress: 20 documents (1 converted, 19 up to date), 0 warnings, 0 errors" "$(sed 's/, [0-9.]* s$//' "$dir/err")"
expect "one input edited: only its files and its search shard rewritten" \
	"CTOC-COP-2003-1.html CTOC-COP-2003-1.md CTOC-COP-2003-1.xml ${mine%.json}.js $mine" \
	"$(changed "$dir/s3" "$dir/s4" | sed 's/CTOC-COP-2003-1.manifest.xml //')"
expect "a shard holding no edited document is not rewritten (same inode and mtime)" \
	"$other_before" "$(identity "$other")"
check "the edit is in its shard" grep -q "An added closing sentence without references" "$out/$mine"
# a new citation from doc-00004 to CTOC/COP/2010/1 (doc-00011): the citing
# page, the cited page (its backlinks) and the index pages (the counts) change
printf '\n99. A new paragraph citing CTOC/COP/2010/1, para. 2.\n' >>"$dir/in/doc-00004.txt"
sleep 0.05
build; stamps >"$dir/s5"
c=$(changed "$dir/s4" "$dir/s5")
case " $c " in *" CTOC-COP-2010-1.html "*) echo "ok - a new citation rebuilds the cited page";;
	*) echo "not ok - a new citation rebuilds the cited page"; echo "    changed: $c";; esac
case " $c " in *" CTOC-COP-2003-1.html "*) echo "ok - and the citing page";;
	*) echo "not ok - and the citing page"; echo "    changed: $c";; esac
expect "no other document page rebuilt" "CTOC-COP-2003-1.html CTOC-COP-2010-1.html" \
	"$(echo "$c" | tr ' ' '\n' | grep '^CTOC-.*\.html$' | tr '\n' ' ' | sed 's/ $//')"
check "the cited page lists its new citer" \
	grep -q 'href="CTOC-COP-2003-1.html#para_99"' "$out/CTOC-COP-2010-1.html"
# the result is the one a clean build gives
"$UNPRESS" -q -j 2 -t xml,html,md,site -o "$dir/clean" "$dir"/in/*.txt
check "incremental result equals a clean build" diff -r -x .unpress "$out" "$dir/clean"
# fewer shards (at most 8 documents to one: 4 shards), with an edit so that
# the site is rebuilt: the shards 04 to 07 of the last build are deleted,
# and a shard no build stamped (left by a build that failed) too; a file
# not named as a shard is not ours to delete
printf '\nAnother closing sentence.\n' >>"$dir/in/doc-00004.txt"
echo stale >"$out/search/123.js"; echo mine >"$out/search/notes.txt"
UNPRESS_SEARCH_SHARD_DOCS=8 "$UNPRESS" -j 2 -t xml,html,md,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"
expect "fewer shards: the stale shard files are deleted" \
	"00.js 00.json 01.js 01.json 02.js 02.json 03.js 03.json notes.txt" \
	"$(ls "$out/search" | tr '\n' ' ' | sed 's/ $//')"
rm -f "$out/search/notes.txt"
check "fewer shards: the index reads whole" $PY "$TOP/tests/site/search_index.py" "$out"
UNPRESS_SEARCH_SHARD_DOCS=8 "$UNPRESS" -q -j 2 -t xml,html,md,site -o "$dir/clean4" "$dir"/in/*.txt
check "fewer shards: the result equals a clean build" diff -r -x .unpress "$out" "$dir/clean4"
# the program or a template changing is a change too
cp -r "$TOP/templates" "$TOP/styles" "$dir/"
cp "$UNPRESS" "$dir/unpress"
"$dir/unpress" -j 2 -t xml,html,md,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"
echo '<!-- changed -->' >>"$dir/templates/akn-html.xsl"
"$dir/unpress" -j 2 -t xml,html,md,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"
check "a changed template converts everything again" grep -q '(20 converted, 0 up to date)' "$dir/err"
# the XML is the program's alone: a template changing leaves it up to
# date, and such a run reads neither templates nor styles (util/program.h)
"$dir/unpress" -j 2 -t xml -o "$dir/xmlonly" "$dir"/in/*.txt 2>/dev/null
echo '<!-- changed again -->' >>"$dir/templates/akn-html.xsl"
echo '/* changed */' >>"$dir/styles/unpress.css"
"$dir/unpress" -j 2 -t xml -o "$dir/xmlonly" "$dir"/in/*.txt 2>"$dir/err"
check "-t xml: a changed template or style converts nothing again" grep -q 'unpress: 20 documents up to date' "$dir/err"
"$dir/unpress" -j 2 -t xml,md -o "$dir/xmlonly" "$dir"/in/*.txt 2>"$dir/err"
check "-t xml,md: the same change converts everything" grep -q '(20 converted, 0 up to date)' "$dir/err"
"$dir/unpress" -j 2 -t xml,md -o "$dir/xmlonly" "$dir"/in/*.txt 2>/dev/null
echo '<!-- changed a third time -->' >>"$dir/templates/akn-html.xsl"
"$dir/unpress" -j 2 -t xml,md -o "$dir/xmlonly" "$dir"/in/*.txt 2>"$dir/err"
check "-t xml,md: a changed template converts everything again" grep -q '(20 converted, 0 up to date)' "$dir/err"
"$UNPRESS" --force -j 2 -t xml,html,md,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"
check "--force converts everything" grep -q '(20 converted, 0 up to date)' "$dir/err"
# the program is known by its linker build ID (a hash of its bytes): a
# copy of the same program is the same program; without the ID, its
# file's bytes are hashed, and it is another program
# (the copies find the same templates and styles beside them)
"$UNPRESS" -j 2 -t xml,html,md,site -o "$out" "$dir"/in/*.txt 2>/dev/null
mkdir -p "$dir/copy"; ln -sfn "$TOP/templates" "$dir/copy/templates"; ln -sfn "$TOP/styles" "$dir/copy/styles"
cp "$UNPRESS" "$dir/copy/same-unpress"
"$dir/copy/same-unpress" -j 2 -t xml,html,md,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"
check "a copy of the program: nothing to do" grep -q 'unpress: 20 documents up to date' "$dir/err"
if command -v objcopy >/dev/null && objcopy --remove-section .note.gnu.build-id "$UNPRESS" "$dir/copy/noid-unpress"; then
	"$dir/copy/noid-unpress" -j 2 -t xml,html,md,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"
	check "a program without a build ID is another program" grep -q '(20 converted, 0 up to date)' "$dir/err"
	"$dir/copy/noid-unpress" -j 2 -t xml,html,md,site -o "$out" "$dir"/in/*.txt 2>"$dir/err"
	check "and, hashed by its bytes, the same one the next time" grep -q 'unpress: 20 documents up to date' "$dir/err"
else
	skip "a program without a build ID" "no objcopy"
fi
# warnings are not forgotten when a document is up to date
"$UNPRESS" -o "$dir/seed" "$TOP/input/CTOC_COP_2022_9.txt" 2>/dev/null
msg=$("$UNPRESS" -o "$dir/seed" "$TOP/input/CTOC_COP_2022_9.txt" 2>&1)
case "$msg" in *"warning: paragraph number 51 was lost"*"up to date"*) echo "ok - an up-to-date document repeats its warnings";;
	*) echo "not ok - an up-to-date document repeats its warnings"; echo "    $msg" | head -3;; esac
# the first 1,000 warnings are kept to repeat, the others counted (a
# document of dense notes without their texts kept megabytes of them)
{ printf 'Report\n\n'; i=1; while [ $i -le 1200 ]; do printf '%d. Item.<sup>%d</sup>\n\n' $i $i; i=$((i + 1)); done; } >"$dir/many.txt"
"$UNPRESS" -t xml -o "$dir/many" "$dir/many.txt" 2>"$dir/many.err1"
"$UNPRESS" -t xml -o "$dir/many" "$dir/many.txt" 2>"$dir/many.err2"
expect "a document with 1,200 warnings prints them all" 1200 "$(grep -c 'is referenced but its text is missing' "$dir/many.err1")"
expect "up to date, it repeats the first 1,000" 1000 "$(grep -c 'is referenced but its text is missing' "$dir/many.err2")"
check "and counts the others" grep -q 'and 200 warnings more, not repeated here' "$dir/many.err2"
"$UNPRESS" -q --werror -o "$dir/seed" "$TOP/input/CTOC_COP_2022_9.txt"
expect "--werror fails on an up-to-date document with warnings" 1 $?
