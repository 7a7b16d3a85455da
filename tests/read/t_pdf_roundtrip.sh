#!/bin/sh
# A typesetter other than the UN's: documents are printed by our own PDF
# edition, extracted again by pdftotext in both its modes (default reading
# order, and -layout), and read back by the page model.  The structure must
# come back whole and the text near enough word for word: inputs of our
# own in tests/read/inputs/, and the development set's resolutions when
# ../shared/devset is at hand.
. "$TOP/tests/lib.sh"
out="$TESTS_OUT/read-roundtrip"; rm -rf "$out"; mkdir -p "$out/first"
if ! command -v pdftotext >/dev/null; then
	skip "PDF round trip" "pdftotext (poppler-utils) not installed"
	exit 0
fi
set -- "$TOP"/tests/read/inputs/*.txt
devset="$TOP/../shared/devset"
for f in A_RES_74_270 A_RES_76_113 A_RES_77_56 A_RES_77_134 S_RES_2664_2022; do
	[ -f "$devset/$f.txt" ] && set -- "$@" "$devset/$f.txt"
done
"$UNPRESS" -q -j 2 -t xml,pdf -o "$out/first" "$@"
for pdf in "$out"/first/*.pdf; do
	name=$(basename "$pdf" .pdf)
	for mode in default layout; do
		opt=; [ $mode = layout ] && opt=-layout
		pdftotext $opt "$pdf" "$out/$name.$mode.txt"
		"$UNPRESS" -q -o "$out/$name.$mode" "$out/$name.$mode.txt"
		$PY "$TOP/tests/read/roundtrip.py" "$name through PDF and pdftotext $opt" \
			"$out/first/$name.xml" "$(ls "$out/$name.$mode"/*.xml | head -1)"
	done
done
