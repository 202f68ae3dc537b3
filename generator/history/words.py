"""Changes to records other than tenders, in words: which action, indicator, milestone, goal,
ambition or key result changed, and from what to what.

Values read as the site shows them: labels for codes ("loopt", not in-progress), planned dates
at their precision, numbers in the language's notation with their unit, short texts quoted.
A long text or a Markdown text is only said to have changed: the pull request shows the lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from generator.base import i18n
from generator.base.i18n import Lang, t
from generator.history.items import LISTS, MAPPINGS, FieldChange, ItemChange
from generator.models.common import (
    LocalizedMarkdown,
    LocalizedText,
    LocalizedTitle,
    Period,
    PlannedDate,
)
from generator.models.theme import AmbitionScale
from generator.models.typehints import alternatives, ref_marker

SHORT_TEXT = 100  # characters; a longer text is "changed", not quoted from and to
QUOTED = 60  # characters of a title or label quoted to name an item
# Items that are a value: when only that changed, the item itself is raised or lowered.
VALUED = frozenset({"values", "measurements", "key_results"})

# The label of each field, by name: mostly the words the record's page uses for it.
FIELD_LABELS: dict[str, str] = {
    "abbreviation": "change.label.abbreviation",
    "actions": "action.actions",
    "ambitions": "action.ambitions",
    "baseline": "action.baseline",
    "body": "change.label.body",
    "categories": "case.categories",
    "category_manager": "plan.manager",
    "contact": "contact",
    "deadline": "change.label.deadline",
    "description": "tender.description",
    "due": "change.label.due",
    "example": "example.badge",
    "for_bidders": "level.for-bidders",
    "goal": "change.label.goal",
    "images": "change.label.images",
    "indicators": "action.indicators",
    "isv_risk": "change.label.isv-risk",
    "key_results": "case.results",
    "kind": "org.kind",
    "label": "change.label.label",
    "last_reviewed": "plan.reviewed",
    "level": "chart.level",
    "market_developments": "plan.market",
    "measurements": "goal.measurements",
    "milestones": "route.milestones",
    "name": "change.label.name",
    "ocds_goal": "change.label.ocds-goal",
    "order": "change.label.order",
    "organisation": "action.organisation",
    "organisations": "case.organisations",
    "owner": "action.owner",
    "parent": "org.parent",
    "part_of": "goal.part-of",
    "measured_by": "goal.measured-by",
    "criteria_url": "product-group.criteria",
    "high_impact": "product-groups.high-impact.badge",
    "partners": "case.partners",
    "period": "period",
    "place": "case.place",
    "plan": "plan.full",
    "product_groups": "plan.product-groups",
    "quote": "change.label.quote",
    "scope": "plan.scope",
    "short_name": "change.label.short-name",
    "source": "goal.source",
    "sources": "sources",
    "status": "tender.status",
    "summary": "summary",
    "target": "route.target",
    "targets": "plan.targets",
    "theme": "tender.theme",
    "themes": "case.themes",
    "title": "tender.title",
    "unit": "chart.unit",
    "value": "route.value",
    "values": "goal.measurements",
    "website": "org.website",
    "year": "route.year",
}
# Where one model's field means something else than the same name elsewhere.
MODEL_LABELS: dict[tuple[str, str], str] = {
    ("Goal", "kind"): "goal.kind",
    ("Goal", "target"): "goal.target",
    ("Indicator", "target"): "chart.progress.target",
    ("RouteMap", "owner"): "route.owner",
}
# Fields holding a code, and the table of labels the site shows for it.
ENUM_FIELDS: dict[tuple[str, str], str] = {
    ("Action", "status"): "action-status",
    ("Goal", "kind"): "goal-kind",
    ("Organisation", "kind"): "organisation-kind",
}
# Fields holding an ambition level: named and ranked by the levels of the data at the time.
LEVEL_FIELDS = frozenset({("ThemeAmbition", "level"), ("TenderTheme", "level")})
NO_LEVELS = AmbitionScale()  # levels unknown: a level is named by its id and not ranked


def describe_record(
    old: BaseModel,
    new: BaseModel,
    fields: Sequence[FieldChange],
    items: Sequence[ItemChange],
    lang: Lang,
    levels: AmbitionScale = NO_LEVELS,
) -> list[str]:
    """One phrase per item added, removed, changed or moved, and one per other field changed;
    `levels` name and rank the ambition levels."""
    return _phrases(old, new, fields, items, lang, None, levels)


def field_label(model: BaseModel, name: str, lang: Lang) -> str:
    key = MODEL_LABELS.get((type(model).__name__, name)) or FIELD_LABELS.get(name)
    return t(key, lang) if key else name.replace("_", " ")


def _phrases(
    old: BaseModel,
    new: BaseModel,
    fields: Sequence[FieldChange],
    items: Sequence[ItemChange],
    lang: Lang,
    unit: str | None,
    levels: AmbitionScale,
) -> list[str]:
    """The phrases of `fields`, the changes of listed items in the place of their list."""
    phrases: list[str] = []
    for change in sorted(fields, key=lambda f: f.field != "status"):  # status first
        listed = [item for item in items if item.field == change.field]
        if listed:
            phrases += [_item_phrase(old, new, item, lang, levels) for item in listed]
        elif _has_items(new, change.field):  # the same items, in another order
            phrases.append(t("change.order", lang, what=field_label(new, change.field, lang)))
        else:
            phrases.append(field_phrase(old, new, change.field, lang, unit, levels=levels))
    return phrases


def field_phrase(
    old: BaseModel,
    new: BaseModel,
    name: str,
    lang: Lang,
    unit: str | None = None,
    what: str | None = None,
    levels: AmbitionScale = NO_LEVELS,
) -> str:
    """One field's change: "Status gewijzigd van niet gestart naar loopt"."""
    what = what or field_label(new, name, lang)
    before, after = getattr(old, name, None), getattr(new, name, None)
    if isinstance(before, list) and isinstance(after, list) and _all_str(before + after):
        return _list_phrase(what, before, after, lang)
    was, now = show(old, name, lang, unit, levels), show(new, name, lang, unit, levels)
    if before is None and now is not None:
        return t("change.given", lang, what=what, new=now)
    if after is None:
        return t("change.value.dropped", lang, what=what)
    if was is None or now is None or was == now:
        return t("change.field", lang, what=what)
    if isinstance(after, PlannedDate):
        return t("change.moved", lang, what=what, old=was, new=now)
    ranks = levels if (type(new).__name__, name) in LEVEL_FIELDS else None
    return t(f"change.{_direction(before, after, ranks)}", lang, what=what, old=was, new=now)


