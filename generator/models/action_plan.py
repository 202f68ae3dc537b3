"""Departmental MVI action plans: ambitions per theme, actions, and indicators."""

from __future__ import annotations

from typing import Literal

from generator.models.category_plan import ThemeAmbition
from generator.models.common import (
    Id,
    Link,
    Markdown,
    OrganisationRef,
    Period,
    PlannedDate,
    ShortStr,
    Strict,
    ThemeRef,
    Title,
    Year,
)

ActionStatus = Literal["not-started", "in-progress", "done", "delayed", "cancelled"]


class Action(Strict):
    """A concrete action of the plan, with who carries it and by when."""

    id: Id
    title: Title
    theme: ThemeRef
    owner: ShortStr
    due: PlannedDate
    status: ActionStatus


class YearValue(Strict):
    """An indicator's value in one year."""

    year: Year
    value: float


class Indicator(Strict):
    """A measured indicator: its baseline, its target and the values so far."""

    id: Id
    title: Title
    theme: ThemeRef
    unit: ShortStr
    baseline: YearValue
    target: YearValue
    values: list[YearValue] = []


class ActionPlan(Strict):
    """One organisation's MVI action plan for a period."""

    id: Id
    title: Title
    organisation: OrganisationRef
    period: Period
    summary: Markdown
    ambitions: dict[ThemeRef, ThemeAmbition] = {}
    actions: list[Action] = []
    indicators: list[Indicator] = []
    plan: Link | None = None
    example: bool = False
