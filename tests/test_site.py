"""The example site, built once: one page per record in both languages, links, hosts, scripts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import build_into

from generator.base.urls import CONTENT_PAGES, KIND_SECTION, SECTIONS, record_url
from generator.publish.checks import broken_links, foreign_resources, foreign_scripts, scan_site
from generator.publish.csp import script_hashes
from generator.validate import validate_data

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
LANGS = (("nl", "."), ("en", "en"))


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    """The example site as `mvi-site build` writes it (built once, in browser_support)."""
    return built_site


@pytest.fixture(scope="session")
def dataset():
    data, report = validate_data(ROOT / "data", dt.date.fromisoformat(TODAY))
    assert report.ok(strict=True)
    return data


@pytest.fixture(scope="session")
def pages(site: Path):
    return scan_site(site)


def _html(site: Path, url: str) -> str:
    return (site / url.split("#")[0] / "index.html").read_text(encoding="utf-8")


def test_one_page_per_record_of_each_kind_in_both_languages(site: Path, dataset) -> None:
    counted: dict[str, int] = {}
    for kind in KIND_SECTION:
        ids = dataset.ids(kind)
        assert ids, f"the example data have no {kind}"
        for record_id in ids:
            for lang in ("nl", "en"):
                page = site / record_url(kind, record_id, lang) / "index.html"
                assert page.is_file(), f"no page for {kind} {record_id} in {lang}"
        on_disk = {
            lang: {
                p.parent.name
                for p in (site / record_url(kind, "x", lang)).parent.glob("*/index.html")
            }
            for lang in ("nl", "en")
        }
        assert on_disk["nl"] == on_disk["en"] == ids, f"{kind}: pages without a record"
        counted[kind] = len(ids)
    assert counted["tender"] >= 30 and counted["case"] >= 7


def test_every_overview_and_hand_written_page_exists_in_both_languages(site: Path) -> None:
    for slugs in SECTIONS.values():
        assert (site / slugs["nl"] / "index.html").is_file()
        assert (site / "en" / slugs["en"] / "index.html").is_file()
    for urls in CONTENT_PAGES.values():
        for url in urls.values():
            assert (site / url / "index.html").is_file(), url
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()


def test_every_internal_link_and_anchor_resolves(site: Path, pages) -> None:
    assert len(pages) > 200
    assert broken_links(site, pages, "/") == []


def test_no_resource_from_another_host_and_no_foreign_script(site: Path, pages) -> None:
    assert foreign_resources(site, pages) == []
    assert foreign_scripts(pages, "/") == []
    assert not list(site.rglob("*.woff*")) or all(
        "fonts.g" not in p.read_text(errors="ignore") for p in site.rglob("*.css")
    )


def test_pages_declare_their_language_and_link_to_their_twin(site: Path) -> None:
    tender = "ienw-2027-zero-emissie-dienstautos"
    nl = _html(site, record_url("tender", tender, "nl"))
    en = _html(site, record_url("tender", tender, "en"))
    assert '<html lang="nl"' in nl and '<html lang="en"' in en
    assert f'href="../../en/tender-calendar/{tender}/" hreflang="en"' in nl
    assert f'href="../../../aanbestedingskalender/{tender}/" hreflang="nl"' in en
    assert "Verwachte publicatie" in nl and "Expected publication" in en
    assert "1e kwartaal 2027" in nl and "Q1 2027" in en
    assert "€ 25–35 mln" in nl and "€25–35m" in en


def test_record_pages_link_both_ways(site: Path, dataset) -> None:
    tender = dataset.tenders["ienw-2027-zero-emissie-dienstautos"]
    tender_page = _html(site, record_url("tender", tender.id, "nl"))
    category_page = _html(site, record_url("category-plan", tender.category, "nl"))
    buyer_page = _html(site, record_url("organisation", tender.buyer, "nl"))
    assert f"categorieplannen/{tender.category}/" in tender_page
    assert f"organisaties/{tender.buyer}/" in tender_page
    for page in (category_page, buyer_page):
        assert f"aanbestedingskalender/{tender.id}/" in page
    for theme in tender.themes:
        assert f"aanbestedingskalender/{tender.id}/" in _html(
            site, record_url("theme", theme, "nl")
        )
    case = next(iter(dataset.cases.values()))
    case_page = _html(site, record_url("case", case.id, "nl"))
    for theme in case.themes:
        assert f"praktijkvoorbeelden/{case.id}/" in _html(site, record_url("theme", theme, "nl"))
        assert f"themas/{theme}/" in case_page


def test_tenders_and_their_product_groups_link_both_ways(site: Path, dataset) -> None:
    grouped = [t for t in dataset.tenders.values() if t.product_group]
    assert len(grouped) >= 10
    for tender in grouped:
        for lang in ("nl", "en"):
            tender_page = _html(site, record_url("tender", tender.id, lang))
            group_url = record_url("product-group", tender.product_group, lang)
            section = SECTIONS["product-groups"][lang]
            assert f'href="../../{section}/{tender.product_group}/"' in tender_page, tender.id
            group_page = _html(site, group_url)
            assert f"/{tender.id}/" in group_page, (tender.id, lang)
    calendar = _html(site, SECTIONS["calendar"]["nl"])
    rows = dict(re.findall(r'data-tender="([^"]+)"[^>]*data-group="([^"]*)"', calendar))
    assert rows == {t.id: t.product_group or "" for t in dataset.tenders.values()}


def test_the_high_impact_product_groups_of_the_strategy_are_marked(site: Path, dataset) -> None:
    high = {g.id for g in dataset.product_groups.values() if g.high_impact}
    assert len(high) == 8, "table 3.1 of the strategy names eight"
    for group_id in dataset.product_groups:
        page = _html(site, record_url("product-group", group_id, "en"))
        assert ("mvi-badge--impact" in page) == (group_id in high), group_id
        # no address of a group's page is known from the sources: each links to the tool
        assert 'href="https://www.mvicriteria.nl/"' in page


def test_breadcrumbs_lead_home_through_the_section(site: Path) -> None:
    page = _html(site, record_url("case", "afsluitdijk", "en"))
    crumbs = re.search(r'<nav class="mvi-breadcrumbs".*?</nav>', page, re.S)
    assert crumbs, "no breadcrumbs"
    assert re.findall(r'href="([^"]+)"', crumbs.group(0)) == ["../../", "../"]
    assert 'aria-current="page"' in crumbs.group(0)


def test_record_pages_are_not_in_the_navigation(site: Path, dataset) -> None:
    home = _html(site, "")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', home, re.S)
    assert nav
    for tender_id in dataset.tenders:
        assert tender_id not in nav.group(0)
    assert "aanbestedingskalender/" in nav.group(0)
    assert "en/tender-calendar/" not in nav.group(0), "the Dutch page shows the English menu"


def _nav_targets(site: Path, page: Path) -> list[str]:
    """Where the links of a page's main navigation lead, as paths from the site root."""
    html = page.read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.S)
    assert nav, page
    folder = page.parent
    return [
        (folder / href).resolve().relative_to(site.resolve()).as_posix()
        for href in re.findall(r'href="([^"#]*)"', nav.group(0))
    ]


