"""OCDS with its history: one release per change from Git, and a record package made with ocdsmerge.

A scratch Git repository tells a tender's story on five dates (announced, publication moved,
a wage bill estimated, published on TenderNed, awarded) and another's withdrawal. Both packages
hold one release per change that OCDS carries, with the right tags, dates and ids, and validate
with zero errors in libcoveocds (the library behind the OCDS Data Review Tool) and against the
official schemas with jsonschema. Everything is offline: libcoveocds is given the standard from
tests/ocds/ as a ZIP, every extension it asks for is served from tests/ocds/ (at the version the
package pins) and from our extension's folder, and any other request, or any socket opened,
fails the test.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import socket
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ocdsextensionregistry.util
import pytest
import requests
from conftest import TODAY, build_into
from jsonschema import Draft4Validator
from libcoveocds.api import ocds_json_output
from libcoveocds.config import LibCoveOCDSConfig
from ocdsextensionregistry.versioned_release_schema import get_versioned_release_schema
from ocdsmerge import Merger
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from test_history import SECOND, _edit, _git
from test_ocds import (
    CONFIG,
    EXTENSION_DIR,
    FORMATS,
    OCDS_DIR,
    RELEASE_URL,
    codelist_problems,
    release_schema,
    schema_errors,
    undeclared_fields,
    walk,
)

from generator.base.clock import AMSTERDAM
from generator.base.urls import section_url
from generator.crossref import build_crossref
from generator.export import ocds
from generator.export.downloads import build_downloads
from generator.history.diff import RecordChange
from generator.history.git import Commit, Event, History, read_history
from generator.models import Tender
from generator.validate import validate_data

ROOT = Path(__file__).resolve().parent.parent
TENDER = "rvb-2026-zonnepanelen"
OTHER = "rvb-2028-led-verlichting"
PREFIX = CONFIG.ocid_prefix
DAY = dt.date.fromisoformat(TODAY)
NO = History(available=False, reason="no-git")
STORY = """\
title: {nl: Zonnepanelen, en: Solar panels}
description: {nl: Panelen op daken., en: Panels on roofs.}
buyer: rvb
category: ict-werkplekken
cpv: [09331100-9]
kind: works
procedure: open
estimated_value: {min: 1000000, max: 2000000}
above_eu_threshold: false
expected_publication: 2026-Q2
contract_start: 2027-01
market_consultation:
  planned: 2026-03
themes:
  klimaat:
    level: ambitieus
    applied_as: [award-criteria]
