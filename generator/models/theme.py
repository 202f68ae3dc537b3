"""MVI themes, the ambition levels of the ambitieweb, and the government-wide goals."""

from __future__ import annotations

import csv
import difflib
import io
from functools import cache
from importlib import resources
from typing import Annotated, Literal

from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

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
    source: Text | None = None
    measurements: list[Measurement] = []
    order: int = 0
    example: bool = False
