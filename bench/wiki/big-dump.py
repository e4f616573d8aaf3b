#!/usr/bin/env python3
"""Make a large MediaWiki XML export from a small one, for the memory and speed run of the
Wikipedia reader (docs/benchmarks.md, "Wikipedia articles and dumps"): the pages of SOURCE
(plain XML or .bz2) repeated with varied titles and ids ("Apollo 11 (copy 12)") until the
output holds SIZE megabytes. The output is for a local run only: it holds Wikipedia's text
(CC BY-SA), never commit it.

    bench/wiki/big-dump.py --size-mb 1024 --out target/wiki/big.xml \
        [--source ../shared/datasets/wikipedia-dev/gensim_enwiki-...-shortened.bz2]
"""
import argparse
import bz2
import glob
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
default = sorted(glob.glob(os.path.join(here, "../../../shared/datasets/wikipedia-dev/*.bz2")))

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument("--size-mb", type=int, default=1024)
ap.add_argument("--out", required=True)
ap.add_argument("--source", default=default[0] if default else None)
a = ap.parse_args()
if not a.source or not os.path.exists(a.source):
    sys.exit("big-dump: no source export: give --source (../shared/datasets/wikipedia-dev/ is absent)")

raw = (bz2.open if a.source.endswith(".bz2") else open)(a.source, "rb").read().decode("utf-8")
first = raw.find("<page>")
head, pages = raw[:first], re.findall(r"<page>.*?</page>", raw, flags=re.S)
if not pages:
    sys.exit(f"big-dump: {a.source}: no <page> in it")
os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
limit = a.size_mb * 1024 * 1024
written, copy, n = 0, 0, 0
with open(a.out, "w", encoding="utf-8") as out:
    out.write(head)
    written += len(head.encode())
    while written < limit:
        copy += 1
        for p in pages:
            n += 1
            p = re.sub(r"<title>(.*?)</title>", lambda m: f"<title>{m.group(1)} (copy {copy})</title>", p, count=1)
            p = re.sub(r"<id>\d+</id>", f"<id>{n}</id>", p, count=1)
            out.write("  " + p + "\n")
            written += len(p.encode()) + 3
            if written >= limit:
                break
    out.write("</mediawiki>\n")
print(f"{a.out}: {n} pages, {written / 1e6:.0f} MB ({copy} copies of {len(pages)} pages)", file=sys.stderr)
