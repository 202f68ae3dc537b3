"""Open data: the CSV, Excel-CSV and XLSX downloads of each language hold the same rows and
values, typed; formulas are neutralised; every JSON file validates against its published schema;
the Open data page of each language lists its files with their true size."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from jsonschema import Draft202012Validator

from generator.base.i18n import LANGS, format_size
from generator.base.tables import YES_NO, Sheet, SheetColumn, neutralise, to_csv, to_xlsx
from generator.base.urls import download_url, section_url
from generator.crossref import build_crossref
from generator.export import ocds
from generator.export.calendar_table import COLUMNS, ENGLISH_HEADERS, calendar_sheet
from generator.export.downloads import Download, build_downloads, extension_url
from generator.history.git import History
from generator.source.layout import KINDS
from generator.validate import validate_data

SITE_URL = "https://inkopen-met-impact.example.org/"
TODAY = dt.date(2026, 11, 23)
FORMULAS = [
    '=HYPERLINK("https://evil.example","klik")',
    "+31 70 123 4567",
    "-2+3",
    "@SUM(A1:A2)",
    "=cmd|' /C calc'!A0",
]


def _config() -> ocds.OcdsConfig:
    return ocds.OcdsConfig(
        ocid_prefix="ocds-mvi000",
        publisher_name="Inkopen met Impact",
        site_url=SITE_URL,
        extension_url=extension_url(SITE_URL),
    )


@pytest.fixture(scope="module")
def downloads(example_data) -> dict[str, Download]:
    files = build_downloads(example_data, build_crossref(example_data), SITE_URL, _config(), TODAY)
    return {download.path: download for download in files}


def _csv_rows(content: bytes, separator: str = ",") -> list[list[str]]:
    assert not content.startswith(b"\xef\xbb\xbf"), "the plain CSV has no byte-order mark"
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline=""), delimiter=separator))


def _excel_rows(content: bytes, separator: str) -> list[list[str]]:
    """As Excel reads it: the byte-order mark says UTF-8, the locale's list separator splits."""
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


def _xlsx_rows(content: bytes) -> list[list[object]]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def _as_csv_text(value: object) -> str:
    """What the CSV writes for an XLSX cell value of each type."""
    if value is None:
        return ""
    assert not isinstance(value, bool), "yes/no is the same word in every format"
    if isinstance(value, dt.datetime):
        assert value.time() == dt.time(), "dates carry no time of day"
        return value.date().isoformat()
    return str(value)


def test_xlsx_and_csv_hold_the_same_rows_and_values(example_data, downloads) -> None:
    pairs = [p.removesuffix(".csv") for p in downloads if p.endswith(".csv")]
    pairs = [p for p in pairs if not p.endswith(".excel")]
    for lang in LANGS:
        assert download_url("all", None, "csv", lang).removesuffix(".csv") in pairs
    assert len(pairs) > 4, "the whole calendar and at least two categories, in both languages"
    for stem in pairs:
        csv_rows = _csv_rows(downloads[f"{stem}.csv"].content)
        xlsx_rows = _xlsx_rows(downloads[f"{stem}.xlsx"].content)
        assert [_as_csv_text(v) for v in xlsx_rows[0]] == csv_rows[0]
        count = downloads[f"{stem}.csv"].count  # None: the effort goals' rows are not planned
        assert len(xlsx_rows) == len(csv_rows) == (len(csv_rows) if count is None else count + 1)
        for xlsx_row, csv_row in zip(xlsx_rows[1:], csv_rows[1:], strict=True):
            assert [_as_csv_text(v) for v in xlsx_row] == csv_row
    whole = _csv_rows(downloads[download_url("all", None, "csv")].content)
    assert len(whole) - 1 == len(example_data.tenders)


@pytest.mark.parametrize(("lang", "separator"), [("nl", ";"), ("en", ",")])
def test_the_csv_for_excel_opens_in_columns_with_its_letters_intact(
    downloads, lang: str, separator: str
) -> None:
    for scope, subject in (("all", None), ("category", "bedrijfskleding")):
        plain = downloads[download_url(scope, subject, "csv", lang)]
        excel = downloads[download_url(scope, subject, "excel-csv", lang)]
        assert (excel.format, excel.lang) == ("CSV (Excel)", lang)
        rows = _excel_rows(excel.content, separator)
        assert rows == _csv_rows(plain.content), "the same cells as the plain CSV"
        assert len(rows[0]) == len(COLUMNS), "a double-click gives one column per field"
    sheet = Sheet("x", [SheetColumn("Titel", "text", "")], [["Hygiëne; één, “twee”"]], lang)
    assert _excel_rows(to_csv(sheet, excel=True), separator) == [["Titel"], [sheet.rows[0][0]]]


