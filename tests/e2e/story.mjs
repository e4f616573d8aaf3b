// A story walked stop by stop in headless Chromium (playwright-core, Debian's /usr/bin/chromium):
// the demo's story "Rome, a city of many endings" at a desktop size with the keyboard, the
// buttons and the strip, and on a phone with swipes; a URL per stop; the timeline and the map
// beside it following each stop; without JavaScript, one long page with every stop; axe-core
// finds no violation. Screenshots of each go to SHOTS.
//
//   BASE=http://127.0.0.1:8080 SHOTS=target/browser-screenshots node story.mjs
//
// Run by crates/annals-cli/tests/browser.rs (`story_in_chromium`) against a served demo.
// Exits 1 with a message on the first failure; prints "ok ..." for each check.
import { createRequire } from "node:module";
import { join } from "node:path";
import { BASE, SHOTS, check, launch, sleep } from "./common.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const STORY = "/stories/rome-a-city-of-many-endings";

const browser = await launch();
const errors = [];
function watch(page) {
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
}
// Which stops are shown, the URL's fragment, and where the frames point.
async function state(page) {
  return page.evaluate(() => ({
    shown: [...document.querySelectorAll("section.stop")].map((s, i) => (s.hidden ? null : i + 1)).filter(Boolean),
    hash: location.hash,
    current: document.querySelector(".story-strip a[aria-current]")?.textContent.trim(),
    timeline: document.querySelector(".story-timeline")?.getAttribute("data-shown") || "",
    map: document.querySelector(".story-map")?.getAttribute("data-shown") || "",
    history: history.length,
    scrollY: window.scrollY,
  }));
}
async function axe(page, what) {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => v.id + ": " + v.nodes.length));
  check(found.length === 0, what + " has no axe-core violation " + JSON.stringify(found));
}

