"""`mvi-site import`: the calendar XLSX read back into the tenders' YAML files.

Export → import → export gives the same workbook; each column's change reaches its field; a bad
row is reported at its cells and nothing is written; an updated file keeps its comments and
order; a file not in the sheet is not touched; a workbook that cannot be read is a message.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from conftest import ROOT, TODAY, write

from generator.base.tables import to_xlsx
from generator.crossref import build_crossref
from generator.editors import yaml_edit
from generator.editors.sheet_columns import BY_HEADER, IMPORT_COLUMNS
from generator.editors.sheet_import import import_sheet
from generator.export import ocds
from generator.export.calendar_table import COLUMNS, ENGLISH_HEADERS, calendar_sheet
from generator.export.calendar_template import template_xlsx
from generator.export.downloads import TEMPLATE_PATH, build_downloads, extension_url
from generator.history.git import History
from generator.source.yamlsource import read_yaml
from generator.validate import validate_data

SITE_URL = "https://inkopen-met-impact.example.org/"
DAY = dt.date.fromisoformat(TODAY)
SHEET = "Aanbestedingskalender"
TENDER = "ienw-2027-zero-emissie-dienstautos"
NO_HISTORY = History(available=False, reason="no-git")


def export(data_dir: Path) -> bytes:
    """The calendar XLSX as the site publishes it, made from `data_dir`."""
    data, report = validate_data(data_dir, DAY)
    assert report.ok(), report.errors
    sheet = calendar_sheet(data, build_crossref(data).tenders, SITE_URL, SHEET, NO_HISTORY)
    return to_xlsx(sheet, "Toelichting", ("Kolom", "Type", "Betekenis"))


def values(content: bytes) -> dict[str, list[list[Any]]]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book}


def edited(content: bytes, changes: dict[tuple[str, str], Any], path: Path) -> Path:
    """The workbook with cells changed, by (tender id, header); saved at `path`."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book.worksheets[0]
    headers = {cell.value: cell.column for cell in sheet[1]}
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    for (record_id, header), value in changes.items():
        sheet.cell(rows[record_id], headers[header]).value = value
    book.save(path)
    return path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example data in the current folder, as an editor's checkout has it."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


@pytest.fixture
def calendar(example: Path) -> bytes:
    return export(example)


def row_of(content: bytes, record_id: str) -> dict[str, Any]:
    rows = values(content)[SHEET]
    return next(dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[0] == record_id)


# --- The round trip --------------------------------------------------------------------------


def test_export_import_export_gives_the_same_workbook_values(example, calendar) -> None:
    before = snapshot(example)
    Path("planning.xlsx").write_bytes(calendar)
    result = import_sheet(Path("planning.xlsx"), example, DAY)
    assert not result.report.errors, result.report.errors
    assert len(result.plans) == len(values(calendar)[SHEET]) - 1 == 43
    assert result.changes == [], "reading the calendar back changes no record"
    assert snapshot(example) == before, "no file was rewritten"
    assert values(export(example)) == values(calendar)


