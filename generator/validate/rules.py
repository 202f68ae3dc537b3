"""Checks across fields and files, each a small function registered under its problem code.

Most rules look at one record at a time (`@rule(code, kind)`); a few need the whole data set
(`@dataset_rule(code)`). Both yield findings; the validator turns each into a problem at the
right line.

A record with a problem in one field is still checked by every rule that does not need that
field, so that an editor sees every problem of a file in one run: such a record reaches the
rules as a partial record (its valid fields only, see `validate.fields.partial_record`), and a
rule that reads a field it lacks is skipped for that record alone.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from generator.base.i18n import LANGS
from generator.models import Tender
from generator.models.common import (
    IsUrl,
    LocalizedMarkdown,
    LocalizedText,
    LocalizedTitle,
    PlannedDate,
)
from generator.models.paths import compile_paths, values_at
from generator.models.product_group import CRITERIA_HOST, ProductGroup
from generator.models.typehints import ref_marker
from generator.source.dataset import DataSet, Entry
from generator.source.layout import IMAGES, KIND_BY_NAME, KINDS


@dataclass(frozen=True)
class Context:
    """What rules may know besides the data: the date to judge staleness by."""

    today: dt.date


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on one place in one record."""

    entry: Entry
    loc: tuple[Any, ...]
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    at_key: bool = False
    needle: str = ""  # the text inside the value the problem is about, to find its line


DatasetRule = Callable[[DataSet, Context], Iterable[Finding]]
RecordRule = Callable[[Entry, Any, Context], Iterable[Finding]]
DATASET_RULES: dict[str, DatasetRule] = {}
RECORD_RULES: list[tuple[str, str, RecordRule]] = []  # (code, kind, rule)


def dataset_rule(code: str) -> Callable[[DatasetRule], DatasetRule]:
    """Register a rule over the whole data set under the problem code it reports."""

    def register(function: DatasetRule) -> DatasetRule:
        DATASET_RULES[code] = function
        return function

    return register


def rule(code: str, *kinds: str) -> Callable[[RecordRule], RecordRule]:
    """Register a rule run on each record of `kinds` under the problem code it reports."""

    def register(function: RecordRule) -> RecordRule:
        RECORD_RULES.extend((code, kind, function) for kind in kinds)
        return function

    return register


