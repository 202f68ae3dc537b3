"""The tender calendar as OCDS 1.1: a release package and a record package, from the Git history.

Pure functions of the data, the history, the cross references and the configuration, so the
same commit gives the same bytes. Fields OCDS has no place for (ambition level, MVI theme and
category, date precision, the example marker) are declared in our own extension,
`ocds_extension/`.

**One release per change.** Each commit that changed a tender (first parent, as the change
history reads it) and changed what OCDS says of it is one release, dated by the commit's moment,
its id the ocid and the commit's hash: a rebuild of the same commit gives the same releases, and
a new change never rewrites an earlier one. A commit that changed only what OCDS does not carry
(the wage bill, say) makes no release. Each release is the tender's whole state at that commit,
and a field it no longer has is given as null, so that merging the releases (a compiled
release) drops it too. OCDS merges lists of objects by `id` and cannot remove an entry: a lot, a
CPV item or a document no longer in the data stays in the compiled release (each release still
lists exactly the current ones), and the list of sustainability entries, merged whole, keeps its
last non-empty value when every theme is removed (`hasSustainability` then says false). An award
no longer there is kept as `cancelled`. Names a release borrows from other records (the buyer's,
the category plan's) and the order of the themes are today's.

Tags (releaseTag.csv, closed): the first release `planning` (or `tender` when the tender was
already published, `tender` and `award` when already awarded); later changes while planned
`planningUpdate`; the change that publishes it `tender`, then `tenderUpdate`; the award `award`
(an `awards` entry: id, date `awarded_on`, status active), then `awardUpdate` when the award
changes and `tenderUpdate` when only the tender does; the withdrawal `tenderCancellation`. A
change back (an award or a publication undone) is the update of the earlier stage, with
`awardCancellation` for the award.

Without that history (a build without Git history, or a tender whose file has a change not
yet committed, as in `mvi-site serve`) a tender has one release, tagged as a first release and
dated by the build's day (`--today`, `$SOURCE_DATE_EPOCH` or the clock), when this system
published it; its id is that day with a digest of the tender, so that one id never names two
contents.

**Packages.** The release package holds every release of every tender (tenders in calendar
order, each tender's releases oldest first): OCDS releases are immutable and each is published
once, so the package is the whole history, not only the latest state. The record package holds
one record per tender: the same releases embedded (the file stands alone), the compiled release
(the current state) and the versioned release (each field's history), both made with the
reference merge library ocdsmerge from the vendored 1.1.5 release schema with the registry
extensions (`ocds_schema/`) and ours: nothing is fetched. The releases are merged in the order
of the log. `publishedDate` is the newest release date.

Mapping decisions, each checked against the 1.1.5 codelists by tests/test_ocds.py:

- status: planned and market-consultation → `planned`; published → `active`; awarded →
  `complete`; withdrawn → `withdrawn`, its reason in a `cancellationDetails` document (1.1.5
  has no `tender.statusDetails`) published on `withdrawn_on`.
- the TenderNed notice is a `tenderNotice` document, `datePublished` the day it appeared
  (`published_on`).
- procedure → `procurementMethod` as in GLOSSARY.md (single-source is `direct`, not `limited`:
  the codelist's `direct` is "awarded to a single supplier without competition").
- dates: a calendar day becomes its midnight in Europe/Amsterdam; a month or quarter becomes its
  first day, and its precision goes into our extension.
- themes: each is one `sustainability` entry whose `goal` is the theme's own `ocds_goal`
  (data/themes.yaml, checked against sustainabilityGoal.csv when the data are read), so a theme
  added to the data is published without a change here.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from generator.base import i18n
from generator.base.clock import AMSTERDAM
from generator.base.urls import record_url
from generator.crossref import CrossRef
from generator.models import Tender
from generator.models.common import add_months
from generator.models.tender import OPEN_STATUSES, Lot, ValueRange
from generator.source.dataset import DataSet

if TYPE_CHECKING:
    from generator.history.git import Commit, History

OCDS_PATH = "open-data/ocds/release-package.json"
RECORD_PATH = "open-data/ocds/record-package.json"
OCDS_VERSION = "1.1"
LICENSE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"  # CC0, as the other exports
CURRENCY = "EUR"
_EXTENSION_BASE = "https://raw.githubusercontent.com/open-contracting-extensions"
# The registry extensions the releases use, each at a version that cannot move. Lots is pinned
# to its release v1.1.5 (its master branch no longer validates against OCDS 1.1).
# Communication, suitability and sustainability have never had a release (the registry's
# extension_versions.csv lists only `master`, their repositories have no tags): they are pinned
# to the commit of master whose files we validate against (tests/ocds/extensions/), so a later
# change to master cannot change what our packages declare.
_PINS = {
    "ocds_lots_extension": "v1.1.5",
    "ocds_communication_extension": "57a1567a85b9480ca10210fabbdbbbea5378f3f9",
    "ocds_suitability_extension": "271f51cef1160e66d8952a7e683f1d8375efcc95",
    "ocds_sustainability_extension": "b8d93a0edb8e0ac2f27f733cccf3884e392346e9",
}
REGISTRY_EXTENSIONS: tuple[str, ...] = tuple(
    f"{_EXTENSION_BASE}/{name}/{pin}/extension.json" for name, pin in _PINS.items()
)
# The 1.1.5 release schema with those extensions (and budget breakdown, which adds nothing our
# releases use), as vendored from the standard: the merge rules come from it.
RELEASE_SCHEMA = "ocds_schema/release-schema-with-extensions.json"
_PREFIX = re.compile(r"^ocds-[a-z0-9]{6}$")

STATUS: dict[str, str] = {  # our status → tenderStatus.csv (closed)
    "planned": "planned",
    "market-consultation": "planned",
    "published": "active",
    "awarded": "complete",
    "withdrawn": "withdrawn",
}
# The stages of a contracting process our data reach, in order, with the tag (releaseTag.csv,
# closed) of the release that enters a stage and of a change within it.
STAGES = ("planning", "tender", "award")
ENTER: dict[str, str] = {"planning": "planning", "tender": "tender", "award": "award"}
UPDATE: dict[str, str] = {
    "planning": "planningUpdate",
    "tender": "tenderUpdate",
    "award": "awardUpdate",
}
CANCELLATION: dict[str, str] = {"tender": "tenderCancellation", "award": "awardCancellation"}
AWARD_ID = "award"  # the one award a tender of ours has
METHOD: dict[str, str] = {  # our procedure → method.csv (closed), as in GLOSSARY.md
    "open": "open",
    "national-open": "open",
    "restricted": "selective",
    "competitive-dialogue": "selective",
    "competitive-negotiation": "selective",
    "innovation-partnership": "selective",
    "negotiated-without-notice": "limited",
    "multiple-quotation": "limited",
    "single-source": "direct",
}
CATEGORY: dict[str, str] = {"works": "works", "supplies": "goods", "services": "services"}

# How a theme is applied → sustainabilityStrategy.csv.
STRATEGIES: dict[str, str] = {
    "requirements": "technicalSpecifications",
    "award-criteria": "awardCriteria",
    "contract-conditions": "contractPerformanceConditions",
}


@dataclass(frozen=True)
class OcdsConfig:
    """Where the package is published and under whose ocid prefix."""

    ocid_prefix: str
    publisher_name: str
    site_url: str
    extension_url: str

    def __post_init__(self) -> None:
        if not _PREFIX.match(self.ocid_prefix):
            raise ValueError(
                f"ocid prefix {self.ocid_prefix!r} is not valid: it is 'ocds-' and 6 lowercase "
                "letters or digits. Hint: set extra.ocds.ocid_prefix in mkdocs.yml to the "
                "prefix the Open Contracting Partnership registered, like 'ocds-a1b2c3'."
            )
        if not re.match(r"^https?://[^/\s]+/(\S*/)?$", self.site_url):
            raise ValueError(f"site URL {self.site_url!r} must be absolute and end with '/'")
        if not re.match(r"^https?://[^/\s]+/\S+$", self.extension_url):
            raise ValueError(f"extension URL {self.extension_url!r} must be absolute")


@dataclass(frozen=True)
class Dated:
    """What a release is dated by: the commit that changed its tender, else the build's day."""

    day: dt.date  # the build's: `--today`, `$SOURCE_DATE_EPOCH` or the clock
    commit: Commit | None = None

    @property
    def moment(self) -> str:
        return self.commit.moment.isoformat() if self.commit else timestamp(self.day)