def test_every_column_that_carries_data_reaches_its_field(example, calendar) -> None:
    changes: dict[str, Any] = {
        "Titel": "Emissievrije dienstauto's",
        "Voorbeeld": False,
        "Status": "Marktconsultatie",
        "Zekerheid planning": "indicatief",  # any case, as a spreadsheet user types it
        "Verwachte publicatie": "2027-05",
        "Marktconsultatie": dt.datetime(2026, 12, 14),
        "Inkopende organisatie (kenmerk)": "rws",
        "Inkoopcategorie (kenmerk)": "logistiek",
        "Soort opdracht": "Diensten",
        "Procedure": "Niet-openbare procedure",
        "Boven Europese drempel": "nee",
        "Geraamde waarde minimum (EUR)": "1.000.000",  # a number stored as text
        "Geraamde waarde maximum (EUR)": 2_000_000,
        "CPV-codes": "34110000-1; 50112000-3",
        "Start opdracht": dt.datetime(2028, 2, 1),
        "Looptijd (maanden)": 60.0,  # Excel stores every number as a float
        "Verlengingsopties (maanden)": 24,
        "MVI-thema's en ambitieniveau": "Klimaat: basis",
        "MVI-criteria productgroep (kenmerk)": "transport-en-vervoer",
        "Innovatie-instrumenten": "sbir; Challenge",  # codes or labels, in any case
        "Weging maatschappelijke impact (%)": 50,
        "Geschikt voor mkb": True,
        "Reden intrekking": None,
        "TenderNed": None,
        "Gepubliceerd op": None,  # read in the next test: this tender is not published
        "Gegund op": None,
        "Ingetrokken op": None,
        "Contactpersoon": "Team Wagenpark",
        "Contact e-mail": "wagenpark@example.org",
        "Contact telefoon": "'+31 70 123 4567",  # as the export neutralises it
    }
    readers = {c.header for c in IMPORT_COLUMNS if c.read} - {"Aantal percelen", "Omschrijving"}
    assert readers == set(changes), "every column that carries record data is changed here"
    path = edited(calendar, {(TENDER, h): v for h, v in changes.items()}, Path("planning.xlsx"))
    result = import_sheet(path, example, DAY)
    assert not result.report.errors, result.report.errors
    assert [plan.id for plan in result.changes] == [TENDER]
    after = row_of(export(example), TENDER)
    expected = {
        **changes,
        "Zekerheid planning": "Indicatief",
        "Voorbeeld": "nee",  # yes/no is written as in the CSV, whatever was typed
        "Geschikt voor mkb": "ja",
        "Boven Europese drempel": "nee",
        "Geraamde waarde minimum (EUR)": 1_000_000,
        "Marktconsultatie": "2026-12-14",
        "Looptijd (maanden)": 60,
        "Innovatie-instrumenten": "SBIR; Challenge",  # written as the labels
    }
    assert {header: after[header] for header in changes} == expected
    assert after["Verwachte publicatie vanaf"] == dt.datetime(2027, 5, 1), "derived columns follow"
    assert after["Einde opdracht"] == dt.datetime(2033, 1, 31)
    assert after["Inkopende organisatie"] == "Rijkswaterstaat"
    assert after["MVI-criteria productgroep"] == "Transport en vervoer"


def test_a_publication_typed_in_the_sheet_reaches_the_record(example, calendar) -> None:
    notice = "https://www.tenderned.nl/aankondigingen/overzicht/433831"
    changes = {
        (TENDER, "Status"): "Gepubliceerd",
        (TENDER, "TenderNed"): notice,
        (TENDER, "Gepubliceerd op"): dt.datetime(2026, 11, 2),
    }
    result = import_sheet(edited(calendar, changes, Path("p.xlsx")), example, DAY)
    assert not result.report.errors, result.report.errors
    text = (example / "tenders" / f"{TENDER}.yaml").read_text()
    assert f"tenderned_url: {notice}\n" in text and "published_on: 2026-11-02\n" in text
    after = row_of(export(example), TENDER)
    assert after["Gepubliceerd op"] == dt.datetime(2026, 11, 2) and after["Gegund op"] is None


def test_a_derived_column_is_not_read(example, calendar) -> None:
    derived = [c.header for c in IMPORT_COLUMNS if not c.read and c.header != "Kenmerk"]
    assert {"Webpagina", "Einde opdracht", "Laatst gewijzigd"} <= set(derived)
    assert "Social return" in derived, "a theme, read from the themes column"
    changes = {(TENDER, header): "iets anders" for header in derived}
    result = import_sheet(edited(calendar, changes, Path("p.xlsx")), example, DAY)
    assert not result.report.errors and result.changes == []


def test_every_calendar_column_has_its_import_column() -> None:
    exported = [column.header for column in COLUMNS]
    assert [column.header for column in IMPORT_COLUMNS][: len(exported)] == exported
    assert set(BY_HEADER) - set(exported) == {"Omschrijving"}


# --- Bad rows --------------------------------------------------------------------------------


