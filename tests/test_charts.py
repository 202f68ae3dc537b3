"""Charts: golden specs per kind, the SVG fitted for a page, the cache, palettes and CSV.

The golden files under tests/golden/charts/ are each chart's Vega-Lite spec (`Figure.spec()`) for
the fixture data in tests/fixtures/charts/ (a frozen copy of part of the example data, plus
invented goal measurements); each is valid against the Vega-Lite JSON schema it names. After an
intended change, regenerate them with `make golden` and review the diff.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.metadata
import io
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jsonschema
import pytest

from generator.base.i18n import LANGS, Lang
from generator.charts import figures, palette, vegalite
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
def vega_lite() -> Any:
    """A validator for the Vega-Lite JSON schema, as shipped in the Altair package (a test
    dependency only: the build writes its specs without it)."""
    path = importlib.metadata.distribution("altair").locate_file(_SCHEMA)
    schema = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


_SCHEMA = "altair/vegalite/v6/schema/vega-lite-schema.json"


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
def test_spec_matches_its_golden_file(data: DataSet, vega_lite: Any, kind: str, lang: Lang) -> None:
    figure = kinds(data)[kind](lang)
    assert figure is not None, f"the fixture should give a {kind} chart"
    spec = figure.spec()
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in vega_lite.iter_errors(spec)]
    assert not errors, f"{kind} ({lang}) is not valid Vega-Lite: {errors[:3]}"
    golden = GOLDEN / f"{kind}.{lang}.json"
    text = json.dumps(spec, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run `make golden`"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{kind} ({lang}) changed: check the change, then run `make golden`"
    )


def test_the_schema_is_the_one_the_specs_name_and_it_rejects_a_wrong_spec(
    data: DataSet, vega_lite: Any
) -> None:
    from altair.vegalite.v6.schema import SCHEMA_URL  # the version of the schema file read

    figure = kinds(data)["pipeline-count"]("nl")
    assert figure is not None
    spec = figure.spec()
    assert spec["$schema"] == SCHEMA_URL
    assert vega_lite.is_valid(spec)
    wrong = {**spec, "layer": [{**spec["layer"][0], "mark": {"type": "no-such-mark"}}]}
    assert not vega_lite.is_valid(wrong)
    assert not vega_lite.is_valid({**spec, "height": "tall"})


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_chart_draws_only_its_own_rows(data: DataSet, kind: str, lang: Lang) -> None:
    """The chart's one dataset is the figure's rows: the table and the CSV show what is drawn."""
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


def _per_quarter(figure: Figure, key: str) -> Counter[str]:
    """Tenders per quarter (by `key`: "quarter_key" or "quarter"), in the order of the rows."""
    counts: Counter[str] = Counter()
    for row in figure.records():
        counts[row[key]] += row["count"]
    return counts


def test_summaries_come_from_the_data(data: DataSet) -> None:
    count = kinds(data)["pipeline-count"]("en")
    assert count is not None
    per_quarter = _per_quarter(count, "quarter_key")
    top = max(per_quarter.values())
    assert count.summary.startswith(f"{per_quarter.total()} planned tenders")
    if set(per_quarter.values()) == {top}:
        assert count.summary.endswith(f"{top} in each.")
    else:
        busiest = min(key for key, n in per_quarter.items() if n == top)
        year, quarter = busiest.split("-Q")
        assert f"most of them, {top}, in Q{quarter} {year}" in count.summary


def test_a_busiest_quarter_is_named(data: DataSet) -> None:
    tenders = build_crossref(data).open_tenders
    tenders = [*tenders, tenders[0].model_copy(update={"id": "twin"})]  # one quarter gets two
    figure = figures.pipeline_count(tenders, data, "en")
    assert figure is not None
    per_quarter = _per_quarter(figure, "quarter")
    top = max(per_quarter.values())
    assert len(set(per_quarter.values())) > 1
    busiest = [quarter for quarter, n in per_quarter.items() if n == top]
    assert f"most of them, {top}, in {busiest[0]}" in figure.summary


def test_no_measurements_means_no_goal_chart(data: DataSet) -> None:
    unmeasured = [g.model_copy(update={"measurements": []}) for g in data.goals.values()]
    assert figures.goals_progress(unmeasured, "nl") is None
    measured = figures.goals_progress(list(data.goals.values()), "nl")
    assert measured is not None
    assert {row["value"] for row in measured.records()} >= {8, 13.5, 30}


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
    assert len(rows) - 1 == len(figure.records())
    assert sum(int(row[2]) for row in rows[1:]) == sum(row["count"] for row in figure.records())

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
    assert len(figure.records()) == figures.TIMELINE_ROWS == 20
    assert figure.summary.startswith("25 geplande aanbestedingen")
    assert "De grafiek toont de eerste 20" in figure.summary
    assert figure.records()[-1]["tender"].endswith(f"({base.id}-19)"), "the first 20, in order"
    short = figures.timeline(many[:20], "en")
    assert short is not None and len(short.records()) == 20 and "first 20" not in short.summary


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


# --- Plain dicts: the rows' types, and no chart library at build time ------------------------


def test_rows_keep_the_types_a_pandas_frame_gave_them() -> None:
    """Specs, their cache keys and the CSV files stay as they were when pandas held the rows: a
    column of numbers with a gap or a fraction is all floats, other columns keep their values."""
    rows = vegalite.as_frame(
        [
            {"gap": 1, "mixed": 1, "ints": 1, "flag": True, "text": "a", "nan": 1.5},
            {"gap": None, "mixed": 2.5, "ints": 2, "flag": None, "text": None},
        ]
    )
    assert rows == [
        {"gap": 1.0, "mixed": 1.0, "ints": 1, "flag": True, "text": "a", "nan": 1.5},
        {"gap": None, "mixed": 2.5, "ints": 2, "flag": None, "text": None, "nan": None},
    ]
    assert [type(rows[0][key]) for key in ("gap", "mixed", "ints")] == [float, float, int]
    assert vegalite.as_frame([{"nan": float("nan"), "bools": True}]) == [
        {"nan": None, "bools": True}
    ]


def test_a_quarter_without_estimates_makes_the_value_column_floats(data: DataSet) -> None:
    tenders = build_crossref(data).open_tenders
    unknown = [tenders[0].model_copy(update={"estimated_value": None}), *tenders[1:]]
    figure = figures.pipeline_value(unknown, "en")
    assert figure is not None
    lows = [row["low"] for row in figure.records()]
    assert None in lows and all(isinstance(low, float) for low in lows if low is not None)
    text = figure.csv().decode()
    assert ",2000000," in text and ".0," not in text, "whole numbers stay whole in the CSV"


_BUILD_IMPORTS = """
import datetime as dt, sys
from pathlib import Path
import generator.build, generator.cli  # what `mvi-site build` loads
from generator.charts.svg import SvgRenderer
from generator.crossref import build_crossref
from generator.history.git import History
from generator.inputs import Inputs, Reads, World
from generator.render.pages import plan_pages, render_page
from generator.validate import validate_data

today = dt.date(2026, 11, 23)
data, report = validate_data(Path(sys.argv[1]), today)
data = data.frozen()
world = World(data, build_crossref(data), History(available=False, reason="no-git"), today)
home = next(plan for plan in plan_pages(data) if plan.key == "home")
content = render_page(home, Inputs(world, Reads()), SvgRenderer(cache_dir=None))
assert content.charts and "<svg" in content.html, "the page has its charts, drawn"
print(" ".join(sorted(name for name in sys.modules if name.split(".")[0] in sys.argv[2:])))
"""


def test_a_build_imports_neither_altair_nor_pandas() -> None:
    """Loading them took about a second, and building with them 40 ms a chart."""
    package = Path(figures.__file__).parents[2]  # the `generator` these tests import
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(package), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-c", _BUILD_IMPORTS, str(FIXTURE), "altair", "pandas", "numpy"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"loaded at build time: {done.stdout}"
