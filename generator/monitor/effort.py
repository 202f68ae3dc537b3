"""The effort goals (inspanningsdoelen) the tender calendar can answer, computed from it.

A goal in data/goals.yaml names its measure (`measured_by`); each measure here says which
planned tenders the goal is about (its scope) and whether a tender meets it. A tender the
data cannot judge (no wage bill given, no weighting given) is neither in nor out: it is
counted as unknown and listed, so an editor can fill in what is missing. Every threshold is
the annex's own (Inkopen met Impact, 2019, 002:L1867-1899) or the goal's target.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from generator.models import Goal, Tender
from generator.models.tender import OPEN_STATUSES
from generator.models.theme import MeasureId

# The annex's wage bill and duration for social return, as written there.
WAGE_BILL_FROM = 250_000
MONTHS_FROM = 6
IMPACT_WEIGHTING_FROM = 50  # percent, when the goal states no target of its own

Judgement = bool | None  # yes, no, or the data cannot tell


def social_return_scope(tender: Tender) -> Judgement:
    """Works or services with a wage bill of € 250,000 or more and six months or more."""
    if tender.kind not in ("works", "services"):
        return False
    if tender.estimated_wage_bill is None or tender.duration is None:
        return None
    return tender.estimated_wage_bill >= WAGE_BILL_FROM and tender.duration.months >= MONTHS_FROM


def isv_scope(tender: Tender, risky: Callable[[str], Judgement]) -> Judgement:
    """Above the EU threshold in a category marked high-risk (`risky(category)`)."""
    if not tender.above_eu_threshold:
        return False
    return None if tender.category is None else risky(tender.category)


@dataclass(frozen=True)
class Verdict:
    """One tender against one measure: in scope or not (or unknown), and met or not."""

    tender: Tender
    in_scope: Judgement
    met: Judgement  # None when out of scope, or when in scope and the data cannot tell


def judge(measure: MeasureId, goal: Goal, tender: Tender, data: Any) -> Verdict:
    """How `tender` stands against the goal measured by `measure`."""
    group = data.product_groups.get(tender.product_group) if tender.product_group else None
    scope: Judgement
    met: Judgement = None
    if measure in ("criteria-in-product-groups", "significant-level"):
        scope = group is not None
        if group is not None and measure == "criteria-in-product-groups":
            wanted = set(group.themes) if group.themes else set(tender.themes)
            met = bool(wanted & set(tender.themes))
        elif group is not None:  # "eisen of gunningscriteria op significant of ambitieus niveau"
            levels = data.ambition_scale()  # above the lowest level, as the data order them
            met = any(
                levels.rank(applied.level) > 1 and set(applied.applied_as) & _REQUIREMENTS_OR_AWARD
                for applied in tender.themes.values()
            )
    elif measure == "social-return":
        scope = social_return_scope(tender)
        met = _theme_applied(goal, tender) if scope else None
    elif measure == "isv":
        plans = data.category_plans
        scope = isv_scope(tender, lambda c: plans[c].isv_risk if c in plans else None)
        met = _theme_applied(goal, tender) if scope else None
    else:  # impact-weighting: every tender run through category management
        scope = tender.category is not None
        target = goal.target.value if goal.target else IMPACT_WEIGHTING_FROM
        weighting = tender.social_impact_weighting
        met = None if not scope or weighting is None else weighting >= target
    return Verdict(tender, scope, met)


_REQUIREMENTS_OR_AWARD = {"requirements", "award-criteria"}


Gap = Literal["wage-bill", "duration", "category", "weighting"]


def missing(measure: MeasureId, tender: Tender) -> tuple[Gap, ...]:
    """What the data lack to judge `tender` against the measure: what an editor can fill in.

    Empty when the tender can be judged (or is out of scope whatever the missing fields say)."""
    if measure == "social-return" and tender.kind in ("works", "services"):
        gaps: tuple[tuple[Gap, object], ...] = (
            ("wage-bill", tender.estimated_wage_bill),
            ("duration", tender.duration),
        )
        return tuple(gap for gap, value in gaps if value is None)
    if measure == "isv" and tender.above_eu_threshold and tender.category is None:
        return ("category",)  # whether the category is high-risk decides
    if measure == "impact-weighting" and tender.category and tender.social_impact_weighting is None:
        return ("weighting",)
    return ()


def _theme_applied(goal: Goal, tender: Tender) -> bool:
    return goal.theme is not None and goal.theme in tender.themes


@dataclass(frozen=True)
class Share:
    """How many of the tenders in scope meet the goal, by count and by estimated value."""

    key: str  # what the share is of: "" for all, else a category, buyer or theme id
    met: tuple[Tender, ...]
    not_met: tuple[Tender, ...]
    unknown: tuple[Tender, ...]  # in scope, but the data cannot tell whether it is met
    scope_unknown: tuple[Tender, ...]  # the data cannot tell whether the goal applies

    @property
    def judged(self) -> int:
        return len(self.met) + len(self.not_met)

    @property
    def share(self) -> float | None:
        """Met among those judged, 0 to 1; None when none could be judged."""
        return len(self.met) / self.judged if self.judged else None

    @property
    def value_share(self) -> float | None:
        """The same by estimated value (the midpoint of each range), of tenders with a value."""
        met, judged = _value(self.met), _value(self.met) + _value(self.not_met)
        return met / judged if judged else None

    @property
    def without_value(self) -> int:
        return sum(1 for t in (*self.met, *self.not_met) if t.estimated_value is None)

    @property
    def examples(self) -> int:
        """How many of the tenders counted are example records."""
        return sum(1 for tender in self.tenders if tender.example)

    @property
    def counted(self) -> int:
        return self.judged + len(self.unknown) + len(self.scope_unknown)

    @property
    def tenders(self) -> tuple[Tender, ...]:
        """Every tender counted: met, not met, unknown, then those the goal may not apply to."""
        return (*self.met, *self.not_met, *self.unknown, *self.scope_unknown)


def _value(tenders: Iterable[Tender]) -> int:
    return sum(
        (t.estimated_value.min + t.estimated_value.max) // 2 for t in tenders if t.estimated_value
    )


def share_of(key: str, verdicts: Iterable[Verdict]) -> Share:
    """The share among `verdicts`; tenders out of scope are not counted at all."""
    lists: dict[Judgement, list[Tender]] = {True: [], False: [], None: []}
    scope_unknown = []
    for verdict in verdicts:
        if verdict.in_scope is None:
            scope_unknown.append(verdict.tender)
        elif verdict.in_scope:
            lists[verdict.met].append(verdict.tender)
    met, not_met, unknown = (tuple(lists[k]) for k in (True, False, None))
    return Share(key, met, not_met, unknown, tuple(scope_unknown))


Dimension = Literal["category", "buyer", "theme"]
DIMENSIONS: tuple[Dimension, ...] = ("category", "buyer", "theme")


def keys_of(tender: Tender, dimension: Dimension, data: Any) -> list[str]:
    """The groups a tender counts in: its category, its buyer, or each theme it concerns (its
    own themes and those its product group's criteria cover)."""
    if dimension == "category":
        return [tender.category] if tender.category else []
    if dimension == "buyer":
        return [tender.buyer]
    group = data.product_groups.get(tender.product_group) if tender.product_group else None
    return sorted(set(tender.themes) | set(group.themes if group else ()))


def shares_by(dimension: Dimension, verdicts: Sequence[Verdict], data: Any) -> tuple[Share, ...]:
    """The share of each group of `dimension` among `verdicts`, in id order."""
    groups: dict[str, list[Verdict]] = {}
    for verdict in verdicts:
        for key in keys_of(verdict.tender, dimension, data):
            groups.setdefault(key, []).append(verdict)
    return tuple(share_of(key, groups[key]) for key in sorted(groups))


@dataclass(frozen=True)
class EffortResult:
    """One effort goal computed from the planned tenders: overall and per group."""

    goal: Goal
    measure: MeasureId
    total: Share
    by: dict[Dimension, tuple[Share, ...]]  # each dimension's groups, in id order
    verdicts: tuple[Verdict, ...] = ()  # every planned tender's, in calendar order

    def for_theme(self, theme_id: str) -> Share | None:
        return next((s for s in self.by["theme"] if s.key == theme_id), None)

    def within(self, theme_id: str) -> EffortResult:
        """The goal over the tenders concerning `theme_id` alone, per category and buyer too:
        how a theme-less goal (criteria, weighting) fares where that theme is at stake."""
        theme = self.for_theme(theme_id) or share_of(theme_id, ())
        concerned = {tender.id for tender in theme.tenders}  # out of scope counts nowhere
        verdicts = tuple(v for v in self.verdicts if v.tender.id in concerned)
        by: dict[Dimension, tuple[Share, ...]] = {
            "category": shares_by("category", verdicts, None),  # neither reads the data
            "buyer": shares_by("buyer", verdicts, None),
            "theme": (theme,),
        }
        return EffortResult(self.goal, self.measure, theme, by, verdicts)


def planned(tenders: Sequence[Tender]) -> list[Tender]:
    """The planned work: tenders still to come (planned or in market consultation)."""
    return [tender for tender in tenders if tender.status in OPEN_STATUSES]


def effort_results(
    goals: Iterable[Goal], tenders: Sequence[Tender], data: Any
) -> list[EffortResult]:
    """Every goal with a measure, computed over `tenders` (calendar order), in goal order."""
    results = []
    for goal in sorted(goals, key=lambda g: (g.order, g.id)):
        if goal.measured_by is None:
            continue
        verdicts = tuple(judge(goal.measured_by, goal, t, data) for t in planned(tenders))
        by = {dimension: shares_by(dimension, verdicts, data) for dimension in DIMENSIONS}
        total = share_of("", verdicts)
        results.append(EffortResult(goal, goal.measured_by, total, by, verdicts))
    return results
