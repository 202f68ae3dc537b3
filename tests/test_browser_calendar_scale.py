"""The calendar at scale in Chromium: 300 synthetic tenders with long titles and every status.

Sorting other than by quarter shows one list across the quarters; the quarter links and the
table of contents count what the filter shows; "download this view" gives the site's own CSV
rows and .ics events of exactly the rows shown. Expected rows come from the data, not the page.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from browser_support import SIZES, Tab, describe
from conftest import TODAY, build_into
from headless import read_headers_file, serve

from generator.base import i18n
from generator.base.i18n import Lang
from generator.base.urls import download_url, feed_url, record_url, section_url
from generator.editors.synth import synthesise
from generator.models import Tender
from generator.models.tender import OPEN_STATUSES
from generator.validate import validate_data

ROOT = Path(__file__).resolve().parent.parent
VISIBLE = "tr[data-tender]:visible"
STEM = {"nl": "aanbestedingskalender", "en": "tender-calendar"}


@pytest.fixture(scope="module")
def scale(tmp_path_factory: pytest.TempPathFactory, chart_cache: Path) -> Iterator[tuple]:
    """300 synthetic tenders, their site built once and served with its policy; the tenders."""
    folder = tmp_path_factory.mktemp("scale") / "data"
    synthesise(ROOT / "data", folder, 300, long_titles=True)
    data, report = validate_data(folder, dt.date.fromisoformat(TODAY))
    assert report.ok()
    site = build_into(folder.parent / "site", data=folder, cache=chart_cache)
    with serve(site, read_headers_file(site)) as url:
        yield url, site, list(data.tenders.values())


def _quarter(tender: Tender) -> int:
    """The quarter number the page's rows carry (data-quarter): year * 4 + quarter - 1."""
    start = tender.expected_publication.start
    return start.year * 4 + (start.month - 1) // 3


def _anchor(tender: Tender) -> str:
    """The heading id of the group a tender is listed under: its quarter, or the closed ones."""
    if tender.status not in OPEN_STATUSES:
        return "closed"
    start = tender.expected_publication.start
    return f"q-{start.year}-{(start.month - 1) // 3 + 1}"


def _open(chromium, url: str, device: str = "desktop", **options):
    context = chromium.new_context(viewport=SIZES[device], accept_downloads=True, **options)
    page = context.new_page()
    page.goto(url)
    return context, page


def _rows(page, where: str = VISIBLE) -> list[dict]:
    return page.locator(where).evaluate_all(
        "rows => rows.map(r => ({id: r.dataset.tender, value: r.dataset.value,"
        " quarter: Number(r.dataset.quarter), order: Number(r.dataset.order),"
        " group: r.closest('section').id}))"
    )


def _values(rows: list[dict]) -> list[int | None]:
    return [int(r["value"]) if r["value"] else None for r in rows]


def _until(page, check, what: str) -> None:
    """Poll from here (the policy forbids the eval'd checks of Playwright's wait_for_function)."""
    for _ in range(60):
        if check():
            return
        page.wait_for_timeout(50)
    raise AssertionError(what)


