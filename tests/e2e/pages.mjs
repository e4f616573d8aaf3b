// The reading pages in headless Chromium (playwright-core, Debian's /usr/bin/chromium), at a
// desktop (1366×900) and a phone (390×844) size: axe-core finds no accessibility violation on
// any of them; on a phone the event's title is within the first screen; no page logs a script
// error; the icon is served; the timeline and the map download as PNG figures (the map's is
// the view on screen). A screenshot of each page at each size goes to SHOTS.
//
//   BASE=http://127.0.0.1:8080 SHOTS=target/browser-screenshots node pages.mjs
//
// Run by crates/annals-cli/tests/browser.rs (`pages_in_chromium`) against a served demo.
// Exits 1 with a message on the first failure; prints "ok ..." for each check.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const BASE = process.env.BASE || "http://127.0.0.1:8080";
const SHOTS = process.env.SHOTS || "screenshots";
const BIN = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(SHOTS, { recursive: true });

function check(cond, what) {
  if (!cond) throw new Error("FAILED: " + what);
  console.log("ok " + what);
}

const PAGES = [
  ["home", "/"],
  ["event", "/events/battle-of-hastings-1066"],
  ["event-bc", "/events/assassination-of-julius-caesar-44-bc"],
  ["search", "/search?q=treaty"],
  ["search-empty", "/search?q=zzzqqq+country%3ANowhere"],
  ["search-error", "/search?q=treaty+date%3A1900..x"],
  ["place", "/places/Rome%2C%20Italy"],
  ["participant", "/participants/Napoleon%20Bonaparte"],
  ["participant-suggest", "/participants/Napoleon"],
  ["no-event", "/events/battle-of-nowhere-1234"],
  ["no-page", "/nothing/here"],
  ["embed-event", "/embed/event/battle-of-hastings-1066"],
  ["embed-timeline", "/embed/timeline?from=1000&to=1200"],
  ["embed-map", "/embed/map"],
  ["stories", "/stories"],
  ["story", "/stories/rome-a-city-of-many-endings"],
];
const SIZES = [
  ["desktop", { width: 1366, height: 900 }],
  ["phone", { width: 390, height: 844 }],
];

