// Pictures in the browser (playwright-core, Debian's chromium): a stored picture (uploaded with
// `annals media add` and named by an event) leads the event page at the top of its fact box
// with its caption and credit, loaded as a WebP copy chosen from its srcset under the pages'
// content security policy; the second one shows under the narrative. An editor then adds a
// picture from this computer in the editor (POST /media with the session), completes its
// line, saves, and sees it on the page. axe-core finds no violation on the event page with
// pictures nor on the editor with an upload, at desktop and phone sizes. Hovering the event's
// mark on the timeline and on the map shows its card with the picture's thumbnail and credit.
// Screenshots for people to look at.
//
//   BASE=http://127.0.0.1:8080 SHOTS=target/browser-screenshots EVENT=battle-of-hastings-1066 \
//     EDIT=sealing-of-magna-carta-1215 PICTURE=/path/to/picture.png EDITOR_NAME=clio PASSWORD=... \
//     node media.mjs
//
// Run by crates/annals-cli/tests/browser.rs. Exits 1 on the first failure.
import { BASE, SHOTS, check, launch } from "./common.mjs";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";

const EVENT = process.env.EVENT || "battle-of-hastings-1066";
const EDIT = process.env.EDIT || "sealing-of-magna-carta-1215";
const PICTURE = process.env.PICTURE;
const EDITOR = process.env.EDITOR_NAME || "clio";
const PASSWORD = process.env.PASSWORD || "a long enough password";
const AXE = readFileSync(join(dirname(createRequire(import.meta.url).resolve("axe-core")), "axe.min.js"), "utf8");

