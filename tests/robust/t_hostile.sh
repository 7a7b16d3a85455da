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
"$UNPRESS" -q -o rx stream.txt && sed 's/ slug="stream"//' rx/stream.xml >.x.xml
"$UNPRESS" render -q -o rx2 .x.xml 2>/dev/null
check "render .x.xml: no hidden output" sh -c 'test -e rx2/doc.x.xml && ! ls -A rx2 | grep -v "^.unpress$" | grep -q "^\."'

# --- One symbol, two inputs: the advice can work -------------------------
mkdir -p twin
printf 'United Nations\n\nA/RES/1/1\n\n%s\n' "$para" >twin/a.txt
printf 'United Nations\n\nA/RES/1/1\n\n%s Again.\n' "$para" >twin/b.txt
"$UNPRESS" -q -j 1 -o twin/out twin/a.txt twin/b.txt 2>twin.err
check "twin symbols: the advice is not a sidecar (the text's symbol wins)" \
	sh -c "grep -q 'publishes as A-RES-1-1' twin.err && ! grep -q 'sidecar' twin.err"

# --- The reduce step trusts nothing it reads in OUT ----------------------
mkdir -p red/in red/out
printf 'A note\n\nIt cites A/RES/1/2 and nothing else.\n' >red/in/a.txt
"$UNPRESS" -q -t xml,html,site -o red/out red/in/a.txt
# a manifest from elsewhere whose slug climbs out, or names a site page
sed 's/slug="a"/slug="..\/escaped"/' red/out/a.manifest.xml >red/out/evil.manifest.xml
sed 's/slug="a"/slug="index"/' red/out/a.manifest.xml >red/out/idx.manifest.xml
cp red/out/a.xml red/escaped.xml
"$UNPRESS" -t site -o red/out 2>red.err
check "manifest slug '../escaped': nothing written outside OUT" sh -c '! test -e red/escaped.html'
check "manifest slug '../escaped': skipped, said" grep -q 'evil.manifest.xml: its slug "../escaped" is not a plain file name' red.err
check "manifest slug 'index': the index stays the site's" sh -c 'grep -q "<table" red/out/index.html && grep -q "skipping.*idx.manifest.xml" red.err'
rm -f red/out/evil.manifest.xml red/out/idx.manifest.xml
# links placed in OUT's own folders: never written or read through
mkdir -p red/elsewhere red/secret
printf '"x","secret words"\n' >red/secret/units
rm -rf red/out/search && ln -s ../elsewhere red/out/search
"$UNPRESS" --force -t site -o red/out 2>red2.err
check "OUT/search a link: nothing written through it" sh -c '! ls red/elsewhere | grep -q .'
check "OUT/search a link: refused, said" grep -q 'cannot create red/out/search' red2.err
rm -f red/out/search
# (b shares a's search shard: an edit of b gathers a's units again)
printf 'B note\n\n1. A paragraph of b.\n' >red/in/b.txt
"$UNPRESS" -q -t xml,html,site -o red/out red/in/a.txt red/in/b.txt 2>/dev/null
rm -f red/out/.unpress/units/a && ln -s ../../../secret/units red/out/.unpress/units/a
printf 'B note\n\n1. A paragraph of b, edited.\n' >red/in/b.txt
"$UNPRESS" -q -t xml,html,site -o red/out red/in/a.txt red/in/b.txt 2>/dev/null
check "a link in .unpress/units: its target never reaches the search index" \
	sh -c 'grep -rq "edited" red/out/search && ! grep -rq "secret words" red/out/search'
# a units line that unpress did not write is left out (it would run in search.html)
rm -f red/out/.unpress/units/a
"$UNPRESS" -q --force -t site -o red/out 2>/dev/null
printf '"x","ok"\n"y","</script><script>alert(1)</script>"\n"z" ,alert(1)\n' >red/out/.unpress/units/a
printf 'B note\n\n1. A paragraph of b, edited again.\n' >red/in/b.txt
"$UNPRESS" -t xml,html,site -o red/out red/in/a.txt red/in/b.txt 2>red3.err
check "a foreign units line: not in the shards" sh -c 'grep -rq "edited again" red/out/search && ! grep -rq "alert" red/out/search'

