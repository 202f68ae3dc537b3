"""The calendar's columns read back: each cell of a row becomes a field of the tender's YAML.

This is the inverse of `generator.export.calendar_table.COLUMNS`, column by column: Dutch labels
back to codes (Gepland → planned), yes/no to booleans, "Klimaat: ambitieus; …" to each theme's
level, the apostrophe put before formula-like text taken off again. A column the site derives
(names looked up from an id, the first and last day of a planned date, the contract's end, the
page's address) is not read. A value the row already has leaves the file as it is, so an
exported calendar read back changes nothing.

Cells are read leniently where a spreadsheet changes what was typed (a number stored as text,
`2027-05` turned into a date, `nee` typed in a yes/no column), and otherwise left to the model:
a bad value goes into the scratch copy as it is, and the model's problem is shown at the cell.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.base.i18n import ENUMS
from generator.base.tables import restore
from generator.editors.workbook import Cell
from generator.editors.yaml_edit import Editor, Path
from generator.models.common import PlannedDate
from generator.problems import Problem, cell_problem

DESCRIPTION = "Omschrijving"  # read on import only: a new tender needs one, the calendar has none
_YES = {"ja", "j", "yes", "y", "waar", "true", "1"}
_NO = {"nee", "n", "no", "onwaar", "false", "0"}
_WHOLE = re.compile(r"[0-9]{1,3}([. ][0-9]{3})+|[0-9]+")
_BAD: Any = object()  # a cell that could not be read (its problem is reported)


@dataclass
class RowEdit:
    """One row being read into one record: the record's editor and the problems found."""

    source: str  # "planning.xlsx!Kalender"
    editor: Editor
    themes: dict[str, str]  # a theme's Dutch name (lower case) or id -> its id
    levels: dict[str, str]  # an ambition level's name in either language (lower case) or id
    problems: list[Problem] = field(default_factory=list)

    def problem(self, cell: Cell, column: str, code: str, **params: Any) -> None:
        """A problem at `cell`, under the column's header."""
        self.problems.append(
            cell_problem(self.source, cell.row, cell.column, cell.ref, code, column, **params)
        )


Reader = Callable[[Cell, RowEdit, "ImportColumn"], None]


@dataclass(frozen=True)
class ImportColumn:
    """A calendar column on import: the field it fills (empty when derived) and its reader."""

    header: str
    field: str = ""
    read: Reader | None = None  # None: derived by the site, not read

    @property
    def path(self) -> Path:
        return tuple(self.field.split(".")) if self.field else ()


# --- Cell values -------------------------------------------------------------------------------


def cell_text(cell: Cell) -> str | None:
    """The cell as text: the export's apostrophe before formula-like text taken off again."""
    value = cell.value
    if value is None or isinstance(value, bool):
        return None if value is None else ("ja" if value else "nee")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return restore(str(value).strip()) or None


def _wrong(row: RowEdit, cell: Cell, column: ImportColumn, kind: str) -> Any:
    expected_nl, expected_en, advice_nl, advice_en = _EXPECTED[kind]
    found = repr(cell_text(cell) or cell.value)
    row.problem(
        cell,
        column.header,
        "wrong-type",
        expected_nl=expected_nl,
        expected_en=expected_en,
        found_nl=found,
        found_en=found,
        advice_nl=advice_nl,
        advice_en=advice_en,
    )
    return _BAD


_EXPECTED = {
    "flag": (
        "ja of nee",
        "yes or no (ja or nee)",
        "Vul ja of nee in, of laat de cel leeg.",
        "Fill in ja (yes) or nee (no), or leave the cell empty.",
    ),
    "whole": (
        "een geheel getal",
        "a whole number",
        "Schrijf alleen cijfers, zoals 2500000 of 48.",
        "Write digits only, such as 2500000 or 48.",
    ),
    "date": (
        "een datum (JJJJ-MM-DD)",
        "a date (YYYY-MM-DD)",
        "Schrijf een datum als 2027-03-31, of maak de cel een datumcel.",
        "Write a date as 2027-03-31, or make the cell a date cell.",
    ),
}


