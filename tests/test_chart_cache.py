"""Figures kept between builds: reused without building the chart, and never when anything changed.

A second build from the same inputs and code places each figure from the build's outputs and the
SVG cache without building the figure or its spec; a changed argument, language,
record the builder read, or code version means the figure is built (and drawn) again. What a
builder reads of the data counts as read by the page, whether it ran or its figure was kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from test_charts import ACCURACY  # forecast accuracy per buyer, as a history would give it

from generator import memo as memo_module
from generator.base.i18n import Lang
from generator.charts import figures
from generator.charts.reuse import ReusedFigure, figure_id
from generator.charts.svg import SvgRenderer
from generator.crossref import build_crossref
from generator.history.git import History
from generator.inputs import Inputs, Reads, World
from generator.memo import Memo, Store
from generator.models import Tender
from generator.models.common import PlannedDate
from generator.monitor.effort import effort_results
from generator.render.page_charts import PageCharts, PlacedFigure
from generator.source.dataset import DataSet
from generator.validate import validate_data

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "charts"
TODAY = dt.date(2026, 11, 23)
# What building a figure and its spec calls.
_BUILDING = [(figures.Figure, "__post_init__"), (figures.Figure, "spec")]


@pytest.fixture
def data() -> DataSet:
    """A fresh data set per test: some tests replace its records."""
    dataset, report = validate_data(FIXTURE, TODAY)
    assert report.ok(), report
    return dataset


@pytest.fixture
def chart_calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each of `_BUILDING` is called (they still work)."""
    calls: Counter[str] = Counter()

    def counting(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return original(*args, **kwargs)

        return counted

    for owner, name in _BUILDING:
        monkeypatch.setattr(owner, name, counting(f"{owner.__name__}.{name}", getattr(owner, name)))
    return calls


def _world(data: DataSet, code: str = "this code") -> World:
    frozen = data.frozen()
    history = History(available=False, reason="no-git")
    return World(frozen, build_crossref(frozen), history, TODAY, {"code": code, "settings": "-"})


@contextmanager
def build(
    data: DataSet, cache: Path | None, lang: Lang = "en", code: str = "this code"
) -> Iterator[PageCharts]:
    """The charts of one page in one build with the build cache `cache` (None: no cache)."""
    world = _world(data, code)
    store = Store(cache / "outputs.sqlite" if cache else None)
    memo = Memo(world, store) if cache else None
    renderer = SvgRenderer(cache_dir=cache / "charts" if cache else None)
    yield PageCharts(lang, Inputs(world, Reads(), memo), renderer)
    store.close()


def every_kind(charts: PageCharts) -> Iterator[PlacedFigure | None]:
    """Place one figure of every kind, from the data the page reads."""
    data, ref = charts.inputs.data, charts.inputs.ref
    plan = data.category_plans["ict-werkomgeving-rijk"]
    action_plan = data.action_plans["ienw-2025-2028"]
    yield charts.pipeline_count(ref.open_tenders)
    yield charts.pipeline_value(ref.open_tenders)
    yield charts.timeline([t for t in ref.open_tenders if t.category == plan.id])
    yield charts.ambition_matrix(list(data.category_plans.values()))
    yield charts.ambition_profile(plan.ambitions)
    yield charts.route_map(data.route_maps["vastgoed"])
    yield charts.action_status(action_plan)
    yield charts.indicators(action_plan)
    yield charts.goals_progress(list(data.goals.values()))
    yield charts.cases_by_theme(ref.cases)
    yield charts.forecast_within(ACCURACY)
    yield charts.forecast_moves(ACCURACY)
    yield charts.effort_shares(tuple(effort_results(data.goals.values(), ref.tenders, data)))


def _shown(placed: PlacedFigure) -> tuple[Any, ...]:
    """All a page shows of a placed figure, and its CSV."""
    figure = placed.figure
    return (placed.id, str(placed.svg), figure.title, figure.summary, figure.cells(), figure.csv())


def _timeline(data: DataSet) -> list[Tender]:
    return [t for t in build_crossref(data).open_tenders if t.category == "ict-werkomgeving-rijk"]


def _place_timeline(
    data: DataSet, cache: Path, tenders: list[Tender], lang: Lang = "en", code: str = "this code"
) -> PageCharts:
    """A page with one timeline, as a build with the build cache `cache` would place it."""
    with build(data, cache, lang, code) as charts:
        assert charts.timeline(tenders) is not None
    return charts


# --- Reused: the same page, no chart built ---------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_second_placement_builds_no_chart_and_shows_the_same(
    data: DataSet, tmp_path: Path, chart_calls: Counter[str], lang: Lang
) -> None:
    with build(data, tmp_path, lang) as first:
        built = [placed for placed in every_kind(first) if placed]
    assert len(built) == len(figures.KINDS)
    assert first.renderer.stats.reused == 0
    assert chart_calls["Figure.spec"] == len(built)

    chart_calls.clear()
    with build(data, tmp_path, lang) as second:  # a build after this one
        reused = [placed for placed in every_kind(second) if placed]
    assert not chart_calls, f"a reused figure was built: {dict(chart_calls)}"
    stats = second.renderer.stats
    assert (stats.drawn, stats.cached, stats.reused) == (0, len(built), len(built))
    assert stats.line().startswith(f"Charts: {len(built)} (0 drawn, {len(built)} from cache) in ")
    assert all(isinstance(placed.figure, ReusedFigure) for placed in reused)
    assert [_shown(p) for p in reused] == [_shown(p) for p in built]
    assert [p.figure.records() for p in reused] == [p.figure.records() for p in built]
    assert second.inputs.reads.deps == first.inputs.reads.deps, "the page read the same"


