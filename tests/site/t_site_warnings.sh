#!/bin/sh
# The site's pages are rendered in child processes (util/pool.c); what a
# child warns about must count in the summary line as what the parent
# warns about does ("N documents (…), W warnings, E errors").  The trigger:
# an OUT/SLUG.xml that is no longer XML after its manifest was written,
# which render_doc_page (in a child) reports as "cannot read …".
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/site-warnings"; rm -rf "$dir"; mkdir -p "$dir"
$PY "$TOP/tests/corpus/generate.py" 6 "$dir/in"
# the summary's warning count, and the warnings printed
summary() { sed -n 's/^unpress: .*), \([0-9]*\) warnings\{0,1\}, \([0-9]*\) errors\{0,1\}, .*/\1 \2/p' "$1"; }
printed() { grep -c ': warning: ' "$1"; }
for jobs in 1 2; do
	out="$dir/out-$jobs"
	check "-j $jobs: first build" "$UNPRESS" -j $jobs -t xml,html,site -o "$out" "$dir"/in/*.txt
	# two pages the children cannot render (doc-00002 and doc-00005)
	echo 'not XML' >"$out/CTOC-COP-2001-1.xml"
	echo 'not XML' >"$out/CTOC-COP-2004-1.xml"
	"$UNPRESS" -j $jobs -t xml,html,site -o "$out" "$dir"/in/*.txt 2>"$dir/err-$jobs"
	expect "-j $jobs: the children's warnings are printed" 2 "$(grep -c 'cannot read .*: its page is not rebuilt' "$dir/err-$jobs")"
	expect "-j $jobs: and counted in the summary (warnings, errors)" "2 0" "$(summary "$dir/err-$jobs")"
	expect "-j $jobs: the summary counts every warning printed" "$(printed "$dir/err-$jobs") 0" "$(summary "$dir/err-$jobs")"
done
# under --werror the site's warnings (a child's here) make the exit status 1
out="$dir/out-1"
echo 'not XML' >"$out/CTOC-COP-2001-1.xml"
"$UNPRESS" -q --werror -t xml,html,site -o "$out" "$dir"/in/*.txt 2>/dev/null
expect "--werror: a warning of the site's exits 1" 1 "$?"
