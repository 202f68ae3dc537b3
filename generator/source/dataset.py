"""The validated data set: every record of every kind, and where each came from."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.models import (
    ActionPlan,
    AmbitionLevelInfo,
    Case,
    CategoryPlan,
    Goal,
    Organisation,
    ProductGroup,
    RouteMap,
    Tender,
    Theme,
)
from generator.models.common import Strict
from generator.models.theme import AmbitionScale
from generator.source.layout import KINDS, Kind
from generator.source.yamlsource import Loc, YamlSource


@dataclass
class Entry:
    """One record as read from its file; `record` is None when it did not validate, and then
    `partial` holds its valid fields (for the rules across fields and files)."""

    kind: Kind
    id: str
    source: YamlSource
    base: Loc  # where the record starts inside its file: () or (id,) in a mapping file
    raw: Any
    record: Strict | None = None
    partial: Strict | None = None


@dataclass
class DataSet:
    """All entries by kind and id; the valid records are what later stages may trust."""

    root: Path
    entries: dict[str, dict[str, Entry]] = field(
        default_factory=lambda: {kind.name: {} for kind in KINDS}
    )

    unreadable: dict[str, set[str]] = field(default_factory=dict)

    def mark_unreadable(self, kind: Kind, stem: str) -> None:
        """Remember a file that could not be parsed: its ids are unknown, not missing."""
        self.unreadable.setdefault(kind.name, set()).add(stem if kind.is_folder else "*")

    def add(self, entry: Entry) -> None:
        self.entries[entry.kind.name][entry.id] = entry

    def ids(self, kind: str) -> set[str]:
        """Every id of a kind, valid or not, so one bad file does not cascade into others."""
        return set(self.entries[kind]) | self.unreadable.get(kind, set())

    def all_unknown(self, kind: str) -> bool:
        """True when the single file of a kind could not be read, so no id can be checked."""
        return "*" in self.unreadable.get(kind, set())

    def valid(self, kind: str) -> Iterator[Entry]:
        return (entry for entry in self.entries[kind].values() if entry.record is not None)

    def usable(self, kind: str) -> Iterator[tuple[Entry, Any]]:
        """Each entry of `kind` with what the rules may read of it: the whole record, or the
        partial record of its valid fields when it did not validate."""
        for entry in self.entries[kind].values():
            if (record := entry.record or entry.partial) is not None:
                yield entry, record

    def records(self, kind: str) -> dict[str, Any]:
        return {entry.id: entry.record for entry in self.valid(kind)}

    def frozen(self) -> FrozenDataSet:
        """This data set for the output stages, where each kind's records are built once.

        Templates look names up per table row (`data.organisations.get(...)`); building the
        dict on every lookup made a calendar of N tenders cost N times the organisations.
        """
        if isinstance(self, FrozenDataSet):
            return self
        return FrozenDataSet(root=self.root, entries=self.entries, unreadable=self.unreadable)

    @property
    def themes(self) -> dict[str, Theme]:
        return self.records("theme")

    def theme_order(self) -> Callable[[str], tuple[int, str]]:
        """Sort key for theme ids: the themes' own order, then the id (unknown ids first)."""
        themes = self.themes  # built once per key, not once per comparison
        return lambda theme_id: (themes[theme_id].order if theme_id in themes else 0, theme_id)

    @property
    def ambition_levels(self) -> dict[str, AmbitionLevelInfo]:
        return self.records("ambition-level")

    def ambition_scale(self) -> AmbitionScale:
        """The ambition levels, lowest first, as data/ambition-levels.yaml orders them."""
        return AmbitionScale.of(self.ambition_levels.values())

    @property
    def goals(self) -> dict[str, Goal]:
        return self.records("goal")

    @property
    def product_groups(self) -> dict[str, ProductGroup]:
        return self.records("product-group")

    @property
    def organisations(self) -> dict[str, Organisation]:
        return self.records("organisation")

    @property
    def category_plans(self) -> dict[str, CategoryPlan]:
        return self.records("category-plan")

    @property
    def route_maps(self) -> dict[str, RouteMap]:
        return self.records("route-map")

    @property
    def tenders(self) -> dict[str, Tender]:
        return self.records("tender")

    @property
    def action_plans(self) -> dict[str, ActionPlan]:
        return self.records("action-plan")

    @property
    def cases(self) -> dict[str, Case]:
        return self.records("case")


@dataclass
class FrozenDataSet(DataSet):
    """A data set read after validation: records are built once per kind and then kept.

    Changes to the entries after `DataSet.frozen()` are not seen: freeze when they are done.
    """

    _records: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, entry: Entry) -> None:
        raise TypeError("a frozen data set takes no new entries")

    def usable(self, kind: str) -> Iterator[tuple[Entry, Any]]:
        """Each entry of `kind` with what the rules may read of it: the whole record, or the
        partial record of its valid fields when it did not validate."""
        for entry in self.entries[kind].values():
            if (record := entry.record or entry.partial) is not None:
                yield entry, record

    def records(self, kind: str) -> dict[str, Any]:
        if kind not in self._records:
            self._records[kind] = super().records(kind)
        return self._records[kind]
