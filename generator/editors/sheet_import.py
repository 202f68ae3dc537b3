"""`mvi-site import FILE.xlsx`: a planning spreadsheet into one YAML file per tender.

The steps, gathered and checked before anything is written:

1. read the sheet (`workbook`): its first row names the columns, each later row is a tender;
2. plan each row: the tender's file (matched by the id in Kenmerk; a new id is a new file)
   edited in place by the columns' readers (`sheet_columns`), comments and order kept;
3. check: the data folder as it would be after the import, in a scratch copy, validated as
   `mvi-site validate` does, every field and every rule across files; a problem of an imported
   row is shown at its cell (`planning.xlsx!Kalender!F12`);
4. write the changed files, and only if no row has an error. Files not in the sheet are never
   touched; a row that changes nothing leaves its file as it was.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from generator.editors import yaml_edit
from generator.editors.sheet_columns import (
    BY_HEADER,
    ID_HEADER,
    ImportColumn,
    RowEdit,
    cell_text,
    column_of,
    prune,
)
from generator.editors.workbook import Cell, Table, read_table
from generator.export.calendar_table import ENGLISH_HEADERS
from generator.models import Tender
from generator.models.common import ID_PATTERN, Strict
from generator.models.tender import Contact, Duration, MarketConsultation, ValueRange
from generator.problems import Problem, Report, cell_problem
from generator.source.layout import KIND_BY_NAME
from generator.source.load import display_path
from generator.validate import validate_data

log = logging.getLogger(__name__)
TENDERS = KIND_BY_NAME["tender"].path
_ID = re.compile(ID_PATTERN)


def _fields(model: type[Strict]) -> list[str]:
    return [name for name in model.model_fields if name != "id"]


ORDERS: dict[yaml_edit.Path, list[str]] = {
    (): _fields(Tender),
    ("estimated_value",): _fields(ValueRange),
    ("duration",): _fields(Duration),
    ("contact",): _fields(Contact),
    ("market_consultation",): _fields(MarketConsultation),
    **{(name,): ["nl", "en"] for name in ("title", "description", "withdrawal_reason")},
}
NEW_FILE = "Aangemaakt met `mvi-site import` uit {workbook}, rij {row}, op {today}."


@dataclass(frozen=True)
class RowPlan:
    """What one row does to one file: its text before (None: a new file) and after."""

    id: str
    row: int
    cells: dict[str, Cell]  # header -> this row's cell
    path: Path
    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.after != self.before


@dataclass(frozen=True)
class ImportResult:
    """The report of the whole import, the files it changes, and whether they were written."""

    report: Report
    plans: list[RowPlan]
    written: bool

    @property
    def changes(self) -> list[RowPlan]:
        return [plan for plan in self.plans if plan.changed]


def import_sheet(
    workbook: Path, data_dir: Path, today: dt.date, sheet: str | None = None, write: bool = True
) -> ImportResult:
    """Read the sheet into `data_dir`; WorkbookError when the workbook cannot be read."""
    table = read_table(workbook, display_path(workbook), sheet)
    columns, problems = match_columns(table)
    if ID_HEADER not in columns.values():
        return ImportResult(Report(problems, 0), [], False)
    plans = plan_rows(table, columns, data_dir, today, workbook.name, problems)
    report = check(plans, data_dir, today, table.source)
    report.extend(problems)
    written = write and not report.errors
    if written:
        write_files(plans)
    return ImportResult(report, plans, written)


# --- 1. Columns ------------------------------------------------------------------------------


def match_columns(table: Table) -> tuple[dict[int, str], list[Problem]]:
    """Column number -> header of each column that is read; problems of the first row."""
    columns: dict[int, str] = {}
    first: dict[str, Cell] = {}
    problems: list[Problem] = []
    if english := _english_header(table):
        # Its titles and labels are English: read as Dutch they would overwrite the Dutch ones.
        return columns, [_at(table.source, english, "english-sheet", "", value=english.value)]
    for cell in table.header:
        header = cell_text(cell)
        if header is None:
            continue
        if header in first:
            problems.append(
                _at(
                    table.source,
                    cell,
                    "duplicate-column",
                    "",
                    value=header,
                    first=first[header].ref,
                )
            )
        elif header in BY_HEADER:
            columns[cell.column] = header
        else:
            problems.append(_unknown_column(table.source, cell, header))
        first.setdefault(header, cell)
    if ID_HEADER not in columns.values():
        corner = Cell(1, 1, None)
        problems.append(_at(table.source, corner, "missing-id-column", ""))
    return columns, problems


# The headers of the English download that no Dutch column has ("Key", "Title", …), in order.
ENGLISH_ONLY = [h for h in ENGLISH_HEADERS.values() if h not in ENGLISH_HEADERS]


def _english_header(table: Table) -> Cell | None:
    """The English id column, when the sheet is the English download of the calendar."""
    headers = {cell_text(cell): cell for cell in table.header}
    english = [h for h in ENGLISH_ONLY if h in headers]
    return headers[english[0]] if len(english) >= 3 and ID_HEADER not in headers else None


def _unknown_column(source: str, cell: Cell, header: str) -> Problem:
    close = difflib.get_close_matches(header, list(BY_HEADER), n=1, cutoff=0.8)
    return _at(
        source,
        cell,
        "unknown-column",
        "",
        value=header,
        suggestion_nl=f"Bedoelde u '{close[0]}'? " if close else "",
        suggestion_en=f"Did you mean '{close[0]}'? " if close else "",
    )


def _at(source: str, cell: Cell, code: str, path: str, **params: Any) -> Problem:
    return cell_problem(source, cell.row, cell.column, cell.ref, code, path, **params)


# --- 2. Rows ---------------------------------------------------------------------------------


def plan_rows(
    table: Table,
    columns: dict[int, str],
    data_dir: Path,
    today: dt.date,
    workbook: str,
    problems: list[Problem],
) -> list[RowPlan]:
    """Each row with a usable id, edited into its file's text; problems added to `problems`."""
    themes, levels = theme_names(data_dir), level_names(data_dir)
    seen: dict[str, int] = {}
    plans = []
    for cells in table.rows:
        by_header = _by_header(cells, columns)
        record_id = _row_id(table.source, by_header[ID_HEADER], seen, problems)
        if record_id is None:
            continue
        seen[record_id] = by_header[ID_HEADER].row
        path = data_dir / TENDERS / f"{record_id}.yaml"
        plan = _plan_row(
            table.source, record_id, by_header, path, (themes, levels), today, workbook
        )
        if isinstance(plan, Problem):
            problems.append(plan)
            continue
        plans.append(plan[0])
        problems.extend(plan[1])
    return plans