def _flag_value(cell: Cell, row: RowEdit, column: ImportColumn) -> Any:
    if cell.value is None or isinstance(cell.value, bool):
        return cell.value
    text = (cell_text(cell) or "").lower()
    if text in _YES | _NO:
        return text in _YES
    return None if not text else _wrong(row, cell, column, "flag")


def _whole_value(cell: Cell, row: RowEdit, column: ImportColumn) -> Any:
    value = cell.value
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = cell_text(cell) or ""
    if _WHOLE.fullmatch(text.replace("\u00a0", " ")):
        return int(re.sub(r"[. \u00a0]", "", text))
    return None if not text else _wrong(row, cell, column, "whole")


def _date_value(cell: Cell, row: RowEdit, column: ImportColumn) -> Any:
    value = cell.value
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    text = cell_text(cell)
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return _wrong(row, cell, column, "date")


def _planned_value(cell: Cell) -> dt.date | str | None:
    """A day, month or quarter; a date cell whose format shows no day is a month."""
    value = cell.value
    if isinstance(value, dt.datetime):
        if "d" not in cell.number_format.lower() and cell.number_format != "General":
            return f"{value.year}-{value.month:02d}"
        return value.date()
    text = cell_text(cell)
    if text and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text  # the model reports an impossible date
    return text.upper() if text and re.fullmatch(r"[0-9]{4}-q[1-4]", text) else text


def _same_planned(old: Any, new: Any) -> bool:
    try:
        return PlannedDate.parse(old) == PlannedDate.parse(new)
    except Exception:  # either is not a planned date: the model judges the new one
        return False


# --- Readers ---------------------------------------------------------------------------------


