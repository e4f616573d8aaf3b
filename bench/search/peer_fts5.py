"""SQLite FTS5 peer: the embedded full-text engine a Python user would reach for.

Store and index in one SQLite file:
- events(rid, id, title, summary, body, lo, hi, participants, tags): the store; lo/hi are the
  date span on annals' day axis, with B-tree indexes;
- fts: FTS5 over title, summary, body (external content = events, so text is stored once),
  tokenizer `porter unicode61 remove_diacritics 2`;
- places(pid, event, name, country, lat, lon) with indexes on (country, event), (name, event);
- geo: an R*Tree over the coordinates of places (pid, lat, lat, lon, lon).
"""
import json
import math
import sqlite3

import corpus

SCHEMA = """
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -262144;
CREATE TABLE events (rid INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL,
  summary TEXT NOT NULL, body TEXT NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL,
  participants TEXT NOT NULL, tags TEXT NOT NULL);
CREATE TABLE places (pid INTEGER PRIMARY KEY, event INTEGER NOT NULL, name TEXT NOT NULL,
  country TEXT NOT NULL, lat REAL, lon REAL);
CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, content='events', content_rowid='rid',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE geo USING rtree(pid, minlat, maxlat, minlon, maxlon);
"""

INDEXES = """
CREATE UNIQUE INDEX events_id ON events(id);
CREATE INDEX events_lo ON events(lo);
CREATE INDEX events_hi ON events(hi);
CREATE INDEX places_country ON places(country, event);
CREATE INDEX places_name ON places(name, event);
"""


def check_sqlite():
    c = sqlite3.connect(":memory:")
    c.execute("CREATE VIRTUAL TABLE f USING fts5(a, tokenize='porter unicode61 remove_diacritics 2')")
    c.execute("CREATE VIRTUAL TABLE r USING rtree(id, a, b, c, d)")
    return sqlite3.sqlite_version


def load(path, db):
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(SCHEMA)
    conn.execute("BEGIN")
    n = 0
    pid = 0
    ev, fts, pl, geo = [], [], [], []

    def flush():
        conn.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?)", ev)
        conn.executemany("INSERT INTO fts(rowid, title, summary, body) VALUES (?,?,?,?)", fts)
        conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?)", pl)
        conn.executemany("INSERT INTO geo VALUES (?,?,?,?,?)", geo)
        ev.clear(), fts.clear(), pl.clear(), geo.clear()

    for r in corpus.read(path):
        n += 1
        ev.append((n, r["id"], r["title"], r["summary"], r["body"], r["lo"], r["hi"],
                   json.dumps(r["participants"], ensure_ascii=False),
                   json.dumps(r["tags"], ensure_ascii=False)))
        fts.append((n, r["title"], r["summary"], r["body"]))
        for name, country, lat, lon in r["places"]:
            pid += 1
            pl.append((pid, n, name, country, lat, lon))
            if lat is not None:
                geo.append((pid, lat, lat, lon, lon))
        if len(ev) >= 20000:
            flush()
    flush()
    for sql in INDEXES.split(";"):
        if sql.strip():
            conn.execute(sql)
    conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return n


def match_expr(words):
    return " ".join('"%s"' % w.replace('"', '""') for w in words)


def dist_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Engine:
    def __init__(self, db):
        self.conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        self.conn.execute("PRAGMA cache_size = -262144")
        self.conn.execute("PRAGMA mmap_size = 1073741824")
        self.conn.create_function("dist_km", 4, dist_km, deterministic=True)

    def where(self, q):
        """FROM ... WHERE ... and its arguments for a spec."""
        args = []
        if q.get("words"):
            frm = "fts JOIN events e ON e.rid = fts.rowid"
            conds = ["fts MATCH ?"]
            args.append(match_expr(q["words"]))
        else:
            frm = "events e"
            conds = []
        if "lo" in q:
            conds.append("e.lo <= ? AND e.hi >= ?")
            args += [q["hi"], q["lo"]]
        if "country" in q:
            conds.append("e.rid IN (SELECT event FROM places WHERE country = ?)")
            args.append(q["country"])
        if "place" in q:
            conds.append("e.rid IN (SELECT event FROM places WHERE name = ?)")
            args.append(q["place"])
        if "near" in q:
            lat, lon, km = q["near"]
            s, n, w, e = corpus.bbox_for(lat, lon, km)
            conds.append("e.rid IN (SELECT p.event FROM geo g JOIN places p ON p.pid = g.pid "
                         "WHERE g.minlat >= ? AND g.maxlat <= ? AND g.minlon >= ? AND g.maxlon <= ? "
                         "AND dist_km(p.lat, p.lon, ?, ?) <= ?)")
            args += [s, n, w, e, lat, lon, km]
        return frm, (" WHERE " + " AND ".join(conds)) if conds else "", args

    def run(self, q):
        c = self.conn
        if q["class"] == "density":
            edges = q["edges"]
            values = ",".join("(%d,?,?)" % i for i in range(len(edges)))
            sql = ("WITH b(i, lo, hi) AS (VALUES %s) SELECT (SELECT count(*) FROM events "
                   "WHERE lo BETWEEN b.lo AND b.hi) FROM b ORDER BY i" % values)
            counts = [r[0] for r in c.execute(sql, [x for e in edges for x in e])]
            return {"total": sum(counts), "buckets": counts}
        frm, where, args = self.where(q)
        if q.get("words") and where == " WHERE fts MATCH ?":
            total = c.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", args).fetchone()[0]
        else:
            total = c.execute("SELECT count(*) FROM %s%s" % (frm, where), args).fetchone()[0]
        order = "fts.rank" if q.get("words") else "e.lo"
        hits = [r[0] for r in c.execute("SELECT e.id, e.title FROM %s%s ORDER BY %s LIMIT 10"
                                        % (frm, where, order), args)]
        out = {"total": total, "hits": hits}
        if q.get("facets"):
            sub = "SELECT e.rid FROM %s%s" % (frm, where)
            out["facets"] = {"country": dict(c.execute(
                "SELECT country, count(DISTINCT event) FROM places WHERE event IN (%s) "
                "AND country <> '' GROUP BY country" % sub, args))}
        return out
