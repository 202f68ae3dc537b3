"""The OCDS export: valid OCDS 1.1.5 with our extension, every code in its codelist, no stray field.

Everything is checked offline against the copies in tests/ocds/ (Apache 2.0, see its LICENSE):
the package schema refers to the release schema by URL, and that URL is resolved to the local
release schema (with the registry extensions) merged with our extension's patch.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, get_args
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT4

from generator.crossref import build_crossref
from generator.export import ocds
from generator.export.ocds import (
    Dated,
    OcdsConfig,
    dumps,
    merge_patch,
    release,
    release_package,
    timestamp,
)
from generator.history.diff import RecordChange
from generator.history.git import Commit, Event, History
from generator.models.common import PlannedDate
from generator.models.tender import OPEN_STATUSES, Duration, Kind, Lot, Procedure, ValueRange
from generator.models.theme import GOAL_CODELIST, ocds_goals

ROOT = Path(__file__).resolve().parent.parent
OCDS_DIR = Path(__file__).resolve().parent / "ocds"
EXTENSION_DIR = ROOT / "generator" / "export" / "ocds_extension"
RELEASE_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"
SITE_URL = "https://inkopen-met-impact.example.org/"
CONFIG = OcdsConfig(
    ocid_prefix="ocds-a1b2c3",
    publisher_name="Inkopen met Impact (voorbeeld)",
    site_url=SITE_URL,
    extension_url=f"{SITE_URL}open-data/ocds/extension/extension.json",
)
TENDERNED = "https://www.tenderned.nl/aankondigingen/overzicht/123456"
TODAY = dt.date(2026, 11, 23)  # the build's day: what a release without a commit is dated by
NO_HISTORY = History(available=False, reason="no-git")
UNDATED = Dated(TODAY)

# --- Schemas, offline ------------------------------------------------------------------------


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def release_schema(with_ours: bool = True) -> dict[str, Any]:
    """The 1.1.5 release schema with the registry extensions, and ours unless told otherwise."""
    schema = _json(OCDS_DIR / "release-schema-with-extensions.json")
    if with_ours:
        schema = merge_patch(schema, _json(EXTENSION_DIR / "release-schema.json"))
    return schema


def _offline(uri: str) -> Resource:
    raise NoSuchResource(ref=uri)  # never the network: the tests run offline


def _is_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True  # a format constrains strings only: null (a cleared date) is the type's
    if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", value):
        return False
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return parsed.tzinfo is not None  # RFC 3339 needs an offset


def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc) and not re.search(r"\s", value)


# jsonschema checks 'date-time' and 'uri' only with optional packages we do not install; these
# two stand in for them, so a wrong date or a relative URL is an error, not silently accepted.
FORMATS = FormatChecker(formats=())
FORMATS.checks("date-time")(_is_datetime)
FORMATS.checks("uri")(_is_uri)


def offline_registry(schema: dict[str, Any]) -> Registry:
    """The release schema's URL mapped to `schema`; any other URL fails instead of a fetch."""
    resource = Resource.from_contents(schema, default_specification=DRAFT4)
    return Registry(retrieve=_offline).with_resource(RELEASE_URL, resource)  # type: ignore[call-arg]


def package_validator(schema: dict[str, Any]) -> Draft4Validator:
    """The official package schema, with its release schema resolved to `schema`."""
    package_schema = _json(OCDS_DIR / "release-package-schema.json")
    registry = offline_registry(schema)
    return Draft4Validator(package_schema, registry=registry, format_checker=FORMATS)


def schema_errors(package: dict[str, Any]) -> list[str]:
    errors = package_validator(release_schema()).iter_errors(package)
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)


# --- Walking a release along its schema -------------------------------------------------------


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        pointer = schema["$ref"].removeprefix("#/").split("/")
        schema = root
        for part in pointer:
            schema = schema[part]
    return schema


