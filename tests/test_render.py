"""The renderer on its own: formats per language, and editor text that can never become markup."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.base import i18n
from generator.base.i18n import STRINGS, format_planned, format_range
from generator.base.urls import relative
from generator.models.common import PlannedDate
from generator.render.markdown import render_markdown
from generator.render.pages import build_pages
from generator.validate import validate_data

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (PlannedDate.quarter(2027, 2), "2e kwartaal 2027", "Q2 2027"),
        (PlannedDate.month(2027, 5), "mei 2027", "May 2027"),
        (PlannedDate.parse(dt.date(2027, 3, 14)), "14 maart 2027", "14 March 2027"),
    ],
)
def test_planned_dates_read_naturally(value, nl: str, en: str) -> None:
    assert format_planned(value, "nl") == nl
    assert format_planned(value, "en") == en


@pytest.mark.parametrize(
    ("low", "high", "nl", "en"),
    [
        (1_200_000, 1_200_000, "€ 1,2 mln", "€1.2m"),
        (4_000_000, 6_000_000, "€ 4–6 mln", "€4–6m"),
        (250_000, 250_000, "€ 250.000", "€250,000"),
        (500_000, 1_500_000, "€ 500.000 – € 1,5 mln", "€500,000 – €1.5m"),
        (2_500_000_000, 2_500_000_000, "€ 2,5 mld", "€2.5bn"),
    ],
)
def test_amounts_follow_the_language(low: int, high: int, nl: str, en: str) -> None:
    assert format_range(low, high, "nl") == nl
    assert format_range(low, high, "en") == en


def test_every_interface_string_and_label_exists_in_both_languages() -> None:
    for key, (nl, en) in STRINGS.items():
        assert nl.strip() and en.strip(), key
    for enum, values in i18n.ENUMS.items():
        for value, (nl, en) in values.items():
            assert nl and en, (enum, value)


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klik](javascript:alert(1))",
        "[klik](&#106;avascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
        "[klik](http://example.org) and <https://example.org>",
        "Tekst {: onclick=alert(1) .x}",
        '--8<-- "/etc/passwd"',
        '"><script>alert(1)</script>',
        "![img](https://example.org/x.png)",
        "<iframe src=https://example.org></iframe>",
        "<a href='https://example.org' onmouseover='alert(1)'>x</a>",
    ],
)
def test_the_renderer_neutralises_what_validation_refuses(payload: str) -> None:
    html = str(render_markdown(payload)).lower()
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    tags = re.findall(r"<[a-z][^>]*>", html)
    assert not [tag for tag in tags if re.search(r"\son[a-z]+=", tag)], "event handler kept"
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert all(href.startswith(("https://", "mailto:")) for href in hrefs), hrefs
    # Attribute lists and snippet markers are not special: they stay visible text.
    if "{:" in payload:
        assert "onclick=alert(1)" in html and "<p" in html
    if "8<" in payload:
        assert "--8&lt;--" in html


def test_markdown_keeps_what_editors_may_use() -> None:
    html = str(
        render_markdown("Tekst met *nadruk* en **vet**.\n\n- een\n- [twee](https://example.org)")
    )
    assert "<em>nadruk</em>" in html and "<strong>vet</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">twee</a>' in html
    assert "<h" not in render_markdown("# Kop\n\ntekst"), "headings would break the outline"


def test_relative_links_between_pages() -> None:
    assert relative("", "aanbestedingskalender/x/") == "aanbestedingskalender/x/"
    assert relative("aanbestedingskalender/x/", "") == "../../"
    assert relative("en/cases/a/", "en/themes/b/") == "../../themes/b/"
    assert relative("doelen/", "doelen/#klimaat") == "#klimaat"


def _unchecked(record, **changes):
    """A record with fields set as if validation had been bypassed."""
    return record.model_construct(**{**record.__dict__, **changes})


def test_unvalidated_titles_are_escaped_on_every_page(minimal_dataset) -> None:
    data = minimal_dataset
    tender_id, tender = next(iter(data.tenders.items()))
    evil = tender.title.model_construct(
        nl='"><script>alert(1)</script>', en="<img src=x onerror=alert(1)>"
    )
    desc = tender.description.model_construct(
        nl="<script>alert(2)</script>[x](javascript:alert(3))", en=None
    )
    data.entries["tender"][tender_id].record = _unchecked(tender, title=evil, description=desc)
    pages = build_pages(data, TODAY)
    rendered = "".join(str(page.html) for page in pages)
    assert "<script>" not in rendered and "<img src=x" not in rendered
    assert "&lt;script&gt;alert(1)" in rendered
    assert not re.search(r'href="\s*javascript', rendered, re.I)
    tender_en = next(p for p in pages if p.key == f"tender:{tender_id}" and p.lang == "en")
    assert tender_en.title == "<img src=x onerror=alert(1)>", "titles stay plain text for the theme"


def test_english_page_shows_dutch_text_marked_as_dutch(minimal_dataset) -> None:
    data = minimal_dataset
    tender_id, tender = next(iter(data.tenders.items()))
    title = tender.title.model_construct(nl="Alleen Nederlands", en=None)
    data.entries["tender"][tender_id].record = _unchecked(tender, title=title)
    page = next(
        p for p in build_pages(data, TODAY) if p.key == f"tender:{tender_id}" and p.lang == "en"
    )
    assert '<span lang="nl">Alleen Nederlands</span>' in page.html
    assert "not yet available in English" in page.html


@pytest.fixture
def minimal_dataset(data_dir: Path):
    data, report = validate_data(data_dir, TODAY)
    assert report.ok(), report.sorted()
    return data


def test_the_sanitiser_keeps_only_its_allowlist() -> None:
    from generator.render.markdown import sanitise

    html = sanitise(
        '<p style="x" onclick="y">t</p><a href="javascript:alert(1)">a</a>'
        '<a href="http://example.org">b</a><a href="https://example.org" target="_blank">c</a>'
        "<script>z</script><h2>k</h2><img src=x>"
    )
    assert html == (
        '<p>t</p><a rel="noopener noreferrer">a</a><a rel="noopener noreferrer">b</a>'
        '<a href="https://example.org" rel="noopener noreferrer">c</a>k'
    )
