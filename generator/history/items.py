"""What differs inside two versions of one record: its fields, and the items of its lists.

Items have no file of their own, so they are matched by what identifies them:

- actions and indicators by their `id`;
- a route map's milestones by year and theme; a milestone whose year changed but whose theme
  and Dutch target did not is the same milestone, moved;
- a case's key results by their Dutch label; a result whose label changed is matched by its
  place in the list;
- the measurements of a goal and the values of an indicator by their year;
- the ambitions of a plan by their theme (the key of the mapping).

Two items with the same key (two milestones in one year on one theme) are told apart by their
order: the second is `key#2`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

ItemAction = Literal["added", "removed", "changed", "moved"]


@dataclass(frozen=True)
class FieldChange:
    """One field's value before and after (plain JSON values; None when absent)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ItemChange:
    """One item of a record's list or mapping added, removed, changed or moved."""

    field: str  # the record's field that holds the item: "actions", "milestones", …
    key: str  # what identifies the item: its id, "2030 klimaat", its label, its year
    action: ItemAction
    before: BaseModel | None
    after: BaseModel | None
    fields: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()  # changes inside the item's own lists

    def as_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "key": self.key,
            "action": self.action,
            "old": _dump(self.before),
            "new": _dump(self.after),
            "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in self.fields],
            "items": [item.as_json() for item in self.items],
        }


def _dump(item: BaseModel | None) -> Any:
    return item.model_dump(mode="json", exclude_none=True) if item is not None else None


@dataclass(frozen=True)
class ItemKey:
    """How the items of one list are matched, and how leftovers pair up (moved, relabelled)."""

    key: Callable[[Any], str]
    twin: Callable[[Any, int], Hashable] | None = None  # (item, position) -> pairing key
    twin_action: ItemAction = "changed"


# (model name, field) -> how its items are matched; mappings are matched by their keys.
LISTS: dict[tuple[str, str], ItemKey] = {
    ("ActionPlan", "actions"): ItemKey(lambda action: action.id),
    ("ActionPlan", "indicators"): ItemKey(lambda indicator: indicator.id),
    ("Indicator", "values"): ItemKey(lambda value: str(value.year)),
    ("RouteMap", "milestones"): ItemKey(
        lambda milestone: f"{milestone.year} {milestone.theme}",
        twin=lambda milestone, _: (milestone.theme, milestone.target.nl),
        twin_action="moved",
    ),
    ("Case", "key_results"): ItemKey(
        lambda result: result.label.nl, twin=lambda _, position: position
    ),
    ("Goal", "measurements"): ItemKey(lambda measurement: str(measurement.year)),
}
MAPPINGS: frozenset[tuple[str, str]] = frozenset(
    {("ActionPlan", "ambitions"), ("CategoryPlan", "ambitions")}
)


def field_changes(old: BaseModel, new: BaseModel) -> tuple[FieldChange, ...]:
    """The top-level fields whose values differ, in the model's field order."""
    before = old.model_dump(mode="json", exclude_none=True)
    after = new.model_dump(mode="json", exclude_none=True)
    names = [name for name in type(new).model_fields if name != "id"]
    return tuple(
        FieldChange(name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    )


def item_changes(old: BaseModel, new: BaseModel) -> tuple[ItemChange, ...]:
    """The items added, removed, changed or moved in each list the model has a key for."""
    model = type(new).__name__
    changes: list[ItemChange] = []
    for name in type(new).model_fields:
        before, after = getattr(old, name, None), getattr(new, name, None)
        if (model, name) in LISTS:
            changes += _list_changes(name, LISTS[model, name], before or [], after or [])
        elif (model, name) in MAPPINGS:
            changes += _mapping_changes(name, before or {}, after or {})
    return tuple(changes)


def _changed(field: str, key: str, old: BaseModel, new: BaseModel) -> ItemChange | None:
    """The item's changes, or None when it is the same."""
    fields = field_changes(old, new)
    if not fields:
        return None
    return ItemChange(field, key, "changed", old, new, fields, item_changes(old, new))


def _mapping_changes(
    field: str, before: Mapping[str, BaseModel], after: Mapping[str, BaseModel]
) -> list[ItemChange]:
    changes = []
    for key in [*after, *(key for key in before if key not in after)]:
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            action: ItemAction = "added" if old is None else "removed"
            changes.append(ItemChange(field, key, action, old, new))
        elif change := _changed(field, key, old, new):
            changes.append(change)
    return changes


def _keyed(spec: ItemKey, items: Sequence[BaseModel]) -> dict[str, tuple[int, BaseModel]]:
    """Each item by its key (the second of a key `key#2`), with its position in the list."""
    keyed: dict[str, tuple[int, BaseModel]] = {}
    seen: dict[str, int] = {}
    for position, item in enumerate(items):
        key = spec.key(item)
        seen[key] = seen.get(key, 0) + 1
        keyed[key if seen[key] == 1 else f"{key}#{seen[key]}"] = (position, item)
    return keyed


def _list_changes(
    field: str, spec: ItemKey, before: Sequence[BaseModel], after: Sequence[BaseModel]
) -> list[ItemChange]:
    """Items matched by key; of the rest, twins are one item, others added or removed."""
    old, new = _keyed(spec, before), _keyed(spec, after)
    gone = {key: entry for key, entry in old.items() if key not in new}
    twins = _twins(spec, gone, {key: entry for key, entry in new.items() if key not in old})
    changes: list[ItemChange] = []
    for key, (_, item) in new.items():
        if key in old:
            change = _changed(field, key, old[key][1], item)
        elif key in twins:
            twin = gone.pop(twins[key])[1]
            fields, items = field_changes(twin, item), item_changes(twin, item)
            change = ItemChange(field, key, spec.twin_action, twin, item, fields, items)
        else:
            change = ItemChange(field, key, "added", None, item)
        if change is not None:
            changes.append(change)
    changes += [ItemChange(field, key, "removed", item, None) for key, (_, item) in gone.items()]
    return changes


def _twins(
    spec: ItemKey,
    gone: Mapping[str, tuple[int, BaseModel]],
    new: Mapping[str, tuple[int, BaseModel]],
) -> dict[str, str]:
    """New key -> old key, for leftover items with the same twin key (the first of each)."""
    if spec.twin is None:
        return {}
    waiting: dict[Hashable, str] = {}
    for key, (position, item) in gone.items():
        waiting.setdefault(spec.twin(item, position), key)
    pairs = {}
    for key, (position, item) in new.items():
        if (old_key := waiting.pop(spec.twin(item, position), None)) is not None:
            pairs[key] = old_key
    return pairs
