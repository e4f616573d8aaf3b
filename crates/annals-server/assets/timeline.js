// annals: the interactive timeline (docs/web.md). Progressive enhancement of /timeline: without
// this script the server-rendered table is the timeline. Plain JavaScript, no dependencies.
// Event text is only ever set with textContent.
//
// The scale is "time ago": linear for a window of recorded history, bending smoothly towards a
// logarithm of the time before the present as the window widens into deep time, so the first
// view of billions of years shows the Earth's formation and the twentieth century at once. An
// overview strip of the whole range shows where the events are and where the window is.
(function () {
  "use strict";
  var root = document.getElementById("timeline");
  if (!root || !window.fetch || !window.history) return;
  var NS = "http://www.w3.org/2000/svg";
  var YEAR = 365.2425;
  // The page's words (words.js, which the server loads before this script).
  var words = window.annalsWords;
  if (!words) return;
  var say = words.w;
  var MON = say("js-months-short", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec").split(" ");
  // Colours of lanes and legends (distinct for colour-blind readers), then the colour of the rest.
  var PALETTE = ["#0a6ebd", "#c75000", "#0f8a5f", "#b8378f", "#8a6d00", "#5b4fc4", "#8a3b12", "#2f7f8f"];
  var OTHER = "#7a7a7a";

  // Rata Die (0001-01-01 is day 1) from a proleptic Gregorian date with an astronomical year
  // (0 is 1 BC), and back: the server's day axis (annals-dates, day.rs).
  function rd(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400), yoe = y - era * 400;
    var doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468 + 719163;
  }
  function ymd(n) {
    var z = Math.floor(n) - 719163 + 719468;
    var era = Math.floor(z / 146097), doe = z - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var m = mp < 10 ? mp + 3 : mp - 9;
    return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m: m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
  }
  function pad(n, w) { var s = String(Math.abs(n)); while (s.length < w) s = "0" + s; return s; }
  // A day as a from/to parameter the server reads back: ISO, or an EDTF year in deep time.
  function param(n) {
    var t = ymd(n);
    if (t.y < -9999 || t.y > 9999) return "Y" + t.y;
    return (t.y < 0 ? "-" : "") + pad(t.y, 4) + "-" + pad(t.m, 2) + "-" + pad(t.d, 2);
  }
  function parseIso(s) {
    var m = /^(-?)(\d+)-(\d\d)-(\d\d)$/.exec(s || "");
    return m ? rd((m[1] ? -1 : 1) * Number(m[2]), Number(m[3]), Number(m[4])) : NaN;
  }
  // Years as historians write them: no year 0 (astronomical 0 is 1 BC).
  function yearText(y) { return words.year(y); }
  function num(x) { return words.decimal(Math.round(x * 100) / 100); }
  function deep(y, unit) {
    var f = unit === "Ga" ? 1e9 : unit === "Ma" ? 1e6 : 1e3;
    return num(-y / f) + " " + unit;
  }
  function nice(x) {
    var p = Math.pow(10, Math.floor(Math.log10(x))), f = x / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }
  // A year typed by a person: 1914, -43, 44 BC, AD 14, 66 Ma, 4.5 Ga, 12 ka. Astronomical year.
  function readYear(s) {
    var m = /^\s*(-?\d[\d,]*(?:\.\d+)?)\s*(bce?|ad|ce|ga|ma|ka)?\s*$/i.exec(s || "");
    if (!m) return NaN;
    var v = Number(m[1].replace(/,/g, "")), u = (m[2] || "").toLowerCase();
    if (u === "ga") return -v * 1e9;
    if (u === "ma") return -v * 1e6;
    if (u === "ka") return -v * 1e3;
    if (u === "bc" || u === "bce") return 1 - v;
    return v;
  }

  // Ticks for a linear window [a, b] (days), about n of them, in the unit that fits the scale.
  function ticks(a, b, n) {
    var out = [], step = (b - a) / Math.max(1, n), t, k, i;
    if (step <= 20) {
      var s = [1, 2, 7, 14].filter(function (x) { return x >= step; })[0] || 14;
      for (k = Math.ceil(a / s) * s; k <= b; k += s) {
        t = ymd(k);
        out.push({ day: k, unit: "day", label: t.d + " " + MON[t.m - 1] + (out.length === 0 || (t.m === 1 && t.d <= s) ? " " + yearText(t.y) : "") });
      }
      return out;
    }
    if (step <= 200) {
      var ms = [1, 2, 3, 6].filter(function (x) { return x * 30.44 >= step; })[0] || 6;
      t = ymd(a);
      i = t.y * 12 + t.m - 1;
      if (rd(t.y, t.m, 1) < a) i += 1;
      for (i = Math.ceil(i / ms) * ms; ; i += ms) {
        var y = Math.floor(i / 12), m = i - y * 12 + 1, d = rd(y, m, 1);
        if (d > b) break;
        out.push({ day: d, unit: "month", label: MON[m - 1] + (m === 1 || out.length === 0 ? " " + yearText(y) : "") });
      }
      return out;
    }
    var sy = nice(step / YEAR), ya = ymd(a).y, yb = ymd(b).y;
    var unit = sy >= 1e9 ? "Ga" : sy >= 1e6 ? "Ma" : sy >= 1000 && ya < -10000 ? "ka" : sy >= 100 ? "century" : "year";
    if (unit === "Ga" || unit === "Ma" || unit === "ka") {
      for (k = Math.ceil(ya / sy) * sy; k <= yb; k += sy) if (k < 0) out.push({ day: rd(k, 1, 1), unit: unit, label: deep(k, unit) });
      return out;
    }
    // Historians' numbering h (h < 0: |h| BC): a tick every sy years, AD 1 after 1 BC.
    var ha = ya <= 0 ? ya - 1 : ya, hb = yb <= 0 ? yb - 1 : yb;
    for (k = Math.ceil(ha / sy) * sy; k <= hb; k += sy) {
      if (k === 0 && sy === 1) continue;
      var astro = k < 0 ? k + 1 : k === 0 ? 1 : k;
      out.push({ day: rd(astro, 1, 1), unit: unit, label: yearText(astro) });
    }
    return out;
  }
  // A date at the precision of the scale, for the range read-out.
  function when(n, span) {
    var t = ymd(n);
    if (t.y < -100000) return say("js-ago", "{x} ago", { x: deep(t.y, t.y < -2e9 ? "Ga" : t.y < -2e6 ? "Ma" : "ka") });
    if (span > 3 * YEAR) return yearText(t.y);
    if (span > 60) return MON[t.m - 1] + " " + yearText(t.y);
    return t.d + " " + MON[t.m - 1] + " " + yearText(t.y);
  }

  // The scale. A(t) is the time before the present plus ten years (past the present it shrinks
  // smoothly towards 0); a window whose oldest day is at most 30 times further back than its
  // newest is linear; beyond, the scale is a Box-Cox power of A bending to log A at 3,000 times.
  var today = new Date();
  var NOW = rd(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());
  var K0 = 10 * YEAR;
  function ago(t) { return t <= NOW ? NOW - t + K0 : K0 * Math.exp(-(t - NOW) / K0); }
  function power(a, b) {
    var r = ago(a) / ago(b);
    return r <= 30 ? 1 : r >= 3000 ? 0 : 1 - Math.log10(r / 30) / 2;
  }
  function U(t, p) { return p === 1 ? t : p === 0 ? -Math.log(ago(t)) : -Math.pow(ago(t), p) / p; }
  function Uinv(u, p) {
    if (p === 1) return u;
    var A = p === 0 ? Math.exp(-u) : (-u * p > 0 ? Math.pow(-u * p, 1 / p) : 0);
    if (!(A > 0)) return MAX;
    if (!isFinite(A)) return MIN;
    return A >= K0 ? NOW + K0 - A : NOW - K0 * Math.log(A / K0);
  }
  function scale(a, b, w) {
    var p = power(a, b), u0 = U(a, p), u1 = U(b, p), k = w / (u1 - u0);
    return {
      p: p, u0: u0, u1: u1, w: w,
      x: function (t) { return (U(t, p) - u0) * k; },
      day: function (x) { return Uinv(u0 + x / k, p); }
    };
  }

  var MIN = rd(-13800000000, 1, 1), MAX = rd(2100, 1, 1), MIN_SPAN = 1;
  var params = new URLSearchParams(location.search);
  var q = root.getAttribute("data-q") || "";
  var from = Number(root.getAttribute("data-from")), to = Number(root.getAttribute("data-to"));
  if (!isFinite(from) || !isFinite(to) || root.getAttribute("data-from") === "") { from = MIN; to = MAX; }
  if (to - from < MIN_SPAN) { var mid = (from + to) / 2; from = mid - 0.5; to = mid + 0.5; }
  to += 1; // the window's last day is inclusive: draw to the end of it
  var laneBy = params.get("lanes") || "", colourBy = params.get("colour") || "";
  var targetId = params.get("event") || "", target = null, hoverId = "";
  var ext = null, overview = [], eras = [], periods = loadPeriods(), relCache = {};

  var view = root.querySelector(".tl-view"), svg = root.querySelector(".tl-svg");
  var out = root.querySelector(".tl-range"), bar = root.querySelector(".tl-bar");
  var table = document.getElementById("timeline-table");
  var data = null, loaded = null, timer = 0, frame = 0, seq = 0, lastFetch = 0, controllers = [];
  root.hidden = false;
  if (table) table.hidden = true;
  // The server's read-outs of its window go stale as the window moves: the range read-out and
  // the interactive timeline replace them.
  Array.prototype.forEach.call(document.querySelectorAll(".tl-nojs"), function (e) { e.hidden = true; });

  function h(name, attrs, parent, text) {
    var e = document.createElement(name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, attrs, s) { var t = el("text", attrs, parent); t.textContent = s; return t; }

  // The controls: lanes and colours, the overview and the legend (drawn by the server, hidden
  // with the section until now), the empty-window notice and your periods.
  var laneSel = root.querySelector(".tl-lanes"), colourSel = root.querySelector(".tl-colours");
  laneSel.value = laneBy;
  colourSel.value = colourBy;
  laneSel.addEventListener("change", function () { laneBy = laneSel.value; render(); settle(); });
  colourSel.addEventListener("change", function () { colourBy = colourSel.value; render(); settle(); });
  var ovWrap = root.querySelector(".tl-overview"), ov = root.querySelector(".tl-ov");
  var empty = h("div", { "class": "tl-empty", role: "status", hidden: "" });
  view.parentNode.insertBefore(empty, ovWrap);
  var legend = root.querySelector(".tl-legend");
  var per = h("details", { "class": "tl-periods" });
  legend.parentNode.insertBefore(per, legend.nextSibling);
  h("summary", {}, per, say("js-your-periods", "Your periods"));
  var form = h("form", {}, per);
  var fName = h("input", { type: "text", id: "tl-pname", required: "", maxlength: "60" });
  var fFrom = h("input", { type: "text", id: "tl-pfrom", required: "", placeholder: "1914, 44 BC, 66 Ma" });
  var fTo = h("input", { type: "text", id: "tl-pto", required: "", placeholder: "1918, AD 14, 2 Ma" });
  [["tl-pname", say("js-period-name", "Name"), fName], ["tl-pfrom", say("js-from-year", "From year"), fFrom], ["tl-pto", say("js-to-year", "To year"), fTo]].forEach(function (f) {
    var l = h("label", { "for": f[0] }, form, f[1] + " ");
    l.appendChild(f[2]);
  });
  h("button", { type: "submit" }, form, say("js-add-period", "Add period"));
  var perList = h("ul", { "class": "tl-plist" }, per);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var a = readYear(fFrom.value), b = readYear(fTo.value);
    if (!isFinite(a) || !isFinite(b) || !fName.value.trim()) { fFrom.setCustomValidity(isFinite(a) ? "" : say("js-year-example", "A year such as 1914, 44 BC or 66 Ma")); form.reportValidity(); return; }
    fFrom.setCustomValidity("");
    periods.push({ name: fName.value.trim(), a: Math.min(a, b), b: Math.max(a, b) });
    savePeriods();
    fName.value = fFrom.value = fTo.value = "";
    render();
  });
  function loadPeriods() {
    try { var v = JSON.parse(localStorage.getItem("annals.periods") || "[]"); return Array.isArray(v) ? v : []; } catch (_) { return []; }
  }
  function savePeriods() {
    try { localStorage.setItem("annals.periods", JSON.stringify(periods)); } catch (_) { /* private mode */ }
    listPeriods();
  }
  function listPeriods() {
    while (perList.firstChild) perList.removeChild(perList.firstChild);
    periods.forEach(function (p, i) {
      var li = h("li", {}, perList, p.name + " (" + yearText(p.a) + " – " + yearText(p.b) + ") ");
      var b = h("button", { type: "button", "aria-label": say("js-remove-period", "Remove the period {name}", { name: p.name }) }, li, say("js-remove", "Remove"));
      b.addEventListener("click", function () { periods.splice(i, 1); savePeriods(); render(); });
    });
  }
  listPeriods();

  // Text widths, measured with the font the labels are drawn in.
  var ctx = document.createElement("canvas").getContext("2d"), fontFamily = "";
  var widths = {}, nWidths = 0;
  function measure(s, px, weight) {
    var key = px + (weight || "") + "|" + s;
    if (widths[key] !== undefined) return widths[key];
    if (!fontFamily) fontFamily = getComputedStyle(svg).fontFamily || "sans-serif";
    if (++nWidths > 5000) { widths = {}; nWidths = 0; }
    ctx.font = (weight || "") + " " + px + "px " + fontFamily;
    return (widths[key] = ctx.measureText(s).width);
  }
  // A label cut to fit, at the end of a word when it can be ("Capture of Jerusalem by…"): the
  // words shown are then words of the event's accessible name.
  function fit(s, px, size) {
    if (measure(s, size) <= px) return s;
    var n = s.length;
    while (n > 3 && measure(s.slice(0, n) + "…", size) > px) n--;
    if (n <= 3) return "";
    var cut = s.slice(0, n), space = cut.lastIndexOf(" ");
    if (space > 3 && s.charAt(n) !== " ") cut = cut.slice(0, space);
    return cut.replace(/[\s,;:.-]+$/, "") + "…";
  }
  function width() { return Math.max(200, view.clientWidth || 800); }

  function clamp() {
    if (!(to - from >= MIN_SPAN)) { var c = (from + to) / 2; from = c - MIN_SPAN / 2; to = c + MIN_SPAN / 2; }
    if (to - from > MAX - MIN) { from = MIN; to = MAX; }
    if (from < MIN) { to = Math.min(MAX, to + MIN - from); from = MIN; }
    if (to > MAX) { from = Math.max(MIN, from - (to - MAX)); to = MAX; }
  }
  // Zoom by factor around a point at `at` (0..1 across the view), in the scale of the window.
  function zoom(factor, at) {
    if (at === undefined) at = centre();
    // Near an end of the events (or of time), zooming keeps that end in view.
    var end = ext ? ext.b : MAX, start = ext ? ext.a : MIN;
    if (at > 0.97 && to >= Math.min(end, MAX - 1)) at = 1;
    if (at < 0.03 && from <= Math.max(start, MIN + 1)) at = 0;
    var s = scale(from, to, 1), c = s.u0 + (s.u1 - s.u0) * at;
    var a = Uinv(c - (c - s.u0) * factor, s.p), b = Uinv(c + (s.u1 - c) * factor, s.p);
    if (b - a < MIN_SPAN) { var d = Uinv(c, s.p); a = d - MIN_SPAN * at; b = a + MIN_SPAN; }
    from = a; to = b;
    changed();
  }
  function pan(fraction) {
    var s = scale(from, to, 1), d = (s.u1 - s.u0) * fraction;
    if (s.p === 1) { from += d; to += d; } else { from = Uinv(s.u0 + d, s.p); to = Uinv(s.u1 + d, s.p); }
    changed();
  }
  // Where a zoom without a pointer goes: the event in focus or asked for, else the middle of the
  // events in view (by count), so zooming in never leaves them for empty time.
  function centre() {
    var w = width(), s = scale(from, to, w), id = hoverId || targetId;
    var ev = id && data && data.byId[id] || (id === targetId ? target : null);
    if (ev && s.x(ev.day) >= 0 && s.x(ev.day) <= w) return s.x(ev.day) / w;
    if (!data) return 0.5;
    var parts = [], total = 0;
    data.buckets.forEach(function (b) {
      if (!b.count || b.b <= from || b.a >= to) return;
      var x = (s.x(Math.max(b.a, from)) + s.x(Math.min(b.b, to))) / 2;
      parts.push([x, b.count]); total += b.count;
    });
    if (!total) return 0.5;
    parts.sort(function (x, y) { return x[0] - y[0]; });
    var acc = 0;
    for (var i = 0; i < parts.length; i++) { acc += parts[i][1]; if (acc * 2 >= total) return Math.min(1, Math.max(0, parts[i][0] / w)); }
    return 0.5;
  }
  function showAll() {
    if (ext) {
      var s = scale(ext.a, ext.b + 1, 1), m = (s.u1 - s.u0) * 0.02;
      from = Uinv(s.u0 - m, s.p); to = Math.min(MAX, Uinv(s.u1 + m, s.p));
    } else { from = MIN; to = MAX; }
    changed();
  }
  function changed() {
    clamp();
    if (!frame) frame = requestAnimationFrame(function () { frame = 0; render(); });
    clearTimeout(timer);
    timer = setTimeout(settle, 180);
    // During a long zoom or pan, fresh data at most every 400 ms, not only once it stops.
    if (stale() && Date.now() - lastFetch > 400) fetchWindow();
  }
  function stale() {
    if (!loaded) return true;
    var r = (to - from) / loaded.span;
    return from < loaded.a || to > loaded.b || r < 1 / 1.8 || r > 1.8 || Math.abs(power(from, to) - loaded.p) > 0.15;
  }

  // After the movement stops: the URL, the links to the map, the data of the window.
  function settle() {
    var a = param(from), z = param(Math.max(from, to - 1e-6));
    var qs = "?q=" + encodeURIComponent(q) + "&from=" + encodeURIComponent(a) + "&to=" + encodeURIComponent(z);
    var extra = (targetId ? "&event=" + encodeURIComponent(targetId) : "") + (laneBy ? "&lanes=" + laneBy : "") + (colourBy ? "&colour=" + colourBy : "");
    history.replaceState(null, "", location.pathname + qs + extra);
    var links = document.querySelectorAll("a.maplink");
    for (var i = 0; i < links.length; i++) links[i].setAttribute("href", "/map" + qs);
    var figures = document.querySelectorAll("a.figurelink");
    for (var k = 0; k < figures.length; k++) figures[k].setAttribute("href", "/timeline/figure" + qs + "&format=" + figures[k].getAttribute("data-format"));
    document.dispatchEvent(new CustomEvent("annals:window", { detail: { q: q, from: a, to: z } }));
    if (stale()) fetchWindow();
  }
  // A busy server (503, 429) says when to come back: asked again up to twice.
  function api(query, signal, tries) {
    // periods labelled in the page's language ("années 1960")
    var lang = "&lang=" + encodeURIComponent(document.documentElement.lang || "en");
    return fetch("/api/timeline?" + query + lang, signal ? { signal: signal } : {}).then(function (r) {
      var wait = Number(r.headers.get("Retry-After")) || 1;
      if ((r.status === 503 || r.status === 429) && (tries || 0) < 2) {
        return new Promise(function (ok) { setTimeout(ok, Math.min(wait, 5) * 1000); }).then(function () {
          if (signal && signal.aborted) throw new Error("aborted");
          return api(query, signal, (tries || 0) + 1);
        });
      }
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }
  function window_(a, b) { return "&from=" + encodeURIComponent(param(a)) + "&to=" + encodeURIComponent(param(b)); }
  function readBuckets(j, into, events) {
    (j.buckets || []).forEach(function (bk) {
      var s = parseIso(bk.start), e = parseIso(bk.end) + 1;
      if (isFinite(s) && isFinite(e)) into.push({ a: s, b: e, count: bk.count, label: bk.label });
      if (events) (bk.top || []).forEach(function (ev) { events.push(ev); });
    });
  }
  // The window and half a window on each side, in pieces of equal width on the screen (one piece
  // when the scale is linear), each with its periods and most important events.
  function fetchWindow() {
    lastFetch = Date.now();
    var w = width(), s = scale(from, to, 1), half = (s.u1 - s.u0) / 2;
    var ua = s.u0 - half, ub = s.u1 + half, pieces = s.p === 1 ? 1 : 6;
    var a0 = Math.max(MIN, Uinv(ua, s.p)), b0 = Math.min(MAX, Uinv(ub, s.p));
    if (s.p === 1) { ua = a0; ub = b0; } else { ua = U(a0, s.p); ub = U(b0, s.p); }
    var per = Math.max(4, Math.round(2 * w / 20 / pieces)), top = 2;
    controllers.forEach(function (c) { c.abort(); });
    controllers = [];
    var mine = ++seq, reqs = [];
    for (var i = 0; i < pieces; i++) {
      var a = i ? Uinv(ua + (ub - ua) * i / pieces, s.p) : a0, b = i === pieces - 1 ? b0 : Uinv(ua + (ub - ua) * (i + 1) / pieces, s.p) - 1;
      var c = window.AbortController ? new AbortController() : null;
      if (c) controllers.push(c);
      reqs.push(api("q=" + encodeURIComponent(q) + window_(Math.floor(a), Math.floor(b)) + "&buckets=" + per + "&top=" + top, c && c.signal));
    }
    root.setAttribute("aria-busy", "true");
    Promise.all(reqs).then(function (js) {
      if (mine !== seq) return;
      var buckets = [], events = [], byId = {}, total = 0;
      js.forEach(function (j) { readBuckets(j, buckets, events); total += j.total || 0; });
      events = events.filter(function (e) { if (byId[e.id]) return false; byId[e.id] = e; return true; });
      data = { buckets: buckets, events: events, byId: byId, total: total };
      loaded = { a: a0, b: b0, span: to - from, p: s.p };
      root.setAttribute("aria-busy", "false");
      render();
    }).catch(function (e) {
      if (e && e.name === "AbortError") return;
      root.setAttribute("aria-busy", "false");
      out.textContent = say("js-timeline-failed", "Could not load the timeline: {error}", { error: e.message });
    });
  }
  // The overview: every event's period counts across the whole range, once.
  function fetchOverview() {
    api("q=" + encodeURIComponent(q) + "&buckets=1&top=0").then(function (j) {
      var b = (j.buckets || [])[0];
      if (!j.total || !b) { ovWrap.hidden = true; return; }
      ext = { a: parseIso(b.start), b: parseIso(b.end) };
      var w = Math.max(200, ovWrap.clientWidth || 800), s = scale(ext.a, ext.b + 1, 1), n = s.p === 1 ? 1 : 8, reqs = [];
      for (var i = 0; i < n; i++) {
        var a = i ? Math.floor(Uinv(s.u0 + (s.u1 - s.u0) * i / n, s.p)) : ext.a;
        var z = i === n - 1 ? ext.b : Math.floor(Uinv(s.u0 + (s.u1 - s.u0) * (i + 1) / n, s.p)) - 1;
        if (z >= a) reqs.push(api("q=" + encodeURIComponent(q) + window_(a, z) + "&top=0&buckets=" + Math.max(4, Math.round(w / n / 5))));
      }
      return Promise.all(reqs).then(function (js) {
        overview = [];
        js.forEach(function (j) { readBuckets(j, overview); });
        render();
      });
    }).catch(function () { ovWrap.hidden = true; });
    // Eras: events tagged era, drawn as bands behind the events.
    api("q=tag%3Aera&buckets=40&top=20").then(function (j) {
      var evs = [];
      readBuckets(j, [], evs);
      eras = evs.filter(function (e) { return e.end > e.day; });
      if (eras.length) render();
    }).catch(function () { /* no eras */ });
  }
  // An event and its explicit relations (the event asked for in the URL, or one in focus).
  function relations(id, then) {
    if (relCache[id]) { then(relCache[id]); return; }
    api("buckets=1&top=0&event=" + encodeURIComponent(id)).then(function (j) {
      if (!j.event) return;
      relCache[id] = j.event;
      then(j.event);
    }).catch(function () { /* drawn without relations */ });
  }

  // The value of an event that picks its lane or colour: of its values, the most frequent among
  // the loaded events.
  function values(ev, by) { return by === "tag" ? ev.tags : by === "country" ? ev.countries : by === "participant" ? ev.participants : null; }
  function ranking(events, by) {
    var n = {};
    events.forEach(function (ev) { (values(ev, by) || []).forEach(function (v) { n[v] = (n[v] || 0) + 1; }); });
    return Object.keys(n).sort(function (a, b) { return n[b] - n[a] || (a < b ? -1 : 1); });
  }
  function keyOf(ev, by, rank) {
    var vs = values(ev, by) || [], best = "", at = 1e9;
    vs.forEach(function (v) { var i = rank.indexOf(v); if (i >= 0 && i < at) { at = i; best = v; } });
    return best;
  }

  function render() {
    var w = width(), phone = w < 500, hgt = phone ? 400 : 460;
    // In an embed the drawing fits the frame below what is above it (a story's frame is
    // shorter than a page), so that its axis is always in sight.
    if (document.body.classList.contains("embed")) {
      var room = Math.floor(window.innerHeight - view.getBoundingClientRect().top - (window.scrollY || 0) - 6);
      if (room > 0) hgt = Math.max(180, Math.min(hgt, room));
    }
    var axis = hgt - 34;
    var s = scale(from, to, w), X = s.x;
    svg.setAttribute("viewBox", "0 0 " + w + " " + hgt);
    svg.setAttribute("height", hgt);
    svg.setAttribute("data-from", param(from));
    svg.setAttribute("data-to", param(to - 1e-6));
    svg.setAttribute("data-scale", s.p === 1 ? "linear" : s.p === 0 ? "log" : "ago");
    // Redrawing keeps the keyboard focus on the event that had it.
    var act = document.activeElement, focusId = act && svg.contains(act) ? act.getAttribute("data-id") : "";
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var defs = el("defs", {}, svg);
    var gBands = el("g", { "class": "bands" }, svg), gBars = el("g", { "class": "bars" }, svg), gAxis = el("g", { "class": "axis" }, svg);
    var gLanes = el("g", { "class": "lanes" }, svg), gLinks = el("g", { "class": "links" }, svg), gEv = el("g", { "class": "events" }, svg);
    var gMore = el("g", { "class": "more" }, svg);
    // Ticks: linear, or chosen piece by piece along a bent scale; labels never overlap.
    var ts = [];
    if (s.p === 1) ts = ticks(from, to, Math.max(2, Math.floor(w / 120)));
    else {
      for (var px = 0; px < w; px += 110) {
        var a = s.day(px), b = s.day(Math.min(w, px + 110));
        for (var n = 2, got = 0; n <= 16 && !got; n *= 2) {
          ticks(a, b, n).forEach(function (t) { var x = X(t.day); if (x >= px && x < px + 110) { ts.push(t); got++; } });
        }
      }
    }
    var lastEnd = -1e9;
    el("line", { x1: 0, x2: w, y1: axis, y2: axis, "class": "axis-line" }, gAxis);
    ts = ts.filter(function (t) {
      var x = X(t.day), half = measure(t.label, 12) / 2 + 1;
      var lx = Math.min(Math.max(x - half, 2), w - 2 - 2 * half);
      if (lx < lastEnd + 10) return false;
      lastEnd = lx + 2 * half;
      el("line", { x1: x, x2: x, y1: axis, y2: axis + 6, "class": "tick" }, gAxis);
      el("line", { x1: x, x2: x, y1: 0, y2: axis, "class": "grid" }, gAxis);
      text(gAxis, { x: lx + half, y: axis + 22, "class": "tick-label", "data-unit": t.unit, "text-anchor": "middle" }, t.label);
      return true;
    });
    svg.setAttribute("data-unit", ts.length ? ts[0].unit : "");
    // Bands: your periods and the eras, behind everything, named along the top.
    var bandEnd = -1e9, bandRow = 14;
    function band(a, b, name, cls, i) {
      var x0 = Math.max(-2, X(a)), x1 = Math.min(w + 2, X(b));
      if (x1 < 0 || x0 > w || x1 - x0 < 1) return;
      el("rect", { x: x0, y: 0, width: x1 - x0, height: axis, "class": cls + (i % 2 ? " odd" : "") }, gBands);
      var lx = Math.max(x0, 0) + 4, label = fit(name, Math.min(x1, w) - lx - 4, 11);
      if (label && lx > bandEnd + 6) {
        text(gBands, { x: lx, y: bandRow, "class": "band-label" }, label);
        bandEnd = lx + measure(label, 11);
      }
    }
    periods.forEach(function (p, i) { band(rd(p.a, 1, 1), rd(p.b + 1, 1, 1), p.name, "period", i); });
    eras.forEach(function (e, i) { band(e.day, e.end + 1, e.title, "era", i); });
    var topY = periods.length || eras.length ? 36 : 22;
    out.textContent = when(from, to - from) + " – " + when(to - 1e-6, to - from);
    drawOverview();
    if (!data) return;
    // Density along the axis.
    var max = 1, inView = 0;
    data.buckets.forEach(function (b) { if (b.b > from && b.a < to) { max = Math.max(max, b.count / Math.max(1, X(b.b) - X(b.a))); inView += b.count; } });
    data.buckets.forEach(function (b) {
      if (b.b < from || b.a > to || !b.count) return;
      var x0 = Math.max(-1, X(b.a)), x1 = Math.min(w + 1, X(b.b)), bh = Math.max(2, 30 * b.count / Math.max(1, x1 - x0) / max);
      el("rect", { x: x0, y: axis - bh, width: Math.max(1, x1 - x0 - 0.5), height: bh, "class": "bar" }, gBars);
    });
    out.textContent += " · " + words.count(inView, "js-events", "{n} event", "{n} events");
    empty.hidden = inView > 0;
    if (!inView) showEmpty();
    // Lanes and colours.
    var by = colourBy === "none" ? "" : colourBy || (ranking(data.events, "tag").length ? "tag" : "country");
    var cRank = by ? ranking(data.events, by).slice(0, PALETTE.length) : [];
    var lRank = laneBy ? ranking(data.events, laneBy).slice(0, phone ? 3 : 5) : [];
    function colour(ev) { var k = by ? keyOf(ev, by, cRank) : ""; return k ? PALETTE[cRank.indexOf(k)] : OTHER; }
    var dotsY = axis - 44, rowH = 22, rowsTotal = Math.max(2, Math.floor((dotsY - 16 - topY) / rowH) + 1);
    var lanes = [{ key: "", name: "" }];
    if (laneBy) lanes = lRank.map(function (k) { return { key: k, name: k }; }).concat([{ key: "", name: say("js-other", "Other") }]);
    var per = Math.max(1, Math.floor(rowsTotal / lanes.length));
    lanes.forEach(function (l, i) {
      l.top = topY + i * per * rowH; l.rows = []; for (var r = 0; r < per; r++) l.rows.push([]);
      if (!laneBy) return;
      if (i % 2) el("rect", { x: 0, y: l.top - rowH / 2 - 2, width: w, height: per * rowH, "class": "lane odd" }, gLanes);
      var lw = measure(l.name, 11.5, 600) + 10;
      el("rect", { x: 0, y: l.top - 9, width: lw, height: 16, rx: 3, "class": "lane-tag" }, gLanes);
      text(gLanes, { x: 5, y: l.top + 3, "class": "lane-name" }, l.name);
      l.rows[0].push([0, lw + 4]);
    });
    function laneOf(ev) {
      if (!laneBy) return lanes[0];
      var k = keyOf(ev, laneBy, lRank);
      return lanes[k ? lRank.indexOf(k) : lanes.length - 1];
    }
    // Events, the most important first (the one asked for before all), each in the first row of
    // its lane with room for its bar and label; without room, a dot above the axis.
    var evs = data.events.slice();
    if (target && !data.byId[target.id]) evs.push(target);
    var rank = function (e) { return e.id === targetId ? 1e12 : e.importance; };
    evs.sort(function (a, b) { return rank(b) - rank(a); });
    var placed = [], pos = {}, dots = [];
    evs.forEach(function (ev) {
      var x0 = X(ev.day), x1 = ev.end > ev.day ? X(ev.end + 1) : x0;
      if (x1 < -4 || x0 > w + 4) return;
      var span = x1 - x0 >= 4, lane = laneOf(ev), t = ev.title, tw = measure(t, 12.5);
      var lx = span ? Math.max(x0, 0) + 5 : x0 + 8;
      if (lx + tw > w - 2) {
        if (!span && x0 - 8 - tw >= 2) lx = x0 - 8 - tw;
        else { t = fit(t, Math.max(0, w - 2 - lx), 12.5); tw = measure(t, 12.5); }
      }
      var lo = Math.min(Math.max(x0, -4), lx) - 4, hi = Math.max(Math.min(x1, w + 4), lx + tw) + 6, row = -1;
      for (var r = 0; t && r < lane.rows.length && row < 0; r++) {
        if (lane.rows[r].every(function (o) { return hi <= o[0] || lo >= o[1]; })) { lane.rows[r].push([lo, hi]); row = r; }
      }
      var p = { ev: ev, x0: x0, x1: x1, span: span, label: row >= 0, y: row >= 0 ? lane.top + row * rowH : dotsY, lx: lx, t: t };
      pos[ev.id] = p;
      if (row >= 0) placed.push(p); else dots.push(p);
    });
    // Spans as bars, their approximate ends fading; points as dots; drawn in time order so that
    // Tab walks the events in time.
    var all = placed.concat(dots).sort(function (a, b) { return a.ev.day - b.ev.day || b.ev.importance - a.ev.importance; });
    var grads = {};
    function fade(c, dir) {
      var id = "f" + c.slice(1) + dir;
      if (!grads[id]) {
        grads[id] = 1;
        var g = el("linearGradient", { id: id, x1: dir === "l" ? 1 : 0, x2: dir === "l" ? 0 : 1, y1: 0, y2: 0 }, defs);
        el("stop", { offset: 0, "stop-color": c, "stop-opacity": 1 }, g);
        el("stop", { offset: 1, "stop-color": c, "stop-opacity": 0 }, g);
      }
      return "url(#" + id + ")";
    }
    all.forEach(function (p) {
      var ev = p.ev, c = colour(ev), y = p.y;
      var a = el("a", { href: "/events/" + encodeURIComponent(ev.id), "class": "ev" + (p.label ? "" : " dot") + (ev.id === targetId ? " target" : ""), "data-id": ev.id, "data-day": ev.day, "data-date": ev.date, "aria-label": ev.title + ", " + ev.date }, gEv);
      el("title", {}, a).textContent = ev.title + " (" + ev.date + ")";
      if (p.span) {
        var x0 = Math.max(p.x0, -6), x1 = Math.min(p.x1, w + 6), bh = p.label ? 16 : 5, fl = Math.min(24, (x1 - x0) / 3);
        var fa = ev.approx_start && p.x0 > -6, fb = ev.approx_end && p.x1 < w + 6;
        var g = el("g", { "class": "span", opacity: p.label ? 0.3 : 0.7 }, a);
        el("rect", { x: x0 + (fa ? fl : 0), y: y - bh / 2, width: Math.max(1, x1 - x0 - (fa ? fl : 0) - (fb ? fl : 0)), height: bh, fill: c }, g);
        if (fa) el("rect", { x: x0, y: y - bh / 2, width: fl, height: bh, fill: fade(c, "l"), "class": "fuzzy" }, g);
        if (fb) el("rect", { x: x1 - fl, y: y - bh / 2, width: fl, height: bh, fill: fade(c, "r"), "class": "fuzzy" }, g);
        el("rect", { x: x0, y: y - bh / 2, width: Math.max(1, x1 - x0), height: bh, "class": "hit" }, a);
      } else {
        el("line", { x1: p.x0, x2: p.x0, y1: y, y2: axis, "class": "stem", stroke: c }, a);
        el("circle", { cx: p.x0, cy: y, r: p.label ? 4.5 : 3.5, fill: c }, a);
      }
      if (p.label) {
        var lab = text(a, { x: p.lx, y: y + 4.5, "class": "label" }, p.t);
        // a title in another language than the page's says so (the server sends title_lang)
        if (ev.title_lang) lab.setAttribute("lang", ev.title_lang);
      }
    });
    // Where the server counted more events than are drawn: a count, which zooms in on them.
    var shown = {};
    all.forEach(function (p) { var k = Math.floor(p.x0 / 40); shown[k] = (shown[k] || 0) + 1; });
    var cells = {};
    data.buckets.forEach(function (b) {
      if (b.b <= from || b.a >= to || !b.count) return;
      var x = (X(Math.max(b.a, from)) + X(Math.min(b.b, to))) / 2, k = Math.floor(x / 40);
      var c = cells[k] || (cells[k] = { n: 0, a: b.a, b: b.b });
      c.n += b.count; c.a = Math.min(c.a, b.a); c.b = Math.max(c.b, b.b);
    });
    var moreEnd = -1e9;
    Object.keys(cells).map(Number).sort(function (a, b) { return a - b; }).forEach(function (k) {
      var n = cells[k].n - (shown[k] || 0);
      if (n <= 0) return;
      var label = "+" + n, tw = measure(label, 10.5) + 8, x = Math.min(Math.max(k * 40 + 20 - tw / 2, 1), w - tw - 1);
      if (x < moreEnd + 4) return;
      moreEnd = x + tw;
      var g = el("g", { "class": "count", "data-a": cells[k].a, "data-b": cells[k].b }, gMore);
      el("title", {}, g).textContent = say("js-more-here", "{n} more events here: click to zoom in", { n: n });
      el("rect", { x: x, y: dotsY + 8, width: tw, height: 14, rx: 7 }, g);
      text(g, { x: x + 4, y: dotsY + 18.5 }, label);
    });
    // Relation curves: only those of the event in focus (or asked for), with a legend.
    var selId = hoverId || targetId, sel = selId && relCache[selId], kinds = {};
    if (sel && pos[sel.id]) {
      var p = pos[sel.id];
      (sel.relations || []).forEach(function (r) {
        // A related event out of view: the curve leaves at the edge, level with the event.
        var q2 = pos[r.id], rx = q2 ? q2.x0 : X(r.day), ry = q2 ? q2.y : rx < 0 || rx > w ? p.y : dotsY;
        rx = Math.max(0, Math.min(w, rx));
        var lift = Math.min(p.y - 4, 12 + Math.abs(rx - p.x0) / 8);
        var path = el("path", { d: "M" + p.x0 + "," + p.y + " C" + p.x0 + "," + (p.y - lift) + " " + rx + "," + (ry - lift) + " " + rx + "," + ry, "class": "rel", "data-from": sel.id, "data-to": r.id }, gLinks);
        el("title", {}, path).textContent = r.kind + ": " + r.title;
        kinds[r.kind] = 1;
      });
    }
    drawLegend(by, cRank, Object.keys(kinds), sel);
    var again = focusId && svg.querySelector('a.ev[data-id="' + focusId.replace(/["\\]/g, "\\$&") + '"]');
    if (again) again.focus();
    else if (focusId) view.focus();
  }

  function drawLegend(by, rank, kinds, sel) {
    while (legend.firstChild) legend.removeChild(legend.firstChild);
    if (by && rank.length) {
      h("span", { "class": "tl-legend-title" }, legend, say("js-colours-by", "Colours by {by}:", { by: say("js-by-" + by, by) }));
      var ul = h("ul", {}, legend);
      rank.forEach(function (v, i) { var li = h("li", {}, ul); h("span", { "class": "sw", style: "background:" + PALETTE[i] }, li); li.appendChild(document.createTextNode(v)); });
      var li = h("li", {}, ul); h("span", { "class": "sw", style: "background:" + OTHER }, li); li.appendChild(document.createTextNode(say("js-other-values", "other")));
    }
    var sp = h("ul", { "class": "tl-key" }, legend);
    function key(cls, mark, what) {
      var li = h("li", {}, sp);
      h("span", { "class": cls }, li, mark);
      li.appendChild(document.createTextNode(what));
    }
    key("k-bar", "", say("js-key-span", "a span (faded ends: approximate)"));
    key("k-dot", "", say("js-key-dot", "an event; small dots: no room for a label"));
    key("k-more", "+3", say("js-key-more", "more events: click to zoom in"));
    if (kinds.length) key("k-rel", "", say("js-key-relations", "relations of {title} ({kinds})", { title: sel.title, kinds: kinds.join(", ") }));
    else h("li", {}, sp, say("js-key-point", "Point at or focus an event to see its relations"));
  }

  // No event in view: say so, and offer the nearest events on either side.
  function showEmpty() {
    while (empty.firstChild) empty.removeChild(empty.firstChild);
    h("p", {}, empty, say("js-empty-window", "No events in this window. The strip below shows where they are."));
    var before = null, after = null;
    overview.forEach(function (b) {
      if (!b.count) return;
      if (b.b <= from && (!before || b.b > before.b)) before = b;
      if (b.a >= to && (!after || b.a < after.a)) after = b;
    });
    [[before, say("js-nearest-earlier", "← Nearest earlier events")], [after, say("js-nearest-later", "Nearest later events →")]].forEach(function (x) {
      if (!x[0]) return;
      var b = h("button", { type: "button" }, empty, x[1] + " (" + x[0].label + ")");
      b.addEventListener("click", function () { goTo(x[0].a, x[0].b); });
    });
  }
  // Show [a, b] with a margin.
  function goTo(a, b) {
    var s = scale(a, b, 1), m = (s.u1 - s.u0) * 0.15;
    from = Uinv(s.u0 - m, s.p); to = Uinv(s.u1 + m, s.p);
    changed();
  }

  // The overview strip: the whole range in the bent scale, its counts, the window as a frame.
  function drawOverview() {
    while (ov.firstChild) ov.removeChild(ov.firstChild);
    if (!ext) return;
    var w = Math.max(200, ovWrap.clientWidth || 800), hgt = 46, s = scale(ext.a, ext.b + 1, w);
    ov.setAttribute("viewBox", "0 0 " + w + " " + hgt);
    ov.setAttribute("height", hgt);
    var max = 1;
    overview.forEach(function (b) { if (b.count) max = Math.max(max, Math.sqrt(b.count / Math.max(1, s.x(b.b) - s.x(b.a)))); });
    overview.forEach(function (b) {
      if (!b.count) return;
      var x0 = s.x(b.a), x1 = s.x(b.b), bh = Math.max(3, 24 * Math.sqrt(b.count / Math.max(1, x1 - x0)) / max);
      el("rect", { x: x0, y: 28 - bh, width: Math.max(1.5, x1 - x0 - 0.3), height: bh, "class": "ov-bar" }, ov);
    });
    el("line", { x1: 0, x2: w, y1: 28, y2: 28, "class": "axis-line" }, ov);
    var lastEnd = -1e9;
    for (var px = 0; px < w; px += 90) {
      var seg = [];
      for (var n = 1; n <= 8 && !seg.length; n *= 2) {
        seg = ticks(s.day(px), s.day(Math.min(w, px + 90)), n).filter(function (t) { var x = s.x(t.day); return x >= px && x < px + 90; }).slice(0, 1);
      }
      seg.forEach(function (t) {
        var x = s.x(t.day), tw = measure(t.label, 10.5);
        if (x < px || x >= px + 90) return;
        var lx = Math.min(Math.max(x - tw / 2, 1), w - tw - 1);
        if (lx < lastEnd + 8) return;
        lastEnd = lx + tw;
        el("line", { x1: x, x2: x, y1: 28, y2: 32, "class": "tick" }, ov);
        text(ov, { x: lx, y: 42, "class": "ov-label" }, t.label);
      });
    }
    var a = Math.max(0, s.x(from)), b = Math.min(w, s.x(to));
    if (b - a < 3) { var c = (a + b) / 2; a = c - 1.5; b = c + 1.5; }
    el("rect", { x: a, y: 1, width: b - a, height: 29, rx: 2, "class": "ov-window" }, ov);
    ov.setAttribute("data-window", Math.round(a) + " " + Math.round(b));
    ovScale = s;
  }
  var ovScale = null, ovDrag = null;
  ov.addEventListener("pointerdown", function (e) {
    if (!ovScale) return;
    var r = ov.getBoundingClientRect(), k = ovScale.w / r.width, x = (e.clientX - r.left) * k;
    var a = ovScale.x(from), b = ovScale.x(to);
    if (x < a || x > b) { var half = Math.max(4, (b - a) / 2); a = x - half; b = x + half; setFromOverview(a, b); }
    ovDrag = { x: x, a: a, b: b, k: k, left: r.left };
    try { ov.setPointerCapture(e.pointerId); } catch (_) { /* gone */ }
    e.preventDefault();
  });
  ov.addEventListener("pointermove", function (e) {
    if (!ovDrag) return;
    var dx = (e.clientX - ovDrag.left) * ovDrag.k - ovDrag.x;
    setFromOverview(ovDrag.a + dx, ovDrag.b + dx);
  });
  ov.addEventListener("pointerup", function () { ovDrag = null; });
  function setFromOverview(a, b) {
    var w = ovScale.w, d = a < 0 ? -a : b > w ? w - b : 0;
    from = ovScale.day(a + d); to = ovScale.day(b + d);
    changed();
  }

  // Wheel and trackpad: zoom around the pointer (horizontal scroll pans).
  view.addEventListener("wheel", function (e) {
    e.preventDefault();
    var unit = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1;
    var rect = svg.getBoundingClientRect();
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) pan(e.deltaX * unit / rect.width);
    else zoom(Math.exp(e.deltaY * unit * 0.0015), (e.clientX - rect.left) / rect.width);
  }, { passive: false });

  // Drag to pan, two fingers to pinch. A drag does not open the event it started on.
  var pointers = {}, dragged = false;
  function pts() { return Object.keys(pointers).map(function (k) { return pointers[k]; }); }
  view.addEventListener("pointerdown", function (e) {
    if (e.button) return;
    pointers[e.pointerId] = { x: e.clientX, sx: e.clientX };
    dragged = false;
  });
  view.addEventListener("pointermove", function (e) {
    var p = pointers[e.pointerId];
    if (!p) return;
    var list = pts(), rect = svg.getBoundingClientRect();
    if (list.length === 1) {
      if (!dragged && Math.abs(e.clientX - p.sx) < 4) return;
      if (!dragged) { dragged = true; try { view.setPointerCapture(e.pointerId); } catch (_) { /* gone */ } }
      var dx = e.clientX - p.x;
      p.x = e.clientX;
      pan(-dx / rect.width);
    } else if (list.length === 2) {
      var other = list[0] === p ? list[1] : list[0], d0 = Math.abs(p.x - other.x);
      p.x = e.clientX;
      var d1 = Math.abs(p.x - other.x);
      dragged = true;
      if (d0 > 10 && d1 > 10) zoom(d0 / d1, ((p.x + other.x) / 2 - rect.left) / rect.width);
    }
  });
  function up(e) { delete pointers[e.pointerId]; }
  view.addEventListener("pointerup", up);
  view.addEventListener("pointercancel", up);
  view.addEventListener("click", function (e) {
    if (dragged) { e.preventDefault(); dragged = false; return; }
    var c = e.target.closest ? e.target.closest("g.count") : null;
    if (c) goTo(Number(c.getAttribute("data-a")), Number(c.getAttribute("data-b")));
  }, true);
  // Pointing at or focusing an event shows its relations.
  function pick(e) {
    var a = e.target.closest ? e.target.closest("a.ev") : null, id = a ? a.getAttribute("data-id") : "";
    if (id === hoverId) return;
    hoverId = id;
    if (id) relations(id, function () { if (hoverId === id) render(); });
    else render();
  }
  view.addEventListener("mouseover", pick);
  view.addEventListener("focusin", pick);

  // Keyboard: + and - zoom, arrows pan, Home shows everything.
  view.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    if (k === "+" || k === "=") zoom(0.5);
    else if (k === "-" || k === "_") zoom(2);
    else if (k === "ArrowLeft") pan(-0.2);
    else if (k === "ArrowRight") pan(0.2);
    else if (k === "Home") showAll();
    else return;
    e.preventDefault();
  });
  bar.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button") : null;
    if (!b) return;
    var act = b.getAttribute("data-act");
    if (act === "in") zoom(0.5);
    else if (act === "out") zoom(2);
    else if (act === "earlier") pan(-0.2);
    else if (act === "later") pan(0.2);
    else if (act === "all") showAll();
  });
  window.addEventListener("resize", changed);

  window.annalsTimeline = {
    rd: rd, ymd: ymd, param: param, ticks: ticks,
    view: function () { return { from: from, to: to }; },
    x: function (day) { return scale(from, to, 1).x(day); },
    set: function (a, b) { from = a; to = b; changed(); }
  };
  clamp();
  render();
  fetchOverview();
  // The event asked for (from an event page): zoom to it, highlight it, draw its relations.
  if (targetId) {
    relations(targetId, function (ev) {
      target = ev;
      var len = Math.max(ev.end - ev.day, Math.abs(NOW - ev.day) / 10, 60 * YEAR);
      from = ev.day - len; to = ev.end + len;
      if (to > NOW && ev.end < NOW) { to = Math.min(MAX, NOW + YEAR); }
      changed();
      fetchWindow();
    });
  }
  fetchWindow();
  // The map on this page follows the window from the start.
  setTimeout(function () {
    document.dispatchEvent(new CustomEvent("annals:window", { detail: { q: q, from: param(from), to: param(Math.max(from, to - 1)) } }));
  }, 0);
})();
