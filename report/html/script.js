// tollgate HTML report: filters, sorting and pages for the findings table.
// Without this script the table is complete and plain; with it, rows are
// shown a page at a time. It reads the page (the rows' cells) and a JSON
// data block, and never writes markup from strings: every text it adds
// goes through textContent or a clone of existing nodes.
//
// It runs in the head: the "js" class it sets makes the style sheet hide
// the rows past the first page while the page loads, so that the browser
// never lays out thousands of rows only to hide them; "paged" (set once
// the rows have their hidden attributes, or if anything fails) lifts that.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    try { init(); } finally { root.classList.add("paged"); }
  });

  function init() {
    var table = document.getElementById("table");
    if (!table) { return; }
    var config = JSON.parse(document.getElementById("tg-config").textContent);
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    // What the filters and sorting read, taken once from the cells:
    // severity, scanner, rule, location, finding, status.
    var meta = new Map();
    rows.forEach(function (r, i) {
      meta.set(r, { index: i, sev: r.cells[0].textContent, scanner: r.cells[1].textContent,
        status: r.cells[5].textContent.split(" "), text: null });
    });
    var form = document.getElementById("filters");
    var sev = document.getElementById("f-sev");
    var scn = document.getElementById("f-scanner");
    var st = document.getElementById("f-status");
    var text = document.getElementById("f-text");
    var count = document.getElementById("f-count");
    var pager = document.getElementById("pager");
    var info = document.getElementById("p-info");
    var prev = document.getElementById("p-prev");
    var next = document.getElementById("p-next");
    var size = config.pageSize > 0 ? config.pageSize : 100;
    var page = 0;
    var matched = rows;

    function rowText(r) {
      var m = meta.get(r);
      if (m.text === null) { m.text = r.textContent.toLowerCase(); }
      return m.text;
    }

    function matches(r) {
      var m = meta.get(r);
      if (sev.value && m.sev !== sev.value) { return false; }
      if (scn.value && m.scanner !== scn.value) { return false; }
      if (st.value && m.status.indexOf(st.value) < 0) { return false; }
      var q = text.value.trim().toLowerCase();
      if (q) {
        var words = q.split(/\s+/);
        var t = rowText(r);
        for (var k = 0; k < words.length; k++) {
          if (t.indexOf(words[k]) < 0) { return false; }
        }
      }
      return true;
    }

    function show() {
      var pages = Math.max(1, Math.ceil(matched.length / size));
      page = Math.min(Math.max(page, 0), pages - 1);
      var from = page * size, to = Math.min(from + size, matched.length);
      var visible = new Set(matched.slice(from, to));
      rows.forEach(function (r) {
        var hide = !visible.has(r);
        if (r.hidden !== hide) { r.hidden = hide; }
      });
      count.textContent = matched.length === rows.length ?
        rows.length + " findings" : matched.length + " of " + rows.length + " findings match";
      pager.hidden = matched.length <= size;
      info.textContent = matched.length ? "rows " + (from + 1) + "–" + to + " of " + matched.length : "no rows";
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }

    function apply() {
      matched = rows.filter(matches);
      page = 0;
      show();
    }

    // Sorting: a button in each column head; a second click reverses.
    var keys = {
      rank: function (r) { return -(config.ranks[meta.get(r).sev] || 0); },
      scanner: function (r) { return r.cells[1].textContent; },
      rule: function (r) { return r.cells[2].textContent; },
      loc: function (r) { return r.cells[3].textContent; },
      title: function (r) { return r.cells[4].querySelector("summary").textContent; },
      status: function (r) { return r.cells[5].textContent; }
    };
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th) {
      var key = keys[th.dataset.key];
      if (!key) { return; }
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var vals = rows.map(key);
        var order = rows.map(function (r, i) { return i; });
        order.sort(function (a, b) {
          var x = vals[a], y = vals[b];
          var c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
          return c !== 0 ? dir * c : meta.get(rows[a]).index - meta.get(rows[b]).index;
        });
        rows = order.map(function (i) { return rows[i]; });
        var frag = document.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(r); });
        tbody.appendChild(frag);
        matched = rows.filter(matches);
        show();
      });
    });

    // A finding's rule details (description, remediation, references) are
    // written once per rule, under "Rule details", and the rule cell links
    // there; opening a finding copies them in.
    tbody.addEventListener("toggle", function (e) {
      var d = e.target;
      if (!d.open || d.dataset.filled) { return; }
      d.dataset.filled = "1";
      var a = d.closest("tr").cells[2].querySelector("a");
      var g = a ? document.getElementById(a.getAttribute("href").slice(1)) : null;
      if (!g) { return; }
      var body = g.querySelector(".gbody");
      if (!body) { return; }
      var copy = body.cloneNode(true);
      copy.className = "inline-rule";
      d.appendChild(copy);
    }, true);

    // A link to a finding (#f12) shows it even when filters or pages hide it.
    function reveal() {
      var id = decodeURIComponent(location.hash.slice(1));
      var r = id ? document.getElementById(id) : null;
      if (!r || r.parentNode !== tbody) { return; }
      if (!r.hidden) { r.querySelector("details").open = true; return; }
      sev.value = ""; scn.value = ""; st.value = ""; text.value = "";
      matched = rows;
      page = Math.floor(rows.indexOf(r) / size);
      show();
      r.querySelector("details").open = true;
      r.scrollIntoView();
    }

    var timer = 0;
    text.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    });
    [sev, scn, st].forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    prev.addEventListener("click", function () { page--; show(); });
    next.addEventListener("click", function () { page++; show(); });
    window.addEventListener("hashchange", reveal);
    // A second click on the same link changes no hash: reveal anyway.
    document.addEventListener("click", function (e) {
      var a = e.target.closest ? e.target.closest("a") : null;
      if (a && a.getAttribute("href") === location.hash) { setTimeout(reveal, 0); }
    });
    form.hidden = false;
    apply();
    reveal();
  }
})();
