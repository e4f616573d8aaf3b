// p50/p90 of /api/timeline over 8 windows, each asked N+3 times (the first 3 not counted):
// BASE=http://127.0.0.1:8098 PARAMS="buckets=133&top=2" N=30 node bench/timeline/windows.mjs
const BASE = process.env.BASE || "http://127.0.0.1:8098";
const PARAMS = process.env.PARAMS || "buckets=200&top=3&links=true";
const N = Number(process.env.N || 30);
const windows = [["all", "", ""], ["10ka", "Y-10000", "2025"], ["1000BC-2025", "-1000", "2025"], ["1900-2000", "1900", "2000"],
  ["1939-1945", "1939", "1945"], ["1969", "1969-01-01", "1969-12-31"], ["Jul1969", "1969-07-01", "1969-07-31"], ["deep", "Y-4600000000", "Y-2000000000"]];
for (const [name, a, b] of windows) {
  const url = `${BASE}/api/timeline?q=${process.env.Q || ""}&from=${a}&to=${b}&${PARAMS}`;
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < N + 3; i++) {
    const t0 = performance.now();
    const r = await fetch(url);
    const body = await r.text();
    const t = performance.now() - t0;
    if (r.status !== 200) { console.log(name, r.status, body.slice(0, 200)); break; }
    bytes = body.length;
    if (i >= 3) ms.push(t);
  }
  ms.sort((x, y) => x - y);
  console.log(`${name.padEnd(12)} p50 ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms  p90 ${ms[Math.floor(ms.length * 0.9)].toFixed(1)} ms  ${bytes} bytes`);
}
