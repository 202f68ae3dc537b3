"""Checks across fields and files, each a small function registered under its problem code.

A rule gets the data set (only records that passed their model) and yields findings; the
validator turns each finding into a problem at the right line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from generator.base.i18n import LANGS
from generator.models import Tender
from generator.models.common import (
    AMBITION_LEVELS,
    IsUrl,
    LocalizedMarkdown,
    LocalizedText,
    LocalizedTitle,
    PlannedDate,
)
from generator.models.paths import compile_paths, values_at
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


Rule = Callable[[DataSet, Context], Iterable[Finding]]
RULES: dict[str, Rule] = {}


def rule(code: str) -> Callable[[Rule], Rule]:
    """Register a rule under the problem code it reports."""

    def register(function: Rule) -> Rule:
        RULES[code] = function
        return function

    return register


def run_rules(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for check in RULES.values():
        yield from check(dataset, context)


def _entries(dataset: DataSet, kind: str) -> Iterator[tuple[Entry, Any]]:
    for entry in dataset.valid(kind):
        yield entry, entry.record


# --- References ------------------------------------------------------------------------------


@rule("unknown-reference")
def unknown_references(dataset: DataSet, context: Context) -> Iterator[Finding]:
    known = {kind.name: dataset.ids(kind.name) for kind in KINDS}  # sets: a lookup per reference
    for kind in KINDS:
        paths = compile_paths(kind.model, ref_marker)
        for entry in dataset.valid(kind.name):
            for path, ref in paths:
                if dataset.all_unknown(ref.kind):
                    continue
                for loc, value, is_key in values_at(entry.record, path):
                    if value not in known[ref.kind]:
                        yield Finding(
                            entry,
                            loc,
                            "unknown-reference",
                            _unknown(value, ref.kind, sorted(known[ref.kind])),
                            is_key,
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


@rule("reference-cycle")
def organisation_cycles(dataset: DataSet, context: Context) -> Iterator[Finding]:
    parents = {oid: org.parent for oid, org in dataset.organisations.items()}
    for entry, org in _entries(dataset, "organisation"):
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


@rule("duplicate-id")
def duplicate_item_ids(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for entry, plan in _entries(dataset, "action-plan"):
        for field_name in ("actions", "indicators"):
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


@rule("dates-out-of-order")
def dates_in_order(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for entry, tender in _entries(dataset, "tender"):
        yield from _tender_dates(entry, tender)
    for kind in ("category-plan", "action-plan"):
        for entry, plan in _entries(dataset, kind):
            if plan.period.end < plan.period.start:
                yield _order(
                    entry, ("start", plan.period.start), ("end", plan.period.end), ("period", "end")
                )
    for entry, plan in _entries(dataset, "action-plan"):
        for index, indicator in enumerate(plan.indicators):
            if indicator.target.year < indicator.baseline.year:
                yield _order(
                    entry,
                    ("baseline", indicator.baseline.year),
                    ("target", indicator.target.year),
                    ("indicators", index, "target", "year"),
                )


def _tender_dates(entry: Entry, tender: Tender) -> Iterator[Finding]:
    publication = tender.expected_publication
    consultation = tender.market_consultation
    if consultation and _before(consultation.planned, publication):
        yield _order(
            entry,
            ("market_consultation", consultation.planned),
            ("expected_publication", publication),
            ("expected_publication",),
        )
    if tender.contract_start and _before(publication, tender.contract_start):
        yield _order(
            entry,
            ("expected_publication", publication),
            ("contract_start", tender.contract_start),
            ("contract_start",),
        )


@rule("range-inverted")
def value_ranges(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for entry, tender in _entries(dataset, "tender"):
        ranges = [(("estimated_value",), tender.estimated_value)] + [
            (("lots", index, "estimated_value"), lot.estimated_value)
            for index, lot in enumerate(tender.lots)
        ]
        for loc, value in ranges:
            if value is not None and value.min > value.max:
                yield Finding(
                    entry, (*loc, "max"), "range-inverted", {"min": value.min, "max": value.max}
                )


@rule("missing-withdrawal-reason")
def withdrawal_reason(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for entry, tender in _entries(dataset, "tender"):
        if tender.status == "withdrawn" and tender.withdrawal_reason is None:
            yield Finding(entry, ("status",), "missing-withdrawal-reason")
        elif tender.status != "withdrawn" and tender.withdrawal_reason is not None:
            yield Finding(entry, ("withdrawal_reason",), "reason-without-withdrawal")


@rule("missing-tenderned-link")
def tenderned_link(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for entry, tender in _entries(dataset, "tender"):
        if tender.status in ("published", "awarded") and tender.tenderned_url is None:
            yield Finding(entry, ("status",), "missing-tenderned-link", {"status": tender.status})
        host = urlsplit(tender.tenderned_url or "https://www.tenderned.nl").hostname or ""
        if not re.fullmatch(r"(.+\.)?tenderned\.nl", host):
            yield Finding(
                entry, ("tenderned_url",), "not-tenderned", {"value": tender.tenderned_url}
            )


@rule("missing-image")
def images_exist(dataset: DataSet, context: Context) -> Iterator[Finding]:
    folder = dataset.root / IMAGES
    for entry, case in _entries(dataset, "case"):
        for index, image in enumerate(case.images):
            path = folder / image.file
            if folder not in path.resolve().parents or not path.is_file():
                yield Finding(
                    entry, ("images", index, "file"), "missing-image", {"value": image.file}
                )


# --- Warnings ---------------------------------------------------------------------------------


def _url_marker(tp: Any, metadata: tuple[Any, ...]) -> bool | None:
    return True if any(isinstance(m, IsUrl) for m in metadata) else None


def _text_marker(tp: Any, metadata: tuple[Any, ...]) -> bool | None:
    return True if tp in (LocalizedText, LocalizedTitle, LocalizedMarkdown) else None


_HTTP_IN_MARKDOWN = re.compile(r"\]\(\s*(http://[^)\s]+)")


@rule("insecure-link")
def insecure_links(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for kind in KINDS:
        urls = compile_paths(kind.model, _url_marker)
        texts = [path for path, _ in compile_paths(kind.model, _text_marker)]
        for entry in dataset.valid(kind.name):
            for path, _ in urls:
                for loc, value, _ in values_at(entry.record, path):
                    if value.startswith("http://"):
                        yield Finding(entry, loc, "insecure-link", {"value": value})
            for path in texts:
                for loc, text, _ in values_at(entry.record, path):
                    for lang in LANGS:
                        for match in _HTTP_IN_MARKDOWN.finditer(getattr(text, lang) or ""):
                            yield Finding(entry, (*loc, lang), "insecure-link", {"value": match[1]})


@rule("english-missing")
def english_missing(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for kind in KINDS:
        texts = [path for path, _ in compile_paths(kind.model, _text_marker)]
        for entry in dataset.valid(kind.name):
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


@rule("publication-in-past")
def publication_in_past(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for entry, tender in _entries(dataset, "tender"):
        if tender.planning_overdue(context.today):
            yield Finding(
                entry,
                ("expected_publication",),
                "publication-in-past",
                {"value": tender.expected_publication, "status": tender.status},
            )


@rule("plan-not-reviewed")
def plan_not_reviewed(dataset: DataSet, context: Context) -> Iterator[Finding]:
    for entry, plan in _entries(dataset, "category-plan"):
        if plan.review_overdue(context.today):
            yield Finding(
                entry, ("last_reviewed",), "plan-not-reviewed", {"value": plan.last_reviewed}
            )


@rule("missing-field")
def all_ambition_levels(dataset: DataSet, context: Context) -> Iterator[Finding]:
    """ambition-levels.yaml must describe every level, since every tender may use any."""
    entries = list(dataset.entries["ambition-level"].values())
    if not entries:
        return
    for level in AMBITION_LEVELS:
        if level not in dataset.entries["ambition-level"]:
            yield Finding(entries[0], (), "missing-field", {"field": level})