certainty: planned
status: planned
contact: {email: inkoop@example.org}
example: true
"""
NOTICE = "https://www.tenderned.nl/aankondigingen/overzicht/345678"
ANNOUNCED = "2026-02-02T10:00:00+01:00"
MOVED = "2026-04-20T09:00:00+02:00"
WAGE_BILL = "2026-06-15T09:00:00+02:00"
PUBLISHED = "2026-09-14T16:00:00+02:00"
AWARDED = "2026-11-02T11:00:00+01:00"
WITHDRAWN = "2026-11-10T09:00:00+01:00"


@pytest.fixture(scope="module")
def repo(data_dir_factory) -> Path:
    """The story: announced, moved, a wage bill (no OCDS change), published, awarded; and
    another tender withdrawn."""
    data = data_dir_factory()
    root = data.parent
    (data / "tenders" / "rvb-2027-zonnepanelen.yaml").unlink()
    tender, other = data / "tenders" / f"{TENDER}.yaml", data / "tenders" / f"{OTHER}.yaml"
    tender.write_text(STORY)
    other.write_text(SECOND)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "data")
    _git(root, "commit", "-qm", "Zonnepanelen aangekondigd", date=ANNOUNCED)
    steps = [
        (tender, "expected_publication: 2026-Q2", "expected_publication: 2026-Q3", MOVED),
        (
            tender,
            "above_eu_threshold:",
            "estimated_wage_bill: 400000\nabove_eu_threshold:",
            WAGE_BILL,
        ),
        (
            tender,
            "certainty: planned\nstatus: planned",
            f"certainty: confirmed\nstatus: published\ntenderned_url: {NOTICE}\n"
            "published_on: 2026-09-14",
            PUBLISHED,
        ),
        (tender, "status: published", "status: awarded\nawarded_on: 2026-10-30", AWARDED),
        (
            other,
            "status: planned",
            "status: withdrawn\nwithdrawal_reason: {nl: Opgenomen in een ander contract.}\n"
            "withdrawn_on: 2026-11-09",
            WITHDRAWN,
        ),
    ]
    for path, old, new, date in steps:
        _edit(path, old, new)
        _git(root, "commit", "-qam", f"Stap op {date[:10]}", date=date)
    return root


def _sha(repo: Path, date: str) -> str:
    """The hash of the commit made at `date`."""
    log = _git(repo, "log", "--format=%H %cI")
    return next(line.split()[0] for line in log.splitlines() if line.endswith(date))


def _inputs(data_dir: Path) -> tuple[Any, Any, History]:
    data, report = validate_data(data_dir, DAY)
    assert report.ok(), report
    return data, build_crossref(data), read_history(data_dir)


@pytest.fixture(scope="module")
def packages(repo: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    data, ref, history = _inputs(repo / "data")
    release_package = ocds.release_package(data, ref, CONFIG, history, DAY)
    record_package = ocds.record_package(data, ref, CONFIG, history, DAY)
    return json.loads(ocds.dumps(release_package)), json.loads(ocds.dumps(record_package))


def _record(record_package: dict[str, Any], tender_id: str) -> dict[str, Any]:
    [found] = [r for r in record_package["records"] if r["ocid"] == f"{PREFIX}-{tender_id}"]
    return found


# --- Offline: no socket, and every file libcoveocds asks for served from tests/ocds -------------


class Offline(RuntimeError):
    """Something asked for a file we do not serve, or opened a socket: never the network."""


PINNED = {  # the registry extensions at the versions the package declares and tests/ocds holds
    "ocds_lots_extension": "v1.1.5",
    "ocds_communication_extension": "57a1567a85b9480ca10210fabbdbbbea5378f3f9",
    "ocds_suitability_extension": "271f51cef1160e66d8952a7e683f1d8375efcc95",
    "ocds_sustainability_extension": "b8d93a0edb8e0ac2f27f733cccf3884e392346e9",
}
_RAW = "https://raw.githubusercontent.com/open-contracting-extensions/"
_ARCHIVE = "https://github.com/open-contracting-extensions/"
_STANDARD = "https://standard.open-contracting.org/schema/1__1__5/"


def _zip(prefix: str, files: Iterator[tuple[str, Path]]) -> bytes:
    """A ZIP as GitHub serves a repository: one top folder, then the files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{prefix}/", "")
        for name, path in files:
            archive.write(path, f"{prefix}/{name}")
    return buffer.getvalue()


def standard_zip() -> bytes:
    """The 1.1.5 schema folder of the standard, as libcoveocds's `standard_zip`."""
    names = [
        "release-schema.json",
        "release-package-schema.json",
        "record-package-schema.json",
        "versioned-release-validation-schema.json",
    ]
    files = [(f"schema/{name}", OCDS_DIR / name) for name in names]
    files += [(f"schema/codelists/{p.name}", p) for p in sorted(OCDS_DIR.glob("codelists/*.csv"))]
    return _zip("standard-1__1__5", iter(files))


