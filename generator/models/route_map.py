"""Route maps (routekaarten) for civil works and real estate: ambitions laid out over time."""

from __future__ import annotations

from generator.models.common import (
    GoalRef,
    Id,
    Link,
    Markdown,
    OrganisationRef,
    ShortStr,
    Strict,
    Text,
    ThemeRef,
    Title,
    Year,
)


class Milestone(Strict):
    """A target for a year on one theme, with a measurable value where there is one."""

    year: Year
    theme: ThemeRef
    target: Text
    value: float | None = None
    unit: ShortStr | None = None
    goal: GoalRef | None = None


class RouteMap(Strict):
    """A sector's path to the government-wide goals, such as GWW (civil works) or real estate."""

    id: Id
    title: Title
    owner: OrganisationRef
    summary: Text
    description: Markdown | None = None
    milestones: list[Milestone]
    sources: list[Link] = []
    example: bool = False
