#!/usr/bin/python3
"""search_index.py OUT — read the site's search index the way a tool or the
browser does (format: src/site/search_index.c) and check that its parts
agree; print the gathered index as JSON:
    {"shards": N, "docs": {slug: [symbol, title, shard]},
     "units": [[slug, eId, text], …]}   (units in the order search.js
                                         searches them)
Fails (exit 1, the reason on stderr) when:
  - search-index.json and search-index.js do not name the same shards, or
    a shard named is missing;
  - a shard's script is not its JSON between the registering head and ";";
  - a unit points outside its shard's docs, or a document is in two shards;
  - search/ holds a file that no shard is (a stale shard of an earlier
    build)."""
import json
import os
import re
import sys


def fail(why):
    print("search_index.py: " + why, file=sys.stderr)
    sys.exit(1)


out = sys.argv[1]
directory = json.load(open(os.path.join(out, "search-index.json"), encoding="utf-8"))
script = open(os.path.join(out, "search-index.js"), encoding="utf-8").read()
m = re.search(r"^window\.UNPRESS_SEARCH = (.*)\n;\n\Z", script, re.M | re.S)
if not m:
    fail("search-index.js is not 'window.UNPRESS_SEARCH = {…};': " + script[:200])
scripts = json.loads(m.group(1))["shards"]
names = directory["shards"]
if [n[:-len(".json")] for n in names] != [n[:-len(".js")] for n in scripts]:
    fail("the JSON and the script name other shards: %s %s" % (names, scripts))
if not names or len(names) & (len(names) - 1):
    fail("the shard count is not a power of two: %d" % len(names))

docs, units = {}, []
for k, (name, js_name) in enumerate(zip(names, scripts)):
    raw = open(os.path.join(out, name), encoding="utf-8").read()
    shard = json.loads(raw)
    js = open(os.path.join(out, js_name), encoding="utf-8").read()
    head = '(window.UNPRESS_SEARCH_SHARDS = window.UNPRESS_SEARCH_SHARDS || {})["%s"] = ' % js_name
    start = js.find(head)
    if start < 0 or js[start + len(head):] != raw + ";\n":
        fail("%s is not %s as a script registered under its name" % (js_name, name))
    for slug, symbol, title in shard["docs"]:
        if slug in docs:
            fail("%s is in two shards" % slug)
        docs[slug] = [symbol, title, k]
    for doc, eid, text in shard["units"]:
        if not 0 <= doc < len(shard["docs"]):
            fail("%s: unit %s points outside the shard's docs" % (name, eid))
        units.append([shard["docs"][doc][0], eid, text])

made = {n for pair in zip(names, scripts) for n in pair}
for f in sorted(os.listdir(os.path.join(out, "search"))):
    if "search/" + f not in made:
        fail("search/%s is no shard of this index (stale)" % f)
json.dump({"shards": len(names), "docs": docs, "units": units}, sys.stdout, ensure_ascii=False)
