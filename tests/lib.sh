# tests/lib.sh — sourced by every test script.
# Every failure says what was expected and what was got:
# check NAME COMMAND...   runs COMMAND; "ok - NAME" if it succeeds, else its
#                         output, or (when it printed nothing) the command
#                         and its exit status
# expect NAME EXPECTED ACTUAL   compares two strings
# holds NAME CONDITION SHOW     a Python condition over d, the JSON on
#                         standard input; else the value of SHOW
# same NAME GOT WANT      two Python values over d equal; else both
#                         (tests/holds.py: near(text, s) for "s in text")
: "${UNPRESS:=$TOP/unpress}"
check() {
	name=$1; shift
	if _check_out=$("$@" 2>&1); then echo "ok - $name"
	else
		_check_rc=$?
		echo "not ok - $name"
		if [ -n "$_check_out" ]; then printf "%s\n" "$_check_out" | head -20 | sed 's/^/    /'
		else echo "    expected: exit 0 from: $*"; echo "    got:      exit $_check_rc, and no output"; fi
	fi
}
expect() {
	if [ "$2" = "$3" ]; then echo "ok - $1"
	else
		echo "not ok - $1"
		printf '%s\n' "$2" | sed '1s/^/    expected: /; 2,$s/^/              /'
		printf '%s\n' "$3" | sed '1s/^/    got:      /; 2,$s/^/              /'
	fi
}
holds() { $PY "$TOP/tests/holds.py" holds "$@"; }
same() { $PY "$TOP/tests/holds.py" same "$@"; }
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
