// In an embed (an annals view in an iframe on another site): a link to an event or any other
// annals page opens in a new tab; links that move the timeline or the map stay in the frame.
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    if (e.defaultPrevented || e.button !== 0) return;
    var a = e.target.closest ? e.target.closest("a[href]") : null;
    if (!a) return;
    var u = new URL(a.getAttribute("href"), location.href);
    if (u.origin !== location.origin) return;
    e.preventDefault();
    if (/^\/(timeline|map)$/.test(u.pathname)) location.href = "/embed" + u.pathname + u.search;
    else if (/^\/embed\//.test(u.pathname)) location.href = u.href;
    else window.open(u.href, "_blank", "noopener");
  });
})();