def test_a_reused_figure_builds_its_spec_when_asked(data: DataSet, tmp_path: Path) -> None:
    tenders = _timeline(data)
    built = _place_timeline(data, tmp_path, tenders).placed[0].figure
    reused = _place_timeline(data, tmp_path, tenders).placed[0].figure
    assert isinstance(reused, ReusedFigure)
    assert reused.spec() == built.spec()  # what tests/test_site_charts.py checks pages against
    assert reused.records() == built.records()


def test_without_a_cache_nothing_is_kept(data: DataSet, chart_calls: Counter[str]) -> None:
    for _ in range(2):
        with build(data, None, "nl") as charts:
            assert charts.timeline(_timeline(data)) is not None
    assert chart_calls["Figure.spec"] == 2


# --- Rebuilt: anything changed --------------------------------------------------------------


def _changed_tender(tender: Tender, field: str) -> Tender:
    if field == "expected_publication":
        return tender.model_copy(update={field: PlannedDate.quarter(2031, 4)})
    title = tender.title.model_copy(update={"en": "A renamed tender", "nl": "Een hernoemde"})
    return tender.model_copy(update={"title": title})


@pytest.mark.parametrize("field", ["expected_publication", "title"])
def test_a_changed_tender_gives_a_new_spec_and_its_own_svg(
    data: DataSet, tmp_path: Path, chart_calls: Counter[str], field: str
) -> None:
    tenders = _timeline(data)
    before = _place_timeline(data, tmp_path, tenders).placed[0]
    changed = [_changed_tender(tenders[0], field), *tenders[1:]]

    chart_calls.clear()
    after = _place_timeline(data, tmp_path, changed)
    assert chart_calls["Figure.spec"] == 1, "built again"
    assert (after.renderer.stats.drawn, after.renderer.stats.reused) == (1, 0)
    placed = after.placed[0]
    fresh = figures.timeline(changed, "en")
    assert fresh is not None
    assert placed.figure.csv() == fresh.csv() != before.figure.csv()
    with build(data, None) as alone:  # drawn from nothing kept
        assert alone.place(fresh).svg == placed.svg != before.svg  # type: ignore[union-attr]

    chart_calls.clear()
    again = _place_timeline(data, tmp_path, changed)  # and the changed figure is kept in turn
    assert not chart_calls
    assert again.placed[0].svg == placed.svg


def test_the_language_is_part_of_the_id(data: DataSet, tmp_path: Path) -> None:
    tenders = _timeline(data)
    english = _place_timeline(data, tmp_path, tenders, "en")
    dutch = _place_timeline(data, tmp_path, tenders, "nl")
    assert (dutch.renderer.stats.drawn, dutch.renderer.stats.reused) == (1, 0)
    assert dutch.placed[0].figure.title != english.placed[0].figure.title
    world = _world(data)
    assert figure_id("generator.charts.figures.timeline", (tenders, "nl"), world) != figure_id(
        "generator.charts.figures.timeline", (tenders, "en"), world
    )


def test_a_changed_record_the_builder_read_gives_a_new_figure(
    data: DataSet, tmp_path: Path, chart_calls: Counter[str]
) -> None:
    """ambition_profile reads theme names from the data set, not from its own argument; the
    page that shows it has read them too, whether the figure was built or kept."""
    plan = data.category_plans["ict-werkomgeving-rijk"]
    theme = next(iter(plan.ambitions))
    with build(data, tmp_path) as first:
        before = first.ambition_profile(plan.ambitions)
    assert before is not None
    assert ("record", "theme", theme) in first.inputs.reads.deps
    with build(data, tmp_path) as kept:
        assert kept.ambition_profile(plan.ambitions) is not None
    assert kept.renderer.stats.reused == 1
    assert ("record", "theme", theme) in kept.inputs.reads.deps, "a kept figure's reads count"

    entry = data.entries["theme"][theme]
    assert entry.record is not None
    renamed = entry.record.name.model_copy(update={"en": "Renamed theme"})
    entry.record = entry.record.model_copy(update={"name": renamed})  # same data set object

    chart_calls.clear()
    with build(data, tmp_path) as second:
        after = second.ambition_profile(plan.ambitions)
    assert after is not None and chart_calls["Figure.spec"] == 1
    assert "Renamed theme" in after.figure.csv().decode()
    assert "Renamed theme" not in before.figure.csv().decode()


