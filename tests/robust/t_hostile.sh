#!/bin/sh
# Hostile input (issue 14): what someone else put in the input folder, the
# output folder or a manifest must not replace a page, write outside the
# output folder, hang the run or produce output that is not well-formed.
. "$TOP/tests/lib.sh"; . "$TOP/tests/robust/lib.sh"
dir="$TESTS_OUT/robust-hostile"; rm -rf "$dir"; mkdir -p "$dir"
cd "$dir" || exit 1
para='The Conference adopted the report of the Working Group, which is annexed.'

# --- Output names: a document never takes a name the site uses ----------
mkdir -p names
for name in index search sitemap Index-Title cited-A_1 two.manifest .hidden; do
	printf 'Reserved %s\n\n%s\n' "$name" "$para" >"names/$name.txt"
done
printf 'A note on %s\n\n%s\n' "the site" "$para" >names/ok.txt
"$UNPRESS" -q -t xml,html,site -o names/out names/*.txt names/.hidden.txt 2>names/err
expect "reserved names: the batch fails with 65" 65 $?
for page in index.html search.html sitemap.xml index-title.html; do
	check "reserved names: $page is the site's own page, not a document" \
		sh -c "grep -q 'A note on the site' names/out/index.html && ! grep -q 'Reserved ${page%.*}' names/out/$page && ! test -e names/out/${page%.*}.manifest.xml"
done
check "reserved names: said, with the reason" \
	grep -q 'index.txt: error: the document would publish as "index", which is the name of one of the site' names/err
check "reserved names: no cited-… document" sh -c '! test -e names/out/cited-A_1.xml'
check "reserved names: no name that is another's manifest" sh -c '! test -e names/out/two.manifest.xml'
check "reserved names: a hidden input publishes as doc.hidden" test -e names/out/doc.hidden.xml
check "reserved names: the good document is published" test -e names/out/ok.html
# a sidecar's symbol names the document too
mkdir -p side
printf 'A note\n\n%s\n' "$para" >side/a.txt
printf 'symbol: index\n' >side/a.meta
run_case side-reserved 65 '*would publish as "index"*' side/a.txt -t xml

# --- Noncharacters: never in the XML, never fatal to the PDF -------------
printf 'A note\n\nA \357\277\276 and \357\277\277, \357\267\220 and \360\237\277\277 here.\n' >nonchar.txt
run_case nonchar 0 '*replaced 4 noncharacters (U+FFFE and the like) by U+FFFD*' nonchar.txt -t xml,html,md,pdf
check "nonchar: the XML is well-formed" xmllint --noout nonchar/nonchar.xml
check "nonchar: the PDF is written" test -s nonchar/nonchar.pdf

# --- Sidecars: values cleaned, nothing hidden, nothing ignored unsaid ----
mkdir -p sc
printf 'A note\n\n%s\n' "$para" >sc/ctl.txt
printf 'title: A \001title\033[31m with\302\205 controls\nsymbol: A/\002B/1\n' >sc/ctl.meta
run_case sidecar-controls 0 '*control characters, noncharacters or bytes that are not UTF-8 removed*' sc/ctl.txt
check "sidecar-controls: the XML is well-formed" xmllint --noout sidecar-controls/A-B-1.xml
check "sidecar-controls: no control byte reaches it" \
	sh -c "! grep -q \"\$(printf '[\\001\\002\\033]')\" sidecar-controls/A-B-1.xml"
printf 'A note\n\n%s\n' "$para" >sc/empty.txt
printf 'symbol:\n' >sc/empty.meta
run_case sidecar-empty-symbol 0 "*'symbol' has no value: ignored*" sc/empty.txt
check "sidecar-empty-symbol: no hidden .xml" sh -c '! test -e sidecar-empty-symbol/.xml && test -e sidecar-empty-symbol/empty.xml'
printf 'A note\n\n%s\n' "$para" >sc/dir.txt
mkdir -p sc/dir.meta
run_case sidecar-unreadable 0 '*dir.meta: ignored: is a directory*' sc/dir.txt
printf 'A note\n\n%s\n' "$para" >sc/date.txt
printf 'date: 2022-13-45\ntype: report"><x\n' >sc/date.meta
run_case sidecar-bad-values 0 "*cannot read the date '2022-13-45'*" sc/date.txt
check "sidecar-bad-values: the type is refused" grep -q "the type 'report\"><x' is not one word" sidecar-bad-values.err

# --- Streams and devices: read once, bounded, never a hang ---------------
printf 'A note\n\n%s\n' "$para" >stream.txt
mkfifo pipe.txt
rc=0; timeout 20 "$UNPRESS" -q -o fifo pipe.txt 2>fifo.err || rc=$?
expect "fifo: refused at once (66)" 66 "$rc"
check "fifo: says it is a named pipe" grep -q 'is a named pipe, not a file' fifo.err
rc=0; timeout 20 "$UNPRESS" -q -o dev /dev/zero 2>dev.err || rc=$?
expect "dev-zero: refused at once (66)" 66 "$rc"
check "dev-zero: says it is a device" grep -q 'is a device, not a file' dev.err
mkdir -p fs && printf 'A note\n\n%s\n' "$para" >fs/a.txt && mkfifo fs/a.meta
rc=0; timeout 20 "$UNPRESS" -o fs/out fs/a.txt 2>fs.err || rc=$?
expect "fifo-sidecar: no hang, converted" 0 "$rc"
check "fifo-sidecar: said" grep -q 'a.meta: ignored: is a pipe or socket' fs.err
rc=0; timeout 20 "$UNPRESS" -q -o stdin-dash - <stream.txt 2>stdin.err || rc=$?
expect "stdin '-': converted" 0 "$rc"
check "stdin '-': published as stdin" grep -q 'Working Group' stdin-dash/stdin.xml
rc=0; cat stream.txt | timeout 20 "$UNPRESS" -q -o stdin-dev /dev/stdin 2>stdin-dev.err || rc=$?
expect "piped /dev/stdin: converted, not 'empty'" 0 "$rc"
check "piped /dev/stdin: its words" grep -q 'Working Group' stdin-dev/stdin.xml
# twice over the same piped input: never "up to date" from a stale state
rc=0; printf 'A note\n\nOther words.\n' | timeout 20 "$UNPRESS" -q -o stdin-dev /dev/stdin 2>>stdin-dev.err || rc=$?
check "piped /dev/stdin: a second run converts the new text" grep -q 'Other words' stdin-dev/stdin.xml

# --- Empty in disguise ---------------------------------------------------
printf '\357\273\277' >bom.txt
run_case bom-only 65 '*the file holds no text*' bom.txt
printf '\n\n  \n' >blank.txt
run_case blank-only 65 '*the file holds no text*' blank.txt

# --- render: no hidden outputs from a hidden file name -------------------
"$UNPRESS" -q -o rx stream.txt && cp rx/stream.xml .x.xml
"$UNPRESS" -q render -o rx2 .x.xml 2>/dev/null
check "render .x.xml: no hidden output" sh -c 'test -e rx2/doc.x.xml && ! ls -A rx2 | grep -v "^.unpress$" | grep -q "^\."'

# --- One symbol, two inputs: the advice can work -------------------------
mkdir -p twin
printf 'United Nations\n\nA/RES/1/1\n\n%s\n' "$para" >twin/a.txt
printf 'United Nations\n\nA/RES/1/1\n\n%s Again.\n' "$para" >twin/b.txt
"$UNPRESS" -q -j 1 -o twin/out twin/a.txt twin/b.txt 2>twin.err
check "twin symbols: the advice is not a sidecar (the text's symbol wins)" \
	sh -c "grep -q 'publishes as A-RES-1-1' twin.err && ! grep -q 'sidecar' twin.err"
