"""Figures: the numbers behind a chart, the chart drawn from exactly those numbers, and words.

Each builder is a pure function of the data and the page language. It returns a `Figure` whose
frame is the chart's only dataset *and* the table under it *and* its CSV file, so the three
cannot disagree; or None when there is nothing to draw (the page then says so in words).
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import altair as alt
import pandas as pd

from generator.base import i18n
from generator.base.examples import count_note, examples_note
from generator.base.i18n import Lang, t
from generator.charts import palette
from generator.charts.table import Column, table_cells, table_csv
from generator.history.forecast import GroupAccuracy
from generator.models import ActionPlan, Case, CategoryPlan, Goal, RouteMap, Tender
from generator.models.category_plan import ThemeAmbition
from generator.models.common import PlannedDate
from generator.models.theme import AmbitionScale
from generator.monitor.effort import EffortResult
from generator.source.dataset import DataSet

# Every kind of chart, by the name its figures carry (on a page: `chart-<name>`, `<name>.csv`).
KINDS = (
    "pipeline-count",
    "pipeline-value",
    "timeline",
    "ambition-matrix",
    "ambition-profile",
    "route-map",
    "action-status",
    "indicators",
    "goals-progress",
    "cases-by-theme",
    "forecast-within",
    "forecast-moves",
    "effort-shares",
)
_ACTION_STATUSES = ("done", "in-progress", "not-started", "delayed", "cancelled")
_AXIS_LABEL = 48  # characters of a title shown next to a bar; the table has the whole title
# Tenders on one timeline: more is unreadable on a phone (a row is 26 px) and slow to draw. The
# page's tender table above the chart lists them all.
TIMELINE_ROWS = 20


@dataclass(frozen=True)
class Figure:
    """One chart with its caption, its summary sentence and the numbers it was drawn from."""

    name: str  # unique on its page; also the name of its CSV file
    title: str
    summary: str
    frame: pd.DataFrame
    columns: tuple[Column, ...]
    chart: alt.TopLevelMixin
    lang: Lang
    examples: str = ""  # says so when it is drawn from example records (base/examples.py)

    def spec(self) -> dict[str, Any]:
        """The Vega-Lite spec, with the shared configuration (not validated: that costs 40 ms)."""
        return self.chart.to_dict(validate=False)  # tests validate every kind against the schema

    def records(self) -> list[dict[str, Any]]:
        """The frame's rows as the chart sees them (missing values as None)."""
        frame = self.frame.astype(object).where(self.frame.notna(), None)
        return cast(list[dict[str, Any]], frame.to_dict(orient="records"))  # columns are str

    def cells(self) -> list[list[tuple[Any, str]]]:
        """Each table row as (value, text shown) per column, text in the page's language."""
        return table_cells(self.records(), self.columns, self.lang)

    def csv(self) -> bytes:
        """The table as CSV (UTF-8, comma, dot decimals), safe to open in a spreadsheet."""
        return table_csv(self.records(), self.columns)


# --- Shared pieces ---------------------------------------------------------------------------


_Chart = TypeVar("_Chart", bound=alt.TopLevelMixin)


def _layer(frame: pd.DataFrame, *layers: alt.Chart, **properties: Any) -> alt.LayerChart:
    """Layers over one dataset: the frame, given once at the top."""
    return _set(alt.LayerChart(layer=list(layers), data=frame), **properties)


def _set(chart: _Chart, **properties: Any) -> _Chart:
    """`chart.properties(...)` on a chart this module just made, without Altair's copy and
    validation, which cost more than the rest of the figure (the tests validate each kind)."""
    for name, value in properties.items():
        setattr(chart, name, value)
    return chart


_CONFIG = alt.Config(**palette.config())


def _finish(chart: alt.TopLevelMixin, title: str) -> alt.TopLevelMixin:
    """Every chart: the shared configuration; the caption is the figure's, not Vega's."""
    return _set(chart, description=title, config=_CONFIG)


def _quarter_key(date: PlannedDate | dt.date) -> str:
    year, quarter = i18n.quarter_of(date.start if isinstance(date, PlannedDate) else date)
    return f"{year}-Q{quarter}"


def _quarter_label(key: str, lang: Lang) -> str:
    year, quarter = key.split("-Q")
    return i18n.format_quarter(int(year), int(quarter), lang)