def walk(
    value: Any, schema: dict[str, Any], root: dict[str, Any], path: str = ""
) -> Iterator[tuple[str, Any, dict[str, Any] | None]]:
    """Every node with its schema; a key the schema does not declare comes with None."""
    schema = _resolve(schema, root)
    yield path, value, schema
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            yield from walk(item, schema["items"], root, f"{path}/{index}")
    if isinstance(value, dict) and ("properties" in schema or "patternProperties" in schema):
        for key, item in value.items():
            declared = _declared(key, schema)
            if declared is None:
                yield f"{path}/{key}", item, None
            else:
                yield from walk(item, declared, root, f"{path}/{key}")


def _declared(key: str, schema: dict[str, Any]) -> dict[str, Any] | None:
    if key in schema.get("properties", {}):
        return schema["properties"][key]
    for pattern, declared in schema.get("patternProperties", {}).items():
        if re.search(pattern, key):
            return declared
    return None


def undeclared_fields(package: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    """Paths of the keys in the releases that `schema` does not declare."""
    return [
        path
        for index, item in enumerate(package["releases"])
        for path, _, declared in walk(item, schema, schema, f"releases/{index}")
        if declared is None
    ]


def _read_codes(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as file:
        return {row["Code"] for row in csv.DictReader(file)}


@cache
def codelists() -> dict[str, frozenset[str]]:
    """Core codelists, with the extensions' own lists and their +additions and -removals."""
    lists = {path.name: _read_codes(path) for path in (OCDS_DIR / "codelists").glob("*.csv")}
    for path in sorted((OCDS_DIR / "extensions").glob("*/codelists/*.csv")):
        if path.name.startswith("+"):
            lists[path.name[1:]] |= _read_codes(path)
        elif path.name.startswith("-"):
            lists[path.name[1:]] -= _read_codes(path)
        else:
            lists[path.name] = _read_codes(path)
    return {name: frozenset(codes) for name, codes in lists.items()}


def codelist_values(
    package: dict[str, Any], schema: dict[str, Any]
) -> Iterator[tuple[str, str, str, bool]]:
    """(path, code, codelist, open) for every value of every field that declares a codelist."""
    for index, item in enumerate(package["releases"]):
        for path, value, declared in walk(item, schema, schema, f"releases/{index}"):
            if declared and "codelist" in declared and value is not None:
                codes = value if isinstance(value, list) else [value]
                for code in codes:
                    yield path, code, declared["codelist"], declared["openCodelist"]


def codelist_problems(package: dict[str, Any], schema: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, code) of every code missing from its codelist, closed or open: we use no others."""
    return [
        (path, code)
        for path, code, name, _ in codelist_values(package, schema)
        if code not in codelists()[name]
    ]


# --- Fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data(example_data):
    return example_data


@pytest.fixture(scope="module")
def package(data) -> dict[str, Any]:
    return release_package(data, build_crossref(data), CONFIG, NO_HISTORY, TODAY)


def _tender(data, tender_id: str | None = None, **where: Any):
    """A tender of the example data: by id, or the first in id order matching `where`."""
    if tender_id:
        return data.tenders[tender_id]
    return next(
        tender
        for _, tender in sorted(data.tenders.items())
        if all(getattr(tender, key) == value for key, value in where.items())
    )


def _wrap(package: dict[str, Any], *releases: dict[str, Any]) -> dict[str, Any]:
    return {**package, "releases": list(releases)}


def _release_of(package: dict[str, Any], tender_id: str) -> dict[str, Any]:
    """The tender's latest release."""
    return [r for r in package["releases"] if r["tender"]["id"] == tender_id][-1]


# --- 1. Valid against the official schema -----------------------------------------------------


def test_example_package_is_valid_ocds_with_our_extension(package):
    assert schema_errors(package) == []


def test_formats_are_checked_so_a_date_without_time_fails(package):
    broken = copy.deepcopy(package)
    broken["releases"][0]["date"] = "2026-10-27"
    broken["releases"][0]["tender"]["documents"][0]["url"] = "aanbestedingskalender/x/"
    errors = schema_errors(broken)
    assert any(e.startswith("releases/0/date:") for e in errors)
    assert any(e.startswith("releases/0/tender/documents/0/url:") for e in errors)


def test_the_release_schema_is_never_fetched():
    registry = offline_registry(release_schema())
    assert registry.get_or_retrieve(RELEASE_URL).value.contents is release_schema()
    with pytest.raises(NoSuchResource):
        registry.get_or_retrieve(RELEASE_URL.replace("1__1__5", "1__1__4"))


# --- 2. Codelists ----------------------------------------------------------------------------


def test_every_code_is_in_its_codelist(package):
    assert codelist_problems(package, release_schema()) == []


def test_every_closed_codelist_we_use_is_checked(package):
    closed = {name for _, _, name, open_ in codelist_values(package, release_schema()) if not open_}
    assert closed >= {
        "releaseTag.csv",
        "initiationType.csv",
        "tenderStatus.csv",
        "method.csv",
        "procurementCategory.csv",
        "milestoneStatus.csv",
        "currency.csv",
    }


def test_an_unknown_status_is_reported(package):
    broken = copy.deepcopy(package)
    broken["releases"][0]["tender"]["status"] = "gepland"
    broken["releases"][0]["tender"]["sustainability"][0]["goal"] = "environmental.nice"
    assert codelist_problems(broken, release_schema()) == [
        ("releases/0/tender/status", "gepland"),
        ("releases/0/tender/sustainability/0/goal", "environmental.nice"),
    ]


@pytest.mark.parametrize(
    ("mapping", "codelist"),
    [
        (ocds.STATUS, "tenderStatus.csv"),
        (ocds.ENTER, "releaseTag.csv"),
        (ocds.UPDATE, "releaseTag.csv"),
        (ocds.CANCELLATION, "releaseTag.csv"),
        (ocds.METHOD, "method.csv"),
        (ocds.CATEGORY, "procurementCategory.csv"),
        (ocds.STRATEGIES, "sustainabilityStrategy.csv"),
    ],
)
def test_every_mapped_code_is_in_its_codelist(mapping: dict[str, str], codelist: str):
    assert set(mapping.values()) <= codelists()[codelist]


def test_every_value_of_our_model_is_mapped(data):
    assert set(ocds.METHOD) == set(get_args(Procedure))
    assert set(ocds.CATEGORY) == set(get_args(Kind))
    assert all(theme.ocds_goal for theme in data.themes.values()), "a theme without its goal"


def test_the_goals_a_theme_may_name_are_the_codelist_s():
    """The model checks `ocds_goal` against the vendored codelist: the extension's own bytes."""
    vendored = ROOT / "generator" / "export" / GOAL_CODELIST
    codelist = OCDS_DIR / "extensions" / "ocds_sustainability_extension" / "codelists"
    assert vendored.read_bytes() == (codelist / "sustainabilityGoal.csv").read_bytes()
    assert set(ocds_goals()) == codelists()["sustainabilityGoal.csv"]


def test_a_theme_s_goal_is_its_own_and_a_theme_without_one_has_none(package, data):
    goals = {
        entry["mviTheme"]: entry.get("goal")
        for item in package["releases"]
        for entry in item["tender"].get("sustainability", [])
    }
    assert goals == {theme_id: data.themes[theme_id].ocds_goal for theme_id in goals}
    tender = _tender(data, "rws-2028-innovatiepartnerschap-emissieloos-bouwmaterieel")
    klimaat = data.themes["klimaat"].model_copy(update={"ocds_goal": None})
    themes = {**data.themes, "klimaat": klimaat}
    without = SimpleNamespace(themes=themes, theme_order=data.theme_order)
    entries = {entry["mviTheme"]: entry for entry in ocds._sustainability(tender, without)}
    assert "goal" not in entries["klimaat"] and entries["innovatie"]["goal"]


# --- 3. No undeclared field ------------------------------------------------------------------


def test_no_field_is_undeclared(package):
    assert undeclared_fields(package, release_schema()) == []


def test_a_stray_field_is_reported_though_the_schema_allows_it(package):
    broken = copy.deepcopy(package)
    broken["releases"][1]["tender"]["ambition"] = "hoog"
    broken["releases"][1]["parties"][0]["contactPoint"]["mobile"] = "06"
    broken["releases"][1]["tender"]["title_xx-invalid-"] = "?"
    assert schema_errors(broken) == []  # OCDS allows additional fields: only our walk sees them
    assert undeclared_fields(broken, release_schema()) == [
        "releases/1/parties/0/contactPoint/mobile",
        "releases/1/tender/ambition",
        "releases/1/tender/title_xx-invalid-",
    ]


def test_without_our_extension_its_fields_are_undeclared(package):
    found = {path.split("/", 2)[2] for path in undeclared_fields(package, release_schema(False))}
    assert {"tender/isExample", "tender/communication/futureNoticeDatePrecision"} <= found


# --- 4. Package facts -------------------------------------------------------------------------


def test_one_release_per_tender_with_the_configured_prefix(package, data):
    releases = package["releases"]
    assert len(releases) == len(data.tenders)
    assert {r["ocid"] for r in releases} == {f"ocds-a1b2c3-{t}" for t in data.tenders}
    assert len({r["id"] for r in releases}) == len(releases)
    assert package["uri"] == SITE_URL + ocds.OCDS_PATH
    assert package["extensions"][-1] == CONFIG.extension_url
    # Without history every release is dated by the build's day, and so is the package.
    assert {r["date"] for r in releases} == {timestamp(TODAY)}
    assert package["publishedDate"] == timestamp(TODAY)


def _history(*commits: tuple[str, str, list[Any]]) -> History:
    """A history of commits (sha, moment, tenders as committed), newest first."""
    events = [
        Event(
            Commit(sha, dt.datetime.fromisoformat(moment), "edit"),
            RecordChange("tender", tender.id, "changed", tender, tender),
        )
        for sha, moment, tenders in commits
        for tender in tenders
    ]
    return History(available=True, events=events)


def test_with_history_each_change_is_a_release_dated_by_its_commit(data):
    ref = build_crossref(data)
    first, *others = ref.tenders
    assert first.status in OPEN_STATUSES
    earlier = first.model_copy(update={"title": first.title.model_copy(update={"nl": "Eerder"})})
    history = _history(
        ("b" * 40, "2026-11-20T14:30:00+01:00", [first]),
        ("a" * 40, "2026-10-01T10:00:00+02:00", [earlier, *others]),
    )
    package = release_package(data, ref, CONFIG, history, TODAY)
    assert schema_errors(package) == []
    mine = [r for r in package["releases"] if r["ocid"] == f"ocds-a1b2c3-{first.id}"]
    assert [(r["id"], r["date"], r["tag"], r["tender"]["title"]) for r in mine] == [
        (
            f"ocds-a1b2c3-{first.id}-aaaaaaaaaaaa",
            "2026-10-01T10:00:00+02:00",
            ["planning"],
            "Eerder",
        ),
        (
            f"ocds-a1b2c3-{first.id}-bbbbbbbbbbbb",
            "2026-11-20T14:30:00+01:00",
            ["planningUpdate"],
            first.title.nl,
        ),
    ]
    assert len(package["releases"]) == len(ref.tenders) + 1
    assert {r["date"] for r in package["releases"] if r not in mine} == {
        "2026-10-01T10:00:00+02:00"
    }
    assert package["publishedDate"] == "2026-11-20T14:30:00+01:00"


def test_a_commit_that_changes_nothing_ocds_carries_makes_no_release(data):
    ref = build_crossref(data)
    tender = ref.tenders[0]
    other_bill = tender.model_copy(update={"estimated_wage_bill": 123_456})
    history = _history(
        ("b" * 40, "2026-11-20T14:30:00+01:00", [tender]),
        ("a" * 40, "2026-10-01T10:00:00+02:00", [other_bill]),
    )
    assert history.last_change("tender", tender.id, tender) is not None
    [only] = ocds.tender_releases(tender, data, CONFIG, history, TODAY)
    assert (only["id"], only["date"]) == (
        f"ocds-a1b2c3-{tender.id}-aaaaaaaaaaaa",
        "2026-10-01T10:00:00+02:00",
    )


def test_a_change_not_yet_committed_is_dated_by_the_build(data):
    ref = build_crossref(data)
    tender = ref.tenders[0]
    edited = tender.model_copy(update={"status": "withdrawn"})
    history = _history(("a" * 40, "2026-10-01T10:00:00+02:00", [tender]))
    assert (
        release(
            tender, data, CONFIG, Dated(TODAY, history.last_change("tender", tender.id, tender))
        )["date"]
        == "2026-10-01T10:00:00+02:00"
    )
    assert history.last_change("tender", tender.id, edited) is None


def test_an_edit_gives_a_new_release_id(data):
    tender = _tender(data, status="planned")
    edited = tender.model_copy(update={"title": tender.title.model_copy(update={"nl": "Anders"})})
    # Without history: another content on the same build day is another release.
    before, after = release(tender, data, CONFIG, UNDATED), release(edited, data, CONFIG, UNDATED)
    assert before["ocid"] == after["ocid"]
    assert before["id"] != after["id"]
    # With history: each commit that changes the tender is a new release.
    one = Commit("1" * 40, dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC), "x")
    two = Commit("2" * 40, dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC), "y")
    dated = [release(tender, data, CONFIG, Dated(TODAY, commit))["id"] for commit in (one, two)]
    assert dated[0] != dated[1]