def test_every_page_shares_the_navigation_of_its_language(site: Path) -> None:
    """Record pages share one rendering of the navigation per folder; its links must still
    lead where the navigation on the home page leads (they are relative to the page)."""
    expected = {lang: _nav_targets(site, site / home / "index.html") for lang, home in LANGS}
    checked = 0
    for page in sorted(site.rglob("index.html")):
        if "pagefind" in page.parts or page.parent == site / "en" or page.parent == site:
            continue
        lang = "en" if page.relative_to(site).parts[0] == "en" else "nl"
        assert _nav_targets(site, page) == expected[lang], page.relative_to(site)
        checked += 1
    assert checked > 100


def test_each_generated_page_has_one_h1(site: Path, dataset) -> None:
    for kind in KIND_SECTION:
        for record_id in sorted(dataset.ids(kind))[:5]:
            for lang in ("nl", "en"):
                html = _html(site, record_url(kind, record_id, lang))
                assert html.count("<h1") == 1, (kind, record_id, lang)


def test_example_records_are_marked_and_real_ones_are_not(site: Path, dataset) -> None:
    for tender in dataset.tenders.values():
        assert tender.example
        assert "mvi-notice--example" in _html(site, record_url("tender", tender.id, "nl"))
    for case in dataset.cases.values():
        page = _html(site, record_url("case", case.id, "en"))
        assert ("mvi-notice--example" in page) == case.example


def test_policy_allows_exactly_the_theme_inline_scripts(site: Path, pages) -> None:
    headers = (site / "_headers").read_text()
    hashes = script_hashes(pages)
    assert hashes and all(h in headers for h in hashes)
    assert "unsafe-inline" not in headers and "frame-ancestors 'none'" in headers
    index = (site / "index.html").read_text()
    assert '<meta http-equiv="Content-Security-Policy"' in index
    assert index.index("Content-Security-Policy") < index.index("<script")


def test_the_build_is_reproducible(site: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        # Each build with a cache of its own: nothing drawn or indexed is copied from the other.
        build_into(out, cache=out.with_name(f"{out.name}-cache"))
    differ = [
        p.relative_to(first).as_posix()
        for p in sorted(first.rglob("*"))
        if p.is_file() and p.read_bytes() != (second / p.relative_to(first)).read_bytes()
    ]
    assert differ == []


def test_the_social_return_filter_finds_every_tender_with_social_return(site: Path, dataset):
    """One source per fact: what a tender's page says about social return and international
    social conditions is what the calendar's theme filter finds (the facts are themes)."""
    calendar = _html(site, SECTIONS["calendar"]["nl"])
    rows = dict(re.findall(r'data-tender="([^"]+)"[^>]*data-themes="([^"]*)"', calendar))
    said = {"ja": True, "nee": False}
    with_social_return = 0
    for tender_id, tender in dataset.tenders.items():
        page = _html(site, record_url("tender", tender_id, "nl"))
        for label, theme in (
            ("Social return", "social-return"),
            ("Internationale sociale voorwaarden", "internationale-sociale-voorwaarden"),
        ):
            shown = re.search(rf"<li>{label}: (ja|nee)</li>", page)
            assert shown, (tender_id, label)
            assert said[shown[1]] == (theme in rows[tender_id].split()), (tender_id, label)
        with_social_return += tender.social_return
    assert with_social_return >= 27  # every tender that had the flag before it became a theme


def test_security_txt_says_where_to_report_and_until_when(site: Path) -> None:
    """RFC 9116: Contact and Expires are required; Expires lies less than a year ahead."""
    fields = dict(
        line.split(": ", 1)
        for line in (site / ".well-known" / "security.txt").read_text("utf-8").splitlines()
    )
    assert fields["Contact"] == "https://www.ncsc.nl/contact/kwetsbaarheid-melden"
    assert fields["Canonical"].endswith("/.well-known/security.txt")
    assert fields["Canonical"].startswith("https://")
    expires = dt.datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    built = dt.datetime.fromisoformat("2026-11-23T00:00:00+00:00")  # the suite's --today
    assert dt.timedelta(days=300) < expires - built < dt.timedelta(days=365)
    assert fields["Preferred-Languages"] == "nl, en"
