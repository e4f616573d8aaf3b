#!/usr/bin/env python3
"""NDCG@k of annals' ranking against judged queries.

Usage: ndcg.py JUDGED.tsv RESULTS.jsonl [--k 10] [--verbose]

JUDGED.tsv: one query per line, a tab, then the relevant event ids as id:grade (grades 1-3);
lines starting with # are comments. RESULTS.jsonl: what `annals search --queries FILE --json`
printed for the queries of JUDGED.tsv, in the same order (one JSON object per line).
Prints NDCG@k per query and the mean; gain is 2^grade - 1, discount log2(rank + 1).
"""
import argparse
import json
import math
import sys


def read_judged(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            query, _, judged = line.partition("\t")
            grades = {}
            for item in judged.split():
                ident, _, grade = item.rpartition(":")
                if not ident or not grade.isdigit():
                    sys.exit(f"{path}:{n}: expected id:grade, found {item!r}")
                grades[ident] = int(grade)
            out.append((query, grades))
    return out


def dcg(gains):
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg(ranked, grades, k):
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([grades.get(i, 0) for i in ranked[:k]]) / ideal


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("judged")
    ap.add_argument("results")
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    judged = read_judged(a.judged)
    with open(a.results, encoding="utf-8") as f:
        results = [json.loads(line) for line in f if line.strip()]
    if len(results) != len(judged):
        sys.exit(f"{len(judged)} judged queries but {len(results)} results")
    scores = []
    for (query, grades), r in zip(judged, results):
        if "error" in r:
            sys.exit(f"query {query!r} failed: {r['error']}")
        ranked = [h["id"] for h in r["hits"]]
        s = ndcg(ranked, grades, a.k)
        scores.append(s)
        print(f"{s:6.3f}  {query}")
        if a.verbose:
            for i, ident in enumerate(ranked[: a.k], 1):
                print(f"          {i:2}. [{grades.get(ident, 0)}] {ident}")
    mean = sum(scores) / len(scores)
    print(f"NDCG@{a.k} {mean:.3f} over {len(scores)} queries ({a.judged})")


if __name__ == "__main__":
    main()
