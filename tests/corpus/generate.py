#!/usr/bin/python3
"""generate.py — a synthetic corpus in the shape of the seeds, for tests and
benchmarks.

    /usr/bin/python3 tests/corpus/generate.py [--seed S] N DIR

writes DIR/doc-00001.txt … DIR/doc-NNNNN.txt: each a report of the
Conference of the Parties as a PDF extractor leaves it — cover lines
(symbol CTOC/COP/YYYY/N, distribution, date, original language), a title,
chapters "# I. …", numbered paragraphs, lettered points, footnote markers
<sup>n</sup> whose definitions follow the page footer (a job number
"V.19-12345 3/12"), and "---" page breaks.  Paragraphs cite other generated
documents by symbol (some with a ", para. N" pinpoint that exists in the
cited document) and symbols outside the corpus.  The same seed and N give
the same bytes; documents depend only on the seed and their own index, so the
first K documents of a corpus of N are the same whatever N (a bigger corpus
adds documents and citations to them, never rewrites the others).
"""
import argparse
import os
import random

WORDS = ("the Conference of the Parties noted that States parties should continue "
         "to strengthen international cooperation in criminal matters including "
         "extradition mutual legal assistance and confiscation of proceeds of crime "
         "technical assistance was provided upon request to Member States in order "
         "to support the effective implementation of the Convention and the "
         "Protocols thereto the Working Group recommended that the secretariat "
         "continue to collect information on good practices and challenges "
         "encountered by competent national authorities").split()
MONTHS = ("January February March April May June July August September October "
          "November December").split()
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
TOPICS = ["Introduction", "Organizational matters", "International cooperation",
          "Technical assistance", "Trafficking in persons", "Smuggling of migrants",
          "Firearms", "Financial and budgetary matters", "Recommendations",
          "Adoption of the report"]
OUTSIDE = ["A/RES/70/1", "A/RES/76/185", "E/CN.15/2014/12", "A/CONF.222/17",
           "CTOC/COP/WG.2/2020/3", "CTOC/COP/WG.3/2021/3", "E/2022/27", "A/76/550"]


def symbol(i):
    """Distinct for every index: the year cycles, the number grows."""
    return "CTOC/COP/%d/%d" % (2000 + i % 25, i // 25 + 1)


def shape(seed, i):
    """Paragraph count of document i: what pinpoints to it may use."""
    return random.Random("%s-shape-%d" % (seed, i)).randint(12, 40)


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize()


def citation(rng, seed, i):
    """A reference to another generated document or to an outside symbol."""
    if rng.random() < 0.75:
        # mostly earlier documents, a few later ones (which a smaller corpus
        # lacks: they are then outside symbols)
        j = rng.randrange(i + 20)
        j = j + 1 if j == i else j
        if rng.random() < 0.5:
            return "%s, para. %d" % (symbol(j), rng.randint(1, shape(seed, j)))
        return symbol(j)
    return rng.choice(OUTSIDE)


def document(seed, i):
    rng = random.Random("%s-doc-%d" % (seed, i))
    year = 2000 + i % 25
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    job = "V.%02d-%05d" % (year % 100, rng.randint(10000, 99999))
    paras = shape(seed, i)
    pages = []
    page, notes = [], []
    note = 0
    chapter = 0
    out = [" ", "United Nations %s" % symbol(i), "", "",
           "Distr.: General %d %s %d" % (day, month, year), "",
           "Original: English", "",
           "Conference of the Parties to the United Nations Convention against "
           "Transnational Organized Crime", "",
           "Report on the meeting of the Working Group held in Vienna on %d %s %d"
           % (day, month, year), ""]
    for p in range(1, paras + 1):
        if p == 1 or rng.random() < 0.12:
            page.append("# %s. %s" % (ROMAN[chapter % len(ROMAN)], rng.choice(TOPICS)))
            page.append("")
            chapter += 1
        text = sentence(rng, rng.randint(25, 60))
        if rng.random() < 0.45:
            text += " (see %s)" % citation(rng, seed, i)
        points = rng.random() < 0.15
        text += ":" if points else "."
        if rng.random() < 0.2:
            note += 1
            text += "<sup>%d</sup>" % note
            notes.append("<sup>%d</sup> See %s." % (note, citation(rng, seed, i)))
        page.extend(["%d. %s" % (p, text), ""])
        if points:
            for letter in "abc"[:rng.randint(2, 3)]:
                page.extend(["(%s) %s;" % (letter, sentence(rng, rng.randint(8, 20))), ""])
        if len(page) > 14 or p == paras:
            pages.append((page, notes))
            page, notes = [], []
    total = len(pages)
    for k, (body, defs) in enumerate(pages, 1):
        out.extend(body)
        out.extend(["%s %d/%d" % (job, k, total), ""])
        for d in defs:
            out.extend([d, ""])
        if k < total:
            out.extend(["---", ""])
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", default="1")
    ap.add_argument("count", type=int)
    ap.add_argument("dir")
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    for i in range(args.count):
        path = os.path.join(args.dir, "doc-%05d.txt" % (i + 1))
        with open(path, "w", encoding="utf-8") as f:
            f.write(document(args.seed, i))


if __name__ == "__main__":
    main()
