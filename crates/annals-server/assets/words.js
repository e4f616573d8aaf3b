// The interface's words for the scripts, in the page's language. The server writes them into
// the page as JSON (`<script type="application/json" id="annals-words">`, the messages of
// crates/annals-i18n/locales whose ids start with `js-`); each script asks for a word with its
// English as the fallback, so a page without them still reads. `{name}` in a word is filled
// from `args`.
(function () {
  "use strict";
  var W = {};
  var el = document.getElementById("annals-words");
  try { W = (el && JSON.parse(el.textContent)) || {}; } catch (_) { W = {}; }
  function w(id, english, args) {
    var s = typeof W[id] === "string" ? W[id] : english;
    if (args) Object.keys(args).forEach(function (k) { s = s.split("{" + k + "}").join(String(args[k])); });
    return s;
  }
  // A count with its noun: `n` selects "one" (1, or 0 and 1 in French) or "other".
  function count(n, id, englishOne, englishOther) {
    var one = n === 1 || (document.documentElement.lang === "fr" && n === 0);
    return one ? w(id + "-one", englishOne, { n: n }) : w(id + "-other", englishOther, { n: n });
  }
  // An astronomical year as the language writes it: 44 BC, AD 14, 1914.
  function year(y) {
    return y <= 0 ? w("js-bc", "{y} BC", { y: 1 - y }) : y < 1000 ? w("js-ad", "AD {y}", { y: y }) : String(y);
  }
  // A number with the language's decimal sign.
  function decimal(x) { return String(x).replace(".", w("js-decimal", ".")); }
  window.annalsWords = { w: w, count: count, year: year, decimal: decimal };
})();
