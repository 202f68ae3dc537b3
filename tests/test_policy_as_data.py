"""New policy is a change in data/ only: a theme and an ambition level added to a copy of the
example data appear on every page, chart, feed, download and package that lists themes or
levels, with no change to the code.

The scratch data add what the 2025 letter announces for the successor of the strategy: a theme
`digitale-weerbaarheid` (with its OCDS goal) and a fourth level above `ambitieus`. Two tenders
and one category plan use both. Each assertion would fail if that output kept a list of its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
import shutil
from pathlib import Path

import feedparser
import openpyxl
import pytest
from conftest import TODAY, build_into

from generator.base.urls import download_url, feed_url, home_url, record_url, section_url
from generator.charts import figures, palette
from generator.editors.schemas import kind_schema, known_ids
from generator.export.ocds import OCDS_PATH
from generator.source.layout import KIND_BY_NAME
from generator.validate import validate_data

ROOT = Path(__file__).resolve().parent.parent
THEME, LEVEL = "digitale-weerbaarheid", "transformatief"
NAMES = {"nl": "Digitale weerbaarheid", "en": "Digital resilience"}
LEVEL_NAMES = {"nl": "Transformatief", "en": "Transformative"}
TENDERS = ("bzk-2027-laptops-en-werkplekapparatuur", "rws-2027-a12-asfalt-onderhoud")
PLAN = "ict-werkomgeving-rijk"
NEW_THEME = f"""
{THEME}:
  name:
    nl: {NAMES["nl"]}
    en: {NAMES["en"]}
  summary:
    nl: Inkopen zo dat het Rijk digitaal weerbaar en strategisch autonoom blijft.
    en: Buying so that central government stays digitally resilient and strategically autonomous.
  ocds_goal: economic
  order: 8
"""
NEW_LEVEL = f"""
{LEVEL}:
  name:
    nl: Niveau 4 – transformatief
    en: Level 4 – transformative
  short_name:
    nl: {LEVEL_NAMES["nl"]}
    en: {LEVEL_NAMES["en"]}
  description:
    nl: Het Rijk vraagt de markt een oplossing die de sector verandert.
    en: Central government asks the market for a solution that changes the sector.
  for_bidders:
    nl: Reken op een innovatiepartnerschap of een vergelijkbare procedure.
    en: Expect an innovation partnership or a similar procedure.
  order: 4
"""
THEMES_COLUMN = {"nl": "MVI-thema's en ambitieniveau", "en": "MVI themes and ambition level"}
USE = f"  {THEME}:\n    level: {LEVEL}\n    applied_as: [requirements]\n"


def _insert_after(path: Path, line: str, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert f"\n{line}\n" in content, f"{line!r} not in {path.name}"
    path.write_text(content.replace(f"\n{line}\n", f"\n{line}\n{text}", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example data with the new theme and level, two tenders and a plan using them."""
    folder = tmp_path_factory.mktemp("policy") / "data"
    shutil.copytree(ROOT / "data", folder)
    with (folder / "themes.yaml").open("a", encoding="utf-8") as file:
        file.write(NEW_THEME)
    with (folder / "ambition-levels.yaml").open("a", encoding="utf-8") as file:
        file.write(NEW_LEVEL)
    for tender in TENDERS:
        _insert_after(folder / "tenders" / f"{tender}.yaml", "themes:", USE)
    target = "{nl: Geen uitval door één leverancier., en: No outage through one supplier.}"
    plan = f"  {THEME}:\n    level: {LEVEL}\n    targets:\n      - {target}\n"
    _insert_after(folder / "category-plans" / f"{PLAN}.yaml", "ambitions:", plan)
    return folder