@pytest.mark.parametrize(
    "prefix", ["ocds-abc", "ocds-abc1234", "OCDS-abc123", "ocds-ABC123", "abc123", "ocds-ab_123"]
)
def test_an_invalid_prefix_is_refused(prefix: str):
    with pytest.raises(ValueError, match="ocid prefix"):
        OcdsConfig(prefix, "x", SITE_URL, CONFIG.extension_url)


def test_a_relative_site_url_is_refused():
    with pytest.raises(ValueError, match="site URL"):
        OcdsConfig("ocds-a1b2c3", "x", "inkopen-met-impact/", CONFIG.extension_url)


def test_a_withdrawn_tender_carries_its_reason(package, data):
    tender = _tender(data, status="withdrawn")
    body = _release_of(package, tender.id)["tender"]
    assert body["status"] == "withdrawn"
    reasons = [d for d in body["documents"] if d["documentType"] == "cancellationDetails"]
    assert [d["description"] for d in reasons] == [tender.withdrawal_reason.nl]
    assert "communication" not in body  # no notice is to come


def test_a_quarter_is_announced_at_its_start(package, data):
    tender = _tender(data, "rws-2028-innovatiepartnerschap-emissieloos-bouwmaterieel")
    assert str(tender.expected_publication) == "2027-Q2"
    communication = _release_of(package, tender.id)["tender"]["communication"]
    assert communication == {
        "futureNoticeDate": "2027-04-01T00:00:00+02:00",
        "futureNoticeDatePrecision": "quarter",
    }