def test_xlsx_columns_are_typed(downloads) -> None:
    rows = _xlsx_rows(downloads[download_url("all", None, "xlsx")].content)
    header, body = rows[0], rows[1:]
    expected = {"integer": int, "date": dt.datetime, "boolean": str, "text": str, "url": str}
    filled = set()
    for column in COLUMNS:
        values = [row[header.index(column.header)] for row in body]
        for value in values:
            if value is not None:
                assert type(value) is expected[column.kind], (column.header, value)
                filled.add(column.kind)
            if column.kind == "boolean":
                assert value in YES_NO["nl"], (column.header, value)
    assert filled == set(expected), "the example data fill a column of every type"


def test_csv_headers_are_dutch_and_first_rows_follow_the_calendar(downloads, example_data) -> None:
    rows = _csv_rows(downloads[download_url("all", None, "csv")].content)
    assert rows[0][:3] == ["Kenmerk", "Titel", "Voorbeeld"]
    ids = [row[0] for row in rows[1:]]
    ref = build_crossref(example_data)
    assert ids == [tender.id for tender in ref.tenders]
    for row in rows[1:]:
        assert row[2] == "ja", "every example tender says it is an example"


def test_the_english_downloads_have_english_headers_labels_and_titles(
    downloads, example_data
) -> None:
    rows = _csv_rows(downloads[download_url("all", None, "csv", "en")].content)
    assert rows[0] == [ENGLISH_HEADERS[column.header] for column in COLUMNS]
    assert len(set(rows[0])) == len(rows[0]), "every English header names one column"
    ref = build_crossref(example_data)
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    for tender in ref.tenders:
        row = by_id[tender.id]
        assert row["Title"] == tender.title.get("en")
        assert row["Example"] == "yes" and row["Status"] in (
            "Planned",
            "Market consultation",
            "Withdrawn",
        )
        assert row["Web page"].endswith(f"/en/{row['Web page'].split('/en/', 1)[1]}")
    book = openpyxl.load_workbook(
        io.BytesIO(downloads[download_url("all", None, "xlsx", "en")].content)
    )
    assert [ws.title for ws in book.worksheets] == ["Tender calendar", "Notes"]
    notes = [[c.value for c in row] for row in book.worksheets[1].iter_rows()]
    assert notes[0] == ["Column", "Type", "Meaning"] and notes[1][0] == "Key"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def formula_data(data_dir_factory):
    """Minimal data whose text fields start with spreadsheet formulas; they validate."""
    folder = data_dir_factory()
    tender = next((folder / "tenders").glob("*.yaml"))
    text = tender.read_text()
    text = re.sub(r"(?m)^title: .*$", f"title: {_quoted(FORMULAS[0])}", text, count=1)
    contact = f"contact: {{email: inkoop@example.org, name: {_quoted(FORMULAS[3])}, "
    contact += f"phone: {_quoted(FORMULAS[1])}}}"
    text = re.sub(r"(?m)^contact: .*$", contact, text, count=1)
    tender.write_text(text)
    data, report = validate_data(folder, TODAY)
    assert report.ok(), report
    return data


def test_formula_injection_fixture_comes_out_neutralised(formula_data) -> None:
    ref = build_crossref(formula_data)
    no_history = History(available=False, reason="no-git")
    sheet = calendar_sheet(formula_data, ref.tenders, SITE_URL, "Kalender", no_history)
    assert ref.tenders[0].title.nl == FORMULAS[0], "validation let the formula through"
    cells = [cell for row in _csv_rows(to_csv(sheet)) for cell in row]
    for payload in (FORMULAS[0], FORMULAS[1], FORMULAS[3]):
        assert "'" + payload in cells
        assert payload not in cells
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(sheet, "Toelichting", ("a", "b", "c"))))
    xlsx_cells = [c for row in book.worksheets[0].iter_rows() for c in row]
    assert not [c for c in xlsx_cells if c.data_type == "f"], "no cell is a formula"
    assert "'" + FORMULAS[0] in [c.value for c in xlsx_cells]


