// A story one stop at a time (pages/story.rs renders every stop; this shows one): the
// previous and next buttons, ←/→, a swipe on a phone, the strip of stops, a URL per stop
// (#stop-3), and the timeline and the map beside it moving to each stop.
(function () {
  "use strict";
  var story = document.querySelector("article.story");
  if (!story) return;
  var stops = Array.prototype.slice.call(story.querySelectorAll("section.stop"));
  if (!stops.length) return;
  // The page's words (words.js, which the server loads before this script).
  if (!window.annalsWords) return;
  var say = window.annalsWords.w;
  var strip = Array.prototype.slice.call(story.querySelectorAll(".story-strip a"));
  var frames = story.querySelector(".story-frames");
  var timeline = frames && frames.querySelector(".story-timeline");
  var map = frames && frames.querySelector(".story-map");
  var current = -1;
  var arriving = false;

  story.classList.add("stepping");
  if (frames) frames.hidden = false;

  var bar = document.createElement("div");
  bar.className = "story-nav";
  var prev = document.createElement("button");
  prev.type = "button";
  prev.className = "story-prev";
  arrowed(prev, "← ", say("js-story-previous", "Previous"), "");
  var where = document.createElement("span");
  where.className = "story-where";
  where.setAttribute("aria-live", "polite");
  var next = document.createElement("button");
  next.type = "button";
  next.className = "story-next";
  arrowed(next, "", say("js-story-next", "Next"), " →");
  bar.appendChild(prev);
  bar.appendChild(where);
  bar.appendChild(next);
  story.querySelector(".stops").before(bar);

  // A button's word with an arrow before or after it that screen readers skip.
  function arrowed(button, before, word, after) {
    [before, word, after].forEach(function (text, i) {
      if (!text) return;
      if (i === 1) { button.appendChild(document.createTextNode(text)); return; }
      var arrow = document.createElement("span");
      arrow.setAttribute("aria-hidden", "true");
      arrow.textContent = text;
      button.appendChild(arrow);
    });
  }

  function indexOfHash() {
    var m = /^#stop-(\d+)$/.exec(location.hash);
    var i = m ? parseInt(m[1], 10) - 1 : 0;
    return i >= 0 && i < stops.length ? i : 0;
  }

  // The frames follow the stop a moment after the last step (stepping fast loads only the
  // stop arrived at), and replace their page rather than add to the browser's history (Back
  // leaves the story, it does not step through the frames).
  var pending = null;
  function setFrame(frame, src) {
    if (!frame || !src || frame.getAttribute("data-shown") === src) return;
    frame.setAttribute("data-shown", src);
    var win = null;
    try { win = frame.getAttribute("src") && frame.contentWindow; } catch (_) { win = null; }
    if (win) win.location.replace(src);
    else frame.setAttribute("src", src);
  }
  function follow(stop, now) {
    clearTimeout(pending);
    var move = function () {
      setFrame(timeline, stop.getAttribute("data-timeline"));
      setFrame(map, stop.getAttribute("data-map"));
    };
    if (now) move();
    else pending = setTimeout(move, 250);
  }

  function go(i, focus) {
    if (i < 0 || i >= stops.length || i === current) return;
    current = i;
    stops.forEach(function (s, k) { s.hidden = k !== i; });
    strip.forEach(function (a, k) {
      if (k === i) a.setAttribute("aria-current", "step");
      else a.removeAttribute("aria-current");
    });
    // Bring the stop's pill into the strip's view, scrolling the strip only, never the page.
    var list = strip[i] && strip[i].closest("ol");
    if (list) {
      var a = strip[i].getBoundingClientRect(), l = list.getBoundingClientRect();
      list.scrollLeft += a.left - l.left - (l.width - a.width) / 2;
    }
    prev.disabled = i === 0;
    next.disabled = i === stops.length - 1;
    where.textContent = say("js-story-where", "Stop {i} of {n}", { i: i + 1, n: stops.length });
    follow(stops[i], arriving);
    // A URL per stop; not on arrival (a fragment set while the page loads makes the browser
    // scroll to it, past the story's title).
    var hash = "#stop-" + (i + 1);
    if (!arriving && location.hash !== hash) history.replaceState(null, "", hash);
    if (focus) {
      var h = stops[i].querySelector("h2");
      h.setAttribute("tabindex", "-1");
      h.focus({ preventScroll: true });
    }
  }

  prev.addEventListener("click", function () { go(current - 1, true); });
  next.addEventListener("click", function () { go(current + 1, true); });
  strip.forEach(function (a, k) {
    a.addEventListener("click", function (e) { e.preventDefault(); go(k, true); });
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === "ArrowRight") { go(current + 1, true); e.preventDefault(); }
    else if (e.key === "ArrowLeft") { go(current - 1, true); e.preventDefault(); }
  });
  // A swipe: mostly sideways, at least 50 px.
  var start = null;
  story.addEventListener("touchstart", function (e) {
    if (e.touches.length === 1) start = { x: e.touches[0].clientX, y: e.touches[0].clientY };
  }, { passive: true });
  story.addEventListener("touchend", function (e) {
    if (!start || !e.changedTouches.length) return;
    var dx = e.changedTouches[0].clientX - start.x;
    var dy = e.changedTouches[0].clientY - start.y;
    start = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > 2 * Math.abs(dy)) go(current + (dx < 0 ? 1 : -1), false);
  }, { passive: true });
  // A touch the browser took over (a scroll, a zoom) is no swipe.
  story.addEventListener("touchcancel", function () { start = null; }, { passive: true });
  window.addEventListener("hashchange", function () { go(indexOfHash(), false); });

  arriving = true;
  go(indexOfHash(), false);
  arriving = false;
})();