def test_a_market_consultation_is_an_engagement_milestone(package, data):
    tender = _tender(data, "rws-2028-innovatiepartnerschap-emissieloos-bouwmaterieel")
    [milestone] = _release_of(package, tender.id)["planning"]["milestones"]
    assert milestone["type"] == "engagement"
    assert milestone["status"] == "scheduled"
    assert (milestone["dueDate"], milestone["dueDatePrecision"]) == (
        "2026-12-01T00:00:00+01:00",
        "month",
    )
    withdrawn = tender.model_copy(update={"status": "withdrawn"})
    [milestone] = release(withdrawn, data, CONFIG, UNDATED)["planning"]["milestones"]
    assert "status" not in milestone  # not scheduled any more, and not known to be met


def test_the_same_data_give_the_same_bytes(package, data):
    again = release_package(data, build_crossref(data), CONFIG, NO_HISTORY, TODAY)
    assert again == package
    assert dumps(again) == dumps(package)
    text = dumps(package).decode("utf-8")
    assert text.endswith("}\n")
    assert "Ministerie" in text and "\\u" not in text  # Dutch text as UTF-8, not escaped


def test_example_tenders_are_marked(package, data):
    for item in package["releases"]:
        assert item["tender"]["isExample"] is data.tenders[item["tender"]["id"]].example
    assert any(tender.example for tender in data.tenders.values())
    real = _tender(data, status="planned").model_copy(update={"example": False})
    assert release(real, data, CONFIG, UNDATED)["tender"]["isExample"] is False


