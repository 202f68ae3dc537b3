"""Read the models' type hints: the type inside `Annotated[...]` and `X | None`, and its markers.

The compiled field paths, the field reference's type labels and the skeletons for new records
all look through the same wrappers; this module is the one place that knows how.
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from typing import Annotated, Any, Union, get_args, get_origin

from generator.models.common import Ref

Metadata = tuple[Any, ...]


def alternatives(tp: Any, metadata: Metadata = ()) -> list[tuple[Any, Metadata]]:
    """The types a hint allows besides None, each unwrapped by `unwrap`: several for `X | Y`."""
    origin, args = get_origin(tp), get_args(tp)
    if origin is Annotated:
        return alternatives(args[0], metadata + tuple(args[1:]))
    if origin in (Union, types.UnionType):
        return [
            found for arg in args if arg is not type(None) for found in alternatives(arg, metadata)
        ]
    return [(tp, metadata)]


def unwrap(tp: Any, metadata: Metadata = ()) -> tuple[Any, Metadata]:
    """The type inside Annotated and Optional, with the metadata gathered on the way (outer first).

    For a union of several types, the first; `alternatives` gives them all.
    """
    return alternatives(tp, metadata)[0]


def ref_marker(tp: Any, metadata: Iterable[Any]) -> Ref | None:
    """The field's `Ref("kind")`: which kind of record it refers to; a matcher for `paths`."""
    return next((item for item in metadata if isinstance(item, Ref)), None)
