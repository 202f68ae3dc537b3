"""The tender calendar as an OCDS 1.1 release package: one `planning` release per tender.

Pure functions of the data, the cross references and the configuration, so the same data give
the same bytes. Fields OCDS has no place for (ambition level, MVI theme and category, date
precision, the example marker) are declared in our own extension, `ocds_extension/`.

Mapping decisions, each checked against the 1.1.5 codelists by tests/test_ocds.py:

- status: planned and market-consultation → `planned`; published → `active`; awarded →
  `complete`; withdrawn → `withdrawn`, its reason in a `cancellationDetails` document (1.1.5
  has no `tender.statusDetails`).
- procedure → `procurementMethod` as in GLOSSARY.md (single-source is `direct`, not `limited`:
  the codelist's `direct` is "awarded to a single supplier without competition").
- dates: a calendar day becomes its midnight in Europe/Amsterdam; a month or quarter becomes its
  first day, and its precision goes into our extension.
- release `date` and `id`: the commit that last changed the tender (`History.last_change`):
  its moment, and its hash in the id, so each change is a new release and a rebuild of the same
  commit the same release. Without that commit (a build without Git history, a change not yet
  committed) the release is dated by the build's day (`--today`, `$SOURCE_DATE_EPOCH` or the
  clock), when this system published it, and its id is that day with a digest of the tender,
  so that one id never names two contents. `publishedDate` is the newest release date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
OCDS_VERSION = "1.1"
LICENSE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"  # CC0, as the other exports
CURRENCY = "EUR"
_EXTENSION_BASE = "https://raw.githubusercontent.com/open-contracting-extensions"
# The registry extensions the releases use. Lots is pinned to v1.1.5: its master branch no
# longer validates against OCDS 1.1. The others are referred to as the registry does (master).
REGISTRY_EXTENSIONS: tuple[str, ...] = (
    f"{_EXTENSION_BASE}/ocds_lots_extension/v1.1.5/extension.json",
    f"{_EXTENSION_BASE}/ocds_communication_extension/master/extension.json",
    f"{_EXTENSION_BASE}/ocds_suitability_extension/master/extension.json",
    f"{_EXTENSION_BASE}/ocds_sustainability_extension/master/extension.json",
)
_PREFIX = re.compile(r"^ocds-[a-z0-9]{6}$")

STATUS: dict[str, str] = {  # our status → tenderStatus.csv (closed)
    "planned": "planned",
    "market-consultation": "planned",
    "published": "active",
    "awarded": "complete",
    "withdrawn": "withdrawn",
}
# releaseTag.csv (closed): before publication a release describes the planning. Published and
# awarded tenders are `tender` releases: we hold no award details, so `award` would promise
# an awards section we cannot fill.
TAG: dict[str, str] = {
    "planned": "planning",
    "market-consultation": "planning",
    "withdrawn": "planning",
    "published": "tender",
    "awarded": "tender",
}
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

# MVI theme → sustainabilityGoal.csv. One goal per theme; where a theme is broader than any
# sub-code (diversity and inclusion; environment and biodiversity) its parent code is used.
THEME_GOALS: dict[str, str] = {
    "klimaat": "environmental.carbonEmissionsReduction",  # climate-neutral: CO2 measured
    "circulair": "environmental.circularEconomy",
    "social-return": "social.disadvantagedEmploymentOpportunities",
    "internationale-sociale-voorwaarden": "social.humanRightsInSupplyChains",
    "innovatie": "economic.innovativePurchase",  # launching customer
    "diversiteit-en-inclusie": "social",
    "milieu-en-biodiversiteit": "environmental",
}
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
    """What a release is dated by: the commit that last changed its tender, else the build's day."""

    day: dt.date  # the build's: `--today`, `$SOURCE_DATE_EPOCH` or the clock
    commit: Commit | None = None

    @property
    def moment(self) -> str:
        return self.commit.moment.isoformat() if self.commit else timestamp(self.day)


