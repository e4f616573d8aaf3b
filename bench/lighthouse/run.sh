#!/usr/bin/env bash
# Lighthouse (npm, installed here on first use) against the pages of a served demo, with
# Debian's chromium, phone (Lighthouse's default: a Moto G class device on a slow 4G link) and
# desktop presets. Prints one row per page and preset: the four category scores, FCP, LCP, TBT
# and CLS; the JSON reports stay in target/lighthouse/. docs/benchmarks.md has the figures.
#
#   bench/lighthouse/run.sh [--annals target/release/annals]
set -euo pipefail
cd "$(dirname "$0")/../.."
annals=target/release/annals
[ "${1:-}" = "--annals" ] && annals=$2
[ -x "$annals" ] || { echo "build it first: cargo build --release (or give --annals)" >&2; exit 2; }
here=bench/lighthouse
[ -x "$here/node_modules/.bin/lighthouse" ] || (cd "$here" && npm install --no-audit --no-fund --silent)
export CHROME_PATH=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser)}
out=target/lighthouse
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$out"
"$annals" --db "$work/d.db" demo --no-serve >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$annals" --db "$work/d.db" serve --addr "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
pid=$!
sleep 1
printf '| page | preset | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for page in / /events/battle-of-hastings-1066 "/search?q=treaty" /timeline /map /places/Rome%2C%20Italy /signin; do
  for preset in phone desktop; do
    name=$(echo "$page" | tr -c 'a-zA-Z0-9\n' '_')-$preset
    flags=()
    [ "$preset" = desktop ] && flags=(--preset=desktop)
    "$here/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$page" "${flags[@]}" --quiet \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" --output=json \
      --output-path="$out/$name.json" --only-categories=performance,accessibility,best-practices,seo
    python3 - "$out/$name.json" "$page" "$preset" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c, a = d["categories"], d["audits"]
s = lambda k: round(c[k]["score"] * 100)
v = lambda k: a[k]["displayValue"].replace("\u00a0", " ")
print(f"| `{sys.argv[2]}` | {sys.argv[3]} | {s('performance')} | {s('accessibility')} | {s('best-practices')} | {s('seo')} | "
      f"{v('first-contentful-paint')} | {v('largest-contentful-paint')} | {v('total-blocking-time')} | {v('cumulative-layout-shift')} |")
PY
  done
done