def _short(text: str, limit: int = _AXIS_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _short_middle(text: str, limit: int = _AXIS_LABEL) -> str:
    """Cut in the middle, keeping the start and the end: similar titles of one buyer often
    differ only at their end ("… voor rijkskantoren (fase 2)"), which a cut at the end hides."""
    if len(text) <= limit:
        return text
    head = text[: limit * 11 // 20]
    head = head.rsplit(" ", 1)[0] if " " in head else head  # whole words at both ends
    tail = text[len(text) - (limit - len(head) - 3) :]
    tail = tail.split(" ", 1)[1] if " " in tail else tail
    return f"{head.rstrip(' ,')} … {tail.lstrip()}"


def _wrap(text: str, width: int = 20) -> str:
    """Break a label into lines of about `width` characters (for Vega's `lineBreak`)."""
    return "\n".join(textwrap.wrap(text, width)) if text else ""


def _names(items: Iterable[str], lang: Lang) -> str:
    """'a', 'a en b', 'a, b en c' (or 'and')."""
    return i18n.format_list(items, lang)


def _case(expression_field: str, mapping: Mapping[Any, str]) -> str:
    """A Vega expression mapping the codes of a field to words (json-quoted, so always safe)."""
    field = f"datum[{json.dumps(expression_field)}]"
    expression = json.dumps("")
    for code, word in reversed(list(mapping.items())):
        expression = f"{field} === {json.dumps(code)} ? {json.dumps(word)} : {expression}"
    return expression


def _rows(frame: pd.DataFrame, order: list[str] | None = None, limit: int = 240) -> alt.Y:
    """Rows keyed by theme id and labelled with its name, so equal names stay separate rows."""
    names = dict(zip(frame["theme_id"], frame["theme"], strict=True))
    return alt.Y(
        "theme_id:N",
        sort=order or list(names),
        title=None,
        axis=alt.Axis(labelLimit=limit, labelExpr=_case("value", names)),
    )


def _theme_name(data: DataSet, theme_id: str, lang: Lang) -> str:
    theme = data.themes.get(theme_id)
    return theme.name.get(lang) if theme else theme_id


def _series_scale(domain: list[str]) -> alt.Scale:
    return alt.Scale(domain=domain, range=[palette.series_fill(i) for i in range(len(domain))])


def _level_word(levels: AmbitionScale, level: str | None, lang: Lang) -> str:
    return levels.label(level, lang) if level else t("chart.level.none", lang)


def _level_scale(levels: AmbitionScale, lang: Lang) -> alt.Scale:
    """Each level's fill, by its rank: light (the lowest) to dark (the highest)."""
    return alt.Scale(
        domain=[_level_word(levels, level, lang) for level in levels.ids],
        range=palette.level_fills(len(levels)),
    )


def _level_text(levels: AmbitionScale, lang: Lang) -> alt.Scale:
    """The text colour on each level's fill."""
    return alt.Scale(
        domain=[_level_word(levels, level, lang) for level in levels.ids],
        range=[palette.text_on(fill) for fill in palette.level_fills(len(levels))],
    )


# --- 1. The pipeline -------------------------------------------------------------------------


def pipeline_count(tenders: list[Tender], data: DataSet, lang: Lang) -> Figure | None:
    """Planned tenders per quarter of expected publication, stacked by category."""
    if not tenders:
        return None
    names = {
        tender.category: data.category_plans[tender.category].name.get(lang)
        if tender.category in data.category_plans
        else t("chart.no-category", lang)
        for tender in tenders
    }
    counts = Counter(
        (_quarter_key(tender.expected_publication), tender.category) for tender in tenders
    )
    categories = sorted(set(names.values()))
    rows = [
        {
            "quarter_key": key,
            "quarter": _quarter_label(key, lang),
            "category": names[category],
            "series": categories.index(names[category]),
            "count": count,
        }
        for (key, category), count in sorted(
            counts.items(), key=lambda i: (i[0][0], names[i[0][1]])
        )
    ]
    frame = pd.DataFrame(rows)
    quarters = list(dict.fromkeys(frame["quarter"]))
    per_quarter = frame.groupby("quarter_key", sort=True)["count"].sum()
    top = per_quarter.max()
    busiest = [_quarter_label(cast(str, key), lang) for key, n in per_quarter.items() if n == top]
    even = len(busiest) == len(quarters) > 1
    summary = t(
        "chart.pipeline.summary.even" if even else "chart.pipeline.summary",
        lang,
        total=len(tenders),
        quarters=len(quarters),
        top=top,
        busiest=_names(busiest, lang),
    )
    title = t("chart.pipeline.title", lang)
    x = alt.X(
        "quarter:N", sort=quarters, title=t("chart.quarter", lang), axis=alt.Axis(labelAngle=-40)
    )
    bars = (
        alt.Chart()
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            x=x,
            y=alt.Y("sum(count):Q", title=t("chart.tenders", lang), axis=alt.Axis(tickMinStep=1)),
            fill=alt.Fill(
                "category:N",
                scale=_series_scale(categories),
                title=t("chart.category", lang),
                legend=alt.Legend(orient="bottom", columns=2),
            ),
            order=alt.Order("series:Q"),
        )
    )
    totals = (
        alt.Chart()
        .mark_text(dy=-8)
        .encode(x=x, y=alt.Y("sum(count):Q"), text=alt.Text("sum(count):Q"))
    )
    chart = _layer(frame, bars, totals, width=palette.WIDTH, height=240)
    return Figure(
        name="pipeline-count",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("quarter", t("chart.quarter", lang)),
            Column("category", t("chart.category", lang)),
            Column("count", t("chart.tenders", lang), "integer"),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=examples_note(tenders, "tender", lang),
    )


def pipeline_value(tenders: list[Tender], lang: Lang) -> Figure | None:
    """Estimated value per quarter: the sum of the lower and of the upper estimates."""
    if not tenders:
        return None
    quarters: dict[str, dict[str, int]] = {}
    for tender in tenders:
        row = quarters.setdefault(
            _quarter_key(tender.expected_publication),
            {"low": 0, "high": 0, "with": 0, "without": 0},
        )
        if tender.estimated_value is None:
            row["without"] += 1
        else:
            row["low"] += tender.estimated_value.min
            row["high"] += tender.estimated_value.max
            row["with"] += 1
    rows = []
    for key in sorted(quarters):
        q = quarters[key]
        estimated = q["with"] > 0
        rows.append(
            {
                "quarter_key": key,
                "quarter": _quarter_label(key, lang),
                "low": q["low"] if estimated else None,
                "high": q["high"] if estimated else None,
                "low_m": round(q["low"] / 1e6, 3) if estimated else None,
                "high_m": round(q["high"] / 1e6, 3) if estimated else None,
                "label": i18n.format_range(q["low"], q["high"], lang) if estimated else "",
                "with": q["with"],
                "without": q["without"],
            }
        )
    frame = pd.DataFrame(rows)
    unknown = int(frame["without"].sum())
    if not frame["high"].notna().any():
        return None
    top = frame.loc[cast(int, frame["high"].fillna(-1).idxmax())]  # a label of the RangeIndex
    summary = t("chart.value.summary", lang, value=top["label"], quarter=top["quarter"])
    if unknown:
        summary += " " + t("chart.value.unknown", lang, count=unknown)
    title = t("chart.value.title", lang)
    order = list(frame["quarter"])
    y = alt.Y("quarter:N", sort=order, title=None)
    x_title = t("chart.value.axis", lang)
    upper = (
        alt.Chart()
        .mark_bar(fill=palette.series_fill(1), height=16)
        .encode(y=y, x=alt.X("high_m:Q", title=x_title), x2=alt.X2("low_m:Q"))
    )
    lower = (
        alt.Chart()
        .mark_bar(fill=palette.SERIES_COLOURS[0], height=16)
        .encode(y=y, x=alt.X("low_m:Q"))
    )
    labels = (
        alt.Chart()
        .mark_text(align="left", dx=6, fontSize=11)
        .encode(y=y, x=alt.X("high_m:Q"), text="label:N")
    )
    chart = _layer(frame, upper, lower, labels, width=palette.WIDTH - 260, height=alt.Step(24))
    return Figure(
        name="pipeline-value",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("quarter", t("chart.quarter", lang)),
            Column("low", t("chart.value.low", lang), "amount"),
            Column("high", t("chart.value.high", lang), "amount"),
            Column("with", t("chart.value.with", lang), "integer"),
            Column("without", t("chart.value.without", lang), "integer"),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=examples_note(tenders, "tender", lang),
    )


# --- 2. Timelines ----------------------------------------------------------------------------

_MILESTONES = ("consultation", "publication", "contract_start")


def timeline(tenders: list[Tender], lang: Lang) -> Figure | None:
    """Each tender from market consultation through expected publication to contract start.

    `tenders` come in calendar order; the chart shows the first `TIMELINE_ROWS` of them."""
    if not tenders:
        return None
    rows, seen = [], set()
    for tender in tenders[:TIMELINE_ROWS]:
        label = _short_middle(tender.title.get(lang))
        if label in seen:
            label = f"{label} ({tender.id})"
        seen.add(label)
        dates = {
            "consultation": tender.market_consultation.planned
            if tender.market_consultation
            else None,
            "publication": tender.expected_publication,
            "contract_start": tender.contract_start,
        }
        known = [d.start for d in dates.values() if d is not None]
        rows.append(
            {
                "tender": label,
                **{k: d.start.isoformat() if d else None for k, d in dates.items()},
                **{
                    f"{k}_label": i18n.format_planned(d, lang) if d else None
                    for k, d in dates.items()
                },
                "first": min(known).isoformat(),
                "last": max(known).isoformat(),
            }
        )
    frame = pd.DataFrame(rows)
    words = {key: t(f"chart.timeline.{key}", lang) for key in _MILESTONES}
    order = list(frame["tender"])
    # Titles are cut to _AXIS_LABEL characters above; no limit in pixels, which Vega would
    # measure label by label (two fifths of the time a timeline takes to draw).
    y = alt.Y("tender:N", sort=order, title=None, axis=alt.Axis(labelLimit=0))
    x_axis = alt.Axis(format="%Y", tickCount="year", title=None, grid=True)
    span = (
        alt.Chart()
        .mark_rule(color=palette.RULE, strokeWidth=2)
        .encode(y=y, x=alt.X("first:T", scale=alt.Scale(type="utc"), axis=x_axis), x2="last:T")
    )
    points = (
        alt.Chart()
        .transform_fold(list(_MILESTONES), as_=["milestone", "date"])
        .transform_filter("datum.date != null")
        .transform_calculate(step=_case("milestone", words), when="toDate(datum.date)")
        .mark_point(filled=True, size=110, opacity=1)
        .encode(
            y=y,
            x=alt.X("when:T", scale=alt.Scale(type="utc")),
            shape=alt.Shape(
                "step:N",
                scale=alt.Scale(domain=list(words.values()), range=list(palette.MILESTONE_SHAPES)),
                title=None,
                legend=alt.Legend(orient="top"),
            ),
            color=alt.Color(
                "step:N",
                scale=alt.Scale(domain=list(words.values()), range=list(palette.MILESTONE_COLOURS)),
                title=None,
            ),
        )
    )
    chart = _layer(frame, span, points, width=palette.WIDTH - 200, height=alt.Step(26))
    publications = sorted(tender.expected_publication.start for tender in tenders)
    first = next(
        tender for tender in tenders if tender.expected_publication.start == publications[0]
    )
    last = next(
        tender for tender in tenders if tender.expected_publication.start == publications[-1]
    )
    summary = t(
        "chart.timeline.summary",
        lang,
        count=len(tenders),
        first=i18n.format_planned(first.expected_publication, lang),
        last=i18n.format_planned(last.expected_publication, lang),
    )
    if len(tenders) > TIMELINE_ROWS:
        summary += " " + t("chart.timeline.first", lang, shown=TIMELINE_ROWS)
    title = t("chart.timeline.title", lang)
    return Figure(
        name="timeline",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("tender", t("chart.tender", lang)),
            *(Column(key, words[key], "date", f"{key}_label") for key in _MILESTONES),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=examples_note(tenders[:TIMELINE_ROWS], "tender", lang),
    )


# --- 3. The ambition matrix and 4. one plan's profile ----------------------------------------


def ambition_matrix(plans: list[CategoryPlan], data: DataSet, lang: Lang) -> Figure | None:
    """Categories × themes, each cell the level the category plan chose (the ambitieweb)."""
    plans = [plan for plan in plans if plan.ambitions]
    if not plans:
        return None
    # Columns and rows are keyed by id: two records may share a name, never an id.
    themes = sorted(data.themes.values(), key=lambda theme: (theme.order, theme.id))
    names = {f"level:{theme.id}": theme.name.get(lang) for theme in themes}
    levels = data.ambition_scale()
    plans = sorted(plans, key=lambda p: (p.name.get(lang), p.id))
    rows = []
    for plan in plans:
        row: dict[str, Any] = {"plan": plan.id, "category": plan.name.get(lang)}
        for theme in themes:
            ambition = plan.ambitions.get(theme.id)
            level = ambition.level if ambition else None
            row[f"level:{theme.id}"] = _level_word(levels, level, lang) if ambition else None
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["plan", "category", *names])
    used = [key for key in names if frame[key].notna().any()]
    frame = frame[["plan", "category", *used]]
    cells = frame.melt(id_vars="plan", value_vars=used).dropna()
    highest = _level_word(levels, levels.ids[-1], lang) if levels.ids else None
    per_theme = Counter(cells[cells["value"] == highest]["variable"])
    summary = t(
        "chart.matrix.summary",
        lang,
        plans=len(frame),
        cells=len(cells),
        ambitious=sum(per_theme.values()),
        level=i18n.lower_first(highest or t("chart.level.none", lang)),
    )
    if per_theme:
        most = max(per_theme.values())
        leaders = [names[key] for key in used if per_theme[key] == most]
        summary += " " + t("chart.matrix.most", lang, themes=_names(leaders, lang), count=most)
    title = t("chart.matrix.title", lang)
    base = (
        alt.Chart()
        # Altair asks for list[str | FieldName] where any list of str does (list is invariant).
        .transform_fold(used, as_=["theme", "level"])  # type: ignore[arg-type]
        .transform_filter("datum.level != null")
    )
    x = alt.X(
        "theme:N",
        sort=used,
        title=None,
        axis=alt.Axis(
            orient="top",
            labelAngle=-35,
            labelLimit=280,
            labelExpr=_case("value", {key: names[key] for key in used}),
        ),
    )
    category_names = {plan.id: plan.name.get(lang) for plan in plans}
    y = alt.Y(
        "plan:N",
        sort=list(frame["plan"]),
        title=None,
        axis=alt.Axis(labelLimit=240, labelExpr=_case("value", category_names)),
    )
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        x=x,
        y=y,
        fill=alt.Fill(
            "level:N",
            scale=_level_scale(levels, lang),
            title=t("chart.level", lang),
            legend=alt.Legend(orient="bottom"),
        ),
    )
    colour = alt.Color("level:N", scale=_level_text(levels, lang), legend=None)
    text = base.mark_text(fontSize=11).encode(x=x, y=y, text="level:N", color=colour)
    chart = _layer(frame, rect, text, width=alt.Step(86), height=alt.Step(28))
    return Figure(
        name="ambition-matrix",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("category", t("chart.category", lang)),
            *(Column(k, names[k]) for k in used),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=examples_note(plans, "plan", lang),
    )


