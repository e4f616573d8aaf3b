"""Peer for the import benchmark: the script a user would write instead of annals.

Reads the same JSON Lines, parses each record with Python's json module, and inserts it into a
SQLite file (one table, the record as text plus its title and date text) in one transaction.
It validates nothing and understands no dates: a lower bound on what a plain loader costs.
"""
import json
import sqlite3
import sys

src, db = sys.argv[1], sys.argv[2]
conn = sqlite3.connect(db)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, title TEXT, date TEXT, doc TEXT)")
rows = 0
with conn, open(src, encoding="utf-8") as f:
    def records():
        global rows
        for line in f:
            if line.strip():
                r = json.loads(line)
                rows += 1
                yield (r.get("title"), json.dumps(r.get("date")), line)
    conn.executemany("INSERT INTO events (title, date, doc) VALUES (?, ?, ?)", records())
print(rows)