@pytest.mark.parametrize(
    ("lang", "how", "device"), [("nl", "value", "desktop"), ("en", "value-low", "phone")]
)
def test_a_sort_not_by_quarter_is_one_list_across_the_quarters(
    chromium, scale, lang: Lang, how: str, device: str
) -> None:
    base, _, tenders = scale
    open_tenders = {t.id: t for t in tenders if t.status in OPEN_STATUSES}
    context, page = _open(chromium, base + section_url("calendar", lang) + f"?sort={how}", device)
    listed = _rows(page)
    in_list = [r for r in listed if r["group"] == "mvi-sorted"]
    assert {r["id"] for r in in_list} == set(open_tenders), "every open tender, in one list"
    assert {r["group"] for r in listed} == {"mvi-sorted", "group-closed"}
    assert page.locator("[data-filter-group]:visible").evaluate_all("g => g.map(x => x.id)") == [
        "group-closed"
    ], "the quarter tables are hidden"
    assert not page.locator(".mvi-quarters").is_visible()

    values = _values(in_list)
    known = [v for v in values if v is not None]
    assert values == known + [None] * (len(values) - len(known)), "no value: last"
    assert known == sorted(known, reverse=how == "value"), "monotonic over the whole list"
    expected = [
        open_tenders[r["id"]].estimated_value.max if open_tenders[r["id"]].estimated_value else None
        for r in in_list
    ]
    assert values == expected, "data-value is the estimate's maximum"
    quarters = [r["quarter"] for r in in_list]
    assert len(set(quarters)) > 4 and quarters != sorted(quarters), "across the quarters"

    title = i18n.t(f"calendar.sorted.{how}", lang)
    assert page.locator("#mvi-sorted h2").inner_text() == title
    assert page.locator("#mvi-sorted caption").text_content() == title
    assert page.locator("#mvi-sorted [role=region]").get_attribute("aria-label") == title
    count = i18n.t("filter.count", lang, n=len(tenders), total=len(tenders))
    assert page.locator("#mvi-filter-status").inner_text() == f"{count}. {title}"

    assert page.locator("#filter-sort").is_visible(), "a shared link shows its choices"
    page.select_option("#filter-sort", "")
    assert "sort=" not in page.url
    assert not page.locator("#mvi-sorted").is_visible()
    assert page.locator(".mvi-quarters").is_visible()
    back = _rows(page)
    assert {r["id"] for r in back} == {t.id for t in tenders}
    by_id = {t.id: t for t in tenders}
    assert all(row["group"] == "group-" + _anchor(by_id[row["id"]]) for row in back)
    for group in {r["group"] for r in back}:
        orders = [r["order"] for r in back if r["group"] == group]
        assert orders == sorted(orders), f"{group}: back in calendar order"
    assert page.locator("#mvi-filter-status").inner_text() == count
    context.close()


def test_a_filtered_sorted_list_holds_exactly_the_matching_open_tenders(chromium, scale) -> None:
    base, _, tenders = scale
    theme = Counter(th for t in tenders for th in t.themes).most_common(1)[0][0]
    expected = {t.id for t in tenders if theme in t.themes and t.status in OPEN_STATUSES}
    closed = {t.id for t in tenders if theme in t.themes and t.status not in OPEN_STATUSES}
    url = base + section_url("calendar", "nl") + f"?theme={theme}&sort=value"
    context, page = _open(chromium, url)
    listed = _rows(page)
    assert {r["id"] for r in listed if r["group"] == "mvi-sorted"} == expected
    assert {r["id"] for r in listed if r["group"] == "group-closed"} == closed
    known = [v for v in _values([r for r in listed if r["group"] == "mvi-sorted"]) if v]
    assert known == sorted(known, reverse=True)
    context.close()


def _emptying_category(tenders: list[Tender]) -> tuple[str, Counter]:
    """A category whose tenders leave some quarters (with open tenders) empty."""
    quarters = {_anchor(t) for t in tenders}
    for category in sorted({t.category for t in tenders if t.category}):
        per = Counter(_anchor(t) for t in tenders if t.category == category)
        if 2 <= len(per) < len(quarters) - 1:
            return category, per
    raise AssertionError("the synthetic data should have a category missing from some quarters")


def _quarter_links(page) -> dict[str, str]:
    return dict(
        page.locator("[data-quarter-link]:visible").evaluate_all(
            "items => items.map(i => [i.dataset.quarterLink,"
            " i.querySelector('.mvi-count').textContent])"
        )
    )


def _toc(page) -> dict[str, str]:
    """The visible table of contents entries with a count: anchor -> count text."""
    return dict(
        page.locator(".md-sidebar--secondary a.md-nav__link:visible").evaluate_all(
            "links => links.filter(a => a.querySelector('.mvi-count'))"
            " .map(a => [a.hash.slice(1), a.querySelector('.mvi-count').textContent.trim()])"
        )
    )


