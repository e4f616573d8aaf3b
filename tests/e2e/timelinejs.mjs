// Loads a TimelineJS JSON file (an `annals export --format timelinejs`) into the real TimelineJS,
// from its npm package, in headless Chromium, and reports what it rendered as one JSON line:
// {"slides": N, "headlines": [...], "errors": [...]}. Run by crates/annals-cli/tests/timelinejs.rs.
//
//   node timelinejs.mjs TIMELINE.json SCREENSHOT.png
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [, , timelinePath, screenshot] = process.argv;
const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, "node_modules", "@knight-lab", "timelinejs", "dist");
const data = fs.readFileSync(timelinePath, "utf8");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "annals-tljs-"));
const page = path.join(dir, "index.html");
fs.writeFileSync(
  page,
  `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://${dist}/css/timeline.css">
<script src="file://${dist}/js/timeline.js"></script></head>
<body><div id="timeline" style="width: 1200px; height: 700px"></div>
<script>
window.tlErrors = [];
window.addEventListener("error", e => window.tlErrors.push(String(e.message)));
const data = ${data.replace(/<\/script/gi, "<\\/script")};
window.timeline = new TL.Timeline("timeline", data, {});
window.timeline.on("dataloaded", () => { window.tlLoaded = true; });
</script></body></html>`,
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--allow-file-access-from-files",
  ],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  tab.on("pageerror", e => errors.push(String(e)));
  await tab.goto("file://" + page);
  await tab.waitForSelector(".tl-slide", { timeout: 30000 });
  await tab.waitForTimeout(1000);
  const result = await tab.evaluate(() => ({
    slides: document.querySelectorAll(".tl-slide").length,
    headlines: [...document.querySelectorAll(".tl-slide .tl-headline")].map(h => h.textContent.trim()),
    markers: document.querySelectorAll(".tl-timemarker").length,
    errors: window.tlErrors,
  }));
  // Go to the second slide (the first event) so the screenshot shows one.
  await tab.evaluate(() => window.timeline.goTo(1));
  await tab.waitForTimeout(800);
  if (screenshot) await tab.screenshot({ path: screenshot });
  result.errors = result.errors.concat(errors);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
