"""Category plans for the government-wide procurement categories (categorieplannen)."""

from __future__ import annotations

import datetime as dt

from generator.models.common import (
    AmbitionLevel,
    Contact,
    Id,
    Link,
    Markdown,
    OrganisationRef,
    Period,
    Strict,
    Text,
    ThemeRef,
    Title,
)

REVIEW_DAYS = 365  # a category plan is reviewed at least once a year


class ThemeAmbition(Strict):
    """The level chosen for one theme, and the concrete targets behind it."""

    level: AmbitionLevel
    targets: list[Text] = []


class CategoryPlan(Strict):
    """One government-wide procurement category and its plan; the id names the category."""

    id: Id
    name: Title
    category_manager: OrganisationRef | None = None  # left out when no source names it
    summary: Text
    scope: Markdown
    product_groups: list[Text] = []
    isv_risk: bool = False  # a high-risk category for international social conditions
    period: Period
    ambitions: dict[ThemeRef, ThemeAmbition] = {}
    market_developments: Markdown | None = None
    contact: Contact | None = None
    last_reviewed: dt.date
    plan: Link | None = None
    example: bool = False

    def review_overdue(self, today: dt.date) -> bool:
        """Not reviewed for more than a year: readers should know the plan may be dated."""
        return self.last_reviewed < today - dt.timedelta(days=REVIEW_DAYS)
