"""Figures: the numbers behind a chart, the chart drawn from exactly those numbers, and words.

Each builder is a pure function of the data and the page language. It returns a `Figure` whose
rows are the chart's only dataset *and* the table under it *and* its CSV file, so the three
cannot disagree; or None when there is nothing to draw (the page then says so in words). The
chart is a Vega-Lite spec of plain dicts (`vegalite.py`): no chart library is loaded to build it.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.base import i18n
from generator.base.examples import count_note, examples_note
from generator.base.i18n import Lang, t
from generator.charts import palette
from generator.charts import vegalite as vl
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

Row = dict[str, Any]  # one row of a figure: a column's key and its value


@dataclass(frozen=True)
class Figure:
    """One chart with its caption, its summary sentence and the numbers it was drawn from."""

    name: str  # unique on its page; also the name of its CSV file
    title: str
    summary: str
    rows: list[Row]  # the chart's dataset; `vl.as_frame` types its values as pandas did
    columns: tuple[Column, ...]
    layout: vl.Spec  # the chart's layers (or facet), without its data and configuration
    lang: Lang
    examples: str = ""  # says so when it is drawn from example records (base/examples.py)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rows", vl.as_frame(self.rows))  # frozen: set once, here

    def spec(self) -> dict[str, Any]:
        """The Vega-Lite spec, with the shared configuration (tests validate every kind)."""
        return vl.spec(self.layout, self.title, self.rows)

    def records(self) -> list[dict[str, Any]]:
        """The rows as the chart sees them (missing values as None), a copy of each."""
        return [dict(row) for row in self.rows]

    def cells(self) -> list[list[tuple[Any, str]]]:
        """Each table row as (value, text shown) per column, text in the page's language."""
        return table_cells(self.rows, self.columns, self.lang)

    def csv(self) -> bytes:
        """The table as CSV (UTF-8, comma, dot decimals), safe to open in a spreadsheet."""
        return table_csv(self.rows, self.columns)


# --- Shared pieces ---------------------------------------------------------------------------


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


def _theme_rows(rows: list[Row], order: list[str] | None = None, limit: int = 240) -> vl.Spec:
    """Rows keyed by theme id and labelled with its name, so equal names stay separate rows."""
    names = {row["theme_id"]: row["theme"] for row in rows}
    return vl.channel(
        "theme_id:N",
        sort=order or list(names),
        title=None,
        axis={"labelLimit": limit, "labelExpr": _case("value", names)},
    )


def _theme_name(data: DataSet, theme_id: str, lang: Lang) -> str:
    theme = data.themes.get(theme_id)
    return theme.name.get(lang) if theme else theme_id


def _series_scale(domain: list[str]) -> vl.Spec:
    return {"domain": domain, "range": [palette.series_fill(i) for i in range(len(domain))]}


def _level_word(levels: AmbitionScale, level: str | None, lang: Lang) -> str:
    return levels.label(level, lang) if level else t("chart.level.none", lang)


def _level_scale(levels: AmbitionScale, lang: Lang) -> vl.Spec:
    """Each level's fill, by its rank: light (the lowest) to dark (the highest)."""
    return {
        "domain": [_level_word(levels, level, lang) for level in levels.ids],
        "range": palette.level_fills(len(levels)),
    }


