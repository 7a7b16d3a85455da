#!/usr/bin/python3
"""A check over a document's facts (JSON on standard input, as d) that says
what it expected and what it got, for tests/lib.sh's holds and same.

Usage: holds.py holds NAME CONDITION SHOW   CONDITION true; else prints it,
                                            and SHOW and its value
       holds.py same NAME GOT WANT          GOT == WANT; else prints both
                                            and where they first differ

CONDITION, SHOW, GOT and WANT are Python expressions over d.  near(text, s)
is the passage of text most like s: what a "s in text" check found
instead.  Prints one line "ok - NAME" or "not ok - NAME" and its details;
an expression that cannot be evaluated is a failure that says why.
"""
import difflib
import json
import sys

WIDTH = 600


def near(text, s):
    """The passage of text that shares the longest run with s, as long as s
    and a little more: what text holds where s was looked for."""
    m = difflib.SequenceMatcher(None, text, s, autojunk=False).find_longest_match(0, len(text), 0, len(s))
    if m.size == 0:
        return text[:len(s) + 20]
    start = max(0, m.a - m.b)
    return text[start:start + len(s) + 20]


def first_difference(got, want):
    """Where two lists (or strings) first differ, in words."""
    if not isinstance(got, (list, tuple, str)) or not isinstance(want, (list, tuple, str)):
        return ""
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return "first difference at [%d]: got %r, expected %r" % (i, g, w)
    if len(got) != len(want):
        return "got %d items, expected %d" % (len(got), len(want))
    return ""


def show(value):
    """repr of value, cut to WIDTH characters."""
    r = repr(value)
    return r if len(r) <= WIDTH else r[:WIDTH] + "… (%d characters)" % len(r)


def main(mode, name, a, b):
    """Evaluate the check named name over the JSON on standard input."""
    env = {"near": near}
    try:
        env["d"] = json.load(sys.stdin)
        if mode == "holds":
            if eval(a, env):
                print("ok - " + name)
                return
            print("not ok - " + name)
            print("    expected: " + a)
            print("    got:      %s is %s" % (b, show(eval(b, env))))
        else:
            got, want = eval(a, env), eval(b, env)
            if got == want:
                print("ok - " + name)
                return
            print("not ok - " + name)
            print("    expected: %s" % show(want))
            print("    got:      %s" % show(got))
            diff = first_difference(got, want)
            if diff:
                print("    " + diff)
    except Exception as e:  # a check that cannot run is a failed check
        print("not ok - " + name)
        print("    could not evaluate: %s: %s" % (type(e).__name__, e))


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] not in ("holds", "same"):
        sys.stderr.write(__doc__)
        sys.exit(64)
    main(*sys.argv[1:])
