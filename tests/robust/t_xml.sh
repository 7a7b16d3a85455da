#!/bin/sh
# Safe XML and XSLT: `unpress render` refuses DTDs and entities (billion
# laughs, external entities) with a clean error and no expansion; nothing
# reaches the network; a template cannot write files or reach the network.
. "$TOP/tests/lib.sh"; . "$TOP/tests/robust/lib.sh"
dir="$TESTS_OUT/robust-xml"; rm -rf "$dir"; mkdir -p "$dir"
cd "$dir" || exit 1
AKN='xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'

# A local listener that records any connection attempt.
$PY "$TOP/tests/robust/listen.py" port net.log & listener=$!
trap 'kill $listener 2>/dev/null' EXIT
for i in 1 2 3 4 5 6 7 8 9 10; do [ -f port ] && break; sleep 0.2; done
PORT=$(cat port)
URL="http://127.0.0.1:$PORT"

# Billion laughs: ten levels of ten references.
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE akomaNtoso ['
	echo ' <!ENTITY lol0 "lol">'
	for i in 1 2 3 4 5 6 7 8 9; do
		printf ' <!ENTITY lol%d "' $i
		for j in 1 2 3 4 5 6 7 8 9 10; do printf '&lol%d;' $((i - 1)); done
		echo '">'
	done
	echo ']>'
	echo "<akomaNtoso $AKN><doc name=\"report\"><mainBody><p>&lol9;</p></mainBody></doc></akomaNtoso>"
} >laughs.xml
/usr/bin/time -f '%M' -o laughs.rss "$UNPRESS" render -t xml,html,md -o laughs laughs.xml 2>laughs.err
expect "billion laughs: exit 65" 65 $?
# libxml2 stops at its entity-amplification guard before our DOCTYPE check
check "billion laughs: a clean error about entities" grep -Eq "laughs.xml(:[0-9]+)?: error: .*(DOCTYPE|entity)" laughs.err
check "billion laughs: nothing written" sh -c '[ -z "$(ls -A laughs 2>/dev/null)" ]'
check "billion laughs: not expanded (peak RSS under 100 MB)" sh -c "[ \$(tail -n 1 laughs.rss) -lt 100000 ]"

# External entities: a local file and a URL.
cat >xxe.xml <<EOS
<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [
 <!ENTITY file SYSTEM "file:///etc/passwd">
 <!ENTITY net SYSTEM "$URL/entity">
 <!ENTITY % remote SYSTEM "$URL/parameter-entity">
 %remote;
]>
<akomaNtoso $AKN><doc name="report"><mainBody><p>[&file;] [&net;]</p></mainBody></doc></akomaNtoso>
EOS
"$UNPRESS" render -t xml,html,md -o xxe xxe.xml 2>xxe.err
expect "external entity: exit 65" 65 $?
check "external entity: says entities are refused" grep -q "refusing an XML file with a DOCTYPE" xxe.err
check "external entity: nothing written" sh -c '[ -z "$(ls -A xxe 2>/dev/null)" ]'
check "external entity: /etc/passwd not read into any message" sh -c '! grep -q "root:" xxe.err'

# An external DTD (the network) and XInclude.
cat >dtd.xml <<EOS
<?xml version="1.0"?>
<!DOCTYPE akomaNtoso SYSTEM "$URL/akn.dtd">
<akomaNtoso $AKN><doc name="report"><mainBody><p>text</p></mainBody></doc></akomaNtoso>
EOS
"$UNPRESS" render -o dtd dtd.xml 2>dtd.err; expect "external DTD: exit 65" 65 $?
cat >xinclude.xml <<EOS
<?xml version="1.0"?>
<akomaNtoso $AKN xmlns:xi="http://www.w3.org/2001/XInclude"><doc name="report"><meta/><mainBody>
<p>before <xi:include href="/etc/passwd" parse="text"/> <xi:include href="$URL/xinclude" parse="text"/> after</p>
</mainBody></doc></akomaNtoso>
EOS
"$UNPRESS" render -q -t xml,html,md -o xinclude xinclude.xml 2>xinclude.err
expect "XInclude: rendered (the include is inert)" 0 $?
check "XInclude: /etc/passwd not included" sh -c '! grep -q "root:" xinclude/*'
sleep 0.5
expect "no connection reached the network listener" "" "$(cat net.log 2>/dev/null)"

# XSLT security preferences, proven with hostile templates in a data folder
# of their own: one writes a file, one makes a folder, one reads the network.
hostile() {	# hostile NAME BODY: a data folder whose HTML template is BODY
	mkdir -p "$1/templates" "$1/styles"
	cp "$TOP/styles/unpress.css" "$1/styles/"
	cat >"$1/templates/akn-html.xsl" <<EOS
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/"><html><body>$2</body></html></xsl:template>
</xsl:stylesheet>
EOS
}
hostile write "<exsl:document href=\"$dir/pwned.txt\" method=\"text\">pwned</exsl:document>"
hostile mkdir "<exsl:document href=\"$dir/newdir/pwned.txt\" method=\"text\">pwned</exsl:document>"
hostile net "<xsl:copy-of select=\"document('$URL/xslt')\"/>"
hostile netwrite "<exsl:document href=\"$URL/upload\" method=\"text\">pwned</exsl:document>"
SEED_XML="$TOP/tests/fixtures/contract-report.xml"
for h in write mkdir net netwrite; do
	UNPRESS_DATADIR="$dir/$h" "$UNPRESS" render -t html -o "out-$h" "$SEED_XML" 2>"xslt-$h.err"
	rc=$?
	[ $rc -ne 0 ] && echo "ok - XSLT $h: the transform fails (exit $rc)" || echo "not ok - XSLT $h: the transform succeeded"
done
check "XSLT write: no file written" test ! -e "$dir/pwned.txt"
check "XSLT mkdir: no folder made" test ! -e "$dir/newdir"
check "XSLT failures leave no page behind" sh -c '! ls out-*/*.html 2>/dev/null | grep -q .'
sleep 0.5
expect "XSLT: no connection reached the network listener" "" "$(cat net.log 2>/dev/null)"

# Bytes that are not in the encoding the XML declares: a clean error.
printf '<?xml version="1.0" encoding="Shift_JIS"?>\n<akomaNtoso %s><doc name="report"><meta/><mainBody><p>caf\202\377\264 text</p></mainBody></doc></akomaNtoso>\n' "$AKN" >encoding.xml
"$UNPRESS" render -q -t html,md -o encoding encoding.xml 2>encoding.err
expect "bad bytes for the declared encoding: exit 65" 65 $?
check "bad bytes for the declared encoding: not well-formed, said in FILE:LINE: error: form" \
	grep -q "^encoding.xml:[0-9]*: error: not well-formed XML" encoding.err
# Every line of the message in our own form: no line printed by libxml2
# itself, no message ending in a newline of its own.
check "bad bytes for the declared encoding: no stray libxml2 lines" sh -c '! grep -qv "^encoding.xml" encoding.err'
