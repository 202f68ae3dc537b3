"""What an output reads, recorded as it reads it: how a build knows which outputs to redo.

Every page, feed and download is made from `Inputs`: views of the data set, the cross
references and the change history that note each lookup in a `Reads` ("the tender x", "the
tenders of category y", "all themes") before answering it. A build keeps each output with what
it read and the digest of each of those at the time (`generator/memo.py`); the next build
reuses the output while every digest is unchanged. The views answer with the real records, so
templates and functions read them as before; only the way in is watched.

A digest is taken of what a lookup returned: a record's digest is that of the text of its file
(a record is a function of its file, its id and the code), a list's digest is that of its
members in order, so "the tenders of category y" changes when one of them changes, when one
joins or leaves, and when their order changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import BaseModel

from generator.crossref import CrossRef, build_crossref
from generator.history.git import History
from generator.models.theme import AmbitionScale
from generator.source.dataset import DataSet, FrozenDataSet
from generator.source.layout import KINDS

if TYPE_CHECKING:
    from generator.memo import Memo

_T = TypeVar("_T")
Dep = tuple[str, ...]  # ("record", "tender", "x"), ("index", "tenders_by_category", "y"), …
_KIND_OF: dict[type, str] = {kind.model: kind.name for kind in KINDS}
_FILE_KINDS = frozenset(kind.name for kind in KINDS if kind.is_folder)


class Reads:
    """The lookups one output made."""

    def __init__(self) -> None:
        self.deps: set[Dep] = set()

    def add(self, dep: Dep) -> None:
        self.deps.add(dep)

    def update(self, deps: Iterable[Dep]) -> None:
        self.deps.update(deps)


def _frozen_dataclass(value: Any) -> bool:
    params = getattr(type(value), "__dataclass_params__", None)
    return params is not None and params.frozen


def digest_text(*parts: str) -> str:
    """A short digest of `parts`, each framed by its length so no two sequences collide."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(b"%d:" % len(data))
        h.update(data)
    return h.hexdigest()


@dataclass
class World:
    """This build's data and the digest of anything an output can look up in them."""

    data: FrozenDataSet
    ref: CrossRef
    history: History
    today: dt.date  # part of the settings every output depends on
    extra: dict[str, str] = field(default_factory=dict)  # ("extra", name): digests set by the build
    _digests: dict[Dep, str] = field(default_factory=dict, repr=False)
    # values several outputs are made from (`Inputs.shared`), with the lookups that made them
    _shared: dict[str, tuple[Any, frozenset[Dep]]] = field(default_factory=dict, repr=False)
    # digests of immutable values by identity (each held, so its id is not reused): a chart's
    # rows are digested for every page and language that shows the chart
    _held: dict[int, tuple[Any, str]] = field(default_factory=dict, repr=False)

    def digest(self, dep: Dep) -> str:
        """The digest of `dep` now; equal digests in two builds mean equal answers."""
        if (found := self._digests.get(dep)) is None:
            found = self._digests[dep] = self._compute(dep)
        return found

    def _compute(self, dep: Dep) -> str:
        what, *rest = dep
        if what == "record":
            kind, record_id = rest
            return self.record_digest(kind, self.data.records(kind).get(record_id))
        if what == "kind":
            (kind,) = rest
            records = self.data.records(kind)
            return digest_text(*(f"{i}={self.record_digest(kind, r)}" for i, r in records.items()))
        if what == "index":
            name, key = rest
            return self.value_digest(getattr(self.ref, name).get(key))
        if what == "index-keys":
            (name,) = rest
            return digest_text(*getattr(self.ref, name))
        if what == "list":
            (name,) = rest
            return self.value_digest(getattr(self.ref, name))
        if what == "history":
            return self._history_digest(tuple(rest))
        if what == "history-state":
            return f"{self.history.available} {self.history.reason}"
        if what == "extra":
            return self.extra[rest[0]]
        raise KeyError(f"no digest for {dep!r}")

    def record_digest(self, kind: str, record: Any) -> str:
        """A record of this data set by its file's text (cheap); any other by its content."""
        if record is None:
            return "-"
        entry = self.data.entries[kind].get(record.id) if kind in _FILE_KINDS else None
        if entry is not None and entry.record is record:
            return digest_text(entry.source.text)
        return digest_text(record.model_dump_json())

    def value_digest(self, value: Any) -> str:
        """The digest of a value found through the cross references."""
        if value is None:
            return "-"
        if isinstance(value, str):
            return digest_text("s", value)
        if (held := self._held.get(id(value))) is not None and held[0] is value:
            return held[1]
        digest = self._value_digest(value)
        if isinstance(value, BaseModel) or _frozen_dataclass(value):
            self._held[id(value)] = (value, digest)
        return digest

    def _value_digest(self, value: Any) -> str:
        if isinstance(value, BaseModel):
            kind = _KIND_OF.get(type(value))
            if kind is not None:
                record_id = cast(Any, value).id  # every record kind's model has an id
                return digest_text("r", kind, record_id, self.record_digest(kind, value))
            return digest_text("m", type(value).__name__, value.model_dump_json())
        if isinstance(value, list | tuple):
            return digest_text("l", *(self.value_digest(item) for item in value))
        if isinstance(value, Mapping):
            return digest_text("d", *(f"{k}={self.value_digest(v)}" for k, v in value.items()))
        if isinstance(value, int | float | bool):
            return digest_text("n", repr(value))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            # a result computed from records (an effort goal's shares): its fields tell it apart
            fields = dataclasses.fields(value)
            parts = (f"{f.name}={self.value_digest(getattr(value, f.name))}" for f in fields)
            return digest_text("c", type(value).__qualname__, *parts)
        raise TypeError(f"cannot digest {type(value).__name__}")

    def _history_digest(self, key: tuple[str, ...]) -> str:
        history = self.history
        head = f"{history.available} {history.reason}"
        events = history.of(*key) if key else history.events
        return digest_text(head, *(f"{e.commit.sha} {e.change.kind} {e.change.id}" for e in events))


