#!/usr/bin/env bash
# Run a command with its memory capped, as a small server would be: a memory cgroup whose
# limit counts the process's heap and the file pages it touches (the memory-mapped index, the
# store's pages), which the kernel then reclaims instead of letting them grow past the cap.
#
#   bench/http/limited.sh MEGABYTES COMMAND [ARGS...]
#
# e.g. bench/http/limited.sh 1024 target/release/annals --db annals.db serve --addr 127.0.0.1:8931
#
# Needs root and a memory controller (cgroup v2 `memory.max`, or v1 `memory.limit_in_bytes`).
# Prints the cgroup's peak usage and how often it hit the limit when the command ends (for a
# server: when it is stopped with SIGINT or SIGTERM, which are passed on).
# (Used for the 1 GB serving run at ten million events in docs/benchmarks.md.)
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
mb=$1
shift
bytes=$((mb * 1024 * 1024))
name="annals-limited-$$"

if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  dir=/sys/fs/cgroup/$name
  mkdir "$dir"
  echo "$bytes" > "$dir/memory.max"
  peak() { cat "$dir/memory.peak" 2>/dev/null || echo 0; }
  hits() { grep -E '^max ' "$dir/memory.events" | cut -d' ' -f2; }
elif [ -d /sys/fs/cgroup/memory ]; then
  dir=/sys/fs/cgroup/memory/$name
  mkdir "$dir"
  echo "$bytes" > "$dir/memory.limit_in_bytes"
  peak() { cat "$dir/memory.max_usage_in_bytes"; }
  hits() { cat "$dir/memory.failcnt"; }
else
  echo "limited.sh: no memory cgroup controller on this machine" >&2
  exit 1
fi

cleanup() { rmdir "$dir" 2>/dev/null || true; }
trap cleanup EXIT

# A child shell joins the cgroup and becomes the command; this script waits for it, so that the
# cgroup's figures can be read after the command ends.
sh -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' sh "$dir" "$@" &
child=$!
trap 'kill -INT $child 2>/dev/null || true' INT
trap 'kill -TERM $child 2>/dev/null || true' TERM
status=0
wait $child || status=$?
# A signal interrupts the first wait; wait again for the command itself.
while kill -0 $child 2>/dev/null; do wait $child || status=$?; done
echo "limited.sh: limit $mb MB, peak $(( $(peak) / 1024 / 1024 )) MB, limit reached $(hits) times" >&2
exit $status