def served(url: str) -> bytes:
    """The local copy of `url`, or Offline."""
    if url.startswith(_RAW):
        repo, ref, path = url.removeprefix(_RAW).split("/", 2)
        if PINNED.get(repo) == ref and (OCDS_DIR / "extensions" / repo / path).is_file():
            return (OCDS_DIR / "extensions" / repo / path).read_bytes()
    if url.startswith(_ARCHIVE) and url.endswith(".zip") and url.count("/") == 6:
        repo, _, ref = url.removeprefix(_ARCHIVE).removesuffix(".zip").split("/")
        folder = OCDS_DIR / "extensions" / repo
        if PINNED.get(repo) == ref:
            files = (
                (p.relative_to(folder).as_posix(), p)
                for p in sorted(folder.rglob("*"))
                if p.is_file()
            )
            return _zip(f"{repo}-{ref}", files)
    if url.startswith(_STANDARD) and (OCDS_DIR / url.removeprefix(_STANDARD)).is_file():
        return (OCDS_DIR / url.removeprefix(_STANDARD)).read_bytes()
    ours = CONFIG.extension_url.rsplit("/", 1)[0] + "/"
    if url == CONFIG.extension_url:
        metadata = json.loads((EXTENSION_DIR / "extension.json").read_text(encoding="utf-8"))
        return ocds.dumps(ocds.published_extension(metadata, CONFIG))
    if url.startswith(ours) and (EXTENSION_DIR / url.removeprefix(ours)).is_file():
        return (EXTENSION_DIR / url.removeprefix(ours)).read_bytes()
    raise Offline(f"not served offline: {url}")


@dataclass
class Network:
    """What the code under test asked for (answered locally) and the sockets it tried."""

    asked: list[str] = field(default_factory=list)
    refused: list[object] = field(default_factory=list)


@pytest.fixture
def offline(monkeypatch) -> Iterator[Network]:
    """Requests answered from the local copies, every socket refused; a test that tried one
    fails."""
    network = Network()

    def get(url: str, *args: Any, **kwargs: Any) -> requests.Response:
        network.asked.append(url)
        response = requests.Response()
        response._content, response.status_code, response.url = served(url), 200, url
        response.encoding = "utf-8"
        return response

    def refuse(*args: Any, **kwargs: Any) -> Any:
        network.refused.append(args)
        raise Offline(f"a socket was opened: {args!r}")

    monkeypatch.setattr(requests, "get", get)  # jsonref's and ocdsextensionregistry's loaders
    monkeypatch.setattr(ocdsextensionregistry.util.session, "get", get)  # extensions, the ZIPs
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    yield network
    assert network.refused == [], "something tried the network"


def cove(package: dict[str, Any]) -> dict[str, Any]:
    """libcoveocds's report on a package, as the Data Review Tool's API gives it."""
    config = LibCoveOCDSConfig({"standard_zip": standard_zip(), "context": "api"})
    with tempfile.TemporaryDirectory(prefix="cove-") as scratch:  # it writes the extended schema
        return ocds_json_output(
            scratch, json_data=copy.deepcopy(package), lib_cove_ocds_config=config
        )


LANGUAGE_VARIANTS = {"title_en", "description_en", "name_en"}  # patternProperties in OCDS


def assert_clean(report: dict[str, Any], package: dict[str, Any]) -> None:
    """Zero errors, every extension read, no code outside its codelist, no check failed."""
    assert report["validation_errors"] == []
    assert report["extensions"]["invalid_extensions"] == []
    declared = {e["url"] for e in report["extensions"]["extensions"]}
    assert declared == set(package["extensions"])
    assert report["additional_closed_codelist_values"] == {}
    assert report["additional_open_codelist_values"] == {}
    assert report["deprecated_fields"] == []
    assert dict(report["additional_checks"]) == {}
    # libcoveocds's field list does not read patternProperties, and it checks a versioned
    # release against the core versioned schema only: our extensions' fields are "additional"
    # there. Both are checked below with the extended schemas.
    for found in report["additional_fields"]:
        if "/versionedRelease" not in found["path"]:
            assert found["field"] in LANGUAGE_VARIANTS, found


# --- Schemas with jsonschema -------------------------------------------------------------------


def versioned_schema() -> dict[str, Any]:
    """The versioned release schema made from our extended release schema, as the standard
    makes its own from the core one; with the language variants (`title_en`) versioned too, as
    ocdsmerge versions every text (the standard's schema leaves them plain strings)."""
    schema = get_versioned_release_schema(release_schema(), "1__1__5")
    text = {"type": ["string", "null"]}
    versioned = {"$ref": "#/definitions/StringNullVersioned"}
    for name, definition in schema["definitions"].items():
        patterns = definition.get("patternProperties", {})
        if not name.endswith("Unversioned"):
            for pattern, declared in patterns.items():
                if declared == text:
                    patterns[pattern] = versioned
    return schema