@dataclass(frozen=True)
class Version:
    """One state of a tender: as a commit left it, or as it is now when that is not known."""

    tender: Tender
    dated: Dated


def versions(tender: Tender, history: History, today: dt.date) -> list[Version]:
    """The tender as each commit that changed it left it, oldest first (a commit that deleted
    its file leaves no state); or, without that history, the tender now, dated by `today`."""
    if history.last_change("tender", tender.id, tender) is None:
        return [Version(tender, Dated(today))]
    committed = (
        (event.commit, event.change.after) for event in reversed(history.of("tender", tender.id))
    )
    return [
        Version(after, Dated(today, commit))
        for commit, after in committed
        if isinstance(after, Tender)
    ]


def tender_releases(
    tender: Tender, data: DataSet, config: OcdsConfig, history: History, today: dt.date
) -> list[dict[str, Any]]:
    """The releases of one tender, oldest first: one per change of what OCDS says of it."""
    releases: list[dict[str, Any]] = []
    before: tuple[Tender, dict[str, Any]] | None = None
    for version in versions(tender, history, today):
        content = _content(version.tender, data, config)
        if before is not None and content == before[1]:
            continue  # a change OCDS does not carry
        if before is None:
            tags, published = first_tags(version.tender), content
        else:
            tags = change_tags(before[0], version.tender, before[1], content)
            published = _with_removals(before[1], content)
        releases.append(_release(version.tender, config, version.dated, tags, published))
        before = (version.tender, content)
    return releases


