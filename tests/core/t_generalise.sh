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
expect "lone paragraph number joined to its text" "True" "$(facts "any(t.startswith('Urges Member States') for t in d['paragraph_texts'])")"
expect "hyphenated line end undone" "True" "$(facts "'implementation of the present' in d['text']")"
expect "footnote 1 found at its bare reference after a comma" "True" "$(facts "'68/186' in d['text'] and d['markers']==['1']")"
expect "the note sits at its reference, not at the page end" "1" "$(grep -c '68/186</ref>,<authorialNote marker="1"' "$f")"
expect "preamble clause named by its opening phrase" "1" "$(grep -c 'container name="Noting with concern"' "$f")"
expect "formula found after the cover" "1" "$(grep -c '<formula name="enactingFormula"' "$f")"
expect "its resolution in a General Assembly text is A/RES" "1" "$(grep -c 'href="https://undocs.org/A/RES/69/196"' "$f")"
expect "no running header, job number or barcode" "" "$(grep -oE '16-00001|\*1600001\*|2/3|3/3' "$f" | head -3)"
expect "symbol reference keeps its pinpoint" "1" "$(grep -c 'href="https://undocs.org/CTOC/COP/2022/9">CTOC/COP/2022/9, para. 9<' "$f")"
expect "organ resolution linked" "1" "$(grep -c 'href="https://undocs.org/A/RES/68/186"' "$f")"
xsd="${AKN_XSD:-$TOP/../shared/akn/akomantoso30.xsd}"
if [ -f "$xsd" ]; then check "valid AKN 3.0" xmllint --noout --schema "$xsd" "$f"; else skip "valid AKN 3.0" "official schema not found"; fi
