#!/usr/bin/env python3
"""Precision and recall of `annals duplicates` on the demo corpus and rewritten copies of it.

Every third demo event is copied as another hand would write it: a new id, the title's
words reordered ("Battle of X" -> "X, battle of") or a typo, the date to the year or the
month (or left as it is), the summary cut to its first half, places and participants
sometimes dropped. The copies are imported after the demo (so the import proposes pairs by
itself), then `annals duplicates --json` lists the queue; a proposed pair is right when it
is (original, its copy). Usage:

    python3 bench/duplicates/run.py [--annals target/release/annals] [--min-score 0.5]
"""
import argparse, json, os, random, subprocess, sys, tempfile


def rewrite(e, rng, n):
    c = json.loads(json.dumps(e))
    c["id"] = f"copy-{n}-{e['id']}"[:80]
    title = e["title"]
    words = title.split()
    kind = rng.randrange(3)
    if kind == 0 and " of " in title:
        head, tail = title.split(" of ", 1)
        c["title"] = f"{tail}, {head.lower()} of"
    elif kind == 1 and len(words) > 1:
        w = max(words, key=len)
        i = len(w) // 2
        c["title"] = title.replace(w, w[:i] + w[i + 1:], 1)
    else:
        c["title"] = "The " + title if not title.startswith("The ") else title[4:]
    date = e.get("date", "")
    if isinstance(date, str) and len(date) == 10 and date[0].isdigit() and rng.random() < 0.5:
        c["date"] = date[:4] if rng.random() < 0.5 else date[:7]
    s = e.get("summary", "")
    if s:
        c["summary"] = s[: max(20, len(s) // 2)].rsplit(" ", 1)[0] + "."
    if rng.random() < 0.3:
        c["places"] = []
    if rng.random() < 0.3:
        c["participants"] = []
    c["body"] = []
    c["key_points"] = []
    c["related"] = []
    c["sources"] = [{"name": "A second hand", "url": "https://example.org/copy"}]
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--annals", default="target/release/annals")
    ap.add_argument("--min-score", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    annals = os.path.abspath(a.annals)
    rng = random.Random(a.seed)
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "d.db")
        run = lambda *args, **kw: subprocess.run([annals, "--db", db, *args], check=True,
                                                 capture_output=True, text=True, **kw)
        run("demo", "--no-serve")
        events = [json.loads(l) for l in run("export", "--format", "jsonl").stdout.splitlines() if l.strip()]
        copies, truth = [], set()
        for n, e in enumerate(events):
            if n % 3 == 0:
                c = rewrite(e, rng, n)
                copies.append(c)
                truth.add(tuple(sorted((e["id"], c["id"]))))
        path = os.path.join(d, "copies.jsonl")
        with open(path, "w") as f:
            for c in copies:
                f.write(json.dumps(c) + "\n")
        run("import", path)
        if a.min_score != 0.5:
            run("duplicates", "--scan", "--min-score", str(a.min_score))
        queue = [json.loads(l) for l in run("duplicates", "--json", "--limit", "100000").stdout.splitlines()]
        found = {tuple(sorted((p["a"], p["b"]))) for p in queue if p["score"] >= a.min_score}
        right = found & truth
        precision = len(right) / len(found) if found else 1.0
        recall = len(right) / len(truth)
        print(f"events {len(events)}, copies {len(copies)}, min score {a.min_score}: "
              f"proposed {len(found)}, right {len(right)}, precision {precision:.3f}, recall {recall:.3f}")
        for p in sorted(truth - found)[:10]:
            print("  missed:", p)
        for p in sorted(found - truth)[:10]:
            print("  wrong:", p)


if __name__ == "__main__":
    sys.exit(main())
