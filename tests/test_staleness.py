"""Staleness made visible: a planned tender whose expected publication has passed is flagged on
its page and in the calendar, and counted per category on the home page; a category plan not
reviewed for a year says so. "Today" is a parameter, so each case is built on a chosen date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.render.pages import Page, build_pages
from generator.validate import validate_data

TENDER = "rvb-2027-zonnepanelen"  # expected publication 2027-Q2 in the minimal data
PLAN = "ict-werkplekken"  # last reviewed 2026-06-01


def _pages(data_dir: Path, today: dt.date) -> dict[tuple[str, str], Page]:
    data, report = validate_data(data_dir, today)
    assert report.ok()
    return {(page.key, page.lang): page for page in build_pages(data, today)}


@pytest.fixture(scope="module")
def before(data_dir_factory) -> dict[tuple[str, str], Page]:
    return _pages(data_dir_factory(), dt.date(2027, 6, 30))  # the last day of 2027-Q2


@pytest.fixture(scope="module")
def after(data_dir_factory) -> dict[tuple[str, str], Page]:
    return _pages(data_dir_factory(), dt.date(2027, 7, 1))


def test_a_passed_publication_is_flagged_from_the_next_day(before, after) -> None:
    for lang, badge in (("nl", "Planning verlopen"), ("en", "Planning overdue")):
        assert badge not in before[(f"tender:{TENDER}", lang)].html
        assert badge not in before[("section:calendar", lang)].html
        tender = after[(f"tender:{TENDER}", lang)].html
        assert badge in tender and "mvi-notice--stale" in tender
        calendar = after[("section:calendar", lang)].html
        row = calendar[calendar.index(f'data-tender="{TENDER}"') :]
        assert badge in row[: row.index("</tr>")]


def test_the_home_page_counts_overdue_tenders_per_category(before, after) -> None:
    assert 'id="overdue"' not in before[("home", "nl")].html
    home = after[("home", "nl")].html
    section = home[home.index('id="overdue"') : home.index('id="by-category"')]
    assert "ICT-werkplekken" in section
    assert '<td class="mvi-num">1</td>' in section


def test_a_published_tender_is_never_overdue(data_dir_factory) -> None:
    folder = data_dir_factory()
    path = folder / "tenders" / f"{TENDER}.yaml"
    text = path.read_text().replace("status: planned", "status: published")
    path.write_text(
        text
        + "tenderned_url: https://www.tenderned.nl/aankondigingen/overzicht/1\n"
        + "published_on: 2027-06-01\n"
    )
    pages = _pages(folder, dt.date(2027, 7, 1))
    assert "Planning verlopen" not in pages[(f"tender:{TENDER}", "nl")].html


def test_a_plan_not_reviewed_for_a_year_says_so(data_dir_factory) -> None:
    folder = data_dir_factory()
    within = _pages(folder, dt.date(2027, 6, 1))[(f"category-plan:{PLAN}", "nl")].html
    beyond = _pages(folder, dt.date(2027, 6, 2))[(f"category-plan:{PLAN}", "en")].html
    assert "niet herzien" not in within
    assert "has not been reviewed since 1 June 2026" in beyond
