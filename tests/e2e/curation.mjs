// Curation in the browser (playwright-core, Debian's chromium): an editor signs in, creates a
// BC event (the date read as it is typed, a place and a participant completed), edits it, sees
// the difference in its history and puts the first version back; a second tab's save shows the
// first a conflict, never a silent overwrite; a bad date is refused beside its field. A
// reviewer then merges a duplicate pair field by field, and the merged-away address redirects.
// axe-core finds no violation on the editor, history, review and compare pages, at desktop and
// phone sizes; screenshots for people to look at.
//
//   BASE=http://127.0.0.1:8080 SHOTS=target/browser-screenshots EDITOR=clio REVIEWER=herodotus \
//     PASSWORD=... node curation.mjs
//
// Run by crates/annals-cli/tests/browser.rs (the demo corpus, two users, and a rewritten copy of
// the Battle of Hastings proposed as its duplicate). Exits 1 on the first failure.
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";

const BASE = process.env.BASE || "http://127.0.0.1:8080";
const SHOTS = process.env.SHOTS || "screenshots";
const BIN = process.env.CHROMIUM || "/usr/bin/chromium";
const EDITOR = process.env.EDITOR_NAME || "clio";
const REVIEWER = process.env.REVIEWER_NAME || "herodotus";
const PASSWORD = process.env.PASSWORD || "a long enough password";
const COPY = process.env.COPY_ID || "hastings-copy";
mkdirSync(SHOTS, { recursive: true });
const AXE = readFileSync(join(dirname(createRequire(import.meta.url).resolve("axe-core")), "axe.min.js"), "utf8");

function check(cond, what) {
  if (!cond) throw new Error("FAILED: " + what);
  console.log("ok " + what);
}
const browser = await chromium.launch({
  executablePath: BIN,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const errors = [];
let page;
const shot = (name) => page.screenshot({ path: join(SHOTS, name + ".png"), fullPage: true });
async function axe(what) {
  await page.addScriptTag({ content: AXE });
  const v = await page.evaluate(async () => (await window.axe.run(document)).violations.map((x) => x.id + ": " + x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")));
  check(v.length === 0, "axe-core finds no violation on " + what + (v.length ? ": " + v.join(" | ") : ""));
}
async function context(width, height, tag) {
  const phone = width < 500;
  const ctx = await browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1, bypassCSP: true });
  const p = await ctx.newPage();
  p.on("pageerror", (e) => errors.push(tag + ": " + String(e)));
  p.on("console", (m) => {
    // Refused form posts and 4xx pages are expected here; only script errors count.
    if (m.type() === "error" && !/favicon|status of 4\d\d/.test(m.text() + (m.location().url || ""))) errors.push(tag + ": " + m.text());
  });
  return { ctx, p };
}
async function signIn(name) {
  await page.goto(BASE + "/signin");
  await page.fill("#name", name);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click("form.account button")]);
}
async function signOut() {
  await Promise.all([page.waitForNavigation(), page.click("form.signout button")]);
}
const text = (sel) => page.textContent(sel);