def test_a_bad_row_is_reported_at_its_cells_and_nothing_is_written(run, example, calendar) -> None:
    other = "rws-2027-a12-asfalt-onderhoud"
    changes = {
        (TENDER, "Verwachte publicatie"): "2027-Q5",
        (TENDER, "Inkopende organisatie (kenmerk)"): "ministerie-van-niets",
        (other, "Titel"): "Een geldige wijziging in een andere rij",
    }
    edited(calendar, changes, Path("planning.xlsx"))
    before = snapshot(example)
    result = run("import", "planning.xlsx", "--today", TODAY)
    assert result.code == 1
    row = 1 + [r[0] for r in values(calendar)[SHEET]].index(TENDER)
    where = f"planning.xlsx!{SHEET}"
    assert (
        f"{where}!F{row}: fout: Verwachte publicatie: '2027-Q5' is geen datum, maand of kwartaal"
        " [invalid-planned-date]"
    ) in result.out
    assert (
        f"{where}!K{row}: fout: Inkopende organisatie (kenmerk): onbekende organisatie "
        "'ministerie-van-niets' [unknown-reference]"
    ) in result.out
    assert "Er is niets geschreven" in result.out
    assert snapshot(example) == before, "not even the valid row was written"
    report = json.loads(
        run("import", "planning.xlsx", "--format", "json", "--lang", "en", "--today", TODAY).out
    )
    found = {(p["file"], p["cell"], p["field"], p["code"]) for p in report["problems"]}
    assert found == {
        (where, f"F{row}", "Verwachte publicatie", "invalid-planned-date"),
        (where, f"K{row}", "Inkopende organisatie (kenmerk)", "unknown-reference"),
    }
    english = run("import", "planning.xlsx", "--lang", "en", "--today", TODAY).out
    assert f"{where}!F{row}: error: Verwachte publicatie: '2027-Q5' is not a date" in english
    assert snapshot(example) == before


def test_cell_problems_of_the_sheet_itself(example, calendar) -> None:
    changes = {
        (TENDER, "Status"): "Gepubliseerd",
        (TENDER, "Boven Europese drempel"): "misschien",
        (TENDER, "Looptijd (maanden)"): "vier jaar",
        (TENDER, "Aantal percelen"): 3,
        (TENDER, "MVI-thema's en ambitieniveau"): "Klimaat: basis; Circulair: ambitieus; Klimaat",
        (TENDER, "Soort opdracht"): None,
    }
    result = import_sheet(edited(calendar, changes, Path("p.xlsx")), example, DAY)
    found = {(p.path, p.code) for p in result.report.errors}
    assert found == {
        ("Status", "invalid-choice"),
        ("Boven Europese drempel", "wrong-type"),
        ("Looptijd (maanden)", "wrong-type"),
        ("Aantal percelen", "read-only-column"),
        ("MVI-thema's en ambitieniveau", "theme-cell"),
        ("Soort opdracht", "required-cell"),
    }
    status = next(p for p in result.report.errors if p.code == "invalid-choice")
    assert status.hint("nl").startswith("Bedoelde u 'Gepubliceerd'?")
    assert not result.written


def test_a_theme_new_to_the_tender_cannot_come_from_the_sheet(example, calendar) -> None:
    changes = {(TENDER, "MVI-thema's en ambitieniveau"): "Klimaat: basis; Circulair: basis"}
    result = import_sheet(edited(calendar, changes, Path("p.xlsx")), example, DAY)
    assert [(p.code, dict(p.params)["value"]) for p in result.report.errors] == [
        ("new-theme", "circulair")
    ]
    changes = {(TENDER, "MVI-thema's en ambitieniveau"): "Klimaat: basis; Klimaatt: basis"}
    result = import_sheet(edited(calendar, changes, Path("p.xlsx")), example, DAY)
    [problem] = result.report.errors
    assert problem.code == "unknown-reference" and "'klimaat'" in problem.hint("en")


