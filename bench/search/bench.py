"""The search benchmark: annals and its peers on one corpus and one query mix, in one run.

Called by run.sh (which installs the peers and builds annals); see README.md. For each engine:
load the corpus (timed: events/s), run the query mix (warm-up pass, then --runs timed passes;
per-query latency from the client), run the check queries, measure the store's disk size and
the memory of the process serving the queries; then print and save the side-by-side table, the
ratios to annals and the cross-check of hit counts.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import queries  # noqa: E402

CLASS_NAMES = {
    "text": "text",
    "text_date": "text+date",
    "text_date_place_facets": "text+date+place+facets",
    "density": "date density",
}
PEERS = ["fts5", "postgres", "typesense"]


def pct(xs, p):
    """Nearest-rank percentile."""
    if not xs:
        return None
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def summarize(lat_runs):
    """{class: [[ms, ...] per run]} -> {class: {"p50": median of runs' p50, "p99": ...}}."""
    out = {}
    for cls, runs in lat_runs.items():
        p50 = [pct(r, 50) for r in runs if r]
        p99 = [pct(r, 99) for r in runs if r]
        if p50:
            out[cls] = {"p50": statistics.median(p50), "p99": statistics.median(p99),
                        "n": len(runs[0])}
    return out


# ---------------------------------------------------------------- child processes


def child_load(peer, corpus_path, db):
    t = time.perf_counter()
    if peer == "fts5":
        import peer_fts5
        n = peer_fts5.load(corpus_path, db)
    elif peer == "postgres":
        import peer_postgres
        n = peer_postgres.load(corpus_path)
    else:
        import peer_typesense
        n = peer_typesense.load(corpus_path)
    print(json.dumps({"events": n, "seconds": time.perf_counter() - t}))


def child_query(peer, db, qfile, runs, warmup, out):
    with open(qfile, encoding="utf-8") as f:
        doc = json.load(f)
    if peer == "fts5":
        import peer_fts5
        eng = peer_fts5.Engine(db)
    elif peer == "postgres":
        import peer_postgres
        eng = peer_postgres.Engine()
    else:
        import peer_typesense
        eng = peer_typesense.Engine()
    lat = {c: [] for c in queries.CLASSES}
    results = []
    for r in range(warmup + runs):
        per = {c: [] for c in queries.CLASSES}
        results = []
        for q in doc["mix"]:
            t = time.perf_counter()
            res = eng.run(q)
            per[q["class"]].append((time.perf_counter() - t) * 1000.0)
            results.append(res)
        if r >= warmup:
            for c in per:
                lat[c].append(per[c])
    checks = [eng.run(q) for q in doc["checks"]]
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"lat": lat, "results": results, "checks": checks}, f, ensure_ascii=False)


def run_child(args):
    """Runs this script as a child; returns (stdout, peak RSS KiB of the child)."""
    p = subprocess.Popen([sys.executable, os.path.abspath(__file__)] + args,
                         stdout=subprocess.PIPE, text=True)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError("child %s failed (%d)" % (args[:2], p.returncode))
    return out, ru.ru_maxrss


# ---------------------------------------------------------------- annals