def test_a_changed_code_version_invalidates(
    data: DataSet, tmp_path: Path, chart_calls: Counter[str]
) -> None:
    tenders = _timeline(data)
    before = _place_timeline(data, tmp_path, tenders).placed[0]
    chart_calls.clear()
    after = _place_timeline(data, tmp_path, tenders, code="another version of the code")
    assert chart_calls["Figure.spec"] == 1, "built again"
    stats = after.renderer.stats
    assert (stats.drawn, stats.cached, stats.reused) == (0, 1, 0), "same spec, same SVG"
    assert _shown(after.placed[0]) == _shown(before)


def test_the_code_version_covers_the_code_and_the_libraries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    version = memo_module.code_version()
    assert memo_module.code_version.__wrapped__() == version
    real = memo_module.importlib.metadata.version
    monkeypatch.setattr(
        memo_module.importlib.metadata,
        "version",
        lambda name: "99.0" if name == "vl-convert-python" else real(name),
    )
    assert memo_module.code_version.__wrapped__() != version, "a new vl-convert, a new version"
    monkeypatch.undo()
    chart_code = Path(figures.__file__)
    original = chart_code.read_bytes()
    monkeypatch.setattr(
        Path, "read_bytes", lambda self: original + b"#" if self == chart_code else real_read(self)
    )
    assert memo_module.code_version.__wrapped__() != version, "a changed line of chart code"


real_read = Path.read_bytes


# --- Ids and the store -----------------------------------------------------------------------


def test_ids_tell_values_and_types_apart(data: DataSet) -> None:
    world = _world(data)

    def key(*args: Any) -> str | None:
        return figure_id("generator.charts.figures.timeline", args, world)

    tenders = _timeline(data)
    assert key(tenders, "en") == key(list(tenders), "en")
    assert key(tenders, "en") != key(tenders[::-1], "en"), "order counts"
    assert key(tenders, "en") != key(tenders[:1], "en")
    assert key([1]) != key([True]) != key([1.0])
    assert key(["a", "b"]) != key(["a,b"]) != key([["a", "b"]])
    assert key({"a": 1}) != key({"a": 2})
    assert figure_id("generator.charts.figures.timeline", (tenders, "en"), world) != figure_id(
        "generator.charts.figures.pipeline_value", (tenders, "en"), world
    ), "the builder counts"
    assert key({"a"}) is None, "a set has no order: not kept"
    assert key(iter(tenders)) is None


def test_an_immutable_value_is_digested_once_and_a_mutable_one_each_time(data: DataSet) -> None:
    @dataclasses.dataclass(frozen=True)
    class Share:
        goal: str
        parts: tuple[int, ...]

    world, asked = _world(data), Counter[str]()
    digest = world._value_digest

    def counted(value: Any) -> str:
        asked[type(value).__name__] += 1
        return digest(value)

    world._value_digest = counted  # type: ignore[method-assign]
    share, rows = Share("a", (1, 2)), [1, 2]
    first = world.value_digest(share)
    assert world.value_digest(share) == first and asked["Share"] == 1
    assert world.value_digest(Share("a", (1, 2))) == first, "equal content, equal digest"
    assert world.value_digest(Share("a", (1, 3))) != first
    world.value_digest(rows)
    rows.append(3)
    assert world.value_digest(rows) != world.value_digest([1, 2]), "a list is digested again"


def test_a_kept_figure_without_its_svg_is_drawn_again(data: DataSet, tmp_path: Path) -> None:
    tenders = _timeline(data)
    before = _place_timeline(data, tmp_path, tenders).placed[0]
    for svg in (tmp_path / "charts").glob("??/*.svg"):
        svg.unlink()
    after = _place_timeline(data, tmp_path, tenders)
    assert (after.renderer.stats.drawn, after.renderer.stats.reused) == (1, 0)
    assert after.placed[0].svg == before.svg


@pytest.mark.parametrize("damage", [b"{", b'{"name": "timeline"}', b"[]"])
def test_an_unreadable_kept_figure_is_built_again(
    data: DataSet, tmp_path: Path, damage: bytes
) -> None:
    tenders = _timeline(data)
    before = _place_timeline(data, tmp_path, tenders).placed[0]
    with sqlite3.connect(tmp_path / "outputs.sqlite") as db:
        db.execute("UPDATE outputs SET value = ? WHERE id LIKE 'figure:%'", (damage,))
    after = _place_timeline(data, tmp_path, tenders)
    assert (after.renderer.stats.cached, after.renderer.stats.reused) == (1, 0)
    assert _shown(after.placed[0]) == _shown(before)
    again = _place_timeline(data, tmp_path, tenders)
    assert again.renderer.stats.reused == 1, "and kept again"


def test_rows_that_would_not_read_back_the_same_are_not_kept(
    data: DataSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = figures.Figure.records

    class Number(float):  # as numpy's floats are: JSON would read it back a plain float
        pass

    def odd_rows(self: figures.Figure) -> list[dict[str, Any]]:
        return [{**row, "tender": Number(1.5)} for row in real(self)]

    monkeypatch.setattr(figures.Figure, "records", odd_rows)
    _place_timeline(data, tmp_path, _timeline(data))
    with sqlite3.connect(tmp_path / "outputs.sqlite") as db:
        assert db.execute("SELECT count(*) FROM outputs").fetchone() == (0,)
