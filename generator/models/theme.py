"""MVI themes, the ambition levels of the ambitieweb, and the government-wide goals."""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.models.common import (
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

if TYPE_CHECKING:
    from generator.base.i18n import Lang

# The goals of the OCDS sustainability extension, vendored with the OCDS schema: a theme names
# the one its tenders pursue, so a new theme needs no code to be published in OCDS.
GOAL_CODELIST = "ocds_schema/sustainabilityGoal.csv"


@cache
def ocds_goals() -> tuple[str, ...]:
    """Every code of the sustainabilityGoal codelist, in its order."""
    text = resources.files("generator.export").joinpath(GOAL_CODELIST).read_text("utf-8")
    return tuple(row["Code"] for row in csv.DictReader(io.StringIO(text)))


def _check_goal(value: str) -> str:
    codes = ocds_goals()
    if value in codes:
        return value
    close = difflib.get_close_matches(value, codes, n=1, cutoff=0.6)
    raise PydanticCustomError(
        "invalid-choice",
        "'{value}' is not an allowed value",
        {
            "value": value,
            "allowed": ", ".join(codes),
            "suggestion_nl": f"Bedoelde u '{close[0]}'? " if close else "",
            "suggestion_en": f"Did you mean '{close[0]}'? " if close else "",
        },
    )


OcdsGoal = Annotated[
    str, AfterValidator(_check_goal), WithJsonSchema({"type": "string", "enum": list(ocds_goals())})
]


# How an effort goal is computed from the tender calendar (generator/monitor/effort.py).
MeasureId = Literal[
    "criteria-in-product-groups",
    "significant-level",
    "social-return",
    "isv",
    "impact-weighting",
]


class Theme(Strict):
    """One MVI theme (klimaat, circulair, social return, …)."""

    id: Id
    name: Title
    summary: Text
    description: Markdown | None = None
    ocds_goal: OcdsGoal | None = None  # its tenders' goal in OCDS; without it, none is given
    order: int = 0
    example: bool = False


class AmbitionLevelInfo(Strict):
    """What one level of the ambitieweb (basis, significant, ambitieus) asks of a tender."""

    id: Id
    name: Title
    short_name: Title | None = None  # the word badges, charts and filters show; else the name
    description: Markdown
    for_bidders: Text
    order: int = 0
    example: bool = False

    def label(self, lang: Lang) -> str:
        """The level in a word or two, as a badge, a chart or a filter shows it."""
        return (self.short_name or self.name).get(lang)


@dataclass(frozen=True)
class AmbitionScale:
    """The ambition levels from the lowest to the highest, as the data order them: what ranks
    a level, names it and places it on a chart's ramp. A level the scale lacks ranks 0."""

    levels: tuple[AmbitionLevelInfo, ...] = ()

    @classmethod
    def of(cls, levels: Iterable[AmbitionLevelInfo]) -> AmbitionScale:
        """`levels` by their `order`; levels of equal order keep their place in the file."""
        return cls(tuple(sorted(levels, key=lambda level: level.order)))

    def __len__(self) -> int:
        return len(self.levels)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)

    def rank(self, level_id: str | None) -> int:
        """1 for the lowest level, len(self) for the highest, 0 for an unknown one."""
        ids = self.ids
        return ids.index(level_id) + 1 if level_id in ids else 0

    def label(self, level_id: str, lang: Lang) -> str:
        """The level's word; its id when the scale does not know it."""
        rank = self.rank(level_id)
        return self.levels[rank - 1].label(lang) if rank else level_id

    def labels(self, lang: Lang) -> list[str]:
        """Every level's word, lowest first."""
        return [level.label(lang) for level in self.levels]


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
    measured_by: MeasureId | None = None
    source: Text | None = None
    measurements: list[Measurement] = []
    order: int = 0
    example: bool = False
