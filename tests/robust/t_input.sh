#!/bin/sh
# Broken and unexpected input: each case gets its message and exit code,
# and what can be converted is converted without losing the words.
. "$TOP/tests/lib.sh"; . "$TOP/tests/robust/lib.sh"
dir="$TESTS_OUT/robust-input"; rm -rf "$dir"; mkdir -p "$dir"
cd "$dir" || exit 1

: >empty.txt
run_case empty 65 "*empty.txt: error: the file is empty*" empty.txt
printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n' >paper.txt
run_case pdf 65 "*a PDF file, not text: extract its text first*pdftotext*" paper.txt
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >scan.png
run_case png 65 "*a PNG image, not text*" scan.png
printf 'PK\003\004\024\0\006\0' >report.docx
run_case docx 65 "*a ZIP archive (or a DOCX/ODT document), not text*" report.docx
head -c 4096 /dev/zero >zeros.txt
run_case binary 65 "*looks like binary data (4096 NUL bytes)*" zeros.txt

# Invalid UTF-8 among valid UTF-8: replaced by U+FFFD, first offset reported.
printf 'Caf\303\251 and a bad \377\376 pair.\n\nNext paragraph.\n' >bad-utf8.txt
run_case bad-utf8 0 "*warning: invalid UTF-8 at byte offset 16 (2 bad bytes replaced by U+FFFD)*" bad-utf8.txt
check "bad-utf8: the bad bytes are U+FFFD, the rest kept" \
	grep -q 'Café and a bad ��' bad-utf8/bad-utf8.xml

# No valid multi-byte sequence at all: read as Windows-1252 / Latin-1.
printf 'Caf\351 na\357ve \223quoted\224\n' >latin1.txt
run_case latin1 0 "*not UTF-8 (first bad byte at offset 3): read as Windows-1252/Latin-1*" latin1.txt
check "latin1: é, ï and curly quotes decoded" grep -q 'Café naïve “quoted”' latin1/latin1.xml

# UTF-16 with a byte order mark, both byte orders.
printf 'Caf\303\251 \342\202\254 5 and \360\235\204\236 clef.\n\nSecond paragraph.\n' >utf8.txt
for bo in LE BE; do
	{ if [ $bo = LE ]; then printf '\377\376'; else printf '\376\377'; fi
	  iconv -f UTF-8 -t UTF-16$bo utf8.txt; } >utf16$bo.txt
	run_case utf16$bo 0 "*" utf16$bo.txt
	check "utf16$bo: decoded (é, €, a surrogate pair)" grep -q 'Café € 5 and 𝄞 clef.' utf16$bo/utf16$bo.xml
done

# CRLF and lone CR line ends become LF.
printf 'Title line\r\n\r\nFirst paragraph\r\ncontinues here.\r\n\r\nOld Mac\rparagraph.\r\n' >crlf.txt
run_case crlf 0 "*" crlf.txt
check "crlf: no CR survives" sh -c "! grep -q \"\$(printf '\\r')\" crlf/crlf.xml"
check "crlf: the paragraph's lines joined" grep -q 'First paragraph continues here.' crlf/crlf.xml

# NUL bytes (and other control characters) are removed, with a warning.
printf 'Hel\0lo wor\001ld.\n\nMore\0 text.\n' >nul.txt
run_case nul 0 "*removed 3 control characters (NUL and the like)*" nul.txt
check "nul: words rejoined" grep -q 'Hello world.' nul/nul.xml
# a control byte deep inside a long run of plain ASCII (the decoder skips
# such runs eight bytes at a time: it must still see the one byte)
printf 'A long line of ordinary text and\035 one control byte, then more plain text\001.\n' >ctl.txt
run_case ctl 0 "*removed 2 control characters (NUL and the like)*" ctl.txt
check "ctl: none reaches the XML" sh -c "! grep -q \"\$(printf '[\\001\\035]')\" ctl/ctl.xml"
check "ctl: the words around it kept" grep -q 'ordinary text and one control byte, then more plain text.' ctl/ctl.xml

# Input paths that are not readable files.
run_case missing 66 "*missing.txt: error: cannot open: No such file or directory*" missing.txt
mkdir -p adir
run_case directory 66 "*adir: error: is a directory, not a text file*" adir
if [ "$(id -u)" -ne 0 ]; then
	echo text >locked.txt; chmod 000 locked.txt
	run_case unreadable 66 "*locked.txt: error: cannot open: Permission denied*" locked.txt
else
	skip "unreadable: a mode-000 file" "running as root, which reads it anyway"
fi
# A file that opens but fails on read, for root too: /proc/self/mem at offset 0.
run_case read-error 66 "*error: cannot read: Input/output error*" /proc/self/mem
check "no temporary file left anywhere" no_temp "$dir"/*