# --- A cited symbol too long for a file name -----------------------------
mkdir -p long
sym="A/$(printf 'AB/%.0s' $(seq 1 90))1"
printf 'A note\n\nIt cites %s and nothing else.\n' "$sym" >long/a.txt
rc=0; "$UNPRESS" -q -t xml,html,site -o long/out long/a.txt 2>long.err || rc=$?
expect "long cited symbol: the site builds (0)" 0 "$rc"
rc=0; "$UNPRESS" -q -t xml,html,site -o long/out long/a.txt 2>>long.err || rc=$?
expect "long cited symbol: and builds again (0)" 0 "$rc"
check "long cited symbol: its page is there, named within NAME_MAX" \
	sh -c 'ls long/out | grep -q "^cited-A_AB_AB.*-[0-9a-f]\{16\}\.html$" && ! ls long/out | grep -q "^.\{256\}"'

# --- render: a compressed XML bomb is never inflated ---------------------
"$UNPRESS" -q -o bomb stream.txt
{ sed -n 1,2p bomb/stream.xml; yes '<x/>' | head -c 20000000; } | gzip -1 >bomb.xml 2>/dev/null
rc=0; /usr/bin/python3 "$TOP/tests/robust/peak.py" peak.txt "$UNPRESS" render -t html -o gz bomb.xml 2>gz.err || rc=$?
expect "gzip bomb: refused (65)" 65 "$rc"
check "gzip bomb: never inflated (peak RSS under 100 MB)" test "$(cat peak.txt)" -lt 100000
check "gzip bomb: said" grep -q 'gzip-compressed, not XML: decompress it first' gz.err
printf '\375\067\172\130\132\000rest' >bomb-xz.xml
rc=0; "$UNPRESS" render -t html -o gz bomb-xz.xml 2>xz.err || rc=$?
check "xz header: refused, said" sh -c "test $rc = 65 && grep -q 'xz-compressed, not XML' xz.err"

# --- Noncharacters in an XML to render: the PDF is still made ------------
sed 's/Working Group/Working \xef\xb7\x90 Group/' bomb/stream.xml >nc-render.xml
rc=0; "$UNPRESS" render -t pdf -o ncr nc-render.xml 2>ncr.err || rc=$?
expect "noncharacter in XML to render: PDF made (0)" 0 "$rc"
check "noncharacter in XML to render: said, and the PDF is there" \
	sh -c "grep -q 'replaced 1 noncharacters' ncr.err && test -s ncr/stream.pdf"

# --- sitemap: absolute locations with --base-url -------------------------
"$UNPRESS" -q -t xml,html,site --base-url https://example.org/un -o smap red/in/a.txt
check "sitemap: absolute locations under --base-url" grep -q '<loc>https://example.org/un/a.html</loc>' smap/sitemap.xml
rc=0; "$UNPRESS" -q -t site --base-url 'javascript:alert(1)' -o smap 2>/dev/null || rc=$?
expect "sitemap: a base that is not http(s) is a usage error" 64 "$rc"
"$UNPRESS" -q -t site --base-url https://example.org/other/ -o smap
check "sitemap: a new base rewrites it" grep -q '<loc>https://example.org/other/a.html</loc>' smap/sitemap.xml

# --- search shards: U+2028 and U+2029 escaped ----------------------------
mkdir -p ls
printf 'A note\n\n1. Line separator and paragraph separator.\n\n2. Another paragraph.\n' >ls/a.txt
"$UNPRESS" -q -t xml,html,site -o ls/out ls/a.txt
# (the normaliser makes them spaces: an XML from the map step may not)
sed -i 's/Line separator and paragraph separator/Line\xe2\x80\xa8separator and paragraph\xe2\x80\xa9separator/' ls/out/a.xml
"$UNPRESS" -q -t site -o ls/out
check "search shards: no raw U+2028/U+2029" sh -c "! grep -rq \"\$(printf '\342\200[\250\251]')\" ls/out/search && grep -rq 'u2028' ls/out/search"

# --- Paragraph joining is linear in memory -------------------------------
/usr/bin/python3 -c "
import sys
sys.stdout.write('A title\n\nThe start of a paragraph\n\n' + ''.join('and piece number %d of it\n\n' % i for i in range(8000)))" >joins.txt
/usr/bin/python3 "$TOP/tests/robust/peak.py" joins-peak.txt "$UNPRESS" -q -o joins joins.txt
check "8,000 pieces of one paragraph (230 KB): peak RSS under 150 MB" test "$(cat joins-peak.txt)" -lt 150000
check "8,000 pieces of one paragraph: joined into one" grep -q 'and piece number 7999 of it' joins/joins.xml