try {
  // Desktop: keyboard, buttons, strip, URL per stop, frames following.
  const desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
  let page = await desk.newPage();
  watch(page);
  await page.goto(BASE + STORY);
  await sleep(800);
  let s = await state(page);
  const arrivedHistory = s.history;
  check(s.shown.length === 1 && s.shown[0] === 1, "desktop: one stop is shown, the first " + JSON.stringify(s.shown));
  check(s.scrollY === 0, "the story's title is not scrolled away on arrival");
  check(/\/embed\/timeline\?.*event=founding-of-rome-753-bc/.test(s.timeline), "the timeline frame shows the first stop's event: " + s.timeline);
  check(/\/embed\/map\?.*event=founding-of-rome-753-bc/.test(s.map), "the map frame marks it too");
  await page.screenshot({ path: join(SHOTS, "story-desktop.png") });
  await page.keyboard.press("ArrowRight");
  await sleep(500);
  s = await state(page);
  check(s.shown[0] === 2 && s.hash === "#stop-2", "→ goes to stop 2, and the URL says so: " + s.hash);
  check(/crossing-of-the-rubicon/.test(s.timeline) && /crossing-of-the-rubicon/.test(s.map), "the frames moved to stop 2");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest("section.stop")?.id);
  check(focused === "stop-2", "focus moves to the new stop's heading (for screen readers)");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await sleep(500);
  s = await state(page);
  check(s.shown[0] === 4, "→ → reaches stop 4, a time window");
  check(/from=27%20BC&to=AD%20180/.test(s.timeline) && /view=20%2C-15%2C58%2C50/.test(s.map), "the frames show its window and view: " + s.map);
  await sleep(1500);
  const shown = await page.evaluate(() => document.querySelector(".story-timeline").contentWindow.location.href);
  check(/from=27%20BC&to=AD%20180/.test(shown), "the timeline frame has loaded stop 4's window: " + shown);
  // The embedded timeline fits its frame: its axis and tick labels are in sight.
  const fit = await page.evaluate(() => {
    const f = document.querySelector(".story-timeline"), d = f.contentDocument;
    const labels = [...d.querySelectorAll(".tick-label")].map((t) => t.getBoundingClientRect().bottom);
    return { frame: f.clientHeight, axis: d.querySelector(".axis-line")?.getBoundingClientRect().bottom, labels };
  });
  check(fit.axis > 0 && fit.axis < fit.frame && fit.labels.length > 0 && Math.max(...fit.labels) <= fit.frame,
    "the timeline's axis and its labels are inside the frame: " + JSON.stringify(fit));
  await page.screenshot({ path: join(SHOTS, "story-desktop-stop4.png") });
  await page.keyboard.press("ArrowLeft");
  await sleep(200);
  s = await state(page);
  check(s.shown[0] === 3, "← goes back a stop");
  check(s.history === arrivedHistory, "stepping adds nothing to the browser's history (Back leaves the story): " + s.history);
  await page.click(".story-strip li:nth-child(8) a");
  await sleep(300);
  s = await state(page);
  check(s.shown[0] === 8 && s.current.includes("Everything annals holds"), "the strip jumps to the last stop");
  check(await page.isDisabled(".story-next"), "Next is disabled on the last stop");
  await page.keyboard.press("ArrowRight");
  check((await state(page)).shown[0] === 8, "→ on the last stop stays there");
  await page.click(".story-prev");
  await sleep(200);
  check((await state(page)).shown[0] === 7, "Previous goes back");
  // A link to a stop opens that stop.
  await page.goto(BASE + STORY + "#stop-5");
  await sleep(500);
  check((await state(page)).shown[0] === 5, "a URL with #stop-5 opens stop 5");
  // Typing in the search box is not a story key.
  await page.focus("#q");
  await page.keyboard.press("ArrowRight");
  check((await state(page)).shown[0] === 5, "arrows typed in the search box do not change the stop");
  await page.goto(BASE + STORY);
  await sleep(600);
  await axe(page, "the story page (desktop)");
  await desk.close();

  // A phone: swipe left and right.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, bypassCSP: true });
  page = await phone.newPage();
  watch(page);
  await page.goto(BASE + STORY);
  await sleep(800);
  const title = await page.evaluate(() => document.querySelector("article.story h1").getBoundingClientRect().bottom);
  check(title < 844, "phone: the story's title is on the first screen");
  const swipe = async (dx) => {
    const box = await page.evaluate(() => { const r = document.querySelector("section.stop:not([hidden])").getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + 40 }; });
    const cdp = await phone.newCDPSession(page);
    const at = (x) => [{ x, y: box.y }];
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(box.x) });
    for (let k = 1; k <= 5; k++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(box.x + (dx * k) / 5) });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await sleep(300);
  };
  // Each swipe is given time to land (a busy machine may take longer than the pause).
  const landed = (hash) => page.waitForFunction((h) => location.hash === h, hash, { timeout: 5000 }).catch(() => {});
  await swipe(-160);
  await landed("#stop-2");
  s = await state(page);
  check(s.shown[0] === 2 && s.hash === "#stop-2", "phone: a swipe to the left goes to the next stop");
  await swipe(-160);
  await landed("#stop-3");
  s = await state(page);
  check(s.shown[0] === 3 && s.hash === "#stop-3", "phone: a second swipe to the left goes on");
  await swipe(160);
  await landed("#stop-2");
  check((await state(page)).shown[0] === 2, "a swipe to the right goes back");
  await sleep(1200);
  await page.screenshot({ path: join(SHOTS, "story-phone.png") });
  await page.screenshot({ path: join(SHOTS, "story-phone-full.png"), fullPage: true });
  await axe(page, "the story page (phone)");
  await phone.close();

  // Without JavaScript: one long page, every stop, links to each.
  const plain = await browser.newContext({ viewport: { width: 1366, height: 900 }, javaScriptEnabled: false });
  page = await plain.newPage();
  await page.goto(BASE + STORY);
  const all = await page.evaluate(() => ({
    stops: [...document.querySelectorAll("section.stop")].filter((s) => !s.hidden && s.offsetHeight > 0).length,
    strip: [...document.querySelectorAll(".story-strip a")].map((a) => a.getAttribute("href")),
    frames: !!document.querySelector(".story-frames:not([hidden])"),
  }));
  check(all.stops === 8 && all.strip[7] === "#stop-8", "without JavaScript every stop is on one page, the strip links to each");
  check(!all.frames, "without JavaScript no empty frames are shown");
  await page.screenshot({ path: join(SHOTS, "story-nojs.png"), fullPage: true });
  await plain.close();

  check(errors.length === 0, "no script errors: " + JSON.stringify(errors));
  console.log("story e2e: all checks passed");
} catch (e) {
  console.error(String(e && e.stack || e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