def ambition_profile(
    ambitions: Mapping[str, ThemeAmbition], data: DataSet, lang: Lang, owner: Any = None
) -> Figure | None:
    """One plan's level per theme; themes it chose no level for are shown as such. `owner`:
    the plan (category plan or action plan) whose ambitions they are."""
    if not ambitions:
        return None
    themes = sorted(data.themes.values(), key=lambda theme: (theme.order, theme.id))
    levels = data.ambition_scale()
    rows = []
    for theme in themes:
        ambition = ambitions.get(theme.id)
        level = ambition.level if ambition else None
        rows.append(
            {
                "theme_id": theme.id,
                "theme": theme.name.get(lang),
                "rank": levels.rank(level),
                "level": _level_word(levels, level, lang),
            }
        )
    frame = pd.DataFrame(rows)
    chosen = frame[frame["rank"] > 0]
    top = chosen[chosen["rank"] == chosen["rank"].max()]
    summary = t(
        "chart.profile.summary",
        lang,
        chosen=len(chosen),
        themes=len(frame),
        level=top["level"].iloc[0].lower(),
        names=_names(list(top["theme"]), lang),
    )
    title = t("chart.profile.title", lang)
    words = {levels.rank(level): _level_word(levels, level, lang) for level in levels.ids}
    y = _rows(frame)
    x = alt.X(
        "rank:Q",
        scale=alt.Scale(domain=[0, len(levels)]),
        title=t("chart.level", lang),
        axis=alt.Axis(values=list(words), labelExpr=_case("value", words), grid=True),
    )
    fill = alt.Fill("level:N", scale=_level_scale(levels, lang), legend=None)
    bars = (
        alt.Chart()
        .transform_filter("datum.rank > 0")
        .mark_bar(height=16)
        .encode(x=x, y=y, fill=fill)
    )
    labels = alt.Chart().mark_text(align="left", dx=6).encode(x="rank:Q", y=y, text="level:N")
    chart = _layer(frame, bars, labels, width=palette.WIDTH - 260, height=alt.Step(26))
    return Figure(
        name="ambition-profile",
        title=title,
        summary=summary,
        frame=frame,
        columns=(Column("theme", t("chart.theme", lang)), Column("level", t("chart.level", lang))),
        chart=_finish(chart, title),
        lang=lang,
        examples=examples_note([owner] if owner is not None else [], "plan", lang),
    )


