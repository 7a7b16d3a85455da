#!/usr/bin/python3
"""What tests/house/t_readme.sh needs to read of a Markdown page.

Usage: readme.py links FILE...     each relative link of FILE... that does
                                   not resolve, as FILE:LINE: TARGET (why);
                                   exit 1 if there is one
       readme.py commands FILE DIR the commands of FILE's ```sh blocks, one
                                   a file DIR/NN.sh, in order; prints how
                                   many
       readme.py copy TOP DIR      a copy of the checkout TOP in DIR: the
                                   files git knows (tracked, or new and not
                                   ignored) and the build folder, with
                                   their times, so that make finds the
                                   program up to date

A command is a line of a ```sh block; a line ending in a backslash goes on
on the next.  Blank lines and comment lines are not commands.  A link is
[text](target), ![alt](target) or a [label]: target line, outside code; a
relative target names a file from FILE's folder, and its #fragment, in a
Markdown file, one of that file's headings (GitHub's anchors).
"""
import os
import re
import shutil
import subprocess
import sys

FENCE = re.compile(r"^\s*(```|~~~)\s*([\w+-]*)")
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REF_LINK = re.compile(r"^\s{0,3}\[[^\]^][^\]]*\]:\s*<?(\S+?)>?(?:\s|$)")
CODE_SPAN = re.compile(r"(`+).+?\1")


def prose_lines(path):
    """(number, text) of each line of path outside fenced code blocks, with
    code spans blanked: where links are looked for."""
    fence = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = FENCE.match(line)
            if m and (fence is None or m.group(1) == fence):
                fence = m.group(1) if fence is None else None
                continue
            if fence is None and not line.startswith("    "):
                yield n, CODE_SPAN.sub("", line.rstrip("\n"))


def anchors(path):
    """The anchors GitHub gives the headings of the Markdown file path:
    lower case, punctuation dropped, spaces as hyphens, -1, -2 for repeats."""
    seen, out = {}, set()
    for _, line in prose_lines(path):
        m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not m:
            continue
        slug = re.sub(r"[^\w\- ]", "", m.group(1).lower()).replace(" ", "-")
        k = seen.get(slug, 0)
        seen[slug] = k + 1
        out.add(slug if k == 0 else "%s-%d" % (slug, k))
    return out


def broken(page, target):
    """Why target, a link on page, does not resolve; None if it does or if
    it is not relative (a scheme, a mail address, a site-absolute path)."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("/"):
        return None
    name, _, frag = target.partition("#")
    path = os.path.normpath(os.path.join(os.path.dirname(page), name)) if name else page
    if not os.path.exists(path):
        return "no such file"
    if frag and path.endswith(".md") and frag not in anchors(path):
        return "no heading #%s in %s" % (frag, os.path.basename(path))
    return None


def cmd_links(*pages):
    """Print each relative link of pages that does not resolve."""
    bad = 0
    for page in pages:
        for n, line in prose_lines(page):
            targets = INLINE_LINK.findall(line) + REF_LINK.findall(line)
            for t in targets:
                why = broken(page, t)
                if why:
                    print("%s:%d: %s (%s)" % (page, n, t, why))
                    bad += 1
    return bad == 0


def cmd_commands(page, folder):
    """Write each command of page's ```sh blocks to folder/NN.sh."""
    cmds, fence, cur = [], None, ""
    with open(page, encoding="utf-8") as f:
        for line in f:
            m = FENCE.match(line)
            if m and fence is None:
                fence = m.group(2) or "-"
                continue
            if m and fence is not None:
                fence = None
                continue
            if fence != "sh":
                continue
            line = line.rstrip("\n")
            if not cur and (not line.strip() or line.lstrip().startswith("#")):
                continue
            if line.endswith("\\"):
                cur += line[:-1]
                continue
            cmds.append((cur + line).strip())
            cur = ""
    if cur:
        cmds.append(cur.strip())
    os.makedirs(folder, exist_ok=True)
    for i, c in enumerate(cmds, 1):
        with open(os.path.join(folder, "%02d.sh" % i), "w", encoding="utf-8") as f:
            f.write(c + "\n")
    print(len(cmds))
    return True


def cmd_copy(top, folder):
    """Copy the checkout top to folder as a user's clone would have it,
    plus the build folder, keeping modification times."""
    try:
        names = subprocess.run(["git", "-C", top, "ls-files", "-z", "-co", "--exclude-standard"],
                               capture_output=True, check=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        names = [os.path.relpath(os.path.join(d, f), top) for d, _, fs in os.walk(top) for f in fs
                 if not os.path.relpath(d, top).startswith(("tests/out", "output", ".git"))]
    for name in names:
        src = os.path.join(top, name)
        if name and os.path.lexists(src) and not os.path.isdir(src):
            dst = os.path.join(folder, name)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(src, dst, follow_symlinks=False)
    build = os.path.join(top, "build")
    if os.path.isdir(build):
        shutil.copytree(build, os.path.join(folder, "build"), symlinks=True)
    return True


if __name__ == "__main__":
    cmds = {"links": cmd_links, "commands": cmd_commands, "copy": cmd_copy}
    if len(sys.argv) < 3 or sys.argv[1] not in cmds:
        sys.stderr.write(__doc__)
        sys.exit(64)
    sys.exit(0 if cmds[sys.argv[1]](*sys.argv[2:]) else 1)
