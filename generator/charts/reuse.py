"""Figures remembered between builds: an unchanged chart is neither built nor converted again.

The SVG cache (`svg.py`) saves drawing, but finding a cached SVG takes the spec, and building the
Altair chart and its `to_dict()` cost more than the rest of a warm build's charts. So each figure
is also kept under a key made of everything it is a function of: the builder, a digest of its
arguments (records as JSON, a whole data set as the JSON of all its records) and the code version
(the source of every module of ours the charts import, and the versions of the libraries that
turn them into a spec and an SVG). What is kept is what the page needs without the chart: the
words, the columns and rows of the table, and the key of the SVG drawn from the spec.
A changed input, a changed line of chart code or a new Altair gives a new key, and the figure is
built again.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import sys
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

import altair as alt
import pandas as pd
from pydantic import BaseModel

from generator.base.i18n import Lang
from generator.charts.figures import Column, Figure, table_cells, table_csv
from generator.charts.svg import write_atomically
from generator.source.dataset import DataSet

FORMAT = "1"  # of the files kept: a change here makes every old one unreadable
# The modules whose code decides what a figure is; what they import of ours counts too.
_ROOTS = ("generator.charts.figures", "generator.charts.svg", __name__)
# Libraries between our code and the SVG, and what makes the digests of our inputs.
_LIBRARIES = ("altair", "vl-convert-python", "pandas", "numpy", "pydantic", "pydantic-core")


@dataclass(frozen=True, eq=False)
class ReusedFigure:
    """A figure as an earlier build made it: caption, summary, table and the key of its SVG.

    It shows the same as the `Figure` it stands for; the frame, the chart and the spec are built
    again only when something asks for them (tests do; a build does not).
    """

    name: str
    title: str
    summary: str
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

    @property
    def frame(self) -> pd.DataFrame:
        return self.built.frame

    @property
    def chart(self) -> alt.TopLevelMixin:
        return self.built.chart

    def spec(self) -> dict[str, Any]:
        return self.built.spec()

    def records(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.rows]

    def cells(self) -> list[list[tuple[Any, str]]]:
        return table_cells(self.records(), self.columns, self.lang)

    def csv(self) -> bytes:
        return table_csv(self.records(), self.columns)


@dataclass(frozen=True)
class FigureStore:
    """Figures on disk as JSON, one file per key (next to the SVGs, under `figures/`)."""

    root: Path

    def load(self, key: str, rebuild: Callable[[], Figure | None]) -> ReusedFigure | None:
        """The figure kept under `key`, or None (never kept, or unreadable: built again)."""
        path = self._path(key)
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            return ReusedFigure(
                name=kept["name"],
                title=kept["title"],
                summary=kept["summary"],
                columns=tuple(Column(**column) for column in kept["columns"]),
                lang=kept["lang"],
                rows=tuple(kept["rows"]),
                svg_key=kept["svg"],
                rebuild=rebuild,
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, key: str, figure: Figure, svg_key: str) -> None:
        """Keep `figure`, unless its rows would not read back as the very same values."""
        rows = figure.records()
        try:
            text = json.dumps(rows, allow_nan=False)
        except (TypeError, ValueError):  # a value JSON cannot hold: not kept, built each time
            return
        if not _identical(json.loads(text), rows):  # e.g. a numpy float would come back a float
            return
        kept = {
            "name": figure.name,
            "title": figure.title,
            "summary": figure.summary,
            "columns": [asdict(column) for column in figure.columns],
            "lang": figure.lang,
            "rows": rows,
            "svg": svg_key,
        }
        write_atomically(self._path(key), json.dumps(kept))  # ASCII: any text can be written

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"


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


class _Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


class Undigestible(TypeError):
    """An argument whose content cannot be told from its value: its figure is not kept."""


def figure_key(builder: Callable[..., Any], args: tuple[Any, ...]) -> str | None:
    """The key of `builder(*args)`, or None when an argument cannot be digested."""
    digest = hashlib.sha256()
    _frame(digest, f"{FORMAT}\n{code_version()}\n{builder.__module__}.{builder.__qualname__}")
    try:
        for arg in args:
            _feed(digest, arg)
    except Undigestible:
        return None
    return digest.hexdigest()


def _frame(digest: _Digest, text: str) -> None:
    """Add `text` with its length first, so no two sequences of parts give the same bytes."""
    data = text.encode("utf-8", "surrogatepass")
    digest.update(b"%d:" % len(data) + data)


def _feed(digest: _Digest, value: Any) -> None:
    """Add `value` by its content, with its type, so that equal digests mean equal inputs."""
    if isinstance(value, BaseModel):
        _frame(digest, f"model {type(value).__module__}.{type(value).__qualname__}")
        _frame(digest, value.model_dump_json())
    elif isinstance(value, DataSet):
        _frame(digest, f"dataset {dataset_digest(value)}")
    elif value is None or isinstance(value, str | int | float):  # bool is an int
        _frame(digest, f"{type(value).__qualname__} {value!r}")
    elif isinstance(value, Mapping):
        _frame(digest, f"{type(value).__qualname__} {len(value)}")
        for key, item in value.items():  # in order: a builder may depend on it
            _feed(digest, key)
            _feed(digest, item)
    elif isinstance(value, list | tuple):
        _frame(digest, f"{type(value).__qualname__} {len(value)}")
        for item in value:
            _feed(digest, item)
    else:  # a set has no stable order; an iterator would be used up
        raise Undigestible(type(value).__qualname__)


# A data set's digest, computed once and kept while it holds the very same records.
_DATASETS: dict[int, tuple[weakref.ref[DataSet], tuple[Any, ...], str]] = {}


def dataset_digest(data: DataSet) -> str:
    """A digest of every record of every kind (what a figure can read of a data set)."""
    held = tuple(_held(data))
    kept = _DATASETS.get(id(data))
    if kept is not None and kept[0]() is data and _same_records(kept[1], held):
        return kept[2]
    digest = hashlib.sha256()
    for kind, record_id, record in held:
        _frame(digest, f"{kind}\n{record_id}")
        _feed(digest, record)  # None for an invalid record: the figures never see it
    key = id(data)
    _DATASETS[key] = (
        weakref.ref(data, lambda _: _DATASETS.pop(key, None)),
        held,
        digest.hexdigest(),
    )
    return digest.hexdigest()


def _held(data: DataSet) -> Iterator[tuple[str, str, Any]]:
    for kind, entries in data.entries.items():
        for record_id, entry in entries.items():
            yield kind, record_id, entry.record


def _same_records(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """The same kinds, ids and record objects (records are frozen: same object, same content)."""
    return len(a) == len(b) and all(
        x[0] == y[0] and x[1] == y[1] and x[2] is y[2] for x, y in zip(a, b, strict=True)
    )


@functools.cache
def code_version() -> str:
    """A digest of the chart code and of the libraries' versions: a change gives new keys.

    Computed once per process, from the files as they are when the first chart is built."""
    digest = hashlib.sha256()
    for name, path in sorted(chart_sources().items()):
        _frame(digest, name)
        _frame(digest, path.read_text(encoding="utf-8"))
    for library in _LIBRARIES:
        _frame(digest, f"{library} {importlib.metadata.version(library)}")
    _frame(digest, f"python {sys.version_info[:3]}")
    return digest.hexdigest()


def chart_sources() -> dict[str, Path]:
    """Every module of ours the charts' code imports, directly or not, with its file."""
    found: dict[str, Path] = {}
    todo = list(_ROOTS)
    while todo:
        name = todo.pop()
        if name in found or (path := _source(name)) is None:
            continue
        found[name] = path
        todo += _parents(name)
        todo += _imports(name, path)
    return found


def _source(name: str) -> Path | None:
    """The file of module `name`; None for a name that is no module (a class, a function)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    return Path(spec.origin) if spec and spec.origin and spec.origin.endswith(".py") else None


def _parents(name: str) -> list[str]:
    """The packages a module's import runs first: `a.b.c` → `a`, `a.b`."""
    parts = name.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


def _imports(name: str, path: Path) -> list[str]:
    """The modules of ours that module `name` imports anywhere (in functions too), or may."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            # `from a import b`: b is either a module of its own or a name defined in a
            names += [module, *(f"{module}.{alias.name}" for alias in node.names)]
    ours = __name__.split(".")[0]
    return [found for found in names if found.split(".")[0] == ours]
