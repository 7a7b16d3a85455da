#!/bin/sh
# hugo.sh — the HTML site of the General Assembly's whole 78th session
# (the UN's own AKN4UN files in six languages, as `make corpus-site`
# unpacks them) built by unpress from the XML, side by side in one run
# with Hugo (Debian's `hugo`) building a site from the same documents'
# Markdown editions with a minimal layout (a page per document, a home
# page listing them all, the sitemap; no taxonomies, no feeds).  Each
# build runs ROUNDS times (default 3), the two alternating, each into an
# empty folder; the best wall time of each, its CPU time and peak memory,
# the pages (HTML files) each made, and the ratio per page.  Every build
# writes into a folder of its own, all removed at the end: a build right
# after a deletion pays for it on ext4 (a new file skips the inodes freed
# in the last 30 s; tests/bench/scale.sh), and unpress writes seven times
# as many files as Hugo.
# Not a test dependency: apt-get install hugo first.
# Environment: CORPUS_ARCHIVE, BENCH_DIR (scratch, default
# $TMPDIR/unpress-bench-hugo), JOBS (unpress -j, default the cores),
# ROUNDS.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
UNPRESS=${UNPRESS:-$TOP/unpress}
ARCHIVE=${CORPUS_ARCHIVE:-$TOP/../shared/corpus/ga78-akn4un.tar.xz}
DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/unpress-bench-hugo}
JOBS=${JOBS:-$(nproc)}
ROUNDS=${ROUNDS:-3}
command -v hugo >/dev/null || { echo "hugo.sh: needs hugo (apt-get install hugo)" >&2; exit 69; }
[ -x /usr/bin/time ] || { echo "hugo.sh: needs GNU time (apt-get install time)" >&2; exit 69; }
rm -rf "$DIR"; mkdir -p "$DIR/in" || exit 73
tar xJf "$ARCHIVE" -C "$DIR/in" || exit 74
# the corpus as corpus_site.sh takes it (byte-identical copies left out)
find "$DIR/in" -name '*.xml' | LC_ALL=C sort | xargs sha256sum | awk '!seen[$1]++ { print $2 }' >"$DIR/inputs"
# Hugo's input: every document's Markdown edition as a content page, with
# a title in its front matter (the edition's own front matter, when it
# has one, is kept as it is)
# shellcheck disable=SC2046
"$UNPRESS" render -q -t md,xml --manifest -j "$JOBS" -o "$DIR/md" $(cat "$DIR/inputs") || exit 70
mkdir -p "$DIR/hugo/content/docs" "$DIR/hugo/layouts/_default"
/usr/bin/python3 - "$DIR/md" "$DIR/hugo/content/docs" <<'PY'
import glob, json, os, sys
from lxml import etree
src, dst = sys.argv[1:3]
for md in glob.glob(os.path.join(src, "*.md")):
    slug = os.path.basename(md)[:-3]
    text = open(md, encoding="utf-8").read()
    if not text.startswith("---\n"):
        m = etree.parse(os.path.join(src, slug + ".manifest.xml")).getroot()
        title = m.get("title") or m.get("symbol") or slug
        text = "---\ntitle: %s\nslug: %s\n---\n\n%s" % (json.dumps(title, ensure_ascii=False), json.dumps(slug), text)
    open(os.path.join(dst, slug + ".md"), "w", encoding="utf-8").write(text)
PY
cat >"$DIR/hugo/config.toml" <<'TOML'
baseURL = "/"
languageCode = "en"
title = "General Assembly, 78th session"
disableKinds = ["taxonomy", "term", "RSS"]
relativeURLs = true
uglyURLs = true
TOML
cat >"$DIR/hugo/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="{{ "/" | relURL }}">All documents</a></nav><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
HTML
cat >"$DIR/hugo/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
HTML
run_unpress() {
	# shellcheck disable=SC2046
	/usr/bin/time -f '%e %U %S %M' -o "$DIR/t.unpress" \
		"$UNPRESS" render -q -t html,site -j "$JOBS" -o "$DIR/site-$1" $(cat "$DIR/inputs")
}
run_hugo() {
	rm -rf "$DIR/hugo/resources"
	/usr/bin/time -f '%e %U %S %M' -o "$DIR/t.hugo" hugo --quiet -s "$DIR/hugo" -d "$DIR/public-$1" >/dev/null
}
best_u=999999 best_h=999999
for r in $(seq "$ROUNDS"); do
	run_unpress "$r" || exit 70
	run_hugo "$r" || exit 70
	read -r w u s m <"$DIR/t.unpress"
	echo "round $r: unpress ${w} s wall (${u} user + ${s} sys), ${m} KB"
	if awk "BEGIN { exit !($w < $best_u) }"; then best_u=$w; cpu_u=$(awk "BEGIN { print $u + $s }"); mem_u=$m; fi
	read -r w u s m <"$DIR/t.hugo"
	echo "round $r: hugo    ${w} s wall (${u} user + ${s} sys), ${m} KB"
	if awk "BEGIN { exit !($w < $best_h) }"; then best_h=$w; cpu_h=$(awk "BEGIN { print $u + $s }"); mem_h=$m; fi
done
pages_u=$(find "$DIR/site-1" -name '*.html' | wc -l)
pages_h=$(find "$DIR/public-1" -name '*.html' | wc -l)
rm -rf "$DIR"/site-* "$DIR"/public-*
docs=$(wc -l <"$DIR/inputs")
echo
echo "the 78th session, $docs documents, best of $ROUNDS (-j $JOBS):"
awk -v d="$docs" -v pu="$pages_u" -v ph="$pages_h" -v tu="$best_u" -v th="$best_h" -v cu="$cpu_u" -v ch="$cpu_h" \
	-v mu="$mem_u" -v mh="$mem_h" 'BEGIN {
	printf "  unpress -t html,site: %.2f s wall, %.2f s CPU, %d MB peak, %d pages: %.2f ms a page, %.2f ms a document\n",
		tu, cu, mu / 1024, pu, 1000 * tu / pu, 1000 * tu / d
	printf "  hugo (Markdown):      %.2f s wall, %.2f s CPU, %d MB peak, %d pages: %.2f ms a page, %.2f ms a document\n",
		th, ch, mh / 1024, ph, 1000 * th / ph, 1000 * th / d
	printf "  per page, unpress is %.2fx as fast as hugo (per document %.2fx; CPU per page %.2fx)\n",
		(th / ph) / (tu / pu), th / tu, (ch / ph) / (cu / pu)
}'
