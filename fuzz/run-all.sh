#!/usr/bin/env bash
# Run every fuzz target for N seconds (first argument, default 60), one after another, and
# exit non-zero if any of them crashed (or the build failed). See docs/fuzzing.md.
#
#   fuzz/run-all.sh          # 60 s each
#   fuzz/run-all.sh 600      # 10 min each
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Works on stable Rust through RUSTC_BOOTSTRAP=1.
# New corpus entries go to fuzz/corpus/<target>/, crash inputs to fuzz/artifacts/<target>/,
# logs to fuzz/logs/<target>.log (all git-ignored). Inputs in fuzz/seeds/<target>/ and
# fuzz/regressions/<target>/ are read (never written) as part of the starting corpus.
set -u

secs="${1:-60}"
case "$secs" in
  '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$fuzz_dir")"
cd "$root" || exit 2
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || { echo "run-all: cargo-fuzz not found: cargo install cargo-fuzz" >&2; exit 2; }

mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz)
[ "${#targets[@]}" -gt 0 ] || { echo "run-all: no fuzz targets found" >&2; exit 2; }
max_len() {
  case "$1" in
    dates_text | edtf | accept_language | analyzers) echo 4096 ;;
    *) echo 65536 ;;
  esac
}

cargo fuzz build --fuzz-dir fuzz || { echo "run-all: build failed" >&2; exit 2; }

mkdir -p fuzz/logs
failed=()
summary=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  dirs=("fuzz/corpus/$t")
  for extra in "fuzz/seeds/$t" "fuzz/regressions/$t"; do
    [ -d "$extra" ] && dirs+=("$extra")
  done
  log="fuzz/logs/$t.log"
  echo "== $t: ${secs}s, -max_len=$(max_len "$t") (log: $log)"
  cargo fuzz run --fuzz-dir fuzz "$t" "${dirs[@]}" -- \
    -max_total_time="$secs" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=30 \
    -print_final_stats=1 >"$log" 2>&1
  rc=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 | sed -E 's/^#[0-9]+[[:space:]]+DONE[[:space:]]+//; s/[[:space:]]+(lim|exec\/s|rss|L):.*$//')"
  if [ "$rc" -eq 0 ]; then
    result="ok"
  else
    result="CRASH (exit $rc)"
    failed+=("$t")
    grep -E '^(==[0-9]+==ERROR|thread .* panicked|SUMMARY|artifact_prefix|Test unit written)' "$log" | head -n 20 >&2
  fi
  line="$t: $result, execs ${execs:-?}, ${done_line:-no final stats}"
  echo "$line"
  summary+=("$line")
done

echo
echo "== summary (${secs}s per target)"
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "run-all: crashes in: ${failed[*]} (inputs in fuzz/artifacts/<target>/)" >&2
  exit 1
fi