const browser = await chromium.launch({
  executablePath: BIN,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  for (const [size, viewport] of SIZES) {
    // axe is injected as an inline script: the pages' CSP (script-src 'self') is bypassed for it.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error" && !/the server responded with a status of 4[0-9][0-9]/.test(m.text())) errors.push(m.text()); });
    for (const [name, path] of PAGES) {
      await page.goto(BASE + path, { waitUntil: "networkidle" });
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => v.id + " (" + v.nodes.length + "): " + v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | "));
      });
      check(result.length === 0, `${name} at ${size}: no accessibility violations ${result.join("; ")}`);
      await page.screenshot({ path: join(SHOTS, `page-${name}-${size}.png`), fullPage: name.startsWith("event") && size === "phone" ? false : true });
    }
    // On a phone, an event's title is read within the first screen.
    if (size === "phone") {
      await page.goto(BASE + "/events/battle-of-hastings-1066");
      const h1 = await page.locator("h1").boundingBox();
      check(h1 && h1.y + h1.height <= viewport.height / 2, `the event's title is in the top half of the first phone screen (bottom at ${h1 && Math.round(h1.y + h1.height)} px)`);
      const summary = await page.locator("p.summary").boundingBox();
      check(summary && summary.y < viewport.height, "the summary starts on the first phone screen");
    }
    // The search page's density bars are links: wide enough to tap (24 px) at both sizes, and
    // together they count every match.
    await page.goto(BASE + "/search?q=treaty");
    const bars = await page.$$eval("nav.density a.bar", (as) => as.filter((a) => a.offsetParent !== null).map((a) => ({ w: a.getBoundingClientRect().width, h: a.getBoundingClientRect().height, n: Number((a.getAttribute("aria-label").match(/: ([0-9,]+) event/) || [0, "0"])[1].replace(/,/g, "")) })));
    const narrowest = Math.min(...bars.map((b) => Math.min(b.w + 2, b.h)));
    check(bars.length >= 6 && narrowest >= 24, `${size}: ${bars.length} density bars, each a target of 24 px or more (narrowest ${narrowest.toFixed(1)} px with its gap)`);
    const hits = Number(((await page.textContent("main")).match(/([0-9,]+) events? match/) || [0, "0"])[1].replace(/,/g, ""));
    check(hits > 0 && bars.reduce((a, b) => a + b.n, 0) === hits, `${size}: the bars count the ${hits} matches`);
    check(errors.length === 0, `no script errors at ${size}: ${errors.join("; ")}`);
    await context.close();
  }
  // Embeds: a course page of another origin frames the timeline and an event's card; the
  // ordinary pages refuse to be framed; oEmbed gives the iframe of a page.
  {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    // The course page lives at another origin (another port) of this machine, served here.
    const course = `<!doctype html><title>A course</title><h1>A course page</h1>
      <iframe id="tl" title="timeline" src="${BASE}/embed/timeline?from=1000&to=1200" width="940" height="560"></iframe>
      <iframe id="ev" title="event" src="${BASE}/embed/event/battle-of-hastings-1066" width="600" height="260"></iframe>
      <iframe id="full" title="page" src="${BASE}/timeline" width="600" height="200"></iframe>`;
    const site = createServer((_, res) => { res.setHeader("Content-Type", "text/html"); res.end(course); });
    await new Promise((ok) => site.listen(0, "127.0.0.1", ok));
    await page.goto(`http://127.0.0.1:${site.address().port}/course`);
    const tl = await (await page.$("#tl")).contentFrame();
    await tl.waitForSelector(".tl-svg a.ev", { timeout: 15000 });
    check((await tl.$$(".tl-svg a.ev")).length > 0, "an embedded timeline draws its events inside another site's page");
    check((await tl.$$("header.site")).length === 0 && (await tl.$$(".embed-bar a")).length === 2, "without the site's header, with a link that opens it in annals");
    const ev = await (await page.$("#ev")).contentFrame();
    await ev.waitForSelector("h1");
    check((await ev.textContent("h1")).includes("Hastings"), "an embedded event card shows the event");
    const [popup] = await Promise.all([context.waitForEvent("page"), ev.click("h1 a")]);
    await popup.waitForLoadState();
    check(popup.url().endsWith("/events/battle-of-hastings-1066"), "a link in an embed opens the event in a new tab: " + popup.url());
    await page.waitForTimeout(500);
    const full = await (await page.$("#full")).contentFrame();
    check(!full || !full.url().startsWith(BASE), "an ordinary page refuses to be framed: " + (full && full.url()));
    await page.screenshot({ path: join(SHOTS, "embed-course-page.png") });
    const o = await (await fetch(BASE + "/api/oembed?url=" + encodeURIComponent(BASE + "/events/battle-of-hastings-1066"))).json();
    check(o.type === "rich" && o.html.includes("/embed/event/battle-of-hastings-1066") && o.title.includes("Hastings"), "oEmbed gives the iframe of an event's page");
    await context.close();
    site.close();
  }
  // The timeline page's "Download this window as a figure": a PNG of the window on screen.
  {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(BASE + "/timeline?from=1300&to=1700", { waitUntil: "networkidle" });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("a.figurelink[data-format=png]")]);
    check(download.suggestedFilename() === "annals-timeline.png", "the timeline downloads as annals-timeline.png");
    const file = await download.path();
    const bytes = readFileSync(file);
    check(bytes.subarray(1, 4).toString() === "PNG" && bytes.readUInt32BE(16) === 3200, "the download is a PNG 3,200 pixels wide");
    copyFileSync(file, join(SHOTS, "timeline-figure-1300-1700.png"));
    await context.close();
  }
  // The map page's download follows the view on screen: zoom in, then download the PNG.
  {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(BASE + "/map?from=1000&to=1900", { waitUntil: "networkidle" });
    const before = await page.getAttribute("a.figurelink[data-format=png]", "href");
    check(before.startsWith("/map/figure?") && !before.includes("view="), "the whole world's figure: " + before);
    await page.click(".map-bar button[data-act=in]");
    await page.waitForTimeout(700);
    const href = await page.getAttribute("a.figurelink[data-format=png]", "href");
    check(/[?&]view=-?[0-9.]+,/.test(href) && href.includes("from=1000") && href.includes("format=png"), "the figure follows the zoomed view: " + href);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("a.figurelink[data-format=png]")]);
    check(download.suggestedFilename() === "annals-map.png", "the map downloads as annals-map.png");
    const file = await download.path();
    const bytes = readFileSync(file);
    check(bytes.subarray(1, 4).toString() === "PNG" && bytes.readUInt32BE(16) === 3200, "the download is a PNG 3,200 pixels wide");
    copyFileSync(file, join(SHOTS, "map-figure-1000-1900.png"));
    await context.close();
  }
  const icon = await (await fetch(BASE + "/favicon.ico")).status;
  check(icon === 200, "the icon is served");
  console.log("pages: all checks passed");
} catch (e) {
  failed = true;
  console.error(String(e.message || e));
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