def _by_header(cells: list[Cell], columns: dict[int, str]) -> dict[str, Cell]:
    """Every column that is read, with this row's cell (an empty one past the row's end)."""
    row = cells[0].row
    present = {cell.column: cell for cell in cells}
    return {
        header: present.get(column) or Cell(row, column, None) for column, header in columns.items()
    }


def _row_id(source: str, cell: Cell, seen: dict[str, int], problems: list[Problem]) -> str | None:
    record_id = cell_text(cell)
    if record_id is None:
        problems.append(_at(source, cell, "missing-id", ID_HEADER))
    elif not _ID.match(record_id) or len(record_id) > 80:
        problems.append(_at(source, cell, "invalid-id", ID_HEADER, value=record_id))
    elif record_id in seen:
        problems.append(
            _at(source, cell, "duplicate-row", ID_HEADER, value=record_id, first=seen[record_id])
        )
    else:
        return record_id
    return None


def _plan_row(
    source: str,
    record_id: str,
    cells: dict[str, Cell],
    path: Path,
    names: tuple[dict[str, str], dict[str, str]],
    today: dt.date,
    workbook: str,
) -> tuple[RowPlan, list[Problem]] | Problem:
    row = cells[ID_HEADER].row
    before = path.read_text(encoding="utf-8") if path.is_file() else None
    try:
        doc = yaml_edit.load(before) if before is not None else _new_doc(workbook, row, today)
    except Exception as error:  # ruamel.yaml's errors share no base class worth naming
        shown = display_path(path)
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        return _at(
            source, cells[ID_HEADER], "record-not-updatable", ID_HEADER, value=shown, detail=detail
        )
    edit = RowEdit(source, yaml_edit.Editor(doc, ORDERS), *names)
    for header, cell in cells.items():
        column: ImportColumn = BY_HEADER[header]
        if column.read:
            column.read(cell, edit, column)
    prune(edit.editor)
    after = yaml_edit.dump(doc)  # not dated: the commit that takes it in is its date
    return RowPlan(record_id, row, cells, path, before, after), edit.problems


def _new_doc(workbook: str, row: int, today: dt.date) -> Any:
    return yaml_edit.new_document(NEW_FILE.format(workbook=workbook, row=row, today=today))


def theme_names(data_dir: Path) -> dict[str, str]:
    """A theme's id and Dutch name (lower case) -> its id; empty if themes.yaml is unreadable
    (validation reports why)."""
    return _names(data_dir, "theme", ("name",), ("nl",))


def level_names(data_dir: Path) -> dict[str, str]:
    """An ambition level's id, and its name and short name in either language (lower case), ->
    its id, as the Dutch and the English sheets write it; empty if the file is unreadable."""
    return _names(data_dir, "ambition-level", ("name", "short_name"), ("nl", "en"))