def run_rules(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for check in DATASET_RULES.values():
        yield from check(dataset, context)
    by_kind: dict[str, list[RecordRule]] = {}
    for _, kind, record_rule in RECORD_RULES:
        by_kind.setdefault(kind, []).append(record_rule)
    for kind, rules in by_kind.items():  # each record once, every rule of its kind on it
        for entry, record in dataset.usable(kind):
            for record_rule in rules:
                yield from checked(record_rule, entry, record, context)


def checked(check: RecordRule, entry: Entry, record: Any, context: Context) -> Iterable[Finding]:
    """The findings of one rule on one record; none when a partial record lacks a field the
    rule needs (its problem is reported already). On a whole record, an error is a bug."""
    if entry.record is not None:
        return check(entry, record, context)
    try:
        return list(check(entry, record, context))
    except AttributeError:  # a partial record has no attribute for a field that is not valid
        return []


def each_path(
    check: Callable[..., Iterable[Finding]],
    paths: list[Any],
    entry: Entry,
    record: Any,
    context: Context,
) -> Iterable[Finding]:
    """`check` at every path of a record: in one go on a whole record, path by path on a
    partial one (so that one bad field skips only its own path)."""
    if entry.record is not None:
        return (found for path in paths for found in check(entry, record, context, path))
    return (
        found
        for path in paths
        for found in checked(partial(check, path=path), entry, record, context)
    )


# --- References ------------------------------------------------------------------------------


@dataset_rule("unknown-reference")
def unknown_references(dataset: DataSet, context: Context) -> Iterator[Finding]:
    known = {kind.name: dataset.ids(kind.name) for kind in KINDS}  # sets: a lookup per reference
    for kind in KINDS:
        paths = [
            (path, ref.kind)
            for path, ref in compile_paths(kind.model, ref_marker)
            if not dataset.all_unknown(ref.kind)
        ]
        check = partial(_references, known=known)
        for entry, record in dataset.usable(kind.name):
            yield from each_path(check, paths, entry, record, context)


def _references(
    entry: Entry, record: Any, context: Context, path: Any, known: dict[str, set[str]]
) -> Iterator[Finding]:
    steps, kind = path
    for loc, value, is_key in values_at(record, steps):
        if value not in known[kind]:
            yield Finding(
                entry, loc, "unknown-reference", _unknown(value, kind, sorted(known[kind])), is_key
            )


def _unknown(value: str, kind: str, known: list[str]) -> dict[str, str]:
    target = KIND_BY_NAME[kind]
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        hint_nl, hint_en = f"Bedoelde u '{close[0]}'?", f"Did you mean '{close[0]}'?"
    else:
        listed = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
        hint_nl = f"Bekende waarden (data/{target.path}): {listed}."
        hint_en = f"Known values (data/{target.path}): {listed}."
    return {
        "value": value,
        "kind_nl": target.label_nl,
        "kind_en": target.label_en,
        "suggestion_nl": hint_nl,
        "suggestion_en": hint_en,
    }


@dataset_rule("reference-cycle")
def organisation_cycles(dataset: DataSet, context: Context) -> Iterator[Finding]:
    parents = {
        entry.id: org.parent
        for entry, org in dataset.usable("organisation")
        if "parent" in org.__dict__
    }
    for entry, org in dataset.usable("organisation"):
        if entry.id not in parents:
            continue
        seen, current = {entry.id}, org.parent
        while current is not None and current in parents:
            if current in seen:
                yield Finding(
                    entry, ("parent",), "reference-cycle", {"value": entry.id, "parent": org.parent}
                )
                break
            seen.add(current)
            current = parents[current]


# --- Within a record --------------------------------------------------------------------------


@rule("duplicate-id", "action-plan")
def duplicate_item_ids(entry: Entry, plan: Any, context: Context) -> Iterator[Finding]:
    for field_name in ("actions", "indicators"):
        if field_name not in plan.__dict__:  # not valid: each list is checked on its own
            continue
        first: dict[str, int] = {}
        for index, item in enumerate(getattr(plan, field_name)):
            if item.id in first:
                line, _ = entry.source.position((*entry.base, field_name, first[item.id]))
                yield Finding(
                    entry,
                    (field_name, index, "id"),
                    "duplicate-id",
                    {"value": item.id, "first": line},
                )
            first.setdefault(item.id, index)


_STEPS = {  # field -> (Dutch, English) names used in the message
    "market_consultation": ("de marktconsultatie", "the market consultation"),
    "expected_publication": ("de verwachte publicatie", "the expected publication"),
    "contract_start": ("de start van het contract", "the contract start"),
    "published_on": ("de publicatie op TenderNed", "the publication on TenderNed"),
    "awarded_on": ("de gunning", "the award"),
    "withdrawn_on": ("de intrekking", "the withdrawal"),
    "start": ("het begin", "the start"),
    "end": ("het einde", "the end"),
    "baseline": ("het basisjaar", "the baseline year"),
    "target": ("het doeljaar", "the target year"),
}


def _order(
    entry: Entry, earlier: tuple[str, Any], later: tuple[str, Any], loc: tuple[Any, ...]
) -> Finding:
    return Finding(
        entry,
        loc,
        "dates-out-of-order",
        {
            "earlier": earlier[1],
            "later": later[1],
            "earlier_nl": _STEPS[earlier[0]][0],
            "earlier_en": _STEPS[earlier[0]][1],
            "later_nl": _STEPS[later[0]][0],
            "later_en": _STEPS[later[0]][1],
        },
    )


def _before(a: PlannedDate, b: PlannedDate) -> bool:
    """True when `b` certainly lies before `a` (ranges such as quarters may overlap)."""
    return b.end < a.start


@rule("dates-out-of-order", "category-plan", "action-plan")
def period_in_order(entry: Entry, plan: Any, context: Context) -> Iterator[Finding]:
    if plan.period.end < plan.period.start:
        yield _order(
            entry, ("start", plan.period.start), ("end", plan.period.end), ("period", "end")
        )


@rule("dates-out-of-order", "action-plan")
def indicator_years_in_order(entry: Entry, plan: Any, context: Context) -> Iterator[Finding]:
    for index, indicator in enumerate(plan.indicators):
        if indicator.target.year < indicator.baseline.year:
            yield _order(
                entry,
                ("baseline", indicator.baseline.year),
                ("target", indicator.target.year),
                ("indicators", index, "target", "year"),
            )


@rule("dates-out-of-order", "tender")
def consultation_before_publication(
    entry: Entry, tender: Tender, context: Context
) -> Iterator[Finding]:
    consultation, publication = tender.market_consultation, tender.expected_publication
    if consultation and _before(consultation.planned, publication):
        yield _order(
            entry,
            ("market_consultation", consultation.planned),
            ("expected_publication", publication),
            ("expected_publication",),
        )


@rule("dates-out-of-order", "tender")
def publication_before_start(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    publication = tender.expected_publication
    if tender.contract_start and _before(publication, tender.contract_start):
        yield _order(
            entry,
            ("expected_publication", publication),
            ("contract_start", tender.contract_start),
            ("contract_start",),
        )


@rule("range-inverted", "tender")
def value_range(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    yield from _inverted(entry, ("estimated_value",), tender.estimated_value)


@rule("range-inverted", "tender")
def lot_value_ranges(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    for index, lot in enumerate(tender.lots):
        yield from _inverted(entry, ("lots", index, "estimated_value"), lot.estimated_value)


def _inverted(entry: Entry, loc: tuple[Any, ...], value: Any) -> Iterator[Finding]:
    if value is not None and value.min > value.max:
        yield Finding(entry, (*loc, "max"), "range-inverted", {"min": value.min, "max": value.max})


@rule("missing-withdrawal-reason", "tender")
def withdrawal_reason(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    if tender.status == "withdrawn" and tender.withdrawal_reason is None:
        yield Finding(entry, ("status",), "missing-withdrawal-reason")
    elif tender.status != "withdrawn" and tender.withdrawal_reason is not None:
        yield Finding(entry, ("withdrawal_reason",), "reason-without-withdrawal")


@rule("missing-tenderned-link", "tender")
def tenderned_link(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    if tender.status in ("published", "awarded") and tender.tenderned_url is None:
        yield Finding(entry, ("status",), "missing-tenderned-link", {"status": tender.status})


# The address TenderNed gives each notice: its overview page, named by the publication number.
TENDERNED_NOTICE = re.compile(r"https://www\.tenderned\.nl/aankondigingen/overzicht/[0-9]+/?")


@rule("not-tenderned", "tender")
def tenderned_notice(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    url = tender.tenderned_url
    if url is not None and not TENDERNED_NOTICE.fullmatch(url):
        yield Finding(entry, ("tenderned_url",), "not-tenderned", {"value": url})


@rule("invalid-measure", "goal")
def measure_fits_goal(entry: Entry, goal: Any, context: Context) -> Iterator[Finding]:
    """Only an effort goal is measured from the calendar; two measures need the goal's theme."""
    if goal.measured_by is None:
        return
    if goal.kind != "effort":
        yield Finding(entry, ("measured_by",), "invalid-measure", _MEASURE_WHY["not-effort"])
    elif goal.measured_by in ("social-return", "isv") and goal.theme is None:
        yield Finding(entry, ("measured_by",), "invalid-measure", _MEASURE_WHY["no-theme"])


_MEASURE_WHY = {
    "not-effort": {
        "why_nl": "alleen een inspanningsdoel (kind: effort) wordt uit de kalender gemeten",
        "why_en": "only an effort goal (kind: effort) is measured from the calendar",
    },
    "no-theme": {
        "why_nl": "deze meting telt de aanbestedingen met het thema van het doel, en het doel "
        "heeft geen theme",
        "why_en": "this measure counts the tenders with the goal's theme, and the goal has no "
        "theme",
    },
}


@rule("not-criteria-tool", "product-group")
def criteria_tool_page(entry: Entry, group: ProductGroup, context: Context) -> Iterator[Finding]:
    url = group.criteria_url
    if url is not None and urlsplit(url)[:2] != ("https", CRITERIA_HOST):
        yield Finding(entry, ("criteria_url",), "not-criteria-tool", {"value": url})


# What happened to a tender, and the statuses each date belongs to: a withdrawn tender may have
# been published first; only an awarded one has an award.
_EVENTS: dict[str, frozenset[str]] = {
    "published_on": frozenset({"published", "awarded", "withdrawn"}),
    "awarded_on": frozenset({"awarded"}),
    "withdrawn_on": frozenset({"withdrawn"}),
}
_NEEDED = {"published": ("published_on",), "awarded": ("published_on", "awarded_on")}


@rule("missing-event-date", "tender")
def event_dates_given(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    for name in _NEEDED.get(tender.status, ()):
        if getattr(tender, name) is None:
            yield Finding(
                entry, ("status",), "missing-event-date", {"status": tender.status, "field": name}
            )


@rule("date-without-status", "tender")
def event_dates_fit_status(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    for name, statuses in _EVENTS.items():
        if getattr(tender, name) is not None and tender.status not in statuses:
            allowed = ", ".join(s for s in ("published", "awarded", "withdrawn") if s in statuses)
            yield Finding(
                entry,
                (name,),
                "date-without-status",
                {"field": name, "status": tender.status, "allowed": allowed},
            )


@rule("date-in-future", "tender")
def event_dates_past(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    for name in _EVENTS:
        day = getattr(tender, name)
        if day is not None and day > context.today:
            yield Finding(
                entry,
                (name,),
                "date-in-future",
                {"field": name, "value": day.isoformat(), "today": context.today.isoformat()},
            )


@rule("dates-out-of-order", "tender")
def events_in_order(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    published = tender.published_on
    for name in ("awarded_on", "withdrawn_on"):
        day = getattr(tender, name)
        if published is not None and day is not None and day < published:
            yield _order(entry, ("published_on", published), (name, day), (name,))


@dataset_rule("missing-image")
def images_exist(dataset: DataSet, context: Context) -> Iterator[Finding]:
    folder = dataset.root / IMAGES

    def check(entry: Entry, case: Any, context: Context) -> Iterator[Finding]:
        for index, image in enumerate(case.images):
            path = folder / image.file
            if folder not in path.resolve().parents or not path.is_file():
                yield Finding(
                    entry, ("images", index, "file"), "missing-image", {"value": image.file}
                )

    for entry, case in dataset.usable("case"):
        yield from checked(check, entry, case, context)


# --- Warnings ---------------------------------------------------------------------------------


def _url_marker(tp: Any, metadata: tuple[Any, ...]) -> bool | None:
    return True if any(isinstance(m, IsUrl) for m in metadata) else None


def _text_marker(tp: Any, metadata: tuple[Any, ...]) -> bool | None:
    return True if tp in (LocalizedText, LocalizedTitle, LocalizedMarkdown) else None


_HTTP_IN_MARKDOWN = re.compile(r"\]\(\s*(http://[^)\s]+)")


@dataset_rule("insecure-link")
def insecure_links(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for kind in KINDS:
        paths = [path for path, _ in compile_paths(kind.model, _url_marker)]
        paths += [path for path, _ in compile_paths(kind.model, _text_marker)]
        for entry, record in dataset.usable(kind.name):
            yield from each_path(_insecure, paths, entry, record, context)


def _insecure(entry: Entry, record: Any, context: Context, path: Any) -> Iterator[Finding]:
    """http:// in a web-address field, or in a link inside a text."""
    for loc, value, _ in values_at(record, path):
        if isinstance(value, str):
            if value.startswith("http://"):
                yield Finding(entry, loc, "insecure-link", {"value": value})
            continue
        for lang in LANGS:
            for match in _HTTP_IN_MARKDOWN.finditer(getattr(value, lang) or ""):
                params = {"value": match[1]}
                yield Finding(entry, (*loc, lang), "insecure-link", params, needle=match[1])


@dataset_rule("english-missing")
def english_missing(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for kind in KINDS:
        texts = [path for path, _ in compile_paths(kind.model, _text_marker)]
        for entry in dataset.valid(kind.name):  # only whole records: it lists every field
            missing = [
                _dotted(loc)
                for path in texts
                for loc, text, _ in values_at(entry.record, path)
                if not text.has("en")
            ]
            if missing:
                yield Finding(entry, (), "english-missing", {"fields": ", ".join(missing)})


def _dotted(loc: tuple[Any, ...]) -> str:
    return ".".join(str(step) for step in loc)


@rule("publication-in-past", "tender")
def publication_in_past(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    if tender.planning_overdue(context.today):
        yield Finding(
            entry,
            ("expected_publication",),
            "publication-in-past",
            {"value": tender.expected_publication, "status": tender.status},
        )


@rule("plan-not-reviewed", "category-plan")
def plan_not_reviewed(entry: Entry, plan: Any, context: Context) -> Iterator[Finding]:
    if plan.review_overdue(context.today):
        yield Finding(entry, ("last_reviewed",), "plan-not-reviewed", {"value": plan.last_reviewed})
