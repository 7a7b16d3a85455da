#!/bin/sh
# Benchmark (not a test): how long unpress takes to start, side by side
# with cmark-gfm starting, in one run.  A make rule or a map step that runs
# unpress once per file pays this every time.  Timed, in turn, round after
# round (so that the machine's drift falls on all alike):
#   cmark-gfm --version                      the yardstick
#   a C program that does nothing, linked    the floor the libraries set
#   with the libraries unpress links
#   unpress --version
#   unpress -t xml of a one-page file        converted (--force), its XML
#                                            and state written to a tmpfs
#   the same, written to the disk            (this ext4 pays for replacing
#                                            a file: rename forces a flush)
#   the same, up to date                     (the state says nothing to do)
# Prints each one's minimum and median wall time, its median CPU time, and
# the ratios to cmark-gfm's, round by round.  Usage: sh tests/bench/startup.sh [RUNS] (default 200);
# UNPRESS=PATH times another build (default ./unpress, after make unpress);
# PEER=PATH times another build's --version and -t xml (tmpfs) too, in
# the same rounds (e.g. a build of main, to see what a change gained).
set -e
cd "$(dirname "$0")/../.."
runs=${1:-200}
unpress=${UNPRESS:-./unpress}
[ -x "$unpress" ] || { echo "build ./unpress first (make unpress)" >&2; exit 69; }
command -v cmark-gfm >/dev/null || { echo "needs cmark-gfm (apt-get install cmark-gfm)" >&2; exit 69; }
# a one-page document: the shortest of input/ (one resolution)
one=input/resolution-11-3.txt
disk=$(mktemp -d)
shm=$disk
[ -d /dev/shm ] && shm=$(mktemp -d /dev/shm/unpress-startup.XXXXXX)
trap 'rm -rf "$disk" "$shm"' EXIT
echo "$unpress: readelf -d lists $(readelf -d "$unpress" 2>/dev/null | grep -c NEEDED) libraries it needs;" \
     "a -t xml run maps $(LD_DEBUG=files "$unpress" -q --force -t xml -o "$disk/count" "$one" 2>&1 | grep -c 'file=.*\[0\];  needed') shared objects"
"$unpress" -q -t xml -o "$disk/uptodate" "$one"
# the floor: a program that does nothing, linked as the Makefile links
# unpress (make link-libs: libxml2's archive whole, or the shared libxml2,
# which brings ICU, libstdc++, liblzma and zlib with it)
floor=
if printf 'int main(void) { return 0; }\n' >"$disk/floor.c" &&
   cc -rdynamic -o "$disk/floor" "$disk/floor.c" -Wl,--no-as-needed $(make -s --no-print-directory link-libs) 2>/dev/null; then
	floor=$disk/floor
fi
/usr/bin/python3 - "$runs" "$one" "$shm" "$disk" "$unpress" "$floor" "${PEER:-}" <<'PY'
import os, statistics, sys, time
runs, one, shm, disk, unpress, floor, peer = int(sys.argv[1]), *sys.argv[2:]
commands = [
    ("cmark-gfm --version", ["cmark-gfm", "--version"]),
    ("unpress --version", [unpress, "--version"]),
    ("unpress -t xml, one page (tmpfs)", [unpress, "-q", "--force", "-t", "xml", "-o", shm + "/out", one]),
    ("unpress -t xml, one page (disk)", [unpress, "-q", "--force", "-t", "xml", "-o", disk + "/out", one]),
    ("unpress -t xml, one page, up to date", [unpress, "-q", "-t", "xml", "-o", disk + "/uptodate", one]),
]
if floor:
    commands.insert(1, ("nothing, linked as unpress is", [floor]))
if peer:
    commands += [
        ("PEER --version", [peer, "--version"]),
        ("PEER -t xml, one page (tmpfs)", [peer, "-q", "--force", "-t", "xml", "-o", shm + "/peer", one]),
    ]
null = os.open(os.devnull, os.O_WRONLY)
def once(argv):
    """One run: (wall seconds, CPU seconds: user + system of the child)."""
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
    _, status, ru = os.wait4(pid, 0)
    t = time.perf_counter() - t0
    if status:
        sys.exit("%s failed (status %d)" % (" ".join(argv), status))
    return t, ru.ru_utime + ru.ru_stime
for _, argv in commands:  # warm-up: the page cache, the outputs' folders
    once(argv)
wall = {name: [] for name, _ in commands}
cpu = {name: [] for name, _ in commands}
for _ in range(runs):
    for name, argv in commands:
        w, c = once(argv)
        wall[name].append(w)
        cpu[name].append(c)
med = statistics.median
base = commands[0][0]
print("%d runs each, in turn; whole process, from spawn to reaped" % runs)
print("%-38s %8s %8s %8s %8s %8s" % ("", "wall min", "median", "ratio", "CPU med", "ratio"))
for name, _ in commands:
    # ratio: each round's time over cmark-gfm's in the same round, the
    # median of those (pairing keeps it when the machine's load drifts)
    rw = med([a / b for a, b in zip(wall[name], wall[base])])
    rc = med([a / b for a, b in zip(cpu[name], cpu[base]) if b > 0]) if any(cpu[base]) else float("nan")
    print("%-38s %6.2fms %6.2fms %7.2fx %6.2fms %7.2fx" % (
        name, min(wall[name]) * 1e3, med(wall[name]) * 1e3, rw, med(cpu[name]) * 1e3, rc))
print("ratio: median of each round's time over cmark-gfm --version's (goal: at most 3x);")
print("CPU: user + system time, which other jobs' load stretches less than wall time")
PY
