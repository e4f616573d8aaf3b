"""The SQLite FTS5 side of the batch test: one process, one query per line (words ANDed, as
`annals search --queries` reads them), one JSON object per line: {"total": N, "hits": [...]}
with the 10 best hits by bm25. Startup is part of what is timed, so it imports only what it
needs.

Usage: python3 fts5_batch.py DB QUERIES.txt > out.jsonl
"""
import json
import re
import sqlite3
import sys

WORD = re.compile(r"[^\W\d_]+")


def main():
    db, path = sys.argv[1], sys.argv[2]
    conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    out = sys.stdout
    count = "SELECT count(*) FROM fts WHERE fts MATCH ?"
    top = ("SELECT e.id, e.title FROM fts JOIN events e ON e.rid = fts.rowid "
           "WHERE fts MATCH ? ORDER BY fts.rank LIMIT 10")
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = [w.lower() for w in WORD.findall(line)]
            if not words:
                continue
            m = " ".join('"%s"' % w for w in words)
            total = conn.execute(count, (m,)).fetchone()[0]
            hits = [{"id": i, "title": t} for i, t in conn.execute(top, (m,))]
            out.write(json.dumps({"total": total, "hits": hits}, ensure_ascii=False))
            out.write("\n")


main()
