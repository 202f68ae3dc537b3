"""What changed between two versions of the data, record by record, in a supplier's words.

Pure functions: two mappings of records in, a list of `RecordChange` out, and phrases such as
"verwachte publicatie verschoven van 1e kwartaal 2027 naar 3e kwartaal 2027". A change names
the items of the record's lists that changed (`items.py` matches them) and the other kinds are
put in words by `words.py`: "Actie 'Circulaire meubels' (a2): status gewijzigd van niet gestart
naar loopt". The same changes feed `mvi-site diff` (Markdown for a pull request, JSON for
tools), the site's change page, the history on each tender page and the Atom feed of changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from generator.base import i18n
from generator.base.i18n import Lang, t
from generator.history.items import FieldChange, ItemChange, field_changes, item_changes
from generator.history.words import NO_LEVELS, describe_record
from generator.models import Tender
from generator.models.common import PlannedDate
from generator.models.tender import ValueRange
from generator.models.theme import AmbitionLevelInfo, AmbitionScale
from generator.source.layout import KINDS

Action = Literal["added", "changed", "withdrawn", "removed"]
KIND_ORDER = {kind.name: number for number, kind in enumerate(KINDS)}
# Bookkeeping fields: their change is not news for a supplier on its own.
QUIET_FIELDS = frozenset({"last_reviewed"})
# Tender fields in the order a supplier cares about them, with the label the site uses.
TENDER_LABELS: dict[str, str] = {
    "status": "tender.status",
    "published_on": "tender.published-on",
    "awarded_on": "tender.awarded-on",
    "withdrawn_on": "tender.withdrawn-on",
    "expected_publication": "tender.publication",
    "estimated_value": "tender.value",
    "market_consultation": "tender.consultation",
    "contract_start": "tender.contract-start",
    "duration": "tender.duration",
    "procedure": "tender.procedure",
    "kind": "tender.kind",
    "certainty": "tender.certainty",
    "title": "tender.title",
    "buyer": "tender.buyer",
    "category": "tender.category",
    "above_eu_threshold": "tender.threshold",
    "sme_suitable": "tender.sme",
    "cpv": "tender.cpv",
    "lots": "tender.lots",
    "themes": "tender.themes",
    "product_group": "tender.criteria",
    "innovation_instruments": "tender.instruments",
    "social_impact_weighting": "tender.impact-weighting",
    "description": "tender.description",
    "contact": "contact",
}


@dataclass(frozen=True)
class RecordChange:
    """One record added, changed, withdrawn (status) or removed (file deleted)."""

    kind: str
    id: str
    action: Action
    before: BaseModel | None
    after: BaseModel | None
    fields: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()  # the actions, milestones, … of its lists that changed
    levels: AmbitionScale = NO_LEVELS  # the ambition levels when it changed: they name a level

    @property
    def record(self) -> BaseModel:
        """The latest known version: after, or before for a removed record."""
        return self.after if self.after is not None else self.before  # type: ignore[return-value]

    def title(self, lang: Lang) -> str:
        return record_title(self.record, lang)

    def phrases(self, lang: Lang) -> list[str]:
        """Each change in words, most important first."""
        return describe(self, lang)

    def confirmation(self, lang: Lang) -> str | None:
        """For a record deleted: why the editor confirms it (a tender is better withdrawn)."""
        if self.action != "removed":
            return None
        return t(
            "change.confirm.tender" if self.kind == "tender" else "change.confirm.record", lang
        )

    def as_json(self) -> dict[str, Any]:
        confirm = {
            lang: f"{t('change.confirm', lang)}: {self.confirmation(lang)}" for lang in i18n.LANGS
        }
        return {
            "kind": self.kind,
            "id": self.id,
            "action": self.action,
            "title": self.title("nl"),
            "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in self.fields],
            "items": [item.as_json() for item in self.items],
            "summary": {lang: self.phrases(lang) for lang in i18n.LANGS},
            "confirm": confirm if self.action == "removed" else None,
        }


def record_title(record: BaseModel, lang: Lang) -> str:
    for name in ("title", "name"):
        value = getattr(record, name, None)
        if value is not None and hasattr(value, "get"):
            return str(value.get(lang))
    return str(getattr(record, "id", ""))


def diff_records(
    kind: str,
    before: Mapping[str, BaseModel],
    after: Mapping[str, BaseModel],
    levels: AmbitionScale = NO_LEVELS,
) -> list[RecordChange]:
    """Every difference between two versions of one kind's records, sorted by id; `levels`
    are the ambition levels of the new version, which name and rank a level in words."""
    changes = []
    for record_id in sorted(set(before) | set(after)):
        old, new = before.get(record_id), after.get(record_id)
        if old is None and new is not None:
            changes.append(RecordChange(kind, record_id, "added", None, new, levels=levels))
        elif new is None and old is not None:
            changes.append(RecordChange(kind, record_id, "removed", old, None, levels=levels))
        elif old is not None and new is not None:
            fields = field_changes(old, new)
            if not changed_fields(old, new):
                continue
            withdrawn = getattr(new, "status", None) == "withdrawn" != getattr(old, "status", None)
            action: Action = "withdrawn" if withdrawn else "changed"
            items = item_changes(old, new)
            changes.append(RecordChange(kind, record_id, action, old, new, fields, items, levels))
    return changes


def changed_fields(old: BaseModel, new: BaseModel) -> list[FieldChange]:
    """The fields whose change is news (not bookkeeping): what makes a change an event."""
    return [f for f in field_changes(old, new) if f.field not in QUIET_FIELDS]


def diff_datasets(
    before: Mapping[str, Mapping[str, BaseModel]], after: Mapping[str, Mapping[str, BaseModel]]
) -> list[RecordChange]:
    """All kinds: tenders first (what suppliers read), then the order of the data layout."""
    kinds = sorted(set(before) | set(after), key=lambda k: (k != "tender", KIND_ORDER.get(k, 99)))
    levels = level_scale(after.get("ambition-level") or before.get("ambition-level") or {})
    changes: list[RecordChange] = []
    for kind in kinds:
        changes += diff_records(kind, before.get(kind, {}), after.get(kind, {}), levels)
    return changes


def level_scale(records: Mapping[str, BaseModel]) -> AmbitionScale:
    """The ambition levels among one version's records of ambition-levels.yaml."""
    return AmbitionScale.of(r for r in records.values() if isinstance(r, AmbitionLevelInfo))


