(function () {
  "use strict";
  // Article text reaches the page only as DOM text nodes built here from the JSON data block
  // (#cc-texts); nothing below ever assigns HTML from data.
  var nav = document.getElementById("filters");
  if (!nav) return;
  nav.hidden = false;
  var $ = function (id) { return document.getElementById(id); };
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var cards = all(".card");
  var sev = all("input[name=severity]", nav);
  var kind = $("f-kind"), art = $("f-article"), story = $("f-story"), q = $("f-search");
  var count = $("f-count"), none = $("no-match"), findings = $("findings");
  var compactBtn = $("v-compact"), expandBtn = $("v-expand");
  var text = null;  // card texts for the search, read on first use (keeps the first render fast)
  var texts = null;

  function articleText(key) {
    if (texts === null) {
      try { texts = JSON.parse($("cc-texts").textContent || "{}"); } catch (e) { texts = {}; }
    }
    return typeof texts[key] === "string" ? texts[key] : "";
  }

  function range(el) { return (el.getAttribute("data-r") || "").split(" ").map(Number); }

  // before <mark>claim</mark> after, as text nodes
  function marked(parent, t, a, b, c, d) {
    parent.appendChild(document.createTextNode((a > 0 ? "… " : "") + t.slice(a, b)));
    var m = document.createElement("mark");
    m.textContent = t.slice(b, c);
    parent.appendChild(m);
    parent.appendChild(document.createTextNode(t.slice(c, d) + (d < t.length ? " …" : "")));
    return m;
  }

  // the sentences around a claim, filled in the first time they are opened
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!d.classList || !d.classList.contains("ctx") || !d.open || d.getAttribute("data-done")) return;
    var r = range(d), t = articleText(d.getAttribute("data-a")), box = d.querySelector(".ctx-text");
    if (!t || r.length !== 4) { box.textContent = "(the article text is not in this report)"; return; }
    marked(box, t, r[0], r[1], r[2], r[3]);
    d.setAttribute("data-done", "1");
  }, true);

  // the whole article in place, the claim highlighted and scrolled into view
  function openArticle(btn) {
    var li = btn.closest(".claim");
    var panel = li.querySelector(".fulltext");
    if (panel) {
      panel.hidden = !panel.hidden;
      btn.setAttribute("aria-expanded", String(!panel.hidden));
      btn.textContent = panel.hidden ? "Open the article" : "Close the article";
      return;
    }
    var r = range(btn), t = articleText(btn.getAttribute("data-a"));
    panel = document.createElement("div");
    panel.className = "fulltext";
    panel.setAttribute("dir", "auto");
    panel.setAttribute("tabindex", "-1");
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "The whole article");
    var m = marked(panel, t, 0, r[1], r[2], t.length);
    btn.insertAdjacentElement("afterend", panel);
    btn.setAttribute("aria-expanded", "true");
    btn.textContent = "Close the article";
    panel.scrollTop = Math.max(0, m.offsetTop - panel.offsetTop - panel.clientHeight / 3);
  }

  // a ready suppression entry (html.py suppression_yaml builds the same text)
  function oneLine(s, n) {
    s = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").split(/\s+/).filter(Boolean).join(" ");
    return s.length <= n ? s : s.slice(0, n - 1) + "\u2026";
  }
  function suppressionYaml(id, label, code) {
    return "# claimcheck: accept this finding (if your file has suppressions: already, paste the entry only)\n" +
      "suppressions:\n" +
      "  - discrepancy: " + id + "   # " + oneLine(label, 90) + " (" + code + ")\n" +
      "    reason: \"\"   # required: why this finding is fine\n";
  }

  // ... to the clipboard; where the browser refuses, shown selected for Ctrl+C
  function copy(btn) {
    var id = btn.getAttribute("data-copy");
    var card = btn.closest(".card"), title = card ? card.querySelector(".card-title") : null;
    var yaml = suppressionYaml(id, title ? title.textContent : "", btn.getAttribute("data-code") || "");
    var pre = btn.parentNode.parentNode.querySelector("pre.yaml");
    if (!pre) {
      pre = document.createElement("pre");
      pre.className = "yaml";
      btn.parentNode.insertAdjacentElement("afterend", pre);
    }
    pre.textContent = yaml;
    pre.classList.add("shown");
    var said = btn.parentNode.querySelector(".copied");
    function done(ok) {
      if (said) said.textContent = ok ? "copied: paste it into a rules/*.yml file and fill in the reason"
                                      : "select the text below and copy it";
      if (!ok) {
        var sel = window.getSelection(), rg = document.createRange();
        rg.selectNodeContents(pre); sel.removeAllRanges(); sel.addRange(rg);
      }
    }
    function fallback() {
      var ta = document.createElement("textarea");
      ta.value = yaml; ta.setAttribute("readonly", ""); ta.style.position = "fixed"; ta.style.opacity = "0";
      document.body.appendChild(ta); ta.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(yaml).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button") : null;
    if (!b) return;
    if (b.classList.contains("open-art")) openArticle(b);
    else if (b.classList.contains("copy")) copy(b);
  });

  function visible() { return cards.filter(function (c) { return !c.hidden; }); }

  function apply() {
    var on = {};
    sev.forEach(function (b) { on[b.value] = b.checked; });
    var k = kind.value, a = art.value, s = story.value;
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length && text === null) text = cards.map(function (c) { return c.textContent.toLowerCase(); });
    var shown = 0;
    cards.forEach(function (c, i) {
      var d = c.dataset;
      var ok = (d.suppressed === "true" ? on.suppressed : on[d.severity] !== false) &&
        (!k || d.kind === k) && (!s || d.story === s) &&
        (!a || (" " + d.articles + " ").indexOf(" " + a + " ") >= 0) &&
        words.every(function (w) { return text[i].indexOf(w) >= 0; });
      c.hidden = !ok;
      if (ok) shown++;
    });
    // a story or an event with nothing left to show is hidden with its heading
    all("#findings .event, #findings .story").forEach(function (sec) {
      sec.hidden = !sec.querySelector(".card:not([hidden])");
    });
    count.textContent = shown + " of " + cards.length + " shown";
    none.hidden = shown > 0 || cards.length === 0;
  }

  function setOpen(open) {
    all(".card-d").forEach(function (d) { d.open = open; });
  }

  compactBtn.addEventListener("click", function () {
    var on = compactBtn.getAttribute("aria-pressed") !== "true";
    compactBtn.setAttribute("aria-pressed", String(on));
    findings.classList.toggle("compact", on);
    setOpen(!on);
  });
  expandBtn.addEventListener("click", function () {
    var open = expandBtn.textContent === "Open all";
    setOpen(open);
    expandBtn.textContent = open ? "Close all" : "Open all";
    if (open) { findings.classList.remove("compact"); compactBtn.setAttribute("aria-pressed", "false"); }
  });

  nav.addEventListener("input", apply);
  nav.addEventListener("change", apply);
  $("f-reset").addEventListener("click", function () {
    sev.forEach(function (b) { b.checked = true; });
    kind.value = ""; art.value = ""; story.value = ""; q.value = "";
    apply();
  });

  function step(dir) {
    var vis = visible();
    if (!vis.length) return;
    var cur = document.activeElement && document.activeElement.closest ? document.activeElement.closest(".card") : null;
    var i = cur ? vis.indexOf(cur) : -1;
    var next;
    if (i < 0) {
      // from nowhere: the first finding below the top of the window (or above it, going back)
      var top = getComputedStyle(nav).position === "sticky" ? nav.getBoundingClientRect().bottom : 0;
      next = dir > 0 ? vis.filter(function (c) { return c.getBoundingClientRect().top >= top; })[0] || vis[vis.length - 1]
                     : vis.filter(function (c) { return c.getBoundingClientRect().top < top; }).pop() || vis[0];
    } else {
      next = vis[Math.min(vis.length - 1, Math.max(0, i + dir))];
    }
    next.focus({ preventScroll: true });
    // scroll the finding to just below the filter bar (sticky on wide screens)
    var below = getComputedStyle(nav).position === "sticky" ? nav.getBoundingClientRect().height : 0;
    window.scrollTo(0, Math.max(0, next.getBoundingClientRect().top + window.scrollY - below - 8));
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var el = document.activeElement, t = el && el.tagName;
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(t || "");
    if (typing) {
      if (e.key === "Escape" && el === q) { q.blur(); }
      return;
    }
    var onCard = el && el.classList && el.classList.contains("card");
    if (e.key === "/") { e.preventDefault(); q.focus(); }
    else if (e.key === "j" || (onCard && e.key === "ArrowDown")) { e.preventDefault(); step(1); }
    else if (e.key === "k" || (onCard && e.key === "ArrowUp")) { e.preventDefault(); step(-1); }
    else if (onCard && (e.key === "o" || e.key === "Enter")) {
      e.preventDefault();
      var d = el.querySelector(".card-d");
      if (d) d.open = !d.open;
    }
  });
  window.addEventListener("beforeprint", function () {
    all("details").forEach(function (d) { d.open = true; });
  });
  // at load nothing is filtered unless the browser restored the form (a reload): skip the loop then
  if (sev.every(function (b) { return b.checked; }) && !kind.value && !art.value && !story.value && !q.value) {
    count.textContent = cards.length + " of " + cards.length + " shown";
  } else {
    apply();
  }
})();
