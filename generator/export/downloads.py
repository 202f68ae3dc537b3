"""Every open-data file of the site: planned with what the Open data page shows of it, then made.

All files sit under `open-data/`. The calendar's sheets exist per language (Dutch headers and
labels under `open-data/`, English ones under `open-data/en/`), each as CSV for data tools, as
CSV for Excel and as XLSX; the JSON, schemas and OCDS files are one for both languages, and the
Open data page explains them in Dutch and English. Each file is made from `Inputs`, so a build
makes again only the files whose records changed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from typing import cast
from urllib.parse import urljoin

from generator.base.i18n import LANGS, Lang
from generator.base.tables import to_csv, to_xlsx
from generator.base.urls import OPEN_DATA, SHEET_FORMATS, download_url
from generator.crossref import CrossRef
from generator.export import ocds, records_json
from generator.export.calendar_table import calendar_sheet
from generator.export.calendar_template import template_xlsx
from generator.export.effort_table import effort_sheet
from generator.history.git import History
from generator.inputs import Inputs, Reads, World
from generator.models import Tender
from generator.monitor.effort import EffortResult, effort_results
from generator.source.dataset import DataSet
from generator.source.layout import KINDS, Kind

ROOT = OPEN_DATA
EXTENSION_FILES = ("release-schema.json", "README.md")  # published as they are
EXTENSION_DIR = f"{ROOT}/ocds/extension"
TEMPLATE_PATH = f"{ROOT}/sjabloon-aanbestedingskalender.xlsx"  # blank, for `mvi-site import`
Produce = Callable[[Inputs], bytes]


@dataclass(frozen=True, eq=False)
class DownloadPlan:
    """One file to publish, before it is made: where, what, and which records it covers."""

    path: str  # site-relative: "open-data/aanbestedingskalender.csv"
    format: str  # CSV, CSV (Excel), XLSX, JSON, JSON Schema, OCDS, Markdown
    group: str  # calendar, template, category, records, schema, ocds, extension
    subject: str | None  # the category id or the kind name
    count: int | None  # records in the file, where that means something
    produce: Produce = field(repr=False)
    lang: str | None = None  # the language of a sheet; None: one file for both


@dataclass(frozen=True)
class Download:
    """One file to publish, made: its plan's facts, its size and its bytes (left out where
    only the size counts: the Open data page's list, handed from one process to another)."""

    path: str
    content: bytes
    format: str
    group: str
    subject: str | None
    count: int | None
    size: int
    lang: str | None = None

    @classmethod
    def made(cls, plan: DownloadPlan, content: bytes) -> Download:
        facts = (plan.format, plan.group, plan.subject, plan.count)
        return cls(plan.path, content, *facts, len(content), plan.lang)


def plan_downloads(
    data: DataSet, ref: CrossRef, site_url: str, ocds_config: ocds.OcdsConfig
) -> list[DownloadPlan]:
    """All files, in a stable order: calendar, template, per category, JSON, schemas, OCDS."""
    count = len(ref.tenders)
    out = [plan for lang in LANGS for plan in _sheet_files("all", None, count, site_url, lang)]
    out.append(DownloadPlan(TEMPLATE_PATH, "XLSX", "template", None, None, _Template()))
    for lang in LANGS:
        for fmt in ("xlsx", "excel-csv", "csv"):
            produce = _Effort(site_url, lang, fmt)
            out.append(
                DownloadPlan(
                    effort_url(lang, fmt), _FORMATS[fmt], "effort", None, None, produce, lang
                )
            )
    for lang in LANGS:
        for category_id in sorted(ref.tenders_by_category):
            count = len(ref.tenders_by_category[category_id])
            out += _sheet_files("category", category_id, count, site_url, lang)
    for kind in KINDS:
        stem = records_json.file_stem(kind)
        schema_path = f"{ROOT}/json/schemas/{stem}.schema.json"
        count = len(data.records(kind.name))
        records = _Records(kind)
        out.append(
            DownloadPlan(f"{ROOT}/json/{stem}.json", "JSON", "records", kind.name, count, records)
        )
        schema = _fixed(
            records_json.dumps(records_json.records_schema(kind, urljoin(site_url, schema_path)))
        )
        out.append(DownloadPlan(schema_path, "JSON Schema", "schema", kind.name, None, schema))
    for path, package in (
        (ocds.OCDS_PATH, _Package(ocds_config)),
        (ocds.RECORD_PATH, _Package(ocds_config, records=True)),
    ):
        out.append(DownloadPlan(path, "OCDS", "ocds", None, len(ref.tenders), package))
    extension = resources.files("generator.export") / "ocds_extension"
    metadata = json.loads(extension.joinpath("extension.json").read_text(encoding="utf-8"))
    published = ocds.dumps(ocds.published_extension(metadata, ocds_config))
    out.append(
        DownloadPlan(
            f"{EXTENSION_DIR}/extension.json", "JSON", "extension", None, None, _fixed(published)
        )
    )
    for name in EXTENSION_FILES:
        content = extension.joinpath(name).read_bytes()
        kind_name = "Markdown" if name.endswith(".md") else "JSON"
        out.append(
            DownloadPlan(
                f"{EXTENSION_DIR}/{name}", kind_name, "extension", None, None, _fixed(content)
            )
        )
    return out


def build_downloads(
    data: DataSet,
    ref: CrossRef,
    site_url: str,
    ocds_config: ocds.OcdsConfig,
    today: dt.date,
    history: History | None = None,
) -> list[Download]:
    """Every file made at once (for tests and tools; a build makes them through its memo).

    `today` dates what has no commit to be dated by (see `ocds.Dated`)."""
    history = history if history is not None else History(available=False, reason="no-git")
    world = World(data.frozen(), ref, history, today)
    return [
        Download.made(plan, plan.produce(Inputs(world, Reads())))
        for plan in plan_downloads(data, ref, site_url, ocds_config)
    ]