def test_rows_and_headers_that_cannot_be_matched(example, tmp_path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kenmerk", "Titel", "Opmerkingen", "Titel"])
    sheet.append([TENDER, "Nieuwe titel"])
    sheet.append([None, "Een rij zonder kenmerk"])
    sheet.append(["Geen Geldig Kenmerk", "x"])
    sheet.append([TENDER, "Twee keer"])
    book.save("rows.xlsx")
    result = import_sheet(Path("rows.xlsx"), example, DAY)
    found = [(p.cell, p.code) for p in result.report.sorted()]
    assert found == [
        ("C1", "unknown-column"),
        ("D1", "duplicate-column"),
        ("A3", "missing-id"),
        ("A4", "invalid-id"),
        ("A5", "duplicate-row"),
    ]
    assert not result.written


# --- Writing -------------------------------------------------------------------------------


def test_an_updated_file_keeps_its_comments_and_field_order(example) -> None:
    text = """\
        # A comment at the top, kept.
        title: {nl: Zonnepanelen, en: Solar panels}  # end of line, kept
        description: {nl: Panelen op daken., en: Panels on roofs.}
        buyer: rvb
        cpv: [09331100-9]
        kind: works

        # Why open: kept, though the procedure goes.
        procedure: open
        # About the value, kept.
        estimated_value:
          min: 1000000  # a round figure
          max: 2000000
        above_eu_threshold: false
        expected_publication: 2027-Q2
        contract_start: 2027-10
        certainty: planned
        status: planned
        contact:
          email: inkoop@example.org
        example: true
        # The last word, kept.
        """
    path = write(example, "tenders/rvb-2027-zonnepanelen.yaml", text)
    original = path.read_text()
    changes = {
        ("rvb-2027-zonnepanelen", "Procedure"): None,
        ("rvb-2027-zonnepanelen", "Geraamde waarde maximum (EUR)"): 3_000_000,
        ("rvb-2027-zonnepanelen", "Geschikt voor mkb"): True,
        ("rvb-2027-zonnepanelen", "Contact telefoon"): "070-1234567",
    }
    result = import_sheet(edited(export(example), changes, Path("p.xlsx")), example, DAY)
    assert not result.report.errors, result.report.errors
    after = path.read_text()
    comments = [line.strip() for line in original.splitlines() if "#" in line]
    assert comments[2] == "# Why open: kept, though the procedure goes."
    for comment in comments:
        assert comment.split("#", 1)[1] in after, comment
    assert "procedure:" not in after
    assert "  max: 3000000\n" in after and "min: 1000000  # a round figure\n" in after
    assert "sme_suitable: true\n" in after
    assert "contact:\n  email: inkoop@example.org\n  phone: 070-1234567\n" in after
    assert "last_updated" not in after and "2026-11-23" not in after, "Git dates the change"
    keys = list(yaml.safe_load(after))
    assert [k for k in yaml.safe_load(original) if k in keys] == [
        k for k in keys if k != "sme_suitable"
    ]
    assert keys.index("sme_suitable") == keys.index("contract_start") + 1, "model order"
    assert after.splitlines()[:2] == original.splitlines()[:2]


def test_a_record_not_in_the_sheet_is_untouched(example, calendar) -> None:
    book = openpyxl.load_workbook(io.BytesIO(calendar))
    sheet = book.worksheets[0]
    for row in range(sheet.max_row, 1, -1):
        if sheet.cell(row, 1).value != TENDER:
            sheet.delete_rows(row)
    sheet.cell(2, 2).value = "Alleen deze rij"
    book.save("one.xlsx")
    before = snapshot(example)
    result = import_sheet(Path("one.xlsx"), example, DAY)
    assert not result.report.errors
    after = snapshot(example)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {f"tenders/{TENDER}.yaml"}
    assert set(after) == set(before), "no file removed or added"


def test_a_filled_in_template_writes_a_new_file_that_validates(example) -> None:
    new_id = "bzk-2028-kantoorplanten"
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx()))
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    filled = {
        "Kenmerk": new_id,
        "Titel": "Kantoorplanten",
        "Omschrijving": "Planten voor de kantoren.\n\nOok onderhoud.",
        "Status": "Gepland",
        "Zekerheid planning": "Indicatief",
        "Verwachte publicatie": "2028-Q1",
        "Inkopende organisatie (kenmerk)": "bzk",
        "Soort opdracht": "Leveringen",
        "Boven Europese drempel": False,
        "CPV-codes": "03121000-4",
        "Contact e-mail": "inkoop@ex.org",
        "Contact telefoon": "+31 70 000 0000",
    }
    sheet.append([filled.get(header) for header in headers])
    book.save("nieuw.xlsx")
    before = snapshot(example)
    result = import_sheet(Path("nieuw.xlsx"), example, DAY)
    assert not result.report.errors, result.report.errors
    path = example / "tenders" / f"{new_id}.yaml"
    assert set(snapshot(example)) - set(before) == {f"tenders/{new_id}.yaml"}
    text = path.read_text()
    assert text.startswith("# Aangemaakt met `mvi-site import` uit nieuw.xlsx, rij 2, op ")
    record = yaml.safe_load(text)
    assert list(record) == [
        "title", "description", "buyer", "cpv", "kind", "above_eu_threshold",
        "expected_publication", "certainty", "status", "contact",
    ]  # fmt: skip
    assert record["description"]["nl"] == "Planten voor de kantoren.\n\nOok onderhoud."
    assert record["contact"]["phone"] == "+31 70 000 0000"
    row = row_of(export(example), new_id)
    assert (row["Titel"], row["Status"], row["Verwachte publicatie"]) == (
        "Kantoorplanten",
        "Gepland",
        "2028-Q1",
    )


