#!/bin/sh
# Golden facts of the five seeds: footnotes, paragraph numbers, chapters,
# cover metadata, no furniture, schema validity.
. "$TOP/tests/lib.sh"
out="$TESTS_OUT/core-seeds"
rm -rf "$out"; mkdir -p "$out"
"$UNPRESS" -q -o "$out" "$TOP"/input/*.txt; rc=$?
expect "seeds convert (exit 0)" 0 "$rc"
facts() { $PY "$TOP/tests/core/facts.py" "$out/$1.xml"; }
field() { facts "$1" | $PY -c "import json,sys; d=json.load(sys.stdin); print($2)"; }
facts CTOC-COP-2022-9 | same "002 footnote markers: *, 1-29, annex 1" "d['markers']" "['*']+[str(i) for i in range(1,30)]+['1']"
# note 22 lost its number and stands between the page footer and the rest
# of the clause it annotates: it is that note's text, and the clause is one
expect "002 no note missing (22's text found where its page ended)" "[]" "$(field CTOC-COP-2022-9 "d['missing']")"
expect "002 note 22's text is the stranded one" "1" "$(grep -c '<authorialNote marker="22" placement="bottom" eId="authorialNote_22"><p>Although the term' "$out/CTOC-COP-2022-9.xml")"
facts CTOC-COP-2022-9 | holds "002 the clause note 22 cut is one again" \
	"'global understanding of the nature and scope of, and trends related to, trafficking in persons' in d['text']" \
	"near(d['text'], 'global understanding of the nature and scope of, and trends related to, trafficking in persons')"
facts CTOC-COP-2022-9 | same "002 paragraphs 1-144 in order" "d['paras']" "[f'{i}.' for i in range(1,145)]"
facts CTOC-COP-WG.2-2022-4-CTOC-COP-WG.3-2022-4 | same "003 paragraphs 1-89 in order" "d['paras']" "[f'{i}.' for i in range(1,90)]"
facts background-paper-2015 | same "004 paragraphs 1-79 in order" "d['paras']" "[f'{i}.' for i in range(1,80)]"
expect "002 chapters I-XI" "I. II. III. IV. V. VI. VII. VIII. IX. X. XI." "$(field CTOC-COP-2022-9 "' '.join(d['chapters'])")"
expect "002 symbol and date" "CTOC/COP/2022/9 2022-11-08" "$(field CTOC-COP-2022-9 "d['symbol']+' '+d['date']")"
expect "001 Limited, 2024-10-11, draft resolution" "Distr.: Limited 2024-10-11 resolutionDraft" "$(field draft-resolution-technical-assistance-2024 "d['distribution']+' '+d['date']+' '+d['type']")"
expect "004 date" "2015-08-18" "$(field background-paper-2015 "d['date']")"
expect "003 symbol from its sidecar" "CTOC/COP/WG.2/2022/4-CTOC/COP/WG.3/2022/4" "$(field CTOC-COP-WG.2-2022-4-CTOC-COP-WG.3-2022-4 "d['symbol']")"
expect "000 is resolution 11/3 with formula and preamble" "statement resolution 1 4" "$(field resolution-11-3 "d['root']+' '+d['type']+' '+str(d['formulas'])+' '+str(d['containers'])")"
expect "002 holds resolutions 11/1-11/6" "6" "$(field CTOC-COP-2022-9 "len(d['resolutions'])")"
expect "000 footnotes 1 and 2" "['1', '2']" "$(field resolution-11-3 "d['markers']")"
facts background-paper-2015 | same "004 footnotes 1-23" "d['markers'][1:]" "[str(i) for i in range(1,24)]"
# rejoined sentences: in d's text; else the passage most like them
rejoined() { facts "$2" | holds "$1" "'$3' in d['text']" "near(d['text'], '$3')"; }
rejoined "000 (f) rejoined across its footnote" resolution-11-3 'requested State, irrespective of whether'
rejoined "003 paragraph 5 rejoined across the page" CTOC-COP-WG.2-2022-4-CTOC-COP-WG.3-2022-4 'Convention against Transnational Organized Crime and the Protocols thereto”, the Conference adopted'
rejoined "002 recital rejoined after footer and notes" CTOC-COP-2022-9 'in which the Conference endorsed the recommendations'
# nothing of the page survives
for f in "$out"/*.xml; do
	n=$(basename "$f")
	expect "$n: no page furniture" "" "$(doc_text "$f" | grep -oE 'V\.[0-9]{2}-[0-9]{5}|[0-9]{1,2}/56\b|lt;sup|&lt;sup|\$\^' | head -3)"
	expect "$n: no Cyrillic or Greek look-alikes" "" "$(grep -oP '[\x{0391}-\x{03C9}\x{0400}-\x{04FF}]' "$f" | head -3)"
	if [ -f "${AKN_XSD:-$TOP/templates/akomantoso30.xsd}" ]; then
		check "$n: valid AKN 3.0" xmllint --noout --schema "${AKN_XSD:-$TOP/templates/akomantoso30.xsd}" "$f"
	else
		skip "$n: valid AKN 3.0" "official schema not found"
	fi
done
# our own subset schema, always (templates/unpress-akn.xsd)
for f in "$out"/*.xml "$TOP"/tests/fixtures/*.xml; do
	check "$(basename "$f"): valid against unpress-akn.xsd" xmllint --noout --schema "$TOP/templates/unpress-akn.xsd" "$f"
done
"$UNPRESS" -q --validate -o "$out/validated" "$TOP"/input/*.txt "$TOP"/tests/core/inputs/*.txt
expect "--validate passes on every input" 0 $?
