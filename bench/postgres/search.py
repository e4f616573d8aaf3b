#!/usr/bin/env python3
"""Search latency on a node whose store is PostgreSQL against one whose store is SQLite, on
the same events: the query mix of bench/search (text, text + date, text + date + place +
facets), run by `annals search --queries` on each store in turn, 3 runs each, alternating.
The index is the node's own either way; what can differ is the few narratives a hit reads
from the store to show why it matched. Prints p50 / p99 per class (median over runs).

  search.py ANNALS CORPUS.jsonl SQLITE.db POSTGRES-URL PG-INDEX-DIR"""
import json, os, statistics, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "search"))
import queries  # noqa: E402

annals, corpus, sqlite, url, pg_index = sys.argv[1:6]
mix = [q for q in queries.make_mix(queries.Sample(corpus, 50000), 200, 1) if q["class"] != "density"]
classes = sorted({q["class"] for q in mix}, key=queries.CLASSES.index)
work = tempfile.mkdtemp()
qfile = os.path.join(work, "queries.txt")
with open(qfile, "w", encoding="utf-8") as f:
    f.write("\n".join(queries.annals_query(q) for q in mix) + "\n")

def run(args):
    out = subprocess.run([annals, *args, "search", "--queries", qfile], check=True,
                         capture_output=True, text=True).stdout
    took = [json.loads(line)["took_ms"] for line in out.splitlines()]
    return {c: [t for q, t in zip(mix, took) if q["class"] == c] for c in classes}

stores = {"SQLite": ["--db", sqlite], "PostgreSQL": ["--db", url, "--index-dir", pg_index]}
runs = {name: [] for name in stores}
for args in stores.values():  # warm-up: the index and the store's pages in the OS cache
    run(args)
for _ in range(3):
    for name, args in stores.items():
        runs[name].append(run(args))

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]

print("%-12s %s" % ("store", "  ".join("%-28s" % c for c in classes)))
for name in stores:
    cells = []
    for c in classes:
        p50 = statistics.median(pct(r[c], 0.50) for r in runs[name])
        p99 = statistics.median(pct(r[c], 0.99) for r in runs[name])
        cells.append("%-28s" % ("p50 %.2f / p99 %.2f ms" % (p50, p99)))
    print("%-12s %s" % (name, "  ".join(cells)))
