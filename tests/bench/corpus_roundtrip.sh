#!/bin/sh
# Benchmark (not a test): the page model on documents it has never seen.
# The UN's own AKN4UN files of the 78th session (../shared/corpus) are
# printed by our PDF edition, extracted by pdftotext (its default reading
# order, and -layout), and read back by unpress; each reading is compared
# with the UN's markup as the fidelity benchmark compares (preambular
# clauses, operative paragraphs, notes and their order, annexes, symbol,
# title, body text similarity at least 0.98: tests/read/roundtrip.py).
# A typesetter other than the UN's, so a check of the reading's rules
# against shapes no rule was written for: lines of dates and symbols,
# first-line indents, long notes, agenda titles over several lines.
#
# Usage: sh tests/bench/corpus_roundtrip.sh [LANGUAGE] (default English);
# EVERY=N reads every Nth file (default 1: all); UNPRESS=PATH another
# build; CORPUS_DIR=DIR where the archive is unpacked (default a folder
# in $TMPDIR, kept for the next run); KEEP=DIR keeps the PDFs, texts and
# readings there (default: removed).  Prints a line per failing
# document ("N warnings" first: 0 is damage nobody was told of) and the
# counts of failures by what differs, for each mode.
set -e
cd "$(dirname "$0")/../.."
lang=${1:-English}
every=${EVERY:-1}
unpress=${UNPRESS:-$PWD/unpress}
corpus=${CORPUS_DIR:-${TMPDIR:-/tmp}/unpress-corpus}
archive=../shared/corpus/ga78-akn4un.tar.xz
[ -x "$unpress" ] || { echo "build ./unpress first (make unpress)" >&2; exit 69; }
command -v pdftotext >/dev/null || { echo "needs pdftotext (apt-get install poppler-utils)" >&2; exit 69; }
if [ ! -d "$corpus/78session/$lang" ]; then
	[ -f "$archive" ] || { echo "no $archive" >&2; exit 66; }
	mkdir -p "$corpus" && tar -C "$corpus" -xJf "$archive"
fi
if [ -n "$KEEP" ]; then
	work=$KEEP; rm -rf "$work"; mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/unpress-roundtrip.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
ls "$corpus/78session/$lang"/*.xml | awk -v n="$every" 'NR % n == 0' >"$work/list"
echo "$(wc -l <"$work/list") files of $lang; $unpress"
"$unpress" render -q -t pdf -o "$work/pdf" $(cat "$work/list")
for mode in default layout; do
	opt=; [ $mode = layout ] && opt=-layout
	mkdir -p "$work/$mode"
	for pdf in "$work"/pdf/*.pdf; do
		n=$(basename "$pdf" .pdf)
		pdftotext $opt "$pdf" "$work/$mode/$n.txt"
		"$unpress" --force -o "$work/$mode/$n" "$work/$mode/$n.txt" 2>"$work/$mode/$n.err" >/dev/null || true
	done
done
/usr/bin/python3 - "$work" "$corpus/78session/$lang" <<'EOF'
import glob, os, subprocess, sys
work, src = sys.argv[1], sys.argv[2]
sys.path.insert(0, "tests/bench")
import fidelity
from lxml import etree
norm = lambda t: " ".join((t or "").translate(fidelity.HYPHENS).split())
for mode in ("default", "layout"):
    failed, silent, kinds, n = 0, 0, {}, 0
    for txt in sorted(glob.glob(os.path.join(work, mode, "*.txt"))):
        name = os.path.basename(txt)[:-4]
        n += 1
        warnings = open(os.path.join(work, mode, name + ".err"), errors="replace").read().count(": warning:")
        back = glob.glob(os.path.join(work, mode, name, "*.xml"))
        a = fidelity.root_doc(etree.parse(os.path.join(src, name + ".xml")))
        problems = []
        if not back:
            problems.append("no XML")
        else:
            b = fidelity.root_doc(etree.parse(back[0]))
            if a is None or b is None:
                problems.append("no document")
            else:
                ca, cb = fidelity.counts(a), fidelity.counts(b)
                problems += [k for k in ("pre", "ops", "notes", "annexes", "symbol") if ca[k] != cb[k]]
                if norm(ca["title"]) != norm(cb["title"]):
                    problems.append("title")
                if fidelity.similarity(fidelity.body_text(a), fidelity.body_text(b)) < 0.98:
                    problems.append("similarity")
        if problems:
            failed += 1
            silent += warnings == 0
            for p in problems:
                kinds[p] = kinds.get(p, 0) + 1
            print("%s %d warnings: %s" % (name, warnings, ", ".join(problems)))
    print("== pdftotext %s: %d of %d documents read back whole; %d not (%d of them without a warning); by what differs: %s"
          % ("-layout" if mode == "layout" else "(reading order)", n - failed, n, failed, silent,
             ", ".join("%s %d" % kv for kv in sorted(kinds.items(), key=lambda kv: -kv[1]))))
EOF