def test_a_new_id_without_description_says_which_column_to_add(example) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Kenmerk", "Titel"])
    book.active.append(["bzk-2028-nieuw", "Nieuw"])
    book.save("kaal.xlsx")
    result = import_sheet(Path("kaal.xlsx"), example, DAY)
    codes = {(p.cell, p.code, dict(p.params).get("header")) for p in result.report.errors}
    assert ("A2", "missing-column", "Omschrijving") in codes
    assert ("A2", "missing-column", "Inkopende organisatie (kenmerk)") in codes
    assert not (example / "tenders" / "bzk-2028-nieuw.yaml").exists()


def test_dry_run_reports_what_it_would_write_and_writes_nothing(run, example, calendar) -> None:
    edited(calendar, {(TENDER, "Titel"): "Proef"}, Path("planning.xlsx"))
    before = snapshot(example)
    result = run("import", "planning.xlsx", "--dry-run", "--today", TODAY)
    assert result.code == 0
    assert f"bijgewerkt: data/tenders/{TENDER}.yaml" in result.out
    assert "Proefrun: er is niets geschreven." in result.out
    assert snapshot(example) == before
    result = run("import", "planning.xlsx", "--today", TODAY, "--lang", "en")
    assert result.code == 0 and "1 updated, 42 unchanged" in result.out
    assert yaml.safe_load((example / "tenders" / f"{TENDER}.yaml").read_text())["title"]["nl"] == (
        "Proef"
    )


@pytest.mark.parametrize("value", ["No", "on", "12:30", "2027-05-14", "0123", "1e3", "~", "null"])
def test_new_text_is_quoted_where_the_site_would_read_it_otherwise(value: str, tmp_path) -> None:
    doc = yaml_edit.load("contact:\n  email: a@example.org\n")
    yaml_edit.Editor(doc, {}).set(("contact", "name"), value)
    path = tmp_path / "t.yaml"
    path.write_text(yaml_edit.dump(doc))
    _, raw, problems = read_yaml(path, "t.yaml")
    assert problems == [] and raw["contact"]["name"] == value


# --- The blank template ------------------------------------------------------------------


