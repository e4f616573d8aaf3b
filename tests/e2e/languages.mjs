// The interface in the reader's language, in headless Chromium: a browser that asks for French
// (Accept-Language) gets the pages in French with dates as French historians write them; the
// switcher in the footer changes the language and the choice holds from page to page (a
// cookie); `?lang=` in a URL wins over both and holds for the visit; an event's card on the
// timeline gives its French texts; axe-core finds nothing on the French event page at a
// desktop and a phone size. Screenshots of each go to SHOTS.
//
//   BASE=http://127.0.0.1:8080 SHOTS=target/browser-screenshots node languages.mjs
//
// Run by crates/annals-cli/tests/browser.rs (`languages_in_chromium`) against a served demo.
import { createRequire } from "node:module";
import { join } from "node:path";
import { BASE, SHOTS, check, launch } from "./common.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const CAESAR = "/events/assassination-of-julius-caesar-44-bc";
const HASTINGS = "/events/battle-of-hastings-1066";

const browser = await launch();
try {
  for (const [size, viewport] of [["desktop", { width: 1366, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
    // axe is injected as an inline script: the pages' CSP (script-src 'self') is bypassed for it.
    const context = await browser.newContext({ viewport, locale: "fr-FR", bypassCSP: true });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));

    const home = await page.goto(BASE + "/", { waitUntil: "networkidle" });
    check(home.headers()["content-language"] === "fr", `${size}: the front page answers in French (Content-Language fr)`);
    check(await page.getAttribute("html", "lang") === "fr", `${size}: <html lang="fr">`);
    check(/Frise/.test(await page.textContent("nav.site-nav")) && /Carte/.test(await page.textContent("nav.site-nav")), `${size}: the navigation is in French`);
    const lede = await page.textContent("p.lede");
    check(/événements historiques, de la formation de la Terre/.test(lede), `${size}: the front page's lede in French: ${lede.trim().slice(0, 60)}…`);
    await page.screenshot({ path: join(SHOTS, `languages-fr-home-${size}.png`) });

    await page.goto(BASE + CAESAR, { waitUntil: "networkidle" });
    const dateline = await page.textContent("p.dateline");
    check(/15 mars 44 av\. J\.-C\./.test(dateline), `${size}: Caesar's death dated as French historians write it: ${dateline.trim()}`);
    check(/calendrier julien/.test(dateline), `${size}: with its calendar in French`);
    const facts = await page.textContent("aside.facts");
    check(/Date/.test(facts) && /Lieu/.test(facts) && /En bref|Participants/.test(facts), `${size}: the fact box in French`);
    check(await page.textContent("details.cite summary") === "Citer cet événement", `${size}: "Cite this event" in French`);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => v.id + ": " + v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | "));
    });
    check(violations.length === 0, `${size}: the French event page has no accessibility violations ${violations.join("; ")}`);
    const h1 = await page.locator("h1").boundingBox();
    check(h1 && h1.y + h1.height <= viewport.height / 2, `${size}: the title is in the top half of the first screen`);
    await page.screenshot({ path: join(SHOTS, `languages-fr-event-${size}.png`) });

    // The switcher: German, kept from page to page.
    await page.click("nav.languages a[lang=de]");
    await page.waitForLoadState("networkidle");
    check(page.url() === BASE + CAESAR, `${size}: the switcher comes back to the same page (${page.url()})`);
    check(await page.getAttribute("html", "lang") === "de", `${size}: switched to German`);
    check(/15\. März 44 v\. Chr\./.test(await page.textContent("p.dateline")), `${size}: the date in German`);
    await page.goto(BASE + HASTINGS, { waitUntil: "networkidle" });
    check(/14\. Oktober 1066/.test(await page.textContent("p.dateline")), `${size}: the choice holds on the next page (14. Oktober 1066)`);
    check(await page.getAttribute("nav.languages [aria-current]", "lang") === "de", `${size}: the switcher marks German as the current language`);

    // The URL wins: a link to the Spanish page is Spanish for whoever follows it.
    await page.goto(BASE + HASTINGS + "?lang=es", { waitUntil: "networkidle" });
    check(/14 de octubre de 1066/.test(await page.textContent("p.dateline")), `${size}: ?lang=es gives the Spanish page`);
    // and its links keep Spanish for the rest of the visit
    await page.goto(BASE + "/search?q=hastings", { waitUntil: "networkidle" });
    check(await page.getAttribute("html", "lang") === "es", `${size}: a page without ?lang= after it is still Spanish`);
    await page.goto(BASE + "/search?q=treaty&lang=fr", { waitUntil: "networkidle" });
    check(/événements correspondent/.test(await page.textContent("h1")), `${size}: the search page in French`);
    await page.screenshot({ path: join(SHOTS, `languages-fr-search-${size}.png`) });
    // The timeline and the map, as their scripts draw them, in French.
    await page.goto(BASE + "/timeline?from=1000&to=1200&lang=fr", { waitUntil: "networkidle" });
    await page.waitForSelector("svg.tl-svg a.ev");
    const range = await page.textContent(".tl-range");
    check(/événements?$/.test(range.trim()), `${size}: the timeline's range read-out in French: ${range.trim()}`);
    const legend = await page.textContent(".tl-legend");
    check(/un événement/.test(legend) && !/an event/.test(legend), `${size}: the timeline's legend in French`);
    check(/siècle|années|\d{4}/.test(await page.textContent("#timeline-table")), `${size}: the periods named in French`);
    await page.screenshot({ path: join(SHOTS, `languages-fr-timeline-${size}.png`) });
    if (size === "desktop") {
      // an event's mark and card give its French texts when it has them
      const label = await page.textContent('.tl-svg a.ev[data-id="card-test-1100"] .label');
      check(label === "Fondation d'une abbaye d'essai", `${size}: the timeline labels the event with its French title: ${label}`);
      await page.hover('.tl-svg a.ev[data-id="card-test-1100"]');
      await page.waitForSelector(".event-card .card-title", { timeout: 10000 });
      const card = await page.$eval(".event-card", (e) => ({ title: e.querySelector(".card-title").textContent, lang: e.querySelector(".card-title").lang, summary: e.querySelector(".card-summary").textContent }));
      check(card.title === "Fondation d'une abbaye d'essai" && card.lang === "", `${size}: the card's title in French: ${card.title}`);
      check(/^Une abbaye fondée/.test(card.summary), `${size}: the card's summary in French: ${card.summary}`);
      await page.keyboard.press("Escape");
    }
    await page.goto(BASE + "/map?lang=fr", { waitUntil: "networkidle" });
    check(/événements localisés/.test(await page.textContent("p.map-count")), `${size}: the map's count in French`);
    if (size === "desktop") {
      // a new view's markers come from the server in the page's language
      await page.click(".map-bar button[data-act=in]");
      await page.waitForTimeout(1200);
      const count = await page.textContent("p.map-count");
      check(/événements localisés.*dans cette vue/.test(count), `${size}: after zooming, the count is still French: ${count.trim().slice(0, 60)}`);
    }
    await page.screenshot({ path: join(SHOTS, `languages-fr-map-${size}.png`) });
    // An event's history in French.
    await page.goto(BASE + HASTINGS + "/history?lang=fr", { waitUntil: "networkidle" });
    check((await page.textContent("h1")).startsWith("Historique de"), `${size}: the history page in French`);
    check(/version.*de la plus récente/.test(await page.textContent("p.lede")), `${size}: its revisions counted in French`);
    // A story in Spanish: its page and the buttons its script adds.
    await page.goto(BASE + "/stories/rome-a-city-of-many-endings?lang=es", { waitUntil: "networkidle" });
    check(/Un relato en \d+ paradas/.test(await page.textContent("p.kicker")), `${size}: the story's kicker in Spanish`);
    check((await page.textContent(".story-where")).startsWith("Parada 1 de "), `${size}: the story's script counts stops in Spanish`);
    check(/Siguiente/.test(await page.textContent("button.story-next")), `${size}: its Next button in Spanish`);
    // axe-core on the other French pages.
    for (const path of ["/?lang=fr", "/search?q=treaty&lang=fr", "/timeline?lang=fr", "/map?lang=fr", "/places/Rome%2C%20Italy?lang=fr", HASTINGS + "/history?lang=fr", "/stories/rome-a-city-of-many-endings?lang=fr"]) {
      await page.goto(BASE + path, { waitUntil: "networkidle" });
      await page.addScriptTag({ path: AXE });
      const found = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => v.id + ": " + v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | "));
      });
      check(found.length === 0, `${size}: ${path} has no accessibility violations ${found.join("; ")}`);
    }
    // back to English for whoever comes next
    await page.goto(BASE + "/language?to=en&back=/", { waitUntil: "networkidle" });
    check(await page.getAttribute("html", "lang") === "en", `${size}: and back to English`);
    check(errors.length === 0, `${size}: no script errors: ${errors.join("; ")}`);
    await context.close();
  }
  console.log("languages e2e: all checks passed");
} finally {
  await browser.close();
}
