(function () {
  "use strict";
  var nav = document.getElementById("filters");
  if (!nav) return;
  nav.hidden = false;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var sev = Array.prototype.slice.call(nav.querySelectorAll("input[name=severity]"));
  var kind = document.getElementById("f-kind");
  var art = document.getElementById("f-article");
  var q = document.getElementById("f-search");
  var count = document.getElementById("f-count");
  var none = document.getElementById("no-match");
  var text = cards.map(function (c) { return c.textContent.toLowerCase(); });

  function apply() {
    var on = {};
    sev.forEach(function (b) { on[b.value] = b.checked; });
    var k = kind.value, a = art.value;
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (c, i) {
      var d = c.dataset;
      var ok = (d.suppressed === "true" ? on.suppressed : on[d.severity] !== false) &&
        (!k || d.kind === k) &&
        (!a || (" " + d.articles + " ").indexOf(" " + a + " ") >= 0) &&
        words.every(function (w) { return text[i].indexOf(w) >= 0; });
      c.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " of " + cards.length + " shown";
    none.hidden = shown > 0 || cards.length === 0;
  }

  nav.addEventListener("input", apply);
  nav.addEventListener("change", apply);
  document.getElementById("f-reset").addEventListener("click", function () {
    sev.forEach(function (b) { b.checked = true; });
    kind.value = ""; art.value = ""; q.value = "";
    apply();
  });
  document.addEventListener("keydown", function (e) {
    var t = document.activeElement && document.activeElement.tagName;
    if (e.key === "/" && !/^(INPUT|SELECT|TEXTAREA)$/.test(t || "")) { e.preventDefault(); q.focus(); }
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  apply();
})();
