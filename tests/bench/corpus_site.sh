#!/bin/sh
# corpus_site.sh — `make corpus-site`: the UN's own AKN4UN files of the
# General Assembly's 78th session in its six languages
# (../shared/corpus/ga78-akn4un.tar.xz, about 1,960 files), every edition
# of every file and the site, built in one run into a scratch folder, then
# figures: documents, pages, links resolved in the collection and left
# outside, time, peak memory; then the site checked as tests/site checks
# the sample (every in-corpus reference a link in the citing language,
# every internal link resolving).  A benchmark, not part of `make test`.
#
# Environment: CORPUS_ARCHIVE (the archive), CORPUS_SITE_DIR (the scratch
# folder, emptied first; default $TMPDIR/unpress-corpus-site), JOBS
# (default: the cores), EDITIONS (default xml,html,md,pdf,site), CHECK=0
# to skip the checks, UNPRESS (the program, default ./unpress).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
UNPRESS=${UNPRESS:-$TOP/unpress}
ARCHIVE=${CORPUS_ARCHIVE:-$TOP/../shared/corpus/ga78-akn4un.tar.xz}
SCRATCH=${CORPUS_SITE_DIR:-${TMPDIR:-/tmp}/unpress-corpus-site}
JOBS=${JOBS:-$(nproc)}
EDITIONS=${EDITIONS:-xml,html,md,pdf,site}
PY=/usr/bin/python3
if [ ! -f "$ARCHIVE" ]; then
	echo "corpus-site: no archive $ARCHIVE (set CORPUS_ARCHIVE)" >&2
	exit 66
fi
if [ ! -x /usr/bin/time ]; then
	echo "corpus-site: needs GNU time (/usr/bin/time: apt-get install time)" >&2
	exit 69
fi
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/in" "$SCRATCH/out" || exit 73
echo "corpus-site: unpacking $(basename "$ARCHIVE") into $SCRATCH/in"
tar xJf "$ARCHIVE" -C "$SCRATCH/in" || exit 74
# Byte-identical copies are one document (the archive's Russian folder
# holds three French files): the first of each, in name order, is kept;
# unpress would refuse the others as publishing under a name taken.
find "$SCRATCH/in" -name '*.xml' | LC_ALL=C sort | xargs sha256sum >"$SCRATCH/sums"
awk '!seen[$1]++ { print $2 }' "$SCRATCH/sums" >"$SCRATCH/inputs"
awk 'seen[$1]++ { print $2 }' "$SCRATCH/sums" >"$SCRATCH/copies"
files=$(wc -l <"$SCRATCH/sums")
copies=$(wc -l <"$SCRATCH/copies")
echo "corpus-site: $files files, $copies byte-identical cop$( [ "$copies" = 1 ] && echo y || echo ies) of others left out:"
sed "s|^$SCRATCH/in/|    |" "$SCRATCH/copies"
echo "corpus-site: unpress render -t $EDITIONS -j $JOBS (progress on a terminal)"
# shellcheck disable=SC2046
/usr/bin/time -f '%e %U %S %M' -o "$SCRATCH/time" \
	"$UNPRESS" render -t "$EDITIONS" -j "$JOBS" -o "$SCRATCH/out" $(cat "$SCRATCH/inputs")
rc=$?
read -r wall user sys peak <"$SCRATCH/time"
out="$SCRATCH/out"
report="$out/.unpress/site-report"
count() { find "$out" -maxdepth 1 -name "$1" | wc -l; }
val() { [ -f "$report" ] && awk -v k="$1" '$1 == k { print $2 }' "$report"; }
echo
echo "corpus-site: figures"
printf '  documents          %s in %s languages (unpress exit %s)\n' "$(val documents)" "$(val languages)" "$rc"
printf '  pages              %s HTML (%s documents, %s outside symbols, %s index, search and sitemap), %s Markdown, %s PDF, %s XML\n' \
	"$(count '*.html')" "$(count '*.manifest.xml')" "$(count 'cited-*.html')" \
	"$(( $(count 'index*.html') + $(count 'search*.html') + $(count 'sitemap.xml') ))" \
	"$(count '*.md')" "$(count '*.pdf')" "$(( $(count '*.xml') - $(count '*.manifest.xml') - $(count 'sitemap.xml') ))"
printf '  links in corpus    %s references resolved to a document of the collection\n' "$(val links-inside)"
printf '  links outside      %s references to %s symbols not in it (each with a page; the links go to undocs.org)\n' \
	"$(val links-outside)" "$(val outside-symbols)"
printf '  time               %s s wall, %s s user, %s s system CPU\n' "$wall" "$user" "$sys"
printf '  peak memory        %s MB (the largest process)\n' "$((peak / 1024))"
if [ "${CHECK:-1}" != 0 ] && [ -f "$report" ]; then
	echo
	echo "corpus-site: checks (tests/site/check_languages.py, check_site.py)"
	# shellcheck disable=SC2046
	$PY "$TOP/tests/site/check_languages.py" "$out" $(cat "$SCRATCH/inputs") | sed 's/^/  /'
	$PY "$TOP/tests/site/check_site.py" "$out" | sed 's/^/  /'
fi
exit $rc
