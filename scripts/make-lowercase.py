#!/usr/bin/env python3
"""Writes data/lowercase.txt: words that news text writes in lower case.

usage: scripts/make-lowercase.py DOCS_DIR > data/lowercase.txt

DOCS_DIR is a folder of plain-text articles (the shipped list is built from
PolNeAR's train split as `../shared/eval/polnear.py prepare GITDIR OUT --split
train` writes it: OUT/docs). A word is listed when, inside sentences (never
as a sentence's first word), it is written in lower case at least 3 times and
at least 19 times as often as capitalised. Such a word opening a sentence
("Like Hartwell, ...", "Celebrating her win, ...") begins no unknown name.
The output is sorted, so the same folder gives the same bytes.
"""
import collections
import os
import re
import sys

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")


def main(docs):
    lower, capital = collections.Counter(), collections.Counter()
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(docs, name), encoding="utf-8") as f:
            for line in f:
                for sentence in SENTENCE_END.split(line):
                    for w in WORD.findall(sentence)[1:]:
                        if w[0].islower():
                            lower[w.lower()] += 1
                        elif not w.isupper():
                            capital[w.lower()] += 1
    words = sorted(w for w, n in lower.items() if n >= 3 and n >= 19 * capital[w])
    out = sys.stdout
    out.write("# Words news text writes in lower case (scripts/make-lowercase.py over\n")
    out.write("# PolNeAR's train split): opening a sentence, such a word begins no name.\n")
    for w in words:
        out.write(w + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        sys.exit("usage: make-lowercase.py DOCS_DIR > data/lowercase.txt")
    main(sys.argv[1])
