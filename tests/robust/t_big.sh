#!/bin/sh
# Inputs at the extremes, generated here (never committed): each converts,
# keeps its words, and leaves well-formed output; a name too long for a file
# is refused with a message that says why.
. "$TOP/tests/lib.sh"; . "$TOP/tests/robust/lib.sh"
dir="$TESTS_OUT/robust-big"; rm -rf "$dir"; mkdir -p "$dir"
cd "$dir" || exit 1
PY=/usr/bin/python3
wellformed() { xmllint --noout --huge "$1"; }

# One line of 50 MB (no line break, no space to break at).
$PY -c "import sys; sys.stdout.write('Report ' + 'x' * (50 * 1024 * 1024) + ' end.\n')" >line.txt
run_case line-50mb 0 "*" line.txt -t xml,md
check "line-50mb: well-formed XML" wellformed line-50mb/line.xml
check "line-50mb: the whole line is in the XML" sh -c \
	"[ \$(grep -o 'x*' line-50mb/line.xml | awk '{ if (length > m) m = length } END { print m }') -eq $((50 * 1024 * 1024)) ]"
check "line-50mb: and in the Markdown" grep -q ' end\.' line-50mb/line.md
rm -f line.txt line-50mb/line.*

# 100,000 footnote markers with their definitions.
$PY -c "
print('Report of the meeting\n')
for i in range(1, 100001): print(f'{i}. Paragraph with a note.<sup>{i}</sup> More text.\n')
for i in range(1, 100001): print(f'<sup>{i}</sup> Footnote {i} text.\n')" >notes.txt
run_case notes-100k 0 "*" notes.txt -q -t xml,md,html
check "notes-100k: well-formed XML" wellformed notes-100k/notes.xml
# footnote numbers stop at 9,999 (four digits): above that the text stays text
check "notes-100k: notes 1 to 9,999 became notes" \
	sh -c "[ \$(grep -c '<authorialNote' notes-100k/notes.xml) -eq 9999 ]"
check "notes-100k: no words lost (the last definition)" grep -q 'Footnote 100000 text.' notes-100k/notes.xml
check "notes-100k: no words lost (the last paragraph)" grep -q 'Paragraph with a note.<sup>100000</sup>' notes-100k/notes.xml

# Lists and quotes nested 10,000 deep.
$PY -c "print('- ' * 10000 + 'the deepest item')" >deep-bullets.txt
$PY -c "print('1. ' * 10000 + 'the deepest item')" >deep-numbers.txt
$PY -c "print('> ' * 10000 + 'the deepest quote')" >deep-quotes.txt
for f in deep-bullets deep-numbers deep-quotes; do
	run_case "$f" 0 "*" "$f.txt" -t xml,md,html,pdf
	check "$f: well-formed XML" wellformed "$f/$f.xml"
	check "$f: the deepest text survives" grep -q 'the deepest' "$f/$f.xml"
done

# A symbol of 100 KB: too long to name a file; said plainly, nothing written.
$PY -c "
s = 'A/' + 'AB/' * 34000 + '1'
print('United Nations ' + s + '\n\nDistr.: General\n\nText citing ' + s + '.')" >symbol.txt
run_case symbol-100kb 65 "*error: the document's name \"A-AB-AB-*\" is 102003 bytes long, too long for a file name*" symbol.txt
check "symbol-100kb: the message is one short line" sh -c "[ \$(grep 'error:' symbol-100kb.err | wc -c) -lt 400 ] && [ \$(grep -c 'error:' symbol-100kb.err) -eq 1 ]"
check "symbol-100kb: nothing written" sh -c "[ -z \"\$(ls -A symbol-100kb 2>/dev/null)\" ]"
# A long symbol that still fits a file name converts.
$PY -c "
s = 'A/' + 'AB/' * 60 + '1'
print('United Nations ' + s + '\n\nDistr.: General\n\nText citing ' + s + '.')" >symbol-long.txt
run_case symbol-183b 0 "*" symbol-long.txt
check "symbol-183b: named after its symbol" test -f "symbol-183b/A-$($PY -c "print('AB-' * 60)")1.xml"
check "no temporary file left anywhere" no_temp "$dir"/*
