"""Checks docs/store.md against a store: every table it documents exists
with the columns it names, every table of the store is documented, and each
of its SQL examples runs in Python's sqlite3 and returns rows.

Usage: store_tables.py docs/store.md archive.db
"""
import re
import sqlite3
import sys


def main(doc_path, db_path):
    doc = open(doc_path, encoding="utf-8").read()
    con = sqlite3.connect(db_path)
    tables = {r[0] for r in con.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    # the table of tables: | `name` | one row per | `col`, `col` ... |
    documented = {}
    for m in re.finditer(r"^\| `(\w+)` \| [^|]+ \| (.+) \|$", doc, re.M):
        documented[m.group(1)] = re.findall(r"`(\w+)`", m.group(2))
    for name, cols in documented.items():
        if name not in tables:
            continue  # (the view's columns are listed the same way)
        have = {r[1] for r in con.execute(f"PRAGMA table_info({name})")}
        named = [c for c in cols if c in have]
        assert named, f"{name}: none of {cols} is a column ({sorted(have)})"
    missing = tables - set(documented)
    assert not missing, f"tables not in docs/store.md: {sorted(missing)}"
    view = {r[1] for r in con.execute("PRAGMA table_info(evidence_view)")}
    for col in ["actor", "stance", "content", "phrasing", "target", "date",
                "document", "start", "end", "sentence", "cue", "rule"]:
        assert col in view, f"evidence_view has no column {col}"
    blocks = re.findall(r"```sql\n(.*?)```", doc, re.S)
    assert len(blocks) >= 5, f"only {len(blocks)} SQL examples"
    dated = con.execute(
        "SELECT count(*) FROM documents WHERE date IS NOT NULL").fetchone()[0]
    for sql in blocks:
        rows = con.execute(sql).fetchall()
        # (which actors and words a corpus has, and whether it is dated,
        # depends on the corpus: those examples need only run)
        may_be_empty = "Russia" in sql or "ceasefire" in sql or (
            "date" in sql and not dated)
        assert rows or may_be_empty, f"no rows from:\n{sql}"
    n = con.execute("SELECT count(*) FROM evidence_view").fetchone()[0]
    e = con.execute("SELECT count(*) FROM evidence").fetchone()[0]
    assert n == e, f"evidence_view has {n} rows for {e} evidence"
    print(f"store_tables: {len(tables)} tables documented, "
          f"{len(blocks)} SQL examples ran, {n} evidence rows in the view")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