# --- 5. Route maps ---------------------------------------------------------------------------


def route_map(route: RouteMap, data: DataSet, lang: Lang) -> Figure | None:
    """Milestones per theme over the years, labelled with their value where there is one."""
    if not route.milestones:
        return None
    theme_order = data.theme_order()
    milestones = sorted(route.milestones, key=lambda m: (m.year, theme_order(m.theme)))
    slots: Counter[tuple[int, str]]
    rows, slots = [], Counter()
    for milestone in milestones:
        theme = _theme_name(data, milestone.theme, lang)
        value = milestone.value
        unit = milestone.unit or ""
        rows.append(
            {
                "year": milestone.year,
                "theme_id": milestone.theme,
                "theme": theme,
                "target": milestone.target.get(lang),
                "value": value,
                "unit": unit or None,
                "label": _wrap(f"{i18n.format_figure(value, lang)} {unit}".strip())
                if value is not None
                else "",
                "slot": slots[(milestone.year, milestone.theme)],
            }
        )
        slots[(milestone.year, milestone.theme)] += 1
    frame = pd.DataFrame(rows)
    measurable = int(frame["value"].notna().sum())
    summary = t(
        "chart.route.summary" if frame["year"].nunique() > 1 else "chart.route.summary.one-year",
        lang,
        count=len(frame),
        first=int(frame["year"].min()),
        last=int(frame["year"].max()),
        measurable=measurable,
    )
    title = t("chart.route.title", lang)
    years = sorted(set(frame["year"]))
    order = sorted(set(frame["theme_id"]), key=theme_order)
    x = alt.X("year:O", sort=years, title=t("chart.year", lang), axis=alt.Axis(labelAngle=0))
    y = _rows(frame, order, 220)
    offset = alt.YOffset("slot:O")
    points = (
        alt.Chart()
        .mark_point(filled=True, size=120, opacity=1, color=palette.SERIES_COLOURS[0])
        .encode(
            x=x,
            y=y,
            yOffset=offset,
            shape=alt.Shape(
                "measurable:N",
                legend=None,
                scale=alt.Scale(domain=[True, False], range=["diamond", "circle"]),
            ),
        )
        .transform_calculate(measurable="datum.value != null")
    )
    labels = (
        alt.Chart()
        .mark_text(baseline="top", dy=10, fontSize=11, lineBreak="\n")
        .encode(x=x, y=y, yOffset=offset, text="label:N")
    )
    step = 150  # room for a label of three short lines under each year's point
    chart = _layer(frame, points, labels, width=alt.Step(step), height=alt.Step(66))
    return Figure(
        name="route-map",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("year", t("chart.year", lang)),
            Column("theme", t("chart.theme", lang)),
            Column("target", t("chart.route.target", lang)),
            Column("value", t("chart.value", lang), "number"),
            Column("unit", t("chart.unit", lang)),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=examples_note([route], "route-map", lang),
    )


