"""check_languages.py SITE XML... — a site built from documents in several
languages (the UN's own AKN4UN files of tests/corpus/ga78, the last letter
of a name its language): every page in its language and direction, linked
to its language versions (switch, hreflang, sitemap); an index and a
search per language, holding that language's documents only; and every
in-corpus reference of the UN's markup (a href to undocs.org for a symbol
of the collection) a link to the cited document's page in the citing
document's own language.  What is expected is worked out here from the
XML, not from the site."""
import json
import os
import re
import sys
from collections import defaultdict
from lxml import etree, html

AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
LANG = {"A": ("ar", "rtl"), "C": ("zh", "ltr"), "E": ("en", "ltr"), "F": ("fr", "ltr"), "R": ("ru", "ltr"),
        "S": ("es", "ltr")}
site, xmls = sys.argv[1], sys.argv[2:]


def report(name, ok, detail=""):
    print(("ok - " if ok else "not ok - ") + name)
    if not ok and detail:
        print("    " + str(detail)[:700])


def page(name):
    return html.parse(os.path.join(site, name)).getroot()


docs = {}   # slug -> (symbol, lang, dir, xml tree)
for x in xmls:
    slug = os.path.basename(x)[:-4]
    tree = etree.parse(x)
    symbol = tree.xpath("normalize-space(//a:coverPage//a:docNumber)", namespaces=AKN)
    docs[slug] = (symbol, *LANG[slug[-1]], tree)
versions = defaultdict(dict)   # symbol -> lang -> slug
for slug, (symbol, lang, _, _) in sorted(docs.items()):
    versions[symbol.upper()].setdefault(lang, slug)
count = defaultdict(int)
for slug, (_, lang, _, _) in docs.items():
    count[lang] += 1
first = sorted(count, key=lambda l: (-count[l], ["ar", "zh", "en", "fr", "ru", "es"].index(l)))[0]

# every document's page: language, direction, versions
wrong, unswitched, unalternated = [], [], []
for slug, (symbol, lang, direction, _) in sorted(docs.items()):
    p = page(slug + ".html")
    if (p.get("lang"), p.get("dir")) != (lang, direction):
        wrong.append((slug, p.get("lang"), p.get("dir")))
    vs = versions[symbol.upper()]
    # only the first document of a language under a symbol is one of its
    # versions (the UN's XML has covers with another resolution's number)
    want = {l: s + ".html" for l, s in vs.items()} if len(vs) > 1 and vs[lang] == slug else {}
    alts = {l.get("hreflang"): l.get("href") for l in p.xpath("//head/link[@rel='alternate']")}
    if alts != want:
        unalternated.append((slug, alts, want))
    switch = {a.get("hreflang"): a.get("href") for a in p.xpath("//nav[@class='site']/ul[@class='languages']//a")}
    current = p.xpath("//nav[@class='site']/ul[@class='languages']//a[@aria-current='page']/@hreflang")
    if switch != want or (want and current != [lang]) or any(
            a.get("lang") != a.get("hreflang") for a in p.xpath("//ul[@class='languages']//a")):
        unswitched.append((slug, switch, current))
report("every page in its language and direction (%d)" % len(docs), not wrong, wrong)
report("every page names its language versions as hreflang alternates", not unalternated, unalternated[:2])
report("every page has a language switch to its versions, itself current", not unswitched, unswitched[:2])
nav = [(s, page(s + ".html").xpath("//nav[@class='site']/a/@href")) for s in docs]
misnav = [(s, n) for s, n in nav if n != (["index.html", "search.html"] if docs[s][1] == first else
                                            ["index-%s.html" % docs[s][1], "search-%s.html" % docs[s][1]])]
report("every page links to its language's index and search", not misnav, misnav[:3])

