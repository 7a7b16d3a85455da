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
check "search index is JSON with the corpus" $PY -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d['docs']) == 5, d['docs']
assert any('zebracorn' in u[2] for u in d['units'])
assert all(0 <= u[0] < 5 for u in d['units'])" "$dir/search-index.json"
check "no script in document pages" sh -c "! grep -l '<script' '$dir'/alpha.html '$dir'/index.html"