# --- 6. Action plans: actions by status, indicators against baseline and target --------------


def action_status(plan: ActionPlan, data: DataSet, lang: Lang) -> Figure | None:
    """The plan's actions per theme, stacked by status."""
    if not plan.actions:
        return None
    counts: Counter[tuple[str, str]]  # (theme, status), looked up with any status
    counts = Counter((action.theme, action.status) for action in plan.actions)
    statuses = [s for s in _ACTION_STATUSES if any(status == s for _, status in counts)]
    words = [i18n.label("action-status", s, lang) for s in _ACTION_STATUSES]
    theme_ids = sorted({theme for theme, _ in counts}, key=data.theme_order())
    rows = [
        {
            "theme_id": theme,
            "theme": _theme_name(data, theme, lang),
            "status": i18n.label("action-status", status, lang),
            "series": _ACTION_STATUSES.index(status),
            "count": counts[(theme, status)],
        }
        for theme in theme_ids
        for status in statuses
        if counts[(theme, status)]
    ]
    frame = pd.DataFrame(rows)
    done = sum(n for (_, status), n in counts.items() if status == "done")
    delayed = sum(n for (_, status), n in counts.items() if status == "delayed")
    summary = t("chart.actions.summary", lang, done=done, total=len(plan.actions), delayed=delayed)
    title = t("chart.actions.title", lang)
    y = _rows(frame, limit=220)
    bars = (
        alt.Chart()
        .mark_bar(stroke="white", strokeWidth=1, height=18)
        .encode(
            y=y,
            x=alt.X("sum(count):Q", title=t("chart.actions", lang), axis=alt.Axis(tickMinStep=1)),
            fill=alt.Fill(
                "status:N",
                title=t("chart.status", lang),
                legend=alt.Legend(orient="bottom"),
                scale=alt.Scale(
                    domain=words, range=[palette.series_fill(i) for i in range(len(words))]
                ),
            ),
            order=alt.Order("series:Q"),
        )
    )
    totals = (
        alt.Chart()
        .mark_text(align="left", dx=6)
        .encode(y=y, x=alt.X("sum(count):Q"), text=alt.Text("sum(count):Q"))
    )
    chart = _layer(frame, bars, totals, width=palette.WIDTH - 220, height=alt.Step(30))
    return Figure(
        name="action-status",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("theme", t("chart.theme", lang)),
            Column("status", t("chart.status", lang)),
            Column("count", t("chart.actions", lang), "integer"),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=examples_note([plan], "plan", lang),
    )


