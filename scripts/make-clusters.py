#!/usr/bin/env python3
"""Writes data/clusters.tsv, the word clusters the attribution tagger reads.

usage: scripts/make-clusters.py LOOKUPS_DATA_DIR > data/clusters.tsv
       (scripts/make-clusters.sh fetches the data and runs this)

LOOKUPS_DATA_DIR is the `spacy_lookups_data/data` folder of the PyPI package
spacy-lookups-data 1.0.5 (MIT). Its `en_lexeme_cluster.json.gz` gives each English
word the Brown cluster (Brown et al. 1992) spaCy's English models used: a binary path
in a tree learned from a large corpus of unlabelled English, where words used alike
share a long prefix ("argued", "insisted", "asserted", "opined" end in one leaf).
The path is stored as an integer whose lowest bit is the first step and whose highest
set bit marks the end. Here each lower-case form takes the path of its commonest cased
form (by `en_lexeme_prob.json.gz`); words without a cluster are left out. Each line is
`word<TAB>path` with the path written as 0s and 1s from the root; lines are sorted,
so the same package gives the same bytes.
"""
import gzip
import json
import os
import sys


def main():
    d = sys.argv[1]
    clusters = json.load(gzip.open(os.path.join(d, "en_lexeme_cluster.json.gz")))
    probs = json.load(gzip.open(os.path.join(d, "en_lexeme_prob.json.gz")))
    best = {}
    for word, c in clusters.items():
        if not c or any(ch in word for ch in "\t\n\r "):
            continue
        low = word.lower()
        key = (probs.get(word, -100.0), word)
        if low not in best or key > best[low][0]:
            best[low] = (key, c)
    out = sys.stdout
    out.write("# data/clusters.tsv: word<TAB>Brown cluster path, from spacy-lookups-data 1.0.5 (MIT)\n")
    out.write("# by scripts/make-clusters.py; see docs/model.md.\n")
    for low in sorted(best):
        c = best[low][1]
        n = c.bit_length() - 1
        path = "".join("1" if c >> i & 1 else "0" for i in range(n))
        if path:
            out.write(f"{low}\t{path}\n")


if __name__ == "__main__":
    main()
