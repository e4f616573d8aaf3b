// annals: the timeline's continuous zoom and pan (docs/web.md). Progressive enhancement of
// /timeline: without this script the server-rendered table is the timeline. Plain JavaScript, no
// dependencies. Event text is only ever set with textContent.
(function () {
  "use strict";
  var root = document.getElementById("timeline");
  if (!root || !window.fetch || !window.history) return;
  var NS = "http://www.w3.org/2000/svg";
  var YEAR = 365.2425;
  var MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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
  function yearText(y) { return y <= 0 ? (1 - y) + " BC" : y < 1000 ? "AD " + y : String(y); }
  function num(x) { return String(Math.round(x * 100) / 100); }
  function deep(y, unit) {
    var f = unit === "Ga" ? 1e9 : unit === "Ma" ? 1e6 : 1e3;
    return num(-y / f) + " " + unit;
  }
  function nice(x) {
    var p = Math.pow(10, Math.floor(Math.log10(x))), f = x / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  // Ticks for the window [a, b] (days), about n of them, in the unit that fits the scale.
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
      for (k = Math.ceil(ya / sy) * sy; k <= yb; k += sy) out.push({ day: rd(k, 1, 1), unit: unit, label: deep(k, unit) });
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
    if (t.y > -100000 && span > 2e6 * YEAR) return t.y > 1800 ? "today" : yearText(t.y);
    if (span > 2e6 * YEAR) return deep(t.y, span > 2e9 * YEAR ? "Ga" : "Ma") + " ago";
    if (span > 4e4 * YEAR && t.y < -10000) return deep(t.y, "ka") + " ago";
    if (span > 3 * YEAR) return yearText(t.y);
    if (span > 60) return MON[t.m - 1] + " " + yearText(t.y);
    return t.d + " " + MON[t.m - 1] + " " + yearText(t.y);
  }

  var MIN = rd(-13800000000, 1, 1), MAX = rd(2100, 1, 1), MIN_SPAN = 1;
  var q = root.getAttribute("data-q") || "";
  var from = Number(root.getAttribute("data-from")), to = Number(root.getAttribute("data-to"));
  if (!isFinite(from) || !isFinite(to) || root.getAttribute("data-from") === "") { from = MIN; to = MAX; }
  if (to - from < MIN_SPAN) { var mid = (from + to) / 2; from = mid - 0.5; to = mid + 0.5; }
  to += 1; // the window's last day is inclusive: draw to the end of it

  var view = root.querySelector(".tl-view"), svg = root.querySelector(".tl-svg");
  var out = root.querySelector(".tl-range"), table = document.getElementById("timeline-table");
  var data = null, loaded = null, pending = null, timer = 0, frame = 0, seq = 0, lastFetch = 0;
  root.hidden = false;
  if (table) table.hidden = true;
  // The server's read-outs of its window go stale as the window moves: the range read-out and
  // the interactive timeline replace them.
  Array.prototype.forEach.call(document.querySelectorAll(".tl-nojs"), function (e) { e.hidden = true; });

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function fit(text, px) {
    var n = Math.max(3, Math.floor(px / 7.1) - 1);
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }
  function width() { return Math.max(200, view.clientWidth || 800); }

  function clamp() {
    var span = Math.min(Math.max(to - from, MIN_SPAN), MAX - MIN);
    if (from < MIN) from = MIN;
    to = from + span;
    if (to > MAX) { to = MAX; from = to - span; }
  }
  function zoom(factor, at) { // at: 0..1 across the view
    var span = to - from;
    if (at === undefined) at = 0.5;
    // Near an end of time, zooming keeps that end in view (the present stays put).
    if (at > 0.97 && to >= MAX - 1) at = 1;
    if (at < 0.03 && from <= MIN + 1) at = 0;
    var c = from + span * at;
    var ns = Math.min(Math.max(span * factor, MIN_SPAN), MAX - MIN);
    from = c - (c - from) * ns / span;
    to = from + ns;
    changed();
  }
  function pan(fraction) {
    var d = (to - from) * fraction;
    from += d; to += d;
    changed();
  }
  function changed() {
    clamp();
    if (!frame) frame = requestAnimationFrame(function () { frame = 0; render(); });
    clearTimeout(timer);
    timer = setTimeout(settle, 180);
    // During a long zoom or pan, fresh data at most every 400 ms, not only once it stops.
    var now = Date.now();
    if (stale() && now - lastFetch > 400) fetchWindow();
  }
  function stale() {
    var span = to - from;
    return !loaded || from < loaded.a || to > loaded.b || span < loaded.span / 1.8 || span > loaded.span * 1.8;
  }

  // After the movement stops: the URL, the links to the map, the data of the window.
  function settle() {
    var a = param(from), z = param(Math.max(from, to - 1e-6));
    var qs = "?q=" + encodeURIComponent(q) + "&from=" + encodeURIComponent(a) + "&to=" + encodeURIComponent(z);
    history.replaceState(null, "", "/timeline" + qs);
    var links = document.querySelectorAll("a.maplink");
    for (var i = 0; i < links.length; i++) links[i].setAttribute("href", "/map" + qs);
    document.dispatchEvent(new CustomEvent("annals:window", { detail: { q: q, from: a, to: z } }));
    if (stale()) fetchWindow();
  }
  function fetchWindow() {
    lastFetch = Date.now();
    var span = to - from, a = Math.max(MIN, from - span / 2), b = Math.min(MAX, to + span / 2);
    var buckets = Math.max(20, Math.min(200, Math.round(2 * width() / 12)));
    var url = "/api/timeline?q=" + encodeURIComponent(q) + "&from=" + encodeURIComponent(param(a)) +
      "&to=" + encodeURIComponent(param(b)) + "&buckets=" + buckets + "&top=3&links=true";
    if (pending) pending.abort();
    pending = window.AbortController ? new AbortController() : null;
    var mine = ++seq;
    root.setAttribute("aria-busy", "true");
    fetch(url, pending ? { signal: pending.signal } : {}).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (j) {
      if (mine !== seq) return;
      var events = [], buckets = [];
      (j.buckets || []).forEach(function (bk) {
        var s = parseIso(bk.start), e = parseIso(bk.end) + 1;
        if (isFinite(s) && isFinite(e)) buckets.push({ a: s, b: e, count: bk.count, label: bk.label });
        (bk.top || []).forEach(function (ev) { events.push(ev); });
      });
      data = { buckets: buckets, events: events, links: j.links || [], unit: j.unit, total: j.total };
      loaded = { a: a, b: b, span: span };
      root.setAttribute("aria-busy", "false");
      render();
    }).catch(function (e) {
      if (e && e.name === "AbortError") return;
      root.setAttribute("aria-busy", "false");
      out.textContent = "Could not load the timeline: " + e.message;
    });
  }

  function render() {
    var w = width(), h = w < 500 ? 300 : 340, axis = h - 38, span = to - from;
    var X = function (d) { return (d - from) / span * w; };
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.setAttribute("height", h);
    svg.setAttribute("data-from", param(from));
    svg.setAttribute("data-to", param(to - 1e-6));
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var gBars = el("g", { "class": "bars" }, svg), gAxis = el("g", { "class": "axis" }, svg);
    var gLinks = el("g", { "class": "links" }, svg), gEv = el("g", { "class": "events" }, svg);
    el("line", { x1: 0, x2: w, y1: axis, y2: axis, "class": "axis-line" }, gAxis);
    var ts = ticks(from, to, Math.max(2, Math.floor(w / 120)));
    ts.forEach(function (t) {
      var x = X(t.day), half = t.label.length * 3.6;
      el("line", { x1: x, x2: x, y1: axis, y2: axis + 6, "class": "tick" }, gAxis);
      el("line", { x1: x, x2: x, y1: 0, y2: axis, "class": "grid" }, gAxis);
      // Labels at the edges stay inside the view.
      var anchor = x < half + 2 ? "start" : x > w - half - 2 ? "end" : "middle";
      var label = el("text", { x: anchor === "start" ? Math.max(x, 2) : anchor === "end" ? Math.min(x, w - 2) : x, y: axis + 22, "class": "tick-label", "data-unit": t.unit, "text-anchor": anchor }, gAxis);
      label.textContent = t.label;
    });
    svg.setAttribute("data-unit", ts.length ? ts[0].unit : "");
    out.textContent = when(from, span) + " – " + when(to - 1e-6, span) + (data ? " · " + data.total + " events in view and around" : "");
    if (!data) return;
    var max = 1;
    data.buckets.forEach(function (b) { if (b.b > from && b.a < to) max = Math.max(max, b.count); });
    data.buckets.forEach(function (b) {
      if (b.b < from || b.a > to || !b.count) return;
      var x0 = Math.max(-1, X(b.a)), x1 = Math.min(w + 1, X(b.b)), bh = Math.max(2, 44 * b.count / max);
      var r = el("rect", { x: x0, y: axis - bh, width: Math.max(1, x1 - x0 - 1), height: bh, "class": "bar" }, gBars);
      el("title", {}, r).textContent = b.label + ": " + b.count;
    });
    // Events in lanes, the most important first; those without room are dots on the axis.
    var lanes = [], top = 40, laneH = 22, nLanes = Math.max(2, Math.floor((axis - 60 - top) / laneH));
    var pos = {}, evs = data.events.slice().sort(function (a, b) { return b.importance - a.importance; });
    evs.forEach(function (ev) {
      var x = X(ev.day);
      if (x < -4 || x > w + 4) return;
      // Label to the right of the dot, else to its left, else shortened to fit.
      var title = ev.title, lw = title.length * 7.1 + 14, right = true;
      if (x + lw > w) {
        if (x - lw >= 0) right = false;
        else if (x > w / 2) { right = false; title = fit(title, x - 14); }
        else title = fit(title, w - x - 14);
        lw = title.length * 7.1 + 14;
      }
      var lx = right ? x : x - lw;
      var lane = -1;
      for (var i = 0; i < nLanes && lane < 0; i++) {
        lanes[i] = lanes[i] || [];
        if (lanes[i].every(function (s) { return lx + lw < s[0] || lx > s[1]; })) { lanes[i].push([lx, lx + lw]); lane = i; }
      }
      var y = lane >= 0 ? top + lane * laneH : axis - 50;
      pos[ev.id] = { x: x, y: y, label: lane >= 0 };
      var a = el("a", { href: "/events/" + encodeURIComponent(ev.id), "class": "ev", "data-id": ev.id }, gEv);
      el("title", {}, a).textContent = ev.title + " (" + ev.date + ")";
      el("line", { x1: x, x2: x, y1: y, y2: axis, "class": "stem" }, a);
      el("circle", { cx: x, cy: y, r: lane >= 0 ? 4.5 : 3.5 }, a);
      if (lane >= 0) {
        var tx = el("text", { x: right ? x + 8 : x - 8, y: y + 4, "text-anchor": right ? "start" : "end" }, a);
        tx.textContent = title;
      }
    });
    data.links.forEach(function (l) {
      var p = pos[l.from], r = pos[l.to];
      if (!p || !r || !(p.label || r.label)) return;
      var lift = Math.min(34, 10 + Math.abs(r.x - p.x) / 6); // stays inside the view above lane 0
      var path = el("path", {
        d: "M" + p.x + "," + p.y + " C" + p.x + "," + (p.y - lift) + " " + r.x + "," + (r.y - lift) + " " + r.x + "," + r.y,
        "class": "rel", "data-from": l.from, "data-to": l.to
      }, gLinks);
      el("title", {}, path).textContent = l.kind;
    });
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
    if (dragged) { e.preventDefault(); dragged = false; }
  }, true);

  // Keyboard: + and - zoom, arrows pan, Home shows everything.
  view.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    if (k === "+" || k === "=") zoom(0.5);
    else if (k === "-" || k === "_") zoom(2);
    else if (k === "ArrowLeft") pan(-0.2);
    else if (k === "ArrowRight") pan(0.2);
    else if (k === "Home") { from = MIN; to = MAX; changed(); }
    else return;
    e.preventDefault();
  });
  root.querySelector(".tl-bar").addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button") : null;
    if (!b) return;
    var act = b.getAttribute("data-act");
    if (act === "in") zoom(0.5);
    else if (act === "out") zoom(2);
    else if (act === "earlier") pan(-0.2);
    else if (act === "later") pan(0.2);
    else if (act === "all") { from = MIN; to = MAX; changed(); }
  });
  window.addEventListener("resize", changed);

  window.annalsTimeline = {
    rd: rd, ymd: ymd, param: param, ticks: ticks,
    view: function () { return { from: from, to: to }; },
    set: function (a, b) { from = a; to = b; changed(); }
  };
  clamp();
  render();
  fetchWindow();
  // The map on this page follows the window from the start.
  setTimeout(function () {
    document.dispatchEvent(new CustomEvent("annals:window", { detail: { q: q, from: param(from), to: param(Math.max(from, to - 1)) } }));
  }, 0);
})();
