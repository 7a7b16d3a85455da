# tests/lib.sh — sourced by every test script.
# check NAME COMMAND...   runs COMMAND; "ok - NAME" if it succeeds
# expect NAME EXPECTED ACTUAL   compares two strings
: "${UNPRESS:=$TOP/unpress}"
check() {
	name=$1; shift
	if _check_out=$("$@" 2>&1); then echo "ok - $name"
	else echo "not ok - $name"; printf "%s\n" "$_check_out" | head -20 | sed 's/^/    /'; fi
}
expect() {
	if [ "$2" = "$3" ]; then echo "ok - $1"
	else echo "not ok - $1"; echo "    expected: $2"; echo "    actual:   $3"; fi
}
skip() { echo "skip - $1 ($2)"; }
AKN_NS=http://docs.oasis-open.org/legaldocml/ns/akn/3.0
# xp FILE XPATH — evaluate an XPath (prefix a: = AKN) and print the result
xp() { xmllint --xpath "$2" - <"$1" 2>/dev/null | sed 's/ xmlns="[^"]*"//g'; }
# Structural checks are written in Python with lxml, from Debian (never the
# pyenv python on PATH, which cannot see Debian's modules).
PY=/usr/bin/python3
# doc_text FILE — the XML without its <meta>: what a reader of the document
# sees (the job number, for one, is kept in meta on purpose)
doc_text() { sed '/<meta>/,/<\/meta>/d' "$1"; }