def test_quarter_links_and_table_of_contents_follow_the_filter(chromium, scale) -> None:
    base, _, tenders = scale
    everything = Counter(_anchor(t) for t in tenders)
    category, per = _emptying_category(tenders)
    context, page = _open(chromium, base + section_url("calendar", "en"))
    assert page.locator(".md-sidebar--secondary").is_visible(), "the desktop shows the contents"
    quarters_all = {a: f"({n})" for a, n in everything.items() if a != "closed"}
    assert _quarter_links(page) == quarters_all
    assert _toc(page) == {a: f"({n})" for a, n in everything.items()}

    page.click("#mvi-filter-more > summary")
    page.select_option("#filter-category", category)
    shown = {a: f"({n})" for a, n in per.items()}
    assert _quarter_links(page) == {a: c for a, c in shown.items() if a != "closed"}
    assert _toc(page) == shown, "counts of what is shown; emptied quarters left out"
    emptied = set(everything) - set(per)
    assert emptied
    for anchor in emptied:
        entry = page.locator(f'.md-sidebar--secondary a[href="#{anchor}"]')
        assert entry.count() == 1 and not entry.is_visible(), anchor

    page.select_option("#filter-sort", "value")  # one list: the quarters leave the contents
    assert set(_toc(page)) <= {"closed"}
    assert not page.locator(".mvi-quarters").is_visible()

    page.click("#mvi-filters button[type=reset]")
    _until(page, lambda: "?" not in page.url, f"the filters stayed in the URL: {page.url}")
    assert _quarter_links(page) == quarters_all, "clearing brings every quarter back"
    assert _toc(page) == {a: f"({n})" for a, n in everything.items()}
    context.close()


def _small_view(tenders: list[Tender]) -> tuple[str, int, set[str]]:
    """A theme and a quarter that together leave a handful of tenders, open and closed."""
    for theme in sorted({th for t in tenders for th in t.themes}):
        for quarter in sorted({_quarter(t) for t in tenders}):
            chosen = [t for t in tenders if theme in t.themes and _quarter(t) == quarter]
            statuses = {t.status in OPEN_STATUSES for t in chosen}
            if 3 <= len(chosen) <= 8 and statuses == {True, False}:
                return theme, quarter, {t.id for t in chosen}
    raise AssertionError("the synthetic data should have a small view with open and closed rows")


def _download(page, selector: str):
    with page.expect_download() as info:
        page.click(selector)
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_download_this_view_holds_exactly_the_rows_shown(chromium, scale, lang: Lang) -> None:
    from icalendar import Calendar

    base, site, tenders = scale
    theme, quarter, expected = _small_view(tenders)
    open_ids = {t.id for t in tenders if t.id in expected and t.status in OPEN_STATUSES}
    query = f"?theme={theme}&from={quarter}&to={quarter}" + ("&sort=value" if lang == "nl" else "")
    context, page = _open(chromium, base + section_url("calendar", lang) + query)
    shown = [r["id"] for r in _rows(page)]
    assert set(shown) == expected
    assert page.locator("#mvi-view-download").is_visible()
    label = i18n.t("tender.theme", lang).lower()
    name = f"{STEM[lang]}-{label}-{theme}-{quarter // 4}-q{quarter % 4 + 1}"

    filename, content = _download(page, "#mvi-view-download button[data-download=csv]")
    assert filename == name + ".csv"
    site_csv = (site / download_url("all", None, "csv", lang)).read_bytes()
    site_lines = site_csv.decode("utf-8").split("\r\n")
    records = list(csv.reader(io.StringIO(site_csv.decode(), newline="")))
    assert len(site_lines) - 1 == len(records), "one line per record: lines can be compared"
    by_id = {line.split(",", 1)[0]: line for line in site_lines[1:] if line}
    assert content == ("\r\n".join([site_lines[0]] + [by_id[i] for i in shown]) + "\r\n").encode()
    parsed = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    site_rows = {row[0]: row for row in records}
    assert parsed[0] == site_rows[parsed[0][0]], "the site's header"
    assert [row[0] for row in parsed[1:]] == shown, "the rows shown, in the order shown"
    assert all(row == site_rows[row[0]] for row in parsed[1:]), "each row as the site writes it"

    filename, content = _download(page, "#mvi-view-download button[data-download=ics]")
    assert filename == name + ".ics"
    view = Calendar.from_ical(content)
    whole = Calendar.from_ical((site / feed_url("all", None, lang, "ics")).read_bytes())
    events = list(view.walk("VEVENT"))
    assert {str(e["UID"]).split(".")[0] for e in events} == open_ids, "closed ones have none"
    originals = {str(e["UID"]): e.to_ical() for e in whole.walk("VEVENT")}
    assert all(e.to_ical() == originals[str(e["UID"])] for e in events)
    assert len(events) == sum(1 for uid in originals if uid.split(".")[0] in open_ids)
    assert view["X-WR-CALNAME"] == whole["X-WR-CALNAME"]
    context.close()


