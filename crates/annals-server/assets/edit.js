// annals: the event editor's helpers (docs/curation.md). Progressive enhancement of the form
// of /events/new and /events/{id}/edit, which works without this script:
// - the date is read as it is typed (GET /api/dates) and the reading shown under it, so a
//   mistake shows before saving ("44 BC" reads as "15 March 44 BC, Julian");
// - the line being typed in Places and Participants is completed from the gazetteer
//   (GET /api/complete/places) and the events' participants (GET /api/complete/participants),
//   and in Related events from a search (GET /api/search): arrows choose, Enter or a click
//   takes, Escape closes. Text only via textContent.
(function () {
  "use strict";
  var form = document.querySelector("form.editor");
  if (!form || !window.fetch) return;
  // The page's words (words.js, which the server loads before this script; English without it).
  var say = window.annalsWords ? window.annalsWords.w : function (id, english, args) {
    var s = english;
    if (args) Object.keys(args).forEach(function (k) { s = s.split("{" + k + "}").join(String(args[k])); });
    return s;
  };

  function later(f, ms) {
    var t = null;
    return function () {
      clearTimeout(t);
      t = setTimeout(f, ms);
    };
  }
  function message(j) {
    return (j && j.error && j.error.message) || say("js-edit-not-a-date", "not a date annals can read");
  }

  // Dates, read as they are typed: the event's date, or a profile's from and to (each input
  // with the output that names it in its `for`).
  var calendar = form.querySelector("#calendar");
  function reader(date, out) {
    var asked = 0;
    function read() {
      var text = date.value.trim();
      var mine = ++asked;
      if (!text) {
        out.textContent = "";
        out.classList.remove("bad");
        return;
      }
      var url = "/api/dates?text=" + encodeURIComponent(text);
      if (calendar && calendar.value !== "auto") url += "&calendar=" + calendar.value;
      // The reading in the page's language (which ?lang= may have chosen).
      url += "&lang=" + encodeURIComponent(document.documentElement.lang || "en");
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) {
          return r.json().then(function (j) {
            return { ok: r.ok, j: j };
          });
        })
        .then(function (a) {
          if (mine !== asked) return;
          out.textContent = "";
          if (!a.ok) {
            out.classList.add("bad");
            out.textContent = say("js-edit-not-read", "Not read: {why}", { why: message(a.j) });
            return;
          }
          out.classList.remove("bad");
          var j = a.j;
          // "Reads as {date}": the date in bold where the language puts it.
          var parts = say("js-edit-reads-as", "Reads as {date}").split("{date}");
          out.appendChild(document.createTextNode(parts[0]));
          var s = document.createElement("strong");
          s.textContent = j.written;
          out.appendChild(s);
          var cal = j.calendar === "julian" ? say("js-edit-julian", "julian")
            : j.calendar === "gregorian" ? say("js-edit-gregorian", "gregorian") : j.calendar;
          var rest = parts.slice(1).join("") + " " + (j.earliest !== j.latest
            ? say("js-edit-reading-range", "(EDTF {edtf}, {calendar}; from {earliest} to {latest})",
              { edtf: j.edtf, calendar: cal, earliest: j.earliest, latest: j.latest })
            : say("js-edit-reading", "(EDTF {edtf}, {calendar})", { edtf: j.edtf, calendar: cal }));
          // A new sentence: "calendrier julien" starts with a capital here.
          if (j.calendar_note) rest += ". " + j.calendar_note.charAt(0).toUpperCase() + j.calendar_note.slice(1);
          out.appendChild(document.createTextNode(rest));
        })
        .catch(function () {});
    }
    date.addEventListener("input", later(read, 250));
    if (calendar) calendar.addEventListener("change", read);
    read();
  }
  Array.prototype.forEach.call(form.querySelectorAll("output.date-reading"), function (out) {
    var date = form.querySelector("#" + (out.getAttribute("for") || "").split(" ")[0]);
    if (date) reader(date, out);
  });

  // A completion is a string, or {label, value} when what is shown is not what is written.
  function value(s) {
    return typeof s === "string" ? s : s.value;
  }
  function label(s) {
    return typeof s === "string" ? s : s.label;
  }

  // Completion of the line being typed in a textarea.
  function complete(area, url, pick) {
    if (!area) return;
    var list = document.createElement("ul");
    list.className = "completions";
    list.id = area.id + "-completions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", say("js-edit-suggestions", "Suggestions"));
    list.hidden = true;
    area.parentNode.insertBefore(list, area.nextSibling);
    area.setAttribute("aria-autocomplete", "list");
    area.setAttribute("aria-controls", list.id);
    var items = [];
    var active = -1;
    var asked = 0;

    function line() {
      var v = area.value;
      var at = area.selectionStart;
      var start = v.lastIndexOf("\n", at - 1) + 1;
      var end = v.indexOf("\n", at);
      if (end < 0) end = v.length;
      return { start: start, end: end, text: v.slice(start, end) };
    }
    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      area.removeAttribute("aria-activedescendant");
    }
    function take(i) {
      var l = line();
      var v = area.value;
      var chosen = value(items[i]);
      area.value = v.slice(0, l.start) + chosen + v.slice(l.end);
      var caret = l.start + chosen.length;
      area.setSelectionRange(caret, caret);
      close();
      area.focus();
    }
    function mark(i) {
      active = i;
      var lis = list.children;
      for (var k = 0; k < lis.length; k++) lis[k].setAttribute("aria-selected", k === i ? "true" : "false");
      if (i >= 0) area.setAttribute("aria-activedescendant", lis[i].id);
    }
    function ask() {
      var typed = line().text;
      // Only the name part: not after a role in parentheses or coordinates.
      if (typed.length < 2 || /[(@]/.test(typed)) return close();
      var mine = ++asked;
      fetch(url + encodeURIComponent(typed.trim()), { headers: { Accept: "application/json" } })
        .then(function (r) {
          return r.ok ? r.json() : null;
        })
        .then(function (j) {
          if (mine !== asked || !j) return;
          var found = pick(j).filter(function (s) {
            return value(s) !== typed.trim();
          });
          close();
          items = found;
          if (!found.length) return;
          found.forEach(function (s, i) {
            var li = document.createElement("li");
            li.id = list.id + "-" + i;
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", "false");
            li.textContent = label(s);
            li.addEventListener("mousedown", function (e) {
              e.preventDefault();
              take(i);
            });
            list.appendChild(li);
          });
          list.hidden = false;
        })
        .catch(function () {});
    }
    area.addEventListener("input", later(ask, 200));
    area.addEventListener("blur", function () {
      setTimeout(close, 100);
    });
    area.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") {
        e.preventDefault();
        mark((active + 1) % items.length);
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        mark(active <= 0 ? items.length - 1 : active - 1);
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        take(active);
      } else if (e.key === "Escape") {
        close();
      }
    });
  }
  complete(form.querySelector("#places"), "/api/complete/places?prefix=", function (j) {
    return (j.places || []).map(function (p) {
      return p.label;
    });
  });
  complete(form.querySelector("#participants"), "/api/complete/participants?prefix=", function (j) {
    return j.participants || [];
  });
  // The places on a small world map; a click puts the clicked coordinates on the place line
  // the caret is on (or the last one). Coordinates can always be typed instead.
  var places = form.querySelector("#places");
  var holder = form.querySelector("div.place-map");
  if (places && holder && holder.dataset.world) {
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 720 360");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", say("js-edit-map-label", "The places on a world map. Click to set the coordinates of the place on the line where the cursor is."));
    var img = document.createElementNS(NS, "image");
    img.setAttribute("href", holder.dataset.world);
    img.setAttribute("width", "720");
    img.setAttribute("height", "360");
    svg.appendChild(img);
    var pins = document.createElementNS(NS, "g");
    svg.appendChild(pins);
    var note = document.createElement("p");
    note.className = "help";
    holder.appendChild(svg);
    holder.appendChild(note);
    holder.hidden = false;
    var caretLine = -1;
    var COORD = /@\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;
    function draw() {
      pins.textContent = "";
      var shown = 0;
      places.value.split("\n").forEach(function (line) {
        var m = COORD.exec(line);
        if (!m) return;
        var lat = Number(m[1]), lon = Number(m[2]);
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return;
        var c = document.createElementNS(NS, "circle");
        c.setAttribute("cx", String((lon + 180) * 2));
        c.setAttribute("cy", String((90 - lat) * 2));
        c.setAttribute("r", "8");
        c.setAttribute("class", "pin");
        var t = document.createElementNS(NS, "title");
        t.textContent = line.replace(COORD, "").trim();
        c.appendChild(t);
        pins.appendChild(c);
        shown++;
      });
      note.textContent = shown
        ? say("js-edit-map-pins", "Pins: the places with coordinates. Click the map to move the place on the cursor's line.")
        : say("js-edit-map-none", "Places are located from the gazetteer when saved; click the map to give the place on the cursor's line its coordinates.");
    }
    function lineAt() {
      var v = places.value;
      return v.slice(0, places.selectionStart).split("\n").length - 1;
    }
    places.addEventListener("keyup", function () {
      caretLine = lineAt();
    });
    places.addEventListener("click", function () {
      caretLine = lineAt();
    });
    places.addEventListener("input", draw);
    svg.addEventListener("click", function (e) {
      var box = svg.getBoundingClientRect();
      var x = ((e.clientX - box.left) / box.width) * 720;
      var y = ((e.clientY - box.top) / box.height) * 360;
      var lat = Math.round((90 - y / 2) * 1000) / 1000;
      var lon = Math.round((x / 2 - 180) * 1000) / 1000;
      var lines = places.value.split("\n");
      var i = caretLine >= 0 && caretLine < lines.length ? caretLine : lines.length - 1;
      var name = lines[i].replace(COORD, "").trim();
      lines[i] = (name || say("js-edit-unnamed-place", "Unnamed place")) + " @ " + lat + ", " + lon;
      places.value = lines.join("\n");
      draw();
    });
    draw();
  }

  // Pictures from this computer: sent to POST /media (the signed-in session and the form's
  // CSRF token), kept by the server (type checked by content, metadata stripped), and added
  // to the media field as a line to complete with what it shows, its credit and licence.
  // (In a function of its own: its names must not hide the helpers above.)
  function uploader(mediaField, csrf) {
    if (!mediaField || !csrf) return;
    var box = document.createElement("div");
    box.className = "upload";
    var pick = document.createElement("input");
    pick.type = "file";
    pick.id = "media-upload";
    pick.accept = "image/jpeg,image/png,image/webp";
    var label = document.createElement("label");
    label.htmlFor = "media-upload";
    label.textContent = say("js-edit-upload", "Add a picture from this computer (JPEG, PNG or WebP)");
    var said = document.createElement("output");
    said.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(pick);
    box.appendChild(said);
    mediaField.parentNode.insertBefore(box, mediaField.nextSibling);
    pick.addEventListener("change", function () {
      var file = pick.files && pick.files[0];
      if (!file) return;
      said.classList.remove("bad");
      said.textContent = say("js-edit-sending", "Sending {file}…", { file: file.name });
      fetch("/media", {
        method: "POST",
        headers: { "X-CSRF-Token": csrf.value, "Content-Type": file.type || "application/octet-stream", Accept: "application/json" },
        body: file,
        credentials: "same-origin"
      })
        .then(function (r) {
          return r.json().then(function (j) {
            return { ok: r.ok, j: j };
          });
        })
        .then(function (a) {
          if (!a.ok) {
            said.classList.add("bad");
            said.textContent = say("js-edit-refused", "{file}: {why}", {
              file: file.name,
              why: (a.j && a.j.error && a.j.error.message) || say("js-edit-not-kept", "not kept")
            });
            return;
          }
          var v = mediaField.value.replace(/\s+$/, "");
          var line = a.j.url + " | alt ";
          mediaField.value = (v ? v + "\n" : "") + line + " | credit  | licence ";
          mediaField.focus();
          var at = (v ? v.length + 1 : 0) + line.length;
          mediaField.setSelectionRange(at, at);
          said.textContent = say("js-edit-kept", "{file} kept ({width}×{height}). Say what it shows after alt, and who made it and its licence.",
            { file: file.name, width: a.j.width, height: a.j.height });
          pick.value = "";
        })
        .catch(function () {
          said.classList.add("bad");
          said.textContent = say("js-edit-unreachable", "{file}: the server could not be reached", { file: file.name });
        });
    });
  }
  uploader(form.querySelector("textarea#media"), form.querySelector("input[name=csrf]"));

  // Related events, picked by search: the line becomes "id (related)"; the kind can be edited.
  complete(form.querySelector("#related"), "/api/search?limit=6&q=", function (j) {
    return (j.hits || []).map(function (h) {
      var d = h.date || {};
      return { label: h.title + " (" + (d.text || d.edtf || "") + ")", value: h.id + " (related)" };
    });
  });
})();