def release(tender: Tender, data: DataSet, config: OcdsConfig, dated: Dated) -> dict[str, Any]:
    """The tender's state as one release of its own, tagged as a first release."""
    content = _content(tender, data, config)
    return _release(tender, config, dated, first_tags(tender), content)


def _release(
    tender: Tender, config: OcdsConfig, dated: Dated, tags: list[str], content: dict[str, Any]
) -> dict[str, Any]:
    ocid = f"{config.ocid_prefix}-{tender.id}"
    head = {"ocid": ocid, "id": f"{ocid}-{_release_key(tender, dated)}", "date": dated.moment}
    return {**head, "tag": tags, **content}


def _content(tender: Tender, data: DataSet, config: OcdsConfig) -> dict[str, Any]:
    """What a release says of the tender, without what names the release (ocid, id, date, tag)."""
    body: dict[str, Any] = {
        "initiationType": "tender",
        "language": "nl",
        "parties": [_buyer_party(tender, data)],
        "buyer": _organisation_reference(tender.buyer, data),
        "planning": _planning(tender, data, config),
        "tender": _tender(tender, data, config),
        "awards": _awards(tender),
    }
    return {key: value for key, value in body.items() if value}


def _release_key(tender: Tender, dated: Dated) -> str:
    """A new change gives a new id, so an edited tender is a new release, not a changed one."""
    if dated.commit is not None:
        return dated.commit.sha[:12]
    content = hashlib.blake2b(tender.model_dump_json().encode(), digest_size=4).hexdigest()
    return f"{dated.day.isoformat()}-{content}"


# --- Tags ------------------------------------------------------------------------------------


def stage(tender: Tender) -> str:
    """How far the process got: a withdrawn tender stays where it was withdrawn."""
    if tender.status == "awarded":
        return "award"
    if tender.status == "published":
        return "tender"
    if tender.status == "withdrawn" and (tender.published_on or tender.tenderned_url):
        return "tender"
    return "planning"


