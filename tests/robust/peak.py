#!/usr/bin/python3
"""peak.py OUT COMMAND...: run COMMAND, write its peak resident set size
(KB, getrusage of the children) to OUT, exit with its exit status."""
import resource
import subprocess
import sys

rc = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write("%d\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(rc if rc >= 0 else 128 - rc)
