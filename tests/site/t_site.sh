#!/bin/sh
# The site: built from a small corpus that cites itself (tests/site/corpus)
# plus the contract fixtures; cross-links, backlinks, external-symbol pages,
# index variants, search index, sitemap, and a link check of every page.
. "$TOP/tests/lib.sh"
dir="$TESTS_OUT/site"
rm -rf "$dir"; mkdir -p "$dir"
check "build site" "$UNPRESS" render -q -t html,site -o "$dir" "$TOP"/tests/site/corpus/*.xml "$TOP"/tests/fixtures/*.xml
$PY "$TOP/tests/site/check_site.py" "$dir"
for f in index.html index-title.html index-type.html index-date.html search.html search.js \
	search-index.json search-index.js sitemap.xml unpress.css; do
	check "site has $f" test -s "$dir/$f"
done
q() { $PY -c "import sys; from lxml import html; print(html.parse(sys.argv[1]).getroot().xpath(sys.argv[2]))" "$@"; }
expect "symbol link rewritten to local page with pinpoint" "['beta.html#para_2']" \
	"$(q "$dir/alpha.html" "//a[normalize-space()='TEST/2024/2, para. 2']/@href")"
expect "symbol link rewritten to local page" "['beta.html']" \
	"$(q "$dir/alpha.html" "//a[normalize-space()='TEST/2024/2']/@href")"
expect "named resolution linked by its number" "['gamma.html']" \
	"$(q "$dir/alpha.html" "//a[normalize-space()='resolution 11/3']/@href")"
expect "external symbol stays on undocs.org" "['https://undocs.org/A/RES/99/1']" \
	"$(q "$dir/alpha.html" "//div[@id='para_2']/div//a[normalize-space()='A/RES/99/1']/@href")"
expect "cited paragraph lists its citer" "['alpha.html#para_1']" \
	"$(q "$dir/beta.html" "//div[@id='para_2']/aside[@class='citedby']/a/@href")"
expect "document lists who cites it" "2.0" \
	"$(q "$dir/beta.html" "count(//section[@class='citedby-doc']//li)")"
expect "resolution lists who cites it" "['alpha.html#para_2']" \
	"$(q "$dir/gamma.html" "//section[@class='citedby-doc']//li/a[1]/@href")"
expect "external symbol page lists citing paragraphs" "2.0" \
	"$(q "$dir/cited-A_RES_99_1.html" "count(//ul[@class='cites']/li/a[@href='alpha.html#para_2'])")"
expect "index links the external page" "['cited-A_RES_99_1.html']" \
	"$(q "$dir/index.html" "//ul[@class='externals']//a[.='A/RES/99/1']/@href")"
expect "index lists every document" "5.0" "$(q "$dir/index.html" "count(//table//tbody/tr)")"
expect "index sorted by date" "['beta.html', 'gamma.html', 'alpha.html']" \
	"$(q "$dir/index-date.html" "//tbody/tr[td[4]/time[starts-with(@datetime, '2024-0')]]/td[1]/a/@href")"
expect "sitemap lists every document" "5" \
	"$(xmllint --xpath "count(//*[local-name()='url'][contains(*, '.html') and not(contains(*, 'index')) and not(contains(*, 'search')) and not(contains(*, 'cited-'))])" "$dir/sitemap.xml")"
# the search index: gathered from its shards (tests/site/search_index.py
# checks that the directory, the shards and their scripts agree)
$PY "$TOP/tests/site/search_index.py" "$dir" >"$dir.search" 2>&1 || echo "not ok - search index reads"
check "search index holds the corpus" $PY -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['shards'] == 1, d['shards']
assert sorted(d['docs']) == ['alpha', 'beta', 'contract-report', 'contract-resolution', 'gamma'], d['docs']
assert d['docs']['alpha'][:2] == ['TEST/2024/1', 'Test document alpha'], d['docs']['alpha']
assert any('zebracorn' in u[2] for u in d['units'] if u[0] == 'gamma')
assert {u[0] for u in d['units']} == set(d['docs'])" "$dir.search"
# many shards (the testing knob: one document to a shard at most): the same
# index, cut into 8 shards (5 documents → the next power of two), each
# document in the one its slug hashes to
rm -rf "$dir-shards"
UNPRESS_SEARCH_SHARD_DOCS=1 "$UNPRESS" render -q -t html,site -o "$dir-shards" \
	"$TOP"/tests/site/corpus/*.xml "$TOP"/tests/fixtures/*.xml
$PY "$TOP/tests/site/search_index.py" "$dir-shards" >"$dir-shards.search" 2>&1 ||
	echo "not ok - sharded search index reads"
check "sharded search index: 8 shards, the same documents and units" $PY -c "
import json, sys
one, many = (json.load(open(f)) for f in sys.argv[1:])
assert many['shards'] == 8, many['shards']
assert len({d[2] for d in many['docs'].values()}) >= 2, many['docs']
assert {k: v[:2] for k, v in one['docs'].items()} == {k: v[:2] for k, v in many['docs'].items()}
assert sorted(one['units']) == sorted(many['units'])" "$dir.search" "$dir-shards.search"
check "sharded search index: shard files named by number" \
	test -s "$dir-shards/search/07.json" -a -s "$dir-shards/search/07.js"
check "no script in document pages" sh -c "! grep -l '<script' '$dir'/alpha.html '$dir'/index.html"