def test_the_template_is_a_download_with_the_calendar_headers_and_no_rows(example) -> None:
    data, _ = validate_data(example, DAY)
    config = ocds.OcdsConfig("ocds-mvi000", "Inkopen met Impact", SITE_URL, extension_url(SITE_URL))
    files = {d.path: d for d in build_downloads(data, build_crossref(data), SITE_URL, config, DAY)}
    template = values(files[TEMPLATE_PATH].content)
    assert files[TEMPLATE_PATH].group == "template" and files[TEMPLATE_PATH].format == "XLSX"
    assert list(template) == [SHEET, "Toelichting"]
    headers = [column.header for column in COLUMNS]
    assert template[SHEET] == [[*headers, "Omschrijving"]], "the calendar's headers, no rows"
    notes = template["Toelichting"]
    assert notes[0] == ["Kolom", "Type", "Betekenis", "Meaning"]
    by_header = {row[0]: row for row in notes[1:]}
    for column in COLUMNS:
        dutch, english = by_header[column.header][2:]
        assert dutch.startswith(column.doc[0]) and english.startswith(column.doc[1])
        assert ("overgeslagen" in dutch) is column.derived
        assert ("skipped on import" in english) is column.derived
    assert "verplicht voor een nieuwe aanbesteding" in by_header["Omschrijving"][2]


def test_derived_columns_are_the_ones_the_import_skips() -> None:
    skipped = {column.header for column in IMPORT_COLUMNS if column.read is None} - {"Kenmerk"}
    assert skipped == {column.header for column in COLUMNS if column.derived}


# --- Workbooks that cannot be read -----------------------------------------------------------


