"""The monitor page on scratch data whose tenders this test controls.

Four planned tenders and one published, worked out by hand against the effort goals:

- `rvb-zonnepanelen` (works, climate at the significant level in its award criteria, in the
  product group zonnepanelen, weighting 60%, € 1–3 million, wage bill € 500,000 over 24 months
  with social return): meets every goal it falls under.
- `bzk-advies` (services, climate at the basic level, weighting 30%, € 4–6 million, wage bill
  below the annex's € 250,000): does not meet the weighting goal.
- `rvb-beheer` (services, climate, 12 months, no wage bill and no weighting): the data cannot
  tell whether social return applies (no wage bill) nor whether the weighting is met.
- `bzk-meubilair` (supplies, circular only, weighting 10%, € 1 million): does not meet the
  weighting goal, but concerns no climate: it must not appear in the climate section.
- `rvb-gepubliceerd` (published, weighting 0%): no longer planned work, counted nowhere.

Weighting over all planned tenders: 1 met, 2 not met, 1 cannot tell: 1 of 3 (33.3%); by value
(midpoints) 2 of 2 + 5 + 1 million: 25%. Within climate: 1 met, 1 not met, 1 cannot tell: 50%;
by value 2 of 7 million: 28.6%; by buyer BZK 0 of 1, RVB 1 of 1 (and 1 cannot tell).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import textwrap
from pathlib import Path

import pytest
from conftest import MINIMAL, build_into, write

from generator.base.urls import section_url
from generator.render.pages import build_pages
from generator.validate import validate_data

TODAY = "2026-11-23"
THEMES = textwrap.dedent(MINIMAL["themes.yaml"]) + textwrap.dedent("""\
    social-return:
      name: {nl: Social return, en: Social return}
      summary: {nl: Werk voor wie afstand heeft., en: Work for people at a distance.}
    """)
GOALS = textwrap.dedent(MINIMAL["goals.yaml"]) + textwrap.dedent("""\
    criteria:
      title: {nl: MVI-criteria in productgroepen, en: MVI criteria in product groups}
      kind: effort
      measured_by: criteria-in-product-groups
      order: 2
    significant:
      title: {nl: Significant niveau, en: Significant level}
      kind: effort
      measured_by: significant-level
      order: 3
    social-return-toepassen:
      title: {nl: Social return toepassen, en: Applying social return}
      theme: social-return
      kind: effort
      measured_by: social-return
      order: 4
    weging:
      title: {nl: Weging maatschappelijke impact, en: Social impact weighting}
      kind: effort
      measured_by: impact-weighting
      target: {value: 50, unit: "%"}
      order: 5
    """)
COMMON = """\
    description: {nl: Een opdracht., en: A contract.}
    cpv: [45000000-7]
    above_eu_threshold: false
    expected_publication: 2027-Q2
    certainty: planned
    contact: {email: inkoop@example.org}
    """
TENDERS = {
    "rvb-zonnepanelen": """\
        title: {nl: Zonnepanelen, en: Solar panels}
        buyer: rvb
        category: ict-werkplekken
        kind: works
        estimated_value: {min: 1000000, max: 3000000}
        estimated_wage_bill: 500000
        duration: {months: 24}
        themes:
          klimaat: {level: significant, applied_as: [award-criteria]}
          social-return: {level: basis, applied_as: [contract-conditions]}
        product_group: zonnepanelen
        social_impact_weighting: 60
        status: planned
        """,
    "bzk-advies": """\
        title: {nl: Klimaatadvies, en: Climate advice}
        buyer: bzk
        category: ict-werkplekken
        kind: services
        estimated_value: {min: 4000000, max: 6000000}
        estimated_wage_bill: 100000
        duration: {months: 24}
        themes:
          klimaat: {level: basis, applied_as: [requirements]}
        social_impact_weighting: 30
        status: planned
        """,
    "rvb-beheer": """\
        title: {nl: Beheer installaties, en: Managing installations}
        buyer: rvb
        category: ict-werkplekken
        kind: services
        duration: {months: 12}
        themes:
          klimaat: {level: ambitieus, applied_as: [contract-conditions]}
        status: market-consultation
        """,
    "bzk-meubilair": """\
        title: {nl: Meubilair, en: Furniture}
        buyer: bzk
        category: ict-werkplekken
        kind: supplies
        estimated_value: {min: 1000000, max: 1000000}
        themes:
          circulair: {level: significant, applied_as: [requirements]}
        social_impact_weighting: 10
        status: planned
        """,
    "rvb-gepubliceerd": """\
        title: {nl: Gepubliceerd, en: Published}
        buyer: rvb
        category: ict-werkplekken
        kind: services
        themes:
          klimaat: {level: basis, applied_as: [requirements]}
        social_impact_weighting: 0
        status: published
        published_on: 2026-10-01
        tenderned_url: https://www.tenderned.nl/aankondigingen/overzicht/123456
        """,
}


def _data(root: Path, example: bool) -> Path:
    """The minimal data with the goals, themes and tenders above; examples or not."""
    (root / "tenders" / "rvb-2027-zonnepanelen.yaml").unlink()
    write(root, "themes.yaml", THEMES)
    write(root, "goals.yaml", GOALS)
    for tender_id, text in TENDERS.items():
        flag = f"example: {str(example).lower()}\n"
        write(
            root,
            f"tenders/{tender_id}.yaml",
            textwrap.dedent(text) + textwrap.dedent(COMMON) + flag,
        )
    return root


@pytest.fixture(scope="module")
def site(data_dir_factory, tmp_path_factory, chart_cache) -> Path:
    data = _data(data_dir_factory(), example=True)
    return build_into(tmp_path_factory.mktemp("dashboard") / "site", data, chart_cache, today=TODAY)


def _page(site: Path, lang: str = "nl") -> str:
    return (site / section_url("dashboard", lang) / "index.html").read_text(encoding="utf-8")


def _text(fragment: str) -> str:
    """The words of a fragment as a reader sees them: tags gone, no space inside brackets."""
    text = " ".join(re.sub(r"<[^>]+>", " ", fragment).replace("\u00ad", "").split())
    return re.sub(r"\( | (?=[):,.])", lambda m: m[0].strip(), text)


def _part(page: str, start: str, *ends: str) -> str:
    """The page from the element with id `start` up to the first of `ends` after it."""
    begin = page.index(f'id="{start}"')
    stops = [page.find(end, begin + 1) for end in ends]
    return page[begin : min([stop for stop in stops if stop > 0] or [len(page)])]


def _rows(table: str) -> dict[str, list[str]]:
    """Each body row of a table: its first cell's text → the other cells' texts."""
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [_text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def _links(fragment: str) -> list[str]:
    return re.findall(r'href="\.\./aanbestedingskalender/([^/"]+)/"', fragment)


def test_the_monitor_is_in_both_languages_and_in_the_navigation(site: Path) -> None:
    assert "<h1" in _page(site, "nl") and "Monitor Inkopen met Impact" in _page(site, "nl")
    english = _page(site, "en")
    assert "Procurement with Impact monitor" in english
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="monitor/"' in home, "the navigation links the Dutch monitor"
    assert 'href="monitoring/"' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_the_shares_over_all_planned_tenders_are_those_worked_out_by_hand(site: Path) -> None:
    weighting = _part(_page(site), "effort-weging", "<h3", "<h2")
    assert _rows(weighting) == {
        "Voldoet": ["1"],
        "Voldoet niet": ["2"],
        "Niet te beoordelen": ["1"],
        "Onbekend of het doel geldt": ["0"],
        "Aandeel dat voldoet": ["33,3% (1 van 3)"],
        "Aandeel naar geraamde waarde": ["25%"],
    }
    social = _part(_page(site), "effort-social-return-toepassen", "<h3", "<h2")
    assert _rows(social)["Voldoet"] == ["1"]
    assert _rows(social)["Onbekend of het doel geldt"] == ["1"], "rvb-beheer: no wage bill"


def test_a_tender_that_does_not_meet_a_goal_is_listed_in_its_themes_section(site: Path) -> None:
    page = _page(site)
    climate = _part(page, "theme-klimaat-effort-weging", "<h4", "<h3", "<h2")
    not_met = _part(climate, "theme-klimaat-effort-weging-not-met", "</ul>")
    assert _links(not_met) == ["bzk-advies"], "bzk-meubilair concerns no climate"
    circular = _part(page, "theme-circulair-effort-weging", "<h4", "<h3", "<h2")
    assert _links(_part(circular, "theme-circulair-effort-weging-not-met", "</ul>")) == [
        "bzk-meubilair"
    ]
    assert "rvb-gepubliceerd" not in page, "a published tender is no longer planned"


def test_the_shares_within_a_theme_per_category_and_buyer(site: Path) -> None:
    climate = _part(_page(site), "theme-klimaat-effort-weging", "<h4", "<h3", "<h2")
    assert "50% voldoet: 1 van de 2 aanbestedingen die te beoordelen zijn." in _text(climate)
    assert "Naar geraamde waarde: 28,6%." in _text(climate)
    category, buyer = re.findall(r"<table.*?</table>", climate, re.S)
    # met, not met, data missing, share, by value
    assert _rows(category) == {"ICT-werkplekken": ["1", "1", "1", "50%", "28,6%"]}
    assert _rows(buyer) == {
        "BZK": ["0", "1", "0", "0%", "0%"],
        "RVB": ["1", "0", "1", "100%", "100%"],
    }


def test_what_the_data_lack_is_listed_so_an_editor_can_act(site: Path) -> None:
    page = _page(site)
    social = _part(page, "theme-social-return-effort-social-return-toepassen", "<h4", "<h3", "<h2")
    cannot = _part(
        social, "theme-social-return-effort-social-return-toepassen-cannot-tell", "</ul>"
    )
    assert _links(cannot) == ["rvb-beheer"]
    assert _text(cannot).endswith("(RVB): geen loonsom")
    weighting = _part(page, "theme-klimaat-effort-weging-cannot-tell", "</ul>")
    assert _links(weighting) == ["rvb-beheer"] and "geen weging" in _text(weighting)
    english = _part(_page(site, "en"), "theme-klimaat-effort-weging-cannot-tell", "</ul>")
    assert "no weighting" in _text(english)


def test_the_theme_shows_its_tenders_by_level_its_actions_and_its_goals(site: Path) -> None:
    climate = _part(_page(site), "theme-klimaat", '<h2 id="theme-')
    levels = _part(climate, "theme-klimaat-levels", "</table>")
    assert _rows(levels + "</table>") == {"Basis": ["1"], "Significant": ["1"], "Ambitieus": ["1"]}
    actions = _part(climate, "theme-klimaat-actions", "</table>")
    assert _rows(actions + "</table>") == {"BZK": ["1", "1"]}, "one action in progress, total 1"
    assert "Voor geen van deze doelen is al een meting gepubliceerd." in climate
    assert "Klimaatneutraal in 2030" in climate


def test_every_chart_has_its_csv_and_table_with_the_numbers_worked_out(site: Path) -> None:
    folder = site / section_url("dashboard", "nl")
    page = _page(site)
    figures = re.findall(r'<figure class="mvi-chart" id="chart-([^"]+)">(.*?)</figure>', page, re.S)
    assert [name for name, _ in figures] == ["effort-shares"]
    for name, block in figures:
        assert f'href="{name}.csv"' in block and "<table" in block, name
        assert (folder / f"{name}.csv").is_file(), name
    rows = list(csv.DictReader(io.StringIO((folder / "effort-shares.csv").read_text("utf-8"))))
    weighting = next(row for row in rows if row["Doel"] == "Weging impact bij gunning")
    assert (weighting["Voldoet (%)"], weighting["Voldoet"], weighting["Voldoet niet"]) == (
        "33.3",
        "1",
        "2",
    )
    assert weighting["Naar waarde (%)"] == "25"
    summary = _text(figures[0][1])
    assert "Geteld: 4 geplande aanbestedingen uit de kalender." in summary
    assert "Alle 4 aanbestedingen die hier zijn meegeteld, zijn voorbeelden" in summary


def test_aggregates_of_examples_carry_the_notice_and_others_do_not(
    site: Path, data_dir_factory
) -> None:
    page = _page(site)
    notices = page.count("mvi-notice--example")
    # the chart, each of the four goals at the top, the climate tenders by level and each of the
    # climate section's goals with tenders counted: every one says it counts examples
    assert notices >= 1 + 4 + 1 + 3
    climate = _part(page, "theme-klimaat-levels", "<h3")
    assert "mvi-notice--example" in climate
    assert "Alle 3 aanbestedingen die hier zijn meegeteld, zijn voorbeelden" in _text(climate)
    real = _data(data_dir_factory(), example=False)
    data, report = validate_data(real, dt.date.fromisoformat(TODAY))
    assert report.ok(), report
    [monitor] = [
        p
        for p in build_pages(data, dt.date.fromisoformat(TODAY))
        if p.key == "section:dashboard" and p.lang == "nl"
    ]
    assert "mvi-notice--example" not in monitor.html
    assert "Geteld: 4 geplande aanbestedingen uit de kalender." in _text(str(monitor.html))


def test_the_effort_goals_csv_lists_every_tender_a_goal_applies_to(site: Path) -> None:
    """The file the monitor links to: per goal each tender in (or maybe in) its scope, with the
    verdict and what is missing; out of scope and published tenders are not in it."""
    page = _page(site)
    assert 'href="../open-data/inspanningsdoelen.csv"' in page
    with (site / "open-data" / "inspanningsdoelen.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    weighting = {r["Aanbesteding (kenmerk)"]: r for r in rows if r["Doel (kenmerk)"] == "weging"}
    assert {key: row["Oordeel"] for key, row in weighting.items()} == {
        "rvb-zonnepanelen": "Voldoet",
        "bzk-advies": "Voldoet niet",
        "rvb-beheer": "Niet te beoordelen",
        "bzk-meubilair": "Voldoet niet",
    }
    assert weighting["rvb-beheer"]["Wat ontbreekt"] == "geen weging"
    social = {
        r["Aanbesteding (kenmerk)"]: r for r in rows if r["Doel (kenmerk)"].startswith("social")
    }
    assert "bzk-meubilair" not in social, "supplies are outside social return's scope"
    assert social["rvb-beheer"]["Oordeel"] == "Onbekend of het doel geldt"
    assert all(row["Voorbeeld"] == "ja" for row in rows)
    english = (site / "open-data" / "en" / "effort-goals.csv").read_text(encoding="utf-8")
    assert english.startswith("Goal (key),Goal,Tender (key)") and "Does not meet it" in english


def test_a_long_list_shows_its_first_tenders_and_says_how_many_more(
    data_dir_factory, monkeypatch
) -> None:
    """Lists are cut (the page stays readable at thousands of tenders); the CSV holds all."""
    from generator.render import pages as pages_module

    monkeypatch.setitem(pages_module.environment().globals, "LISTED", 0)
    data, report = validate_data(_data(data_dir_factory(), example=False), dt.date(2026, 11, 23))
    assert report.ok()
    page = next(p for p in build_pages(data, dt.date(2026, 11, 23)) if p.key == "section:dashboard")
    climate = _part(str(page.html), "theme-klimaat-effort-weging", "<h4", "<h3", "<h2")
    assert _links(_part(climate, "theme-klimaat-effort-weging-not-met", "</ul>")) == []
    assert "En nog 1: alle staan in het CSV-bestand bovenaan de pagina." in _text(climate)
