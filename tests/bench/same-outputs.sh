#!/bin/sh
# Are the outputs of this checkout's build the same bytes as those of
# another commit's?  For a change that should not change any output (a
# move of code between files, a new allocator): every input of the test
# suite (the seeds, tests/read/inputs, the Markdown inputs and goldens'
# sources, the fixtures and the UN's files of tests/corpus and tests/pdf
# rendered from their XML), every edition, the site.  Not a test: it
# builds REV in a temporary worktree.
# Usage: sh tests/bench/same-outputs.sh REV   (e.g. HEAD~3)
set -e
cd "$(dirname "$0")/../.."
rev=${1:?usage: same-outputs.sh REV}
top=$PWD
work=$(mktemp -d)
trap 'git worktree remove --force "$work/old" >/dev/null 2>&1; [ -n "$KEEP_WORK" ] || rm -rf "$work"' EXIT
git worktree add -q --detach "$work/old" "$rev"
make -s -C "$work/old" unpress >/dev/null
make -s unpress >/dev/null
export SOURCE_DATE_EPOCH=1700000000

# one run of a build: text inputs converted, XML inputs rendered, a site
run() {
	dir=$1 tree=$2
	mkdir -p "$dir/text" "$dir/xml"
	"$tree/unpress" -q -j 2 -t xml,html,md,pdf,site -o "$dir/text" \
		"$top"/input/*.txt "$top"/tests/read/inputs/*.txt "$top"/tests/markdown/inputs/*.md 2>"$dir/text.err" || true
	# the XML alone is written as it is built (akn_build_streamed)
	mkdir -p "$dir/xml-alone"
	"$tree/unpress" -q -j 2 -t xml -o "$dir/xml-alone" \
		"$top"/input/*.txt "$top"/tests/read/inputs/*.txt "$top"/tests/markdown/inputs/*.md \
		"$top"/tests/robust/inputs/*.txt "$top"/tests/core/inputs/*.txt 2>"$dir/xml-alone.err" || true
	"$tree/unpress" render -q -j 2 -t html,md,pdf,site -o "$dir/xml" \
		"$top"/tests/fixtures/*.xml "$top"/tests/corpus/ga78/*.xml "$top"/tests/pdf/un/*.xml 2>"$dir/xml.err" || true
	# the state folders hold the program's own hash: not an output
	rm -rf "$dir/text/.unpress" "$dir/xml/.unpress" "$dir/xml-alone/.unpress"
}
run "$work/a" "$work/old"
run "$work/b" "$top"
files=$(cd "$work/b" && find . -type f | wc -l)
if diff -r "$work/a" "$work/b" >"$work/diff" 2>&1; then
	echo "same outputs: $files files, byte for byte ($rev and this checkout)"
else
	echo "outputs differ ($rev and this checkout; $files files):"
	grep -E '^(Only in|Files|Binary files|diff)' "$work/diff" | head -20
	exit 1
fi
