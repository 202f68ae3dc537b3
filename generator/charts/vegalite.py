"""Vega-Lite specs as plain dicts, key for key what Altair 6 made of the same charts.

The build only needs the spec (drawn by vl-convert) and the rows behind it, so the figures are
written as dicts and lists here instead of Altair objects over a pandas frame: no chart library
to import, no deep copies. The dicts keep Altair's key order and its output (the default theme's
view size, the `$schema`, a dataset named by the hash of its values), so a spec, the key of its
SVG in the cache and the SVG itself stay what they were; tests/golden/charts/ holds them to it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from generator.charts import palette

# The Vega-Lite version Altair 6.3 wrote: part of every spec, so of every SVG's cache key.
SCHEMA_URL = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
# Altair's default theme, merged under every spec's config.
_THEME_VIEW = {"continuousWidth": 300, "continuousHeight": 300}
_TYPES = {"N": "nominal", "O": "ordinal", "Q": "quantitative", "T": "temporal"}
# Top-level keys in the order Altair's classes give them (their constructors' parameters).
_LAYER_KEYS = ("layer", "data", "description", "height", "width")
_FACET_KEYS = ("data", "facet", "spec", "description", "resolve")

Spec = dict[str, Any]
Row = dict[str, Any]


# --- Building blocks -------------------------------------------------------------------------


def channel(shorthand: str, **properties: Any) -> Spec:
    """An encoding channel: `"field:T"` or `"sum(field):T"` (Altair's shorthand) and
    properties such as `axis`, `scale`, `sort`, `title`; keys sorted at every level (an axis's,
    a scale's too), as Altair's are."""
    return _sorted({**properties, **_parse(shorthand)})


def field(name: str) -> Spec:
    """A channel with a field and no type (`x2`: it takes the type of `x`)."""
    return {"field": name}


def step(size: int) -> Spec:
    """A width or height per band (a bar, a row) instead of in total."""
    return {"step": size}


def mark(kind: str, **properties: Any) -> Spec:
    """A mark: its type first, then its properties sorted (MarkDef's order)."""
    return {"type": kind, **_sorted(properties)}


def layer(mark: Spec, *transforms: Spec, **encoding: Spec) -> Spec:
    """One layer of a chart: its mark, its channels (sorted) and its transforms in order."""
    unit: Spec = {"mark": mark, "encoding": dict(sorted(encoding.items()))}
    if transforms:
        unit["transform"] = list(transforms)
    return unit


def fold(fields: Sequence[str], key: str, value: str) -> Spec:
    """A fold transform: the columns `fields` as rows of (`key`, `value`)."""
    return {"fold": list(fields), "as": [key, value]}


def where(expression: str) -> Spec:
    """A filter transform."""
    return {"filter": expression}


def calculate(name: str, expression: str) -> Spec:
    """A calculate transform: the field `name` from a Vega expression."""
    return {"calculate": expression, "as": name}


def layers(*units: Spec, width: int | Spec, height: int | Spec) -> Spec:
    """Layers over one dataset (the figure's rows, given at the top when the spec is made)."""
    return {"layer": list(units), "height": height, "width": width}


def facet_rows(inner: Spec, row: Spec, resolve: Mapping[str, str]) -> Spec:
    """Small multiples of `inner`, one row per value of the `row` channel."""
    return {"facet": {"row": row}, "spec": inner, "resolve": {"scale": _sorted(resolve)}}


def _parse(shorthand: str) -> Spec:
    """`"sum(count):Q"` → aggregate, field and type."""
    name, _, kind = shorthand.rpartition(":")
    parsed: Spec = {"type": _TYPES[kind]}
    if name.endswith(")") and "(" in name:
        aggregate, name = name[:-1].split("(", 1)
        parsed["aggregate"] = aggregate
    parsed["field"] = name
    return parsed


def _sorted(properties: Mapping[str, Any]) -> Spec:
    """Keys sorted at every level of dicts (lists keep their order): Altair's order."""
    return {
        key: _sorted(value) if isinstance(value, dict) else value
        for key, value in sorted(properties.items())
    }


# --- The whole spec --------------------------------------------------------------------------


def spec(chart: Spec, description: str, rows: list[Row]) -> Spec:
    """The spec vl-convert draws: `chart` (from `layers` or `facet_rows`) over `rows`, the
    shared configuration and the `$schema`, each key where Altair put it."""
    name = dataset_name(rows)
    parts = {**chart, "data": {"name": name}, "description": description}
    order = _FACET_KEYS if "facet" in chart else _LAYER_KEYS
    return {
        "config": config(),
        **{key: parts[key] for key in order if key in parts},
        "$schema": SCHEMA_URL,
        "datasets": {name: [dict(row) for row in rows]},
    }


def config() -> Spec:
    """The shared configuration (palette.py) as Altair wrote it: its keys sorted, the default
    theme's view size first."""
    own = palette.config()
    view = {**_THEME_VIEW, **own.pop("view", {})}
    return {"view": view, **dict(sorted(own.items()))}


def dataset_name(rows: list[Row]) -> str:
    """Altair's name for inline data: a hash of its values."""
    if rows == [{}]:
        return "empty"
    text = json.dumps(rows, sort_keys=True, default=str)
    return "data-" + hashlib.sha256(text.encode()).hexdigest()[:32]


# --- Rows ------------------------------------------------------------------------------------


def as_frame(rows: Iterable[Row]) -> list[Row]:
    """The rows as a pandas frame gave them: every row with every column (first seen first),
    missing values as None, and a column of numbers with a missing value or a fraction all
    floats. The table, the CSV file and the hash in the spec depend on those types."""
    rows = list(rows)
    columns = list(dict.fromkeys(key for row in rows for key in row))
    floats = {key for key in columns if _float_column([row.get(key) for row in rows])}
    return [{key: _cell(row.get(key), key in floats) for key in columns} for row in rows]


def _cell(value: Any, as_float: bool) -> Any:
    if _missing(value):
        return None
    return float(value) if as_float else value


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _float_column(column: list[Any]) -> bool:
    """Numbers only (no bool, at least one), with a missing value or a float among them."""
    present = [value for value in column if not _missing(value)]
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in present)
    mixed = len(present) < len(column) or any(isinstance(v, float) for v in present)
    return bool(present) and numbers and mixed
