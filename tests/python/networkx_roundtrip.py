"""Read stancegraph's GraphML, GEXF and node-link exports with networkx and
check they hold the graph file's nodes, edges and attributes.

usage: networkx_roundtrip.py GRAPH.json GRAPHML GEXF NODE_LINK
Exits 0 and prints "networkx: ok ..." on success; 77 when networkx is missing.
"""
import json
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx: not installed", file=sys.stderr)
    sys.exit(77)

graph_file, graphml, gexf, node_link = sys.argv[1:5]
g = json.load(open(graph_file, encoding="utf-8"))
n_nodes = len(g["actors"]) + len(g["contents"])
n_stance = len(g["positions"])
n_edges = n_stance + len(g["affiliations"])
labels = {a["id"]: a["name"] for a in g["actors"]} | {c["id"]: c["text"] for c in g["contents"]}


def check(name, G, label_of, stance_of, count_of):
    assert G.number_of_nodes() == n_nodes, f"{name}: {G.number_of_nodes()} nodes, expected {n_nodes}"
    assert G.number_of_edges() == n_edges, f"{name}: {G.number_of_edges()} edges, expected {n_edges}"
    for nid, want in labels.items():
        got = label_of(G, nid)
        assert got == want, f"{name}: node {nid} label {got!r}, expected {want!r}"
    stances = sorted((u, v, stance_of(d), count_of(d)) for u, v, d in G.edges(data=True) if stance_of(d))
    want = sorted((p["actor"], p["content"], p["stance"], p["count"]) for p in g["positions"])
    assert stances == want, f"{name}: stance edges differ"


G = nx.read_graphml(graphml)
check("graphml", G, lambda G, n: G.nodes[n]["label"], lambda d: d.get("stance"), lambda d: int(d.get("count", 0)))
for u, v, d in G.edges(data=True):
    if d.get("stance"):
        ev = json.loads(d["evidence"])
        assert ev and all("sentence" in e and "span" in e and "doc" in e for e in ev), "graphml: evidence"

G = nx.read_gexf(gexf)
check("gexf", G, lambda G, n: G.nodes[n]["label"], lambda d: d.get("stance"), lambda d: int(d.get("count", 0)))

data = json.load(open(node_link, encoding="utf-8"))
try:
    G = nx.node_link_graph(data, edges="links")
except TypeError:  # networkx before 3.4 has no edges= argument
    G = nx.node_link_graph(data)
check("node-link", G, lambda G, n: G.nodes[n]["label"], lambda d: d.get("stance"), lambda d: int(d.get("count", 0)))

# the graph file itself against its JSON Schema (docs/graph.schema.json), where jsonschema is installed
schema_note = "schema not checked (no jsonschema)"
try:
    import jsonschema
    import os
    schema = json.load(open(os.path.join(os.path.dirname(__file__), "..", "..", "docs", "graph.schema.json"), encoding="utf-8"))
    jsonschema.validate(g, schema)
    schema_note = "graph file valid against docs/graph.schema.json"
except ImportError:
    pass

print(f"networkx {nx.__version__}: ok ({n_nodes} nodes, {n_edges} edges in GraphML, GEXF and node-link); {schema_note}")