def record_package_errors(package: dict[str, Any]) -> list[str]:
    """Errors against the official record package schema, its releases and compiled release
    resolved to the extended release schema, its versioned release to the extended versioned
    schema."""
    schema = json.loads((OCDS_DIR / "record-package-schema.json").read_text(encoding="utf-8"))
    versioned_url = RELEASE_URL.replace("release-schema", "versioned-release-validation-schema")
    registry = Registry().with_resources(
        [
            (RELEASE_URL, Resource.from_contents(release_schema(), DRAFT4)),
            (versioned_url, Resource.from_contents(versioned_schema(), DRAFT4)),
        ]
    )
    validator = Draft4Validator(schema, registry=registry, format_checker=FORMATS)
    errors = validator.iter_errors(package)
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)


def _as_releases(record_package: dict[str, Any]) -> dict[str, Any]:
    """Every embedded and compiled release, as a release package's list (for the walks)."""
    items = [
        item
        for record in record_package["records"]
        for item in [*record["releases"], record["compiledRelease"]]
    ]
    return {"releases": items}


# --- 1. One release per change ------------------------------------------------------------------


def test_each_change_ocds_carries_is_one_release_dated_by_its_commit(repo: Path, packages):
    release_package, _ = packages
    mine = [r for r in release_package["releases"] if r["ocid"] == f"{PREFIX}-{TENDER}"]
    assert [(r["date"], r["tag"]) for r in mine] == [
        (ANNOUNCED, ["planning"]),
        (MOVED, ["planningUpdate"]),
        (PUBLISHED, ["tender"]),  # the wage bill's commit changes nothing OCDS carries
        (AWARDED, ["award"]),
    ]
    assert [r["id"] for r in mine] == [
        f"{PREFIX}-{TENDER}-{_sha(repo, date)[:12]}"
        for date in (ANNOUNCED, MOVED, PUBLISHED, AWARDED)
    ]
    assert [r["tender"]["status"] for r in mine] == ["planned", "planned", "active", "complete"]
    other = [r for r in release_package["releases"] if r["ocid"] == f"{PREFIX}-{OTHER}"]
    assert [(r["date"], r["tag"], r["tender"]["status"]) for r in other] == [
        (ANNOUNCED, ["planning"], "planned"),
        (WITHDRAWN, ["tenderCancellation"], "withdrawn"),
    ]
    assert len(release_package["releases"]) == 6
    assert release_package["publishedDate"] == WITHDRAWN


def test_the_releases_say_what_changed_and_clear_what_is_gone(packages):
    release_package, _ = packages
    planned, moved, published, awarded = [
        r for r in release_package["releases"] if r["ocid"] == f"{PREFIX}-{TENDER}"
    ]
    assert planned["tender"]["communication"]["futureNoticeDate"] == "2026-04-01T00:00:00+02:00"
    assert moved["tender"]["communication"]["futureNoticeDate"] == "2026-07-01T00:00:00+02:00"
    # Published: no notice is to come any more, the consultation is no longer scheduled.
    assert published["tender"]["communication"] == {
        "futureNoticeDate": None,
        "futureNoticeDatePrecision": None,
    }
    assert published["planning"]["milestones"][0]["status"] is None
    [notice] = [d for d in published["tender"]["documents"] if d["documentType"] == "tenderNotice"]
    assert (notice["url"], notice["datePublished"]) == (NOTICE, "2026-09-14T00:00:00+02:00")
    assert "awards" not in published
    assert awarded["awards"] == [
        {"id": "award", "status": "active", "date": "2026-10-30T00:00:00+01:00"}
    ]
    assert "communication" not in awarded["tender"], "cleared once, not again"
    withdrawn = [r for r in release_package["releases"] if r["ocid"] == f"{PREFIX}-{OTHER}"][-1]
    [reason] = [
        d
        for d in withdrawn["tender"]["documents"]
        if d["documentType"] != "plannedProcurementNotice"
    ]
    assert (reason["documentType"], reason["datePublished"]) == (
        "cancellationDetails",
        "2026-11-09T00:00:00+01:00",
    )


