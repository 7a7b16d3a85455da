#!/usr/bin/python3
"""peak.py OUT COMMAND...: run COMMAND, write its peak resident set size
(KB) to OUT, exit with its exit status.

Measured by GNU time (/usr/bin/time, Debian package time): the peak of a
child python forks counts python's own pages from before the exec (some
10 MB), which hid a small program's baseline; time's fork is small.
Without it, getrusage of the children (an upper bound)."""
import os
import resource
import subprocess
import sys
import tempfile

TIME = "/usr/bin/time"


def peak(cmd):
    """(peak KB, exit status) of cmd."""
    if os.access(TIME, os.X_OK):
        with tempfile.NamedTemporaryFile("r", suffix=".peak") as f:
            rc = subprocess.call([TIME, "-f", "%M", "-o", f.name, "--"] + cmd)
            # ("Command exited with non-zero status N" may come first)
            return int(f.read().split()[-1]), rc
    rc = subprocess.call(cmd)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc


if __name__ == "__main__":
    kb, rc = peak(sys.argv[2:])
    with open(sys.argv[1], "w") as out:
        out.write("%d\n" % kb)
    sys.exit(rc if rc >= 0 else 128 - rc)
