// annals: a card for the event under the pointer or the keyboard focus, on the timeline and
// the map (docs/web.md). Progressive enhancement: every mark is a link to its event's page and
// has a tooltip without this script. A moment after a mark (`a[data-id]` in `.tl-svg` or
// `svg.map`) is hovered or focused, its event is read (GET /api/events/{id}, once per id) and
// shown beside it: its lead picture as a small copy (a stored picture's 320-pixel WebP, or the
// picture's own https: address), its title, date, place, the start of its summary and the
// picture's credit. The title and summary are the page's language's when the event has them
// (its `translations`); else its own, marked with their language. Escape, leaving the mark or
// scrolling closes it. Text only via textContent.
(function () {
  "use strict";
  if (!window.fetch) return;
  var cache = {};
  var card = null, showing = null, timer = null;

  function read(id) {
    if (!cache[id]) {
      cache[id] = fetch("/api/events/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
    }
    return cache[id];
  }
  // Where a browser loads a thumbnail of an image medium, or null.
  function thumbnail(m) {
    var stored = /^media:([0-9a-f]{64})$/.exec(m.url);
    if (stored) return "/media/" + stored[1] + "/320.webp";
    return /^https:\/\//.test(m.url) ? m.url : null;
  }
  function add(parent, tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    parent.appendChild(e);
    return e;
  }
  // The event's title and summary in the page's language when it has them, with their language.
  var READER = (document.documentElement.lang || "en").toLowerCase();
  function base(tag) { return String(tag || "").toLowerCase().split("-")[0]; }
  function texts(e) {
    var own = { title: e.title, summary: e.summary || "", titleLang: e.lang || "", summaryLang: e.lang || "" };
    if (base(e.lang) === READER) return own;
    var t = (e.translations || []).filter(function (x) { return base(x.lang) === READER; })[0];
    if (!t) return own;
    return {
      title: t.title, titleLang: t.lang,
      summary: t.summary || own.summary, summaryLang: t.summary ? t.lang : own.summaryLang
    };
  }
  // Mark a text in another language than the page's, for screen readers.
  function marked(el, lang) { if (lang && base(lang) !== READER) el.lang = lang; }
  function hide() {
    clearTimeout(timer);
    if (card) card.remove();
    if (showing) showing.removeAttribute("aria-describedby");
    card = null;
    showing = null;
  }
  function show(mark, e) {
    hide();
    card = document.createElement("div");
    card.className = "event-card";
    card.id = "event-card";
    card.setAttribute("role", "tooltip");
    var image = (e.media || []).filter(function (m) { return (m.kind || "image") === "image" && thumbnail(m); })[0];
    if (image) {
      var img = add(card, "img", "thumb");
      img.src = thumbnail(image);
      img.alt = image.alt || "";
      img.loading = "eager";
    }
    var body = add(card, "div", "card-body");
    var said = texts(e);
    marked(add(body, "strong", "card-title", said.title), said.titleLang);
    // The date as the timeline and the map write it (their marks carry it), else as recorded.
    var d = e.date || {};
    var place = (e.places || [])[0];
    var date = mark.getAttribute("data-date") || d.text || d.edtf || "";
    add(body, "span", "card-date", date + (place ? " · " + place.name + (place.country ? ", " + place.country : "") : ""));
    var summary = said.summary || "";
    if (summary) {
      marked(add(body, "span", "card-summary", summary.length > 180 ? summary.slice(0, 177).replace(/\s+\S*$/, "") + "…" : summary), said.summaryLang);
    }
    // The licence as people write it: CC-BY-SA-4.0 as "CC BY-SA 4.0", CC0-1.0 as "CC0 1.0".
    var licence = (image && image.licence || "").replace(/^CC-/, "CC ").replace(/-(\d)/, " $1");
    if (image && (image.credit || licence)) add(body, "span", "card-credit", [image.credit, licence].filter(Boolean).join(" · "));
    document.body.appendChild(card);
    var r = mark.getBoundingClientRect(), cw = card.offsetWidth, ch = card.offsetHeight;
    var left = Math.min(Math.max(8, r.left + r.width / 2 - cw / 2), window.innerWidth - cw - 8);
    var top = r.top - ch - 10 >= 8 ? r.top - ch - 10 : Math.min(r.bottom + 10, window.innerHeight - ch - 8);
    card.style.left = Math.round(left) + "px";
    card.style.top = Math.round(top) + "px";
    mark.setAttribute("aria-describedby", "event-card");
    showing = mark;
  }
  function enter(ev) {
    var mark = ev.target.closest && ev.target.closest("a[data-id]");
    if (!mark || !mark.closest(".tl-svg, svg.map") || mark === showing) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      read(mark.getAttribute("data-id")).then(function (e) {
        if (e && mark.isConnected && (mark.matches(":hover") || mark === document.activeElement)) show(mark, e);
      });
    }, 250);
  }
  function leave(ev) {
    var mark = ev.target.closest && ev.target.closest("a[data-id]");
    if (!mark) return;
    var to = ev.relatedTarget;
    if (to && mark.contains(to)) return;
    clearTimeout(timer);
    if (mark === showing) hide();
  }
  document.addEventListener("mouseover", enter);
  document.addEventListener("focusin", enter);
  document.addEventListener("mouseout", leave);
  document.addEventListener("focusout", leave);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  window.addEventListener("scroll", hide, { passive: true });
  document.addEventListener("pointerdown", function (e) { if (card && !card.contains(e.target)) hide(); });
})();
