"""A figure's table: its columns, its cells as a page shows them, and its CSV file.

Functions of the rows alone, so a figure kept from an earlier build (`reuse.py`) shows exactly
the table and CSV a figure built now would.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any, Literal

from generator.base import i18n
from generator.base.i18n import Lang
from generator.base.tables import neutralise

ColumnKind = Literal["text", "integer", "number", "amount", "date"]


@dataclass(frozen=True)
class Column:
    """A column of the figure's table: a key of its rows, its header, how to show it."""

    key: str
    title: str
    kind: ColumnKind = "text"
    display: str | None = (
        None  # a column of the rows with the text to show (e.g. "2e kwartaal 2027")
    )


def table_cells(
    records: list[dict[str, Any]], columns: tuple[Column, ...], lang: Lang
) -> list[list[tuple[Any, str]]]:
    """Each row as (value, text shown) per column, text in `lang`."""
    return [
        [(row[c.key], _show(row[c.display] if c.display else row[c.key], c, lang)) for c in columns]
        for row in records
    ]


def table_csv(records: list[dict[str, Any]], columns: tuple[Column, ...]) -> bytes:
    """The rows as CSV (UTF-8, comma, dot decimals), safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(c.title) for c in columns])
    for row in records:
        writer.writerow([_csv_value(row[c.key]) for c in columns])
    return out.getvalue().encode("utf-8")


def _show(value: Any, column: Column, lang: Lang) -> str:
    if value is None:
        return "–"
    if column.kind == "integer":
        return i18n.format_number(value, lang)
    if column.kind == "number":
        return i18n.format_figure(value, lang)
    if column.kind == "amount":
        return i18n.format_amount(int(value), lang)
    return str(value)


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
