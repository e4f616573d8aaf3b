#!/usr/bin/env bash
# Page latency of two builds side by side (docs/benchmarks.md, "Page latency at 1M events"):
# each build serves the database in turn on the same port, warms up on 50 event pages, then
# takes 8 API + 8 event page readers, then 16 search page readers, ROUNDS times.
#
#   bench/pages/ab.sh BEFORE/annals AFTER/annals [--db target/soak/soak-1000000.db] [--seconds 40] [--rounds 2]
#
# The database is the soak's (bench/soak.sh makes it); annals-load comes from this checkout.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { echo "usage: bench/pages/ab.sh BEFORE_BIN AFTER_BIN [--db DB] [--seconds S] [--rounds N]" >&2; exit 2; }
before=$1 after=$2
shift 2
db=target/soak/soak-1000000.db seconds=40 rounds=2
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cargo build --release -q -p annals-gen
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for round in $(seq "$rounds"); do
  for which in before after; do
    bin=$before
    [ "$which" = after ] && bin=$after
    RUST_LOG=warn "$bin" --db "$db" serve --addr "127.0.0.1:$port" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 300); do curl -s -o /dev/null "127.0.0.1:$port/readyz" && break; sleep 0.2; done
    curl -s "127.0.0.1:$port/api/export?limit=50" | python3 -c '
import json, sys
for line in sys.stdin:
    print(json.loads(line)["id"])' | while read -r id; do curl -s -o /dev/null "127.0.0.1:$port/events/$id"; done
    echo "== $which, round $round"
    target/release/annals-load --addr "127.0.0.1:$port" --seconds "$seconds" --cheap 8 --heavy 0 --writers 0 --no-hostile | grep -E "^(class|event)"
    target/release/annals-load --addr "127.0.0.1:$port" --seconds "$seconds" --cheap 0 --heavy 0 --searchers 16 --writers 0 --no-hostile | grep -E "^search page"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  done
done