@pytest.fixture(scope="module")
def site(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("policy-site")
    return build_into(out / "site", data=data, cache=out / "cache")


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_the_scratch_data_are_valid(data: Path) -> None:
    dataset, report = validate_data(data, dt.date.fromisoformat(TODAY))
    assert report.ok(strict=True), report  # not even a warning
    assert dataset.ambition_scale().ids[-1] == LEVEL, "the new level ranks highest"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_calendar_filters_offer_the_theme_and_the_level(site: Path, lang: str) -> None:
    page = _page(site, section_url("calendar", lang))
    assert f'<option value="{THEME}">{NAMES[lang]}</option>' in page
    assert f'<option value="{LEVEL}">{LEVEL_NAMES[lang]}</option>' in page
    for tender in TENDERS:  # the rows the filter matches carry the theme and the level
        row = re.search(rf'data-tender="{tender}"[^>]*', page)
        assert row and THEME in row[0] and LEVEL in row[0], tender


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_theme_has_its_page_with_its_tenders(site: Path, lang: str) -> None:
    page = _page(site, record_url("theme", THEME, lang))
    assert f'<h1 id="main-title">{NAMES[lang]}</h1>' in page
    for tender in TENDERS:
        assert f'{tender}/">' in page, tender
    assert NAMES[lang] in _page(site, section_url("themes", lang))
    lead = re.search(r'<p class="mvi-lead">(.*?)</p>', _page(site, home_url(lang)))
    assert lead and NAMES[lang] in lead[1], "the home page names every theme"


def _badge(page: str, level: str) -> tuple[str, int, int]:
    """A level's badge on a page: its word, its dots and how many of them are filled."""
    found = re.search(
        rf'<span class="mvi-level mvi-level--{level}">(.*?)</span> (\w+)</span>', page
    )
    assert found, level
    dots = len(re.findall(r'class="mvi-level__dot[ "]', found[1]))
    return found[2], dots, found[1].count("mvi-level__dot--on")


def test_the_level_has_four_dots_and_its_description(site: Path) -> None:
    page = _page(site, record_url("tender", TENDERS[0], "nl"))
    assert _badge(page, LEVEL) == (LEVEL_NAMES["nl"], 4, 4)
    assert _badge(page, "ambitieus") == ("Ambitieus", 4, 3), "one dot more for every level"
    levels = _page(site, section_url("ambition-levels", "en"))
    assert f'<h2 id="{LEVEL}">Level 4 – transformative</h2>' in levels
    assert "basic, significant, ambitious and transformative" in levels


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_charts_show_the_theme_and_the_level(site: Path, lang: str) -> None:
    matrix = (site / section_url("themes", lang) / "ambition-matrix.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(matrix)))
    assert NAMES[lang] in rows[0], "a column for the new theme"
    assert [row[NAMES[lang]] for row in rows if row[NAMES[lang]]] == [LEVEL_NAMES[lang]]
    profile = (site / record_url("category-plan", PLAN, lang) / "ambition-profile.csv").read_text()
    assert [NAMES[lang], LEVEL_NAMES[lang]] in list(csv.reader(io.StringIO(profile)))


def test_the_level_takes_the_darkest_colour_and_the_others_lighten(data: Path) -> None:
    dataset, _ = validate_data(data, dt.date.fromisoformat(TODAY))
    plans = list(dataset.category_plans.values())
    figure = figures.ambition_matrix(plans, dataset.frozen(), "en")
    assert figure is not None
    fill = figure.spec()["layer"][0]["encoding"]["fill"]["scale"]
    assert fill["domain"] == ["Basic", "Significant", "Ambitious", LEVEL_NAMES["en"]]
    assert fill["range"] == palette.level_fills(4) and fill["range"][-1] == "#154273"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_theme_has_its_feed(site: Path, lang: str) -> None:
    feed = feedparser.parse((site / feed_url("theme", THEME, lang, "atom")).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == len(TENDERS)
    assert (site / feed_url("theme", THEME, lang, "ics")).is_file()
    subscribe = _page(site, section_url("subscribe", lang))
    assert feed_url("theme", THEME, lang, "atom").rsplit("/", 1)[1] in subscribe


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_calendar_downloads_name_the_theme_with_its_level(site: Path, lang: str) -> None:
    expected = f"{NAMES[lang]}: {LEVEL_NAMES[lang].lower()}"
    text = (site / download_url("all", None, "csv", lang)).read_text("utf-8")
    rows = {row[0]: row for row in csv.reader(io.StringIO(text))}
    header = rows["Kenmerk" if lang == "nl" else "Key"]
    column = header.index(THEMES_COLUMN[lang])
    for tender in TENDERS:
        assert expected in rows[tender][column].split("; "), tender
    book = openpyxl.load_workbook(site / download_url("all", None, "xlsx", lang), read_only=True)
    cells = [row[column] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert sum(expected in (cell or "") for cell in cells) == len(TENDERS)


def test_the_ocds_package_carries_the_theme_its_goal_and_the_level(site: Path) -> None:
    package = json.loads((site / OCDS_PATH).read_text("utf-8"))
    entries = [
        (item["ocid"], entry)
        for item in package["releases"]
        for entry in item["tender"].get("sustainability", [])
        if entry.get("mviTheme") == THEME
    ]
    assert len(entries) == len(TENDERS)
    assert all(entry["goal"] == "economic" for _, entry in entries)
    assert all(entry["ambitionLevel"] == LEVEL for _, entry in entries)


def test_the_editors_schemas_offer_the_theme_and_the_level(data: Path) -> None:
    schema = json.dumps(kind_schema(KIND_BY_NAME["tender"], known_ids(data)))
    assert f'"{THEME}"' in schema and f'"{LEVEL}"' in schema


def test_the_theme_page_is_found_by_search(site: Path) -> None:
    titles = set()
    for path in (site / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{") :])
        titles.add((fragment["url"], fragment["meta"].get("title", "")))
    for lang in ("nl", "en"):
        url = "/" + record_url("theme", THEME, lang)
        assert any(u == url and NAMES[lang] in title for u, title in titles), url