def show(
    model: BaseModel,
    name: str,
    lang: Lang,
    unit: str | None = None,
    levels: AmbitionScale = NO_LEVELS,
) -> str | None:
    """A field's value as the site shows it, or None when it is not shown in a phrase."""
    value = getattr(model, name, None)
    enum = ENUM_FIELDS.get((type(model).__name__, name))
    if enum and value is not None:
        return i18n.lower_first(i18n.label(enum, value, lang))
    if (type(model).__name__, name) in LEVEL_FIELDS and value is not None:
        return i18n.lower_first(levels.label(value, lang))
    return _shown(value, lang, _unit_of(model, lang) or unit, _is_ref(model, name))


def _shown(value: Any, lang: Lang, unit: str | None, ref: bool) -> str | None:
    if value is None or isinstance(value, LocalizedMarkdown):
        return None
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, float):
        return _with_unit(i18n.format_figure(value, lang), unit)
    if isinstance(value, int):  # a year or an order: never '2.030'
        return str(value)
    if isinstance(value, str):
        return value if ref else _quoted(value)
    if isinstance(value, LocalizedText | LocalizedTitle):
        return _quoted(value.get(lang))
    return _shown_model(value, lang, unit)


def _shown_model(value: Any, lang: Lang, unit: str | None) -> str | None:
    if isinstance(value, PlannedDate):
        return i18n.format_planned(value, lang)
    if isinstance(value, dt.date):
        return i18n.format_date(value, lang)
    if isinstance(value, Period):
        return f"{value.start}–{value.end}"
    if isinstance(value, BaseModel) and {"value", "year"} <= set(type(value).model_fields):
        return _measured(value, lang, getattr(value, "unit", None) or unit)  # baseline, target
    return None