@pytest.mark.parametrize("payload", [*FORMULAS, "\t=1", "\r=1"])
def test_every_formula_start_is_neutralised_in_both_formats(payload: str) -> None:
    sheet = Sheet("x", [SheetColumn(payload, "text", payload)], [[payload], [None]])
    rows = _csv_rows(to_csv(sheet))
    assert rows == [[neutralise(payload)], ["'" + payload], [""]]
    assert neutralise(payload) == "'" + payload
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(sheet, "Notes", ("a", "b", "c"))))
    # XLSX stores a carriage return as the escape _x000D_, which openpyxl leaves as it is.
    values = [
        [c.value.replace("_x000D_", "\r") for c in row] for row in book.worksheets[0].iter_rows()
    ]
    assert values == [["'" + payload], ["'" + payload]]
    notes = [
        [c.value.replace("_x000D_", "\r") for c in row] for row in book.worksheets[1].iter_rows()
    ]
    assert notes[1] == ["'" + payload, "text", "'" + payload]


def test_a_cell_of_the_wrong_type_is_refused() -> None:
    sheet = Sheet("x", [SheetColumn("Aantal", "integer", "")], [["12"]])
    with pytest.raises(TypeError, match="Aantal"):
        to_csv(sheet)
    sheet = Sheet("x", [SheetColumn("Aantal", "integer", "")], [[True]])
    with pytest.raises(TypeError, match="Aantal"):
        to_csv(sheet)


def test_downloads_are_the_same_bytes_every_build(example_data, downloads) -> None:
    again = build_downloads(example_data, build_crossref(example_data), SITE_URL, _config(), TODAY)
    assert {d.path: d.content for d in again} == {p: d.content for p, d in downloads.items()}


def test_every_json_file_validates_against_its_schema(example_data, downloads) -> None:
    for kind in KINDS:
        stem = kind.path.removesuffix(".yaml")
        document = json.loads(downloads[f"open-data/json/{stem}.json"].content)
        schema = json.loads(downloads[f"open-data/json/schemas/{stem}.schema.json"].content)
        Draft202012Validator.check_schema(schema)
        errors = list(Draft202012Validator(schema).iter_errors(document))
        assert not errors, f"{stem}: {errors[0].message} at {list(errors[0].absolute_path)}"
        assert schema["$id"] == f"{SITE_URL}open-data/json/schemas/{stem}.schema.json"
        ids = [record["id"] for record in document["records"]]
        assert ids == sorted(example_data.records(kind.name)), stem


def test_a_broken_record_fails_its_schema(downloads) -> None:
    document = json.loads(downloads["open-data/json/tenders.json"].content)
    schema = json.loads(downloads["open-data/json/schemas/tenders.schema.json"].content)
    document["records"][0]["kind"] = "spaceships"
    document["records"][1]["undeclared"] = True
    assert len(list(Draft202012Validator(schema).iter_errors(document))) == 2


def test_the_open_data_page_lists_every_file_with_its_size(built_site: Path) -> None:
    files = sorted(p for p in (built_site / "open-data").rglob("*") if p.is_file())
    data_files = [p for p in files if p.name != "index.html"]
    assert len(data_files) > 20
    for lang in LANGS:
        html = (built_site / section_url("open-data", lang) / "index.html").read_text()
        html = html.replace("<wbr>", "")  # where a long file name may break
        for path in data_files:
            name = path.relative_to(built_site).as_posix()
            english = name.startswith("open-data/en/")
            sheet = path.suffix in (".csv", ".xlsx") and "sjabloon" not in name
            rel = path.relative_to(built_site / "open-data").as_posix()
            linked = re.search(rf'["/]{re.escape(rel)}"', html)
            if sheet and english != (lang == "en"):
                assert not linked, (lang, name, "the other language's sheet")
                continue
            assert f"{name.rsplit('/', 1)[-1]}</a>" in html and linked, (lang, name)
            if path.suffix in (".csv", ".xlsx") or ("/json/" in name and "schemas" not in name):
                assert format_size(path.stat().st_size, lang) in html, (lang, name)
        for column in COLUMNS:
            assert column.description(lang) in html.replace("&#39;", "'")
            assert column.heading(lang) in html.replace("&#39;", "'")
        assert "CC0 1.0" in html


def test_the_site_publishes_the_ocds_package_and_its_extension(built_site: Path) -> None:
    package = json.loads((built_site / ocds.OCDS_PATH).read_text())
    ours = [url for url in package["extensions"] if not url.startswith(ocds._EXTENSION_BASE)]
    assert len(ours) == 1
    path = ours[0].removeprefix(package["uri"].removesuffix(ocds.OCDS_PATH))
    metadata = json.loads((built_site / path).read_text())
    readme = metadata["documentationUrl"]["en"].removeprefix(
        package["uri"].removesuffix(ocds.OCDS_PATH)
    )
    assert (built_site / readme).read_text().startswith("#")
    for schema in metadata["schemas"]:
        assert json.loads((built_site / path).parent.joinpath(schema).read_text())
