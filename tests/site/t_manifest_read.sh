#!/bin/sh
# The reduce step reads manifests with SAX callbacks (site/load.c), not into a
# tree: escaped characters, character references and CDATA must come out as
# a tree would give them, and what is not a manifest is skipped with a warning.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/site-manifest-read"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 3 "$dir/in"
check "build" "$UNPRESS" -q -t xml,site -o "$dir/out" "$dir"/in/*.txt
m=$(grep -l 'file="doc-00002.txt"' "$dir"/out/*.manifest.xml)
# a title with every kind of escape; a first reference whose text mixes
# escapes and CDATA (shown on the cited symbol's page, in or out of the
# collection)
sed -i 's/title="[^"]*"/title="R\&amp;D \&lt;x\&gt; \&#38; \&quot;q\&quot; \&#233;"/' "$m"
sed -i '0,/<ref \([^>]*\)>[^<]*</s//<ref \1>See \&amp; <![CDATA[A \& B]]> \&lt;c\&gt;</' "$m"
check "reduce" "$UNPRESS" -q -t site -o "$dir/out"
expect "the title as the manifest's tree holds it" 'R&amp;D &lt;x&gt; &amp; "q" é' \
	"$(grep -o 'R&amp;D[^<]*' "$dir/out/index.html" | head -1)"
check "the reference's text, escapes and CDATA joined" \
	grep -q 'See &amp; A &amp; B &lt;c&gt;' "$dir"/out/*.html
printf '<manifest slug="x"><anchor' >"$dir/out/broken.manifest.xml"
printf '<!DOCTYPE m [<!ENTITY e "E">]><manifest slug="y" title="&e;"/>' >"$dir/out/dtd.manifest.xml"
"$UNPRESS" -t site -o "$dir/out" 2>"$dir/err"
check "a truncated manifest is skipped with a warning" grep -q "unreadable manifest.*broken.manifest.xml" "$dir/err"
check "a manifest with a DTD is skipped with a warning" grep -q "unreadable manifest.*dtd.manifest.xml" "$dir/err"
