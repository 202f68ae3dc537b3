"""Forecast accuracy from the Git history: first announcement, moves, refinements and the slip.

The slip arithmetic and the move rule are tested on their own; then a scratch Git repository
with commits on different dates: a tender first announced for 2027-Q1, moved to 2027-Q2 and to
2027-Q4, then published on 10 November 2027 (8 months after the first window's last month); a
second tender of the same buyer and category published within its first window; a third, of
another buyer in the same category, only made more precise (2028-Q2 → 2028-05: no move). Its
pages show the moves with their dates and the slip, and the accuracy page counts them per buyer
and per category with numbers worked out here by hand. Without history the pages say the
forecast is not known; the example data (nothing published) say so plainly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import test_ocds_history as ocds_history
from conftest import build_into, write
from test_history import _git
from test_ocds import CONFIG
from test_ocds_history import offline  # noqa: F401  (the fixture: libcoveocds offline)

from generator.base.urls import record_url, section_url
from generator.crossref import build_crossref
from generator.export import ocds
from generator.history.diff import RecordChange
from generator.history.forecast import (
    Forecast,
    Slip,
    Step,
    forecast_of,
    group_accuracy,
    is_move,
    slip_of,
)
from generator.history.git import AMSTERDAM, Commit, Event, read_history
from generator.models import Tender
from generator.models.common import PlannedDate
from generator.validate import validate_data

D = dt.date.fromisoformat


def _window(text: str) -> str | dt.date:
    """A planned date as YAML gives it: a day is a date, a month or quarter a string."""
    return D(text) if len(text) == 10 else text


def P(text: str) -> PlannedDate:
    return PlannedDate.parse(_window(text))


# --- The slip: calendar months from the window first announced -------------------------------


@pytest.mark.parametrize(
    ("window", "day", "months", "within"),
    [
        # a quarter: January to March 2027
        ("2027-Q1", "2027-01-01", 0, True),
        ("2027-Q1", "2027-03-31", 0, True),
        ("2027-Q1", "2027-04-01", 1, False),
        ("2027-Q1", "2027-11-10", 8, False),
        ("2027-Q1", "2028-01-15", 10, False),
        ("2027-Q1", "2026-12-31", -1, False),
        ("2027-Q1", "2026-10-01", -3, False),
        # a month
        ("2027-05", "2027-05-31", 0, True),
        ("2027-05", "2027-06-01", 1, False),
        ("2027-05", "2027-04-30", -1, False),
        # a day: a week late is outside the window, but still the same calendar month
        ("2027-05-14", "2027-05-14", 0, True),
        ("2027-05-14", "2027-05-20", 0, False),
        ("2027-05-14", "2027-06-01", 1, False),
        ("2027-05-14", "2027-05-01", 0, False),
        ("2027-05-14", "2027-04-30", -1, False),
    ],
)
def test_the_slip_counts_calendar_months_from_the_window(
    window: str, day: str, months: int, within: bool
) -> None:
    assert slip_of(P(window), D(day)) == Slip(months, within)


@pytest.mark.parametrize(
    ("before", "after", "moved"),
    [
        ("2027-Q2", "2027-05", False),  # more precise, inside the quarter: a refinement
        ("2027-05", "2027-05-14", False),
        ("2027-Q2", "2027-06-30", False),
        ("2027-Q2", "2027-Q3", True),  # later
        ("2027-Q2", "2027-Q1", True),  # earlier
        ("2027-Q2", "2027-07", True),  # a month outside the quarter
        ("2027-05", "2027-Q2", True),  # wider: the publication may now fall outside May
    ],
)
def test_a_move_is_a_window_not_inside_the_one_before(before: str, after: str, moved: bool) -> None:
    assert is_move(P(before), P(after)) is moved


# --- One tender's forecast record from its events -----------------------------------------------

BASE = {
    "id": "rvb-2027-zonnepanelen",
    "title": "Zonnepanelen",
    "description": "Panelen.",
    "buyer": "rvb",
    "category": "ict-werkplekken",
    "cpv": ["09331100-9"],
    "kind": "works",
    "above_eu_threshold": False,
    "expected_publication": "2027-Q1",
    "certainty": "planned",
    "status": "planned",
    "contact": {"email": "inkoop@example.org"},
}


def _tender(window: str, **fields: object) -> Tender:
    return Tender.model_validate({**BASE, "expected_publication": _window(window), **fields})


def _events(*versions: tuple[str, Tender]) -> list[Event]:
    """Events newest first, as `History.of` gives them, from (commit date, version) oldest first."""
    events, before = [], None
    for number, (day, version) in enumerate(versions):
        moment = dt.datetime.combine(D(day), dt.time(10), AMSTERDAM)
        action = "added" if before is None else "changed"
        change = RecordChange("tender", version.id, action, before, version)
        events.append(Event(Commit(f"{number:040x}", moment, f"commit {number}"), change))
        before = version
    return events[::-1]


def test_moves_and_refinements_are_told_apart() -> None:
    versions = [
        ("2026-10-01", _tender("2027-Q1")),
        ("2026-12-01", _tender("2027-Q2")),  # moved
        ("2027-01-10", _tender("2027-05")),  # refined
        ("2027-03-15", _tender("2027-Q4")),  # moved (wider than May, and later)
    ]
    forecast = forecast_of(versions[-1][1], _events(*versions))
    assert forecast.known and forecast.announced_on == D("2026-10-01")
    assert forecast.first == P("2027-Q1")
    assert forecast.steps == (
        Step(D("2026-12-01"), P("2027-Q1"), P("2027-Q2")),
        Step(D("2027-01-10"), P("2027-Q2"), P("2027-05")),
        Step(D("2027-03-15"), P("2027-05"), P("2027-Q4")),
    )
    assert [step.moved for step in forecast.steps] == [True, False, True]
    assert len(forecast.moves) == 2
    assert forecast.slip is None, "not published"


def test_the_slip_is_against_the_first_window_and_later_edits_are_not_moves() -> None:
    published = {"status": "published", "published_on": dt.date(2027, 11, 10)}
    versions = [
        ("2026-10-01", _tender("2027-Q1")),
        ("2027-03-15", _tender("2027-Q4")),
        # the editor records the publication and sets the window to the day itself
        ("2027-11-12", _tender("2027-11-10", **published)),
    ]
    forecast = forecast_of(versions[-1][1], _events(*versions))
    assert [step.after for step in forecast.steps] == [P("2027-Q4")]
    assert forecast.slip == Slip(8, within=False)
    assert forecast.published_on == D("2027-11-10")


def test_a_tender_entered_only_once_published_forecast_nothing() -> None:
    tender = _tender("2027-Q1", status="published", published_on=dt.date(2027, 2, 1))
    forecast = forecast_of(tender, _events(("2027-02-01", tender)))
    assert forecast.known and forecast.announced_after_publication
    assert forecast.slip is None


def test_without_history_or_commit_the_forecast_is_not_known() -> None:
    tender = _tender("2027-Q1")
    assert forecast_of(tender, [], available=False) == Forecast(tender.id, unknown="no-history")
    assert forecast_of(tender, []).unknown == "not-committed"
    assert not forecast_of(tender, []).known


def test_group_numbers() -> None:
    def forecast(moves: int, slip: Slip | None) -> Forecast:
        step = Step(D("2026-12-01"), P("2027-Q1"), P("2027-Q3"))
        return Forecast("x", None, D("2026-10-01"), P("2027-Q1"), (step,) * moves, None, slip)

    tender, example = _tender("2027-Q1"), _tender("2027-Q1", example=True)
    group = group_accuracy(
        "rvb",
        [
            (tender, forecast(2, Slip(8, False))),
            (example, forecast(0, Slip(0, True))),
            (example, forecast(1, Slip(-1, False))),
            (tender, forecast(0, None)),
            (tender, Forecast("y", unknown="not-committed")),  # not counted
        ],
    )
    assert (group.announced, group.examples, group.published, group.published_examples) == (
        4,
        2,
        3,
        2,
    )
    assert group.within == 1 and group.share_within == pytest.approx(1 / 3)
    assert group.median_slip == 0.0  # median of -1, 0 and 8
    assert group.moves == 3 and group.moves_per_tender == 0.75


# --- A scratch repository: moved twice, then published --------------------------------------

MOVED = "rvb-2027-zonnepanelen"
WITHIN = "rvb-2027-led-verlichting"
REFINED = "bzk-2028-laptops"
TENDERS = {
    MOVED: """\
        title: {nl: Zonnepanelen, en: Solar panels}
        description: {nl: Panelen op daken., en: Panels on roofs.}
        buyer: rvb
        category: ict-werkplekken
        cpv: [09331100-9]
        kind: works
        above_eu_threshold: false
        expected_publication: 2027-Q1
        contract_start: 2028-03
        certainty: planned
        status: planned
        contact: {email: inkoop@example.org}
        """,
    WITHIN: """\
        title: {nl: LED-verlichting, en: LED lighting}
        description: {nl: Verlichting., en: Lighting.}
        buyer: rvb
        category: ict-werkplekken
        cpv: [31500000-1]
        kind: supplies
        above_eu_threshold: true
        expected_publication: 2027-Q3
        certainty: planned
        status: planned
        contact: {email: inkoop@example.org}
        """,
    REFINED: """\
        title: {nl: Laptops, en: Laptops}
        description: {nl: Laptops., en: Laptops.}
        buyer: bzk
        category: ict-werkplekken
        cpv: [30213100-6]
        kind: supplies
        above_eu_threshold: true
        expected_publication: 2028-Q2
        certainty: indicative
        status: planned
        contact: {email: inkoop@example.org}
        example: true
        """,
}
NOTICE = "https://www.tenderned.nl/aankondigingen/overzicht/123456"
# (tender, old text, new text, commit message, commit date), in the order they were committed
STEPS = [
    (MOVED, "2027-Q1", "2027-Q2", "Zonnepanelen een kwartaal later", "2026-12-01T10:00:00+01:00"),
    (MOVED, "2027-Q2", "2027-Q4", "Zonnepanelen naar het najaar", "2027-03-15T10:00:00+01:00"),
    (
        MOVED,
        "status: planned",
        f"status: published\npublished_on: 2027-11-10\ntenderned_url: {NOTICE}",
        "Zonnepanelen gepubliceerd",
        "2027-11-12T10:00:00+01:00",
    ),
    (
        WITHIN,
        "status: planned",
        "status: published\npublished_on: 2027-08-20\n"
        "tenderned_url: https://www.tenderned.nl/aankondigingen/overzicht/654321",
        "LED-verlichting gepubliceerd",
        "2027-08-25T10:00:00+02:00",
    ),
    (REFINED, "2028-Q2", "2028-05", "Laptops: mei", "2027-09-01T10:00:00+02:00"),
]
TODAY = "2028-01-15"


@pytest.fixture(scope="module")
def repo(data_dir_factory) -> Path:
    """The minimal data with the three tenders, first committed on 1 October 2026."""
    data = data_dir_factory()
    (data / "tenders" / "rvb-2027-zonnepanelen.yaml").unlink()
    for tender_id, text in TENDERS.items():
        write(data, f"tenders/{tender_id}.yaml", text)
    root = data.parent
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "data")
    _git(root, "commit", "-qm", "Eerste kalender", date="2026-10-01T10:00:00+02:00")
    for tender_id, old, new, message, date in sorted(STEPS, key=lambda step: step[4]):
        path = data / "tenders" / f"{tender_id}.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text, (tender_id, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        _git(root, "commit", "-qam", message, date=date)
    return root


@pytest.fixture(scope="module")
def site(repo: Path, tmp_path_factory, chart_cache) -> Path:
    return build_into(
        tmp_path_factory.mktemp("forecast") / "site", repo / "data", chart_cache, today=TODAY
    )


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _planning(site: Path, tender_id: str, lang: str) -> str:
    """The text of a tender page's planning section, tags removed, spaces collapsed."""
    page = _page(site, record_url("tender", tender_id, lang))
    part = page[page.index('id="planning"') : page.index('id="description"')]
    return " ".join(re.sub(r"<[^>]+>", "", part).split())


