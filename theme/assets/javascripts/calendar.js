/* Filters for the tender calendar: our own script, no library, served from the site.
 *
 * The page lists every tender without JavaScript. This script shows the filter form, hides the
 * rows (and quarters) that do not match, keeps the choices in the URL so a view can be shared,
 * announces the number of results in a status region and sorts rows within each quarter.
 * Search ignores case and accents as the site search does: "hygiene" finds "hygiëne", "een"
 * finds "één". The quarter links count what the filter shows.
 */
(function () {
  "use strict";
  var form = document.getElementById("mvi-filters");
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-tender]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-filter-group]"));
  var status = document.getElementById("mvi-filter-status");
  var names = ["q", "category", "buyer", "theme", "level", "from", "to", "kind", "procedure",
               "eu", "status", "sme", "sort"];
  var timer = null;
  var texts = new Map();  // row -> its search text, folded once

  // Lower case without accents: NFD splits "ë" into "e" and a combining mark, which goes.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function field(name) { return form.elements.namedItem(name); }

  function state() {
    var out = {};
    names.forEach(function (name) {
      var value = field(name).value.trim();
      if (value) out[name] = value;
    });
    return out;
  }

  function matches(row, s) {
    var d = row.dataset;
    if (s.category && d.category !== s.category) return false;
    if (s.buyer && d.buyer !== s.buyer) return false;
    if (s.theme && d.themes.split(" ").indexOf(s.theme) < 0) return false;
    if (s.level && d.levels.split(" ").indexOf(s.level) < 0) return false;
    if (s.from && Number(d.quarter) < Number(s.from)) return false;
    if (s.to && Number(d.quarter) > Number(s.to)) return false;
    if (s.kind && d.kind !== s.kind) return false;
    if (s.procedure && d.procedure !== s.procedure) return false;
    if (s.eu && d.eu !== s.eu) return false;
    if (s.status && d.status !== s.status) return false;
    if (s.sme && d.sme !== s.sme) return false;
    if (s.q) {
      var words = fold(s.q).split(/\s+/);
      var text = texts.get(row);
      for (var i = 0; i < words.length; i++) {
        if (text.indexOf(words[i]) < 0) return false;
      }
    }
    return true;
  }

  function sortKey(row, how) {
    if (how === "value") return -(Number(row.dataset.value) || -1);
    // A tender whose last change is not known (no Git history) goes last, in calendar order.
    if (how === "updated") return -(Date.parse(row.dataset.updated) || 0);
    return Number(row.dataset.order);
  }

  function sortRows(how) {
    Array.prototype.forEach.call(document.querySelectorAll("tbody"), function (body) {
      var own = Array.prototype.filter.call(body.children, function (r) { return r.dataset.tender; });
      if (!own.length) return;
      own.sort(function (a, b) { return sortKey(a, how) - sortKey(b, how); });
      own.forEach(function (r) { body.appendChild(r); });
    });
  }

  function apply(push) {
    var s = state();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, s);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (group) {
      var left = group.querySelectorAll("tr[data-tender]:not([hidden])").length;
      group.hidden = !left;
      var link = document.querySelector('[data-quarter-link="' + group.id.replace("group-", "") + '"]');
      if (!link) return;
      link.hidden = !left;
      var count = link.querySelector(".mvi-count");
      if (count) count.textContent = "(" + left + ")";
    });
    sortRows(s.sort || "");
    var total = status.dataset.total;
    status.textContent = shown
      ? status.dataset.some.replace("{n}", shown).replace("{total}", total)
      : status.dataset.none;
    if (push) {
      var query = new URLSearchParams(s).toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }
  }

  rows.forEach(function (row, i) {
    row.dataset.order = i;
    texts.set(row, fold(row.dataset.text));
  });
  var params = new URLSearchParams(window.location.search);
  names.forEach(function (name) {
    var value = params.get(name);
    var control = field(name);
    if (value === null) return;
    if (control.tagName === "SELECT") {
      var known = Array.prototype.some.call(control.options, function (o) { return o.value === value; });
      if (!known) return;  // a stale or mistyped link: ignore that choice, keep the others
    }
    control.value = value;
  });
  var more = document.getElementById("mvi-filter-more");
  if (more && names.some(function (name) { return name !== "q" && field(name).value; })) {
    more.open = true;  // a shared link with filters shows them
  }
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { apply(true); }, 150);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { apply(true); field("q").focus(); }, 0);
  });
  apply(false);
})();
