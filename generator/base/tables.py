"""Tables as CSV and XLSX: typed cells, safe to open in a spreadsheet, the same bytes every build.

A `Sheet` is a header plus rows of typed values (text, whole number, date, yes/no, web address).
Both writers take the same sheet, so the CSV and the XLSX of a download cannot disagree:

- CSV for data tools: UTF-8 without a byte-order mark, comma, CRLF (RFC 4180); dates as
  ISO 8601, yes/no as words of the sheet's language (`ja`/`nee`, `yes`/`no`), empty for unknown.
- CSV for Excel: the same cells with a byte-order mark, so Excel reads UTF-8 ("één" intact), and
  the list separator of Excel in the sheet's language: `;` for Dutch (the decimal comma takes
  the comma), `,` for English. A double-click opens it in columns.
- XLSX (XlsxWriter): numbers as numbers, dates as dates, yes/no as the same words as the CSV, a
  frozen header row with a filter, and a second sheet that explains each column. Text is never
  read as a formula or a number, and the file's creation date is fixed, so two builds give the
  same bytes.

Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
apostrophe in both formats (OWASP's advice against CSV injection).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import xlsxwriter

CellKind = Literal["text", "integer", "date", "boolean", "url"]
YES_NO: dict[str, tuple[str, str]] = {"nl": ("ja", "nee"), "en": ("yes", "no")}
EXCEL_SEPARATOR = {"nl": ";", "en": ","}  # Excel's list separator in a Dutch or English locale
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CREATED = dt.datetime(2000, 1, 1)  # a fixed file date: the content, not the clock, makes a file
_MAX_WIDTH = 60


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP advice)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def restore(text: str) -> str:
    """The text before `neutralise` (mvi-site import): the apostrophe taken off again."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_STARTS) else text


@dataclass(frozen=True)
class SheetColumn:
    """One column: its header in the file, what its cells hold, and what it means."""

    header: str
    kind: CellKind
    description: str
    description_en: str = ""  # written on the notes sheet when it has a fourth column


@dataclass(frozen=True)
class Sheet:
    """A table to download: a name, its columns and rows of typed values (None: unknown)."""

    name: str
    columns: Sequence[SheetColumn]
    rows: Sequence[Sequence[Any]]
    lang: str = "nl"  # the language of the headers and of yes/no

    def cells(self) -> list[list[Any]]:
        """The rows as written: text neutralised, every value checked against its column
        (worked out once: a sheet is written in three formats)."""
        return self._cells

    @functools.cached_property
    def _cells(self) -> list[list[Any]]:
        return [
            [_cell(value, column) for value, column in zip(row, self.columns, strict=True)]
            for row in self.rows
        ]


_EXPECTED: dict[str, type] = {
    "text": str,
    "url": str,
    "integer": int,
    "date": dt.date,
    "boolean": bool,
}


def _cell(value: Any, column: SheetColumn) -> Any:
    if value is None:
        return None
    expected = _EXPECTED[column.kind]
    if not isinstance(value, expected) or (column.kind == "integer" and isinstance(value, bool)):
        raise TypeError(f"column {column.header!r} holds {column.kind}, not {value!r}")
    return neutralise(value) if isinstance(value, str) else value


def to_csv(sheet: Sheet, excel: bool = False) -> bytes:
    """The sheet as CSV (UTF-8, comma, CRLF line ends), or as Excel in the sheet's language
    opens it with a double-click (a byte-order mark, Excel's list separator)."""
    out = io.StringIO()
    separator = EXCEL_SEPARATOR[sheet.lang] if excel else ","
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow([neutralise(column.header) for column in sheet.columns])
    for row in sheet.cells():
        writer.writerow([_csv_text(value, sheet.lang) for value in row])
    return out.getvalue().encode("utf-8-sig" if excel else "utf-8")


def _csv_text(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES_NO[lang][0 if value else 1]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_xlsx(sheet: Sheet, notes_title: str, notes_headers: Sequence[str]) -> bytes:
    """The sheet as an XLSX workbook, with a second sheet describing each column (in Dutch;
    with a fourth header, in English too)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    book.set_properties({"title": sheet.name, "created": _CREATED})
    formats = {
        "header": book.add_format({"bold": True, "text_wrap": True, "valign": "top"}),
        "integer": book.add_format({"num_format": "#,##0"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "url": book.add_format({"font_color": "#154273", "underline": 1}),
    }
    data = book.add_worksheet(_sheet_name(sheet.name))
    cells = sheet.cells()
    for col, column in enumerate(sheet.columns):
        data.write_string(0, col, neutralise(column.header), formats["header"])
        texts = [len(_csv_text(row[col], sheet.lang)) for row in cells]
        widest = max([len(column.header), *texts])
        data.set_column(col, col, min(max(widest, 8) + 2, _MAX_WIDTH))
    for number, row in enumerate(cells, start=1):
        for col, (value, column) in enumerate(zip(row, sheet.columns, strict=True)):
            if isinstance(value, bool):  # the same words as the CSV, not TRUE/FALSE
                value = _csv_text(value, sheet.lang)
            _write(data, number, col, value, column.kind, formats)
    data.freeze_panes(1, 1)
    data.autofilter(0, 0, len(cells), len(sheet.columns) - 1)

    notes = book.add_worksheet(_sheet_name(notes_title))
    for col, header in enumerate(notes_headers):
        notes.write_string(0, col, header, formats["header"])
    notes.set_column(0, 0, 32)
    notes.set_column(1, 1, 14)
    notes.set_column(2, len(notes_headers) - 1, 100)
    for number, column in enumerate(sheet.columns, start=1):
        notes.write_string(number, 0, neutralise(column.header))
        notes.write_string(number, 1, column.kind)
        notes.write_string(number, 2, neutralise(column.description))
        if len(notes_headers) > 3:
            notes.write_string(number, 3, neutralise(column.description_en))
    book.close()
    return out.getvalue()


def _write(
    sheet: Any, row: int, col: int, value: Any, kind: CellKind, formats: dict[str, Any]
) -> None:
    if value is None:
        sheet.write_blank(row, col, None)
    elif kind == "integer":
        sheet.write_number(row, col, value, formats["integer"])
    elif kind == "date":
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), formats["date"])
    elif kind == "url":
        sheet.write_url(row, col, value, formats["url"], string=value)
    else:
        sheet.write_string(row, col, value)


def _sheet_name(name: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in name)
    return cleaned[:31].strip() or "Blad1"