def release_package(
    data: DataSet,
    ref: CrossRef,
    config: OcdsConfig,
    history: History,
    today: dt.date,
    path: str = OCDS_PATH,
) -> dict[str, Any]:
    """All tenders, in calendar order, as one release package published at `path`."""
    if not ref.tenders:
        raise ValueError("no tenders to export: an OCDS release package needs one release")
    dated = [
        (tender, Dated(today, history.last_change("tender", tender.id, tender)))
        for tender in ref.tenders
    ]
    releases = [release(tender, data, config, when) for tender, when in dated]
    return {
        "uri": config.site_url + path,
        "version": OCDS_VERSION,
        "publishedDate": max((item["date"] for item in releases), key=dt.datetime.fromisoformat),
        "publisher": {"name": config.publisher_name},
        "license": LICENSE_URL,
        "extensions": [*REGISTRY_EXTENSIONS, config.extension_url],
        "releases": releases,
    }


def release(tender: Tender, data: DataSet, config: OcdsConfig, dated: Dated) -> dict[str, Any]:
    """One release: the tender's state as of its last change (see the module's docstring)."""
    ocid = f"{config.ocid_prefix}-{tender.id}"
    buyer = _organisation_reference(tender.buyer, data)
    body: dict[str, Any] = {
        "ocid": ocid,
        "id": f"{ocid}-{_release_key(tender, dated)}",
        "date": dated.moment,
        "tag": [TAG[tender.status]],
        "initiationType": "tender",
        "language": "nl",
        "parties": [_buyer_party(tender, data)],
        "buyer": buyer,
        "planning": _planning(tender, data, config),
        "tender": _tender(tender, data, config),
    }
    return {key: value for key, value in body.items() if value}


def _release_key(tender: Tender, dated: Dated) -> str:
    """A new change gives a new id, so an edited tender is a new release, not a changed one."""
    if dated.commit is not None:
        return dated.commit.sha[:12]
    content = hashlib.blake2b(tender.model_dump_json().encode(), digest_size=4).hexdigest()
    return f"{dated.day.isoformat()}-{content}"


def timestamp(day: dt.date) -> str:
    """Midnight at the start of `day` in Europe/Amsterdam: `2027-07-01T00:00:00+02:00`."""
    return dt.datetime.combine(day, dt.time(), AMSTERDAM).isoformat()


def dumps(package: dict[str, Any]) -> bytes:
    """Stable UTF-8 JSON in OCDS field order, ending with a newline."""
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


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
    """The calendar page (a notice of planned procurement), TenderNed, the withdrawal."""
    page = config.site_url + record_url("tender", tender.id, "nl")
    documents = [
        _document("calendar", "plannedProcurementNotice", "Aankondiging in de kalender", page)
    ]
    if url := tender.tenderned_url:
        documents.append(_document("tenderned", "tenderNotice", "Aankondiging op TenderNed", url))
    if tender.status == "withdrawn" and (reason := tender.withdrawal_reason):
        title = "Reden van intrekking"
        documents.append(_document("withdrawal", "cancellationDetails", title, page, reason.nl))
    return documents


def _document(
    document_id: str, kind: str, title: str, url: str, description: str | None = None
) -> dict[str, Any]:
    document = {"id": document_id, "documentType": kind, "title": title}
    if description:
        document["description"] = description
    return {**document, "url": url, "format": "text/html", "language": "nl"}


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
    return [_theme_entry(tender, theme_id) for theme_id in sorted(tender.themes, key=order)]


def _theme_entry(tender: Tender, theme_id: str) -> dict[str, Any]:
    applied = tender.themes[theme_id]
    goal = THEME_GOALS.get(theme_id)  # a theme added after this mapping gets no goal
    strategies = [STRATEGIES[application] for application in applied.applied_as]
    if tender.mvi_criteria_product_group and goal and goal.startswith("environmental"):
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
    if tender.mvi_criteria_product_group:
        fields["mviCriteriaProductGroup"] = tender.mvi_criteria_product_group
    fields["planningCertainty"] = tender.certainty
    fields["aboveEuThreshold"] = tender.above_eu_threshold
    fields["isExample"] = tender.example
    return fields


def _category(plan_id: str, data: DataSet) -> dict[str, str]:
    plan = data.category_plans.get(plan_id)
    return {"id": plan_id, "name": plan.name.nl} if plan else {"id": plan_id}