# --- Variants the example data lack ----------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code", "tags"),
    [("published", "active", ["tender"]), ("awarded", "complete", ["tender", "award"])],
)
def test_a_published_tender_links_tenderned(package, data, status: str, code: str, tags: list[str]):
    tender = _tender(data, status="planned")
    facts: dict[str, Any] = {"status": status, "tenderned_url": TENDERNED}
    facts["published_on"] = dt.date(2026, 9, 14)
    if status == "awarded":
        facts["awarded_on"] = dt.date(2026, 11, 2)
    item = release(tender.model_copy(update=facts), data, CONFIG, UNDATED)
    assert item["tag"] == tags
    assert item["tender"]["status"] == code
    assert "communication" not in item["tender"]
    notices = [d for d in item["tender"]["documents"] if d["documentType"] == "tenderNotice"]
    assert [(d["url"], d["datePublished"]) for d in notices] == [
        (TENDERNED, "2026-09-14T00:00:00+02:00")
    ]
    awards = [{"id": "award", "status": "active", "date": "2026-11-02T00:00:00+01:00"}]
    assert item.get("awards") == (awards if status == "awarded" else None)
    wrapped = _wrap(package, item)
    assert schema_errors(wrapped) == []
    assert codelist_problems(wrapped, release_schema()) == []


