"""The blank planning template: the calendar's columns, no rows, each column explained.

Buyers keep their planning in a spreadsheet; this one has the layout that `mvi-site import`
reads, so a filled-in template and a downloaded calendar are read the same way. Its notes sheet
says, in Dutch and English, what each column holds and which columns the import skips.
"""

from __future__ import annotations

from generator.base.tables import Sheet, SheetColumn, to_xlsx
from generator.export.calendar_table import COLUMNS, CalendarColumn

SHEET_NAME = "Aanbestedingskalender"  # as in the calendar, so either is read the same way
NOTES = ("Toelichting", ("Kolom", "Type", "Betekenis", "Meaning"))
DESCRIPTION = SheetColumn(
    "Omschrijving",
    "text",
    "Wat er wordt ingekocht, in een paar zinnen voor leveranciers (Markdown). Alleen in het "
    "sjabloon: verplicht voor een nieuwe aanbesteding; bij een bestaande vervangt het de "
    "Nederlandse omschrijving.",
    "What is being bought, in a few sentences for suppliers (Markdown). In the template only: "
    "required for a new tender; for an existing one it replaces the Dutch description.",
)
_ID_NOTE = (
    " Bij inlezen hoort elke rij bij het bestand data/tenders/<kenmerk>.yaml; een nieuw kenmerk "
    "maakt een nieuw bestand.",
    " On import each row belongs to the file data/tenders/<id>.yaml; a new id makes a new file.",
)
_DERIVED_NOTE = (" Afgeleid: wordt bij inlezen overgeslagen.", " Derived: skipped on import.")


def template_columns() -> list[SheetColumn]:
    """The calendar's columns, each described in both languages, and the description column."""
    return [_column(column) for column in COLUMNS] + [DESCRIPTION]


def _column(column: CalendarColumn) -> SheetColumn:
    nl, en = column.doc
    if column is COLUMNS[0]:
        nl, en = nl + _ID_NOTE[0], en + _ID_NOTE[1]
    elif column.derived:
        nl, en = nl + _DERIVED_NOTE[0], en + _DERIVED_NOTE[1]
    return SheetColumn(column.header, column.kind, nl, en)


def template_xlsx() -> bytes:
    """The template as an XLSX workbook: a header row and no rows, then the notes."""
    return to_xlsx(Sheet(SHEET_NAME, template_columns(), []), *NOTES)