# --- Short paragraphs: cmark's tree is parsed in small windows ----------
# A megabyte of short numbered paragraphs cost 23 times its size to
# convert: cmark's tree of a 256 KB window (some 30 times its text) was
# whole in memory at once.  Above a one-line document's peak, under 20
# times (the issue's bound; 16 with windows of 64 KB).  Not under
# AddressSanitizer (its quarantine holds freed memory).
if grep -qa '__asan_init' "$UNPRESS"; then
	skip "short paragraphs: memory" "AddressSanitizer build"
else
	/usr/bin/python3 -c "
import sys
out, i, size = [], 1, 0
while size < 1 << 20:
    p = '%d. Text of item %d.\n\n' % (i, i)
    out.append(p); size += len(p); i += 1
sys.stdout.write('Report\n\n' + ''.join(out))" >paras.txt
	printf 'A title\n\nOne line.\n' >one.txt
	/usr/bin/python3 "$TOP/tests/robust/peak.py" one-peak.txt "$UNPRESS" -q --force -t xml -o paras one.txt
	/usr/bin/python3 "$TOP/tests/robust/peak.py" paras-peak.txt "$UNPRESS" -q --force -t xml -o paras paras.txt
	base=$(cat one-peak.txt) peak=$(cat paras-peak.txt) size=$(wc -c <paras.txt)
	check "1 MB of short paragraphs to XML: under 20 times its size above a line's ($peak KB, $base KB)" \
		test $(((peak - base) * 1024)) -lt $((size * 20))
	n=$(grep -c '^[0-9]*\. Text of item' paras.txt)
	expect "1 MB of short paragraphs: every one a paragraph" "$n" "$(grep -c '<paragraph ' paras/paras.xml)"
fi

# --- The PDF makes live only the links the HTML does ---------------------
printf 'Links\n\nSee [here](javascript:alert(1)) and [there]( DATA:text/html,x) and [ok](https://undocs.org/A/1).\n' >links.txt
"$UNPRESS" -q -t xml,pdf -o links links.txt
qpdf --qdf --object-streams=disable links/links.pdf links/plain.pdf 2>/dev/null
check "pdf links: javascript: and data: are not live" sh -c '! grep -aiq "/URI (\(javascript\|data\|.*data:\)" links/plain.pdf'
check "pdf links: https is" grep -aq '/URI (https://undocs.org/A/1)' links/plain.pdf

# --- Killing unpress kills its workers -----------------------------------
mkdir -p kill
/usr/bin/python3 "$TOP/tests/robust/gen.py" paras 20000 >kill/a.txt && cp kill/a.txt kill/b.txt
mark="$dir/kill-out-$$"
cp kill/a.txt kill/c.txt && cp kill/a.txt kill/d.txt
"$UNPRESS" -q -j 2 -t pdf -o "$mark" kill/a.txt kill/b.txt kill/c.txt kill/d.txt 2>/dev/null &
main_pid=$!
# kill it once its workers are seen (not after a fixed time: on a quiet
# machine the whole run may end first), within 30 s
workers=0 tries=0
while [ "$workers" -lt 1 ] && [ $tries -lt 300 ] && kill -0 "$main_pid" 2>/dev/null; do
	sleep 0.1
	workers=$(pgrep -f "[k]ill-out-$$" | grep -vx "$main_pid" | wc -l)
	tries=$((tries + 1))
done
kill -9 "$main_pid"
sleep 1
check "kill -9 during -j 2: the workers were there" test "$workers" -ge 1
check "kill -9 during -j 2: no worker outlives it" sh -c "! pgrep -f '[k]ill-out-$$' >/dev/null"
wait 2>/dev/null

# --- Lists: each item its own paragraph ----------------------------------
printf 'A list\n\nItems:\n\n- first item\n- second item\n\nBullets:\n\n\342\200\242 third item\n\342\200\242 fourth item\n\nEnd.\n' >bullets.txt
"$UNPRESS" -q -o bullets bullets.txt
for item in first second third fourth; do
	check "lists: the $item item is a paragraph of its own" grep -q "<p>$item item</p>" bullets/bullets.xml
done