const browser = await launch();
const errors = [];
async function context(width, height, tag, bypassCSP) {
  const phone = width < 500;
  const ctx = await browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1, bypassCSP });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(tag + ": " + String(e)));
  page.on("console", (m) => {
    // The refused upload answers 415 on purpose; only script and policy errors count.
    if (m.type() === "error" && !/favicon|status of 415/.test(m.text())) errors.push(tag + ": " + m.text());
  });
  return { ctx, page };
}
async function axe(page, what) {
  await page.addScriptTag({ content: AXE });
  const v = await page.evaluate(async () => (await window.axe.run(document)).violations.map((x) => x.id + ": " + x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")));
  check(v.length === 0, "axe-core finds no violation on " + what + (v.length ? ": " + v.join(" | ") : ""));
}
/** The state of the image `sel`: loaded, its natural size, the address chosen. */
const image = (page, sel) =>
  page.$eval(sel, (img) => ({ done: img.complete, w: img.naturalWidth, h: img.naturalHeight, src: img.currentSrc, box: img.getBoundingClientRect().toJSON() }));

async function reading(width, height, tag) {
  // The pages' own policy applies here (no bypass): the pictures must load under it.
  const { ctx, page } = await context(width, height, tag, false);
  await page.goto(BASE + "/events/" + EVENT);
  await page.waitForFunction(() => [...document.images].filter((i) => i.closest("figure")).every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 15000 }).catch(() => {});
  const lead = await image(page, "aside.facts figure.lead img");
  check(lead.w > 0 && lead.done, tag + ": the lead picture loaded (" + lead.w + "×" + lead.h + ")");
  check(/\/media\/[0-9a-f]{64}\/\d+\.webp$/.test(lead.src), tag + ": from a WebP copy chosen from its srcset (" + lead.src + ")");
  check(Math.abs(lead.w / lead.h - 1.6) < 0.02, tag + ": its shape is the picture's (" + lead.w + "×" + lead.h + ")");
  check(lead.box.width > 150, tag + ": shown at " + Math.round(lead.box.width) + " px wide");
  const caption = await page.textContent("aside.facts figure.lead figcaption");
  check(caption.includes("The Channel at dusk") && caption.includes("Drawing: annals tests") && caption.includes("CC0 1.0"),
    tag + ": the caption, credit and licence are under it (" + caption.trim() + ")");
  const title = await page.$eval("h1", (h) => h.getBoundingClientRect().top);
  check(title < height / 2, tag + ": the title stays on the first screen (" + Math.round(title) + " px)");
  const second = await image(page, "section.media figure.medium img");
  check(second.w > 0, tag + ": the second picture loaded under the narrative");
  const file = await page.$eval("aside.facts figure.lead a.picture", (a) => a.getAttribute("href"));
  const res = await page.request.get(BASE + file);
  check(res.status() === 200 && res.headers()["content-type"] === "image/jpeg", tag + ": the picture links to its file");
  await page.screenshot({ path: join(SHOTS, "media-event-" + tag + ".png") });
  await ctx.close();
  const a = await context(width, height, tag, true);
  await a.page.goto(BASE + "/events/" + EVENT);
  await axe(a.page, "an event page with pictures (" + tag + ")");
  await a.ctx.close();
}

/** The card of an event on the timeline or the map: shown when its mark is hovered, with the
 * thumbnail of its lead picture (loaded), its date as the mark writes it, and the credit. */
async function card(page, mark, where) {
  await page.waitForSelector(mark);
  // Hover once the page has drawn its last answer (a busy machine may redraw it after the
  // first marks appear, and a redrawn mark is not the one hovered).
  await page.waitForLoadState("networkidle");
  await page.waitForSelector(mark);
  await page.hover(mark);
  await page.waitForFunction(() => { const i = document.querySelector(".event-card img.thumb"); return i && i.complete && i.naturalWidth > 0; }, null, { timeout: 10000 });
  const c = await page.$eval(".event-card", (e) => ({ text: e.textContent, src: e.querySelector("img.thumb").currentSrc, alt: e.querySelector("img.thumb").alt, box: e.getBoundingClientRect().toJSON() }));
  check(/\/media\/[0-9a-f]{64}\/320\.webp$/.test(c.src), where + ": the card shows the picture's 320-pixel copy (" + c.src + ")");
  check(c.text.includes("A harbour at dusk") && c.text.includes("June 1, 1890") && c.text.includes("Drawing: annals tests · CC0 1.0"),
    where + ": with the title, the date as written and the credit (" + c.text + ")");
  check(c.alt === "A sail on a calm sea under an orange sun at dusk", where + ": the thumbnail has its alt text");
  check(c.box.left >= 0 && c.box.right <= 1366 && c.box.top >= 0 && c.box.bottom <= 900, where + ": the card is on screen");
  const described = await page.$eval(mark, (m) => m.closest("a").getAttribute("aria-describedby"));
  check(described === "event-card", where + ": the mark is described by the card");
  await page.keyboard.press("Escape");
  check((await page.$(".event-card")) === null, where + ": Escape closes it");
}

async function cards() {
  const { ctx, page } = await context(1366, 900, "cards", false);
  await page.goto(BASE + "/timeline?from=1880&to=1900&event=" + EVENT);
  await card(page, '.tl-svg a.ev[data-id="' + EVENT + '"] circle', "timeline");
  await page.screenshot({ path: join(SHOTS, "media-card-timeline.png") });
  await page.goto(BASE + "/map?from=1880&to=1900&view=40,-10,55,15");
  await card(page, 'svg.map a[data-id="' + EVENT + '"] circle', "map");
  await ctx.close();
}

async function uploading() {
  const { ctx, page } = await context(1366, 900, "editor", true);
  await page.goto(BASE + "/signin");
  await page.fill("#name", EDITOR);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click("form.account button")]);
  await page.goto(BASE + "/events/" + EDIT + "/edit");
  check(await page.isVisible("#media-upload"), "the editor offers to add a picture from this computer");
  await page.setInputFiles("#media-upload", { name: "not-a-picture.jpg", mimeType: "image/jpeg", buffer: Buffer.from("GIF89a this is not a JPEG") });
  await page.waitForSelector(".upload output.bad");
  const refused = await page.textContent(".upload output");
  check(/not-a-picture\.jpg: Expected a JPEG, PNG or WebP picture; this file is a GIF picture\./.test(refused), "a file that is not a picture is refused by its bytes (" + refused + ")");
  await page.setInputFiles("#media-upload", PICTURE);
  await page.waitForFunction(() => /kept/.test(document.querySelector(".upload output").textContent));
  const said = await page.textContent(".upload output");
  check(said.includes("900×600"), "the upload says what was kept (" + said + ")");
  const lines = (await page.inputValue("#media")).split("\n");
  const line = lines[lines.length - 1];
  check(/^media:[0-9a-f]{64} \| alt /.test(line), "its line is added to the media field (" + line + ")");
  await page.screenshot({ path: join(SHOTS, "media-editor-upload.png"), fullPage: true });
  await axe(page, "the editor after an upload");
  // Complete the line (what it shows, who made it, its licence) and save.
  lines[lines.length - 1] = line.split(" | ")[0] + " | alt A harbour at dusk with one sail | caption The harbour | credit Drawn by the tests | licence CC-BY-4.0";
  await page.fill("#media", lines.join("\n"));
  await Promise.all([page.waitForNavigation(), page.click("form.editor p.actions button")]);
  check(page.url().endsWith("/events/" + EDIT), "saved, the event page shows (" + page.url() + ")");
  await page.waitForFunction(() => { const i = document.querySelector("aside.facts figure.lead img"); return i && i.complete && i.naturalWidth > 0; }, null, { timeout: 15000 });
  const lead = await image(page, "aside.facts figure.lead img");
  check(lead.w > 0, "the uploaded picture leads the page (" + lead.src + ")");
  check((await page.textContent("aside.facts figure.lead figcaption")).includes("Drawn by the tests"), "with its credit");
  await ctx.close();
}

try {
  await reading(1366, 900, "desktop");
  await reading(390, 844, "phone");
  await cards();
  if (PICTURE) await uploading();
  else console.log("(no PICTURE given: the editor's upload was not tried)");
  check(errors.length === 0, "no script or policy error (" + errors.join(" | ") + ")");
  console.log("media e2e: all checks passed");
} catch (e) {
  console.error(String(e.stack || e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