def _measured(value: Any, lang: Lang, unit: str | None) -> str:
    """A value in a year: '50 % (2028)'; a target without a year: '50 %'."""
    figure = _with_unit(i18n.format_figure(value.value, lang), unit)
    return f"{figure} ({value.year})" if value.year is not None else figure


def _direction(before: Any, after: Any, levels: AmbitionScale | None) -> str:
    """raised, lowered or changed: numbers and ambition levels (by `levels`) go up or down."""
    old, new = _magnitude(before, levels), _magnitude(after, levels)
    if old is None or new is None or old == new:
        return "changed"
    return "raised" if new > old else "lowered"


def _magnitude(value: Any, levels: AmbitionScale | None) -> float | None:
    """A number to compare: the value itself, a baseline's or target's value, a level's rank
    (None for a level the scale does not know)."""
    if levels is not None:
        return float(levels.rank(value)) or None
    if isinstance(value, BaseModel):
        value = getattr(value, "value", None)
    return value if isinstance(value, float) else None


def _list_phrase(what: str, before: list[str], after: list[str], lang: Lang) -> str:
    """Codes or ids added to or removed from a list: "Thema's: circulair toegevoegd"."""
    added = [value for value in after if value not in before]
    removed = [value for value in before if value not in after]
    parts = [t("change.list.added", lang, names=", ".join(added))] if added else []
    parts += [t("change.list.removed", lang, names=", ".join(removed))] if removed else []
    if not parts:
        return t("change.order", lang, what=what)
    return t("change.item", lang, item=what, changes=", ".join(parts))


# --- Items -------------------------------------------------------------------------------------


def _item_phrase(
    old: BaseModel, new: BaseModel, item: ItemChange, lang: Lang, levels: AmbitionScale
) -> str:
    """One item's change, named as the site shows it: "Actie 'X' (a2): status gewijzigd …"."""
    name = item_name(item, lang)
    if item.before is None or item.after is None:
        return _added_or_removed(old, new, item, name, lang, levels)
    unit = _unit_of(new, lang)  # the unit of the record's values: an indicator's, a goal's
    if item.field in VALUED and [f.field for f in item.fields] == ["value"]:
        return field_phrase(item.before, item.after, "value", lang, unit, what=name)
    fields = [f for f in item.fields if not (item.action == "moved" and f.field == "year")]
    phrases = _phrases(item.before, item.after, fields, item.items, lang, unit, levels)
    parts = [i18n.lower_first(phrase) for phrase in phrases]  # they follow the item's name
    if item.action == "moved":
        return ", ".join([_moved_phrase(item, lang), *parts])
    return t("change.item", lang, item=name, changes=", ".join(parts))


def _added_or_removed(
    old: BaseModel, new: BaseModel, item: ItemChange, name: str, lang: Lang, levels: AmbitionScale
) -> str:
    """ "Mijlpaal 2026 (circulair) toegevoegd: 'Helft circulair.'", with what it says."""
    parent, model = (new, item.after) if item.action == "added" else (old, item.before)
    titled = item.field in ("actions", "indicators")  # named enough once gone
    value = (
        ""
        if titled and item.action == "removed"
        else _item_value(parent, item.field, model, lang, levels)
    )
    key = f"change.item.{item.action}{'.value' if value else ''}"
    return t(key, lang, item=name, value=value)