class Inputs:
    """The data as one output sees them: every lookup is noted in `reads`.

    `memo` keeps outputs made inside this one (a figure on a page, a tender's calendar events
    in a feed) between builds; without it they are made every time."""

    def __init__(self, world: World, reads: Reads, memo: Memo | None = None) -> None:
        self.world, self.reads, self.memo, self.today = world, reads, memo, world.today
        self.data = TrackedData(world.data, reads)
        self.ref = TrackedRef(world.ref, reads)
        self.history = TrackedHistory(world.history, reads)

    @classmethod
    def of(cls, data: DataSet, today: dt.date | None = None) -> Inputs:
        """Inputs of a data set alone (no history, nothing kept): for tests and tools."""
        frozen = data.frozen()
        history = History(available=False, reason="no-git")
        return cls(
            World(frozen, build_crossref(frozen), history, today or dt.date.today()), Reads()
        )

    def nested(self, output: str, produce: Callable[[Inputs], bytes]) -> bytes:
        """An output made inside this one: its lookups count as this one's too."""
        if self.memo is None:
            return produce(self)
        return self.memo.make(output, produce, self.reads)

    def shared(self, key: str, make: Callable[[Inputs], _T]) -> _T:
        """A value several outputs of this build are made from (one table written in three
        formats): made once per process, its lookups counted as each one's."""
        found = self.world._shared.get(key)
        if found is None:
            own = self.fresh()
            found = self.world._shared[key] = (make(own), frozenset(own.reads.deps))
        self.reads.update(found[1])
        return cast(_T, found[0])

    def fresh(self) -> Inputs:
        """The same data with a record of lookups of its own (to keep a part by itself)."""
        return Inputs(self.world, Reads(), self.memo)

    def extra(self, name: str) -> None:
        """Note a dependency on something the build digests itself (e.g. the download sizes)."""
        self.reads.add(("extra", name))


class TrackedMapping(Mapping[str, Any]):
    """A kind's records by id: a lookup depends on one record, a walk on all of them."""

    def __init__(self, records: Mapping[str, Any], kind: str, reads: Reads) -> None:
        self._records, self._kind, self._reads = records, kind, reads

    def __getitem__(self, key: str) -> Any:
        self._reads.add(("record", self._kind, key))
        return self._records[key]

    def get(self, key: str | None, default: Any = None) -> Any:
        if key is None:  # an empty reference: no record is ever found by it
            return default
        self._reads.add(("record", self._kind, key))
        return self._records.get(key, default)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        self._reads.add(("record", self._kind, key))
        return key in self._records

    def __iter__(self) -> Iterator[str]:
        self._reads.add(("kind", self._kind))
        return iter(self._records)

    def __len__(self) -> int:
        self._reads.add(("kind", self._kind))
        return len(self._records)


