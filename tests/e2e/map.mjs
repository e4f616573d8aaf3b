// The map as a new reader meets it, at 1366×900 and 390×844 (playwright-core, Debian's chromium):
// named markers that never overlap (clusters by place and count, single events by title), named
// countries and cities, no label over another or over a marker; the count and the list follow the
// view, the time window and the query; the event arriving from its page is highlighted; deep time
// is marked; Tab reaches the markers and Enter zooms into a cluster or opens an event; the phone's
// map is tall; axe-core finds no violation.
//
//   BASE=http://127.0.0.1:8080 SHOTS=target/browser-screenshots node map.mjs
//
// Run by crates/annals-cli/tests/browser.rs (the demo corpus). Exits 1 on the first failure;
// prints "ok ..." for each check.
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";

const BASE = process.env.BASE || "http://127.0.0.1:8080";
const SHOTS = process.env.SHOTS || "screenshots";
const BIN = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(SHOTS, { recursive: true });
const AXE = readFileSync(join(dirname(createRequire(import.meta.url).resolve("axe-core")), "axe.min.js"), "utf8");

function check(cond, what) {
  if (!cond) throw new Error("FAILED: " + what);
  console.log("ok " + what);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const browser = await chromium.launch({
  executablePath: BIN,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const errors = [];
let page;
const shot = (name) => page.screenshot({ path: join(SHOTS, name + ".png") });
// The script has drawn the markers of the current view (after a load, a zoom or a pan).
async function settled() {
  await sleep(350);
  await page.waitForFunction(() => {
    const w = document.querySelector(".map-wrap"), s = document.querySelector("svg.map");
    return w.getAttribute("aria-busy") === "false" && s.getAttribute("data-markers") !== null;
  }, null, { timeout: 10000 });
  await sleep(100);
}
async function open(path) {
  await page.goto(BASE + path);
  await settled();
}
// What is drawn: markers (circles) and texts (labels and cluster counts), with their boxes.
function drawn() {
  return page.evaluate(() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return { l: r.left, t: r.top, r: r.right, b: r.bottom, w: r.width }; };
    const view = document.querySelector(".map-view").getBoundingClientRect();
    const inView = (b) => b.r > view.left && b.l < view.right && b.b > view.top && b.t < view.bottom;
    const markers = [...document.querySelectorAll("svg.map g.markers > a")].map((a) => ({
      kind: a.classList.contains("cluster-g") ? "cluster" : "event", id: a.getAttribute("data-id"),
      target: a.classList.contains("target"), name: a.getAttribute("aria-label"), ...box(a.querySelector("circle.selected") || a.querySelector("circle")),
    })).filter(inView);
    const labels = [...document.querySelectorAll("svg.map g.labels text")].map((t) => ({ text: t.textContent, cls: t.getAttribute("class"), ...box(t) })).filter((b) => b.w > 0 && inView(b));
    return { markers, labels };
  });
}
const hit = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
function overlapping(d) {
  const bad = [];
  const ms = d.markers.filter((m) => !m.target);
  for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) {
    // Circles: their centres are further apart than their radii.
    const a = ms[i], b = ms[j];
    const dx = (a.l + a.r - b.l - b.r) / 2, dy = (a.t + a.b - b.t - b.b) / 2;
    if (Math.hypot(dx, dy) < (a.r - a.l + b.r - b.l) / 2 - 0.5) bad.push("markers " + a.name + " / " + b.name);
  }
  for (let i = 0; i < d.labels.length; i++) {
    for (let j = i + 1; j < d.labels.length; j++) if (hit(d.labels[i], d.labels[j])) bad.push("labels " + d.labels[i].text + " / " + d.labels[j].text);
    for (const m of d.markers) if (hit(d.labels[i], m)) bad.push("label " + d.labels[i].text + " over marker " + m.name);
  }
  return bad;
}
async function axe(what) {
  await page.addScriptTag({ content: AXE });
  const v = await page.evaluate(async () => (await window.axe.run(document)).violations.map((x) => x.id + ": " + x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")));
  check(v.length === 0, "axe-core finds no violation on " + what + (v.length ? ": " + v.join(" | ") : ""));
}
const vb = () => page.$eval("svg.map", (s) => s.getAttribute("viewBox").split(" ").map(Number));
const total = () => page.$eval("svg.map", (s) => Number(s.getAttribute("data-points")));
async function apiTotal(params) {
  const view = await page.$eval("svg.map", (s) => s.getAttribute("data-view"));
  const r = await (await fetch(BASE + "/api/map?view=" + view + "&" + params)).json();
  return r.total;
}

async function sized(width, height, tag) {
  const phone = width < 500;
  const ctx = await browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1, bypassCSP: true });
  page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(tag + ": " + String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(tag + ": " + m.text());
  });

  // The first view: named markers, named countries and cities, nothing overlapping.
  await open("/map");
  let d = await drawn();
  const clusters = d.labels.filter((l) => l.cls === "label cluster"), singles = d.labels.filter((l) => l.cls === "label event");
  check(d.markers.length >= (phone ? 8 : 20), `${tag}: the world map draws ${d.markers.length} markers`);
  check(clusters.length >= 3 && clusters.every((l) => / · [\d,]+$/.test(l.text)), `${tag}: clusters are named by place and count: ${clusters.map((l) => l.text).join(", ")}`);
  check(singles.length >= (phone ? 3 : 8), `${tag}: single events are named by title: ${singles.slice(0, 6).map((l) => l.text).join(", ")}`);
  check(d.labels.some((l) => l.cls === "country-name") && d.labels.some((l) => l.cls === "city-name"), `${tag}: countries and cities are named`);
  let bad = overlapping(d);
  check(bad.length === 0, `${tag}: no two markers overlap, no label overlaps another or a marker` + (bad.length ? ": " + bad.slice(0, 5).join(" | ") : ""));
  check(d.markers.every((m) => m.name && m.name.length > 5), `${tag}: every marker has a name (on touch and to a screen reader too)`);
  const mapBox = await page.locator(".map-view").boundingBox();
  check(mapBox.height >= (phone ? 0.6 : 0.55) * height, `${tag}: the map is ${Math.round(mapBox.height)} px tall`);
  const world = await total();
  check(world === await apiTotal(""), `${tag}: the count is the view's (${world})`);
  const deep = await page.locator("svg.map g.markers .deep").count();
  check(deep > 0 && /deep time/.test(await page.textContent("p.map-count")), `${tag}: deep-time events are drawn hollow (${deep}) and counted`);
  await shot(`map-${tag}-world`);
  await axe(`${tag} /map`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `${tag}: the map page fits the width (overflow ${overflow}px)`);

  // The count and the list follow the view, the window and the query.
  await open("/map?view=35,-12,62,32");
  const europe = await total();
  check(europe > 0 && europe < world && /in this view/.test(await page.textContent("p.map-count")), `${tag}: a view of Europe counts its ${europe} events`);
  check(europe === await apiTotal(""), `${tag}: the same count as /api/map for the drawn view`);
  const list = await page.$$eval("ol.map-list li", (ls) => ls.map((l) => l.textContent));
  check(list.length > 0 && !list.some((t) => /Tokyo|Hiroshima|Apollo/.test(t)), `${tag}: the list names only events of the view (${list.length})`);
  d = await drawn();
  bad = overlapping(d);
  check(bad.length === 0, `${tag}: in Europe nothing overlaps` + (bad.length ? ": " + bad.slice(0, 5).join(" | ") : ""));
  await shot(`map-${tag}-europe`);
  await open("/map?from=1900&to=1999");
  const century = await total();
  check(century > 0 && century < world && century === await apiTotal("from=1900&to=1999"), `${tag}: the 20th century has ${century} located events`);
  check(await page.locator("svg.map g.markers .deep").count() === 0, `${tag}: no deep time in the 20th century`);
  // A period link under the map sets the window and keeps the view.
  await open("/map?view=35,-12,62,32");
  await page.click(".map-periods a:text('20th century')");
  await page.waitForURL(/from=1901/);
  await settled();
  const c20 = await total();
  check(/view=/.test(page.url()) && c20 > 0 && c20 < europe && c20 === await apiTotal("from=1901&to=2000"), `${tag}: the period "20th century" keeps the view and counts its ${c20} events`);
  check(await page.getAttribute(".map-periods a[aria-current]", "href").then((h) => /from=1901/.test(h)), `${tag}: and is marked as the current period`);
  await open("/map?q=battle");
  const battles = await total();
  check(battles > 0 && battles < world && battles === await apiTotal("q=battle"), `${tag}: a query (battle) draws its ${battles} events`);
  const listed = await page.$$eval("ol.map-list li a.title", (as) => as.map((a) => decodeURIComponent(a.getAttribute("href").split("/").pop())));
  const view = await page.$eval("svg.map", (s) => s.getAttribute("data-view"));
  const best = (await (await fetch(BASE + "/api/map?q=battle&top=40&view=" + view)).json()).top.map((e) => e.id);
  check(listed.length > 0 && listed.join() === best.join(), `${tag}: the list is the query's best events in the view (${listed.length})`);
  await page.fill('.map-form input[name="q"]', "participant:\"Napoleon Bonaparte\"");
  await page.click('.map-form button[type="submit"]');
  await page.waitForURL(/participant/);
  await settled();
  const nap = await total();
  check(nap > 0 && nap < battles + world && nap === await apiTotal("q=" + encodeURIComponent("participant:\"Napoleon Bonaparte\"")), `${tag}: the form's participant filter draws ${nap} events`);

  // The event from its page is highlighted and named.
  await page.goto(BASE + "/events/battle-of-hastings-1066");
  await page.click("p.explore a:text('On the map')");
  await settled();
  d = await drawn();
  const target = d.markers.find((m) => m.target);
  check(target && target.id === "battle-of-hastings-1066", `${tag}: the event arriving from its page is drawn highlighted`);
  check(d.labels.some((l) => l.cls === "label selected" && /Hastings/.test(l.text)), `${tag}: and named`);
  check(/the event you came from/.test(await page.textContent(".map-legend")), `${tag}: the legend says what the blue marker is`);
  await shot(`map-${tag}-event`);
  await axe(`${tag} /map?event=`);

  // Keyboard: Tab reaches the markers; Enter on a cluster zooms in, on an event opens it.
  await open("/map");
  await page.focus(".map-view");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => { const a = document.activeElement; return a && a.closest("g.markers") ? a.getAttribute("class") : null; });
  check(first !== null, `${tag}: Tab moves from the map to its markers (${first})`);
  const cl = await page.evaluate(() => {
    const a = document.querySelector("svg.map g.markers a.cluster-g");
    a.focus();
    return a.getAttribute("aria-label");
  });
  const w0 = (await vb())[2];
  await page.keyboard.press("Enter");
  await settled();
  const w1 = (await vb())[2];
  check(w1 < w0 / 1.5, `${tag}: Enter on a cluster (${cl}) zooms into it (${Math.round(w0)} → ${Math.round(w1)})`);
  check(/view=/.test(page.url()), `${tag}: the URL keeps the view: ${page.url()}`);
  d = await drawn();
  bad = overlapping(d);
  check(bad.length === 0 && d.markers.length > 0, `${tag}: zoomed in, ${d.markers.length} markers and nothing overlaps` + (bad.length ? ": " + bad.slice(0, 5).join(" | ") : ""));
  await shot(`map-${tag}-zoomed`);
  const id = await page.evaluate(() => {
    const a = document.querySelector("svg.map g.markers a.marker");
    a.focus();
    return a.getAttribute("data-id");
  });
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/events\//);
  check(page.url().endsWith("/events/" + id), `${tag}: Enter on an event opens its page (${id})`);
  check(errors.length === 0, `${tag}: no script errors` + (errors.length ? ": " + errors.join(" | ") : ""));
  await ctx.close();
}

try {
  await sized(1366, 900, "desktop");
  await sized(390, 844, "phone");
  console.log("map e2e: all checks passed");
} finally {
  await browser.close();
}
