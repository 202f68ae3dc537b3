"""Figures remembered between builds: an unchanged chart is neither built nor converted again.

The SVG cache (`svg.py`) saves drawing, but finding a cached SVG takes the spec: building each
figure and hashing its spec again is most of what a warm build would spend on charts. So each
figure is also kept among the build's outputs (`generator/memo.py`) under an id made of the
builder and the digests of its arguments, with what the builder read of the data set while it
ran. What is kept is what the page needs without the chart: the words, the columns and rows of
the table, and the key of the SVG drawn from the spec. A changed argument gives another id; a
change in what the builder read, in the code or in a library gives the same id with changed
inputs; either way the figure is built again.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from generator.base.i18n import Lang
from generator.charts.table import Column, table_cells, table_csv
from generator.inputs import TrackedData, World, digest_text

if TYPE_CHECKING:  # for the types only: the builders need nothing from here
    from generator.charts.figures import Figure


@dataclass(frozen=True, eq=False)
class ReusedFigure:
    """A figure as an earlier build made it: caption, summary, table and the key of its SVG.

    It shows the same as the `Figure` it stands for; the spec is built again only when
    something asks for it (tests do; a build does not).
    """

    name: str
    title: str
    summary: str
    examples: str
    columns: tuple[Column, ...]
    lang: Lang
    rows: tuple[dict[str, Any], ...]
    svg_key: str
    rebuild: Callable[[], Figure | None]

    @functools.cached_property
    def built(self) -> Figure:
        """The figure built from the same inputs (that its key says give this one)."""
        figure = self.rebuild()
        if figure is None:  # only if a builder were not a function of its inputs
            raise RuntimeError(f"{self.name}: kept from inputs that now give no figure")
        return figure

    def spec(self) -> dict[str, Any]:
        return self.built.spec()

    def records(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.rows]

    def cells(self) -> list[list[tuple[Any, str]]]:
        return table_cells(self.records(), self.columns, self.lang)

    def csv(self) -> bytes:
        return table_csv(self.records(), self.columns)


def figure_json(figure: Figure, svg_key: str) -> bytes | None:
    """What is kept of `figure`; None when its rows would not read back as the same values."""
    rows = figure.records()
    try:
        text = json.dumps(rows, allow_nan=False)
    except (TypeError, ValueError):  # a value JSON cannot hold: not kept, built each time
        return None
    if not _identical(json.loads(text), rows):  # e.g. a numpy float would come back a float
        return None
    kept = {
        "name": figure.name,
        "title": figure.title,
        "summary": figure.summary,
        "examples": figure.examples,
        "columns": [asdict(column) for column in figure.columns],
        "lang": figure.lang,
        "rows": rows,
        "svg": svg_key,
    }
    return json.dumps(kept).encode("ascii")  # ASCII: any text can be written


def reused_figure(value: bytes, rebuild: Callable[[], Figure | None]) -> ReusedFigure | None:
    """The figure kept as `value`, or None when it cannot be read (then it is built again)."""
    try:
        kept = json.loads(value)
        return ReusedFigure(
            name=kept["name"],
            title=kept["title"],
            summary=kept["summary"],
            examples=kept["examples"],
            columns=tuple(Column(**column) for column in kept["columns"]),
            lang=kept["lang"],
            rows=tuple(kept["rows"]),
            svg_key=kept["svg"],
            rebuild=rebuild,
        )
    except (ValueError, KeyError, TypeError):
        return None


def _identical(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (1 == 1.0 == True is not enough here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_identical(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


# --- Keys ------------------------------------------------------------------------------------


class Undigestible(TypeError):
    """An argument whose content cannot be told from its value: its figure is not kept."""


def figure_id(builder: str, args: tuple[Any, ...], world: World) -> str | None:
    """The id under which `builder(*args)` is kept (`builder`: the function's module and
    name), or None when an argument has no digest.

    Records and lists of records are told apart by their digests (`World.value_digest`); the
    data set stands for itself, as what the builder reads of it is noted as it reads."""
    parts = [builder]
    try:
        parts += [_arg_digest(arg, world) for arg in args]
    except (Undigestible, TypeError):
        return None
    return "figure:" + digest_text(*parts)


def _arg_digest(value: Any, world: World) -> str:
    if isinstance(value, TrackedData):
        return "data"
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return f"{type(value).__qualname__} {value!r}"
    if isinstance(value, BaseModel | list | tuple | Mapping):
        return world.value_digest(value)
    raise Undigestible(type(value).__qualname__)
