#!/usr/bin/python3
"""Functions longer than a reader holds at once, and allocations that
bypass the allocator (tests/house/t_code.sh).

A function is what our style writes: its head at the start of a line, its
body from a "{" alone on a line to the "}" alone on a line that closes it.
Its length counts the lines of the body.  An allocation is a call of
malloc, calloc, realloc, strdup and the libc functions that allocate for
their caller (asprintf, getline, open_memstream…) outside util/xmalloc.c and util/arena.c
(util/xmalloc.h: xmalloc, xcalloc, xrealloc, xstrdup die with a message
when memory runs out; the arena frees a document's data at once), or of a
library's allocator handed to it (cmark-gfm's, read/ingest.c) when marked
"allocator:" on that line.

Usage: functions.py [--max N] SRC   (exit 1 when any is found)
"""
import os
import re
import sys

ALLOCATORS = ("util/xmalloc.c", "util/arena.c")
RAW = re.compile(r"(?<![\w.>])(malloc|calloc|realloc|reallocarray|strdup|strndup|v?asprintf|getline|getdelim|"
                 r"open_memstream)\s*\(")


def functions(path):
    """(name, first line, body lines) of each function in a C file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    i = 0
    while i < len(lines):
        if lines[i] == "{" and i > 0:
            # the head: the lines above, back to one that starts at column 0
            j = i - 1
            while j > 0 and (lines[j].startswith((" ", "\t")) or lines[j] == ""):
                j -= 1
            head = " ".join(l.strip() for l in lines[j:i])
            m = re.search(r"(\w+)\s*\(", head)
            k = i + 1
            while k < len(lines) and lines[k] != "}":
                k += 1
            if m and "=" not in head.split("(")[0]:
                out.append((m.group(1), j + 1, k - i - 1))
            i = k
        i += 1
    return out


def main():
    args = sys.argv[1:]
    limit = 100
    if args[:1] == ["--max"]:
        limit = int(args[1])
        args = args[2:]
    src = args[0] if args else "src"
    long_fns, raw = [], []
    count = 0
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src)
            for fn, line, n in functions(path):
                count += 1
                if n > limit:
                    long_fns.append((n, "%s:%d: %s() has %d lines (at most %d)" % (path, line, fn, n, limit)))
            if rel in ALLOCATORS:
                continue
            for no, text in enumerate(open(path, encoding="utf-8"), 1):
                code = text.split("//")[0]
                if RAW.search(code) and "allocator:" not in text and not code.lstrip().startswith(("*", "/*")):
                    raw.append("%s:%d: %s: use util/xmalloc.h or the arena" % (path, no, RAW.search(code).group(1)))
    for _, msg in sorted(long_fns, reverse=True):
        print(msg)
    for msg in raw:
        print(msg)
    print("%d functions: %d over %d lines; %d raw allocations" % (count, len(long_fns), limit, len(raw)))
    sys.exit(1 if long_fns or raw else 0)


main()
