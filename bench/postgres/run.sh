#!/usr/bin/env bash
# PostgreSQL beside SQLite on this machine: import of N generated events into each, `annals
# migrate` from SQLite into PostgreSQL, search latency on a node of each store (the same
# queries), and how soon a second node finds what the first wrote.
# Starts a PostgreSQL cluster of its own (Debian's, as tests/support/postgres.rs does) and
# removes it after.
#
#   cargo build --release -p annals-cli -p annals-gen
#   bench/postgres/run.sh [EVENTS]        # default 100000
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
BIN=target/release
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/annals-pgbench.XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then chown postgres: "$work"; as=(runuser -u postgres --); fi
"${as[@]}" "$PGBIN/initdb" -D "$work/data" -U annals --auth=trust --no-locale -E UTF8 >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${as[@]}" "$PGBIN/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
trap '"${as[@]}" "$PGBIN/pg_ctl" -D "$work/data" -m fast stop >/dev/null; rm -rf "$work"' EXIT
for db in bench migrated; do "${as[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U annals "$db"; done
url=postgres://annals@127.0.0.1:$port

"$BIN/annals-gen" --events "$N" --seed 7 --out "$work/gen.jsonl" >/dev/null
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), $N generated events (annals-gen --seed 7), $(nproc) cores"
measure() { # LABEL COMMAND...: wall seconds and peak RSS of annals
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  read -r secs kb < "$work/time"
  printf '%-40s %7.1f s  %6.0f events/s  %5d MB\n' "$label" "$secs" "$(echo "$N / $secs" | bc -l)" $((kb / 1024))
}
measure "import into SQLite" "$BIN/annals" --db "$work/a.db" import --no-gazetteer "$work/gen.jsonl"
measure "import into PostgreSQL" "$BIN/annals" --db "$url/bench" --index-dir "$work/pg.index" import --no-gazetteer "$work/gen.jsonl"
measure "migrate SQLite -> PostgreSQL (verified)" "$BIN/annals" migrate --from "$work/a.db" --to "$url/migrated"
measure "reindex from PostgreSQL" "$BIN/annals" --db "$url/bench" --index-dir "$work/pg.index" reindex
measure "reindex from SQLite" "$BIN/annals" --db "$work/a.db" reindex
python3 bench/postgres/search.py "$BIN/annals" "$work/gen.jsonl" "$work/a.db" "$url/bench" "$work/pg.index"
python3 bench/postgres/visibility.py "$BIN/annals" "$url/bench" "$work"
