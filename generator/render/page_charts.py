"""Charts as a page template asks for them: build the figure, draw it, remember its CSV.

Templates call `charts.<kind>(...)` and pass the result to the `figure` macro. Each placed
figure gets an id unique on its page and a CSV file next to the page. A figure an earlier
build made from the same arguments, with unchanged data where it read any, is reused with its
SVG: then no chart is built at all (see generator/charts/reuse.py). What the builder read of
the data counts as read by the page, whether it ran or its figure was reused.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, cast

from markupsafe import Markup

from generator.base.i18n import Lang
from generator.charts import figures
from generator.charts.figures import Figure
from generator.charts.reuse import ReusedFigure, figure_id, figure_json, reused_figure
from generator.charts.svg import Drawn, Locale, SvgRenderer, finish
from generator.history.forecast import GroupAccuracy
from generator.inputs import Inputs, TrackedData
from generator.models import ActionPlan, Case, CategoryPlan, Goal, RouteMap, Tender
from generator.monitor.effort import EffortResult

_LOCALES: dict[Lang, Locale] = {"nl": "nl-NL", "en": "en-US"}


_FIGURES = figures.__name__


@dataclass(frozen=True)
class PlacedFigure:
    """A figure on a page: its id there, its drawn SVG, and the name of its CSV file."""

    figure: Figure | ReusedFigure
    id: str
    svg: Markup
    csv_name: str


@dataclass
class PageCharts:
    """The charts of one page in one language."""

    lang: Lang
    inputs: Inputs
    renderer: SvgRenderer
    placed: list[PlacedFigure] = field(default_factory=list)

    def _build(self, name: str, *args: Any) -> PlacedFigure | None:
        """Reuse or build, draw and place the figure `figures.<name>(*args)`; the time counts
        toward the chart time. A reused figure is neither built nor drawn."""
        started = time.perf_counter()
        memo = self.inputs.memo
        key = figure_id(f"{_FIGURES}.{name}", args, self.inputs.world) if memo else None

        def builder(*args: Any) -> Figure | None:
            return cast("Figure | None", getattr(figures, name)(*args))

        placed = self._reuse(key, builder, args) if key else None
        if placed is None:
            own = self.inputs.fresh()  # what the builder reads, kept with the figure
            args = tuple(own.data if isinstance(arg, TrackedData) else arg for arg in args)
            figure = builder(*args)
            self.inputs.reads.update(own.reads.deps)
            placed = self._draw(figure, key, own)
        self.renderer.stats.seconds += time.perf_counter() - started
        return placed

    def _reuse(
        self, key: str, builder: Callable[..., Figure | None], args: tuple[Any, ...]
    ) -> PlacedFigure | None:
        """The kept figure with its kept SVG; None when either is missing or out of date."""
        assert self.inputs.memo is not None
        kept = self.inputs.memo.kept(key, self.inputs.reads)
        reused = reused_figure(kept, lambda: builder(*args)) if kept is not None else None
        raw = self.renderer.cached(reused.svg_key) if reused else None
        if reused is None or raw is None:
            return None
        self.renderer.stats.reused += 1
        return self._add(reused, raw)

    def _draw(self, figure: Figure | None, key: str | None, own: Inputs) -> PlacedFigure | None:
        """Draw and place a newly built figure, and keep it for the next build."""
        if figure is None:
            return None
        spec, locale = figure.spec(), _LOCALES[self.lang]
        svg_key = self.renderer.key(spec, locale)
        placed = self._add(figure, self.renderer.draw_later(spec, locale, svg_key))
        kept = figure_json(figure, svg_key) if key else None
        if key and kept is not None and own.memo is not None:
            own.memo.keep(key, own.reads.deps, kept)
        return placed

    def place(self, figure: Figure | None) -> PlacedFigure | None:
        """Draw `figure` and give it an id and a CSV name unique on this page."""
        return self._draw(figure, None, self.inputs)

    def _add(self, figure: Figure | ReusedFigure, raw: str | Future[Drawn]) -> PlacedFigure:
        """Give a figure an id and a CSV name unique on this page; its SVG may still be drawing."""
        taken = {placed.id for placed in self.placed}
        name, n = figure.name, 1
        while f"chart-{name}" in taken:
            n += 1
            name = f"{figure.name}-{n}"
        chart_id = f"chart-{name}"
        labelled_by = f"{chart_id}-title {chart_id}-summary"
        if figure.examples:  # the chart is read with the note that it counts examples
            labelled_by += f" {chart_id}-examples"
        if isinstance(raw, str):
            svg = finish(raw, chart_id, labelled_by)
        else:  # `SvgRenderer.fill` puts it in place when the page is written
            svg = self.renderer.placeholder(raw, chart_id, labelled_by)
        # Vega escapes every text it writes into the SVG (tests/test_charts.py holds it to that).
        placed = PlacedFigure(figure, chart_id, Markup(svg), f"{name}.csv")
        self.placed.append(placed)
        return placed

    # One method per chart kind, so templates read plainly.

    def pipeline_count(self, tenders: list[Tender]) -> PlacedFigure | None:
        return self._build("pipeline_count", tenders, self.inputs.data, self.lang)

    def pipeline_value(self, tenders: list[Tender]) -> PlacedFigure | None:
        return self._build("pipeline_value", tenders, self.lang)

    def timeline(self, tenders: list[Tender]) -> PlacedFigure | None:
        return self._build("timeline", tenders, self.lang)

    def ambition_matrix(self, plans: list[CategoryPlan]) -> PlacedFigure | None:
        return self._build("ambition_matrix", plans, self.inputs.data, self.lang)

    def ambition_profile(self, ambitions: dict[str, Any], owner: Any = None) -> PlacedFigure | None:
        return self._build("ambition_profile", ambitions, self.inputs.data, self.lang, owner)

    def route_map(self, route: RouteMap) -> PlacedFigure | None:
        return self._build("route_map", route, self.inputs.data, self.lang)

    def action_status(self, plan: ActionPlan) -> PlacedFigure | None:
        return self._build("action_status", plan, self.inputs.data, self.lang)

    def indicators(self, plan: ActionPlan) -> PlacedFigure | None:
        return self._build("indicators", plan, self.lang)

    def goals_progress(self, goals: list[Goal]) -> PlacedFigure | None:
        return self._build("goals_progress", goals, self.lang)

    def cases_by_theme(self, cases: list[Case]) -> PlacedFigure | None:
        return self._build("cases_by_theme", cases, self.inputs.data, self.lang)

    def forecast_within(self, groups: tuple[GroupAccuracy, ...]) -> PlacedFigure | None:
        return self._build("forecast_within", groups, self.inputs.data, self.lang)

    def forecast_moves(self, groups: tuple[GroupAccuracy, ...]) -> PlacedFigure | None:
        return self._build("forecast_moves", groups, self.inputs.data, self.lang)

    def effort_shares(self, results: tuple[EffortResult, ...]) -> PlacedFigure | None:
        return self._build("effort_shares", results, self.lang)