def test_a_workbook_that_cannot_be_read_is_a_message_not_a_traceback(run, example) -> None:
    Path("tekst.xlsx").write_text("dit is geen werkmap")
    Path("oud.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    book = openpyxl.Workbook()
    book.active.title = "Kalender"
    book.save("leeg.xlsx")
    cases = {
        ("tekst.xlsx",): "kan niet als XLSX-werkmap worden gelezen (BadZipFile)",
        ("oud.xls",): "oud.xls is geen XLSX-bestand",
        ("weg.xlsx",): "werkmap niet gevonden: weg.xlsx",
        ("leeg.xlsx", "--sheet", "Planning"): "geen werkblad 'Planning'; de werkbladen zijn: "
        "'Kalender'",
        ("leeg.xlsx",): "het werkblad leeg.xlsx!Kalender is leeg",
    }
    for args, message in cases.items():
        result = run("import", *args)
        assert result.code == 2, args
        assert message in result.err, (args, result.err)
        assert "Traceback" not in result.err and "internal error" not in result.err


def test_a_sheet_without_id_column_is_reported_at_its_first_cell(run, example) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Titel", "Status"])
    book.active.append(["Iets", "Gepland"])
    book.save("geen-kenmerk.xlsx")
    result = run("import", "geen-kenmerk.xlsx")
    assert result.code == 1
    assert "geen-kenmerk.xlsx!Sheet!A1: fout: de kolom 'Kenmerk' ontbreekt" in result.out


def test_github_annotations_name_the_cell(run, example, calendar) -> None:
    edited(calendar, {(TENDER, "Verwachte publicatie"): "2027-Q5"}, Path("planning.xlsx"))
    result = run("import", "planning.xlsx", "--format", "github", "--today", TODAY)
    first = result.out.splitlines()[0]
    assert first.startswith(f"::error file=planning.xlsx!{SHEET},line=")
    assert "::F" in first and "Verwachte publicatie: '2027-Q5'" in first


# --- Hints followed --------------------------------------------------------------------------

Rows = list[list[Any]]


def _col(header: list[Any], name: str) -> int:
    return header.index(name)


def _with(row: list[Any], header: list[Any], **cells: Any) -> list[Any]:
    out = list(row)
    for name, value in cells.items():
        out[_col(header, name.replace("_", " "))] = value
    return out


def _lots_hint(problem: Any) -> int:
    return int(problem.hint("en").rsplit(" ", 1)[1].rstrip("."))


HINT_CASES: dict[str, tuple[Any, Any]] = {
    # code: (the bad sheet, the sheet after doing what the hint says), from (header, row)
    "english-sheet": (
        lambda h, r, p: [[ENGLISH_HEADERS.get(x, x) for x in h], r],
        lambda h, r, p: [h, r],  # "Download the Dutch calendar … and import that file"
    ),
    "missing-id-column": (
        lambda h, r, p: [["Id", *h[1:]], r],
        lambda h, r, p: [h, r],  # "Put the column names in row 1 … 'Kenmerk' is required"
    ),
    "duplicate-column": (
        lambda h, r, p: [[*h, "Titel"], [*r, "Nog een titel"]],
        lambda h, r, p: [h, r],  # "Remove or rename one of the two columns."
    ),
    "unknown-column": (
        lambda h, r, p: [[*h, "Opmerkingen"], [*r, "bellen"]],
        lambda h, r, p: [h, r],  # "other columns are skipped": it goes
    ),
    "missing-id": (
        lambda h, r, p: [h, [None, *r[1:]]],
        lambda h, r, p: [h, r],  # "Fill in the id"
    ),
    "duplicate-row": (
        lambda h, r, p: [h, r, r],
        lambda h, r, p: [h, r],  # "merge the rows or remove one"
    ),
    "required-cell": (
        lambda h, r, p: [h, _with(r, h, Status=None)],
        lambda h, r, p: [h, r],  # "Fill in the cell."
    ),
    "read-only-column": (
        lambda h, r, p: [h, _with(r, h, Aantal_percelen=3)],
        lambda h, r, p: [h, _with(r, h, Aantal_percelen=_lots_hint(p))],  # "set the cell to 0"
    ),
    "theme-cell": (
        lambda h, r, p: [h, [*r[:24], "Klimaat", *r[25:]]],
        lambda h, r, p: [h, [*r[:24], "Klimaat: ambitieus", *r[25:]]],  # "Name: level"
    ),
    "new-theme": (
        lambda h, r, p: [h, [*r[:24], f"{r[24]}; Circulair: basis", *r[25:]]],
        lambda h, r, p: [h, r],  # "or leave it out here"
    ),
    "missing-column": (
        lambda h, r, p: [h, [f"{r[0]}-bis", *r[1:24], None, *r[25:]]],
        lambda h, r, p: [  # "Add the column 'Omschrijving' and fill it in"
            [*h, dict(p.params)["header"]],
            [f"{r[0]}-bis", *r[1:24], None, *r[25:], "Een omschrijving."],
        ],
    ),
}


@pytest.mark.parametrize("code", sorted(HINT_CASES))
def test_following_a_sheet_hint_clears_the_problem(code: str, example, calendar) -> None:
    rows = values(calendar)[SHEET]
    header, row = rows[0], next(r for r in rows[1:] if r[0] == TENDER)
    assert header[24] == "MVI-thema's en ambitieniveau"
    bad, fixed = HINT_CASES[code]

    def problems(sheet_rows: Rows) -> list[Any]:
        book = openpyxl.Workbook()
        for cells in sheet_rows:
            book.active.append(cells)
        book.save("hint.xlsx")
        return import_sheet(Path("hint.xlsx"), example, DAY, write=False).report.sorted()

    found = [p for p in problems(bad(header, row, None)) if p.code == code]
    assert found, code
    after = problems(fixed(header, row, found[0]))
    assert [p for p in after if p.severity.value == "error" or p.code == code] == []


def test_following_the_hint_of_a_file_that_cannot_be_updated(example, calendar) -> None:
    path = example / "tenders" / f"{TENDER}.yaml"
    original = path.read_text()
    path.write_text(original + "status: planned\n")  # a duplicate key: ruamel.yaml refuses
    Path("p.xlsx").write_bytes(calendar)
    result = import_sheet(Path("p.xlsx"), example, DAY, write=False)
    codes = {p.code for p in result.report.errors}
    assert {"record-not-updatable", "duplicate-key"} <= codes
    path.write_text(original)  # "Repair the file first …, then import again."
    assert not import_sheet(Path("p.xlsx"), example, DAY, write=False).report.errors