def test_a_rebuild_of_the_same_commits_gives_the_same_bytes(repo: Path, packages):
    data, ref, history = _inputs(repo / "data")
    later = DAY + dt.timedelta(days=30)  # the build's day dates nothing that has a commit
    again = ocds.dumps(ocds.release_package(data, ref, CONFIG, history, later))
    assert again == ocds.dumps(packages[0])
    again = ocds.dumps(ocds.record_package(data, ref, CONFIG, history, later), compact=True)
    assert again == ocds.dumps(packages[1], compact=True)


def test_a_change_not_yet_committed_is_one_release_dated_by_the_build(repo: Path, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", f"file://{repo}", str(clone)], check=True)
    _edit(clone / "data" / "tenders" / f"{TENDER}.yaml", "level: ambitieus", "level: significant")
    data, ref, history = _inputs(clone / "data")
    package = ocds.record_package(data, ref, CONFIG, history, DAY)
    [only] = _record(package, TENDER)["releases"]
    assert only["date"] == ocds.timestamp(DAY)
    assert only["tag"] == ["tender", "award"]  # a first release of an awarded tender
    assert only["id"].startswith(f"{PREFIX}-{TENDER}-{TODAY}-")
    assert len(_record(package, OTHER)["releases"]) == 2, "the other tender keeps its history"
    assert record_package_errors(package) == []


def _story(tender: Tender, *steps: dict[str, Any]) -> History:
    """A history of one tender: its first version, then each step's fields changed, one commit
    a month from January 2026 (commit hashes 1…, 2…, …)."""
    versions = [tender]
    for step in steps:
        versions.append(versions[-1].model_copy(update=step))
    events = [
        Event(
            Commit(str(n + 1) * 40, dt.datetime(2026, n + 1, 1, 9, tzinfo=AMSTERDAM), "edit"),
            RecordChange("tender", tender.id, "changed", before, after),
        )
        for n, (before, after) in enumerate(zip([None, *versions], versions, strict=False))
    ]
    return History(available=True, events=events[::-1])


PUBLISH = {"status": "published", "tenderned_url": NOTICE, "published_on": dt.date(2026, 2, 1)}
AWARD = {"status": "awarded", "awarded_on": dt.date(2026, 3, 1)}


@pytest.mark.parametrize(
    ("steps", "tags"),
    [
        # Straight from planned to awarded: the tender and the award at once.
        ([{**PUBLISH, **AWARD}], [["planning"], ["tender", "award"]]),
        # The award's day corrected, then only the tender: awardUpdate, then tenderUpdate.
        (
            [
                PUBLISH,
                AWARD,
                {"awarded_on": dt.date(2026, 3, 2)},
                {"social_impact_weighting": 60},
            ],
            [["planning"], ["tender"], ["award"], ["awardUpdate"], ["tenderUpdate"]],
        ),
        # An award undone: the tender's update and the award's cancellation.
        (
            [PUBLISH, AWARD, {"status": "published", "awarded_on": None}],
            [["planning"], ["tender"], ["award"], ["tenderUpdate", "awardCancellation"]],
        ),
        # Withdrawn after publication, then reinstated.
        (
            [PUBLISH, {"status": "withdrawn", "withdrawn_on": dt.date(2026, 3, 1)}, PUBLISH],
            [["planning"], ["tender"], ["tenderCancellation"], ["tenderUpdate"]],
        ),
    ],
)
def test_tags_follow_the_stages(example_data, steps: list[dict[str, Any]], tags):
    tender = next(t for t in build_crossref(example_data).tenders if t.status == "planned")
    history = _story(tender, *steps)
    current = history.of("tender", tender.id)[0].change.after
    assert isinstance(current, Tender)
    releases = ocds.tender_releases(current, example_data, CONFIG, history, DAY)
    assert [r["tag"] for r in releases] == tags
    package = {**ocds.release_package(example_data, build_crossref(example_data), CONFIG, NO, DAY)}
    package["releases"] = releases
    assert schema_errors(package) == []
    assert codelist_problems(package, release_schema()) == []
    compiled = ocds.record(releases)["compiledRelease"]
    active = [a for a in compiled.get("awards", []) if a["status"] == "active"]
    assert bool(active) == (current.status == "awarded"), "an undone award is cancelled"


# --- 2. The record package --------------------------------------------------------------------


def test_a_record_holds_the_releases_and_what_ocdsmerge_makes_of_them(packages):
    release_package, record_package = packages
    assert record_package["uri"] == CONFIG.site_url + ocds.RECORD_PATH
    assert record_package["packages"] == [release_package["uri"]]
    assert record_package["publishedDate"] == release_package["publishedDate"]
    assert [r["ocid"] for r in record_package["records"]] == list(
        dict.fromkeys(r["ocid"] for r in release_package["releases"])
    )
    record = _record(record_package, TENDER)
    assert record["releases"] == [
        r for r in release_package["releases"] if r["ocid"] == record["ocid"]
    ]
    # The library's own entry point (which sorts by date) gives the same compiled release.
    merger = Merger(schema=copy.deepcopy(release_schema()))
    assert record["compiledRelease"] == ocds._without_empty(
        merger.create_compiled_release(record["releases"])
    )
    assert record["versionedRelease"] == merger.create_versioned_release(record["releases"])


def test_the_compiled_release_is_the_state_now(packages):
    compiled = _record(packages[1], TENDER)["compiledRelease"]
    assert compiled["tag"] == ["compiled"]
    assert compiled["date"] == AWARDED
    assert compiled["tender"]["status"] == "complete"
    assert "communication" not in compiled["tender"], "cleared by the published release"
    assert "status" not in compiled["planning"]["milestones"][0]
    assert compiled["awards"] == [
        {"id": "award", "status": "active", "date": "2026-10-30T00:00:00+01:00"}
    ]
    assert compiled["tender"]["planningCertainty"] == "confirmed"


def test_the_versioned_release_is_each_fields_history(repo: Path, packages):
    versioned = _record(packages[1], TENDER)["versionedRelease"]
    ids = {
        date: f"{PREFIX}-{TENDER}-{_sha(repo, date)[:12]}"
        for date in (ANNOUNCED, PUBLISHED, AWARDED, MOVED)
    }
    assert versioned["tender"]["status"] == [
        {
            "releaseID": ids[ANNOUNCED],
            "releaseDate": ANNOUNCED,
            "releaseTag": ["planning"],
            "value": "planned",
        },
        {
            "releaseID": ids[PUBLISHED],
            "releaseDate": PUBLISHED,
            "releaseTag": ["tender"],
            "value": "active",
        },
        {
            "releaseID": ids[AWARDED],
            "releaseDate": AWARDED,
            "releaseTag": ["award"],
            "value": "complete",
        },
    ]
    notice_dates = [v["value"] for v in versioned["tender"]["communication"]["futureNoticeDate"]]
    assert notice_dates == ["2026-04-01T00:00:00+02:00", "2026-07-01T00:00:00+02:00", None]


# --- 3. Valid: libcoveocds and the schemas ----------------------------------------------------


def test_both_packages_pass_libcoveocds_offline(packages, offline):
    release_package, record_package = packages
    for package in (release_package, record_package):
        assert_clean(cove(package), package)
    assert offline.asked, "libcoveocds read the extensions (from the local copies)"


def test_both_packages_are_valid_against_the_extended_schemas(packages):
    release_package, record_package = packages
    assert schema_errors(release_package) == []
    assert record_package_errors(record_package) == []
    for package in (release_package, _as_releases(record_package)):
        assert undeclared_fields(package, release_schema()) == []
        assert codelist_problems(package, release_schema()) == []
    schema = versioned_schema()
    for record in record_package["records"]:
        stray = [p for p, _, d in walk(record["versionedRelease"], schema, schema) if d is None]
        assert stray == [], record["ocid"]


def test_the_example_packages_pass_libcoveocds_with_the_repositorys_history(example_data, offline):
    ref = build_crossref(example_data)
    history = read_history(ROOT / "data")
    for make in (ocds.release_package, ocds.record_package):
        package = json.loads(ocds.dumps(make(example_data, ref, CONFIG, history, DAY)))
        assert_clean(cove(package), package)
    assert record_package_errors(package) == []


def test_libcoveocds_reports_a_broken_record_package(packages, offline):
    """The checks bite: a code outside a closed codelist, a release out of its schema."""
    broken = copy.deepcopy(packages[1])
    record = _record(broken, TENDER)
    record["releases"][0]["tag"] = ["gepland"]
    record["compiledRelease"]["tender"]["status"] = "gegund"
    record["releases"][1]["date"] = "2026-04-20"
    record["compiledRelease"]["tender"]["ambitie"] = "hoog"
    report = cove(broken)
    assert [(e["field"], e["value"]) for e in report["validation_errors"]] == [
        ("records/releases/date", "2026-04-20")
    ]
    assert {
        key: found["values"] for key, found in report["additional_closed_codelist_values"].items()
    } == {
        "records/releases/tag": ["gepland"],
        "records/compiledRelease/tender/status": ["gegund"],
    }
    assert {f["field"] for f in report["additional_fields"]} >= {"ambitie"}
    assert record_package_errors(broken) != []
    # Our extension's fields are versioned too: a bare value where its history belongs fails.
    bare = copy.deepcopy(packages[1])
    _record(bare, TENDER)["versionedRelease"]["tender"]["planningCertainty"] = "confirmed"
    assert [e.split(":")[0] for e in record_package_errors(bare)] == [
        "records/0/versionedRelease/tender/planningCertainty"
    ]


def test_nothing_is_served_that_the_package_does_not_pin(offline):
    with pytest.raises(Offline):
        served(f"{_RAW}ocds_lots_extension/master/extension.json")
    with pytest.raises(Offline):
        served(f"{_STANDARD.replace('1__1__5', '1__1__4')}release-schema.json")
    with pytest.raises(Offline):
        socket.create_connection(("standard.open-contracting.org", 443))
    assert len(offline.refused) == 1
    offline.refused.clear()  # refused on purpose: the fixture would fail the test


# --- 4. The vendored schema and the build -----------------------------------------------------


def test_the_product_merges_with_the_schema_the_tests_validate_against():
    vendored = ROOT / "generator" / "export" / ocds.RELEASE_SCHEMA
    assert vendored.read_bytes() == (OCDS_DIR / "release-schema-with-extensions.json").read_bytes()
    assert ocds.release_schema() == release_schema()
    assert (vendored.parent / "LICENSE").read_bytes() == (OCDS_DIR / "LICENSE").read_bytes()


def test_the_record_package_is_made_without_the_network(repo: Path, monkeypatch):
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise Offline(f"network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(requests, "get", refuse)
    ocds.merge_rules.cache_clear()
    data, ref, history = _inputs(repo / "data")
    package = ocds.record_package(data, ref, CONFIG, history, DAY)
    assert len(package["records"]) == 2


def test_the_site_publishes_the_record_package(repo: Path, tmp_path, chart_cache):
    site = build_into(tmp_path / "site", repo / "data", chart_cache)
    data, ref, history = _inputs(repo / "data")
    made = build_downloads(data, ref, CONFIG.site_url, CONFIG, DAY, history)
    paths = [d.path for d in made]
    assert paths.index(ocds.OCDS_PATH) + 1 == paths.index(ocds.RECORD_PATH)
    built = json.loads((site / ocds.RECORD_PATH).read_bytes())
    assert sorted(len(r["releases"]) for r in built["records"]) == [2, 4]
    assert (site / ocds.RECORD_PATH).read_bytes().count(b"\n") == 1, "compact: one line"
    for lang, words in (("nl", "2 aanbestedingen"), ("en", "2 tenders")):
        page = (site / section_url("open-data", lang) / "index.html").read_text()
        page = page.replace("<wbr>", "")  # where a long file name may break
        assert "record-package.json</a>" in page
        assert words in page