def test_the_tender_page_shows_both_moves_with_their_dates_and_the_slip(site: Path) -> None:
    nl = _planning(site, MOVED, "nl")
    assert (
        "Eerst aangekondigd op 1 oktober 2026, met als verwachte publicatie 1e kwartaal 2027." in nl
    )
    assert (
        "Twee keer verschoven sinds de eerste aankondiging: 1e kwartaal 2027 → 2e kwartaal 2027 "
        "(op 1 december 2026) → 4e kwartaal 2027 (op 15 maart 2027)." in nl
    )
    assert "Gepubliceerd op 10 november 2027." in nl
    assert "8 maanden later dan eerst aangekondigd (1e kwartaal 2027)." in nl
    en = _planning(site, MOVED, "en")
    assert (
        "Moved twice since first announced: Q1 2027 → Q2 2027 (on 1 December 2026) → Q4 2027 "
        "(on 15 March 2027)." in en
    )
    assert "Published on 10 November 2027. See the notice on TenderNed." in en
    assert "8 months later than first announced (Q1 2027)." in en


def test_the_tender_page_links_the_accuracy_page_and_shows_the_dates_of_what_happened(
    site: Path,
) -> None:
    page = _page(site, record_url("tender", MOVED, "nl"))
    planning = page[page.index('id="planning"') : page.index('id="description"')]
    assert 'href="../../nauwkeurigheid-planning/"' in planning
    assert (
        '<dt>Gepubliceerd op TenderNed</dt><dd><time datetime="2027-11-10">10 november 2027</time>'
        in page
    )
    assert f'href="{NOTICE}"' in planning, "the notice on TenderNed"
    english = _page(site, record_url("tender", MOVED, "en"))
    assert 'href="../../forecast-accuracy/"' in english
    assert "<dt>Published on TenderNed</dt>" in english


