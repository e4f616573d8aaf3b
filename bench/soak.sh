#!/usr/bin/env bash
# The soak benchmark (docs/benchmarks.md, "Running in public"): mixed traffic against a server of
# generated events for a while: cheap readers (an event through the API, its page), eight
# clients hammering the heaviest pages, two writers, and hostile clients (slowloris, huge
# bodies without a token). Prints per class the requests, errors and latency percentiles, and
# the server's memory over time (a CSV beside the result).
#
#   bench/soak.sh [--events 1000000] [--seconds 600] [--work target/soak]
#
# The corpus (annals-gen, seed 7) and its database are kept in the work directory and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
events=1000000
seconds=600
work=target/soak
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "usage: bench/soak.sh [--events N] [--seconds S] [--work DIR]" >&2; exit 2 ;;
  esac
done
cargo build --release -q -p annals-cli -p annals-gen
mkdir -p "$work"
corpus="$work/gen-$events.jsonl"
db="$work/soak-$events.db"
if [ ! -f "$corpus" ]; then
  target/release/annals-gen --events "$events" --seed 7 --out "$corpus"
fi
if [ ! -f "$db" ]; then
  echo "importing $events events into $db..." >&2
  target/release/annals --db "$db" import --no-gazetteer "$corpus" >&2
fi
python3 -c 'import secrets; print(secrets.token_hex(24))' > "$work/token"
chmod 600 "$work/token"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Every legitimate client of the soak comes from 127.0.0.1: the per-address write rate is lifted.
RUST_LOG=warn target/release/annals --db "$db" serve --addr "127.0.0.1:$port" \
  --token-file "$work/token" --writes-per-minute 1000000 >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
python3 - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(600):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/readyz", timeout=1)
        break
    except Exception:
        time.sleep(0.1)
PY
echo "soak: $seconds s against $events events (server pid $pid, port $port)" >&2
status=0
target/release/annals-load --addr "127.0.0.1:$port" --token "$(cat "$work/token")" \
  --seconds "$seconds" --pid "$pid" --rss "$work/rss.csv" | tee "$work/result.txt" || status=$?
kill -TERM "$pid"
wait "$pid" || status=1
echo "memory curve: $work/rss.csv" >&2
exit $status
