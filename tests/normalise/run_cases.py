"""Run the normaliser's case files: each case is a small input and the exact
XML fragments its conversion must contain (and must not contain).

A case file holds cases separated by "=== " title lines; inside a case:
  --- input       the text fed to unpress (as a .txt file)
  --- input-file  or: the file holding it, relative to the case file
  --- expect      one XML fragment per line that must occur in the output
  --- reject      one string per line that must not occur (outside <meta>,
                  which keeps what the page printed as identity: the job number)
  --- stderr      one string per line that must occur in the diagnostics
  --- not-stderr  one string per line that must not
  --- sidecar     optional NAME.meta content
Fragments are compared on a canonical serialisation: no namespace
declarations, no whitespace between tags.
Prints one "ok - FILE: TITLE" / "not ok - …" line per case."""
import os, re, subprocess, sys, tempfile

UNPRESS = os.environ["UNPRESS"]


def canonical(xml):
    xml = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", xml)
    xml = re.sub(r">\s+<", "><", xml)
    return xml


def parse(path):
    cases, case, section = [], None, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("=== "):
            case = {"title": line[4:].strip(), "input": [], "input-file": [], "expect": [], "reject": [],
                    "stderr": [], "not-stderr": [], "sidecar": []}
            cases.append(case)
            section = None
        elif line.startswith("--- ") and case is not None:
            section = line[4:].strip()
        elif case is not None and section:
            case[section].append(line)
    return cases


def run(path):
    failures = 0
    for case in parse(path):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "case.txt")
            with open(src, "w", encoding="utf-8") as f:
                if case["input-file"]:
                    name = os.path.join(os.path.dirname(path), case["input-file"][0].strip())
                    f.write(open(name, encoding="utf-8").read())
                else:
                    f.write("\n".join(case["input"]).replace("\\f", "\f") + "\n")
            if case["sidecar"]:
                with open(os.path.join(tmp, "case.meta"), "w") as f:
                    f.write("\n".join(case["sidecar"]) + "\n")
            out = os.path.join(tmp, "out")
            proc = subprocess.run([UNPRESS, "-v", "--validate", "-o", out, src],
                                  capture_output=True, text=True)
            xmls = [os.path.join(out, n) for n in sorted(os.listdir(out))
                    if n.endswith(".xml")] if os.path.isdir(out) else []
            xml = canonical(open(xmls[0], encoding="utf-8").read()) if xmls else ""
            problems = []
            if proc.returncode != 0:
                problems.append("exit %d: %s" % (proc.returncode, proc.stderr.strip()[-400:]))
            for frag in filter(None, (l.strip() for l in case["expect"])):
                if canonical(frag) not in xml:
                    problems.append("missing: " + frag)
            text = re.sub(r"<meta>.*</meta>", "", xml, flags=re.S)
            for frag in filter(None, (l.strip() for l in case["reject"])):
                if frag in text:
                    problems.append("present: " + frag)
            for msg in filter(None, (l.strip() for l in case["stderr"])):
                if msg not in proc.stderr:
                    problems.append("no diagnostic: " + msg)
            for msg in filter(None, (l.strip() for l in case["not-stderr"])):
                if msg in proc.stderr:
                    problems.append("diagnostic given: " + msg)
            name = "%s: %s" % (os.path.basename(path), case["title"])
            if problems:
                failures += 1
                print("not ok - " + name)
                for p in problems:
                    print("    " + p[:300])
                body = xml[xml.find("<mainBody>"):][-1500:] if xml else ""
                print("    got: " + body)
            else:
                print("ok - " + name)
    return failures


if __name__ == "__main__":
    sys.exit(1 if sum(run(p) for p in sys.argv[1:]) else 0)
