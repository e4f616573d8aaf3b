// Drives the annals web app in headless Chromium (playwright-core, Debian's /usr/bin/chromium):
// search, event pages, the timeline's zoom from deep time to a day (wheel, keys, drag), relation
// links, the map's pan and zoom and clusters, the map following the timeline window, a phone.
//
//   BASE=http://127.0.0.1:8080 SHOTS=target/browser-screenshots node interactions.mjs
//
// Run by crates/annals-cli/tests/browser.rs against a served demo. Exits 1 with a message on the
// first failure; prints "ok ..." for each check.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const BASE = process.env.BASE || "http://127.0.0.1:8080";
const SHOTS = process.env.SHOTS || "screenshots";
const BIN = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(SHOTS, { recursive: true });

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
  // playwright gives each launch a fresh, empty profile directory (the --user-data-dir).
});
const errors = [];
let page;
async function shot(name) {
  await page.screenshot({ path: join(SHOTS, name + ".png"), fullPage: false });
}

// The window of the timeline (days) and its axis units.
async function tl() {
  return page.evaluate(() => {
    const v = window.annalsTimeline.view();
    const units = [...document.querySelectorAll(".tl-svg .tick-label")].map((t) => t.getAttribute("data-unit"));
    const labels = [...document.querySelectorAll(".tl-svg .tick-label")].map((t) => t.textContent);
    return { from: v.from, to: v.to, unit: units[0] || "", labels };
  });
}
// Wait until the timeline's data for the current window has arrived and is drawn.
async function settled() {
  await sleep(260);
  await page.waitForFunction(() => document.getElementById("timeline").getAttribute("aria-busy") !== "true", null, { timeout: 10000 });
  await sleep(80);
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon/.test(m.location().url || "")) errors.push(m.text() + " " + (m.location().url || ""));
  });

  // Search from the home page, open a hit, check the event page.
  await page.goto(BASE + "/");
  await page.fill("#q", "Constantinople");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=Constantinople/);
  check(await page.locator("ol.hits a.title", { hasText: "Fall of Constantinople" }).count() > 0, "search finds Fall of Constantinople");
  await shot("e2e-search");
  await page.click("p.explore a:text('Timeline of these events')");
  await page.waitForSelector(".tl-svg .ev");
  const qIds = await page.$$eval(".tl-svg .ev", (es) => es.map((e) => e.getAttribute("data-id")));
  const qApi = await (await fetch(BASE + "/api/search?q=Constantinople&limit=100&facets=false")).json();
  check(qIds.length > 0 && qIds.every((id) => qApi.hits.some((h) => h.id === id)), "the search's timeline shows only its events: " + qIds.join(", "));
  await page.waitForFunction(() => document.querySelector(".tl-map svg.map").getAttribute("data-points") !== null);
  await page.click("a.maplink");
  await page.waitForFunction(() => Number(document.querySelector("svg.map").getAttribute("data-points")) > 0);
  check(/q=Constantinople/.test(page.url()), "and its map keeps the query: " + page.url());
  await page.goBack();
  await page.goBack();
  await page.locator("ol.hits a.title", { hasText: "Fall of Constantinople" }).first().click();
  await page.waitForURL(/\/events\//);
  check((await page.textContent("h1")).includes("Constantinople"), "a hit opens its event page");
  await page.goto(BASE + "/events/battle-of-hastings-1066");
  check(await page.locator(".key-points dt").count() >= 2, "the event page lists its key points");
  check(await page.locator(".chain a.chain-card").count() >= 1, "the event page shows the earlier or later events as cards");
  await shot("e2e-event");
  await page.click("p.explore a:text('On the timeline')");
  await page.waitForSelector('.tl-svg .ev[data-id="battle-of-hastings-1066"]');
  check(/from=0970/.test(page.url()), "an event page links to the timeline around it: " + page.url());
  await page.goBack();
  await page.click("p.explore a:text('On the map')");
  await page.waitForFunction(() => Number(document.querySelector("svg.map").getAttribute("data-markers")) > 0);
  check(/view=38/.test(page.url()), "an event page links to the map around its place: " + page.url());

  // The timeline, from deep time down to one day, zooming with the wheel around Apollo 11.
  await page.goto(BASE + "/timeline");
  await page.waitForSelector(".tl-svg .ev");
  await settled();
  let t = await tl();
  check(t.unit === "Ga", `the whole timeline is labelled in Ga (${t.labels.join(", ")})`);
  check(await page.isHidden("#timeline-table"), "the script replaces the table with the zoomable timeline");
  await shot("e2e-timeline-Ga");
  const target = await page.evaluate(() => window.annalsTimeline.rd(1969, 7, 20) + 0.5);
  const box = await page.locator(".tl-view").boundingBox();
  const seen = [t.unit];
  for (let i = 0; i < 80; i++) {
    t = await tl();
    if (t.to - t.from <= 3) break;
    // The scale bends towards a logarithm of the time ago in deep time: ask where the day is.
    const x = box.x + (await page.evaluate((d) => window.annalsTimeline.x(d), target)) * box.width;
    await page.mouse.move(Math.min(box.x + box.width - 1, Math.max(box.x + 1, x)), box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await sleep(40);
    t = await tl();
    if (seen[seen.length - 1] !== t.unit) {
      seen.push(t.unit);
      await settled();
      await shot("e2e-timeline-" + t.unit);
    }
  }
  console.log("units seen while zooming: " + seen.join(" → "));
  const order = ["Ga", "Ma", "ka", "century", "year", "month", "day"];
  let at = 0;
  for (const u of seen) if (u === order[at]) at++; else if (order.indexOf(u) < at - 1) at = 99;
  check(at === order.length, "zooming in, the axis goes Ga → Ma → ka → centuries → years → months → days: " + seen.join(" → "));
  await settled();
  t = await tl();
  check(t.to - t.from <= 3, "the timeline zooms down to a few days: " + t.labels.join(", "));
  check(t.labels.some((l) => /^20 Jul/.test(l)), "a day label reads 20 Jul: " + t.labels.join(", "));
  check(await page.locator('.tl-svg .ev[data-id="apollo-11-moon-landing-1969"]').count() === 1, "Apollo 11 appears on its day");
  check(/from=1969-07-/.test(page.url()), "the URL follows the window: " + page.url());
  await shot("e2e-timeline-day");

  // Around the year zero: 2 BC, 1 BC, AD 1, AD 2, never a year 0.
  const zero = await page.evaluate(() => { const t = window.annalsTimeline; return t.ticks(t.rd(-2, 1, 1), t.rd(3, 1, 1), 8).map((x) => x.label); });
  check(zero.includes("1 BC") && zero.includes("AD 1") && !zero.some((l) => /^0\b|^AD 0|^0 BC/.test(l)), "no year zero on the axis: " + zero.join(", "));
  const ad = await page.evaluate(() => { const t = window.annalsTimeline; return t.ticks(t.rd(-450, 1, 1), t.rd(350, 1, 1), 8).map((x) => x.label); });
  check(ad.includes("AD 1") && ad.includes("100 BC") && ad.includes("AD 100"), "centuries on both sides of AD 1: " + ad.join(", "));

  // The URL is the window: reloading shows the same days, and the page without script too.
  const dayUrl = page.url();
  await page.goto(dayUrl);
  await page.waitForSelector(".tl-svg .ev");
  t = await tl();
  check(t.to - t.from <= 4 && t.labels.some((l) => /Jul/.test(l)), "a reload keeps the window: " + t.labels.join(", "));

  // Keyboard: - zooms out, arrows pan, + zooms in.
  await page.focus(".tl-view");
  const k0 = await tl();
  for (let i = 0; i < 4; i++) await page.keyboard.press("-");
  const k1 = await tl();
  check(k1.to - k1.from > (k0.to - k0.from) * 10, "the - key zooms out");
  await page.keyboard.press("ArrowLeft");
  const k2 = await tl();
  check(k2.from < k1.from, "ArrowLeft pans earlier");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  check((await tl()).from > k2.from, "ArrowRight pans later");
  await page.keyboard.press("+");
  check((await tl()).to - (await tl()).from < k1.to - k1.from, "the + key zooms in");
  const focused = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(focused !== "none", "keyboard focus on the timeline is visible");

  // Drag to pan.
  await settled();
  const d0 = await tl();
  await page.mouse.move(box.x + box.width / 2, box.y + 150);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + 150, { steps: 8 });
  await page.mouse.up();
  const d1 = await tl();
  check(d1.from < d0.from && Math.abs((d1.to - d1.from) - (d0.to - d0.from)) < 1e-6 * (d0.to - d0.from), "dragging right pans earlier, same zoom");

  // The buttons.
  await page.click('.tl-bar button[aria-label="Zoom out"]');
  check((await tl()).to - (await tl()).from > (d1.to - d1.from) * 1.5, "the Zoom out button zooms out");

  // Relations are drawn for the event pointed at.
  await page.goto(BASE + "/timeline?from=Y-4600000000&to=Y-2000000000");
  await page.waitForSelector('.tl-svg .ev[data-id="formation-of-the-earth-4540-ma"]');
  // Late answers may redraw the lanes under the pointer: point again until the curves show.
  await page.waitForLoadState("networkidle");
  for (let i = 0; i < 20 && !(await page.$(".tl-svg path.rel")); i++) {
    await page.hover('.tl-svg .ev[data-id="formation-of-the-earth-4540-ma"] circle');
    await page.waitForTimeout(500);
  }
  await page.waitForSelector(".tl-svg path.rel");
  const rels = await page.$$eval(".tl-svg path.rel", (ps) => ps.map((p) => p.getAttribute("data-from") + "→" + p.getAttribute("data-to")));
  check(rels.length >= 1, "relations of the event pointed at are drawn: " + rels.join(", "));
  await shot("e2e-timeline-links");

  // Clicking an event opens its page.
  await page.goto(BASE + "/timeline?from=1960&to=1975");
  await page.waitForSelector('.tl-svg .ev[data-id="apollo-11-moon-landing-1969"]');
  await shot("e2e-timeline-1960s");
  // On a loaded machine the timeline may still be drawing its first frames when the click
  // lands (a CI run missed it once: the page never navigated); a reader would click again.
  for (let attempt = 1; ; attempt++) {
    await page.click('.tl-svg .ev[data-id="apollo-11-moon-landing-1969"] circle');
    try {
      await page.waitForURL(/\/events\/apollo-11-moon-landing-1969/, { timeout: 10000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  check((await page.textContent("h1")).includes("Apollo 11"), "clicking an event on the timeline opens it");

  // Keyboard only: Tab from the timeline reaches an event, Enter opens it.
  await page.goto(BASE + "/timeline?from=1960&to=1975");
  await page.waitForSelector(".tl-svg .ev text");
  await page.focus(".tl-view");
  await page.keyboard.press("Tab");
  const tabbed = await page.evaluate(() => document.activeElement.matches(".tl-svg a.ev") && document.activeElement.getAttribute("data-id"));
  check(!!tabbed, "Tab moves from the timeline to an event (" + tabbed + ")");
  await shot("e2e-timeline-keyboard-focus");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/events\//);
  check(page.url().endsWith("/events/" + tabbed), "Enter opens the focused event");

  // The map: pan and zoom, clusters and markers.
  await page.goto(BASE + "/map");
  await page.waitForFunction(() => Number(document.querySelector("svg.map").getAttribute("data-points")) > 0);
  check(await page.locator("svg.map .cluster").count() > 0, "the world map clusters dense events");
  check(await page.locator("svg.map circle.event").count() > 0, "the world map shows single events");
  await shot("e2e-map");
  const vb = () => page.$eval("svg.map", (s) => s.getAttribute("viewBox").split(" ").map(Number));
  const v0 = await vb();
  const mbox = await page.locator(".map-view").boundingBox();
  // Europe is about 52% across and 25% down the world map.
  await page.mouse.move(mbox.x + mbox.width * 0.52, mbox.y + mbox.height * 0.25);
  for (let i = 0; i < 4; i++) { await page.mouse.wheel(0, -300); await sleep(40); }
  const v1 = await vb();
  check(v1[2] < v0[2] / 3, `the wheel zooms the map (${v0.join(" ")} → ${v1.join(" ")})`);
  await page.mouse.down();
  await page.mouse.move(mbox.x + mbox.width * 0.52 - 200, mbox.y + mbox.height * 0.25 + 50, { steps: 6 });
  await page.mouse.up();
  const v2 = await vb();
  check(v2[0] > v1[0] && v2[1] < v1[1], `dragging pans the map (${v1.join(" ")} → ${v2.join(" ")})`);
  await sleep(300);
  check(/view=/.test(page.url()), "the map URL follows the view: " + page.url());
  await page.focus(".map-view");
  await page.keyboard.press("+");
  const v3 = await vb();
  check(Math.abs(v3[2] - v2[2] / 2) < 0.1, "the + key zooms the map");
  await page.keyboard.press("ArrowRight");
  check((await vb())[0] > v3[0], "ArrowRight pans the map east");
  await page.keyboard.press("Home");
  // The markers of the whole world are fetched when the view settles (200 ms) and swapped in:
  // click a cluster only once they are, not one about to be replaced.
  await sleep(300);
  await page.waitForFunction(() => document.querySelector(".map-wrap").getAttribute("aria-busy") !== "true");
  await page.waitForSelector("svg.map .cluster");
  const c = await page.$eval("svg.map .cluster-g", (g) => g.getAttribute("aria-label"));
  const before = await vb();
  await page.click("svg.map .cluster-g");
  const after = await vb();
  check(after[2] < before[2], `clicking a cluster (${c}) zooms into it`);
  await sleep(100);
  await shot("e2e-map-zoomed");

  // Map and timeline share q/from/to: the map follows the timeline window.
  await page.goto(BASE + "/timeline?from=1939&to=1945");
  await page.waitForFunction(() => document.querySelector(".tl-map svg.map") && document.querySelector(".tl-map svg.map").getAttribute("data-points") !== null);
  await settled();
  const api = await (await fetch(BASE + "/api/points?from=1939&to=1945")).json();
  const n0 = Number(await page.$eval(".tl-map svg.map", (s) => s.getAttribute("data-points")));
  check(n0 === api.points.length && n0 > 0, `the timeline's map shows the window's ${n0} located events`);
  check(/\/map\?q=&from=1939-01-01&to=1945-12-31/.test(await page.getAttribute("a.maplink", "href")), "the timeline links to the map of its window");
  await shot("e2e-timeline-with-map");
  await page.focus(".tl-view");
  for (let i = 0; i < 3; i++) await page.keyboard.press("-");
  await settled();
  await sleep(300);
  const n1 = Number(await page.$eval(".tl-map svg.map", (s) => s.getAttribute("data-points")));
  const wrapFrom = await page.getAttribute(".tl-map", "data-from");
  check(n1 > n0 && wrapFrom < "1939", `the map follows the timeline as it zooms out (${n0} → ${n1} events, from ${wrapFrom})`);
  await page.click("a.maplink");
  await page.waitForURL(/\/map\?/);
  await page.waitForFunction(() => Number(document.querySelector("svg.map").getAttribute("data-points")) > 0);
  const n2 = Number(await page.$eval("svg.map", (s) => s.getAttribute("data-points")));
  check(n2 === n1, `the map of the window has the same ${n1} events (${n2})`);
  const back = await page.getAttribute("a.timelinelink", "href");
  check(back.includes("from=") && !back.includes("from=&"), "the map links back to the timeline of its window: " + back);

  // Event text is text, in the script-drawn timeline too (the Rust test imports the bait).
  if (process.env.BAIT) {
  await page.goto(BASE + "/timeline?from=1999-01-01&to=1999-12-31");
  await page.waitForSelector('.tl-svg .ev[data-id="bait"]');
  check((await page.title()) !== "pwned" && (await page.$$eval(".tl-svg script, .tl-svg img", (x) => x.length)) === 0, "event titles on the timeline run nothing");
  }

  // A phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  page = await phone.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(BASE + "/timeline?from=1900&to=2000");
  await page.waitForSelector(".tl-svg .ev");
  await settled();
  const p0 = await tl();
  await page.tap('.tl-bar button[aria-label="Zoom in"]');
  const p1 = await tl();
  check(p1.to - p1.from < p0.to - p0.from, "on a phone, tapping Zoom in zooms");
  // Two fingers moving apart (pointer events as a touch screen sends them) zoom in.
  const pinch = await page.evaluate(() => {
    const v = document.querySelector(".tl-view"), r = v.getBoundingClientRect(), y = r.top + 100, c = r.left + r.width / 2;
    const before = window.annalsTimeline.view();
    const ev = (type, id, x) => v.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: "touch", clientX: x, clientY: y, bubbles: true, isPrimary: id === 1 }));
    ev("pointerdown", 1, c - 20); ev("pointerdown", 2, c + 20);
    for (let i = 1; i <= 5; i++) { ev("pointermove", 1, c - 20 - i * 12); ev("pointermove", 2, c + 20 + i * 12); }
    ev("pointerup", 1, c - 80); ev("pointerup", 2, c + 80);
    const after = window.annalsTimeline.view();
    return (after.to - after.from) / (before.to - before.from);
  });
  check(pinch < 0.5, "a pinch zooms the timeline in (span × " + pinch.toFixed(2) + ")");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, "the timeline page fits a phone's width (overflow " + overflow + "px)");
  await settled();
  await shot("e2e-phone-timeline");
  await page.goto(BASE + "/map");
  await page.waitForFunction(() => Number(document.querySelector("svg.map").getAttribute("data-points")) > 0);
  await page.tap('.map-bar button[aria-label="Zoom in"]');
  await sleep(100);
  await shot("e2e-phone-map");
  const o2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(o2 <= 1, "the map page fits a phone's width (overflow " + o2 + "px)");
  await page.goto(BASE + "/events/battle-of-hastings-1066");
  await shot("e2e-phone-event");

  check(errors.length === 0, "no script errors: " + errors.join(" | "));
  console.log("e2e: all checks passed");
} catch (e) {
  console.error(e && e.message ? e.message : e);
  if (page) { try { await shot("e2e-failure"); } catch (_) { /* closed */ } }
  process.exitCode = 1;
} finally {
  await browser.close();
}
