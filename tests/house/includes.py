#!/usr/bin/python3
"""The include graph of src/, by room (`make deps`; the test t_includes.sh).

A room is a folder of src/ (main.c is a room of its own).  The pipeline
sets their floors: a document is read, normalised, built into AKN, then
each edition reads the XML, the site reduces over the manifests and the
batch drives it all from the command line.  A file may include its own
room's headers and those of rooms on lower floors, never a room on its
own floor or above: so the arrows point one way and no circle can form.

Usage: includes.py [--check] [--dot FILE] [SRC]
  (no option)  the rooms and their arrows, as text
  --check      exit 1, naming each include that points sideways or up
  --dot FILE   the room graph in Graphviz's dot language
"""
import os
import re
import sys
from collections import defaultdict

# floor of each room, lowest first (the order of the pipeline)
FLOORS = {
    "util": 1,       # allocation, buffers, files, hashing, the process pool
    "doc": 2,        # the document on its way: blocks, markup, UN conventions
    "read": 3,       # bytes → blocks (decoding, cmark-gfm, the page model)
    "normalise": 3,  # the passes over the blocks
    "akn": 4,        # the XML: build, write, validate, manifest, the shared reader
    "html": 5,       # the editions, each reading only the XML
    "markdown": 5,
    "pdf": 5,
    "site": 6,       # the reduce step over the manifests
    "batch": 7,      # one document through the rooms; many documents
    "main.c": 8,     # the command line
    "fuzz": 9,       # the fuzzers' harnesses (not part of the program)
}


def room_of(path):
    """The room of a path under src/ ("src/read/pages.c" → "read")."""
    rel = os.path.relpath(path, "src")
    first = rel.split(os.sep)[0]
    return first


def scan(src):
    """{file: [(line number, included file)]} for every .c and .h."""
    graph = {}
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(root, name)
            incs = []
            with open(path, encoding="utf-8") as f:
                for no, line in enumerate(f, 1):
                    m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                    if not m:
                        continue
                    # as the compiler finds it: beside the file, else -Isrc
                    here = os.path.normpath(os.path.join(root, m.group(1)))
                    rooted = os.path.normpath(os.path.join(src, m.group(1)))
                    target = here if os.path.exists(here) else rooted
                    incs.append((no, target))
            graph[path] = incs
    return graph


def main():
    args = sys.argv[1:]
    check = "--check" in args
    dot = None
    if "--dot" in args:
        dot = args[args.index("--dot") + 1]
        del args[args.index("--dot"):args.index("--dot") + 2]
    args = [a for a in args if a != "--check"]
    src = args[0] if args else "src"
    os.chdir(os.path.dirname(os.path.abspath(src)) or ".")
    src = os.path.basename(os.path.abspath(src))
    graph = scan(src)
    arrows = defaultdict(set)   # room → rooms it includes
    bad = []
    unknown = set()
    for path, incs in graph.items():
        a = room_of(path)
        if a not in FLOORS:
            unknown.add(a)
            continue
        for no, target in incs:
            if not os.path.exists(target):
                continue        # a system header written with quotes
            b = room_of(target)
            if b not in FLOORS:
                unknown.add(b)
                continue
            if a == b:
                continue
            arrows[a].add(b)
            if FLOORS[b] >= FLOORS[a]:
                where = "on the same floor as" if FLOORS[b] == FLOORS[a] else "above"
                bad.append("%s:%d includes %s: room %s is %s room %s" % (path, no, target, b, where, a))
    if unknown:
        bad += ["room %s has no floor (tests/house/includes.py FLOORS)" % r for r in sorted(unknown)]
    if dot:
        with open(dot, "w") as f:
            f.write("digraph rooms {\n  rankdir=BT;\n  node [shape=box];\n")
            for floor in sorted(set(FLOORS.values())):
                rooms = [r for r in FLOORS if FLOORS[r] == floor]
                f.write("  { rank=same; %s }\n" % " ".join('"%s"' % r for r in rooms))
            for a in sorted(arrows):
                for b in sorted(arrows[a]):
                    f.write('  "%s" -> "%s";\n' % (a, b))
            f.write("}\n")
    if not check:
        for floor in sorted(set(FLOORS.values()), reverse=True):
            for r in sorted(x for x in FLOORS if FLOORS[x] == floor):
                files = [p for p in graph if room_of(p) == r]
                print("floor %d  %-10s %3d files  includes: %s" % (
                    floor, r, len(files), ", ".join(sorted(arrows[r], key=lambda x: -FLOORS[x])) or "-"))
    for b in bad:
        print(b)
    if check:
        print("%d files, %d rooms: %s" % (len(graph), len(FLOORS),
                                          "every include points down" if not bad else "%d wrong" % len(bad)))
    sys.exit(1 if bad else 0)


main()
