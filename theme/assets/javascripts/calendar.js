/* Filters for the tender calendar: our own script, no library, served from the site.
 *
 * The page lists every tender without JavaScript. This script shows the filter form, hides the
 * rows (and quarters) that do not match, keeps the choices in the URL so a view can be shared,
 * and announces the number of results in a status region. Search ignores case and accents as
 * the site search does: "hygiene" finds "hygiëne", "een" finds "één".
 *
 * Sorting by quarter (the default) keeps the quarter tables; any other sort moves the open
 * tenders into one list (#mvi-sorted) in that order, and back again. The quarter links and the
 * table of contents count what the filter shows and leave out the quarters it empties.
 * "Download this view" cuts the site's own CSV and .ics of all tenders (same origin) down to
 * the rows shown, so the file has exactly the site's columns and events; no server is asked.
 */
(function () {
  "use strict";
  var form = document.getElementById("mvi-filters");
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-tender]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-filter-group]"));
  var status = document.getElementById("mvi-filter-status");
  var sorted = document.getElementById("mvi-sorted");
  var quarterNav = document.querySelector(".mvi-quarters");
  var names = ["q", "category", "buyer", "theme", "level", "group", "instrument", "from", "to",
               "kind", "procedure", "eu", "status", "sme", "sort"];
  var timer = null;
  var arranged = null;  // the order the rows are in
  var texts = new Map();  // row -> its search text, folded once
  var homes = new Map();  // row -> the group (quarter or closed) it belongs to
  var bodies = new Map();  // row -> the table body it came in
  var MAX_NAME = 100;  // characters of a downloaded file's name before its extension

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
    if (s.group && d.group !== s.group) return false;
    if (s.instrument && d.instruments.split(" ").indexOf(s.instrument) < 0) return false;
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

  // --- Order -------------------------------------------------------------------------------

  // Smaller first; what is not known (no value, no Git history) is Infinity: last.
  function sortKey(row, how) {
    var value = Number(row.dataset.value) || 0;
    if (how === "value") return value ? -value : Infinity;
    if (how === "value-low") return value || Infinity;
    if (how === "updated") {
      var moment = Date.parse(row.dataset.updated);
      return isNaN(moment) ? Infinity : -moment;
    }
    return Number(row.dataset.order);
  }

  function compare(how) {
    return function (a, b) {
      // Infinity - Infinity is NaN, which falls through to calendar order as a tie does.
      return sortKey(a, how) - sortKey(b, how) || Number(a.dataset.order) - Number(b.dataset.order);
    };
  }

  // Whether a sort shows one list: the page names that list for each such sort.
  function across(how) {
    return Boolean(how && sorted && sorted.hasAttribute("data-title-" + how));
  }

  function isOpen(row) { return homes.get(row).id !== "group-closed"; }

  // Each row into its table, in the chosen order: one list of the open tenders, or the quarters.
  // Rows move only when the order changes, not at every letter typed in the search.
  function arrange(how) {
    var one = across(how);
    var title = one ? sorted.getAttribute("data-title-" + how) : "";
    if (how === arranged) return title;
    arranged = how;
    var list = one ? sorted.querySelector("tbody") : null;
    rows.slice().sort(compare(how)).forEach(function (row) {
      (one && isOpen(row) ? list : bodies.get(row)).appendChild(row);
    });
    if (one) {
      sorted.querySelector("h2").textContent = title;
      sorted.querySelector("caption").textContent = title;
      sorted.querySelector("[role=region]").setAttribute("aria-label", title);
    }
    return title;
  }

  // --- Counts ------------------------------------------------------------------------------

  // The table of contents entries (Material's) that jump to a group's heading.
  function tocLinks(group) {
    var anchor = group.getAttribute("aria-labelledby");
    return document.querySelectorAll('.md-nav--secondary a[href="#' + anchor + '"]');
  }

  function setCount(link, left) {
    var count = link.querySelector(".mvi-count");
    if (!count) {
      count = document.createElement("span");
      count.className = "mvi-count";
      (link.querySelector(".md-ellipsis") || link).appendChild(count);
    }
    count.textContent = " (" + left + ")";
  }

  function count(left, one) {
    groups.forEach(function (group) {
      var n = left.get(group) || 0;
      var gone = !n || (one && group.id !== "group-closed");
      group.hidden = gone;
      Array.prototype.forEach.call(tocLinks(group), function (link) {
        setCount(link, n);
        link.closest("li").hidden = gone;
      });
      var link = document.querySelector('[data-quarter-link="' + group.id.replace("group-", "") + '"]');
      if (!link) return;
      link.hidden = !n;
      link.querySelector(".mvi-count").textContent = "(" + n + ")";
    });
    if (quarterNav) quarterNav.hidden = one;
  }

  function apply(push) {
    var s = state();
    var shown = 0;
    var open = 0;
    var left = new Map();
    rows.forEach(function (row) {
      var ok = matches(row, s);
      row.hidden = !ok;
      if (!ok) return;
      shown += 1;
      if (isOpen(row)) open += 1;
      left.set(homes.get(row), (left.get(homes.get(row)) || 0) + 1);
    });
    var one = across(s.sort || "");
    var title = arrange(s.sort || "");
    count(left, one);
    if (sorted) sorted.hidden = !one || !open;
    var total = status.dataset.total;
    var text = shown
      ? status.dataset.some.replace("{n}", shown).replace("{total}", total)
      : status.dataset.none;
    // A new order changes no number: the status says which order, so it is announced too.
    status.textContent = one && shown ? text + ". " + title : text;
    if (push) {
      var query = new URLSearchParams(s).toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }
  }

  // --- Download this view ------------------------------------------------------------------

  var sources = new Map();  // address -> promise of the file's text, fetched once

  function fetchText(url) {
    if (!sources.has(url)) {
      sources.set(url, window.fetch(url, {credentials: "same-origin"}).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.text();
      }).catch(function (error) {
        sources.delete(url);  // a later click tries again
        throw error;
      }));
    }
    return sources.get(url);
  }

  function shownIds() {
    var visible = document.querySelectorAll("tr[data-tender]:not([hidden])");
    return Array.prototype.map.call(visible, function (row) { return row.dataset.tender; });
  }

  // Each record of an RFC 4180 text as written (quotes kept), without its line end.
  function csvRecords(text) {
    var out = [];
    var start = 0;
    var quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (c === '"') {
        quoted = !quoted;  // a doubled quote inside a field flips twice
      } else if (!quoted && (c === "\r" || c === "\n")) {
        out.push(text.slice(start, i));
        if (c === "\r" && text.charAt(i + 1) === "\n") i += 1;
        start = i + 1;
      }
    }
    if (start < text.length) out.push(text.slice(start));
    return out;
  }

  function firstField(record) {
    var quoted = /^"((?:[^"]|"")*)"/.exec(record);
    return quoted ? quoted[1].replace(/""/g, '"') : record.split(",")[0];
  }

  // The header, then the shown tenders' rows in the order shown.
  function viewCsv(text, ids) {
    var records = csvRecords(text);
    var byId = new Map();
    records.slice(1).forEach(function (record) { byId.set(firstField(record), record); });
    var out = [records[0]];
    ids.forEach(function (id) { if (byId.has(id)) out.push(byId.get(id)); });
    return out.join("\r\n") + "\r\n";
  }

  // The calendar's lines, then the events of the shown tenders (UID "<tender id>.<what>@host";
  // an id has no dot) in the order shown. Closed tenders have no events in the site's feeds.
  function viewIcs(text, ids) {
    var first = text.search(/BEGIN:VEVENT\r?\n/);
    var end = text.search(/END:VCALENDAR/);
    var head = text.slice(0, first < 0 ? end : first);
    var events = new Map();
    (text.match(/BEGIN:VEVENT\r?\n[\s\S]*?END:VEVENT\r?\n/g) || []).forEach(function (event) {
      var uid = /^UID:(.*)$/m.exec(event.replace(/\r?\n[ \t]/g, ""));
      var id = uid ? uid[1].split(".")[0] : "";
      events.set(id, (events.get(id) || "") + event);
    });
    return head + ids.map(function (id) { return events.get(id) || ""; }).join("") +
      "END:VCALENDAR\r\n";
  }

  function slug(text) {
    return fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function labelOf(name) {
    var label = form.querySelector('label[for="filter-' + name + '"]');
    return label ? label.textContent : name;
  }

  function quarterSlug(value) {
    var n = Number(value);
    return Math.floor(n / 4) + "-q" + (n % 4 + 1);
  }

  // What the filter chose, in words for a file name: "thema-klimaat-2027-q1".
  function filterWords(s) {
    var parts = [];
    names.forEach(function (name) {
      var value = s[name];
      if (!value || name === "sort" || name === "to" && s.from) return;
      if (name === "q") {
        parts.push(slug(value));
      } else if (name === "from") {
        var range = s.to && s.to !== value ? "-" + quarterSlug(s.to) : "";
        parts.push(s.to ? quarterSlug(value) + range : slug(labelOf(name)) + "-" + quarterSlug(value));
      } else if (name === "to") {
        parts.push(slug(labelOf(name)) + "-" + quarterSlug(value));
      } else if (name === "eu" || name === "sme") {  // yes/no: the choice's words say it
        var option = field(name).selectedOptions[0];
        parts.push(slug(labelOf(name) + " " + (option ? option.textContent : value)));
      } else {
        parts.push(slug(labelOf(name)) + "-" + slug(value));
      }
    });
    return parts.filter(Boolean);
  }

  // The site's file name with the filter added, cut at a word to at most MAX_NAME characters.
  function fileName(url, ext) {
    var stem = url.split("/").pop().replace(/\.[^.]*$/, "");
    var name = [stem].concat(filterWords(state())).join("-");
    if (name.length > MAX_NAME) {
      name = name.slice(0, MAX_NAME + 1);
      var cut = name.lastIndexOf("-");
      name = cut > stem.length ? name.slice(0, cut) : name.slice(0, MAX_NAME);
    }
    return name.replace(/-+$/, "") + "." + ext;
  }

  function save(name, type, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], {type: type}));
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function offerDownloads() {
    var box = document.getElementById("mvi-view-download");
    if (!box || !window.fetch || !window.Blob || !window.URL || !URL.createObjectURL) return;
    var kinds = {
      csv: {url: box.dataset.csv, type: "text/csv;charset=utf-8", cut: viewCsv},
      ics: {url: box.dataset.ics, type: "text/calendar;charset=utf-8", cut: viewIcs}
    };
    box.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-download]");
      if (!button) return;
      var kind = kinds[button.dataset.download];
      var ids = shownIds();
      var name = fileName(kinds.csv.url, button.dataset.download);
      button.disabled = true;
      fetchText(kind.url).then(function (text) {
        save(name, kind.type, kind.cut(text, ids));
      }).catch(function () {
        status.textContent = box.dataset.failed;
      }).then(function () {
        button.disabled = false;
      });
    });
    box.hidden = false;
  }

  // --- Start -------------------------------------------------------------------------------

  rows.forEach(function (row, i) {
    row.dataset.order = i;
    texts.set(row, fold(row.dataset.text));
    homes.set(row, row.closest("[data-filter-group]"));
    bodies.set(row, row.parentNode);
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
  offerDownloads();
  apply(false);
})();
