"""Find every field of a kind in a model tree: references, links, bilingual text.

The paths are compiled once per model class from the type annotations, so a rule that checks all
references of 10,000 tenders only follows known paths instead of walking every value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from generator.models.typehints import alternatives

ITEM, KEY, VALUE = "[*]", "{key}", "{value}"
Step = str
Path = tuple[Step, ...]
# (type, metadata) -> marker or None; called with each type unwrapped (`typehints.unwrap`)
Matcher = Callable[[Any, tuple[Any, ...]], Any]


def compile_paths(model: type[BaseModel], matcher: Matcher) -> tuple[tuple[Path, Any], ...]:
    """Every path in `model` whose type the matcher recognises, with the matcher's marker."""
    return _compile_cached(model, matcher)


@lru_cache(maxsize=64)
def _compile_cached(model: type[BaseModel], matcher: Matcher) -> tuple[tuple[Path, Any], ...]:
    return tuple(_walk(model, (), (), matcher, frozenset()))


def _walk(
    tp: Any, metadata: tuple[Any, ...], prefix: Path, matcher: Matcher, visiting: frozenset[Any]
) -> Iterator[tuple[Path, Any]]:
    for inner, gathered in alternatives(tp, metadata):
        marker = matcher(inner, gathered)
        if marker is not None:
            yield prefix, marker
        else:
            yield from _walk_inside(inner, prefix, matcher, visiting)


def _walk_inside(
    tp: Any, prefix: Path, matcher: Matcher, visiting: frozenset[Any]
) -> Iterator[tuple[Path, Any]]:
    """The paths inside a list, a mapping or a model (a type already unwrapped)."""
    origin, args = get_origin(tp), get_args(tp)
    if origin is list:
        yield from _walk(args[0], (), (*prefix, ITEM), matcher, visiting)
    elif origin is dict:
        yield from _walk(args[0], (), (*prefix, KEY), matcher, visiting)
        yield from _walk(args[1], (), (*prefix, VALUE), matcher, visiting)
    elif isinstance(tp, type) and issubclass(tp, BaseModel) and tp not in visiting:
        for name, info in tp.model_fields.items():
            yield from _walk(
                info.annotation, tuple(info.metadata), (*prefix, name), matcher, visiting | {tp}
            )


def values_at(
    obj: Any, path: Path, loc: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], Any, bool]]:
    """(location, value, is_key) for every value found along `path` in `obj`."""
    if obj is None:
        return
    if not path:
        yield loc, obj, False
        return
    if _fields_only(path):  # most paths: no list or mapping on the way, so one value at most
        value = obj
        for step in path:
            value = getattr(value, step)
            if value is None:
                return
        yield (*loc, *path), value, False
        return
    step, rest = path[0], path[1:]
    if step == ITEM:
        for index, item in enumerate(obj):
            yield from values_at(item, rest, (*loc, index))
    elif step == KEY:
        for key in obj:
            yield (*loc, key), key, True
    elif step == VALUE:
        for key, value in obj.items():
            yield from values_at(value, rest, (*loc, key))
    else:
        yield from values_at(getattr(obj, step), rest, (*loc, step))


@lru_cache(maxsize=1024)
def _fields_only(path: Path) -> bool:
    return not any(step in (ITEM, KEY, VALUE) for step in path)


def iter_models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """`model` and every model nested in its fields, each once."""
    seen: list[type[BaseModel]] = []

    def collect(tp: Any, metadata: tuple[Any, ...]) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel) and tp not in seen:
            seen.append(tp)
        return None

    list(_walk(model, (), (), collect, frozenset()))
    yield from seen
