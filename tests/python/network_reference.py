"""Check stancegraph's discourse networks against a reference computed here,
in Python, from the positions alone (`export --format positions-jsonl`), and
read every network file with networkx (GraphML) or the csv module (matrix).

usage: network_reference.py POSITIONS.jsonl DIR
DIR holds the files tests/networkx.rs writes with `stancegraph network`:
  two-mode.graphml, {congruence,conflict,subtract}-{none,average,jaccard,cosine}.graphml
  and congruence-jaccard.csv (--format matrix).
Exits 0 and prints "network reference: ok ..." on success; 77 when networkx
is missing.

The definitions are Leifeld's (Discourse Network Analyzer), as docs/issues.md
states them: demand, propose, support and offer are *for* an issue, reject is
*against* it, a claim has no side. Two actors' congruence is the number of
issues on which they share a side, their conflict the number on which one is
for and the other against; n_a is the number of issues actor a takes a side
on. average divides by (n_a + n_b) / 2, jaccard by n_a + n_b - w, cosine by
sqrt(n_a n_b); subtract is normalised congruence minus normalised conflict.
"""
import csv
import itertools
import json
import math
import os
import sys
from collections import defaultdict

try:
    import networkx as nx
except ImportError:
    print("networkx: not installed", file=sys.stderr)
    sys.exit(77)

positions_file, folder = sys.argv[1:3]
FOR = {"demand", "propose", "support", "offer"}

# the reference, from the positions alone
statements = defaultdict(int)  # (actor, issue id, stance) -> evidence sentences
sides = defaultdict(lambda: (set(), set()))  # actor -> (issues for, issues against)
for line in open(positions_file, encoding="utf-8"):
    p = json.loads(line)
    statements[(p["actor"], p["issue_id"], p["stance"])] += 1
    if p["stance"] in FOR:
        sides[p["actor"]][0].add(p["issue_id"])
    elif p["stance"] == "reject":
        sides[p["actor"]][1].add(p["issue_id"])


def norm(how, w, a, b):
    d = {"none": None, "average": (a + b) / 2, "jaccard": a + b - w, "cosine": math.sqrt(a * b)}[how]
    if d is None:
        return float(w)
    return w / d if d > 0 else 0.0


def reference(mode, how):
    out = {}
    actors = sorted(a for a, (p, n) in sides.items() if p or n)
    for a, b in itertools.combinations(actors, 2):
        (pa, na), (pb, nb) = sides[a], sides[b]
        same = (pa & pb) | (na & nb)
        opposed = (pa & nb) | (na & pb)
        n_a, n_b = len(pa | na), len(pb | nb)
        if mode == "congruence":
            w, on = norm(how, len(same), n_a, n_b), same
        elif mode == "conflict":
            w, on = norm(how, len(opposed), n_a, n_b), opposed
        else:
            w, on = norm(how, len(same), n_a, n_b) - norm(how, len(opposed), n_a, n_b), same | opposed
        if on and (w != 0 or mode == "subtract"):
            out[frozenset((a, b))] = w
    return out


def close(x, y):
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


checked = 0
# two-mode: actor -> issue, one edge per stance, weighted by evidence
G = nx.read_graphml(os.path.join(folder, "two-mode.graphml"))
got = defaultdict(float)
for u, v, d in G.edges(data=True):
    got[(u, v, d["stance"])] += d["weight"]
assert dict(got) == {k: float(n) for k, n in statements.items()}, "two-mode edges differ from the positions"
checked += len(got)

for mode in ["congruence", "conflict", "subtract"]:
    for how in ["none", "average", "jaccard", "cosine"]:
        name = f"{mode}-{how}.graphml"
        G = nx.read_graphml(os.path.join(folder, name))
        assert not G.is_directed(), f"{name}: a one-mode network is undirected"
        got = {frozenset((u, v)): d["weight"] for u, v, d in G.edges(data=True)}
        want = reference(mode, how)
        assert set(got) == set(want), f"{name}: pairs differ: {sorted(map(sorted, set(got) ^ set(want)))[:5]}"
        for k, w in want.items():
            assert close(got[k], w), f"{name}: {sorted(k)} weighs {got[k]}, the reference {w}"
        checked += len(got)

# the matrix: every pair's cell, zero where there is no edge
rows = list(csv.reader(open(os.path.join(folder, "congruence-jaccard.csv"), encoding="utf-8")))
names = rows[0][1:]
want = reference("congruence", "jaccard")
assert [r[0] for r in rows[1:]] == names, "the matrix is not square in one order"
for r in rows[1:]:
    for b, cell in zip(names, r[1:]):
        w = 0.0 if r[0] == b else want.get(frozenset((r[0], b)), 0.0)
        assert close(float(cell), w), f"matrix {r[0]},{b} = {cell}, the reference {w}"
        checked += 1

print(f"network reference: ok ({len(statements)} actor-issue-stance statements, "
      f"{len(sides)} actors; {checked} weights and cells match)")