def first_tags(tender: Tender) -> list[str]:
    """The first release enters the stage the tender is at (an awarded one, the tender too)."""
    tags = ["tender", "award"] if stage(tender) == "award" else [ENTER[stage(tender)]]
    if tender.status == "withdrawn":
        tags.append(CANCELLATION["tender"])
    return tags


def change_tags(
    old: Tender, new: Tender, old_content: dict[str, Any], new_content: dict[str, Any]
) -> list[str]:
    """The tags of the release that takes the tender from `old` to `new` (module docstring)."""
    was, now = STAGES.index(stage(old)), STAGES.index(stage(new))
    if now > was:
        tags = [ENTER[name] for name in STAGES[was + 1 : now + 1]]
    elif now < was:
        tags = [UPDATE[STAGES[now]]]
        if was == STAGES.index("award"):
            tags.append(CANCELLATION["award"])
    elif STAGES[now] == "award" and old_content.get("awards") != new_content.get("awards"):
        tags = [UPDATE["award"]]
    elif STAGES[now] == "award":
        tags = [UPDATE["tender"]]  # the award is as it was: the tender changed
    else:
        tags = [UPDATE[STAGES[now]]]
    if new.status == "withdrawn" != old.status:
        tags = [tag for tag in tags if tag not in UPDATE.values()]
        tags.append(CANCELLATION["tender"])
    return tags


# --- Removals --------------------------------------------------------------------------------


