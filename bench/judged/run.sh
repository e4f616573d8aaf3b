#!/usr/bin/env bash
# Search quality: NDCG@10 of annals' ranking on the judged query sets of bench/judged/.
# See docs/benchmarks.md ("Search quality").
#
# Usage: bench/judged/run.sh [--annals BIN] [--work DIR] [--verbose]
#   demo.tsv: the demo corpus (examples/, compiled into annals), imported with `annals demo`
#   onthisday.tsv: ../shared/datasets/onthisday/onthisday.jsonl, imported with --skip-invalid
#     (SKIPPED when that file is absent)
#   --annals BIN: the binary to judge (default: target/release/annals, built first)
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
annals="" work=${BENCH_WORK:-/tmp/annals-bench-judged} verbose=()
while [ $# -gt 0 ]; do
  case "$1" in
    --annals) annals=$(realpath "$2"); shift 2 ;;
    --work) work=$2; shift 2 ;;
    --verbose) verbose=(--verbose); shift ;;
    -h|--help) sed -n '2,10p' "$self"; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$self")/../.."
if [ -z "$annals" ]; then
  cargo build --release -q -p annals-cli
  annals=$(realpath target/release/annals)
fi
mkdir -p "$work"

# judge SET DB: run the set's queries against DB and score them.
judge() {
  local set=$1 db=$2
  cut -f1 <(grep -v '^#' "bench/judged/$set.tsv") >"$work/$set.queries"
  "$annals" --db "$db" search --queries "$work/$set.queries" --json --limit 10 --no-facets \
    >"$work/$set.results.jsonl"
  python3 bench/judged/ndcg.py "bench/judged/$set.tsv" "$work/$set.results.jsonl" "${verbose[@]}"
}

rm -rf "$work/demo.db" "$work/demo.db.index"
"$annals" --db "$work/demo.db" demo --no-serve >/dev/null
judge demo "$work/demo.db"

corpus=../shared/datasets/onthisday/onthisday.jsonl
if [ -f "$corpus" ]; then
  rm -rf "$work/onthisday.db" "$work/onthisday.db.index"
  "$annals" --db "$work/onthisday.db" import --skip-invalid "$corpus" >/dev/null 2>&1
  judge onthisday "$work/onthisday.db"
else
  echo "onthisday: SKIPPED ($corpus is absent)"
fi
