"""Read one sheet of an XLSX workbook as a header row and rows of cells with their positions.

openpyxl reads the values as the spreadsheet stored them: text, whole and decimal numbers,
booleans and dates (as datetimes). What cannot be read at all (no such file, not an XLSX, no
such sheet) raises `WorkbookError`, with a message in Dutch and English; everything in the
cells is left to the import to judge.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_MESSAGES: dict[str, dict[str, str]] = {
    "not-found": {
        "nl": "werkmap niet gevonden: {file}",
        "en": "workbook not found: {file}",
    },
    "old-format": {
        "nl": "{file} is geen XLSX-bestand. Sla het in Excel of LibreOffice op als "
        "'Excel-werkmap (.xlsx)' en lees het opnieuw in.",
        "en": "{file} is not an XLSX file. Save it in Excel or LibreOffice as 'Excel Workbook "
        "(.xlsx)' and import it again.",
    },
    "not-xlsx": {
        "nl": "{file} kan niet als XLSX-werkmap worden gelezen ({detail}). Sla het in Excel of "
        "LibreOffice op als 'Excel-werkmap (.xlsx)' en lees het opnieuw in.",
        "en": "{file} cannot be read as an XLSX workbook ({detail}). Save it in Excel or "
        "LibreOffice as 'Excel Workbook (.xlsx)' and import it again.",
    },
    "no-sheet": {
        "nl": "{file} heeft geen werkblad '{sheet}'; de werkbladen zijn: {sheets}",
        "en": "{file} has no sheet '{sheet}'; its sheets are: {sheets}",
    },
    "empty": {
        "nl": "het werkblad {file}!{sheet} is leeg: rij 1 hoort de kolomnamen te hebben",
        "en": "the sheet {file}!{sheet} is empty: row 1 should hold the column names",
    },
}
_OLD_FORMATS = (".xls", ".csv", ".ods", ".numbers", ".xlsb")


class WorkbookError(Exception):
    """Why the workbook cannot be read, with a message in Dutch and English."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code, self.params = code, params

    def message(self, lang: str) -> str:
        return _MESSAGES[self.code][lang].format(**self.params)


@dataclass(frozen=True)
class Cell:
    """One cell: its 1-based row and column, its value and its number format."""

    row: int
    column: int
    value: Any
    number_format: str = "General"

    @property
    def ref(self) -> str:
        """`C12`."""
        return f"{column_letter(self.column)}{self.row}"


@dataclass(frozen=True)
class Table:
    """A sheet as read: where it came from, its first row, and the rows under it with data."""

    source: str  # "planning.xlsx!Kalender", as problems show it
    header: list[Cell]
    rows: list[list[Cell]]


def column_letter(column: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_table(path: Path, shown: str, sheet: str | None = None) -> Table:
    """The sheet named `sheet` (default: the first) of the workbook at `path`."""
    book = _open(path, shown)
    try:
        names = list(book.sheetnames)
        name = names[0] if sheet is None else sheet
        if name not in names:
            listed = ", ".join(f"'{n}'" for n in names)
            raise WorkbookError("no-sheet", file=shown, sheet=name, sheets=listed)
        cells = _cells(book[name])
    finally:
        book.close()
    if not cells:
        raise WorkbookError("empty", file=shown, sheet=name)
    rows = [row for row in cells[1:] if any(_filled(cell.value) for cell in row)]
    return Table(f"{shown}!{name}", cells[0], rows)


def _open(path: Path, shown: str) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise WorkbookError("not-found", file=shown)
    if path.suffix.lower() in _OLD_FORMATS:
        raise WorkbookError("old-format", file=shown)
    try:
        with warnings.catch_warnings():  # openpyxl warns of features it skips (data validation)
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise WorkbookError("not-xlsx", file=shown, detail=type(error).__name__) from None


def _cells(sheet: Any) -> list[list[Cell]]:
    sheet.reset_dimensions()  # some writers store no (or a wrong) size: read what is there
    return [
        [
            Cell(number, column, cell.value, getattr(cell, "number_format", None) or "General")
            for column, cell in enumerate(row, start=1)
        ]
        for number, row in enumerate(sheet.iter_rows(), start=1)
    ]


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
