# tests/markdown/lib.sh — sourced by the Markdown tests.
# gather_xml DIR: the documents every Markdown check runs on, as AKN in DIR:
# the contract fixtures, the goldens, and every input converted by the
# current normaliser (the seeds, our line-wrapped inputs, the development set).
gather_xml() {
	mkdir -p "$1/in"
	for xml in "$TOP"/tests/fixtures/*.xml "$TOP"/tests/markdown/golden/*.xml; do
		cp "$xml" "$1/"
	done
	"$UNPRESS" -q -t xml -o "$1/in" "$TOP"/input/* 2>/dev/null
	# line-wrapped text (pdftotext): our own inputs, and the development
	# set's real documents when it is at hand
	"$UNPRESS" -q -t xml -o "$1/in" "$TOP"/tests/read/inputs/*.txt 2>/dev/null
	[ -d "$TOP/../shared/devset" ] && "$UNPRESS" -q -t xml -o "$1/in" "$TOP"/../shared/devset/*.txt 2>/dev/null
	cp "$1"/in/*.xml "$1/" 2>/dev/null
}
