"""PostgreSQL full-text search peer (Debian's postgresql package).

A throwaway cluster: initdb as the postgres user in a temporary directory, listening on
127.0.0.1 only (port 54329 by default), stopped and removed at the end.

Schema:
- events(rid, id, title, summary, body, lo, hi, participants, tags, tsv): tsv is a stored
  generated `to_tsvector('english', title || ' ' || summary || ' ' || body)` with a GIN index;
  B-trees on lo and hi (the date span on annals' day axis) and id;
- places(pid, event, name, country, lat, lon, pt): B-trees on (country, event) and (name, event),
  a GiST index on pt = point(lon, lat) for the geo box, exact great-circle distance after it.
Loading is COPY (CSV) from the Python client, then the indexes, then ANALYZE.
"""
import csv
import glob
import io
import json
import os
import shutil
import subprocess
import tempfile
import time

import corpus

PORT = int(os.environ.get("BENCH_PG_PORT", "54329"))
DB = "bench"


def _pg_bin(name):
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/%s" % name))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (apt-get install -y postgresql)")
    return found[-1]


def _as_postgres(args, **kw):
    return subprocess.run(["runuser", "-u", "postgres", "--"] + args, check=True, **kw)


class Server:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="annals-bench-pg-")
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = os.path.join(self.dir, "data")
        _as_postgres([_pg_bin("initdb"), "-D", self.data, "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--locale=C.UTF-8"], stdout=subprocess.DEVNULL)
        conf = {
            "listen_addresses": "'127.0.0.1'", "port": str(PORT),
            "unix_socket_directories": "'%s'" % self.dir,
            "shared_buffers": "512MB", "work_mem": "64MB", "maintenance_work_mem": "1GB",
            "max_wal_size": "8GB", "effective_cache_size": "8GB", "jit": "off",
            "max_parallel_maintenance_workers": "2", "max_parallel_workers_per_gather": "2",
        }
        with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
            for k, v in conf.items():
                f.write("%s = %s\n" % (k, v))
        _as_postgres([_pg_bin("pg_ctl"), "-D", self.data, "-l", os.path.join(self.dir, "log"),
                      "-w", "start"], stdout=subprocess.DEVNULL)
        _as_postgres([_pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(PORT), "-U", "postgres",
                      DB])
        v = connect().server_version
        self.version = "%d.%d" % (v // 10000, v % 10000)

    def pids(self):
        with open(os.path.join(self.data, "postmaster.pid")) as f:
            main = int(f.readline())
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(main)], capture_output=True,
                             text=True).stdout.split()
        return [main] + [int(p) for p in out]

    def memory_kib(self):
        """Proportional set size of the whole cluster (shared memory counted once)."""
        total = 0
        for pid in self.pids():
            try:
                with open("/proc/%d/smaps_rollup" % pid) as f:
                    for line in f:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1])
            except OSError:
                pass
        return total

    def disk_bytes(self):
        c = connect()
        cur = c.cursor()
        cur.execute("SELECT pg_total_relation_size('events') + pg_total_relation_size('places')")
        return cur.fetchone()[0]

    def stop(self):
        try:
            _as_postgres([_pg_bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop"],
                         stdout=subprocess.DEVNULL)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def connect():
    import psycopg2
    c = psycopg2.connect(host="127.0.0.1", port=PORT, user="postgres", dbname=DB)
    c.autocommit = True
    return c


def load(path):
    c = connect()
    cur = c.cursor()
    cur.execute("""
      CREATE TABLE events (rid integer PRIMARY KEY, id text NOT NULL, title text NOT NULL,
        summary text NOT NULL, body text NOT NULL, lo bigint NOT NULL, hi bigint NOT NULL,
        participants text NOT NULL, tags text NOT NULL,
        tsv tsvector GENERATED ALWAYS AS
          (to_tsvector('english', title || ' ' || summary || ' ' || body)) STORED);
      CREATE TABLE places (pid integer PRIMARY KEY, event integer NOT NULL, name text NOT NULL,
        country text NOT NULL, lat float8, lon float8, pt point);""")
    c.autocommit = False
    n = pid = 0
    ev, pl = io.StringIO(), io.StringIO()
    wev, wpl = csv.writer(ev), csv.writer(pl)

    def flush():
        for buf, sql in ((ev, "COPY events (rid, id, title, summary, body, lo, hi, participants,"
                               " tags) FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (title, summary,"
                               " body))"),
                         (pl, "COPY places FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (name,"
                               " country))")):
            buf.seek(0)
            cur.copy_expert(sql, buf)
            buf.seek(0)
            buf.truncate()

    for r in corpus.read(path):
        n += 1
        wev.writerow((n, r["id"], r["title"], r["summary"], r["body"], r["lo"], r["hi"],
                      json.dumps(r["participants"], ensure_ascii=False),
                      json.dumps(r["tags"], ensure_ascii=False)))
        for name, country, lat, lon in r["places"]:
            pid += 1
            wpl.writerow((pid, n, name, country, lat, lon,
                          "(%r,%r)" % (lon, lat) if lat is not None else None))
        if n % 20000 == 0:
            flush()
    flush()
    c.commit()
    c.autocommit = True
    for sql in ["CREATE INDEX events_tsv ON events USING gin (tsv)",
                "CREATE UNIQUE INDEX events_id ON events (id)",
                "CREATE INDEX events_lo ON events (lo)",
                "CREATE INDEX events_hi ON events (hi)",
                "CREATE INDEX places_country ON places (country, event)",
                "CREATE INDEX places_name ON places (name, event)",
                "CREATE INDEX places_pt ON places USING gist (pt)",
                "VACUUM ANALYZE events", "VACUUM ANALYZE places", "CHECKPOINT"]:
        cur.execute(sql)
    return n


HAVERSINE = ("2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(p.lat - %s) / 2), 2) + "
             "cos(radians(%s)) * cos(radians(p.lat)) * power(sin(radians(p.lon - %s) / 2), 2))))")


class Engine:
    def __init__(self):
        self.conn = connect()
        self.cur = self.conn.cursor()

    def where(self, q):
        conds, args = [], []
        if q.get("words"):
            conds.append("e.tsv @@ plainto_tsquery('english', %s)")
            args.append(" ".join(q["words"]))
        if "lo" in q:
            conds.append("e.lo <= %s AND e.hi >= %s")
            args += [q["hi"], q["lo"]]
        if "country" in q:
            conds.append("e.rid IN (SELECT event FROM places WHERE country = %s)")
            args.append(q["country"])
        if "place" in q:
            conds.append("e.rid IN (SELECT event FROM places WHERE name = %s)")
            args.append(q["place"])
        if "near" in q:
            lat, lon, km = q["near"]
            s, n, w, e = corpus.bbox_for(lat, lon, km)
            conds.append("e.rid IN (SELECT p.event FROM places p WHERE p.pt <@ box(point(%s, %s), "
                         "point(%s, %s)) AND " + HAVERSINE + " <= %s)")
            args += [w, s, e, n, lat, lat, lon, km]
        return (" WHERE " + " AND ".join(conds)) if conds else "", args

    def run(self, q):
        cur = self.cur
        if q["class"] == "density":
            edges = q["edges"]
            values = ",".join("(%d,%%s::bigint,%%s::bigint)" % i for i in range(len(edges)))
            cur.execute("SELECT (SELECT count(*) FROM events WHERE lo BETWEEN b.lo AND b.hi) "
                        "FROM (VALUES %s) AS b(i, lo, hi) ORDER BY i" % values,
                        [x for e in edges for x in e])
            counts = [r[0] for r in cur.fetchall()]
            return {"total": sum(counts), "buckets": counts}
        where, args = self.where(q)
        cur.execute("SELECT count(*) FROM events e" + where, args)
        total = cur.fetchone()[0]
        if q.get("words"):
            cur.execute("SELECT e.id, e.title FROM events e" + where +
                        " ORDER BY ts_rank(e.tsv, plainto_tsquery('english', %s)) DESC LIMIT 10",
                        args + [" ".join(q["words"])])
        else:
            cur.execute("SELECT e.id, e.title FROM events e" + where + " ORDER BY e.lo LIMIT 10",
                        args)
        out = {"total": total, "hits": [r[0] for r in cur.fetchall()]}
        if q.get("facets"):
            cur.execute("SELECT country, count(DISTINCT event) FROM places WHERE event IN "
                        "(SELECT e.rid FROM events e" + where + ") AND country <> '' "
                        "GROUP BY country", args)
            out["facets"] = {"country": dict(cur.fetchall())}
        return out


if __name__ == "__main__":
    # Smoke test: start, load a file, run one query, stop.
    import sys
    s = Server()
    try:
        t = time.time()
        print(load(sys.argv[1]), "events in", time.time() - t, "s")
        print(Engine().run({"class": "text", "words": ["treaty"]}))
    finally:
        s.stop()