# --- SOURCE_DATE_EPOCH: what cannot be a date is said -------------------
for v in abc -5 99999999999999; do
	rc=0; SOURCE_DATE_EPOCH=$v "$UNPRESS" -q -t pdf -o sde stream.txt 2>sde.err || rc=$?
	check "SOURCE_DATE_EPOCH=$v: refused (64), said" sh -c "test $rc = 64 && grep -q 'SOURCE_DATE_EPOCH' sde.err"
done
SOURCE_DATE_EPOCH=253402300799 "$UNPRESS" -q -t pdf -o sde stream.txt
check "SOURCE_DATE_EPOCH at the end of 9999: the PDF's date" sh -c 'pdfinfo -isodates sde/stream.pdf | grep -q "CreationDate: *9999-12-31T23:59:59"'

# --- --validate: a document the schema refuses is bad data (65) ----------
sed 's|<mainBody>|<mainBody><bogus/>|' rx/stream.xml >invalid.xml
rc=0; "$UNPRESS" render --validate -q -o inv invalid.xml 2>inv.err || rc=$?
expect "--validate refuses: 65, not 70" 65 "$rc"

# --- Configuration that cannot be used is said ----------------------------
UNPRESS_DICTIONARY=/nonexistent/words "$UNPRESS" -q -o dict stream.txt 2>dict.err
check "UNPRESS_DICTIONARY missing: said" grep -q 'UNPRESS_DICTIONARY=/nonexistent/words: No such file' dict.err
mkdir -p lonely && cp "$UNPRESS" lonely/unpress
lonely/unpress -t html -o lonely/out stream.txt 2>lonely.err
check "templates missing: our message, not libxml2's raw lines" \
	sh -c "grep -q 'cannot load the template' lonely.err && ! grep -q 'I/O warning' lonely.err"

# --- An empty site (no manifest): nothing to sort, nothing undefined ------
mkdir -p empty-site
rc=0; "$UNPRESS" -q -t site -o empty-site 2>/dev/null || rc=$?
expect "an empty site builds (0)" 0 "$rc"

# --- --prune removes only what a document may be named -------------------
mkdir -p pr/in
printf 'A note\n\n%s\n' "$para" >pr/in/a.txt
printf 'B note\n\n%s\n' "$para" >pr/in/b.txt
"$UNPRESS" -q -t xml,html,site -o pr/out pr/in/a.txt pr/in/b.txt
# a state file that names a site page (an older version's, or another's)
for f in pr/out/.unpress/doc-*; do
	grep -q '^slug a$' "$f" && sed -i 's/^slug a$/slug index/' "$f"
done
rm pr/in/a.txt
"$UNPRESS" -q --prune -t xml -o pr/out pr/in/b.txt 2>/dev/null
check "--prune: a state naming 'index' never removes the site's index" test -s pr/out/index.html

# --- Sitemap locations need no escaping (util/outname.c's names) --------------
mkdir -p pe/in
printf 'A note\n\n1. It decides.\n' >pe/in/a.txt
printf 'symbol: \320\226/1?x#y\n' >pe/in/a.meta
"$UNPRESS" -q -t xml,html,site --base-url https://example.org/ -o pe/out pe/in/a.txt
check "sitemap: every location is plain ASCII, no '?' or '#'" \
	sh -c "grep '<loc>' pe/out/sitemap.xml | grep -q 'example.org/1-x-y.html' && ! grep '<loc>' pe/out/sitemap.xml | LC_ALL=C grep -q '[^ -~]\|[?#].*</loc>'"

# --- Pipes placed in OUT never hang the site -----------------------------
mkdir -p fo/in
printf 'A note\n\n%s\n' "$para" >fo/in/a.txt
"$UNPRESS" -q -t xml,html,site -o fo/out fo/in/a.txt
mkfifo fo/out/evil.manifest.xml fo/out/evil.xml
rm -f fo/out/.unpress/site-stamps fo/out/unpress.css && mkfifo fo/out/.unpress/site-stamps fo/out/unpress.css
for f in fo/out/.unpress/doc-*; do rm -f "$f" && mkfifo "$f"; done
rc=0; timeout 30 "$UNPRESS" -q -t xml,html,site -o fo/out fo/in/a.txt 2>/dev/null || rc=$?
check "pipes in OUT (a manifest, the stamps, a state, the stylesheet): no hang" test "$rc" != 124