def _with_removals(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`new`, with null for every field `old` had and `new` has not (where the schema lets a
    field be null; an object is cleared field by field), and an award no longer there kept as
    cancelled: merged after `old`, it leaves what `new` says."""
    out = _cleared(old, new, release_schema())
    gone = [a["id"] for a in old.get("awards", []) if a["id"] not in _ids(new.get("awards", []))]
    if gone:
        out["awards"] = [*new.get("awards", []), *({"id": i, "status": "cancelled"} for i in gone)]
    return out


def _cleared(old: dict[str, Any], new: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    out = dict(new)
    for key, was in old.items():
        field = _field(schema, key)
        if key not in new:
            cleared = _null(was, field)
            if cleared is not _KEEP:
                out[key] = cleared
        elif isinstance(was, dict) and isinstance(new[key], dict):
            out[key] = _cleared(was, new[key], field)
        elif isinstance(was, list) and isinstance(new[key], list) and _merged_by_id(field):
            items = _resolve(field["items"])
            earlier = {item["id"]: item for item in was if isinstance(item, dict) and "id" in item}
            out[key] = [
                _cleared(earlier[item["id"]], item, items) if item.get("id") in earlier else item
                for item in new[key]
            ]
    return out


_KEEP = object()  # a removed field OCDS cannot clear: left out


def _null(was: Any, field: dict[str, Any]) -> Any:
    types = field.get("type", [])
    if "null" in (types if isinstance(types, list) else [types]):
        return None
    if isinstance(was, dict) and "properties" in field:
        cleared = {key: _null(value, _field(field, key)) for key, value in was.items()}
        return {key: value for key, value in cleared.items() if value is not _KEEP} or _KEEP
    return _KEEP


def _merged_by_id(field: dict[str, Any]) -> bool:
    """A list whose objects OCDS merges by their `id` (not replaced as a whole)."""
    if field.get("type") != "array" or field.get("wholeListMerge") or "items" not in field:
        return False
    return "id" in _resolve(field["items"]).get("properties", {})


def _ids(items: Sequence[dict[str, Any]]) -> set[Any]:
    return {item.get("id") for item in items}


def _field(schema: dict[str, Any], key: str) -> dict[str, Any]:
    """The schema of `key` in the object `schema` describes; {} when it declares none."""
    if key in schema.get("properties", {}):
        return _resolve(schema["properties"][key])
    for pattern, declared in schema.get("patternProperties", {}).items():
        if re.search(pattern, key):
            return _resolve(declared)
    return {}


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    root = release_schema()
    while "$ref" in schema:
        node: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


@functools.cache
def release_schema() -> dict[str, Any]:
    """The vendored 1.1.5 release schema with the registry extensions and ours merged in."""
    folder = resources.files("generator.export")
    schema = json.loads(folder.joinpath(RELEASE_SCHEMA).read_text(encoding="utf-8"))
    ours = folder.joinpath("ocds_extension", "release-schema.json").read_text(encoding="utf-8")
    merged = merge_patch(schema, json.loads(ours))
    assert isinstance(merged, dict)
    return merged


def merge_patch(target: Any, patch: Any) -> Any:
    """JSON Merge Patch (RFC 7386), as OCDS applies an extension: null deletes a key."""
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge_patch(merged.get(key), value)
    return merged


# --- Packages --------------------------------------------------------------------------------


def release_package(
    data: DataSet,
    ref: CrossRef,
    config: OcdsConfig,
    history: History,
    today: dt.date,
    path: str = OCDS_PATH,
) -> dict[str, Any]:
    """Every release of every tender, in calendar order, as one release package at `path`."""
    if not ref.tenders:
        raise ValueError("no tenders to export: an OCDS release package needs one release")
    releases = [
        item
        for tender in ref.tenders
        for item in tender_releases(tender, data, config, history, today)
    ]
    head = _package_head(config, path, (item["date"] for item in releases))
    return {**head, "releases": releases}


def record_package(
    data: DataSet,
    ref: CrossRef,
    config: OcdsConfig,
    history: History,
    today: dt.date,
    path: str = RECORD_PATH,
) -> dict[str, Any]:
    """One record per tender, in calendar order, as one record package at `path`."""

    def record_of(tender: Tender) -> bytes:
        return tender_record(tender, data, config, history, today)

    return cast(dict[str, Any], json.loads(packaged_records(ref.tenders, config, record_of, path)))


def packaged_records(
    tenders: Sequence[Tender],
    config: OcdsConfig,
    record_of: Callable[[Tender], bytes],
    path: str = RECORD_PATH,
) -> bytes:
    """The record package at `path` as `dumps(..., compact=True)` writes it, from each tender's
    record as `tender_record` makes it (so a build merges again only the tenders that changed:
    merging is most of the package's cost)."""
    if not tenders:
        raise ValueError("no tenders to export: an OCDS record package needs one record")
    records, latest = [], []
    for tender in tenders:
        date, _, record = record_of(tender).partition(b"\n")
        latest.append(date.decode("ascii"))
        records.append(record)
    head = _package_head(config, path, latest)
    shell = dumps({**head, "packages": [config.site_url + OCDS_PATH], "records": []}, compact=True)
    assert shell.endswith(b"[]}\n")  # compact JSON: each record reads the same spliced in
    return shell[: -len(b"]}\n")] + b",".join(records) + b"]}\n"


def tender_record(
    tender: Tender, data: DataSet, config: OcdsConfig, history: History, today: dt.date
) -> bytes:
    """One tender's record as compact JSON, after the date of its latest release and a newline."""
    releases = tender_releases(tender, data, config, history, today)
    latest = max((item["date"] for item in releases), key=dt.datetime.fromisoformat)
    return latest.encode("ascii") + b"\n" + dumps(record(releases), compact=True).rstrip(b"\n")


def record(releases: list[dict[str, Any]]) -> dict[str, Any]:
    """One tender's record: its releases, oldest first, and what merging them gives."""
    from ocdsmerge import CompiledRelease, VersionedRelease  # imported by this download alone

    compiled = CompiledRelease(merge_rules=merge_rules())
    versioned = VersionedRelease(merge_rules=merge_rules())
    for item in releases:  # in the order of the log, which the releases' dates follow
        compiled.append(item)
        versioned.append(item)
    return {
        "ocid": releases[0]["ocid"],
        "releases": releases,
        "compiledRelease": _without_empty(compiled.asdict()),
        "versionedRelease": versioned.asdict(),
    }


def _without_empty(value: Any) -> Any:
    """An object whose every field a later release cleared is left out of the compiled release:
    ocdsmerge leaves it empty (`"communication": {}`), which the schema refuses for some."""
    if isinstance(value, dict):
        pruned = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if item != {}}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


@functools.cache
def merge_rules() -> dict[tuple[str, ...], str]:
    """ocdsmerge's rules (which fields are omitted, which lists merged whole) from our schema,
    given as a dict so that it never fetches one."""
    from ocdsmerge.rules import get_merge_rules

    return get_merge_rules(json.loads(json.dumps(release_schema())))


def _package_head(config: OcdsConfig, path: str, dates: Iterable[str]) -> dict[str, Any]:
    """What a package says of itself; it was published with the latest of the release `dates`."""
    return {
        "uri": config.site_url + path,
        "version": OCDS_VERSION,
        "publishedDate": max(dates, key=dt.datetime.fromisoformat),
        "publisher": {"name": config.publisher_name},
        "license": LICENSE_URL,
        "extensions": [*REGISTRY_EXTENSIONS, config.extension_url],
    }


def timestamp(day: dt.date) -> str:
    """Midnight at the start of `day` in Europe/Amsterdam: `2027-07-01T00:00:00+02:00`."""
    return dt.datetime.combine(day, dt.time(), AMSTERDAM).isoformat()


def dumps(package: dict[str, Any], *, compact: bool = False) -> bytes:
    """Stable UTF-8 JSON in OCDS field order, ending with a newline; `compact` without the
    indentation (the record package: its versioned releases make it about five times the size
    of the release package, and indentation nearly doubles that)."""
    if compact:
        text = json.dumps(package, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(package, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def published_extension(metadata: dict[str, Any], config: OcdsConfig) -> dict[str, Any]:
    """Our extension.json as published: its documentation is the README next to it."""
    folder = config.extension_url.rsplit("/", 1)[0]
    return {**metadata, "documentationUrl": {"en": f"{folder}/README.md"}}


# --- Parties ---------------------------------------------------------------------------------


def _organisation_reference(organisation_id: str, data: DataSet) -> dict[str, Any]:
    organisation = data.organisations.get(organisation_id)
    name = organisation.name.nl if organisation else organisation_id
    return {"id": organisation_id, "name": name}


def _buyer_party(tender: Tender, data: DataSet) -> dict[str, Any]:
    """The contracting authority: it pays (buyer) and runs the procedure (procuringEntity)."""
    party = _organisation_reference(tender.buyer, data)
    organisation = data.organisations.get(tender.buyer)
    if organisation and organisation.name.en:
        party["name_en"] = organisation.name.en
    contact = tender.contact
    point = {"name": contact.name, "email": contact.email, "telephone": contact.phone}
    party["contactPoint"] = {key: value for key, value in point.items() if value}
    party["roles"] = ["buyer", "procuringEntity"]
    return party


# --- Planning --------------------------------------------------------------------------------


def _planning(tender: Tender, data: DataSet, config: OcdsConfig) -> dict[str, Any]:
    planning: dict[str, Any] = {}
    if tender.category:
        planning["documents"] = [_category_plan_document(tender.category, data, config)]
    if tender.market_consultation:
        planning["milestones"] = [_market_consultation(tender)]
    return planning


def _category_plan_document(plan_id: str, data: DataSet, config: OcdsConfig) -> dict[str, Any]:
    plan = data.category_plans.get(plan_id)
    return {
        "id": "category-plan",
        "documentType": "procurementPlan",
        "title": f"Categorieplan {plan.name.nl if plan else plan_id}",
        "url": config.site_url + record_url("category-plan", plan_id, "nl"),
        "format": "text/html",
        "language": "nl",
    }


def _market_consultation(tender: Tender) -> dict[str, Any]:
    consultation = tender.market_consultation
    assert consultation is not None
    milestone: dict[str, Any] = {
        "id": "market-consultation",
        "title": "Marktconsultatie",
        "type": "engagement",
        "description": consultation.description.nl if consultation.description else None,
        "dueDate": timestamp(consultation.planned.start),
        "dueDatePrecision": consultation.planned.precision,
    }
    if tender.status in OPEN_STATUSES:  # whether it was held later, our data do not say
        milestone["status"] = "scheduled"
    return {key: value for key, value in milestone.items() if value}


# --- Tender ----------------------------------------------------------------------------------


def _tender(tender: Tender, data: DataSet, config: OcdsConfig) -> dict[str, Any]:
    body: dict[str, Any] = {"id": tender.id, **_texts(tender), "status": STATUS[tender.status]}
    body["procuringEntity"] = _organisation_reference(tender.buyer, data)
    body["items"] = _items(tender)
    body.update(_values(tender.estimated_value))
    if tender.procedure:
        body["procurementMethod"] = METHOD[tender.procedure]
        body["procurementMethodDetails"] = i18n.label("procedure", tender.procedure, "nl")
    body["mainProcurementCategory"] = CATEGORY[tender.kind]
    body["contractPeriod"] = _contract_period(tender)
    body["documents"] = _documents(tender, config)
    body["lots"] = [_lot(index, lot) for index, lot in enumerate(tender.lots, start=1)]
    if tender.status in OPEN_STATUSES:  # once published or withdrawn, no notice is to come
        body["communication"] = {
            "futureNoticeDate": timestamp(tender.expected_publication.start),
            "futureNoticeDatePrecision": tender.expected_publication.precision,
        }
    body["suitability"] = {"sme": tender.sme_suitable}
    sustainability = _sustainability(tender, data)
    body["hasSustainability"] = bool(sustainability)
    body["sustainability"] = sustainability
    body.update(_mvi_fields(tender, data))
    return {key: value for key, value in body.items() if value not in (None, [], {})}


def _texts(tender: Tender) -> dict[str, str]:
    """Dutch title and description, with the English as OCDS language variants where given."""
    # The description is the editors' Markdown: readable as plain text, so it is kept as is.
    texts = {"title": tender.title.nl, "description": tender.description.nl}
    if tender.title.en:
        texts["title_en"] = tender.title.en
    if tender.description.en:
        texts["description_en"] = tender.description.en
    return texts


def _items(tender: Tender) -> list[dict[str, Any]]:
    """One item per CPV code.

    The id is the 8-digit code without its check digit ("45233140-2" → "45233140"): the
    itemClassificationScheme codelist allows both, and eForms, TED and OCDS's own examples use
    the 8 digits, so our items join with EU notices. The check digit adds no information.
    """
    return [
        {"id": str(index), "classification": {"scheme": "CPV", "id": code.split("-")[0]}}
        for index, code in enumerate(tender.cpv, start=1)
    ]


def _values(estimate: ValueRange | None) -> dict[str, Any]:
    """`value` is the upper estimate; `minValue` only when the estimate is a range."""
    if estimate is None:
        return {}
    if estimate.min == estimate.max:
        return {"value": _amount(estimate.max)}
    return {"minValue": _amount(estimate.min), "value": _amount(estimate.max)}


def _amount(euros: int) -> dict[str, Any]:
    return {"amount": euros, "currency": CURRENCY}


def _contract_period(tender: Tender) -> dict[str, Any]:
    """Start, end and maximum extent; days only when a start makes them exact."""
    start, duration = tender.contract_start, tender.duration
    if start is None:
        return {}
    period: dict[str, Any] = {
        "startDate": timestamp(start.start),
        "startDatePrecision": start.precision,
    }
    if duration is None:
        return period
    # The end is the midnight the contract ends at: 48 months from 2027-10-01 is 2031-10-01.
    end = add_months(start.start, duration.months)
    period["endDate"] = timestamp(end)
    if duration.extension_months:
        period["maxExtentDate"] = timestamp(
            add_months(start.start, duration.months + duration.extension_months)
        )
    period["durationInDays"] = (end - start.start).days
    return period


def _documents(tender: Tender, config: OcdsConfig) -> list[dict[str, Any]]:
    """The calendar page (a notice of planned procurement), TenderNed, the withdrawal; each
    published on the day the data say it was, where they say it."""
    page = config.site_url + record_url("tender", tender.id, "nl")
    documents = [
        _document("calendar", "plannedProcurementNotice", "Aankondiging in de kalender", page)
    ]
    if url := tender.tenderned_url:
        title = "Aankondiging op TenderNed"
        notice = _document("tenderned", "tenderNotice", title, url, day=tender.published_on)
        documents.append(notice)
    if tender.status == "withdrawn" and (reason := tender.withdrawal_reason):
        title = "Reden van intrekking"
        documents.append(
            _document(
                "withdrawal", "cancellationDetails", title, page, reason.nl, tender.withdrawn_on
            )
        )
    return documents


def _document(
    document_id: str,
    kind: str,
    title: str,
    url: str,
    description: str | None = None,
    day: dt.date | None = None,
) -> dict[str, Any]:
    document = {"id": document_id, "documentType": kind, "title": title}
    if description:
        document["description"] = description
    document |= {"url": url, "format": "text/html", "language": "nl"}
    if day is not None:
        document["datePublished"] = timestamp(day)
    return document


def _awards(tender: Tender) -> list[dict[str, Any]]:
    """The award of an awarded tender: on `awarded_on`, active (we hold no supplier or value)."""
    if tender.status != "awarded":
        return []
    award: dict[str, Any] = {"id": AWARD_ID, "status": "active"}
    if tender.awarded_on is not None:
        award["date"] = timestamp(tender.awarded_on)
    return [award]


def _lot(index: int, lot: Lot) -> dict[str, Any]:
    """A lot numbered in the order the editors listed it; its value is the upper estimate."""
    body: dict[str, Any] = {"id": str(index), "title": lot.title.nl}
    if lot.description:
        body["description"] = lot.description.nl
    if lot.estimated_value:
        body["value"] = _amount(lot.estimated_value.max)
    return body


# --- Sustainability and MVI ------------------------------------------------------------------


def _sustainability(tender: Tender, data: DataSet) -> list[dict[str, Any]]:
    """One entry per MVI theme, in the site's theme order (social return and international
    social conditions among them: they are themes, not flags)."""
    order = data.theme_order()
    return [_theme_entry(tender, theme_id, data) for theme_id in sorted(tender.themes, key=order)]


def _theme_entry(tender: Tender, theme_id: str, data: DataSet) -> dict[str, Any]:
    applied = tender.themes[theme_id]
    theme = data.themes.get(theme_id)
    goal = theme.ocds_goal if theme else None  # each theme names its goal in data/themes.yaml
    strategies = [STRATEGIES[application] for application in applied.applied_as]
    if tender.product_group and goal and goal.startswith("environmental"):
        strategies.append("nationalGPPCriteria")  # MVI criteria are the Dutch GPP criteria
    entry: dict[str, Any] = {"goal": goal, "strategies": list(dict.fromkeys(strategies))}
    if applied.note:
        entry["description"] = applied.note.nl
    entry["mviTheme"] = theme_id
    entry["ambitionLevel"] = applied.level
    return {key: value for key, value in entry.items() if value}


def _mvi_fields(tender: Tender, data: DataSet) -> dict[str, Any]:
    """Our extension's tender fields."""
    fields: dict[str, Any] = {}
    if tender.category:
        fields["mviCategory"] = _category(tender.category, data)
    if tender.product_group:
        fields["mviCriteriaProductGroup"] = _product_group(tender.product_group, data)
    if tender.innovation_instruments:
        fields["mviInnovationInstruments"] = list(tender.innovation_instruments)
    if tender.social_impact_weighting is not None:
        fields["mviSocialImpactWeighting"] = tender.social_impact_weighting
    fields["planningCertainty"] = tender.certainty
    fields["aboveEuThreshold"] = tender.above_eu_threshold
    fields["isExample"] = tender.example
    return fields


def _product_group(group_id: str, data: DataSet) -> dict[str, str]:
    group = data.product_groups.get(group_id)
    if group is None:
        return {"id": group_id}
    found = {"id": group_id, "name": group.name.nl}
    return {**found, "uri": group.criteria_url} if group.criteria_url else found


def _category(plan_id: str, data: DataSet) -> dict[str, str]:
    plan = data.category_plans.get(plan_id)
    return {"id": plan_id, "name": plan.name.nl} if plan else {"id": plan_id}