def _moved_phrase(item: ItemChange, lang: Lang) -> str:
    """A milestone in another year, named by its target: "Mijlpaal 'X' (klimaat) verschoven…"."""
    before: Any = item.before
    after: Any = item.after
    target = _short(after.target.get(lang))
    name = t("change.item.milestone.named", lang, target=target, theme=after.theme)
    return t("change.item.moved", lang, item=name, old=before.year, new=after.year)


def item_name(item: ItemChange, lang: Lang) -> str:
    """How the item is known on its record's page: its title or label, year, theme, id."""
    model = item.after if item.after is not None else item.before
    return _ITEM_NAMES[item.field](item.key, model, lang)


def _titled(key: str) -> Callable[[str, Any, Lang], str]:
    def name(_: str, model: Any, lang: Lang) -> str:
        return t(key, lang, title=_short(model.title.get(lang)), id=model.id)

    return name


_ITEM_NAMES: dict[str, Callable[[str, Any, Lang], str]] = {
    "actions": _titled("change.item.action"),
    "indicators": _titled("change.item.indicator"),
    "milestones": lambda _, m, lang: t("change.item.milestone", lang, year=m.year, theme=m.theme),
    "key_results": lambda _, r, lang: t(
        "change.item.result", lang, label=_short(r.label.get(lang))
    ),
    "values": lambda _, v, lang: t("change.item.measurement", lang, year=v.year),
    "measurements": lambda _, v, lang: t("change.item.measurement", lang, year=v.year),
    "ambitions": lambda theme, _, lang: t("change.item.ambition", lang, theme=theme),
}


def _item_value(
    parent: BaseModel, field: str, model: Any, lang: Lang, levels: AmbitionScale
) -> str:
    """What an added or removed item says in a word: a value, a level, a target."""
    unit = _unit_of(model, lang) or _unit_of(parent, lang)
    if field == "actions":
        due = i18n.lower_first(field_label(model, "due", lang))
        return f"{show(model, 'status', lang)}, {due} {i18n.format_planned(model.due, lang)}"
    if field == "indicators":
        target = i18n.lower_first(field_label(model, "target", lang))
        return f"{target} {show(model, 'target', lang)}"
    if field == "milestones":
        value = _shown(model.value, lang, unit, False)
        return ", ".join(filter(None, [f"'{_short(model.target.get(lang))}'", value]))
    if field == "ambitions":
        return str(show(model, "level", lang, levels=levels))
    return _shown(getattr(model, "value", None), lang, unit, False) or ""


# --- Words --------------------------------------------------------------------------------------


def _unit_of(model: Any, lang: Lang) -> str | None:
    """The unit a model's values are in: its own, or its target's (a goal's measurements)."""
    unit = getattr(model, "unit", None)
    target = getattr(model, "target", None)
    if unit is None and isinstance(target, BaseModel):
        unit = getattr(target, "unit", None)
    return unit.get(lang) if isinstance(unit, LocalizedText) else unit


def _is_ref(model: BaseModel, name: str) -> bool:
    """The field holds the id of another record (a theme, an organisation, a goal)."""
    info = type(model).model_fields.get(name)
    if info is None:
        return False
    found = alternatives(info.annotation, tuple(info.metadata))
    return any(ref_marker(tp, metadata) for tp, metadata in found)


def _has_items(model: BaseModel, name: str) -> bool:
    key = (type(model).__name__, name)
    return key in LISTS or key in MAPPINGS


def _all_str(values: list[Any]) -> bool:
    return all(isinstance(value, str) for value in values)


def _with_unit(figure: str, unit: str | None) -> str:
    return f"{figure} {unit}" if unit else figure


def _short(text: str) -> str:
    """A title or label to name an item by: on one line, cut with '…' past QUOTED characters."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTED else text[: QUOTED - 1].rstrip() + "…"


def _quoted(text: str) -> str | None:
    """A value in quotes, on one line; None for a text too long to quote whole."""
    text = " ".join(text.split())
    return f"'{text}'" if len(text) <= SHORT_TEXT else None
