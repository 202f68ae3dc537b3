"""MVI themes, the ambition levels of the ambitieweb, and the government-wide goals."""

from __future__ import annotations

from typing import Literal

from generator.models.common import (
    AmbitionLevel,
    GoalRef,
    Id,
    Link,
    Markdown,
    ShortStr,
    Strict,
    Text,
    ThemeRef,
    Title,
    Year,
)


class Theme(Strict):
    """One MVI theme (klimaat, circulair, social return, …)."""

    id: Id
    name: Title
    summary: Text
    description: Markdown | None = None
    order: int = 0
    example: bool = False


class AmbitionLevelInfo(Strict):
    """What one level of the ambitieweb (basis, significant, ambitieus) asks of a tender."""

    id: AmbitionLevel
    name: Title
    description: Markdown
    for_bidders: Text
    example: bool = False


class Measurement(Strict):
    """A measured value of a goal in a year, with where it was published."""

    year: Year
    value: float
    source: Link


class Target(Strict):
    """A measurable target: a value in a unit by a year."""

    value: float
    unit: ShortStr
    year: Year | None = None


class Goal(Strict):
    """A government-wide goal from the strategy's annex: an effect, an output or an effort."""

    id: Id
    title: Title
    theme: ThemeRef | None = None
    kind: Literal["effect", "output", "effort"]
    description: Text | None = None
    target: Target | None = None
    deadline: Year | None = None
    part_of: GoalRef | None = None
    # The measure that computes an effort goal from the tender calendar
    # (generator/monitor/effort.py); only effort goals have one.
    measured_by: (
        Literal[
            "criteria-in-product-groups",
            "significant-level",
            "social-return",
            "isv",
            "impact-weighting",
        ]
        | None
    ) = None
    source: Text | None = None
    measurements: list[Measurement] = []
    order: int = 0
    example: bool = False