def indicators(plan: ActionPlan, lang: Lang) -> Figure | None:
    """Each indicator's yearly values from its baseline toward its target."""
    if not plan.indicators:
        return None
    rows = []
    progress: list[tuple[float, str]] = []
    for indicator in plan.indicators:
        name = f"{_short(indicator.title.get(lang), 60)} ({indicator.unit})"
        measured = sorted(indicator.values, key=lambda v: v.year)
        points = [("baseline", indicator.baseline), *(("measured", v) for v in measured)]
        last = points[-1][1]
        rows += _progress_rows(name, points, indicator.target, last, lang)
        span = indicator.target.value - indicator.baseline.value
        if span and measured:
            progress.append(((last.value - indicator.baseline.value) / span, name))
    frame = pd.DataFrame(rows)
    summary = t("chart.indicators.summary", lang, count=len(plan.indicators))
    if progress:
        share, name = max(progress)
        summary += " " + t(
            "chart.indicators.best",
            lang,
            name=name,
            share=i18n.format_number(round(share * 100), lang),
        )
    title = t("chart.indicators.title", lang)
    return Figure(
        name="indicators",
        title=title,
        summary=summary,
        frame=frame,
        columns=_progress_columns(lang),
        chart=_finish(_progress_chart(frame, lang), title),
        lang=lang,
        examples=examples_note([plan], "plan", lang),
    )


# --- 7. Goals --------------------------------------------------------------------------------


def goals_progress(goals: list[Goal], lang: Lang) -> Figure | None:
    """Measured values of the government-wide goals against their targets; None if unmeasured."""
    measured_goals = [goal for goal in goals if goal.measurements]
    if not measured_goals:
        return None
    rows = []
    for goal in measured_goals:
        unit = goal.target.unit if goal.target else ""
        name = f"{_short(goal.title.get(lang), 60)}" + (f" ({unit})" if unit else "")
        points = [("measured", m) for m in sorted(goal.measurements, key=lambda m: m.year)]
        target = None
        if goal.target is not None and (goal.target.year or goal.deadline):
            target = _YearValue(goal.target.year or goal.deadline or 0, goal.target.value)
        rows += _progress_rows(name, points, target, points[-1][1], lang)
    frame = pd.DataFrame(rows)
    summary = t("chart.goals.summary", lang, count=len(measured_goals), total=len(goals))
    title = t("chart.goals.title", lang)
    return Figure(
        name="goals-progress",
        title=title,
        summary=summary,
        frame=frame,
        columns=_progress_columns(lang),
        chart=_finish(_progress_chart(frame, lang), title),
        lang=lang,
        examples=examples_note(measured_goals, "goal", lang),
    )


@dataclass(frozen=True)
class _YearValue:
    year: int
    value: float


def _progress_rows(
    name: str, points: list[tuple[str, Any]], target: Any, last: Any, lang: Lang
) -> list[dict[str, Any]]:
    rows = [
        {
            "series": name,
            "kind": t(f"chart.progress.{kind}", lang),
            "year": point.year,
            "value": point.value,
            "label": i18n.format_figure(point.value, lang),
            "actual": True,
            "toward": point is last,
        }
        for kind, point in points
    ]
    if target is not None:
        rows.append(
            {
                "series": name,
                "kind": t("chart.progress.target", lang),
                "year": target.year,
                "value": target.value,
                "label": i18n.format_figure(target.value, lang),
                "actual": False,
                "toward": True,
            }
        )
    return rows


def _progress_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column("series", t("chart.progress.series", lang)),
        Column("kind", t("chart.progress.kind", lang)),
        Column("year", t("chart.year", lang)),
        Column("value", t("chart.value", lang), "number"),
    )


def _progress_chart(frame: pd.DataFrame, lang: Lang) -> alt.TopLevelMixin:
    """Small multiples, one per series: the line so far, a dashed line on to the target."""
    kinds = [t(f"chart.progress.{k}", lang) for k in ("baseline", "measured", "target")]
    x = alt.X(
        "year:Q",
        title=None,
        axis=alt.Axis(format="d", tickMinStep=1),
        scale=alt.Scale(zero=False, padding=16),
    )
    y = alt.Y(
        "value:Q", title=None, scale=alt.Scale(zero=False, padding=14), axis=alt.Axis(tickCount=4)
    )
    so_far = (
        alt.Chart()
        .transform_filter("datum.actual")
        .mark_line(color=palette.SERIES_COLOURS[0])
        .encode(x=x, y=y)
    )
    ahead = (
        alt.Chart()
        .transform_filter("datum.toward")
        .mark_line(color=palette.SERIES_COLOURS[1], strokeDash=[5, 4])
        .encode(x=x, y=y)
    )
    points = (
        alt.Chart()
        .mark_point(filled=True, size=90, opacity=1)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "kind:N",
                scale=alt.Scale(domain=kinds, range=["square", "circle", "diamond"]),
                title=None,
                legend=alt.Legend(orient="top"),
            ),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(
                    domain=kinds,
                    range=[palette.RULE, palette.SERIES_COLOURS[0], palette.SERIES_COLOURS[1]],
                ),
                title=None,
            ),
        )
    )
    labels = alt.Chart().mark_text(dy=-12, fontSize=11).encode(x=x, y=y, text="label:N")
    layered = _layer(
        frame, so_far, ahead, points, labels, data=frame, width=palette.WIDTH - 120, height=110
    )
    series = list(dict.fromkeys(frame["series"]))
    return layered.facet(
        row=alt.Row(
            "series:N",
            sort=series,
            title=None,
            header=alt.Header(
                labelAngle=0,
                labelAlign="left",
                labelAnchor="start",
                labelOrient="top",
                labelLimit=palette.WIDTH,
                labelFontSize=12,
            ),
        ),
    ).resolve_scale(y="independent", x="independent")


# --- 8. Cases --------------------------------------------------------------------------------