def _localized(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    """The Dutch text of a field that may also have English: `title: T` or `title: {nl: T}`."""
    text, path = cell_text(cell), column.path
    if text is None:
        row.editor.remove(path)
    elif isinstance(row.editor.get(path), str):
        row.editor.set(path, text)
    else:
        row.editor.set((*path, "nl"), text)


def _plain(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    row.editor.set(column.path, cell_text(cell))


def _flag(default: bool | None) -> Reader:
    def read(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
        value = _flag_value(cell, row, column)
        if value is not _BAD:
            row.editor.set(column.path, value, default)

    return read


def _whole(default: int | None = None) -> Reader:
    def read(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
        value = _whole_value(cell, row, column)
        if value is not _BAD:
            row.editor.set(column.path, value, default)

    return read


def _known_labels(enum: str) -> dict[str, str]:
    """Every code and label of `enum`, lower-cased, to its code."""
    labels = ENUMS[enum]
    known = {code.lower(): code for code in labels}
    for code, names in labels.items():
        known.update({name.lower(): code for name in names})
    return known


def _not_a_choice(enum: str, text: str, cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    dutch = [names[0] for names in ENUMS[enum].values()]
    close = difflib.get_close_matches(text, dutch, n=1, cutoff=0.6)
    row.problem(
        cell,
        column.header,
        "invalid-choice",
        value=text,
        allowed=", ".join(dutch),
        suggestion_nl=f"Bedoelde u '{close[0]}'? " if close else "",
        suggestion_en=f"Did you mean '{close[0]}'? " if close else "",
    )


def _choice(enum: str) -> Reader:
    """A Dutch label (also its code or English label, in any case) back to its code."""
    known = _known_labels(enum)

    def read(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
        text = cell_text(cell)
        if text is None or text.lower() in known:
            row.editor.set(column.path, known[text.lower()] if text else None)
        else:
            _not_a_choice(enum, text, cell, row, column)

    return read


def _choices(enum: str) -> Reader:
    """Labels separated by semicolons back to their codes; an empty cell: none (field goes)."""
    known = _known_labels(enum)

    def read(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
        parts = [part.strip() for part in (cell_text(cell) or "").split(";") if part.strip()]
        if wrong := [part for part in parts if part.lower() not in known]:
            _not_a_choice(enum, wrong[0], cell, row, column)
        elif parts:
            row.editor.set(column.path, [known[part.lower()] for part in parts])
        else:
            row.editor.remove(column.path)

    return read


def _planned(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    value = _planned_value(cell)
    if not _same_planned(row.editor.get(column.path), value):
        row.editor.set(column.path, value)


def _consultation(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    """The planned market consultation; an empty cell: none is planned (any description too)."""
    if cell_text(cell) is None:
        row.editor.remove(column.path[:1])
    else:
        _planned(cell, row, column)


def _start(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    """The export writes the first day of the planned start: that day keeps a month or quarter."""
    if isinstance(cell.value, str) and not re.fullmatch(r"[0-9-]{10}", cell.value.strip()):
        _planned(cell, row, column)  # typed as a month or quarter
        return
    value = _date_value(cell, row, column)
    if value is _BAD:
        return
    try:
        kept = PlannedDate.parse(row.editor.get(column.path)).start == value
    except Exception:
        kept = False
    if not kept:
        row.editor.set(column.path, value)


def _day(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    """A day that something happened; an empty cell: it has not happened (the field goes)."""
    value = _date_value(cell, row, column)
    if value is None:
        row.editor.remove(column.path)
    elif value is not _BAD:
        row.editor.set(column.path, value)


def _cpv(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    codes = [code.strip() for code in re.split(r"[;,\n]", cell_text(cell) or "")]
    row.editor.set(column.path, [code for code in codes if code])


def _themes(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    """`Klimaat: ambitieus; Circulair: basis`: each theme's level; a theme left out is removed.

    How a theme is applied is not in the sheet, so a theme new to the tender is a problem."""
    levels = _theme_levels(cell, row, column)
    if levels is None:
        return
    current = row.editor.get(("themes",)) or {}
    for theme_id in [t for t in current if t not in levels]:
        row.editor.remove(("themes", theme_id))
    for theme_id, level in levels.items():
        if theme_id in current:
            row.editor.set(("themes", theme_id, "level"), level)
        else:
            row.problem(cell, column.header, "new-theme", value=theme_id)
    row.editor.prune(("themes",))


def _theme_levels(cell: Cell, row: RowEdit, column: ImportColumn) -> dict[str, str] | None:
    levels, ok = {}, True
    for part in filter(None, (p.strip() for p in (cell_text(cell) or "").split(";"))):
        name, colon, level = (s.strip() for s in part.rpartition(":"))
        theme_id = row.themes.get(name.lower())
        if not colon or level.lower() not in row.levels:
            row.problem(cell, column.header, "theme-cell", value=part)
            ok = False
        elif theme_id is None:
            _unknown_theme(cell, row, column, name)
            ok = False
        else:
            levels[theme_id] = row.levels[level.lower()]
    return levels if ok else None


def _unknown_theme(cell: Cell, row: RowEdit, column: ImportColumn, name: str) -> None:
    close = difflib.get_close_matches(name.lower(), list(row.themes), n=1, cutoff=0.6)
    row.problem(
        cell,
        column.header,
        "unknown-reference",
        value=name,
        kind_nl="thema",
        kind_en="theme",
        suggestion_nl=f"Bedoelde u '{close[0]}'?" if close else "Kijk in data/themes.yaml.",
        suggestion_en=f"Did you mean '{close[0]}'?" if close else "See data/themes.yaml.",
    )


def _lots(cell: Cell, row: RowEdit, column: ImportColumn) -> None:
    """Lots have titles the sheet does not hold: their number can only be read, not changed."""
    value = _whole_value(cell, row, column)
    current = len(row.editor.get(("lots",)) or [])
    if value not in (None, _BAD) and value != current:
        row.problem(
            cell,
            column.header,
            "read-only-column",
            header=column.header,
            value=value,
            current=current,
            advice_nl=f"Percelen bewerk je in het YAML-bestand (lots:); zet de cel op {current}.",
            advice_en=f"Lots are edited in the YAML file (lots:); set the cell to {current}.",
        )


# --- The columns ---------------------------------------------------------------------------

IMPORT_COLUMNS: tuple[ImportColumn, ...] = (
    ImportColumn("Kenmerk"),  # the file name: rows are matched to files by it
    ImportColumn("Titel", "title", _localized),
    ImportColumn("Voorbeeld", "example", _flag(False)),
    ImportColumn("Status", "status", _choice("status")),
    ImportColumn("Zekerheid planning", "certainty", _choice("certainty")),
    ImportColumn("Verwachte publicatie", "expected_publication", _planned),
    ImportColumn("Verwachte publicatie vanaf"),
    ImportColumn("Verwachte publicatie tot en met"),
    ImportColumn("Marktconsultatie", "market_consultation.planned", _consultation),
    ImportColumn("Inkopende organisatie"),
    ImportColumn("Inkopende organisatie (kenmerk)", "buyer", _plain),
    ImportColumn("Inkoopcategorie"),
    ImportColumn("Inkoopcategorie (kenmerk)", "category", _plain),
    ImportColumn("Soort opdracht", "kind", _choice("kind")),
    ImportColumn("Procedure", "procedure", _choice("procedure")),
    ImportColumn("Boven Europese drempel", "above_eu_threshold", _flag(None)),
    ImportColumn("Geraamde waarde minimum (EUR)", "estimated_value.min", _whole()),
    ImportColumn("Geraamde waarde maximum (EUR)", "estimated_value.max", _whole()),
    ImportColumn("CPV-codes", "cpv", _cpv),
    ImportColumn("Start opdracht", "contract_start", _start),
    ImportColumn("Looptijd (maanden)", "duration.months", _whole()),
    ImportColumn("Verlengingsopties (maanden)", "duration.extension_months", _whole(0)),
    ImportColumn("Einde opdracht"),
    ImportColumn("Aantal percelen", "lots", _lots),
    ImportColumn("MVI-thema's en ambitieniveau", "themes", _themes),
    ImportColumn("MVI-criteria productgroep"),
    ImportColumn("MVI-criteria productgroep (kenmerk)", "product_group", _plain),
    ImportColumn("Innovatie-instrumenten", "innovation_instruments", _choices("instrument")),
    ImportColumn("Weging maatschappelijke impact (%)", "social_impact_weighting", _whole()),
    ImportColumn("Social return"),  # the theme social-return, in the themes column
    ImportColumn("Internationale sociale voorwaarden"),  # likewise its theme
    ImportColumn("Geschikt voor mkb", "sme_suitable", _flag(False)),
    ImportColumn("Reden intrekking", "withdrawal_reason", _localized),
    ImportColumn("TenderNed", "tenderned_url", _plain),
    ImportColumn("Gepubliceerd op", "published_on", _day),
    ImportColumn("Gegund op", "awarded_on", _day),
    ImportColumn("Ingetrokken op", "withdrawn_on", _day),
    ImportColumn("Contactpersoon", "contact.name", _plain),
    ImportColumn("Contact e-mail", "contact.email", _plain),
    ImportColumn("Contact telefoon", "contact.phone", _plain),
    ImportColumn("Laatst gewijzigd"),  # the date of the commit, from Git
    ImportColumn("Webpagina"),
    ImportColumn(DESCRIPTION, "description", _localized),
)
BY_HEADER = {column.header: column for column in IMPORT_COLUMNS}
ID_HEADER = IMPORT_COLUMNS[0].header
_NESTED = ("estimated_value", "duration", "contact", "market_consultation")


def prune(editor: Editor) -> None:
    """Remove the groups of fields whose every cell was emptied (no value range, no duration)."""
    duration = editor.get(("duration",))
    if (
        isinstance(duration, dict)
        and "months" not in duration
        and not duration.get("extension_months")
    ):
        editor.remove(("duration",))
    for name in _NESTED:
        editor.prune((name,))


def column_of(path: str) -> ImportColumn | None:
    """The column that fills a field, by the longest field path that starts it."""
    steps = re.sub(r"\[[0-9]+\]", "", path).split(".")
    while steps:
        dotted = ".".join(steps)
        found = next((c for c in IMPORT_COLUMNS if c.field == dotted and c.read), None)
        if found:
            return found
        if dotted == "estimated_value":  # a range problem stands at its minimum
            return BY_HEADER["Geraamde waarde minimum (EUR)"]
        if dotted == "duration":
            return BY_HEADER["Looptijd (maanden)"]
        if dotted == "market_consultation":
            return BY_HEADER["Marktconsultatie"]
        steps.pop()
    return None
