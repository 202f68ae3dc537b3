"""Charts: golden specs per kind, the SVG fitted for a page, the cache, palettes and CSV.

The golden files under tests/golden/charts/ are each chart's `chart.to_dict()` for the fixture
data in tests/fixtures/charts/ (a frozen copy of part of the example data, plus invented goal
measurements). After an intended change, regenerate them with `make golden` and review the diff.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.base.i18n import LANGS, Lang
from generator.charts import figures, palette
from generator.charts.figures import Figure, _short_middle
from generator.charts.svg import SvgRenderer, finish
from generator.crossref import build_crossref
from generator.history.forecast import GroupAccuracy
from generator.inputs import Inputs
from generator.monitor.effort import effort_results
from generator.render.page_charts import PageCharts
from generator.source.dataset import DataSet
from generator.validate import validate_data

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "charts"
GOLDEN = HERE / "golden" / "charts"
TODAY = dt.date(2026, 11, 23)
UPDATE = os.environ.get("MVI_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def data() -> DataSet:
    dataset, report = validate_data(FIXTURE, TODAY)
    assert report.ok(), report
    return dataset


def kinds(data: DataSet) -> dict[str, Callable[[Lang], Figure | None]]:
    """One builder call per chart kind, on the fixture data."""
    ref = build_crossref(data)
    plan = data.category_plans["ict-werkomgeving-rijk"]
    action_plan = data.action_plans["ienw-2025-2028"]
    ict = [t for t in ref.open_tenders if t.category == plan.id]
    efforts = tuple(effort_results(data.goals.values(), ref.tenders, data))
    return {
        "pipeline-count": lambda lang: figures.pipeline_count(ref.open_tenders, data, lang),
        "pipeline-value": lambda lang: figures.pipeline_value(ref.open_tenders, lang),
        "timeline": lambda lang: figures.timeline(ict, lang),
        "ambition-matrix": lambda lang: figures.ambition_matrix(
            list(data.category_plans.values()), data, lang
        ),
        "ambition-profile": lambda lang: figures.ambition_profile(plan.ambitions, data, lang),
        "route-map": lambda lang: figures.route_map(data.route_maps["vastgoed"], data, lang),
        "action-status": lambda lang: figures.action_status(action_plan, data, lang),
        "indicators": lambda lang: figures.indicators(action_plan, lang),
        "goals-progress": lambda lang: figures.goals_progress(list(data.goals.values()), lang),
        "cases-by-theme": lambda lang: figures.cases_by_theme(ref.cases, data, lang),
        "forecast-within": lambda lang: figures.forecast_within(ACCURACY, data, lang),
        "forecast-moves": lambda lang: figures.forecast_moves(ACCURACY, data, lang),
        "effort-shares": lambda lang: figures.effort_shares(efforts, lang),
    }


# Forecast accuracy per buyer, as generator/history/forecast.py counts it from a history (the
# fixture has none): key, announced, examples, published, of them examples, within, moves, slips.
ACCURACY = (
    GroupAccuracy("bzk", 4, 4, 3, 3, 2, 5, (0, 0, 3)),
    GroupAccuracy("rvb", 2, 0, 2, 0, 1, 2, (8, 0)),
    GroupAccuracy("rws", 3, 3, 0, 0, 0, 0, ()),
)


CASES = [(kind, lang) for kind in figures.KINDS for lang in LANGS]


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_spec_matches_its_golden_file(data: DataSet, kind: str, lang: Lang) -> None:
    figure = kinds(data)[kind](lang)
    assert figure is not None, f"the fixture should give a {kind} chart"
    spec = figure.chart.to_dict()  # validates against the Vega-Lite schema
    assert spec == figure.spec(), "the unvalidated spec the build draws must be the same"
    golden = GOLDEN / f"{kind}.{lang}.json"
    text = json.dumps(spec, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run `make golden`"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{kind} ({lang}) changed: check the change, then run `make golden`"
    )


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_chart_draws_only_its_own_frame(data: DataSet, kind: str, lang: Lang) -> None:
    """The chart's one dataset is the figure's frame: the table and the CSV show what is drawn."""
    assert set(kinds(data)) == set(figures.KINDS), "one builder call per kind"
    figure = kinds(data)[kind](lang)
    assert figure is not None
    assert figure.name == kind
    spec = figure.spec()
    datasets = list(spec["datasets"].values())
    assert len(datasets) == 1
    assert datasets[0] == json.loads(json.dumps(figure.records()))
    assert "url" not in json.dumps(spec.get("data", {})), "a chart may never load data"
    assert spec["config"]["aria"] is False
    assert figure.summary and figure.title


def test_summaries_come_from_the_data(data: DataSet) -> None:
    count = kinds(data)["pipeline-count"]("en")
    assert count is not None
    per_quarter = count.frame.groupby("quarter_key")["count"].sum()
    top = per_quarter.max()
    assert count.summary.startswith(f"{int(per_quarter.sum())} planned tenders")
    if (per_quarter == top).all():
        assert count.summary.endswith(f"{top} in each.")
    else:
        busiest = per_quarter[per_quarter == top].index[0]
        year, quarter = busiest.split("-Q")
        assert f"most of them, {top}, in Q{quarter} {year}" in count.summary


def test_a_busiest_quarter_is_named(data: DataSet) -> None:
    tenders = build_crossref(data).open_tenders
    tenders = [*tenders, tenders[0].model_copy(update={"id": "twin"})]  # one quarter gets two
    figure = figures.pipeline_count(tenders, data, "en")
    assert figure is not None
    per_quarter = figure.frame.groupby("quarter")["count"].sum()
    assert per_quarter.nunique() > 1
    busiest = per_quarter[per_quarter == per_quarter.max()].index
    assert f"most of them, {per_quarter.max()}, in {busiest[0]}" in figure.summary


def test_no_measurements_means_no_goal_chart(data: DataSet) -> None:
    unmeasured = [g.model_copy(update={"measurements": []}) for g in data.goals.values()]
    assert figures.goals_progress(unmeasured, "nl") is None
    measured = figures.goals_progress(list(data.goals.values()), "nl")
    assert measured is not None
    assert set(measured.frame["value"]) >= {8, 13.5, 30}


def test_dutch_tables_use_dutch_numbers(data: DataSet) -> None:
    value = kinds(data)["pipeline-value"]("nl")
    assert value is not None
    texts = [text for row in value.cells() for _, text in row]
    assert any(text.startswith("€ ") and "mln" in text for text in texts)
    english = kinds(data)["pipeline-value"]("en")
    assert english is not None
    assert any(
        text.endswith("m") and text.startswith("€") for row in english.cells() for _, text in row
    )


# --- The SVG on the page ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def drawn(data: DataSet) -> dict[str, str]:
    renderer = SvgRenderer(cache_dir=None)
    out = {}
    for kind, build in kinds(data).items():
        figure = build("nl")
        assert figure is not None
        out[kind] = finish(renderer.draw(figure.spec(), "nl-NL"), f"chart-{kind}", "cap sum")
    return out


def test_svg_is_one_named_image_without_vega_aria(drawn: dict[str, str]) -> None:
    for kind, svg in drawn.items():
        root = re.match(r"<svg\b[^>]*>", svg)
        assert root, kind
        assert 'role="img"' in root[0] and 'aria-labelledby="cap sum"' in root[0], kind
        inner = svg[root.end() :]
        assert not re.search(r"\s(role|aria-[a-z]+)=", inner), f"{kind}: Vega's ARIA left in"
        assert "roledescription" not in svg and "container" not in svg, kind


def test_svg_ids_are_prefixed_and_patterns_defined(drawn: dict[str, str]) -> None:
    svg = drawn["pipeline-count"]
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert ids and all(i.startswith("chart-pipeline-count-") for i in ids)
    for ref in re.findall(r"url\(#([^)]+)\)", svg):
        assert ref in ids, f"url(#{ref}) points nowhere"


def test_svg_text_follows_the_page_colour(drawn: dict[str, str]) -> None:
    assert palette.INK.lower() not in drawn["pipeline-count"].lower()
    assert 'fill="currentColor"' in drawn["pipeline-count"]


def test_drawing_is_deterministic(data: DataSet) -> None:
    figure = kinds(data)["timeline"]("en")
    assert figure is not None
    first = SvgRenderer(cache_dir=None).draw(figure.spec(), "en-US")
    second = SvgRenderer(cache_dir=None).draw(figure.spec(), "en-US")
    assert first == second


def test_editor_text_in_a_chart_is_escaped(data: DataSet) -> None:
    tender = next(iter(data.tenders.values()))
    evil = tender.model_copy(
        update={"title": tender.title.model_copy(update={"nl": '<script>alert(1)</script> & "x'})}
    )
    figure = figures.timeline([evil], "nl")
    assert figure is not None
    svg = SvgRenderer(cache_dir=None).draw(figure.spec(), "nl-NL")
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg


def test_cache_skips_drawing_and_changes_nothing(data: DataSet, tmp_path: Path) -> None:
    specs = [build("nl").spec() for build in kinds(data).values()]  # type: ignore[union-attr]
    first = SvgRenderer(cache_dir=tmp_path)
    drawn = [first.draw(spec, "nl-NL") for spec in specs]
    assert (first.stats.drawn, first.stats.cached) == (len(specs), 0)
    second = SvgRenderer(cache_dir=tmp_path)
    again = [second.draw(spec, "nl-NL") for spec in specs]
    assert (second.stats.drawn, second.stats.cached) == (0, len(specs))
    assert again == drawn
    changed = dict(specs[0], width=123)
    second.draw(changed, "nl-NL")
    assert second.stats.drawn == 1, "a changed spec is drawn again"
    second.draw(specs[0], "en-US")
    assert second.stats.drawn == 2, "the locale is part of the key"


# --- Colours and CSV -------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_palette_contrast() -> None:
    for colour in palette.SERIES_COLOURS + palette.MILESTONE_COLOURS:
        assert _contrast(colour, "#FFFFFF") >= 3, f"{colour}: below 3:1 on white (WCAG 1.4.11)"
    for count in range(1, 9):  # however many levels the data have
        for fill in palette.level_fills(count):
            assert _contrast(palette.text_on(fill), fill) >= 4.5, f"{fill}: text below AA"
    assert _contrast(palette.INK, "#FFFFFF") >= 4.5
    assert _contrast(palette.RULE, "#FFFFFF") >= 4.5


def test_level_colours_run_light_to_dark_by_rank() -> None:
    """Three levels keep the three colours of the ambitieweb; more or fewer share the ramp."""
    assert palette.level_fills(3) == list(palette.LEVEL_RAMP)
    assert [palette.text_on(fill) for fill in palette.LEVEL_RAMP] == ["#000000"] * 2 + ["#FFFFFF"]
    for count in range(2, 9):
        fills = palette.level_fills(count)
        assert len(set(fills)) == count
        assert fills[0] == palette.LEVEL_RAMP[0] and fills[-1] == palette.LEVEL_RAMP[-1]
        darkness = [-_luminance(fill) for fill in fills]
        assert darkness == sorted(darkness), f"{count} levels: not light to dark"


def test_series_fills_stay_distinct() -> None:
    pairs = {(i % len(palette.SERIES_COLOURS), i % len(palette.TEXTURES)) for i in range(42)}
    assert len(pairs) == 42, "colour and pattern together tell 42 series apart"


def test_csv_holds_the_table_and_neutralises_formulas(data: DataSet) -> None:
    figure = kinds(data)["pipeline-count"]("nl")
    assert figure is not None
    rows = list(csv.reader(io.StringIO(figure.csv().decode("utf-8"))))
    assert rows[0] == [c.title for c in figure.columns]
    assert len(rows) - 1 == len(figure.frame)
    assert sum(int(row[2]) for row in rows[1:]) == int(figure.frame["count"].sum())

    plan = data.category_plans["ict-werkomgeving-rijk"]
    evil = plan.model_copy(update={"name": plan.name.model_copy(update={"nl": "=HYPERLINK(1)"})})
    tenders = [t for t in data.tenders.values() if t.category == plan.id and t.status == "planned"]
    patched = SimpleNamespace(category_plans={plan.id: evil})  # all pipeline_count reads
    dangerous = figures.pipeline_count(tenders, patched, "nl")  # type: ignore[arg-type]
    assert dangerous is not None
    text = dangerous.csv().decode("utf-8")
    assert "'=HYPERLINK(1)" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_figures_on_one_page_get_distinct_ids(data: DataSet) -> None:
    charts = PageCharts("nl", Inputs.of(data), SvgRenderer(cache_dir=None))
    tenders = build_crossref(data).open_tenders
    ids = [charts.timeline(tenders[:n]).id for n in (1, 2, 3)]  # type: ignore[union-attr]
    assert ids == ["chart-timeline", "chart-timeline-2", "chart-timeline-3"]
    assert [p.csv_name for p in charts.placed][-1] == "timeline-3.csv"


# --- Drawing in the background (a site build) --------------------------------------------------


def test_background_drawing_fills_the_same_svg_in_place(data: DataSet, tmp_path: Path) -> None:
    tenders = build_crossref(data).open_tenders
    alongside = PageCharts(
        "nl", Inputs.of(data), SvgRenderer(cache_dir=tmp_path / "bg", background=True, draw_here=0)
    )
    at_once = PageCharts("nl", Inputs.of(data), SvgRenderer(cache_dir=None))
    late = alongside.timeline(tenders[:3])
    now = at_once.timeline(tenders[:3])
    assert late is not None and now is not None
    assert "<svg" not in late.svg, "a page waits for the drawing: it holds a placeholder"
    page = f"<main>{late.svg}</main>"
    assert alongside.renderer.fill(page) == f"<main>{now.svg}</main>"
    alongside.renderer.close()
    assert alongside.renderer.stats.drawn == 1
    assert "drawing, alongside the pages" in alongside.renderer.stats.line()
    kept = SvgRenderer(cache_dir=tmp_path / "bg")
    assert kept.cached(kept.key(late.figure.spec(), "nl-NL")) is not None, "kept for next time"


def test_background_draws_a_spec_once_for_every_page_that_shows_it(data: DataSet) -> None:
    renderer = SvgRenderer(cache_dir=None, background=True, draw_here=0)
    tenders = build_crossref(data).open_tenders
    home, calendar = (
        PageCharts("nl", Inputs.of(data), renderer),
        PageCharts("nl", Inputs.of(data), renderer),
    )
    first, second = home.pipeline_count(tenders), calendar.pipeline_count(tenders)
    assert first is not None and second is not None
    filled = renderer.fill(f"{first.svg}|{second.svg}")
    assert filled.count("<svg") == 2
    renderer.close()
    assert (renderer.stats.drawn, renderer.stats.shared) == (1, 1)


def test_only_this_builds_placeholders_are_filled(data: DataSet) -> None:
    renderer = SvgRenderer(cache_dir=None, background=True, draw_here=0)
    placed = PageCharts("nl", Inputs.of(data), renderer).timeline(
        build_crossref(data).open_tenders[:1]
    )
    assert placed is not None
    forged = str(placed.svg).replace(renderer._nonce, "0" * 16)  # what editor text could hold
    assert renderer.fill(forged) == forged
    assert SvgRenderer(cache_dir=None, background=True, draw_here=0).fill(str(placed.svg)) == str(
        placed.svg
    )
    renderer.close()


def test_a_failed_drawing_stops_the_page_that_shows_it() -> None:
    renderer = SvgRenderer(cache_dir=None, background=True, draw_here=0)
    future = renderer.draw_later({"mark": "no-such-mark"}, "nl-NL", "bad")
    assert not isinstance(future, str)
    mark = renderer.placeholder(future, "chart-x", "cap")
    with pytest.raises(Exception, match="conversion failed"):
        renderer.fill(mark)
    with pytest.raises(Exception, match="conversion failed"):
        renderer.close()


def test_a_long_timeline_shows_the_first_tenders_and_says_so(data: DataSet) -> None:
    base = next(t for t in build_crossref(data).open_tenders)
    many = [base.model_copy(update={"id": f"{base.id}-{n:02d}"}) for n in range(25)]
    figure = figures.timeline(many, "nl")
    assert figure is not None
    assert len(figure.frame) == figures.TIMELINE_ROWS == 20
    assert figure.summary.startswith("25 geplande aanbestedingen")
    assert "De grafiek toont de eerste 20" in figure.summary
    assert list(figure.frame["tender"])[-1].endswith(f"({base.id}-19)"), "the first 20, in order"
    short = figures.timeline(many[:20], "en")
    assert short is not None and len(short.frame) == 20 and "first 20" not in short.summary


def test_the_first_charts_are_drawn_at_once_without_a_worker(data: DataSet) -> None:
    """After an edit a build draws a chart or two: starting a worker would take longer."""
    renderer = SvgRenderer(cache_dir=None, background=True)
    tenders = build_crossref(data).open_tenders
    charts = PageCharts("nl", Inputs.of(data), renderer)
    placed = [charts.timeline(tenders[:n]) for n in (1, 2, 3)]
    assert all(p is not None for p in placed)
    assert "<svg" in placed[0].svg and "<svg" in placed[1].svg  # type: ignore[union-attr]
    assert "<svg" not in placed[2].svg, "the third waits for the worker"  # type: ignore[union-attr]
    renderer.close()
    assert renderer.stats.drawn == 3


def test_similar_long_titles_stay_apart_on_a_timeline() -> None:
    """Titles of one buyer often differ only at their end: the label keeps start and end."""
    start = "Raamovereenkomst voor de levering, installatie en het onderhoud van laptops voor "
    a, b = _short_middle(start + "rijkskantoren (fase 1)"), _short_middle(start + "de douane")
    assert a != b and a.endswith("(fase 1)") and b.endswith("de douane")
    assert a.startswith("Raamovereenkomst voor de") and " … " in a
    assert max(len(a), len(b)) <= 48
    assert _short_middle("Korte titel") == "Korte titel"