def test_contract_period_counts_months_from_the_start(data):
    tender = _tender(data, status="planned").model_copy(
        update={
            "contract_start": PlannedDate.quarter(2027, 4),
            "duration": Duration(months=48, extension_months=24),
        }
    )
    assert release(tender, data, CONFIG, UNDATED)["tender"]["contractPeriod"] == {
        "startDate": "2027-10-01T00:00:00+02:00",
        "startDatePrecision": "quarter",
        "endDate": "2031-10-01T00:00:00+02:00",
        "maxExtentDate": "2033-10-01T00:00:00+02:00",
        "durationInDays": 1461,
    }


def test_lots_values_and_cpv_codes(package, data):
    tender = _tender(data, status="planned").model_copy(
        update={
            "cpv": ["45233140-2", "34928510-6"],
            "estimated_value": ValueRange(min=1_000_000, max=2_000_000),
            "lots": [
                Lot(title="Noord", estimated_value=ValueRange(min=400_000, max=900_000)),
                Lot(title="Zuid", description="Limburg en Brabant."),
            ],
        }
    )
    item = release(tender, data, CONFIG, UNDATED)
    body = item["tender"]
    assert [i["classification"] for i in body["items"]] == [
        {"scheme": "CPV", "id": "45233140"},
        {"scheme": "CPV", "id": "34928510"},
    ]
    assert (body["minValue"]["amount"], body["value"]["amount"]) == (1_000_000, 2_000_000)
    assert body["lots"] == [
        {"id": "1", "title": "Noord", "value": {"amount": 900_000, "currency": "EUR"}},
        {"id": "2", "title": "Zuid", "description": "Limburg en Brabant."},
    ]
    assert schema_errors(_wrap(package, item)) == []


