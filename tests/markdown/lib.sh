# tests/markdown/lib.sh — sourced by the Markdown tests.
# gather_xml DIR: the documents every Markdown check runs on, as AKN in DIR:
# the contract fixtures, the goldens, and every input converted by the
# current normaliser.
gather_xml() {
	mkdir -p "$1/in"
	for xml in "$TOP"/tests/fixtures/*.xml "$TOP"/tests/markdown/golden/*.xml; do
		cp "$xml" "$1/"
	done
	"$UNPRESS" -q -t xml -o "$1/in" "$TOP"/input/* 2>/dev/null
	cp "$1"/in/*.xml "$1/" 2>/dev/null
}
