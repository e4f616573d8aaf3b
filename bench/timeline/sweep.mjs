// Requests the timeline script makes, over 60 windows never asked before (a zoom from the whole
// range down to a day, then pans), each once: a cold p50. BASE=... node sweep.mjs
const BASE = process.env.BASE || "http://127.0.0.1:8098";
const PARAMS = process.env.PARAMS || "buckets=65&top=3";
const YEAR = 365.2425, now = 739600;
function param(n) { // days → EDTF year (coarse is enough for a window)
  const y = Math.floor(n / YEAR) + 1;
  return y < -9999 || y > 9999 ? "Y" + y : (y < 0 ? "-" : "") + String(Math.abs(y)).padStart(4, "0");
}
const ms = [];
let seed = 7; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
for (let i = 0; i < 60; i++) {
  const span = Math.exp(Math.log(1.66e12) * (1 - i / 60) + Math.log(400) * (i / 60));
  const end = now - rnd() * Math.min(span * 3, 1e12) * (i % 3);
  const url = `${BASE}/api/timeline?q=&from=${param(end - span)}&to=${param(end)}&${PARAMS}`;
  const t0 = performance.now();
  const r = await fetch(url); await r.text();
  if (r.status !== 200) { console.log(r.status, url); continue; }
  ms.push(performance.now() - t0);
}
ms.sort((a, b) => a - b);
console.log(`${PARAMS}: ${ms.length} distinct windows, p50 ${ms[ms.length >> 1].toFixed(1)} ms, p90 ${ms[Math.floor(ms.length * 0.9)].toFixed(1)} ms, max ${ms[ms.length - 1].toFixed(1)} ms`);
