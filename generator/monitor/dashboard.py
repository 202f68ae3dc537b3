"""The monitor page's figures: per theme, what the calendar, the action plans, the cases and the
goals say, counted here so that the template only lays them out.

The 2017 letter to parliament asks for progress to be comparable across organisations, so the
action plans are counted per organisation and the effort goals per buyer. Every part carries the
records it counts, so the page can say under each aggregate how many of them are examples.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.models import ActionPlan, Case, Goal, Tender, Theme
from generator.models.action_plan import ActionStatus, Indicator, YearValue
from generator.monitor.effort import EffortResult, Gap, effort_results, missing, planned

# The order the page lists action statuses in: what is done first, what went wrong last.
ACTION_STATUSES: tuple[ActionStatus, ...] = (
    "done",
    "in-progress",
    "not-started",
    "delayed",
    "cancelled",
)


@dataclass(frozen=True)
class ThemeEffort:
    """An effort goal as a theme's section shows it."""

    result: EffortResult
    own: bool  # the goal is this theme's own: counted over every tender in its scope

    def cannot_tell(self) -> list[tuple[Tender, tuple[Gap, ...]]]:
        """The tenders the data cannot judge, each with what is missing, in calendar order."""
        share = self.result.total
        return [
            (tender, missing(self.result.measure, tender))
            for tender in (*share.unknown, *share.scope_unknown)
        ]


@dataclass(frozen=True)
class OrganisationActions:
    """One organisation's actions of a theme, by status, over all its action plans."""

    organisation: str
    plans: tuple[ActionPlan, ...]
    by_status: dict[ActionStatus, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator of an action plan with its latest value and how far it got to its target."""

    plan: ActionPlan
    indicator: Indicator

    @property
    def latest(self) -> YearValue | None:
        values = sorted(self.indicator.values, key=lambda value: value.year)
        return values[-1] if values else None

    @property
    def progress(self) -> float | None:
        """The way from baseline to target covered by the latest value (0 to 1, may overshoot)."""
        span = self.indicator.target.value - self.indicator.baseline.value
        latest = self.latest
        if latest is None or not span:
            return None
        return (latest.value - self.indicator.baseline.value) / span


@dataclass(frozen=True)
class ThemeMonitor:
    """Everything the monitor shows of one theme."""

    theme: Theme
    tenders: tuple[Tender, ...]  # planned tenders that apply the theme, calendar order
    levels: tuple[tuple[str, int], ...]  # (ambition level, tenders), lowest level first
    efforts: tuple[ThemeEffort, ...]
    actions: tuple[OrganisationActions, ...]
    statuses: tuple[ActionStatus, ...]  # the statuses any of those actions has
    indicators: tuple[IndicatorRow, ...]
    cases: tuple[Case, ...]
    goals: tuple[Goal, ...]

    @property
    def action_plans(self) -> tuple[ActionPlan, ...]:
        """The plans whose actions are counted, each once."""
        return tuple({plan.id: plan for row in self.actions for plan in row.plans}.values())

    @property
    def indicator_plans(self) -> tuple[ActionPlan, ...]:
        """The plans whose indicators are shown, each once."""
        return tuple({row.plan.id: row.plan for row in self.indicators}.values())


@dataclass(frozen=True)
class Dashboard:
    """The monitor: the effort goals over all planned tenders, then each theme in order."""

    results: tuple[EffortResult, ...]
    themes: tuple[ThemeMonitor, ...]


def dashboard(data: Any, ref: Any) -> Dashboard:
    """The monitor of `data` (a data set or its tracked view) with its cross references."""
    results = tuple(effort_results(data.goals.values(), ref.tenders, data))
    themes = sorted(data.themes.values(), key=lambda theme: (theme.order, theme.id))
    return Dashboard(results, tuple(theme_monitor(theme, results, data, ref) for theme in themes))


def theme_monitor(
    theme: Theme, results: Sequence[EffortResult], data: Any, ref: Any
) -> ThemeMonitor:
    """One theme's section: its planned tenders, effort goals, actions, cases and goals."""
    tenders = tuple(planned(ref.tenders_by_theme.get(theme.id, [])))
    levels = Counter(tender.themes[theme.id].level for tender in tenders)
    scale = data.ambition_scale().ids  # lowest level first, as the data order them
    plans = ref.action_plans_by_theme.get(theme.id, [])
    actions = _actions(theme.id, plans, data)
    return ThemeMonitor(
        theme=theme,
        tenders=tenders,
        levels=tuple((level, levels[level]) for level in scale if levels[level]),
        efforts=tuple(_efforts(theme.id, results)),
        actions=actions,
        statuses=tuple(s for s in ACTION_STATUSES if any(row.by_status.get(s) for row in actions)),
        indicators=tuple(
            IndicatorRow(plan, indicator)
            for plan in plans
            for indicator in plan.indicators
            if indicator.theme == theme.id
        ),
        cases=tuple(ref.cases_by_theme.get(theme.id, [])),
        goals=tuple(ref.goals_by_theme.get(theme.id, [])),
    )


def _efforts(theme_id: str, results: Sequence[EffortResult]) -> Iterable[ThemeEffort]:
    """The theme's own effort goals over all their tenders, then the goals without a theme over
    the tenders concerning this one."""
    for result in results:
        if result.goal.theme == theme_id:
            yield ThemeEffort(result, own=True)
    for result in results:
        if result.goal.theme is None:
            yield ThemeEffort(result.within(theme_id), own=False)


def _actions(
    theme_id: str, plans: Sequence[ActionPlan], data: Any
) -> tuple[OrganisationActions, ...]:
    """Per organisation, in the order of their abbreviations, its actions of the theme by status."""
    grouped: dict[str, list[ActionPlan]] = {}
    for plan in plans:
        if any(action.theme == theme_id for action in plan.actions):
            grouped.setdefault(plan.organisation, []).append(plan)
    rows = []
    for organisation, own in grouped.items():
        counts = Counter(a.status for plan in own for a in plan.actions if a.theme == theme_id)
        rows.append(OrganisationActions(organisation, tuple(own), dict(counts)))
    return tuple(sorted(rows, key=lambda row: _abbreviation(data, row.organisation)))


def _abbreviation(data: Any, organisation_id: str) -> tuple[str, str]:
    """How the table sorts an organisation: by the abbreviation it shows, then by id."""
    organisation = data.organisations.get(organisation_id)
    return (organisation.abbreviation.lower() if organisation else ""), organisation_id