def effort_url(lang: Lang, fmt: str = "csv") -> str:
    """The effort goals' table per language and format, next to the calendar's."""
    stem = f"{ROOT}/inspanningsdoelen" if lang == "nl" else f"{ROOT}/en/effort-goals"
    return stem + SHEET_FORMATS[fmt]


def extension_url(site_url: str) -> str:
    """Where the OCDS extension's metadata is published, as the package declares it."""
    return urljoin(site_url, f"{EXTENSION_DIR}/extension.json")


_SHEET_NAMES = {"nl": ("Aanbestedingskalender", "Categorie"), "en": ("Tender calendar", "Category")}
_NOTES = {
    "nl": ("Toelichting", ("Kolom", "Type", "Betekenis")),
    "en": ("Notes", ("Column", "Type", "Meaning")),
}
_FORMATS = {"csv": "CSV", "excel-csv": "CSV (Excel)", "xlsx": "XLSX"}


@dataclass(frozen=True)
class _Sheet:
    """The calendar table of all tenders or of one category, in one language and format."""

    scope: str
    subject: str | None
    site_url: str
    fmt: str  # csv, excel-csv, xlsx
    lang: Lang

    def __call__(self, inputs: Inputs) -> bytes:
        ref = inputs.ref
        calendar, category = _SHEET_NAMES[self.lang]
        if self.subject is None:
            tenders, name = ref.tenders, calendar
        else:
            tenders, name = ref.tenders_by_category[self.subject], f"{category} {self.subject}"
        sheet = inputs.shared(
            f"calendar-sheet:{self.scope}:{self.subject}:{self.site_url}:{self.lang}",
            lambda own: calendar_sheet(
                # the views (each lookup noted) have the same names
                cast(DataSet, own.data),
                tenders,
                self.site_url,
                name,
                cast(History, own.history),
                self.lang,
            ),
        )  # one sheet, three formats
        if self.fmt == "xlsx":
            return to_xlsx(sheet, *_NOTES[self.lang])
        return to_csv(sheet, excel=self.fmt == "excel-csv")


@dataclass(frozen=True)
class _Effort:
    """Every planned tender against every effort goal it falls under, in one language."""

    site_url: str
    lang: Lang
    fmt: str  # csv, excel-csv, xlsx

    def __call__(self, inputs: Inputs) -> bytes:
        sheet = inputs.shared(
            f"effort-sheet:{self.site_url}:{self.lang}",
            lambda own: effort_sheet(_effort_results(own), self.site_url, self.lang),
        )  # one sheet, three formats
        if self.fmt == "xlsx":
            return to_xlsx(sheet, *_NOTES[self.lang])
        return to_csv(sheet, excel=self.fmt == "excel-csv")


def _effort_results(inputs: Inputs) -> list[EffortResult]:
    """The effort goals over the calendar, computed once for the six effort files."""

    def make(own: Inputs) -> list[EffortResult]:
        data, ref = cast(DataSet, own.data), cast(CrossRef, own.ref)  # views, same names
        return effort_results(data.goals.values(), ref.tenders, data)

    return inputs.shared("effort-results", make)


@dataclass(frozen=True)
class _Template:
    """The blank planning template; it depends on no record."""

    def __call__(self, inputs: Inputs) -> bytes:
        return template_xlsx()


@dataclass(frozen=True)
class _Records:
    kind: Kind

    def __call__(self, inputs: Inputs) -> bytes:
        data = cast(DataSet, inputs.data)  # the view (each lookup noted) has the same names
        return records_json.dumps(records_json.records_document(data, self.kind))


@dataclass(frozen=True)
class _Package:
    """The OCDS release package, or with `records` the record package."""

    config: ocds.OcdsConfig
    records: bool = False

    def __call__(self, inputs: Inputs) -> bytes:
        data, ref = cast(DataSet, inputs.data), cast(CrossRef, inputs.ref)  # views, same names
        history = cast(History, inputs.history)
        if self.records:  # each tender's record is kept: a change merges only its own again
            return ocds.packaged_records(ref.tenders, self.config, partial(self._record, inputs))
        package = ocds.release_package(data, ref, self.config, history, inputs.today)
        return ocds.dumps(package)

    def _record(self, inputs: Inputs, tender: Tender) -> bytes:
        def make(own: Inputs) -> bytes:
            data, history = cast(DataSet, own.data), cast(History, own.history)  # views
            found = data.tenders[tender.id]  # noted as read (`tender` was found in the list)
            return ocds.tender_record(found, data, self.config, history, own.today)

        return inputs.nested(f"ocds-record:{self.config.site_url}:{tender.id}", make)


def _fixed(content: bytes) -> Produce:
    """A file that depends on no record (a schema, the OCDS extension)."""
    return lambda inputs: content


def _sheet_files(
    scope: str, subject: str | None, count: int, site_url: str, lang: Lang
) -> list[DownloadPlan]:
    group = "calendar" if scope == "all" else scope
    return [
        DownloadPlan(
            download_url(scope, subject, fmt, lang),
            _FORMATS[fmt],
            group,
            subject,
            count,
            _Sheet(scope, subject, site_url, fmt, lang),
            lang,
        )
        for fmt in ("xlsx", "excel-csv", "csv")
    ]


def describe(downloads: Sequence[Download]) -> str:
    """What the Open data page shows of the files, as one text to take a digest of."""
    return "\n".join(
        f"{d.path} {d.format} {d.group} {d.subject} {d.count} {d.size} {d.lang}" for d in downloads
    )
