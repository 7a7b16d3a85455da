#!/bin/sh
# A document in pdftotext's style (form feeds, running header, job numbers,
# a paragraph number alone on its line, hyphenated line ends, a bare
# footnote number): never seen by the normaliser's author while writing it.
. "$TOP/tests/lib.sh"
out="$TESTS_OUT/core-generalise"; rm -rf "$out"; mkdir -p "$out"
"$UNPRESS" -q -o "$out" "$TOP/tests/core/inputs/pdftotext-resolution.txt"
f="$out/A-RES-70-999.xml"
check "symbol read from the cover gives the slug" test -f "$f"
facts() { $PY "$TOP/tests/core/facts.py" "$f" | $PY -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
expect "paragraphs 1 and 2" "['1.', '2.']" "$(facts "d['paras']")"
$PY "$TOP/tests/core/facts.py" "$f" | holds "lone paragraph number joined to its text" \
	"any(t.startswith('Urges Member States') for t in d['paragraph_texts'])" "[t[:40] for t in d['paragraph_texts']]"
$PY "$TOP/tests/core/facts.py" "$f" | holds "hyphenated line end undone" \
	"'implementation of the present' in d['text']" "near(d['text'], 'implementation of the present')"
$PY "$TOP/tests/core/facts.py" "$f" | holds "footnote 1 found at its bare reference after a comma" \
	"'68/186' in d['text'] and d['markers']==['1']" "(near(d['text'], '68/186'), d['markers'])"
expect "the note sits at its reference, not at the page end" "1" "$(grep -c '68/186</ref>,<authorialNote marker="1"' "$f")"
expect "preamble clause named by its opening phrase" "1" "$(grep -c 'container name="Noting with concern"' "$f")"
expect "formula found after the cover" "1" "$(grep -c '<formula name="enactingFormula"' "$f")"
expect "its resolution in a General Assembly text is A/RES" "1" "$(grep -c 'href="https://undocs.org/en/A/RES/69/196"' "$f")"
expect "no running header, job number or barcode" "" "$(doc_text "$f" | grep -oE '16-00001|\*1600001\*|2/3|3/3' | head -3)"
expect "the job number kept as metadata (AKN4UN docketNumber)" "1" "$(grep -c '<docketNumber refersTo="#jobNumber">16-00001</docketNumber>' "$f")"
expect "symbol reference keeps its pinpoint" "1" "$(grep -c 'href="https://undocs.org/en/CTOC/COP/2022/9" class="pinpoint">CTOC/COP/2022/9, para. 9<' "$f")"
expect "organ resolution linked" "1" "$(grep -c 'href="https://undocs.org/en/A/RES/68/186"' "$f")"
xsd="${AKN_XSD:-$TOP/templates/akomantoso30.xsd}"
if [ -f "$xsd" ]; then check "valid AKN 3.0" xmllint --noout --schema "$xsd" "$f"; else skip "valid AKN 3.0" "official schema not found"; fi

# pdftotext -layout: columns side by side on the cover, indented text (code
# blocks to Markdown), a running header with the short title, a footer with
# the page first, a footnote rule, footnotes as plain numbers, the closing
# meeting and date.
"$UNPRESS" -q --validate -o "$out" "$TOP/tests/core/inputs/pdftotext-layout-resolution.txt"
expect "layout: converts and validates" 0 $?
f="$out/A-RES-70-174.xml"
facts() { $PY "$TOP/tests/core/facts.py" "$f" | $PY -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
expect "layout: cover columns read (symbol, distribution, date, body)" "A/RES/70/174 Distr.: General 2016-02-04" "$(facts "d['symbol']+' '+d['distribution']+' '+d['date']")"
expect "layout: a General Assembly resolution" "statement resolution" "$(facts "d['root']+' '+d['type']")"
expect "layout: seventieth session is session 70" "1" "$(grep -c '<session value="70">Seventieth session</session>' "$f")"
expect "layout: number and title from \"70/174. Title\"" "1" "$(grep -c '<docTitle>Thirteenth United Nations Congress on Crime Prevention and Criminal Justice</docTitle>' "$f")"
expect "layout: formula and two preambular clauses" "1 2" "$(facts "str(d['formulas'])+' '+str(d['containers'])")"
expect "layout: paragraphs 1-3" "['1.', '2.', '3.']" "$(facts "d['paras']")"
expect "layout: footnotes after a comma, defined under a rule" "['1', '2']" "$(facts "d['markers']")"
expect "layout: no furniture (running header, footers, barcode, rule)" "" "$(doc_text "$f" | grep -oE '15-22378|\*1522378\*|2/16|____|Thirteenth United Nations Congress<' | head -3)"
expect "layout: conclusions with meeting and date" "1" "$(grep -c '<p class="meeting">80th plenary meeting</p>' "$f")"
