#!/bin/sh
# src/akn/write.c writes the AKN tree itself (libxml2's serialiser was the
# slowest part of the core): its bytes must be exactly libxml2's, on every
# kind of document we make — the seeds, pdftotext-style inputs, hostile
# text (markup characters, quotes, tabs and CRs in text and attributes) and
# generated documents.
. "$TOP/tests/lib.sh"
out="$TESTS_OUT/core-xml-writer"; rm -rf "$out"; mkdir -p "$out/in"
cp "$TOP"/input/*.txt "$TOP"/input/*.meta "$TOP"/tests/core/inputs/*.txt "$TOP"/tests/robust/inputs/*.txt "$out/in/"
# markup characters everywhere the tree can hold them: cover lines,
# headings, footnotes, link targets and the sidecar's attribute values
printf 'Quotes "a" & <b> \r\n' >"$out/in/cr.txt"
cat >"$out/in/markup.txt" <<'DOC'
United Nations	A/AC.1/2020/1

Distr.: General
1 January 2020

Original: English

# Report on "quotes" & <angles>

1. The Committee noted [the report](https://example.org/?a=1&b="2") of A/AC.1/2019/3 & <others>.[^1]

   (a) Tabs	inside	text > here;

[^1]: A note with & and <tag> and "quotes".
DOC
/usr/bin/python3 "$TOP/tests/corpus/generate.py" 12 "$out/gen" >/dev/null
"$UNPRESS" -q -j 2 -t xml -o "$out/ours" "$out"/in/*.txt "$out"/gen/*.txt
UNPRESS_XML_WRITER=libxml2 "$UNPRESS" -q -j 2 -t xml -o "$out/libxml2" "$out"/in/*.txt "$out"/gen/*.txt
expect "every input became XML" \
	"$(ls "$out"/in/*.txt "$out"/gen/*.txt | wc -l)" "$(ls "$out"/ours/*.xml | wc -l)"
check "akn/write.c writes libxml2's bytes, file for file" diff -r "$out/libxml2" "$out/ours"
check "markup characters were escaped in an attribute" \
	grep -q 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"' "$out/ours/A-AC.1-2020-1.xml"
check "markup characters were escaped in text" grep -q 'text &gt; here' "$out/ours/A-AC.1-2020-1.xml"