async function editing() {
  const { ctx, p } = await context(1366, 900, "desktop");
  page = p;
  // Editing needs an account: the editor is sent to sign in, then back.
  const r = await page.goto(BASE + "/events/new");
  check(page.url().includes("/signin?next="), "a reader who opens the editor is asked to sign in");
  check(r.status() === 200, "the sign-in page answers 200");
  await page.fill("#name", EDITOR);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click("form.account button")]);
  check(page.url().endsWith("/events/new"), "after signing in the editor is back at the new event form");
  await axe("the empty editor");

  // The date is read as it is typed.
  await page.fill("#title", "Test founding of Coloniola");
  await page.fill("#date", "March 15, 44 BC");
  await page.waitForFunction(() => /44 BC/.test(document.querySelector("output.date-reading").textContent), null, { timeout: 15000 });
  const reading = await text("output.date-reading");
  check(/March 15, 44 BC/.test(reading) && /Julian/.test(reading) && /-0043-03-13/.test(reading), "the date reads as March 15, 44 BC, Julian (EDTF -0043-03-13 on the Gregorian axis): " + reading);
  await page.fill("#date", "Smarch 44");
  await page.waitForFunction(() => document.querySelector("output.date-reading").classList.contains("bad"), null, { timeout: 15000 });
  check(/Not read/.test(await text("output.date-reading")), "a date annals cannot read says so before saving");
  await page.fill("#date", "March 15, 44 BC");
  await page.waitForFunction(() => /44 BC/.test(document.querySelector("output.date-reading").textContent), null, { timeout: 15000 });

  // Places and participants are completed.
  await page.click("#places");
  await page.keyboard.type("Alexandr");
  await page.waitForSelector("#places-completions li", { timeout: 15000 });
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const places = await page.inputValue("#places");
  check(/^Alexandria, Egypt/.test(places), "a place is completed from the gazetteer: " + places);
  // A second place, pinned on the map: a click near Rome (41.9 N, 12.5 E) writes its coordinates.
  await page.keyboard.press("End");
  await page.keyboard.type("\nA test camp");
  const map = await page.$("div.place-map svg");
  const box = await map.boundingBox();
  await page.mouse.click(box.x + ((12.5 + 180) * 2 / 720) * box.width, box.y + ((90 - 41.9) * 2 / 360) * box.height);
  const pinned = (await page.inputValue("#places")).split("\n")[1] || "";
  const m = /^A test camp @ (-?[\d.]+), (-?[\d.]+)$/.exec(pinned);
  check(m && Math.abs(Number(m[1]) - 41.9) < 1 && Math.abs(Number(m[2]) - 12.5) < 1, "a click on the map sets the place's coordinates: " + pinned);
  check((await page.$$("div.place-map circle.pin")).length >= 1, "the pinned place shows on the map");
  await page.click("#participants");
  await page.keyboard.type("Julius Cae");
  await page.waitForSelector("#participants-completions li", { timeout: 15000 });
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const who = await page.inputValue("#participants");
  check(who === "Julius Caesar", "a participant is completed from the events: " + who);
  // A related event is picked by search.
  await page.click("#related");
  await page.keyboard.type("Assassination Caesar");
  await page.waitForSelector("#related-completions li", { timeout: 15000 });
  const shown = await text("#related-completions li");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const related = await page.inputValue("#related");
  check(related === "assassination-of-julius-caesar-44-bc (related)" && /Assassination of Julius Caesar \(March 15, 44 BC\)/.test(shown),
    "a related event is picked by search, shown by title and date, written as its id: " + shown + " → " + related);
  await page.fill("#summary", "A colony founded for a test, in the year of the Ides of March.");
  await page.fill("#change", "first version");
  await shot("curation-editor-desktop");
  await Promise.all([page.waitForNavigation(), page.click("p.actions button")]);
  const id = page.url().split("/events/")[1];
  check(/coloniola/.test(id), "saving opens the new event's page: " + id);
  check((await text("h1")).includes("Test founding of Coloniola"), "the new page shows the title");
  check(/44 BC/.test(await text("main")), "and the date as written");

  // Edit it.
  await page.goto(BASE + "/events/" + id + "/edit");
  await page.fill("#summary", "A colony founded for a test; the summary was edited.");
  await page.fill("#change", "better summary");
  await Promise.all([page.waitForNavigation(), page.click("p.actions button")]);
  check((await text("main")).includes("the summary was edited"), "an edit is saved");

  // A bad date is refused beside its field, and nothing is saved.
  await page.goto(BASE + "/events/" + id + "/edit");
  await page.fill("#date", "the 45th of Smarch");
  const refused = await Promise.all([page.waitForNavigation(), page.click("p.actions button")]);
  check(refused[0].status() === 422, "a bad date answers 422");
  check(await page.isVisible(".field.invalid #date"), "the date field is marked invalid");
  check(/Nothing was saved/.test(await text(".form-problem")), "the page says nothing was saved");
  await axe("the editor with a problem");
  await shot("curation-problem-desktop");

  // Two tabs: the second saves first, the first sees a conflict with the difference.
  await page.goto(BASE + "/events/" + id + "/edit");
  const other = await ctx.newPage();
  await other.goto(BASE + "/events/" + id + "/edit");
  await other.fill("#title", "Test founding of Coloniola (other tab)");
  await Promise.all([other.waitForNavigation(), other.click("p.actions button")]);
  await page.fill("#summary", "Meanwhile, this tab changed the summary.");
  const conflict = await Promise.all([page.waitForNavigation(), page.click("p.actions button")]);
  check(conflict[0].status() === 409, "saving over a newer version answers 409");
  check(/Someone saved this event/.test(await text("h1")), "the editor is told someone saved meanwhile");
  check((await page.$$("table.diff ins, table.diff del")).length >= 2, "and sees the difference line by line");
  check((await page.inputValue("#summary")).includes("Meanwhile"), "their own version is kept in the form");
  await axe("the conflict page");
  await shot("curation-conflict-desktop");
  await other.close();

  // History: three revisions by the editor; compare the first and the last, put the first back.
  await page.goto(BASE + "/events/" + id + "/history");
  const rows = await page.$$("table.revisions tbody tr");
  check(rows.length === 3, "the history lists three revisions: " + rows.length);
  check((await text("table.revisions")).includes(EDITOR), "each names its author");
  await axe("the history page");
  await shot("curation-history-desktop");
  const gens = await page.$$eval("table.revisions input[name=a]", (xs) => xs.map((x) => x.value));
  await page.goto(BASE + "/events/" + id + "/history?a=" + gens[gens.length - 1] + "&b=" + gens[0]);
  check((await page.$$("table.diff ins")).length > 0 && (await page.$$("table.diff del")).length > 0, "comparing two revisions shows lines removed and added");
  await shot("curation-compare-revisions-desktop");
  const putBack = await page.$$("table.revisions button.linkish");
  check(putBack.length >= 1, "older revisions can be put back");
  await Promise.all([page.waitForNavigation(), putBack[putBack.length - 1].click()]);
  await page.goto(BASE + "/events/" + id);
  check((await text("main")).includes("in the year of the Ides of March"), "putting back the first revision restores its summary");

  // A participant as a record: described, dated, given another name that leads to its page.
  await page.goto(BASE + "/participants/Julius%20Caesar");
  await Promise.all([page.waitForNavigation(), page.click("section.profile a[href$='/edit']")]);
  await page.fill("#description", "Roman general and statesman, dictator of Rome.");
  await page.fill("#from", "July 12, 100 BC");
  await page.fill("#to", "March 15, 44 BC");
  await page.waitForFunction(() => /Reads as/.test(document.querySelector('output[for="to"]').textContent));
  check(/March 15, 44 BC/.test(await text('output[for="to"]')), "a profile's date reads as it is typed: " + await text('output[for="to"]'));
  await page.fill("#aliases", "Gaius Julius Caesar\nCaesar the dictator");
  await page.fill("#wikidata", "Q1048");
  await axe("the profile editor");
  await shot("curation-profile-editor-desktop");
  await Promise.all([page.waitForNavigation(), page.click("form.editor:not(.merge) button")]);
  check((await text("section.profile")).includes("Roman general"), "a participant's profile is saved and shown on its page");
  check(/March 15, 44 BC/.test(await text("dl.facts")) && /Gaius Julius Caesar/.test(await text("dl.facts")), "with its dates as written and its other names");
  await page.goto(BASE + "/participants/Gaius%20Julius%20Caesar");
  check(page.url().endsWith("/participants/Julius%20Caesar"), "another name leads to the participant's page: " + page.url());
  await axe("a participant's page with its profile");
  await shot("curation-profile-desktop");
  await page.goto(BASE + "/search?q=participant%3A%22Caesar+the+dictator%22");
  check(/[1-9][0-9]* events? match/.test(await text("h1")), "a search by another name finds the participant's events: " + await text("h1"));
  await page.goto(BASE + "/participants/Julius%20Caesar/history");
  check((await text("ol.revisions")).includes(EDITOR), "the profile's history names its author");
  await signOut();
  check(await page.isVisible("a.signin"), "signing out shows Sign in again");
  await ctx.close();
  return id;
}

