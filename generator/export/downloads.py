"""Every open-data file of the site, built once per build: the hooks write them, the Open data
page lists them with their sizes.

All files sit under `open-data/`, shared by both languages: the headers and code labels are
Dutch, and the Open data page explains them in Dutch and English.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urljoin

from generator.base.tables import Sheet, to_csv, to_xlsx
from generator.base.urls import OPEN_DATA, download_url
from generator.crossref import CrossRef
from generator.export import ocds, records_json
from generator.export.calendar_table import calendar_sheet
from generator.source.dataset import DataSet
from generator.source.layout import KINDS

ROOT = OPEN_DATA
EXTENSION_FILES = ("release-schema.json", "README.md")  # published as they are
EXTENSION_DIR = f"{ROOT}/ocds/extension"
_NOTES = ("Toelichting", ("Kolom", "Type", "Betekenis"))


@dataclass(frozen=True)
class Download:
    """One file to publish: where, what, and which record or kind it covers."""

    path: str  # site-relative: "open-data/aanbestedingskalender.csv"
    content: bytes
    format: str  # CSV, XLSX, JSON, JSON Schema, OCDS
    group: str  # calendar, category, records, schema, ocds, extension
    subject: str | None = None  # the category id or the kind name
    count: int | None = None  # records in the file, where that means something

    @property
    def size(self) -> int:
        return len(self.content)


def build_downloads(
    data: DataSet, ref: CrossRef, site_url: str, ocds_config: ocds.OcdsConfig
) -> list[Download]:
    """All files, in a stable order: calendar, per category, JSON, schemas, OCDS."""
    sheet = calendar_sheet(data, ref.tenders, site_url, "Aanbestedingskalender")
    out = _sheet_files(sheet, "all", None)
    for category_id in sorted(ref.tenders_by_category):
        tenders = ref.tenders_by_category[category_id]
        sheet = calendar_sheet(data, tenders, site_url, f"Categorie {category_id}")
        out += _sheet_files(sheet, "category", category_id)
    for kind in KINDS:
        stem = records_json.file_stem(kind)
        schema_path = f"{ROOT}/json/schemas/{stem}.schema.json"
        document = records_json.records_document(data, kind)
        out.append(
            Download(
                f"{ROOT}/json/{stem}.json",
                records_json.dumps(document),
                "JSON",
                "records",
                kind.name,
                len(document["records"]),
            )
        )
        schema = records_json.records_schema(kind, urljoin(site_url, schema_path))
        out.append(
            Download(schema_path, records_json.dumps(schema), "JSON Schema", "schema", kind.name)
        )
    package = ocds.release_package(data, ref, ocds_config)
    out.append(
        Download(
            ocds.OCDS_PATH, ocds.dumps(package), "OCDS", "ocds", None, len(package["releases"])
        )
    )
    extension = resources.files("generator.export") / "ocds_extension"
    metadata = json.loads(extension.joinpath("extension.json").read_text(encoding="utf-8"))
    published = ocds.dumps(ocds.published_extension(metadata, ocds_config))
    out.append(Download(f"{EXTENSION_DIR}/extension.json", published, "JSON", "extension"))
    for name in EXTENSION_FILES:
        content = extension.joinpath(name).read_bytes()
        kind = "Markdown" if name.endswith(".md") else "JSON"
        out.append(Download(f"{EXTENSION_DIR}/{name}", content, kind, "extension"))
    return out


def extension_url(site_url: str) -> str:
    """Where the OCDS extension's metadata is published, as the package declares it."""
    return urljoin(site_url, f"{EXTENSION_DIR}/extension.json")


def _sheet_files(sheet: Sheet, scope: str, subject: str | None) -> list[Download]:
    group, count = ("calendar" if scope == "all" else scope), len(sheet.rows)
    return [
        Download(download_url(scope, subject, "csv"), to_csv(sheet), "CSV", group, subject, count),
        Download(
            download_url(scope, subject, "xlsx"),
            to_xlsx(sheet, *_NOTES),
            "XLSX",
            group,
            subject,
            count,
        ),
    ]
