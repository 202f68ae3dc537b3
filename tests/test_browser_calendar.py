"""The calendar's filters in Chromium: filter, share the URL, clear; keyboard only; no script.

The expected rows are computed here from the data, not read from the page, so a filter that
shows the wrong tenders fails.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from browser_support import SIZES

from generator.base.urls import section_url

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
VISIBLE = "tr[data-tender]:visible"


@pytest.fixture(scope="module")
def tenders(example_data):
    return list(example_data.tenders.values())


def _shown(page) -> set[str]:
    return set(page.locator(VISIBLE).evaluate_all("rows => rows.map(r => r.dataset.tender)"))


def _until_cleared(page) -> None:
    """Wait for the reset to reach the URL (polled from here: the CSP forbids eval'd checks)."""
    for _ in range(40):
        if "?" not in page.url:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"the filters stayed in the URL: {page.url}")


def _pick(tenders) -> tuple[str, str, set[str]]:
    """A category and a theme that together select some tenders, but not all of the category."""
    for category in sorted({t.category for t in tenders if t.category}):
        in_category = [t for t in tenders if t.category == category]
        for theme in sorted({th for t in in_category for th in t.themes}):
            both = {t.id for t in in_category if theme in t.themes}
            if 0 < len(both) < len(in_category):
                return category, theme, both
    raise AssertionError("the example data should have a category with mixed themes")


def test_filter_share_reload_and_clear(chromium, base_url: str, tenders) -> None:
    category, theme, expected = _pick(tenders)
    context = chromium.new_context(viewport=SIZES["desktop"])
    page = context.new_page()
    page.goto(base_url + section_url("calendar", "en"))
    assert page.locator("#mvi-filters").is_visible()
    assert _shown(page) == {t.id for t in tenders}
    assert not page.locator("#filter-category").is_visible(), "folded away until asked for"

    page.click("#mvi-filter-more > summary")
    page.select_option("#filter-category", category)
    page.select_option("#filter-theme", theme)
    assert _shown(page) == expected
    assert f"category={category}" in page.url and f"theme={theme}" in page.url
    status = page.locator("#mvi-filter-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == f"{len(expected)} of {len(tenders)} tenders"

    shared = page.url
    page.goto("about:blank")
    page.goto(shared)  # what a colleague sees who opens the shared link
    assert _shown(page) == expected
    assert page.locator("#filter-category").is_visible(), "a shared link shows its filters"
    assert page.locator("#filter-category").input_value() == category

    page.click("#mvi-filters button[type=reset]")
    _until_cleared(page)
    assert _shown(page) == {t.id for t in tenders}
    assert status.inner_text() == f"{len(tenders)} of {len(tenders)} tenders"
    context.close()


def test_search_and_quarter_range(chromium, base_url: str, tenders) -> None:
    target = sorted(tenders, key=lambda t: t.id)[0]
    word = max(target.title.get("nl").split(), key=len).lower()
    expected = {t.id for t in tenders if word in t.title.get("nl").lower()}
    start = target.expected_publication.start
    quarter = start.year * 4 + (start.month - 1) // 3
    context = chromium.new_context(viewport=SIZES["phone"])
    page = context.new_page()
    page.goto(base_url + section_url("calendar", "nl") + f"?from={quarter}&to={quarter}")
    in_quarter = {
        t.id
        for t in tenders
        if t.expected_publication.start.year * 4 + (t.expected_publication.start.month - 1) // 3
        == quarter
    }
    assert _shown(page) == in_quarter
    page.goto(base_url + section_url("calendar", "nl") + "?category=does-not-exist&q=" + word)
    assert _shown(page) >= expected, "an unknown choice in a link is ignored, the rest applies"
    assert target.id in _shown(page)
    context.close()


def test_filters_work_from_the_keyboard(chromium, base_url: str, tenders) -> None:
    context = chromium.new_context(viewport=SIZES["desktop"])
    page = context.new_page()
    page.goto(base_url + section_url("calendar", "en"))
    page.focus("#filter-q")
    page.keyboard.press("Tab")  # to "more filters", which Enter unfolds
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-category"
    page.keyboard.press("ArrowDown")  # a closed select changes its choice with the arrow keys
    chosen = page.locator("#filter-category").input_value()
    assert chosen
    assert _shown(page) == {t.id for t in tenders if t.category == chosen}
    for _ in range(30):  # on to the reset button, which Enter activates
        if page.evaluate("document.activeElement.type") == "reset":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    _until_cleared(page)
    assert _shown(page) == {t.id for t in tenders}
    assert page.evaluate("document.activeElement.id") == "filter-q", "focus returns to the form"
    context.close()


def test_without_javascript_every_tender_is_listed(chromium, base_url: str, tenders) -> None:
    context = chromium.new_context(viewport=SIZES["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + section_url("calendar", "nl") + "?category=logistiek")
    assert not page.locator("#mvi-filters").is_visible(), "no control that cannot work"
    assert _shown(page) == {t.id for t in tenders}
    context.close()


def test_search_ignores_accents_and_case_and_the_quarter_links_count_what_is_shown(
    chromium, base_url: str, tenders
) -> None:
    """Typed as people type: 'justitiele' and 'JUSTITIËLE' find 'justitiële'."""
    expected = {t.id for t in tenders if "justitiële" in t.title.get("nl").lower()}
    assert expected, "the example data should have a title with an accent"
    context = chromium.new_context(viewport=SIZES["desktop"])
    page = context.new_page()
    for typed in ("justitiele", "JUSTITIËLE", "Justitiële"):
        page.goto(base_url + section_url("calendar", "nl") + "?q=" + typed)
        assert _shown(page) == expected, typed
    links = page.locator("[data-quarter-link]:visible")
    counted = links.evaluate_all(
        "items => items.map(i => [i.dataset.quarterLink,"
        " i.querySelector('.mvi-count').textContent])"
    )
    shown_per_quarter = page.locator(VISIBLE).evaluate_all(
        "rows => rows.map(r => r.closest('[data-filter-group]').id.replace('group-', ''))"
    )
    assert counted and all(
        text == f"({shown_per_quarter.count(quarter)})" for quarter, text in counted
    ), counted
    context.close()


def test_the_product_group_and_innovation_instrument_filters(
    chromium, base_url: str, tenders, example_data
) -> None:
    """Each product group some tender names is a choice, and shows exactly its tenders; so is
    each innovation instrument."""
    groups = sorted({t.product_group for t in tenders if t.product_group})
    instruments = sorted({i for t in tenders for i in t.innovation_instruments})
    assert len(groups) > 1 and instruments, "the example data should use both"
    context = chromium.new_context(viewport=SIZES["desktop"])
    page = context.new_page()
    page.goto(base_url + section_url("calendar", "nl"))
    page.click("#mvi-filter-more > summary")
    options = page.locator("#filter-group option").evaluate_all("os => os.map(o => o.value)")
    order = {g.id: (g.order, g.id) for g in example_data.product_groups.values()}
    assert options == ["", *sorted(groups, key=order.__getitem__)], "each group in use, in order"
    for group in groups:
        page.select_option("#filter-group", group)
        assert _shown(page) == {t.id for t in tenders if t.product_group == group}, group
        assert f"group={group}" in page.url
    page.select_option("#filter-group", "")
    for instrument in instruments:
        page.select_option("#filter-instrument", instrument)
        assert _shown(page) == {t.id for t in tenders if instrument in t.innovation_instruments}
    context.close()