class TrackedIndex(Mapping[str, Any]):
    """One index of the cross references: a lookup depends on that entry's members."""

    def __init__(self, index: Mapping[str, Any], name: str, reads: Reads) -> None:
        self._index, self._name, self._reads = index, name, reads

    def __getitem__(self, key: str) -> Any:
        self._reads.add(("index", self._name, key))
        return self._index[key]

    def get(self, key: str | None, default: Any = None) -> Any:
        if key is None:
            return default
        self._reads.add(("index", self._name, key))
        return self._index.get(key, default)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        self._reads.add(("index", self._name, key))
        return key in self._index

    def __iter__(self) -> Iterator[str]:
        self._reads.add(("index-keys", self._name))
        return iter(self._index)

    def __len__(self) -> int:
        self._reads.add(("index-keys", self._name))
        return len(self._index)

    def items(self) -> Any:
        self._reads.add(("index-keys", self._name))
        for key in self._index:
            self._reads.add(("index", self._name, key))
        return self._index.items()

    def values(self) -> Any:
        return [value for _, value in self.items()]


_PLURALS = {
    "themes": "theme",
    "ambition_levels": "ambition-level",
    "goals": "goal",
    "product_groups": "product-group",
    "organisations": "organisation",
    "category_plans": "category-plan",
    "route_maps": "route-map",
    "tenders": "tender",
    "action_plans": "action-plan",
    "cases": "case",
}


class TrackedData:
    """The data set's records as outputs read them (the same names as `DataSet`)."""

    def __init__(self, data: FrozenDataSet, reads: Reads) -> None:
        self._data, self._reads = data, reads
        self._views: dict[str, TrackedMapping] = {}

    def records(self, kind: str) -> TrackedMapping:
        if (view := self._views.get(kind)) is None:
            view = self._views[kind] = TrackedMapping(self._data.records(kind), kind, self._reads)
        return view

    def ids(self, kind: str) -> set[str]:
        self._reads.add(("kind", kind))
        return set(self._data.records(kind))

    def theme_order(self) -> Callable[[str], tuple[int, str]]:
        self._reads.add(("kind", "theme"))
        return self._data.theme_order()

    def ambition_scale(self) -> AmbitionScale:
        self._reads.add(("kind", "ambition-level"))
        return self._data.ambition_scale()

    def frozen(self) -> TrackedData:
        return self

    def __getattr__(self, name: str) -> TrackedMapping:
        if name in _PLURALS:
            return self.records(_PLURALS[name])
        raise AttributeError(f"outputs read the data through records and ids, not {name!r}")


class TrackedRef:
    """The cross references as outputs read them (the same names as `CrossRef`)."""

    def __init__(self, ref: CrossRef, reads: Reads) -> None:
        self._ref, self._reads = ref, reads
        self._views: dict[str, TrackedIndex] = {}

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._ref, name)
        if isinstance(value, dict):
            if (view := self._views.get(name)) is None:
                view = self._views[name] = TrackedIndex(value, name, self._reads)
            return view
        if isinstance(value, list):
            self._reads.add(("list", name))
            return value
        raise AttributeError(name)


class TrackedHistory:
    """The change history as outputs read it: one record's changes, or all of them."""

    def __init__(self, history: History, reads: Reads) -> None:
        self._history, self._reads = history, reads

    @property
    def available(self) -> bool:
        self._reads.add(("history-state",))
        return self._history.available

    @property
    def reason(self) -> str | None:
        self._reads.add(("history-state",))
        return self._history.reason

    @property
    def events(self) -> list[Any]:
        self._reads.add(("history",))
        return self._history.events

    def of(self, kind: str, record_id: str) -> list[Any]:
        self._reads.add(("history", kind, record_id))
        return self._history.of(kind, record_id)

    def last_change(self, kind: str, record_id: str, record: Any) -> Any:
        """The commit that last changed the record, or None (`History.last_change`)."""
        self._reads.add(("history", kind, record_id))  # the record itself is read by the caller
        return self._history.last_change(kind, record_id, record)

    def by_date(self, limit: int | None = None) -> list[Any]:
        self._reads.add(("history",))
        return self._history.by_date(limit)
