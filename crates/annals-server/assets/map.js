// annals: the map's zoom and pan, its clusters, and its link with the timeline window
// (docs/web.md). Progressive enhancement of /map (the server draws countries, named clusters and
// events; for each new view the script asks the server for the markers, labels, count and list of
// that view, laid out for the map's size in pixels, and swaps them in) and of /timeline (a small
// map of the window's events). Event text only via textContent or the server's escaped markup.
(function () {
  "use strict";
  if (!window.fetch || !window.history) return;
  var NS = "http://www.w3.org/2000/svg";
  var maps = [];
  // The page's words (words.js, which the server loads before this script).
  if (!window.annalsWords) return;
  var say = window.annalsWords.w;
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function r2(x) { return Math.round(x * 100) / 100; }
  function r4(x) { return Math.round(x * 1e4) / 1e4; }

  // One interactive map. wrap: carries data-q/-from/-to; view: the focusable box; svg: the map
  // (viewBox in base-map units: 2 per degree, 0 0 720 360 for the world).
  function setup(wrap, view, svg, bar, caption, opts) {
    var q = wrap.getAttribute("data-q") || "", from = wrap.getAttribute("data-from") || "", to = wrap.getAttribute("data-to") || "";
    var event = wrap.getAttribute("data-event") || "";
    var b = svg.viewBox.baseVal, x = b.x, y = b.y, w = b.width || 720, h = b.height || 360;
    var aspect = h / w;
    if (opts.parts) {
      // The view takes the shape of its box (a phone's map is tall): same centre and width.
      var box = view.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) {
        var a2 = box.height / box.width, cy0 = y + h / 2;
        // A tall box (a phone) shows the whole height of the view, not a strip of it.
        // A wide box shows the whole height of the view with sea on the sides; a tall one (a
        // phone) its whole width, or the whole height of the world with a part of its width.
        var cx0 = x + w / 2;
        if (a2 < aspect) { w = h / a2; } else { h = w * a2; if (h > 360) { h = Math.max(b.height, 360); w = h / a2; } }
        x = cx0 - w / 2; y = cy0 - h / 2; aspect = a2;
        svg.setAttribute("viewBox", r2(x) + " " + r2(y) + " " + r2(w) + " " + r2(h));
      }
    }
    var markers = svg.querySelector("g.markers") || el("g", { "class": "markers" }, svg);
    var points = null, pending = null, seq = 0, frame = 0, timer = 0, partsLoaded = false;

    function clamp() {
      var maxW = opts.parts ? Math.max(720, 360 / aspect) : Math.min(720, 360 / aspect);
      if (w > maxW) { var k = maxW / w; w = maxW; h *= k; x += (w / k - w) / 2; }
      if (w < 2) { w = 2; }
      h = w * aspect;
      x = Math.min(Math.max(x, -w / 2), 720 - w / 2);
      y = Math.min(Math.max(y, -h / 2), 360 - h / 2);
    }
    function zoom(f, ax, ay) {
      var nw = Math.min(Math.max(w * f, 2), opts.parts ? Math.max(720, 360 / aspect) : Math.min(720, 360 / aspect)), k = nw / w;
      var px = x + w * (ax === undefined ? 0.5 : ax), py = y + h * (ay === undefined ? 0.5 : ay);
      x = px - (px - x) * k; y = py - (py - y) * k; w = nw; h = nw * aspect;
      changed();
    }
    function world() {
      if (opts.parts && aspect < 0.5) { h = 360; w = h / aspect; } else { w = 720; h = w * aspect; }
      x = 360 - w / 2; y = 180 - h / 2; changed();
    }
    function pan(fx, fy) { x += w * fx; y += h * fy; changed(); }
    function changed() {
      clamp();
      svg.setAttribute("viewBox", r2(x) + " " + r2(y) + " " + r2(w) + " " + r2(h));
      if (!frame) frame = requestAnimationFrame(function () { frame = 0; draw(); });
      clearTimeout(timer);
      timer = setTimeout(settle, 200);
    }
    function settle() {
      if (opts.embedded) { if (opts.parts) loadParts(); return; }
      var s = Math.max(-90, 90 - (y + h) / 2), n = Math.min(90, 90 - y / 2);
      var west = Math.max(-180, x / 2 - 180), east = Math.min(180, (x + w) / 2 - 180);
      var qs = "?q=" + encodeURIComponent(q) + "&from=" + encodeURIComponent(from) + "&to=" + encodeURIComponent(to);
      if (event) qs += "&event=" + encodeURIComponent(event);
      if (s < n && west < east && (s > -90 || n < 90 || west > -180 || east < 180)) qs += "&view=" + [r4(s), r4(west), r4(n), r4(east)].join(",");
      history.replaceState(null, "", location.pathname + qs);
      // The figure to download is the view on screen.
      [].forEach.call(document.querySelectorAll("a.figurelink"), function (a) {
        a.setAttribute("href", "/map/figure" + qs + "&format=" + a.getAttribute("data-format"));
      });
      // The period links keep the view.
      [].forEach.call(document.querySelectorAll(".map-periods a"), function (a) {
        var h = a.getAttribute("href").replace(/&view=[^&]*/, "");
        var m = qs.match(/&view=[^&]*/);
        a.setAttribute("href", h + (m ? m[0] : ""));
      });
      if (opts.parts) loadParts();
    }

    // /map: the markers, labels, count and list of the view, from the server.
    function loadParts() {
      var rect = view.getBoundingClientRect();
      var v = [r4(90 - (y + h) / 2), r4(x / 2 - 180), r4(90 - y / 2), r4((x + w) / 2 - 180)].join(",");
      var url = "/map?part=markers&q=" + encodeURIComponent(q) + "&from=" + encodeURIComponent(from) + "&to=" + encodeURIComponent(to) +
        (event ? "&event=" + encodeURIComponent(event) : "") + "&view=" + v + "&size=" + Math.round(rect.width) + "x" + Math.round(rect.height) +
        // the markers' words in the page's language (which ?lang= may have chosen)
        "&lang=" + encodeURIComponent(document.documentElement.lang || "en");
      if (pending) pending.abort();
      pending = window.AbortController ? new AbortController() : null;
      var mine = ++seq;
      wrap.setAttribute("aria-busy", "true");
      fetch(url, pending ? { signal: pending.signal } : {}).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.text();
      }).then(function (text) {
        if (mine !== seq) return;
        var doc = new DOMParser().parseFromString(text, "text/html");
        var had = document.activeElement && svg.contains(document.activeElement);
        ["g.markers", "g.labels"].forEach(function (sel) {
          var fresh = doc.querySelector("svg " + sel), old = svg.querySelector(sel);
          if (fresh && old) old.parentNode.replaceChild(document.importNode(fresh, true), old);
        });
        var count = doc.querySelector(".map-count");
        if (count && caption) { var fresh = document.importNode(count, true); caption.parentNode.replaceChild(fresh, caption); caption = fresh; }
        if (opts.list) {
          [].forEach.call(document.querySelectorAll(".map-list-title, ol.map-list"), function (e) { e.parentNode.removeChild(e); });
          var after = document.querySelector(".map-form") || wrap, list = doc.querySelectorAll(".map-list-title, ol.map-list");
          [].forEach.call(list, function (e) { var n = document.importNode(e, true); after.parentNode.insertBefore(n, after.nextSibling); after = n; });
        }
        partsLoaded = true;
        if (had) view.focus();
        declutter();
        wrap.setAttribute("aria-busy", "false");
        svg.setAttribute("data-markers", String(svg.querySelectorAll("g.markers > a").length));
        svg.setAttribute("data-points", caption ? caption.getAttribute("data-total") || "0" : "0");
        svg.setAttribute("data-view", v);
      }).catch(function (e) {
        if (e && e.name === "AbortError") return;
        wrap.setAttribute("aria-busy", "false");
        if (caption) caption.textContent = say("js-map-view-failed", "Could not load the events of this view: {error}", { error: e.message });
      });
    }
    // The server placed the labels with estimated widths; measured, a label that still touches
    // a marker or an earlier label (events first, then countries, then cities) is left out.
    function declutter() {
      var kept = [].map.call(svg.querySelectorAll("g.markers circle"), function (c) { return c.getBoundingClientRect(); });
      var hit = function (a, b) { return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; };
      [].forEach.call(svg.querySelectorAll("g.labels text"), function (t) {
        var r = t.getBoundingClientRect();
        if (kept.some(function (k) { return hit(r, k); })) t.parentNode.removeChild(t);
        else kept.push(r);
      });
    }
    // A cluster zooms in on its events (its link does the same without the script).
    function zoomTo(bounds) {
      var bb = bounds.split(",").map(Number), s = bb[0], west = bb[1], n = bb[2], east = bb[3];
      var nw = Math.max((east - west) * 2 * 1.6, 2), nh = Math.max((n - s) * 2 * 1.6, 2);
      if (nh / nw > aspect) nw = nh / aspect;
      var cx = (west + east + 360), cy = (180 - n - s);
      w = Math.min(nw, w * 0.6); h = w * aspect; x = cx - w / 2; y = cy - h / 2;
      changed();
    }

    // Clusters on a grid of about 34 pixels at the current zoom; a cluster zooms in.
    function draw() {
      if (opts.parts || !points) return;
      while (markers.firstChild) markers.removeChild(markers.firstChild);
      var u = w / Math.max(1, svg.getBoundingClientRect().width || 720), cell = 34 * u, cells = {}, keys = [];
      points.forEach(function (p) {
        if (p.x < x - cell || p.x > x + w + cell || p.y < y - cell || p.y > y + h + cell) return;
        var key = Math.floor(p.x / cell) + ":" + Math.floor(p.y / cell);
        if (!cells[key]) { cells[key] = []; keys.push(key); }
        cells[key].push(p);
      });
      keys.forEach(function (key) {
        var ps = cells[key], cx = 0, cy = 0;
        ps.forEach(function (p) { cx += p.x; cy += p.y; });
        cx /= ps.length; cy /= ps.length;
        if (ps.length === 1) {
          var p = ps[0], a = el("a", { href: "/events/" + encodeURIComponent(p.id), "class": "marker", "data-id": p.id, "data-date": p.date }, markers);
          el("circle", { "class": "event", cx: r2(cx), cy: r2(cy), r: 5 * u, "stroke-width": 1.2 * u }, a);
          el("title", {}, a).textContent = p.title + " (" + p.date + ")";
          return;
        }
        var rad = Math.min(16, 8 + 2 * Math.log2(ps.length)) * u; // inside its 34-pixel cell
        var g = el("g", { "class": "cluster-g", tabindex: "0", role: "button" }, markers);
        g.setAttribute("aria-label", say("js-map-here", "{n} events here: zoom in", { n: ps.length }));
        el("circle", { "class": "cluster", cx: r2(cx), cy: r2(cy), r: rad }, g);
        var t = el("text", { x: r2(cx), y: r2(cy + 4 * u), "font-size": 11 * u, "text-anchor": "middle" }, g);
        t.textContent = String(ps.length);
        el("title", {}, g).textContent = say("js-map-events", "{n} events: {titles}", { n: ps.length, titles: ps.slice(0, 5).map(function (p) { return p.title; }).join("; ") + (ps.length > 5 ? "…" : "") });
        var go = function () { x = cx - w * 0.15; y = cy - h * 0.15; w *= 0.3; h = w * aspect; changed(); };
        g.addEventListener("click", function (e) { if (!dragged) go(); e.stopPropagation(); });
        g.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
      });
      svg.setAttribute("data-markers", String(keys.length));
    }

    function load() {
      var url = "/api/points?q=" + encodeURIComponent(q) + (from ? "&from=" + encodeURIComponent(from) : "") + (to ? "&to=" + encodeURIComponent(to) : "") + "&limit=5000";
      if (pending) pending.abort();
      pending = window.AbortController ? new AbortController() : null;
      var mine = ++seq;
      wrap.setAttribute("aria-busy", "true");
      fetch(url, pending ? { signal: pending.signal } : {}).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }).then(function (j) {
        if (mine !== seq) return;
        points = (j.points || []).map(function (p) {
          return { x: (p.lon + 180) * 2, y: (90 - p.lat) * 2, id: p.id, title: p.title, date: p.date };
        });
        wrap.setAttribute("aria-busy", "false");
        var n = points.length, label = n >= 5000 ? say("js-map-sample", "a sample of 5000 located events") :
          n === 1 ? say("js-map-located-one", "{n} located event", { n: n }) : say("js-map-located-other", "{n} located events", { n: n });
        if (caption) caption.textContent = label + (opts.embedded ? " " + say("js-map-in-window", "in this window") : "");
        svg.setAttribute("data-points", String(points.length));
        draw();
      }).catch(function (e) {
        if (e && e.name === "AbortError") return;
        wrap.setAttribute("aria-busy", "false");
        if (caption) caption.textContent = say("js-map-failed", "Could not load the events: {error}", { error: e.message });
      });
    }

    view.addEventListener("wheel", function (e) {
      e.preventDefault();
      var unit = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1, rect = svg.getBoundingClientRect();
      zoom(Math.exp(e.deltaY * unit * 0.0015), (e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height);
    }, { passive: false });
    var pointers = {}, dragged = false;
    function pts() { return Object.keys(pointers).map(function (k) { return pointers[k]; }); }
    view.addEventListener("pointerdown", function (e) {
      if (e.button) return;
      pointers[e.pointerId] = { x: e.clientX, y: e.clientY, sx: e.clientX, sy: e.clientY };
      dragged = false;
    });
    view.addEventListener("pointermove", function (e) {
      var p = pointers[e.pointerId];
      if (!p) return;
      var list = pts(), rect = svg.getBoundingClientRect();
      if (list.length === 1) {
        if (!dragged && Math.abs(e.clientX - p.sx) + Math.abs(e.clientY - p.sy) < 4) return;
        if (!dragged) { dragged = true; try { view.setPointerCapture(e.pointerId); } catch (_) { /* gone */ } }
        var dx = e.clientX - p.x, dy = e.clientY - p.y;
        p.x = e.clientX; p.y = e.clientY;
        pan(-dx / rect.width, -dy / rect.height);
      } else if (list.length === 2) {
        var o = list[0] === p ? list[1] : list[0];
        var d0 = Math.hypot(p.x - o.x, p.y - o.y);
        p.x = e.clientX; p.y = e.clientY;
        var d1 = Math.hypot(p.x - o.x, p.y - o.y);
        dragged = true;
        if (d0 > 10 && d1 > 10) zoom(d0 / d1, ((p.x + o.x) / 2 - rect.left) / rect.width, ((p.y + o.y) / 2 - rect.top) / rect.height);
      }
    });
    function up(e) { delete pointers[e.pointerId]; }
    view.addEventListener("pointerup", up);
    view.addEventListener("pointercancel", up);
    view.addEventListener("click", function (e) { if (dragged) { e.preventDefault(); e.stopPropagation(); dragged = false; } }, true);
    view.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var k = e.key;
      if (k === "+" || k === "=") zoom(0.5);
      else if (k === "-" || k === "_") zoom(2);
      else if (k === "ArrowLeft") pan(-0.2, 0);
      else if (k === "ArrowRight") pan(0.2, 0);
      else if (k === "ArrowUp") pan(0, -0.2);
      else if (k === "ArrowDown") pan(0, 0.2);
      else if (k === "Home") world();
      else return;
      e.preventDefault();
    });
    bar.hidden = false;
    bar.addEventListener("click", function (e) {
      var btn = e.target.closest ? e.target.closest("button") : null;
      if (!btn) return;
      var act = btn.getAttribute("data-act");
      if (act === "in") zoom(0.5);
      else if (act === "out") zoom(2);
      else if (act === "west") pan(-0.2, 0);
      else if (act === "east") pan(0.2, 0);
      else if (act === "north") pan(0, -0.2);
      else if (act === "south") pan(0, 0.2);
      else if (act === "world") world();
    });
    window.addEventListener("resize", function () { draw(); });
    if (opts.parts) {
      svg.addEventListener("click", function (e) {
        var a = e.target.closest ? e.target.closest("a.cluster-g") : null;
        if (!a || dragged) return;
        e.preventDefault();
        zoomTo(a.getAttribute("data-bounds"));
        view.focus();
      });
    }
    var reload = opts.parts ? loadParts : load;
    if (opts.follow) {
      var t = window.annalsTimeline;
      if (t) {
        var v = t.view();
        from = t.param(v.from);
        to = t.param(Math.max(v.from, v.to - 1));
        reload();
      }
      document.addEventListener("annals:window", function (e) {
        var d = e.detail || {};
        if (d.q === q && d.from === from && d.to === to && (points || partsLoaded)) return;
        q = d.q || ""; from = d.from || ""; to = d.to || "";
        wrap.setAttribute("data-from", from);
        wrap.setAttribute("data-to", to);
        reload();
      });
    } else {
      reload();
    }
    var api = { view: function () { return { x: x, y: y, w: w, h: h }; }, zoom: zoom, pan: pan };
    maps.push(api);
    return api;
  }

  function button(bar, act, label, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.setAttribute("data-act", act);
    b.setAttribute("aria-label", label);
    b.textContent = text;
    bar.appendChild(b);
  }

  // /map: the server-rendered map becomes interactive.
  var wrap = document.querySelector(".map-wrap");
  if (wrap) {
    var svg = wrap.querySelector("svg.map");
    if (svg) setup(wrap, wrap.querySelector(".map-view"), svg, wrap.querySelector(".map-bar"), document.querySelector(".map-count"), { embedded: false, parts: true, list: true });
  }

  // /timeline: a small map of the window's events, following the timeline as it moves.
  var holder = document.querySelector(".tl-map");
  if (holder) {
    var tl = document.getElementById("timeline");
    holder.setAttribute("data-q", tl ? tl.getAttribute("data-q") || "" : "");
    var bar = document.createElement("div");
    bar.className = "map-bar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", say("js-map-controls", "Map controls"));
    button(bar, "out", say("js-map-zoom-out", "Zoom the map out"), "−");
    button(bar, "in", say("js-map-zoom-in", "Zoom the map in"), "+");
    button(bar, "world", say("js-whole-world", "Whole world"), say("js-world", "World"));
    var cap = document.createElement("span");
    cap.className = "map-count";
    cap.setAttribute("aria-live", "polite");
    bar.appendChild(cap);
    var box = document.createElement("div");
    box.className = "map-view";
    box.tabIndex = 0;
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", say("js-map-of-window", "Map of the events in the timeline window: + and − zoom, arrow keys pan"));
    var s = el("svg", { "class": "map", viewBox: "0 0 720 360", role: "group", "aria-label": "World map of the events in the window" });
    el("rect", { x: -360, y: -180, width: 1440, height: 720, "class": "sea" }, s);
    el("image", { href: "/assets/world.svg", x: 0, y: 0, width: 720, height: 360 }, s);
    el("g", { "class": "markers" }, s);
    el("g", { "class": "labels", "aria-hidden": "true" }, s);
    box.appendChild(s);
    holder.appendChild(bar);
    holder.appendChild(box);
    setup(holder, box, s, bar, cap, { embedded: true, follow: true, parts: true });
  }
  window.annalsMaps = maps;
})();
