#!/bin/sh
# Benchmark (not a test): hostile input of 1 MB to 50 MB (issue 14).
#
# 1. Memory: for each shape and size, the peak resident set of the unpress
#    process (getrusage(RUSAGE_CHILDREN).ru_maxrss of a fresh measuring
#    process per run) minus the program's own baseline (the same command
#    on a one-line input), as a multiple of the input's size.  Goal: under
#    20x for every input.
# 2. Time: one paragraph with n links (symbols) or n footnote references,
#    or cut into n pieces (joined again: one long run of text),
#    n = 1,000 and 8,000, converted to the PDF edition; the least CPU time
#    (user + system) of RUNS runs, and the 8,000/1,000 ratio (linear: 8).
#
# PEER=/path/to/other/unpress runs every measurement with that binary too,
# side by side in this one run (e.g. a build of main), on inputs of at most
# PEER_MAX_MB (default 1: main's quadratic joins took 3.5 GB for 0.5 MB of
# pieces, and would not finish at 50 MB).  SIZES (MB, default
# "1 10 50") and SHAPES limit the memory part; RUNS (default 3).
# TO=LIST converts the text shapes to those editions instead of the
# default (xml): TO=html,md,pdf measures the editions, which read the
# whole tree.
# Prints one line per measurement and a table to paste into
# docs/benchmarks.md.
cd "$(dirname "$0")/../.." || exit 1
OUT=${TMPDIR:-/tmp}/unpress-bench-hostile
rm -rf "$OUT"; mkdir -p "$OUT"
export SOURCE_DATE_EPOCH=1700000000
exec /usr/bin/python3 - "$OUT" "$PWD/unpress" "${PEER:-}" <<'EOF'
import os, resource, subprocess, sys, time

out, ours, peer = sys.argv[1], sys.argv[2], sys.argv[3]
sizes = [int(s) for s in os.environ.get("SIZES", "1 10 50").split()]
runs = int(os.environ.get("RUNS", "3"))
TO = os.environ.get("TO", "xml")
programs = [("unpress", ours)] + ([("peer", peer)] if peer else [])
MB = 1 << 20

# Prose as the seeds have it, for the shapes to repeat.
seed_words = " ".join(
    open(os.path.join("input", f), encoding="utf-8").read().replace("\n", " ")
    for f in sorted(os.listdir("input")) if f.endswith(".txt")).split()

def prose(n_bytes, per_line=None):
    """Seed words up to n_bytes; a newline every per_line words."""
    parts, size, i = [], 0, 0
    while size < n_bytes:
        w = seed_words[i % len(seed_words)]
        i += 1
        sep = "\n" if per_line and i % per_line == 0 else " "
        parts.append(w + sep)
        size += len(w) + 1
    return "".join(parts)

