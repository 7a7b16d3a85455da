#!/bin/sh
# Every input the fuzzers ever crashed on (tests/robust/crashes/) goes
# through unpress again: *.xml with `render` to every edition, anything
# else converted to every edition.  Passing means no crash, no sanitizer
# report (under make test-sanitize), no internal error (70) and a clean
# exit code, within two minutes (some inputs once made it loop: a timeout
# is exit 124).  Inputs listed in crashes/OPEN are known, reported bugs.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/robust-crashes"; rm -rf "$dir"; mkdir -p "$dir"
CRASHES="$TOP/tests/robust/crashes"
for f in "$CRASHES"/*; do
	name=$(basename "$f")
	case "$name" in OPEN|.keep) continue ;; esac
	case "$name" in
	*.xml) timeout 120 "$UNPRESS" render -q -t xml,html,md,pdf -o "$dir/$name" "$f" >"$dir/$name.err" 2>&1 ;;
	*) timeout 120 "$UNPRESS" -q -t xml,html,md,pdf -o "$dir/$name" "$f" >"$dir/$name.err" 2>&1 ;;
	esac
	rc=$?
	# what was written is well-formed XML (fuzz_convert checks it too)
	for x in "$dir/$name"/*.xml; do
		[ -f "$x" ] || continue
		xmllint --noout --huge "$x" >>"$dir/$name.err" 2>&1 || { echo "runtime error: $x is not well-formed" >>"$dir/$name.err"; }
	done
	if [ $rc -ne 70 ] && [ $rc -ne 124 ] && [ $rc -lt 128 ] && ! grep -q 'Sanitizer\|runtime error' "$dir/$name.err"; then
		echo "ok - $name: no crash (exit $rc)"
	elif open=$(grep "^$name " "$CRASHES/OPEN"); then
		skip "$name" "open bug: $(echo "$open" | sed "s/^$name *//")"
	else
		echo "not ok - $name: exit $rc"
		grep -m 5 'ERROR\|runtime error\|SUMMARY\|error:' "$dir/$name.err" | sed 's/^/    /'
	fi
done
