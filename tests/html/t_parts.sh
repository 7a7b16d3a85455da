#!/bin/sh
# The HTML edition part by part (src/html/walk.c, issue 14).  A conversion
# writes the XML and the HTML edition reads it back a part at a time; with
# --manifest the map step keeps the whole tree and the edition renders
# that.  Both pages must be the same bytes, for documents whose notes sit
# in the cover, the preamble, chapters, hcontainers and annexes; the notes
# list must hold every reference's note, in document order; and the page
# part by part must cost a fraction of the memory.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/html-parts"
rm -rf "$dir"; mkdir -p "$dir/parts" "$dir/whole"
export SOURCE_DATE_EPOCH=1700000000
# parts-chapters.txt: a resolution in each of three chapters, each
# chapter a copy the walk frees before the next (libxslt remembered the
# nodes its patterns had matched in the one before: walk.c forget_matches)
set -- "$TOP"/input/*.txt "$TOP"/tests/read/inputs/*.txt "$TOP"/tests/markdown/inputs/*.md \
	"$TOP"/tests/html/parts-chapters.txt
"$UNPRESS" -q -j 2 -t xml,html -o "$dir/parts" "$@" 2>"$dir/parts.err"
"$UNPRESS" -q -j 2 -t html --manifest -o "$dir/whole" "$@" 2>"$dir/whole.err"
n=0
for page in "$dir"/whole/*.html; do
	base=$(basename "$page")
	n=$((n + 1))
	if cmp -s "$page" "$dir/parts/$base"; then
		echo "ok - part by part: $base is the whole tree's page"
	else
		echo "not ok - part by part: $base differs from the whole tree's page"
		cmp "$page" "$dir/parts/$base" 2>&1 | sed 's/^/    /'
	fi
done
check "part by part: pages were compared" test "$n" -gt 10
# what the comparison covered: notes where the walk treats them apart
$PY - "$dir/parts" <<'EOF'
import glob, re, sys
from lxml import etree
A = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
where = {"coverPage": 0, "preamble": 0, "chapter": 0, "hcontainer": 0, "attachment": 0}
for xml in sorted(glob.glob(sys.argv[1] + "/*.xml")):
    if xml.endswith(".manifest.xml"):
        continue
    tree = etree.parse(xml)
    for note in tree.iter(A + "authorialNote"):
        for anc in note.iterancestors():
            name = etree.QName(anc).localname
            if name in where:
                where[name] += 1
    # the notes list: one item per reference, in the references' order
    page = open(xml[:-4] + ".html", encoding="utf-8").read()
    refs = re.findall(r'id="fnref_([^"]+)"', page)
    items = re.findall(r'<li id="([^"]+)"[^>]*><a class="backref"', page)
    name = xml.rsplit("/", 1)[1]
    if refs == items:
        print("ok - part by part: %s lists its %d notes in document order" % (name, len(refs)))
    else:
        print("not ok - part by part: %s: notes list %s, references %s" % (name, items[:8], refs[:8]))
for name, count in sorted(where.items()):
    print("%s - part by part: the inputs hold notes in a %s (%d)" % ("ok" if count else "not ok", name, count))
EOF
# memory: 512 KB of dense notes (the shape that held 240 times its size),
# part by part against the whole tree, peak RSS (not under ASan, whose
# quarantine keeps what is freed)
case "${ASAN_OPTIONS:-}" in
*detect_leaks*) skip "part by part: memory" "ASan keeps freed memory in quarantine" ;;
*)
	$PY - "$dir/notes.txt" <<'EOF'
import sys
body, i = [], 1
while sum(map(len, body)) < 512 * 1024:
    body.append("%d. Item %d of the report.<sup>%d</sup>\n<sup>%d</sup> See A/RES/76/%d.\n" % (i, i, i % 999 + 1, i % 999 + 1, i))
    i += 1
open(sys.argv[1], "w").write("Report\n\n" + "".join(body))
EOF
	/usr/bin/python3 "$TOP/tests/robust/peak.py" "$dir/parts.peak" "$UNPRESS" -q -t html -o "$dir/mp" "$dir/notes.txt"
	/usr/bin/python3 "$TOP/tests/robust/peak.py" "$dir/whole.peak" "$UNPRESS" -q -t html --manifest -o "$dir/mw" "$dir/notes.txt"
	parts=$(cat "$dir/parts.peak") whole=$(cat "$dir/whole.peak")
	check "part by part: the notes page is the whole tree's" cmp -s "$dir/mp/notes.html" "$dir/mw/notes.html"
	if [ $((parts * 2)) -lt "$whole" ]; then
		echo "ok - part by part: 512 KB of notes peak at $parts KB, the whole tree at $whole KB"
	else
		echo "not ok - part by part: 512 KB of notes peak at $parts KB, the whole tree at $whole KB (not under half)"
	fi ;;
esac

# A footnote cited in a chapter's heading and in an annex's title: its
# marker stays in the heading, its text goes to the notes list, never
# into the contents list's entry (it did, as the entry was the heading's
# whole text).
mkdir -p "$dir/hn"
cat >"$dir/hn/heading-notes.txt" <<'TXT'
# Report on headings

## I. Introduction<sup>1</sup>

1. The Group met.

## II. Findings

2. The Group found.

## III. Conclusions

3. The Group concluded.

---

<sup>1</sup> The note of the first heading.

## Annex

### **Statement of the Chair**

1. The Chair spoke.
TXT
"$UNPRESS" -q -t html -o "$dir/hn" "$dir/hn/heading-notes.txt"
toc=$(grep -o '<nav class="toc".*</nav>' "$dir/hn/heading-notes.html")
check "a heading's note: the contents entry has the heading" sh -c "echo '$toc' | grep -q 'Introduction</a>'"
check "a heading's note: not its text" sh -c "! echo '$toc' | grep -q 'note of the first heading'"
check "a heading's note: the notes list has it" grep -q 'The note of the first heading' "$dir/hn/heading-notes.html"
check "a heading's note: the annex is listed" sh -c "echo '$toc' | grep -q 'Annex'"