def test_within_the_first_window_and_a_refinement_that_is_no_move(site: Path) -> None:
    within = _planning(site, WITHIN, "nl")
    assert "Niet verschoven sinds de eerste aankondiging." in within
    assert "Gepubliceerd binnen de eerst aangekondigde periode (3e kwartaal 2027)." in within
    refined = _planning(site, REFINED, "en")
    assert (
        "Not moved since first announced, only made more precise: Q2 2028 → May 2028 "
        "(more precise, on 1 September 2027)." in refined
    )


def _rows(page: str, caption: str) -> dict[str, list[str]]:
    """The rows of the accuracy table captioned `caption`: first cell → the other cells."""
    table = page[page.index(f'<caption class="mvi-visually-hidden">{caption}</caption>') :]
    table = table[: table.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
        cells = [
            " ".join(re.sub(r"<[^>]+>", " ", c).split())
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        rows[cells[0]] = cells[1:]
    return rows


def test_the_accuracy_page_counts_the_tenders_per_buyer_and_category(site: Path) -> None:
    # By hand, from STEPS. rvb: two tenders announced (none an example), both published; the
    # first 8 months after its first window, the second within it: 1 of 2 within (50%), median
    # slip (8 + 0) / 2 = 4, moves 2 + 0 over 2 tenders = 1. bzk: one tender (an example), only
    # refined: 0 moves, nothing published. The category holds all three: 1 of 2 within, median
    # 4, moves 2 over 3 tenders = 0.67.
    # Columns: announced, examples, published, within first window, median slip, moves/tender.
    page = _page(site, section_url("forecast", "nl"))
    everything = ["3", "1", "2", "50% (1 van 2)", "+4", "0,67"]
    assert _rows(page, "Per aanbestedende dienst") == {
        "BZK": ["1", "1", "0", "–", "–", "0"],
        "RVB": ["2", "0", "2", "50% (1 van 2)", "+4", "1"],
        "Alle aanbestedingen": everything,
    }
    assert _rows(page, "Per categorie") == {
        "ICT-werkplekken": everything,
        "Alle aanbestedingen": everything,
    }
    assert "Deze cijfers tellen 3 aanbestedingen uit de kalender" in page
    assert "Daarvan is er 1 een voorbeeld" in page
    english = _page(site, section_url("forecast", "en"))
    assert _rows(english, "By category")["ICT workplaces"][3:] == ["50% (1 of 2)", "+4", "0.67"]


def test_the_accuracy_charts_hold_the_same_numbers(site: Path) -> None:
    folder = site / section_url("forecast", "en")
    within = list(csv.DictReader(io.StringIO((folder / "forecast-within.csv").read_text())))
    assert within == [
        {
            "Contracting authority": "Central Government Real Estate Agency",
            "Within first window (% of published)": "50",
            "Within first window": "1",
            "Published": "2",
        }
    ]
    moves = list(csv.DictReader(io.StringIO((folder / "forecast-moves.csv").read_text())))
    assert [(row["Contracting authority"], row["Moves per tender"]) for row in moves] == [
        ("Central Government Real Estate Agency", "1"),
        ("Ministry of the Interior", "0"),
    ]
    page = _page(site, section_url("forecast", "en"))
    # An accessible figure, as every chart; the one that counts an example says so.
    for name, note in (
        ("forecast-within", ""),
        ("forecast-moves", " chart-forecast-moves-examples"),
    ):
        figure = page[page.index(f'<figure class="mvi-chart" id="chart-{name}">') :]
        figure = figure[: figure.index("</figure>")]
        assert f'aria-labelledby="chart-{name}-title chart-{name}-summary{note}"' in figure
        assert f'href="{name}.csv"' in figure and "<table" in figure
    assert "1 of the 2 published tenders appeared within the window first announced (50%)." in page
    assert "Counted: 2 tenders in the calendar published after they were first announced." in page
    assert "Counted: 3 tenders in the calendar whose first announcement is known." in page
    assert "1 of the 3 tenders counted here is an example: an illustrative record" in page


def test_the_calendar_links_the_accuracy_page(site: Path) -> None:
    assert 'href="../nauwkeurigheid-planning/"' in _page(site, section_url("calendar", "nl"))
    assert 'href="../forecast-accuracy/"' in _page(site, section_url("calendar", "en"))


def test_without_history_the_forecast_is_not_known(repo: Path, tmp_path: Path, chart_cache) -> None:
    data = tmp_path / "data"
    shutil.copytree(repo / "data", data)  # outside Git
    site = build_into(tmp_path / "site", data, chart_cache, today=TODAY)
    planning = _planning(site, MOVED, "nl")
    assert "Niet bekend: zonder de Git-geschiedenis" in planning
    assert "verschoven" not in planning.replace("of ze daarna verschoof", "")
    assert "Gepubliceerd op 10 november 2027." in planning, "the publication itself is a fact"
    assert "maanden later" not in planning, "no slip without the first window"
    page = _page(site, section_url("forecast", "en"))
    assert "Without the history, how accurate the planning was is not known." in page
    assert "forecast-within.csv" not in page


def test_the_example_data_say_nothing_is_published(built_site: Path) -> None:
    page = _page(built_site, section_url("forecast", "nl"))
    assert "Nog geen van deze aanbestedingen is gepubliceerd." in page
    assert "Het zijn allemaal voorbeelden" in page
    assert "forecast-within.csv" not in page, "no share without publications"
    english = _page(built_site, section_url("forecast", "en"))
    assert "None of these tenders has been published yet" in english


# --- The same story in OCDS ----------------------------------------------------------------


def test_the_tender_moved_twice_and_published_is_one_release_per_change_in_ocds(
    repo: Path,
    offline,  # noqa: F811  (the fixture imported above)
) -> None:
    """Its record holds a release per change (announced, two moves, published), tagged by stage,
    and the record package passes libcoveocds (offline) and the official schemas."""
    day = dt.date.fromisoformat(TODAY)
    data, report = validate_data(repo / "data", day)
    assert report.ok(), report
    record_package = ocds.record_package(
        data, build_crossref(data), CONFIG, read_history(repo / "data"), day
    )
    package = json.loads(ocds.dumps(record_package))
    [record] = [r for r in package["records"] if r["ocid"].endswith(f"-{MOVED}")]
    releases = record["releases"]
    assert [r["tag"] for r in releases] == [
        ["planning"],
        ["planningUpdate"],
        ["planningUpdate"],
        ["tender"],
    ]
    assert [r["date"][:10] for r in releases] == [
        "2026-10-01",
        "2026-12-01",
        "2027-03-15",
        "2027-11-12",
    ]
    assert len({r["id"] for r in releases}) == 4, "each change its own release id"
    notice = [d for d in record["compiledRelease"]["tender"]["documents"] if d["url"] == NOTICE]
    assert notice and notice[0]["datePublished"].startswith("2027-11-10")
    ocds_history.assert_clean(ocds_history.cove(package), package)
    assert ocds_history.record_package_errors(package) == []
