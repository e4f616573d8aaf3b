#!/usr/bin/env python3
"""Two builds of annals on one corpus, alternating, in one run: before and after a change.

Usage: bench/search/ab.py --before BIN --after BIN --corpus FILE --kind onthisday|generated
                          [--work DIR] [--rounds 5] [--per-class 200] [--batch FILE]

Each binary imports the corpus into its own store (timed; disk measured), then, round after
round, each runs the query mix of queries.py (the classes of bench.py: one `search --queries`
process per class, facets only where the class asks) and, with --batch, the batch file (wall
time of one process); the two alternate within each round so that a noisy machine weighs on
both alike. Latencies are the took_ms annals reports per query. Prints, per class, the p50 and
p99 of each binary over all rounds (the first round is a warm-up and not counted) and the ratio
after/before, and checks that both return the same totals.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def load(binary, corpus, db):
    for f in (db, db + "-wal", db + "-shm", db + ".index"):
        if os.path.isdir(f):
            shutil.rmtree(f)
        elif os.path.exists(f):
            os.remove(f)
    t = time.perf_counter()
    subprocess.run([binary, "--db", db, "import", "--skip-invalid", "--no-gazetteer", corpus],
                   check=True, capture_output=True)
    secs = time.perf_counter() - t
    size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(db + ".index")
               for f in fs)
    return secs, size


def run_class(binary, db, lines, facets, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    extra = [] if facets else ["--no-facets"]
    r = subprocess.run([binary, "--db", db, "search", "--queries", path, "--json"] + extra,
                       capture_output=True, text=True, check=True)
    out = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    return [o["took_ms"] for o in out], [o.get("total") for o in out]


def run_batch(binary, db, path):
    t = time.perf_counter()
    subprocess.run([binary, "--db", db, "search", "--queries", path, "--json"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--kind", choices=["generated", "onthisday"], required=True)
    ap.add_argument("--work", default="/tmp/annals-bench-ab")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--per-class", type=int, default=200)
    ap.add_argument("--batch")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    qpath = os.path.join(a.work, "queries.json")
    subprocess.run([sys.executable, os.path.join(HERE, "queries.py"), a.corpus, "--kind", a.kind,
                    "--per-class", str(a.per_class), "--out", qpath], check=True)
    with open(qpath, encoding="utf-8") as f:
        mix = json.load(f)["mix"]
    classes = {}
    for q in mix:
        if q["class"] != "density":
            classes.setdefault(q["class"], []).append(q)
    builds = {"before": os.path.abspath(a.before), "after": os.path.abspath(a.after)}
    dbs = {k: os.path.join(a.work, k + ".db") for k in builds}
    print("load average %s" % open("/proc/loadavg").read().split()[:3], flush=True)
    for k in builds:
        secs, size = load(builds[k], a.corpus, dbs[k])
        print("%-6s import+index %.1f s, index %.1f MB" % (k, secs, size / 1e6), flush=True)
    lat = {k: {c: [] for c in classes} for k in builds}
    batch = {k: [] for k in builds}
    totals = {}
    for r in range(a.rounds + 1):
        order = list(builds) if r % 2 == 0 else list(builds)[::-1]
        for k in order:
            for c, qs in classes.items():
                ms, tot = run_class(builds[k], dbs[k], [q["annals"] for q in qs],
                                    any(q.get("facets") for q in qs),
                                    os.path.join(a.work, "%s.%s.txt" % (k, c)))
                if r > 0:
                    lat[k][c].extend(ms)
                totals.setdefault(c, {})[k] = tot
            if a.batch and r > 0:
                batch[k].append(run_batch(builds[k], dbs[k], a.batch))
        print("round %d done, load %s" % (r, open("/proc/loadavg").read().split()[:3]),
              flush=True)
    print("\n| class | before p50 / p99 ms | after p50 / p99 ms | ratio p50 | ratio p99 |")
    print("|---|---:|---:|---:|---:|")
    for c in classes:
        b, f = lat["before"][c], lat["after"][c]
        print("| %s | %.3f / %.2f | %.3f / %.2f | %.2f | %.2f |" % (
            c, pct(b, 50), pct(b, 99), pct(f, 50), pct(f, 99), pct(f, 50) / pct(b, 50),
            pct(f, 99) / pct(b, 99)))
    if a.batch:
        mb, mf = statistics.median(batch["before"]), statistics.median(batch["after"])
        print("| batch (%s), wall s, median of %d | %.2f | %.2f | %.2f | |" % (
            os.path.basename(a.batch), a.rounds, mb, mf, mf / mb))
    for c, t in totals.items():
        same = sum(1 for x, y in zip(t["before"], t["after"]) if x == y)
        print("%s: equal totals on %d of %d queries" % (c, same, len(t["before"])))


if __name__ == "__main__":
    main()