def test_a_point_estimate_has_no_range(data):
    tender = _tender(data, status="planned").model_copy(
        update={"estimated_value": ValueRange(min=500_000, max=500_000)}
    )
    body = release(tender, data, CONFIG, UNDATED)["tender"]
    assert "minValue" not in body
    assert body["value"] == {"amount": 500_000, "currency": "EUR"}


@pytest.mark.parametrize(
    ("procedure", "method"),
    [("single-source", "direct"), ("multiple-quotation", "limited"), ("restricted", "selective")],
)
def test_procedure_maps_to_method_with_the_dutch_name(data, procedure: str, method: str):
    tender = _tender(data, status="planned").model_copy(update={"procedure": procedure})
    body = release(tender, data, CONFIG, UNDATED)["tender"]
    assert body["procurementMethod"] == method
    assert body["procurementMethodDetails"][0].isupper()


def test_themes_become_sustainability_with_ambition_levels(package, data):
    tender = _tender(data, "rws-2028-innovatiepartnerschap-emissieloos-bouwmaterieel")
    body = _release_of(package, tender.id)["tender"]
    assert body["hasSustainability"] is True
    entries = {entry["mviTheme"]: entry for entry in body["sustainability"]}
    assert entries["klimaat"] == {
        "goal": "environmental.carbonEmissionsReduction",
        "strategies": ["awardCriteria"],
        "mviTheme": "klimaat",
        "ambitionLevel": "ambitieus",
    }
    assert entries["innovatie"]["goal"] == "economic.innovativePurchase"
    assert body["suitability"] == {"sme": True}


def test_social_return_is_its_theme_and_nothing_else(data):
    """One source per fact: the flag is the theme, so the package and the page cannot differ."""
    tender = _tender(data, status="planned")
    assert tender.social_return == ("social-return" in tender.themes)
    plain = tender.model_copy(update={"themes": {}})
    assert plain.social_return is False and plain.international_social_conditions is False
    body = release(plain, data, CONFIG, UNDATED)["tender"]
    assert body["hasSustainability"] is False
    assert "sustainability" not in body


def test_buyer_party_and_category_plan(package, data):
    tender = _tender(data, "dmo-2027-bedrijfskleding-rijk")
    item = _release_of(package, tender.id)
    [party] = item["parties"]
    assert party["roles"] == ["buyer", "procuringEntity"]
    assert party["contactPoint"]["email"] == tender.contact.email
    assert item["buyer"] == {"id": party["id"], "name": party["name"]}
    [plan] = item["planning"]["documents"]
    assert plan["documentType"] == "procurementPlan"
    assert plan["url"] == f"{SITE_URL}categorieplannen/{tender.category}/"


# --- Our extension's metadata ----------------------------------------------------------------


def test_extension_metadata_follows_the_registry_style():
    metadata = _json(EXTENSION_DIR / "extension.json")
    assert set(metadata) >= {"name", "description", "documentationUrl", "compatibility"}
    assert metadata["compatibility"] == ["1.1"]
    assert metadata["schemas"] == ["release-schema.json"]
    assert all("en" in metadata[key] for key in ("name", "description", "documentationUrl"))
    published = ocds.published_extension(metadata, CONFIG)
    assert published["documentationUrl"] == {"en": f"{SITE_URL}open-data/ocds/extension/README.md"}


def _new_properties(patch: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, definition in patch["definitions"].items():
        for key, field in definition.get("properties", {}).items():
            yield f"{name}.{key}", field


def test_every_field_of_our_extension_is_documented():
    for name, field in _new_properties(_json(EXTENSION_DIR / "release-schema.json")):
        assert field.get("title") and field.get("description"), name
        assert "type" in field or "$ref" in field, name
        assert name.split(".")[1] in (EXTENSION_DIR / "README.md").read_text(encoding="utf-8")