# --- In words --------------------------------------------------------------------------------


def describe(change: RecordChange, lang: Lang) -> list[str]:
    if change.action == "added":
        return [t("change.added", lang)]
    if change.action == "removed":
        return [t("change.removed", lang)]
    fields = [f for f in change.fields if f.field not in QUIET_FIELDS]
    if isinstance(change.after, Tender) and isinstance(change.before, Tender):
        if any(f.field == "status" for f in fields):  # the status phrase says these
            fields = [f for f in fields if f.field not in ("withdrawal_reason", "tenderned_url")]
        order = list(TENDER_LABELS)
        fields.sort(key=lambda f: order.index(f.field) if f.field in order else len(order))
        return [_tender_phrase(change.before, change.after, f.field, lang) for f in fields]
    assert change.before is not None and change.after is not None
    return describe_record(change.before, change.after, fields, change.items, lang, change.levels)


def _tender_phrase(old: Tender, new: Tender, field: str, lang: Lang) -> str:
    label = t(TENDER_LABELS[field], lang) if field in TENDER_LABELS else field.replace("_", " ")
    if field == "status":
        if new.status == "withdrawn":
            reason = new.withdrawal_reason.get(lang) if new.withdrawal_reason else ""
            return t("change.withdrawn", lang, reason=reason).rstrip(": ")
        text = t("change.status", lang, status=i18n.label("status", new.status, lang).lower())
        if new.status == "published" and new.tenderned_url:
            return f"{text}, {t('change.see-tenderned', lang)}"
        return text
    if field == "expected_publication":
        return t(
            "change.moved",
            lang,
            what=label,
            old=_planned(old.expected_publication, lang),
            new=_planned(new.expected_publication, lang),
        )
    if field == "estimated_value":
        return _value_phrase(old.estimated_value, new.estimated_value, label, lang)
    if field == "contract_start" and old.contract_start and new.contract_start:
        return t(
            "change.moved",
            lang,
            what=label,
            old=_planned(old.contract_start, lang),
            new=_planned(new.contract_start, lang),
        )
    if field == "market_consultation":
        before = old.market_consultation.planned if old.market_consultation else None
        after = new.market_consultation.planned if new.market_consultation else None
        if before and after and before != after:
            return t(
                "change.moved",
                lang,
                what=label,
                old=_planned(before, lang),
                new=_planned(after, lang),
            )
        if after and not before:
            return t("change.planned", lang, what=label, new=_planned(after, lang))
    if field in ("published_on", "awarded_on", "withdrawn_on") and getattr(new, field):
        return t(
            "change.value.known", lang, what=label, new=i18n.format_date(getattr(new, field), lang)
        )
    enum = {"procedure": "procedure", "kind": "kind", "certainty": "certainty"}.get(field)
    if enum:
        old_value, new_value = getattr(old, field), getattr(new, field)
        return t(
            "change.from-to",
            lang,
            what=label,
            old=i18n.label(enum, old_value, lang) if old_value else t("unknown", lang),
            new=i18n.label(enum, new_value, lang) if new_value else t("unknown", lang),
        )
    return t("change.field", lang, what=label)


def _planned(date: PlannedDate, lang: Lang) -> str:
    return i18n.format_planned(date, lang)


def _value_phrase(old: ValueRange | None, new: ValueRange | None, label: str, lang: Lang) -> str:
    if new is None:
        return t("change.value.dropped", lang, what=label)
    amount = i18n.format_range(new.min, new.max, lang)
    if old is None:
        return t("change.value.known", lang, what=label, new=amount)
    was = i18n.format_range(old.min, old.max, lang)
    if new.min >= old.min and new.max >= old.max:
        direction = "raised"
    elif new.min <= old.min and new.max <= old.max:
        direction = "lowered"
    else:  # wider or narrower
        direction = "changed"
    return t(f"change.value.{direction}", lang, what=label, new=amount, old=was)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


def markdown_text(text: str) -> str:
    """Editor text made inert in Markdown: every special character escaped, one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