def _slug(text: str) -> str:
    """What the script makes of text in a file name: no accents, lower case, words and '-'."""
    folded = re.sub(r"[\u0300-\u036f]", "", unicodedata.normalize("NFD", text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def test_a_long_search_makes_a_bounded_file_name(chromium, scale) -> None:
    base, _, tenders = scale
    accented = [t for t in tenders if re.search(r"[^\x00-\x7f]", t.title.get("en"))]
    target = max(accented, key=lambda t: len(t.title.get("en")))
    title = target.title.get("en")
    assert len(title) > 120
    eu = "yes" if target.above_eu_threshold else "no"
    url = base + section_url("calendar", "en") + f"?q={quote(title)}&eu={eu}"
    context, page = _open(chromium, url)
    shown = [r["id"] for r in _rows(page)]
    assert target.id in shown
    filename, content = _download(page, "#mvi-view-download button[data-download=csv]")
    stem = filename.removesuffix(".csv")
    assert filename.endswith(".csv") and 80 < len(stem) <= 100, filename
    choice = i18n.t("filter.eu.above" if eu == "yes" else "filter.eu.below", "en")
    full = "-".join([STEM["en"], _slug(title), _slug(i18n.t("filter.eu", "en") + " " + choice)])
    assert full.startswith(stem) and full[len(stem)] == "-", "cut between words"
    keys = [row[0] for row in csv.reader(io.StringIO(content.decode(), newline=""))][1:]
    assert keys == shown
    context.close()


def test_without_javascript_no_list_and_no_download(chromium, scale) -> None:
    base, _, tenders = scale
    url = base + section_url("calendar", "nl") + "?sort=value"
    context, page = _open(chromium, url, "phone", java_script_enabled=False)
    assert not page.locator("#mvi-sorted").is_visible()
    assert not page.locator("#mvi-view-download button").first.is_visible()
    rows = _rows(page)
    assert {r["id"] for r in rows} == {t.id for t in tenders}
    assert all(r["group"] != "mvi-sorted" for r in rows), "every tender in its quarter"
    context.close()


@pytest.mark.parametrize("device", list(SIZES))
def test_sorted_and_filtered_views_pass_axe_and_fit_320_px(chromium, scale, device: str) -> None:
    base, _, tenders = scale
    category, _ = _emptying_category(tenders)
    context = chromium.new_context(
        viewport=SIZES[device], is_mobile=device == "phone", has_touch=device == "phone"
    )
    tab = Tab(context, base)
    found = {}
    for lang in ("nl", "en"):
        for query in ("?sort=value", f"?category={category}&sort=updated", f"?category={category}"):
            url = section_url("calendar", lang) + query
            tab.open(url)
            if violations := tab.axe():
                found[url] = violations
    context.close()
    assert found == {}, describe(found)
    context = chromium.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.goto(base + section_url("calendar", "nl") + "?sort=value")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


# --- Layout: long titles wrap between words (or at soft hyphens), columns are never cut -------

LAYOUT = r"""() => {
  const out = {clipped: [], broken: []};
  for (const wrap of document.querySelectorAll('.mvi-table-wrap')) {
    const table = wrap.querySelector('table');
    if (wrap.offsetParent === null || !table) continue;
    if (table.offsetWidth > wrap.clientWidth + 1)
      out.clipped.push(`${table.className}: ${table.offsetWidth} > ${wrap.clientWidth} px`);
  }
  // A word is broken inside when two of its letters stand on different lines with no soft
  // hyphen between them (a break at a soft hyphen is hyphenation, shown with its hyphen).
  const range = document.createRange();
  const top = (node, i) => {
    range.setStart(node, i); range.setEnd(node, i + 1);
    const rects = [...range.getClientRects()].filter(r => r.width > 0);
    return rects.length ? Math.round(rects[rects.length - 1].top) : null;
  };
  const content = document.querySelector('.md-content');
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const cell = node.parentElement;
    if (!cell.closest('table.mvi-table') || cell.closest('.mvi-visually-hidden')) continue;
    if (cell.closest('[hidden]') || cell.offsetParent === null) continue;
    const words = /[^\s\u2013\u2014-]+/g;
    let word;
    while ((word = words.exec(node.data))) {
      let before = null, soft = false;
      for (let i = word.index; i < word.index + word[0].length; i++) {
        if (node.data[i] === '\u00ad') { soft = true; continue; }
        const here = top(node, i);
        if (before !== null && here !== null && here > before + 2 && !soft) {
          out.broken.push(word[0].replaceAll('\u00ad', '')); break;
        }
        if (here !== null) { before = here; soft = false; }
      }
    }
  }
  return out;
}"""
PAGES_WITH_TABLES = [
    "calendar",
    "home",
    "category",
    "organisation",
    "forecast",
    "subscribe",
    "open-data",
]


def _page_url(scale, which: str, lang: Lang) -> str:
    base, _, tenders = scale
    if which in ("calendar", "forecast", "subscribe", "open-data"):
        return base + section_url(which, lang)
    if which == "home":
        return base + ("" if lang == "nl" else "en/")
    busiest = Counter(t.category if which == "category" else t.buyer for t in tenders)
    kind = "category-plan" if which == "category" else "organisation"

    return base + record_url(kind, busiest.most_common(1)[0][0], lang)


@pytest.mark.parametrize("width", [1024, 1280])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_column_is_cut_and_no_word_broken_inside(chromium, scale, width: int, lang) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {}
    for which in PAGES_WITH_TABLES:
        page.goto(_page_url(scale, which, lang))
        found = page.evaluate(LAYOUT)
        if found["clipped"] or found["broken"]:
            problems[which] = {k: v[:5] for k, v in found.items() if v}
    # The check can fail: with words allowed to break anywhere it finds them.
    page.goto(_page_url(scale, "calendar", lang))
    page.evaluate(  # through the CSSOM: the policy refuses a style element
        "() => document.querySelectorAll('table.mvi-table td, table.mvi-table a')"
        ".forEach(cell => { cell.style.wordBreak = 'break-all'; })"
    )
    assert page.evaluate(LAYOUT)["broken"], "the check finds a word broken inside"
    context.close()
    assert problems == {}


# --- Search the way people type -----------------------------------------------------------


def _matches(page, query: str) -> set[str]:
    page.fill("#filter-q", query)
    page.wait_for_timeout(400)
    return {r["id"] for r in _rows(page)}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_search_without_accents_finds_what_the_accented_one_finds(chromium, scale, lang) -> None:
    base, _, tenders = scale
    context, page = _open(chromium, base + section_url("calendar", lang))
    for accented, plain in (("hygiëne", "hygiene"), ("één", "een"), ("coördinatie", "COORDINATIE")):
        found = _matches(page, accented)
        written = {t.id for t in tenders if accented in t.title.get(lang).lower()}
        assert written and written <= found, accented
        assert _matches(page, plain) >= found, f"{plain!r} finds every {accented!r}"
    context.close()


# --- Subscriptions ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_subscriptions_page_lists_every_feed(chromium, scale, lang: Lang) -> None:
    base, site, _ = scale
    folder = site / section_url("subscribe", lang)
    feeds = {p.name for p in folder.iterdir() if p.suffix in (".ics", ".atom")}
    context, page = _open(chromium, base + section_url("subscribe", lang))
    hrefs = page.locator("main a[href$='.ics'], main a[href$='.atom']").evaluate_all(
        "links => links.map(a => a.getAttribute('href').split('/').pop())"
    )
    assert len(feeds) > 40 and set(hrefs) == feeds
    assert page.locator("#how").is_visible()
    context.close()