def _level_text(levels: AmbitionScale, lang: Lang) -> vl.Spec:
    """The text colour on each level's fill."""
    return {
        "domain": [_level_word(levels, level, lang) for level in levels.ids],
        "range": [palette.text_on(fill) for fill in palette.level_fills(len(levels))],
    }


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
    rows: list[Row] = [
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
    quarters = list(dict.fromkeys(row["quarter"] for row in rows))
    per_quarter: Counter[str] = Counter()
    for row in rows:
        per_quarter[row["quarter_key"]] += row["count"]
    top = max(per_quarter.values())
    busiest = [_quarter_label(key, lang) for key, n in sorted(per_quarter.items()) if n == top]
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
    x = vl.channel(
        "quarter:N", sort=quarters, title=t("chart.quarter", lang), axis={"labelAngle": -40}
    )
    bars = vl.layer(
        vl.mark("bar", stroke="white", strokeWidth=1),
        x=x,
        y=vl.channel("sum(count):Q", title=t("chart.tenders", lang), axis={"tickMinStep": 1}),
        fill=vl.channel(
            "category:N",
            scale=_series_scale(categories),
            title=t("chart.category", lang),
            legend={"orient": "bottom", "columns": 2},
        ),
        order=vl.channel("series:Q"),
    )
    totals = vl.layer(
        vl.mark("text", dy=-8),
        x=x,
        y=vl.channel("sum(count):Q"),
        text=vl.channel("sum(count):Q"),
    )
    return Figure(
        name="pipeline-count",
        title=title,
        summary=summary,
        rows=rows,
        columns=(
            Column("quarter", t("chart.quarter", lang)),
            Column("category", t("chart.category", lang)),
            Column("count", t("chart.tenders", lang), "integer"),
        ),
        layout=vl.layers(bars, totals, width=palette.WIDTH, height=240),
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
    rows: list[Row] = []
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
    unknown = sum(row["without"] for row in rows)
    if all(row["high"] is None for row in rows):
        return None
    top = max(rows, key=lambda row: -1 if row["high"] is None else row["high"])  # first of ties
    summary = t("chart.value.summary", lang, value=top["label"], quarter=top["quarter"])
    if unknown:
        summary += " " + t("chart.value.unknown", lang, count=unknown)
    title = t("chart.value.title", lang)
    y = vl.channel("quarter:N", sort=[row["quarter"] for row in rows], title=None)
    upper = vl.layer(
        vl.mark("bar", fill=palette.series_fill(1), height=16),
        y=y,
        x=vl.channel("high_m:Q", title=t("chart.value.axis", lang)),
        x2=vl.field("low_m"),
    )
    lower = vl.layer(
        vl.mark("bar", fill=palette.SERIES_COLOURS[0], height=16), y=y, x=vl.channel("low_m:Q")
    )
    labels = vl.layer(
        vl.mark("text", align="left", dx=6, fontSize=11),
        y=y,
        x=vl.channel("high_m:Q"),
        text=vl.channel("label:N"),
    )
    return Figure(
        name="pipeline-value",
        title=title,
        summary=summary,
        rows=rows,
        columns=(
            Column("quarter", t("chart.quarter", lang)),
            Column("low", t("chart.value.low", lang), "amount"),
            Column("high", t("chart.value.high", lang), "amount"),
            Column("with", t("chart.value.with", lang), "integer"),
            Column("without", t("chart.value.without", lang), "integer"),
        ),
        layout=vl.layers(upper, lower, labels, width=palette.WIDTH - 260, height=vl.step(24)),
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
    rows: list[Row] = []
    seen: set[str] = set()
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
    words = {key: t(f"chart.timeline.{key}", lang) for key in _MILESTONES}
    order = [row["tender"] for row in rows]
    # Titles are cut to _AXIS_LABEL characters above; no limit in pixels, which Vega would
    # measure label by label (two fifths of the time a timeline takes to draw).
    y = vl.channel("tender:N", sort=order, title=None, axis={"labelLimit": 0})
    x_axis = {"format": "%Y", "tickCount": "year", "title": None, "grid": True}
    span = vl.layer(
        vl.mark("rule", color=palette.RULE, strokeWidth=2),
        y=y,
        x=vl.channel("first:T", scale={"type": "utc"}, axis=x_axis),
        x2=vl.field("last"),
    )
    points = vl.layer(
        vl.mark("point", filled=True, size=110, opacity=1),
        vl.fold(_MILESTONES, "milestone", "date"),
        vl.where("datum.date != null"),
        vl.calculate("step", _case("milestone", words)),
        vl.calculate("when", "toDate(datum.date)"),
        y=y,
        x=vl.channel("when:T", scale={"type": "utc"}),
        shape=vl.channel(
            "step:N",
            scale={"domain": list(words.values()), "range": list(palette.MILESTONE_SHAPES)},
            title=None,
            legend={"orient": "top"},
        ),
        color=vl.channel(
            "step:N",
            scale={"domain": list(words.values()), "range": list(palette.MILESTONE_COLOURS)},
            title=None,
        ),
    )
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
        rows=rows,
        columns=(
            Column("tender", t("chart.tender", lang)),
            *(Column(key, words[key], "date", f"{key}_label") for key in _MILESTONES),
        ),
        layout=vl.layers(span, points, width=palette.WIDTH - 200, height=vl.step(26)),
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
    rows: list[Row] = []
    for plan in plans:
        row: Row = {"plan": plan.id, "category": plan.name.get(lang)}
        for theme in themes:
            ambition = plan.ambitions.get(theme.id)
            level = ambition.level if ambition else None
            row[f"level:{theme.id}"] = _level_word(levels, level, lang) if ambition else None
        rows.append(row)
    used = [key for key in names if any(row[key] is not None for row in rows)]
    # Themes no plan chose a level for have no column.
    rows = [{"plan": r["plan"], "category": r["category"], **{k: r[k] for k in used}} for r in rows]
    cells = [(key, row[key]) for row in rows for key in used if row[key] is not None]
    highest = _level_word(levels, levels.ids[-1], lang) if levels.ids else None
    per_theme = Counter(key for key, level in cells if level == highest)
    summary = t(
        "chart.matrix.summary",
        lang,
        plans=len(rows),
        cells=len(cells),
        ambitious=sum(per_theme.values()),
        level=i18n.lower_first(highest or t("chart.level.none", lang)),
    )
    if per_theme:
        most = max(per_theme.values())
        leaders = [names[key] for key in used if per_theme[key] == most]
        summary += " " + t("chart.matrix.most", lang, themes=_names(leaders, lang), count=most)
    title = t("chart.matrix.title", lang)
    fold = (vl.fold(used, "theme", "level"), vl.where("datum.level != null"))
    x = vl.channel(
        "theme:N",
        sort=used,
        title=None,
        axis={
            "orient": "top",
            "labelAngle": -35,
            "labelLimit": 280,
            "labelExpr": _case("value", {key: names[key] for key in used}),
        },
    )
    category_names = {plan.id: plan.name.get(lang) for plan in plans}
    y = vl.channel(
        "plan:N",
        sort=[row["plan"] for row in rows],
        title=None,
        axis={"labelLimit": 240, "labelExpr": _case("value", category_names)},
    )
    rect = vl.layer(
        vl.mark("rect", stroke="white", strokeWidth=2),
        *fold,
        x=x,
        y=y,
        fill=vl.channel(
            "level:N",
            scale=_level_scale(levels, lang),
            title=t("chart.level", lang),
            legend={"orient": "bottom"},
        ),
    )
    colour = vl.channel("level:N", scale=_level_text(levels, lang), legend=None)
    text = vl.layer(
        vl.mark("text", fontSize=11), *fold, x=x, y=y, text=vl.channel("level:N"), color=colour
    )
    return Figure(
        name="ambition-matrix",
        title=title,
        summary=summary,
        rows=rows,
        columns=(
            Column("category", t("chart.category", lang)),
            *(Column(k, names[k]) for k in used),
        ),
        layout=vl.layers(rect, text, width=vl.step(86), height=vl.step(28)),
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
    rows: list[Row] = []
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
    chosen = [row for row in rows if row["rank"] > 0]
    highest = max(row["rank"] for row in chosen)
    top = [row for row in chosen if row["rank"] == highest]
    summary = t(
        "chart.profile.summary",
        lang,
        chosen=len(chosen),
        themes=len(rows),
        level=top[0]["level"].lower(),
        names=_names([row["theme"] for row in top], lang),
    )
    title = t("chart.profile.title", lang)
    words = {levels.rank(level): _level_word(levels, level, lang) for level in levels.ids}
    y = _theme_rows(rows)
    x = vl.channel(
        "rank:Q",
        scale={"domain": [0, len(levels)]},
        title=t("chart.level", lang),
        axis={"values": list(words), "labelExpr": _case("value", words), "grid": True},
    )
    fill = vl.channel("level:N", scale=_level_scale(levels, lang), legend=None)
    bars = vl.layer(vl.mark("bar", height=16), vl.where("datum.rank > 0"), x=x, y=y, fill=fill)
    labels = vl.layer(
        vl.mark("text", align="left", dx=6),
        x=vl.channel("rank:Q"),
        y=y,
        text=vl.channel("level:N"),
    )
    return Figure(
        name="ambition-profile",
        title=title,
        summary=summary,
        rows=rows,
        columns=(Column("theme", t("chart.theme", lang)), Column("level", t("chart.level", lang))),
        layout=vl.layers(bars, labels, width=palette.WIDTH - 260, height=vl.step(26)),
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
    rows: list[Row] = []
    slots: Counter[tuple[int, str]] = Counter()
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
    years = sorted({row["year"] for row in rows})
    summary = t(
        "chart.route.summary" if len(years) > 1 else "chart.route.summary.one-year",
        lang,
        count=len(rows),
        first=years[0],
        last=years[-1],
        measurable=sum(row["value"] is not None for row in rows),
    )
    title = t("chart.route.title", lang)
    order = sorted({row["theme_id"] for row in rows}, key=theme_order)
    x = vl.channel("year:O", sort=years, title=t("chart.year", lang), axis={"labelAngle": 0})
    y = _theme_rows(rows, order, 220)
    offset = vl.channel("slot:O")
    points = vl.layer(
        vl.mark("point", filled=True, size=120, opacity=1, color=palette.SERIES_COLOURS[0]),
        vl.calculate("measurable", "datum.value != null"),
        x=x,
        y=y,
        yOffset=offset,
        shape=vl.channel(
            "measurable:N",
            legend=None,
            scale={"domain": [True, False], "range": ["diamond", "circle"]},
        ),
    )
    labels = vl.layer(
        vl.mark("text", baseline="top", dy=10, fontSize=11, lineBreak="\n"),
        x=x,
        y=y,
        yOffset=offset,
        text=vl.channel("label:N"),
    )
    step = 150  # room for a label of three short lines under each year's point
    return Figure(
        name="route-map",
        title=title,
        summary=summary,
        rows=rows,
        columns=(
            Column("year", t("chart.year", lang)),
            Column("theme", t("chart.theme", lang)),
            Column("target", t("chart.route.target", lang)),
            Column("value", t("chart.value", lang), "number"),
            Column("unit", t("chart.unit", lang)),
        ),
        layout=vl.layers(points, labels, width=vl.step(step), height=vl.step(66)),
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
    rows: list[Row] = [
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
    done = sum(n for (_, status), n in counts.items() if status == "done")
    delayed = sum(n for (_, status), n in counts.items() if status == "delayed")
    summary = t("chart.actions.summary", lang, done=done, total=len(plan.actions), delayed=delayed)
    title = t("chart.actions.title", lang)
    y = _theme_rows(rows, limit=220)
    bars = vl.layer(
        vl.mark("bar", stroke="white", strokeWidth=1, height=18),
        y=y,
        x=vl.channel("sum(count):Q", title=t("chart.actions", lang), axis={"tickMinStep": 1}),
        fill=vl.channel(
            "status:N",
            title=t("chart.status", lang),
            legend={"orient": "bottom"},
            scale=_series_scale(words),
        ),
        order=vl.channel("series:Q"),
    )
    totals = vl.layer(
        vl.mark("text", align="left", dx=6),
        y=y,
        x=vl.channel("sum(count):Q"),
        text=vl.channel("sum(count):Q"),
    )
    return Figure(
        name="action-status",
        title=title,
        summary=summary,
        rows=rows,
        columns=(
            Column("theme", t("chart.theme", lang)),
            Column("status", t("chart.status", lang)),
            Column("count", t("chart.actions", lang), "integer"),
        ),
        layout=vl.layers(bars, totals, width=palette.WIDTH - 220, height=vl.step(30)),
        lang=lang,
        examples=examples_note([plan], "plan", lang),
    )


def indicators(plan: ActionPlan, lang: Lang) -> Figure | None:
    """Each indicator's yearly values from its baseline toward its target."""
    if not plan.indicators:
        return None
    rows: list[Row] = []
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
        rows=rows,
        columns=_progress_columns(lang),
        layout=_progress_chart(rows, lang),
        lang=lang,
        examples=examples_note([plan], "plan", lang),
    )


# --- 7. Goals --------------------------------------------------------------------------------


def goals_progress(goals: list[Goal], lang: Lang) -> Figure | None:
    """Measured values of the government-wide goals against their targets; None if unmeasured."""
    measured_goals = [goal for goal in goals if goal.measurements]
    if not measured_goals:
        return None
    rows: list[Row] = []
    for goal in measured_goals:
        unit = goal.target.unit if goal.target else ""
        name = f"{_short(goal.title.get(lang), 60)}" + (f" ({unit})" if unit else "")
        points = [("measured", m) for m in sorted(goal.measurements, key=lambda m: m.year)]
        target = None
        if goal.target is not None and (goal.target.year or goal.deadline):
            target = _YearValue(goal.target.year or goal.deadline or 0, goal.target.value)
        rows += _progress_rows(name, points, target, points[-1][1], lang)
    summary = t("chart.goals.summary", lang, count=len(measured_goals), total=len(goals))
    title = t("chart.goals.title", lang)
    return Figure(
        name="goals-progress",
        title=title,
        summary=summary,
        rows=rows,
        columns=_progress_columns(lang),
        layout=_progress_chart(rows, lang),
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
    rows: list[Row] = [
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


def _progress_chart(rows: list[Row], lang: Lang) -> vl.Spec:
    """Small multiples, one per series: the line so far, a dashed line on to the target."""
    kinds = [t(f"chart.progress.{k}", lang) for k in ("baseline", "measured", "target")]
    x = vl.channel(
        "year:Q",
        title=None,
        axis={"format": "d", "tickMinStep": 1},
        scale={"zero": False, "padding": 16},
    )
    y = vl.channel(
        "value:Q", title=None, scale={"zero": False, "padding": 14}, axis={"tickCount": 4}
    )
    so_far = vl.layer(
        vl.mark("line", color=palette.SERIES_COLOURS[0]), vl.where("datum.actual"), x=x, y=y
    )
    ahead = vl.layer(
        vl.mark("line", color=palette.SERIES_COLOURS[1], strokeDash=[5, 4]),
        vl.where("datum.toward"),
        x=x,
        y=y,
    )
    points = vl.layer(
        vl.mark("point", filled=True, size=90, opacity=1),
        x=x,
        y=y,
        shape=vl.channel(
            "kind:N",
            scale={"domain": kinds, "range": ["square", "circle", "diamond"]},
            title=None,
            legend={"orient": "top"},
        ),
        color=vl.channel(
            "kind:N",
            scale={
                "domain": kinds,
                "range": [palette.RULE, palette.SERIES_COLOURS[0], palette.SERIES_COLOURS[1]],
            },
            title=None,
        ),
    )
    labels = vl.layer(vl.mark("text", dy=-12, fontSize=11), x=x, y=y, text=vl.channel("label:N"))
    layered = vl.layers(so_far, ahead, points, labels, width=palette.WIDTH - 120, height=110)
    series = list(dict.fromkeys(row["series"] for row in rows))
    row = vl.channel(
        "series:N",
        sort=series,
        title=None,
        header={
            "labelAngle": 0,
            "labelAlign": "left",
            "labelAnchor": "start",
            "labelOrient": "top",
            "labelLimit": palette.WIDTH,
            "labelFontSize": 12,
        },
    )
    return vl.facet_rows(layered, row, resolve={"y": "independent", "x": "independent"})


# --- 8. Cases --------------------------------------------------------------------------------


def cases_by_theme(cases: list[Case], data: DataSet, lang: Lang) -> Figure | None:
    """How many cases each theme has, per year."""
    if not cases:
        return None
    counts = Counter((theme, case.year) for case in cases for theme in case.themes)
    theme_ids = sorted({theme for theme, _ in counts}, key=data.theme_order())
    rows: list[Row] = [
        {
            "theme_id": theme,
            "theme": _theme_name(data, theme, lang),
            "year": year,
            "count": counts[(theme, year)],
        }
        for theme in theme_ids
        for year in sorted({y for th, y in counts if th == theme})
    ]
    per_theme: Counter[str] = Counter()  # by name, in the order of the rows
    for row in rows:
        per_theme[row["theme"]] += row["count"]
    most = max(per_theme.values())
    leaders = [name for name, n in per_theme.items() if n == most]
    summary = t(
        "chart.cases.summary",
        lang,
        count=len(cases),
        first=min(c.year for c in cases),
        last=max(c.year for c in cases),
        themes=_names(leaders, lang),
        most=most,
    )
    title = t("chart.cases.title", lang)
    years = list(range(min(c.year for c in cases), max(c.year for c in cases) + 1))
    x = vl.channel(
        "year:O",
        sort=years,
        scale={"domain": years},
        title=t("chart.year", lang),
        axis={"labelAngle": 0},
    )
    y = _theme_rows(rows, limit=220)
    cells = vl.layer(
        vl.mark("rect", fill=palette.LEVEL_RAMP[0], stroke="white", strokeWidth=2), x=x, y=y
    )
    labels = vl.layer(vl.mark("text", color="#000000"), x=x, y=y, text=vl.channel("count:Q"))
    return Figure(
        name="cases-by-theme",
        title=title,
        summary=summary,
        rows=rows,
        columns=(
            Column("theme", t("chart.theme", lang)),
            Column("year", t("chart.year", lang)),
            Column("count", t("chart.cases", lang), "integer"),
        ),
        layout=vl.layers(cells, labels, width=vl.step(44), height=vl.step(28)),
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


def _buyer_rows(names: Mapping[str, str]) -> vl.Spec:
    return vl.channel(
        "buyer_id:N",
        sort=list(names),
        title=None,
        axis={"labelLimit": 260, "labelExpr": _case("value", names)},
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
    rows: list[Row] = []
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
    x = vl.channel(
        "share:Q",
        scale={"domain": [0, 100]},
        title=t("chart.forecast.share", lang),
        axis={"values": [0, 25, 50, 75, 100], "grid": True},
    )
    return Figure(
        name="forecast-within",
        title=title,
        summary=summary,
        rows=rows,
        columns=(
            Column("buyer", t("chart.buyer", lang)),
            Column("share", t("chart.forecast.share", lang), "number"),
            Column("within", t("chart.forecast.within", lang), "integer"),
            Column("published", t("chart.forecast.published", lang), "integer"),
        ),
        layout=_labelled_bars(x, y, "share", palette.SERIES_COLOURS[0]),
        lang=lang,
        examples=count_note(examples, total, "tender", lang),
    )


def _labelled_bars(x: vl.Spec, y: vl.Spec, field: str, fill: str) -> vl.Spec:
    """A bar per buyer with its figure written after it (the `label` column)."""
    bars = vl.layer(vl.mark("bar", fill=fill, height=16), x=x, y=y)
    labels = vl.layer(
        vl.mark("text", align="left", dx=6),
        x=vl.channel(f"{field}:Q"),
        y=y,
        text=vl.channel("label:N"),
    )
    return vl.layers(bars, labels, width=palette.WIDTH - 300, height=vl.step(26))


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
    rows: list[Row] = [
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
    x = vl.channel(
        "per_tender:Q",
        title=t("chart.forecast.per-tender", lang),
        axis={"tickMinStep": 0.5, "grid": True},
    )
    return Figure(
        name="forecast-moves",
        title=title,
        summary=summary,
        rows=rows,
        columns=(
            Column("buyer", t("chart.buyer", lang)),
            Column("per_tender", t("chart.forecast.per-tender", lang), "number"),
            Column("moves", t("chart.forecast.moves", lang), "integer"),
            Column("announced", t("chart.forecast.announced", lang), "integer"),
        ),
        layout=_labelled_bars(x, y, "per_tender", palette.SERIES_COLOURS[1]),
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
    rows: list[Row] = []
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
    summary = _effort_summary(rows, lang)
    tenders = {v.tender.id: v.tender for result in results for v in result.verdicts}
    summary += " " + _counted(len(tenders), "planned", lang)
    title = t("chart.effort.title", lang)
    names = {row["goal_id"]: row["goal"] for row in rows}
    y = vl.channel(
        "goal_id:N",
        sort=list(names),
        title=None,
        axis={"labelLimit": 260, "labelExpr": _case("value", names)},
    )
    x = vl.channel(
        "share:Q",
        scale={"domain": [0, 100]},
        title=t("chart.effort.axis", lang),
        axis={"values": [0, 25, 50, 75, 100], "grid": True},
    )
    bars = vl.layer(vl.mark("bar", fill=palette.SERIES_COLOURS[2], height=16), x=x, y=y)
    # A goal no tender can be judged by has no bar: its words stand at 0.
    labels = vl.layer(
        vl.mark("text", align="left", dx=6),
        vl.calculate("at", "datum.share === null ? 0 : datum.share"),
        x=vl.channel("at:Q"),
        y=y,
        text=vl.channel("label:N"),
    )
    return Figure(
        name="effort-shares",
        title=title,
        summary=summary,
        rows=rows,
        columns=(
            Column("goal", t("chart.effort.goal", lang)),
            Column("share", t("chart.effort.share", lang), "number"),
            Column("met", t("effort.met", lang), "integer"),
            Column("not_met", t("effort.not-met", lang), "integer"),
            Column("value_share", t("chart.effort.value-share", lang), "number"),
        ),
        layout=vl.layers(bars, labels, width=palette.WIDTH - 300, height=vl.step(26)),
        lang=lang,
        examples=examples_note(tenders.values(), "tender", lang),
    )
