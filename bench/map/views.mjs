// p50/p90 of the map's requests over windows × views, each asked N+3 times (the first 3 not
// counted), and of 60 views never asked before (cold):
//   BASE=http://127.0.0.1:8099 N=30 node bench/map/views.mjs
//   PATHQ="/map?part=markers&size=1366x558" node bench/map/views.mjs   # what map.js asks for
//   Q=battle node bench/map/views.mjs                                  # a query with words
const BASE = process.env.BASE || "http://127.0.0.1:8099";
const PATHQ = process.env.PATHQ || "/api/map?rows=9&cols=21&per_cell=3&top=40";
const N = Number(process.env.N || 30);
const Q = encodeURIComponent(process.env.Q || "");
const windows = [["all time", "", ""], ["1000 BC-2025", "-1000", "2025"], ["1900-2000", "1900", "2000"],
  ["1939-1945", "1939", "1945"], ["1969", "1969-01-01", "1969-12-31"], ["deep", "Y-4600000000", "Y-2000000000"]];
const views = [["world", "-90,-180,90,180"], ["Europe", "35,-12,62,32"], ["Paris", "48.5,1.8,49.2,2.9"]];
const pct = (ms, p) => ms[Math.min(ms.length - 1, Math.floor(ms.length * p))];
async function ask(url) {
  const t0 = performance.now();
  const r = await fetch(url);
  const body = await r.text();
  if (r.status !== 200) throw new Error(r.status + " " + body.slice(0, 200));
  return [performance.now() - t0, body.length];
}
const sep = PATHQ.includes("?") ? "&" : "?";
for (const [vname, view] of views) for (const [wname, a, b] of windows) {
  const url = `${BASE}${PATHQ}${sep}q=${Q}&from=${a}&to=${b}&view=${view}`;
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < N + 3; i++) {
    const [t, n] = await ask(url);
    bytes = n;
    if (i >= 3) ms.push(t);
  }
  ms.sort((x, y) => x - y);
  console.log(`${vname.padEnd(7)} ${wname.padEnd(13)} p50 ${pct(ms, 0.5).toFixed(1)} ms  p90 ${pct(ms, 0.9).toFixed(1)} ms  ${bytes} bytes`);
}
// Cold: 60 views never asked before (panning and zooming), over all of time.
const cold = [];
for (let i = 0; i < 60; i++) {
  const span = 360 / Math.pow(1.25, i % 20), lat = -40 + (i * 37) % 90, lon = -170 + (i * 53) % 300;
  const v = [Math.max(-90, lat - span / 4), Math.max(-180, lon - span / 2), Math.min(90, lat + span / 4), Math.min(180, lon + span / 2)].map((x) => x.toFixed(3 + (i % 3))).join(",");
  cold.push((await ask(`${BASE}${PATHQ}${sep}q=${Q}&view=${v}`))[0]);
}
cold.sort((x, y) => x - y);
console.log(`cold, 60 new views: p50 ${pct(cold, 0.5).toFixed(1)} ms  p90 ${pct(cold, 0.9).toFixed(1)} ms`);