class Annals:
    """annals through its CLI. Columns are filled from whatever the binary offers."""

    def __init__(self, binary, db):
        self.bin, self.db = binary, db
        self.help = ""
        r = subprocess.run([binary, "search", "--help"], capture_output=True, text=True)
        self.search = r.returncode == 0
        if self.search:
            self.help = r.stdout
        self.version = subprocess.run([binary, "--version"], capture_output=True,
                                      text=True).stdout.strip()
        self.errors = []
        r = subprocess.run([binary, "timeline", "--help"], capture_output=True, text=True)
        self.has_timeline = r.returncode == 0
        self.no_gazetteer = "--no-gazetteer" in subprocess.run(
            [binary, "import", "--help"], capture_output=True, text=True).stdout
        # `timeline --queries`: density queries in one process, like `search --queries`.
        self.timeline_batch = self.has_timeline and "--queries" in r.stdout

    def load(self, corpus_path):
        for f in self.files():
            os.remove(f) if os.path.isfile(f) else shutil.rmtree(f)
        t = time.perf_counter()
        # Places as the peers get them: without the gazetteer's coordinates (it would make
        # `near:` find more events than the peers can).
        r = subprocess.run([self.bin, "--db", self.db, "import", "--skip-invalid"]
                           + (["--no-gazetteer"] if self.no_gazetteer else []) + [corpus_path],
                           capture_output=True, text=True)
        secs = time.perf_counter() - t
        if r.returncode != 0:
            raise RuntimeError("annals import failed: %s" % r.stderr[-2000:])
        st = subprocess.run([self.bin, "--db", self.db, "stats", "--json"], capture_output=True,
                            text=True)
        n = json.loads(st.stdout)["events"] if st.returncode == 0 else None
        return n, secs

    def files(self):
        d, base = os.path.split(os.path.abspath(self.db))
        return [os.path.join(d, f) for f in os.listdir(d) if f.startswith(base)] if os.path.isdir(d) else []

    def disk_bytes(self):
        total = 0
        for f in self.files():
            if os.path.isdir(f):
                for root, _, fs in os.walk(f):
                    total += sum(os.path.getsize(os.path.join(root, x)) for x in fs)
            else:
                total += os.path.getsize(f)
        return total

    def flags(self, q):
        """Extra `search` arguments for a class (facets only where asked, as the peers)."""
        if q.get("facets"):
            return []
        return ["--no-facets"] if "--no-facets" in self.help else []

    def timeline(self, q):
        """A density query through `annals timeline` (one process per query, startup included):
        returns (result, wall ms), or None when this annals has no timeline."""
        if not self.has_timeline:
            return None
        t = time.perf_counter()
        r = subprocess.run([self.bin, "--db", self.db, "timeline"] + q["annals_timeline"]
                           + ["--top", "0", "--json"], capture_output=True, text=True)
        ms = (time.perf_counter() - t) * 1000.0
        if r.returncode != 0:
            raise RuntimeError("annals timeline failed: %s" % r.stderr[-2000:])
        o = json.loads(r.stdout)
        res = {"total": o.get("total"), "buckets": [b.get("count") for b in o.get("buckets", [])],
               "edges": [[b.get("start"), b.get("end")] for b in o.get("buckets", [])]}
        return res, ms

    @staticmethod
    def density_line(q):
        """A density query as a line of `timeline --queries`."""
        a = dict(zip(q["annals_timeline"][0::2], q["annals_timeline"][1::2]))
        return json.dumps({"from": a["--from"], "to": a["--to"], "buckets": int(a["--buckets"]),
                           "top": 0})

    def timelines(self, qs, path):
        """Density queries through one `annals timeline --queries` process: returns
        [(result, took_ms)] (took_ms measured inside annals, as for search)."""
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(self.density_line(q) for q in qs) + "\n")
        r = subprocess.run([self.bin, "--db", self.db, "timeline", "--queries", path, "--json"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("annals timeline --queries failed: %s" % r.stderr[-2000:])
        out = []
        for line in r.stdout.splitlines():
            o = json.loads(line)
            res = {"total": o.get("total"), "buckets": [b.get("count") for b in o.get("buckets", [])],
                   "edges": [[b.get("start"), b.get("end")] for b in o.get("buckets", [])]}
            out.append((res, float(o["took_ms"])))
        return out

    def batch(self, lines, extra, path):
        """Runs `annals search --queries` over lines; returns (results, wall s, peak RSS KiB)."""
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        out_path, err_path = path + ".out", path + ".err"
        with open(out_path, "wb") as fo, open(err_path, "wb") as fe:
            t = time.perf_counter()
            p = subprocess.Popen([self.bin, "--db", self.db, "search", "--queries", path,
                                  "--json"] + extra, stdout=fo, stderr=fe)
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        with open(out_path, "rb") as f:
            out = f.read()
        res = [json.loads(x) for x in out.decode().splitlines() if x.strip()]
        if p.returncode not in (0, 1) or len(res) != len(lines):
            with open(err_path, encoding="utf-8", errors="replace") as f:
                raise RuntimeError("annals search failed (%d): %s" % (p.returncode,
                                                                      f.read()[-2000:]))
        for x, line in zip(res, lines):
            if "error" in x:
                self.errors.append("%s: %s" % (line, x["error"]))
        return res, wall, ru.ru_maxrss

    def query(self, doc, runs, warmup, work):
        """The mix: each search class as one `search --queries` process per run (latency: the
        took_ms of each line); density through `timeline`, a process per query. Then the
        checks."""
        lat = {c: [] for c in queries.CLASSES}
        tput = {}
        results = [None] * len(doc["mix"])
        rss = 0
        for cls in queries.CLASSES:
            idx = [i for i, q in enumerate(doc["mix"]) if q["class"] == cls]
            if not idx:
                continue
            if cls == "density" and self.timeline_batch:
                for r in range(warmup + runs):
                    got = self.timelines([doc["mix"][i] for i in idx],
                                         os.path.join(work, "annals-d.txt"))
                    for i, (res, _) in zip(idx, got):
                        results[i] = res
                    if r >= warmup:
                        lat[cls].append([t for _, t in got])
                continue
            if cls == "density":
                if not self.has_timeline:
                    continue
                for r in range(warmup + runs):
                    ms = []
                    for i in idx:
                        res, t = self.timeline(doc["mix"][i])
                        ms.append(t)
                        results[i] = res
                    if r >= warmup:
                        lat[cls].append(ms)
                continue
            extra = self.flags(doc["mix"][idx[0]])
            lines = [doc["mix"][i]["annals"] for i in idx]
            walls = []
            for r in range(warmup + runs):
                res, wall, peak = self.batch(lines, extra, os.path.join(work, "annals-q.txt"))
                rss = max(rss, peak or 0)
                if r < warmup:
                    continue
                walls.append(wall)
                if all("took_ms" in x for x in res if "error" not in x):
                    lat[cls].append([float(x["took_ms"]) for x in res if "error" not in x])
                for i, x in zip(idx, res):
                    results[i] = normalize_annals(x)
            tput[cls] = {"wall_s": statistics.median(walls), "queries": len(lines)}
        checks = []
        for q in doc["checks"]:
            if q["class"] == "density":
                r = self.timeline(q)
                checks.append(r[0] if r else None)
                continue
            res, _, _ = self.batch([q["annals"]], self.flags(q), os.path.join(work, "annals-c.txt"))
            checks.append(normalize_annals(res[0]))
        return {"lat": lat, "results": results, "checks": checks, "throughput": tput,
                "errors": sorted(set(self.errors)),
                "rss_kib": rss or None,
                "rss_note": "peak of the `search --queries` processes (took_ms latencies are "
                            "measured inside annals; density is `timeline --queries` when the "
                            "binary has it, else a `timeline` process per query, startup "
                            "included)"}



def normalize_annals(x):
    if "error" in x:
        return None
    out = {"total": x.get("total"), "hits": [h.get("id") if isinstance(h, dict) else h
                                             for h in x.get("hits", [])]}
    facets = x.get("facets")
    if isinstance(facets, dict) and "country" in facets:
        fc = facets["country"]
        if isinstance(fc, list):  # [{"value": ..., "count": ...}]
            fc = {d.get("value"): d.get("count") for d in fc}
        out["facets"] = {"country": fc}
    return out


# ---------------------------------------------------------------- the run


def fmt(x, digits=1):
    if x is None:
        return "n/a"
    if isinstance(x, float):
        return ("%." + str(digits) + "f") % x
    return str(x)


def compare(a, b):
    """Do two results agree on counts? Totals; facet counts (on the values both list: annals
    lists the top values only); buckets (and their edges, when both give them)."""
    if a is None or b is None:
        return None
    if a.get("total") != b.get("total"):
        return False
    fa = (a.get("facets") or {}).get("country")
    fb = (b.get("facets") or {}).get("country")
    if fa is not None and fb is not None:
        small, big = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
        if any(big.get(k) != v for k, v in small.items()):
            return False
        if len(small) < len(big):
            # The shorter list must be a top list of the longer one.
            floor = min(small.values()) if small else 0
            if any(v > floor and k not in small for k, v in big.items()):
                return False
    if "buckets" in a and "buckets" in b and a["buckets"] != b["buckets"]:
        return False
    return True


def load_avg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--kind", choices=["generated", "onthisday"], required=True)
    ap.add_argument("--work", required=True, help="scratch directory (stores, results)")
    ap.add_argument("--peers", default="fts5,postgres,typesense")
    ap.add_argument("--annals", default=os.path.join(HERE, "..", "..", "target", "release",
                                                     "annals"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--per-class", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", help="the 2,000-query file for the batch test (onthisday)")
    ap.add_argument("--batch-runs", type=int, default=3)
    ap.add_argument("--report", help="also write the report (markdown) here")
    ap.add_argument("--report-only", action="store_true",
                    help="print the report of the results already in --work (a stopped run)")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    peers = [p for p in a.peers.split(",") if p]
    for p in peers:
        if p not in PEERS:
            sys.exit("unknown peer %s (known: %s)" % (p, ", ".join(PEERS)))

    lines = []

    def say(s=""):
        print(s, flush=True)
        lines.append(s)

    qfile = os.path.join(a.work, "queries.json")
    if a.report_only:
        with open(qfile, encoding="utf-8") as f:
            doc = json.load(f)
        with open(os.path.join(a.work, "results.json"), encoding="utf-8") as f:
            res = json.load(f)
        report(a, doc, res["engines"], res.get("batch"), res.get("load", []), 0, say)
        return
    subprocess.run([sys.executable, os.path.join(HERE, "queries.py"), a.corpus, "--kind", a.kind,
                    "--per-class", str(a.per_class), "--seed", str(a.seed), "--out", qfile],
                   check=True)
    with open(qfile, encoding="utf-8") as f:
        doc = json.load(f)

    loads = [load_avg()]
    engines = {}
    started = time.time()

    # annals first: its import and, if `annals search` exists, its queries.
    adb = os.path.join(a.work, "annals.db")
    an = Annals(os.path.abspath(a.annals), adb)
    say("# annals: %s; search: %s; timeline: %s" % (an.version, "yes" if an.search else "n/a",
                                                    "yes" if an.has_timeline else "n/a"))
    e = {"name": "annals", "version": an.version, "events": None, "import_s": None, "disk": None}
    try:
        n, secs = an.load(a.corpus)
        e.update(events=n, import_s=secs, disk=an.disk_bytes())
        say("# annals: %s events imported in %.1f s" % (n, secs))
        if an.search:
            e.update(an.query(doc, a.runs, a.warmup, a.work))
    except Exception as ex:  # the annals columns stay n/a; the peers still run
        e["failure"] = str(ex)[:500]
        an.search = False
        say("# annals FAILED: %s" % e["failure"])
    engines["annals"] = e
    loads.append(load_avg())
    save(a, engines, None, loads)

    for peer in peers:
        server = None
        db = os.path.join(a.work, "fts5.db")
        try:
            if peer == "fts5":
                import peer_fts5
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(db + suffix):
                        os.remove(db + suffix)
                version = "SQLite %s" % peer_fts5.check_sqlite()
            elif peer == "postgres":
                import peer_postgres
                server = peer_postgres.Server()
                version = "PostgreSQL %s" % server.version
            else:
                import peer_typesense
                server = peer_typesense.Server()
                version = "Typesense %s" % server.version
            out, _ = run_child(["_load", peer, a.corpus, db])
            ld = json.loads(out)
            say("# %s: %d events loaded in %.1f s" % (version, ld["events"], ld["seconds"]))
            qout = os.path.join(a.work, "%s-results.json" % peer)
            _, peak = run_child(["_query", peer, db, qfile, str(a.runs), str(a.warmup), qout])
            with open(qout, encoding="utf-8") as f:
                res = json.load(f)
            e = {"name": peer, "version": version, "events": ld["events"],
                 "import_s": ld["seconds"], **res}
            if peer == "fts5":
                e["disk"] = os.path.getsize(db)
                e["rss_kib"] = peak
                e["rss_note"] = "query process (Python + SQLite), peak"
            else:
                e["disk"] = server.disk_bytes()
                e["rss_kib"] = server.memory_kib()
                e["rss_note"] = ("server, proportional set size after the queries"
                                 if peer == "postgres" else "server, resident after the queries")
                e["client_rss_kib"] = peak
            engines[peer] = e
        finally:
            if server is not None:
                server.stop()
        loads.append(load_avg())
        save(a, engines, None, loads)

    batch = None
    if a.batch and "fts5" in engines:
        batch = run_batch(a, an, os.path.join(a.work, "fts5.db"))
        loads.append(load_avg())

    report(a, doc, engines, batch, loads, time.time() - started, say)
    save(a, engines, batch, loads)
    if a.report:
        with open(a.report, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def save(a, engines, batch, loads):
    """results.json, rewritten after each engine (so a stopped run keeps what it measured)."""
    with open(os.path.join(a.work, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"engines": engines, "batch": batch, "load": loads}, f, ensure_ascii=False)


def run_batch(a, an, fts5_db):
    """2,000 one-to-three-word queries: annals search --queries vs one Python+FTS5 process."""
    with open(a.batch, encoding="utf-8") as f:
        qs = [x.strip() for x in f if x.strip()]
    out = {"queries": len(qs), "fts5": [], "annals": []}
    fts_res = None
    for _ in range(a.batch_runs):
        t = time.perf_counter()
        p = subprocess.run([sys.executable, os.path.join(HERE, "fts5_batch.py"), fts5_db, a.batch],
                           capture_output=True, text=True, check=True)
        out["fts5"].append(time.perf_counter() - t)
        fts_res = [json.loads(x) for x in p.stdout.splitlines()]
    if an.search:
        for _ in range(a.batch_runs):
            res, wall, _ = an.batch(qs, [], os.path.join(a.work, "annals-batch.txt"))
            out["annals"].append(wall)
        same = sum(1 for x, y in zip(res, fts_res) if x.get("total") == y.get("total"))
        out["same_totals"] = same
    return out


def report(a, doc, engines, batch, loads, elapsed, say):
    names = ["annals"] + [p for p in PEERS if p in engines]
    n_events = next((engines[n]["events"] for n in names if engines[n].get("events")), None)
    say()
    say("## Search benchmark: %s (%s events), %s" % (os.path.basename(a.corpus), n_events,
                                                     time.strftime("%Y-%m-%d %H:%M")))
    say()
    say("Machine: %s, %d cores; load average (1/5/15 min) before and after each engine: %s. "
        "Mix: %d queries per class, %d warm-up + %d timed runs (p50/p99 per run, median of "
        "runs). Elapsed %.0f s." % (platform.machine(), os.cpu_count(), " | ".join(loads),
                                    a.per_class, a.warmup, a.runs, elapsed))
    say()
    head = "| engine | import s | events/s |"
    sep = "|---|---:|---:|"
    for c in queries.CLASSES:
        head += " %s p50 ms | p99 ms |" % CLASS_NAMES[c]
        sep += "---:|---:|"
    head += " disk MB | RSS MB |"
    sep += "---:|---:|"
    say(head)
    say(sep)
    for n in names:
        e = engines[n]
        s = summarize(e.get("lat", {}))
        row = "| %s | %s | %s |" % (e["version"], fmt(e["import_s"]),
                                   fmt(e["events"] / e["import_s"], 0)
                                   if e.get("events") and e.get("import_s") else "n/a")
        for c in queries.CLASSES:
            row += " %s | %s |" % (fmt(s.get(c, {}).get("p50"), 2), fmt(s.get(c, {}).get("p99"), 2))
        row += " %s | %s |" % (fmt(e["disk"] / 1e6) if e.get("disk") else "n/a",
                               fmt(e["rss_kib"] / 1024.0) if e.get("rss_kib") else "n/a")
        say(row)
    say()
    for n in names:
        if engines[n].get("rss_note"):
            say("- RSS of %s: %s." % (n, engines[n]["rss_note"]))
    tp = engines["annals"].get("throughput")
    if tp:
        say("- annals batch throughput per class (one process per class, startup included): " +
            "; ".join("%s %d queries in %.2f s" % (CLASS_NAMES[c], v["queries"], v["wall_s"])
                      for c, v in tp.items()))
    say()

    # Ratios against annals.
    ann = engines["annals"]
    sa = summarize(ann.get("lat", {}))
    peers = [n for n in names if n != "annals"]
    if peers:
        say("Ratios (annals vs the fastest peer; targets: import >= 2x, p50 <= 0.5x, "
            "p99 < 25 ms, RSS < 300 MB, disk <= FTS5):")
        say()
        tputs = {n: engines[n]["events"] / engines[n]["import_s"] for n in peers}
        best = max(tputs, key=tputs.get)
        mine = ann["events"] / ann["import_s"] if ann.get("events") and ann.get("import_s") else None
        say("- import: fastest peer %s %.0f events/s; annals %s events/s; ratio %s" % (
            best, tputs[best], fmt(mine, 0), fmt(mine / tputs[best], 2) if mine else "n/a"))
        for c in queries.CLASSES:
            p50s = {n: summarize(engines[n]["lat"]).get(c, {}).get("p50") for n in peers}
            p50s = {k: v for k, v in p50s.items() if v is not None}
            if not p50s:
                continue
            b = min(p50s, key=p50s.get)
            m = sa.get(c, {}).get("p50")
            say("- %s p50: fastest peer %s %.2f ms; annals %s ms; ratio %s; annals p99 %s ms" % (
                CLASS_NAMES[c], b, p50s[b], fmt(m, 2), fmt(m / p50s[b], 2) if m else "n/a",
                fmt(sa.get(c, {}).get("p99"), 2)))
        if ann.get("rss_kib"):
            say("- serving memory: annals %.1f MB (target < 300 MB)" % (ann["rss_kib"] / 1024.0))
        if "fts5" in engines and ann.get("disk"):
            say("- disk: annals %.1f MB vs FTS5 %.1f MB: ratio %.2f" % (
                ann["disk"] / 1e6, engines["fts5"]["disk"] / 1e6,
                ann["disk"] / engines["fts5"]["disk"]))
        say()

    # Cross-check.
    say("Cross-check (hit counts of the check queries; facets and buckets compared too):")
    say()
    say("| query | " + " | ".join(names) + " | agree |")
    say("|---|" + "---:|" * len(names) + "---|")
    mismatches = 0
    for i, q in enumerate(doc["checks"]):
        label = q["annals"] or "(all)"
        if q["class"] == "density":
            label = "timeline %s..%s [%d buckets of %d years]" % (
                q["years"][0], q["years"][1], len(q["edges"]), q["unit"])
        elif q.get("facets"):
            label += " [facets]"
        cells, res = [], []
        for n in names:
            r = (engines[n].get("checks") or [None] * len(doc["checks"]))[i]
            res.append(r)
            cells.append(fmt(r.get("total")) if r else "n/a")
        present = [r for r in res if r]
        ok = all(compare(present[0], r) for r in present[1:]) if len(present) > 1 else None
        if ok is False:
            mismatches += 1
            detail = []
            for n, r in zip(names, res):
                if r and not compare(present[0], r):
                    detail.append(n)
            ok_s = "NO (%s differ from %s)" % (", ".join(detail), names[res.index(present[0])])
        else:
            ok_s = "yes" if ok else "n/a"
        say("| `%s` | %s | %s |" % (label, " | ".join(cells), ok_s))
    say()
    for n in names:
        ref = engines.get("fts5")
        if n == "fts5" or not ref or not engines[n].get("results"):
            continue
        pairs = [(x, y) for x, y in zip(ref["results"], engines[n]["results"]) if x and y]
        if pairs:
            same = sum(1 for x, y in pairs if compare(x, y))
            say("- mix: %s agrees with fts5 on %d of %d queries (totals, facets, buckets)." % (
                n, same, len(pairs)))
    say("- check queries that disagree: %d of %d." % (mismatches, len(doc["checks"])))
    errs = engines["annals"].get("errors") or []
    if errs:
        say("- annals refused %d distinct queries, e.g. %s" % (len(errs), "; ".join(errs[:3])))
    say()

    if batch:
        f = statistics.median(batch["fts5"])
        say("Batch test: %d one-to-three-word queries (%s), each side one process, startup "
            "included, median of %d runs:" % (batch["queries"], os.path.relpath(a.batch),
                                              len(batch["fts5"])))
        say()
        say("- Python + SQLite FTS5: %.2f s (runs: %s)" % (f, ", ".join("%.2f" % x for x in batch["fts5"])))
        if batch["annals"]:
            m = statistics.median(batch["annals"])
            say("- annals search --queries --json: %.2f s (runs: %s); ratio annals/FTS5 %.2f "
                "(target <= 0.5); equal totals on %d of %d queries" % (
                    m, ", ".join("%.2f" % x for x in batch["annals"]), m / f,
                    batch.get("same_totals", 0), batch["queries"]))
        else:
            say("- annals: n/a (no `annals search` in this build)")
        say()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_load":
        child_load(*sys.argv[2:5])
    elif len(sys.argv) > 1 and sys.argv[1] == "_query":
        child_query(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]),
                    sys.argv[7])
    else:
        main()