# an index and a search per language
for lang in sorted(count):
    suffix = "" if lang == first else "-" + lang
    for kind in ("", "-title", "-type", "-date"):
        idx = page("index%s%s.html" % (suffix, kind))
        listed = sorted(h[:-5] for h in idx.xpath("//table[@class='documents']//td[1]/a/@href"))
        mine = sorted(s for s, d in docs.items() if d[1] == lang)
        ok = listed == mine and idx.get("lang") == lang and (idx.get("dir") == "rtl") == (lang == "ar")
        ok = ok and len(idx.xpath("//ul[@class='languages']//a")) == len(count)
        report("index%s%s.html: the %d documents in %s, in %s" % (suffix, kind, len(mine), lang, lang), ok,
               (listed, idx.get("lang"), idx.get("dir")))
    search = page("search%s.html" % suffix)
    script = search.xpath("//script/@src")
    ok = script[0] == "search-index%s.js" % suffix and search.get("lang") == lang
    # its shards hold its documents, and only those
    directory = json.load(open(os.path.join(site, "search-index%s.json" % suffix)))
    held = sorted(d[0] for s in directory["shards"] for d in json.load(open(os.path.join(site, s)))["docs"])
    report("search%s.html: searches the %s index, which holds the %s documents" % (suffix, lang, lang),
           ok and held == sorted(s for s, d in docs.items() if d[1] == lang), (script, held))
    if lang != "en":
        said = search.xpath("//p[@id='search-status']/@data-none")
        report("search%s.html: its messages in %s" % (suffix, lang), bool(said) and said[0] != "Nothing found.", said)

# the sitemap: each version lists all versions of its symbol
sm = etree.parse(os.path.join(site, "sitemap.xml"))
SM = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
bad = []
for slug, (symbol, lang, _, _) in docs.items():
    url = sm.xpath("//s:url[s:loc=$l]", l=slug + ".html", namespaces=SM)
    got = sorted((l.get("hreflang"), l.get("href")) for l in url[0].xpath("x:link", namespaces=SM)) if url else None
    vs = versions[symbol.upper()]
    want = sorted((l, s + ".html") for l, s in vs.items()) if len(vs) > 1 and vs[lang] == slug else []
    if got != want:
        bad.append((slug, got, want))
report("sitemap: every document with its language versions (xhtml:link)", not bad, bad[:2])

# every in-corpus reference of the UN's markup is a link to the cited
# document's page in the citing document's language (its own, else any)
UNDOCS = re.compile(r"https?://(?:www\.)?undocs\.org/(?:(?:ar|ch|zh|en|fr|ru|es|sp|de)/)?(.+)$", re.I)
expected, unlinked = 0, []
for slug, (symbol, lang, _, tree) in sorted(docs.items()):
    p = page(slug + ".html")
    for a in tree.xpath("//a:a[@href][not(ancestor::a:meta)]", namespaces=AKN):
        m = UNDOCS.match(a.get("href").strip())
        if not m or m.group(1).upper() not in versions or m.group(1).upper() == symbol.upper():
            continue
        vs = versions[m.group(1).upper()]
        # in the citing language, else the collection's first, else the
        # first in name order
        target = (vs.get(lang) or vs.get(first) or min(vs.values())) + ".html"
        text = " ".join("".join(a.itertext()).split())
        expected += 1
        found = p.xpath("//a[@class='xref'][normalize-space()=$t][@href=$h]", t=text, h=target)
        if not found:
            unlinked.append((slug, a.get("href"), target))
report("every in-corpus reference links to the page in the citing language (%d)" % expected,
       expected > 0 and not unlinked, unlinked[:5])
report_file = dict(l.split() for l in open(os.path.join(site, ".unpress", "site-report")))
report("the site report counts them (%d)" % expected, int(report_file["links-inside"]) == expected, report_file)
# every search result lands on its place: each unit's id is an id of its page
ids, misplaced = {}, []
for lang in sorted(count):
    suffix = "" if lang == first else "-" + lang
    directory = json.load(open(os.path.join(site, "search-index%s.json" % suffix)))
    for s in directory["shards"]:
        shard = json.load(open(os.path.join(site, s)))
        for u in shard["units"]:
            slug = shard["docs"][u[0]][0]
            if slug not in ids:
                ids[slug] = set(page(slug + ".html").xpath("//@id"))
            if u[1] not in ids[slug]:
                misplaced.append((slug, u[1]))
report("every search unit is an id of its page (%d pages)" % len(ids), ids and not misplaced, misplaced[:5])