def _names(
    data_dir: Path, kind: str, fields: tuple[str, ...], langs: tuple[str, ...]
) -> dict[str, str]:
    """The words a sheet may name the records of a mapping file by -> the record's id."""
    try:
        records = yaml.safe_load((data_dir / KIND_BY_NAME[kind].path).read_text("utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    records = records if isinstance(records, dict) else {}
    names: dict[str, str] = {}
    for record_id, record in records.items():
        for field in fields:
            value = record.get(field) if isinstance(record, dict) else None
            texts = [value.get(lang) for lang in langs] if isinstance(value, dict) else [value]
            names.update({text.lower(): str(record_id) for text in texts if isinstance(text, str)})
    names.update({str(record_id).lower(): str(record_id) for record_id in records})  # ids win
    return names


# --- 3. Check --------------------------------------------------------------------------------


def check(plans: list[RowPlan], data_dir: Path, today: dt.date, source: str) -> Report:
    """Validate the data folder as it would be after the import; rows' problems at their cells."""
    with tempfile.TemporaryDirectory(prefix="mvi-site-import-") as tmp:
        scratch = Path(tmp) / "data"
        shutil.copytree(data_dir, scratch)
        for plan in plans:
            target = scratch / TENDERS / plan.path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(plan.after, encoding="utf-8")
        _, report = validate_data(scratch, today)
        by_file = {display_path(scratch / TENDERS / plan.path.name): plan for plan in plans}
        moved = _relocated(report.problems, by_file, source, display_path(scratch), data_dir)
    return Report(list(moved), report.files)


def _relocated(
    problems: Iterable[Problem],
    by_file: dict[str, RowPlan],
    source: str,
    scratch: str,
    data_dir: Path,
) -> Iterable[Problem]:
    shown = display_path(data_dir)
    for problem in problems:
        plan = by_file.get(problem.file)
        if plan is not None:
            yield at_cell(problem, plan, source)
        else:  # another file of the data folder: shown where it really is
            yield replace(problem, file=shown + problem.file.removeprefix(scratch))


def at_cell(problem: Problem, plan: RowPlan, source: str) -> Problem:
    """A problem of an imported file, moved to the cell whose column fills the field."""
    params = dict(problem.params)
    field = problem.path
    if problem.code == "missing-field":
        field = f"{field}.{params['field']}" if field else params["field"]
    column = column_of(field)
    anchor = plan.cells[ID_HEADER]
    if column is None or column.header not in plan.cells:
        if problem.code == "missing-field" and column:
            return _at(source, anchor, "missing-column", "", field=field, header=column.header)
        return _at(source, anchor, problem.code, problem.path, **params)
    cell, header = plan.cells[column.header], column.header
    if problem.code == "missing-field":
        return _at(source, cell, "required-cell", header, header=header)
    return _at(source, cell, problem.code, header, **params)


# --- 4. Write --------------------------------------------------------------------------------


def write_files(plans: list[RowPlan]) -> None:
    """Each changed file replaced whole (a reader never sees half a file)."""
    for plan in plans:
        if not plan.changed:
            continue
        plan.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = plan.path.with_name(f".{plan.path.name}.import")
        temporary.write_text(plan.after, encoding="utf-8")
        temporary.replace(plan.path)
        log.info("%s %s", "created" if plan.before is None else "updated", plan.path)


_SUMMARY = {
    "nl": {
        "created": "nieuw: {path}",
        "updated": "bijgewerkt: {path}",
        "done": "{rows} rij(en) ingelezen: {created} nieuw bestand(en), {updated} bijgewerkt, "
        "{same} ongewijzigd.",
        "dry-run": "Proefrun: er is niets geschreven.",
        "refused": "Er is niets geschreven: herstel eerst de fouten hierboven.",
    },
    "en": {
        "created": "new: {path}",
        "updated": "updated: {path}",
        "done": "{rows} row(s) read: {created} new file(s), {updated} updated, {same} unchanged.",
        "dry-run": "Dry run: nothing was written.",
        "refused": "Nothing was written: fix the errors above first.",
    },
}


def summary(result: ImportResult, lang: str) -> str:
    """What the import did (or would do), file by file, for the person who ran it."""
    words = _SUMMARY[lang]
    if result.report.errors:
        return words["refused"]
    lines = [
        words["created" if plan.before is None else "updated"].format(path=display_path(plan.path))
        for plan in result.changes
    ]
    created = sum(plan.before is None for plan in result.changes)
    counts = {"created": created, "updated": len(result.changes) - created}
    same = len(result.plans) - len(result.changes)
    lines.append(words["done"].format(rows=len(result.plans), same=same, **counts))
    if not result.written:
        lines.append(words["dry-run"])
    return "\n".join(lines)