async function reviewing() {
  const { ctx, p } = await context(1366, 900, "desktop");
  page = p;
  await signIn(EDITOR);
  const forbidden = await page.goto(BASE + "/review");
  check(forbidden.status() === 403, "an editor may not review duplicates (403)");
  await page.goto(BASE + "/");
  await signOut();
  await signIn(REVIEWER);
  await page.goto(BASE + "/review");
  check((await page.$$("table.review tbody tr")).length >= 1, "the review queue lists the proposed pair");
  check((await text("table.review")).includes("Hastings"), "the pair is the battle recorded twice");
  await axe("the review queue");
  await shot("curation-review-desktop");
  await Promise.all([page.waitForNavigation(), page.click("table.review a[href^='/review/']")]);
  check(/One event or two/.test(await text("h1")), "comparing a pair shows both side by side");
  await axe("the pair's comparison");
  await shot("curation-merge-desktop");
  const keptId = await page.inputValue("#kept-a");
  const goneId = await page.inputValue("#kept-b");
  // Keep the first's id and title, the second's summary, both lists of places.
  if (await page.isVisible("#summary-b")) await page.check("#summary-b");
  await page.fill("#change", "the same battle, recorded twice");
  await Promise.all([page.waitForNavigation(), page.click("form.merge button")]);
  check(page.url().endsWith("/events/" + keptId), "merging opens the kept event: " + page.url());
  const r = await page.goto(BASE + "/events/" + goneId);
  check(page.url().endsWith("/events/" + keptId), "the merged-away address redirects to the kept event");
  check(r.status() === 200 && r.request().redirectedFrom() !== null, "through a redirect");
  await page.goto(BASE + "/review");
  check(!(await text("main")).includes(goneId), "the merged pair leaves the queue");
  await ctx.close();

  // The same pages on a phone.
  const phone = await context(390, 844, "phone");
  page = phone.p;
  await signIn(REVIEWER);
  await page.goto(BASE + "/events/new");
  await axe("the editor on a phone");
  await shot("curation-editor-phone");
  await page.goto(BASE + "/events/" + keptId + "/history");
  await axe("the history on a phone");
  await shot("curation-history-phone");
  // In German on a phone: the longer labels wrap, nothing overflows.
  await page.goto(BASE + "/events/new?lang=de");
  check((await text("label[for=body]")) === "Darstellung", "the editor in German: " + (await text("label[for=body]")));
  await axe("the German editor on a phone");
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  // (what sticks out, to say so when something does)
  const over = await page.evaluate(() => [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > 391 && e.getBoundingClientRect().width > 0)
    .slice(0, 5).map((e) => e.tagName + "." + e.className + "#" + e.id + " " + Math.round(e.getBoundingClientRect().right)));
  check(wide <= 390, "the German editor fits a phone's width: " + wide + " " + over.join(", "));
  await shot("curation-editor-de-phone");
  await phone.ctx.close();

  // In French on a desktop: labels, the date read as it is typed, in French, and a problem.
  const desk = await context(1366, 900, "desktop-fr");
  page = desk.p;
  await signIn(EDITOR);
  // The footer's switcher: the language holds for the form's answer too.
  await page.goto(BASE + "/language?to=fr&back=" + encodeURIComponent("/events/new"));
  check(page.url().endsWith("/events/new") && (await text("label[for=summary]")) === "Résumé", "the editor in French");
  await page.fill("#date", "15 mars 44 av. J.-C.");
  await page.waitForFunction(() => /mars 44 av/.test(document.querySelector("output.date-reading").textContent), null, { timeout: 15000 });
  const lu = await text("output.date-reading");
  check(/Comprise comme 15 mars 44 av\. J\.-C\./.test(lu) && /\. Calendrier julien ; grégorien 13 mars 44 av\. J\.-C\./.test(lu), "the date reads in French: " + lu);
  await Promise.all([page.waitForNavigation(), page.click("form.editor button")]);
  check(/Rien n.a été enregistré/.test(await text(".form-problem")), "a French problem: " + (await text(".form-problem")));
  await axe("the French editor with a problem");
  await shot("curation-editor-fr-desktop");
  await desk.ctx.close();
}

try {
  await editing();
  await reviewing();
  check(errors.length === 0, "no script errors: " + errors.join(" | "));
  console.log("curation e2e: all checks passed");
} catch (e) {
  console.error(e && e.message ? e.message : e);
  if (page) { try { await shot("curation-failure"); } catch (_) { /* closed */ } }
  process.exitCode = 1;
} finally {
  await browser.close();
}
