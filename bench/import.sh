#!/usr/bin/env bash
# Import benchmark: annals vs a plain Python+SQLite loader on the same JSON Lines, in one run.
# Usage: bench/import.sh [FILE.jsonl] [RUNS]   (default: ../shared/datasets/onthisday/onthisday.jsonl, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/datasets/onthisday/onthisday.jsonl}
runs=${2:-5}
[ -f "$file" ] || { echo "no input file $file" >&2; exit 1; }
cargo build --release -q -p annals-cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lines=$(grep -c . "$file")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
a=(); p=()
for i in $(seq "$runs"); do
  rm -f "$tmp"/a.db* "$tmp"/p.db*
  a+=("$(time_of target/release/annals --db "$tmp/a.db" import --skip-invalid "$file")")
  p+=("$(time_of python3 bench/import_peer.py "$file" "$tmp/p.db")")
done
ma=$(printf '%s\n' "${a[@]}" | median)
mp=$(printf '%s\n' "${p[@]}" | median)
size_a=$(du -k "$tmp/a.db" | cut -f1)
size_p=$(du -k "$tmp/p.db" | cut -f1)
printf '%-34s %10s %14s %10s\n' "import of $(basename "$file") ($lines records)" "median s" "events/s" "db KiB"
printf '%-34s %10.2f %14.0f %10s\n' "annals import (release)" "$ma" "$(echo "$lines / $ma" | bc -l)" "$size_a"
printf '%-34s %10.2f %14.0f %10s\n' "peer: python json + sqlite3" "$mp" "$(echo "$lines / $mp" | bc -l)" "$size_p"
printf 'ratio annals/peer throughput: %.2f   (runs: annals %s; peer %s)\n' "$(echo "$mp / $ma" | bc -l)" "${a[*]}" "${p[*]}"