def cases_by_theme(cases: list[Case], data: DataSet, lang: Lang) -> Figure | None:
    """How many cases each theme has, per year."""
    if not cases:
        return None
    counts = Counter((theme, case.year) for case in cases for theme in case.themes)
    theme_ids = sorted({theme for theme, _ in counts}, key=data.theme_order())
    rows = [
        {
            "theme_id": theme,
            "theme": _theme_name(data, theme, lang),
            "year": year,
            "count": counts[(theme, year)],
        }
        for theme in theme_ids
        for year in sorted({y for th, y in counts if th == theme})
    ]
    frame = pd.DataFrame(rows)
    per_theme = frame.groupby("theme", sort=False)["count"].sum()
    most = int(per_theme.max())
    leaders = [name for name, n in per_theme.items() if n == most]
    summary = t(
        "chart.cases.summary",
        lang,
        count=len(cases),
        first=min(c.year for c in cases),
        last=max(c.year for c in cases),
        themes=_names(cast(list[str], leaders), lang),  # the index holds theme names
        most=most,
    )
    title = t("chart.cases.title", lang)
    years = list(range(min(c.year for c in cases), max(c.year for c in cases) + 1))
    x = alt.X(
        "year:O",
        sort=years,
        scale=alt.Scale(domain=years),
        title=t("chart.year", lang),
        axis=alt.Axis(labelAngle=0),
    )
    y = _rows(frame, limit=220)
    cells = (
        alt.Chart()
        .mark_rect(fill=palette.LEVEL_RAMP[0], stroke="white", strokeWidth=2)
        .encode(x=x, y=y)
    )
    labels = alt.Chart().mark_text(color="#000000").encode(x=x, y=y, text="count:Q")
    chart = _layer(frame, cells, labels, width=alt.Step(44), height=alt.Step(28))
    return Figure(
        name="cases-by-theme",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("theme", t("chart.theme", lang)),
            Column("year", t("chart.year", lang)),
            Column("count", t("chart.cases", lang), "integer"),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=examples_note(cases, "case", lang),
    )


# --- 9. Forecast accuracy --------------------------------------------------------------------


def _buyers(groups: Sequence[GroupAccuracy], data: DataSet, lang: Lang) -> dict[str, str]:
    """Each buyer's name by id, in the order of the names (ids keep equal names apart)."""
    names = {}
    for group in groups:
        organisation = data.organisations.get(group.key)
        names[group.key] = _short(organisation.name.get(lang)) if organisation else group.key
    return dict(sorted(names.items(), key=lambda item: (item[1].lower(), item[0])))


def _buyer_rows(names: Mapping[str, str]) -> alt.Y:
    return alt.Y(
        "buyer_id:N",
        sort=list(names),
        title=None,
        axis=alt.Axis(labelLimit=260, labelExpr=_case("value", names)),
    )


def _counted(count: int, what: str, lang: Lang) -> str:
    """Which records a forecast figure counts (whether they are examples is its note)."""
    return t(f"chart.forecast.counted.{what}", lang, n=count)


def _percent(share: float, lang: Lang) -> str:
    return f"{i18n.format_number(share, lang, 1)}%"


def forecast_within(groups: Sequence[GroupAccuracy], data: DataSet, lang: Lang) -> Figure | None:
    """Per buyer: the share of its published tenders published within the window first announced.

    `groups` are `GroupAccuracy` per buyer; None while no tender is published."""
    published = [group for group in groups if group.published]
    if not published:
        return None
    names = _buyers(published, data, lang)
    by_key = {group.key: group for group in published}
    rows = []
    for key, name in names.items():
        group = by_key[key]
        share = round(100 * group.within / group.published, 1)
        rows.append(
            {
                "buyer_id": key,
                "buyer": name,
                "share": share,
                "label": f"{_percent(share, lang)} ({group.within}/{group.published})",
                "within": group.within,
                "published": group.published,
            }
        )
    frame = pd.DataFrame(rows)
    within, total = sum(g.within for g in published), sum(g.published for g in published)
    summary = t(
        "chart.forecast-within.summary",
        lang,
        within=within,
        published=total,
        share=_percent(round(100 * within / total, 1), lang),
    )
    examples = sum(group.published_examples for group in published)
    summary += " " + _counted(total, "published", lang)
    title = t("chart.forecast-within.title", lang)
    y = _buyer_rows(names)
    x = alt.X(
        "share:Q",
        scale=alt.Scale(domain=[0, 100]),
        title=t("chart.forecast.share", lang),
        axis=alt.Axis(values=[0, 25, 50, 75, 100], grid=True),
    )
    chart = _labelled_bars(frame, x, y, "share", palette.SERIES_COLOURS[0])
    return Figure(
        name="forecast-within",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("buyer", t("chart.buyer", lang)),
            Column("share", t("chart.forecast.share", lang), "number"),
            Column("within", t("chart.forecast.within", lang), "integer"),
            Column("published", t("chart.forecast.published", lang), "integer"),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=count_note(examples, total, "tender", lang),
    )


def _labelled_bars(
    frame: pd.DataFrame, x: alt.X, y: alt.Y, field: str, fill: str
) -> alt.LayerChart:
    """A bar per buyer with its figure written after it (the `label` column)."""
    bars = alt.Chart().mark_bar(fill=fill, height=16).encode(x=x, y=y)
    labels = alt.Chart().mark_text(align="left", dx=6).encode(x=f"{field}:Q", y=y, text="label:N")
    return _layer(frame, bars, labels, width=palette.WIDTH - 300, height=alt.Step(26))