def shape(name, n_bytes):
    """(file name, bytes, unpress arguments) of one hostile input."""
    if name == "one-line":        # one line of 40 MB cost 2.2 GB
        return "x.txt", ("A title\n\n" + prose(n_bytes) + "\n").encode(), ["-t", TO]
    if name == "pieces":          # a paragraph cut into lower-case pieces (joins.c)
        body, size, i = [], 0, 0
        while size < n_bytes:
            piece = "and piece number %d of the same paragraph\n\n" % i
            body.append(piece); size += len(piece); i += 1
        return "x.txt", ("A title\n\nThe start of a paragraph\n\n" + "".join(body)).encode(), ["-t", TO]
    if name == "notes":           # footnote references and definitions
        refs, defs, size, i = [], [], 0, 1
        while size < n_bytes:
            r = "%d. Item %d of the report.<sup>%d</sup>\n" % (i, i, i % 9999 + 1)
            d = "<sup>%d</sup> See A/RES/76/%d.\n" % (i % 9999 + 1, i)
            refs.append(r + d); size += len(r) + len(d); i += 1
        return "x.txt", ("Report\n\n" + "".join(refs)).encode(), ["-t", TO]
    if name == "paragraphs":      # short numbered paragraphs, a block every 40 bytes
        body, size, i = [], 0, 1
        while size < n_bytes:
            para = "%d. Text of item %d.\n\n" % (i, i)
            body.append(para); size += len(para); i += 1
        return "x.txt", ("Report\n\n" + "".join(body)).encode(), ["-t", TO]
    if name in ("chapter-notes", "annex-notes"):  # the same notes in one chapter, in one annex
        _, data, args = shape("notes", n_bytes)
        head = "I. The only chapter\n\n" if name == "chapter-notes" else "1. The body.\n\nAnnex\n\nStatement of the Chair\n\n"
        return "x.txt", data.replace(b"Report\n\n", ("Report\n\n" + head).encode(), 1), args
    if name == "links":           # symbols, many to a paragraph
        body, size, i = [], 0, 0
        while size < n_bytes:
            s = "See A/RES/%d/%d and E/CN.15/%d/L.%d." % (i % 80, i, 2000 + i % 30, i % 9)
            s += "\n\n" if i % 500 == 499 else " "
            body.append(s); size += len(s); i += 1
        return "x.txt", ("Report\n\n1. " + "".join(body)).encode(), ["-t", TO]
    if name == "nonchars":        # noncharacters, controls and bad bytes in prose
        text = prose(n_bytes, per_line=12).encode()
        chunk = b"\xef\xbf\xbe \x01 \xef\xb7\x90 \xff "
        parts = [text[i:i + 200] + chunk for i in range(0, len(text), 200)]
        return "x.txt", b"A title\n\n" + b"".join(parts), ["-t", TO]
    if name == "markdown-deep":   # nested lists and quotes
        line = "- > " * 200 + "deep item\n"
        return "x.txt", ("A title\n\n" + line * (n_bytes // len(line) + 1)).encode(), ["-t", TO]
    if name == "xml-render":      # our own XML of prose, rendered to HTML and Markdown
        src = os.path.join(out, "prose-%d.txt" % n_bytes)
        with open(src, "w") as f:
            f.write("A title\n\n" + prose(n_bytes, per_line=60))
        subprocess.run([ours, "-q", "--force", "-t", "xml", "-o", os.path.join(out, "xml"), src], check=True)
        return "x.xml", open(os.path.join(out, "xml", "prose-%d.xml" % n_bytes), "rb").read(), ["render", "-t", "html,md"]
    if name == "gzip-render":     # a gzip file given to render: refused, never inflated
        import gzip
        head = b"<?xml version='1.0'?>\n<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>"
        return "x.xml", gzip.compress(head + os.urandom(n_bytes), 1), ["render", "-t", "html"]
    raise SystemExit("unknown shape " + name)

SHAPES = os.environ.get("SHAPES", "one-line pieces paragraphs notes chapter-notes annex-notes links nonchars markdown-deep "
                        "xml-render gzip-render").split()

def peak(cmd):
    """Peak RSS (KB) and CPU seconds of cmd.  The peak by GNU time (a child
    python forks counts python's pages from before the exec, some 10 MB:
    that was the -t xml baseline until 4 December), the CPU by a fresh
    process's getrusage of its children."""
    probe = ("import resource,subprocess,sys;"
             "rc=subprocess.call(['/usr/bin/time','-f','%M','-o',sys.argv[1],'--']+sys.argv[2:],"
             "stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
             "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
             "print(open(sys.argv[1]).read().split()[-1],u.ru_utime+u.ru_stime,rc)")
    r = subprocess.run(["/usr/bin/python3", "-c", probe, os.path.join(out, "peak.kb")] + cmd,
                       capture_output=True, text=True, check=True)
    kb, cpu, rc = r.stdout.split()
    return int(kb), float(cpu), int(rc)

def run(prog, args, path, outdir):
    if args and args[0] == "render":
        return [prog, "render", "-q", "--force"] + args[1:] + ["-o", outdir, path]
    return [prog, "-q", "--force"] + args + ["-o", outdir, path]

rows = []
print("# memory: peak RSS above the baseline, as a multiple of the input size")
for name in SHAPES:
    for mb in sizes:
        fname, data, args = shape(name, mb * MB)
        path = os.path.join(out, "%s-%d%s" % (name, mb, os.path.splitext(fname)[1]))
        with open(path, "wb") as f:
            f.write(data)
        tiny = os.path.join(out, "tiny" + os.path.splitext(fname)[1])
        if fname.endswith(".xml"):
            subprocess.run([ours, "-q", "-t", "xml", "-o", os.path.join(out, "tinyx"), "input/" + sorted(
                f for f in os.listdir("input") if f.endswith(".txt"))[0]], check=True)
            x = [f for f in os.listdir(os.path.join(out, "tinyx")) if f.endswith(".xml") and "manifest" not in f][0]
            os.replace(os.path.join(out, "tinyx", x), tiny)
        else:
            open(tiny, "w").write("A title\n\nOne line.\n")
        for label, prog in programs:
            if label == "peer" and mb > int(os.environ.get("PEER_MAX_MB", "1")):
                continue
            base, _, _ = peak(run(prog, args, tiny, os.path.join(out, "o")))
            best = None
            for _ in range(1 if mb >= 25 else runs):
                kb, cpu, rc = peak(run(prog, args, path, os.path.join(out, "o")))
                best = (kb, cpu, rc) if best is None or kb < best[0] else best
            kb, cpu, rc = best
            ratio = max(kb - base, 0) * 1024 / len(data)
            print("%-14s %-8s %3d MB (%9d bytes): peak %8d KB, baseline %6d KB, %5.1fx the input, "
                  "%6.2f s CPU, exit %d" % (name, label, mb, len(data), kb, base, ratio, cpu, rc), flush=True)
            rows.append((name, label, mb, len(data), kb, base, ratio, cpu, rc))

print("\n# time: one paragraph with n links, notes or pieces, to the PDF edition (least CPU of %d runs)" % runs)
times = {}
KINDS = ("links", "notes", "pieces")
for kind in KINDS:
    for n in (1000, 8000):
        if kind == "links":
            text = "A note\n\n1. " + " ".join("See A/RES/%d/1." % i for i in range(n)) + "\n"
        elif kind == "pieces":
            text = "A note\n\nThe start of a paragraph\n\n" + "".join(
                "and piece number %d of the same paragraph\n\n" % i for i in range(n))
        else:
            text = ("A note\n\n1. " + " ".join("Item %d.[^%d]" % (i, i + 1) for i in range(n)) + "\n\n" +
                    "".join("[^%d]: Note %d.\n\n" % (i + 1, i + 1) for i in range(n)))
        path = os.path.join(out, "%s-%d.txt" % (kind, n))
        open(path, "w").write(text)
        for label, prog in programs:
            best = min(peak(run(prog, ["-t", "pdf"], path, os.path.join(out, "p")))[1] for _ in range(runs))
            times[(kind, n, label)] = best
            print("%-6s n = %5d %-8s %7.2f s CPU" % (kind, n, label, best), flush=True)
for kind in KINDS:
    for label, _ in programs:
        print("%-6s %-8s 8,000 / 1,000: %.1f" % (kind, label,
              times[(kind, 8000, label)] / max(times[(kind, 1000, label)], 1e-3)))

print("\n| shape | size | unpress peak above baseline | × input |" + (" peer × input |" if peer else ""))
print("|---|---|---|---|" + ("---|" if peer else ""))
for name in SHAPES:
    for mb in sizes:
        mine = [r for r in rows if r[0] == name and r[2] == mb and r[1] == "unpress"][0]
        line = "| %s | %d MB | %d MB | %.1f |" % (name, mb, (mine[4] - mine[5]) // 1024, mine[6])
        if peer:
            other = [r for r in rows if r[0] == name and r[2] == mb and r[1] == "peer"]
            line += " %.1f |" % other[0][6] if other else " – |"
        print(line)
EOF
