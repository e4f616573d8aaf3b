#!/usr/bin/env python3
"""The query mix of a harness run again on its store, without importing again.

Usage: bench/search/mix.py --bin target/release/annals --db WORK/annals.db
                           --queries WORK/queries.json [--runs 3] [--slowest 3]

Runs the search classes of queries.json (written by bench.py) as bench.py does: one `annals
search --queries` process per class and run, facets only for the class that asks, after one
warm-up run; prints each class's p50 and p99 (median over the runs of each run's percentile),
how many queries took over 50 ms (median of the runs), and the slowest queries. Latencies are
the took_ms annals reports. Use it when the import ran beside other work, or to measure a build
against a store it can read (the same index schema).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import queries  # noqa: E402


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--slowest", type=int, default=3)
    a = ap.parse_args()
    mix = json.load(open(a.queries))["mix"]
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    for cls in ["text", "text_date", "text_date_place_facets"]:
        lines = [queries.annals_query(q) for q in mix if q["class"] == cls]
        if not lines:
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("\n".join(lines) + "\n")
        args = [a.bin, "--db", a.db, "search", "--queries", f.name, "--json"]
        if cls != "text_date_place_facets":
            args.append("--no-facets")
        runs = []
        for r in range(a.runs + 1):
            out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
            took = [json.loads(line)["took_ms"] for line in out.splitlines()]
            if r:
                runs.append(took)
        os.unlink(f.name)
        p50 = statistics.median(statistics.median(x) for x in runs)
        p99 = statistics.median(pct(x, 99) for x in runs)
        med = [statistics.median(c) for c in zip(*runs)]
        over = sum(1 for m in med if m > 50)
        print("%-24s p50 %7.2f ms  p99 %7.2f ms  over 50 ms: %d of %d" % (cls, p50, p99, over, len(lines)))
        for ms, q in sorted(zip(med, lines))[-a.slowest:][::-1]:
            print("    %8.1f ms  %s" % (ms, q))
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