def forecast_moves(groups: Sequence[GroupAccuracy], data: DataSet, lang: Lang) -> Figure | None:
    """Per buyer: how often its tenders moved since first announced, per announced tender.

    `groups` are `GroupAccuracy` per buyer; None while no tender has moved."""
    announced = [group for group in groups if group.announced]
    moves = sum(group.moves for group in announced)
    if not moves:
        return None
    names = _buyers(announced, data, lang)
    by_key = {group.key: group for group in announced}
    averages = {key: round(by_key[key].moves / by_key[key].announced, 2) for key in names}
    rows = [
        {
            "buyer_id": key,
            "buyer": name,
            "per_tender": averages[key],
            "label": i18n.format_number(averages[key], lang, 2),
            "moves": by_key[key].moves,
            "announced": by_key[key].announced,
        }
        for key, name in names.items()
    ]
    frame = pd.DataFrame(rows)
    count = sum(group.announced for group in announced)
    top = max(averages.values())
    summary = t(
        "chart.forecast-moves.summary",
        lang,
        moves=moves,
        tenders=count,
        average=i18n.format_number(round(moves / count, 2), lang, 2),
        most=_names([names[key] for key, average in averages.items() if average == top], lang),
        top=i18n.format_number(top, lang, 2),
    )
    examples = sum(group.examples for group in announced)
    summary += " " + _counted(count, "announced", lang)
    title = t("chart.forecast-moves.title", lang)
    y = _buyer_rows(names)
    x = alt.X(
        "per_tender:Q",
        title=t("chart.forecast.per-tender", lang),
        axis=alt.Axis(tickMinStep=0.5, grid=True),
    )
    chart = _labelled_bars(frame, x, y, "per_tender", palette.SERIES_COLOURS[1])
    return Figure(
        name="forecast-moves",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("buyer", t("chart.buyer", lang)),
            Column("per_tender", t("chart.forecast.per-tender", lang), "number"),
            Column("moves", t("chart.forecast.moves", lang), "integer"),
            Column("announced", t("chart.forecast.announced", lang), "integer"),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=count_note(examples, count, "tender", lang),
    )


# --- 10. Effort goals computed from the calendar ----------------------------------------------


def _share_percent(share: float | None) -> float | None:
    return None if share is None else round(100 * share, 1)


def _effort_summary(rows: list[dict[str, Any]], lang: Lang) -> str:
    """The range of the shares, naming the goals at either end."""
    judged = [row for row in rows if row["share"] is not None]
    if not judged:
        return t("chart.effort.summary.none", lang)
    low, high = min(row["share"] for row in judged), max(row["share"] for row in judged)
    key = "chart.effort.summary" if low < high else "chart.effort.summary.even"
    return t(
        key if len(judged) > 1 else "chart.effort.summary.one",
        lang,
        judged=len(judged),
        goals=len(rows),
        low=_percent(low, lang),
        lowest=_names([row["goal"] for row in judged if row["share"] == low], lang),
        high=_percent(high, lang),
        highest=_names([row["goal"] for row in judged if row["share"] == high], lang),
    )


def effort_shares(results: Sequence[EffortResult], lang: Lang) -> Figure | None:
    """Per effort goal: the share of the planned tenders it applies to that meet it, by count.

    The table adds the counts and the share by estimated value; the tables under the chart
    say, goal by goal, how many tenders the data cannot judge."""
    if not results:
        return None
    rows = []
    for result in results:
        total = result.total
        share = _share_percent(total.share)
        label = t("chart.effort.none" if total.counted else "chart.effort.nothing", lang)
        if share is not None:
            label = f"{_percent(share, lang)} ({len(total.met)}/{total.judged})"
        rows.append(
            {
                "goal_id": result.goal.id,
                "goal": t(f"effort.measure.{result.measure}", lang),
                "share": share,
                "label": label,
                "met": len(total.met),
                "not_met": len(total.not_met),
                "value_share": _share_percent(total.value_share),
            }
        )
    frame = pd.DataFrame(rows)
    summary = _effort_summary(rows, lang)
    tenders = {v.tender.id: v.tender for result in results for v in result.verdicts}
    summary += " " + _counted(len(tenders), "planned", lang)
    title = t("chart.effort.title", lang)
    names = dict(zip(frame["goal_id"], frame["goal"], strict=True))
    y = alt.Y(
        "goal_id:N",
        sort=list(names),
        title=None,
        axis=alt.Axis(labelLimit=260, labelExpr=_case("value", names)),
    )
    x = alt.X(
        "share:Q",
        scale=alt.Scale(domain=[0, 100]),
        title=t("chart.effort.axis", lang),
        axis=alt.Axis(values=[0, 25, 50, 75, 100], grid=True),
    )
    bars = alt.Chart().mark_bar(fill=palette.SERIES_COLOURS[2], height=16).encode(x=x, y=y)
    # A goal no tender can be judged by has no bar: its words stand at 0.
    labels = (
        alt.Chart()
        .transform_calculate(at="datum.share === null ? 0 : datum.share")
        .mark_text(align="left", dx=6)
        .encode(x=alt.X("at:Q"), y=y, text="label:N")
    )
    chart = _layer(frame, bars, labels, width=palette.WIDTH - 300, height=alt.Step(26))
    return Figure(
        name="effort-shares",
        title=title,
        summary=summary,
        frame=frame,
        columns=(
            Column("goal", t("chart.effort.goal", lang)),
            Column("share", t("chart.effort.share", lang), "number"),
            Column("met", t("effort.met", lang), "integer"),
            Column("not_met", t("effort.not-met", lang), "integer"),
            Column("value_share", t("chart.effort.value-share", lang), "number"),
        ),
        chart=_finish(chart, title),
        lang=lang,
        examples=examples_note(tenders.values(), "tender", lang),
    )
