"""Load one YAML file safely and strictly, and find the line of any field in it later.

Values are resolved by the YAML 1.2 core rules, not PyYAML's YAML 1.1 ones, so `no` stays the
text "no", `010` stays "010" and `2027-13-01` stays text that the date field then rejects. Plain
ISO dates become `datetime.date`. Duplicate keys, anchors/aliases, custom tags, tabs and
non-UTF-8 bytes are reported as problems. Line numbers are looked up only when a problem needs
one, so valid files cost no bookkeeping.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from generator.problems import Problem, make_problem

try:  # LibYAML is part of PyYAML's wheels; the pure-Python parser is the fallback.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _Loader(_Parser, yaml.resolver.BaseResolver):
    """Composes nodes without PyYAML's YAML 1.1 guessing; `resolve_scalar` decides types."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        yaml.resolver.BaseResolver.__init__(self)

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        """The plain structural tag; values are typed later by `resolve_scalar`."""
        if kind is yaml.ScalarNode:
            return _CORE_TAG + "str"
        return _CORE_TAG + ("seq" if kind is yaml.SequenceNode else "map")


Loc = tuple[str | int, ...]

_CORE_TAG = "tag:yaml.org,2002:"
# Tags the resolver gives plain data; anything else (!!python/object, !!binary, !custom) is refused.
_DATA_TAGS = {
    _CORE_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_WORDS = _NULL | _TRUE | _FALSE
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _LoadError(Exception):
    """A problem that makes the rest of the file meaningless."""

    def __init__(self, code: str, mark: Any, **params: Any) -> None:
        super().__init__(code)
        self.code, self.mark, self.params = code, mark, params


@dataclass
class YamlSource:
    """One YAML file: its text and, on demand, the position of any value in it."""

    path: Path
    display: str
    text: str
    _root: yaml.Node | None = field(default=None, repr=False)

    def problem(self, loc: Loc, code: str, at_key: bool = False, **params: Any) -> Problem:
        """A problem located at the value (or key) that `loc` names."""
        line, column = self.position(loc, at_key=at_key)
        return make_problem(self.display, line, column, code, dotted(loc), **params)

    def position(self, loc: Loc, at_key: bool = False) -> tuple[int, int]:
        """1-based line and column of `loc`; the nearest existing parent if it is missing."""
        node = self._root_node()
        if node is None:
            return 1, 1
        for index, step in enumerate(loc):
            child = _child(node, step, at_key and index == len(loc) - 1)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _root_node(self) -> yaml.Node | None:
        if self._root is None:
            try:
                # The stubs allow only PyYAML's own loaders; compose takes any class like them.
                self._root = yaml.compose(self.text, Loader=_Loader)  # type: ignore[arg-type]
            except (yaml.YAMLError, RecursionError):
                return None
        return self._root


def dotted(loc: Loc) -> str:
    """`('lots', 0, 'title')` as `lots[0].title`, the way editors see fields."""
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _child(node: yaml.Node, step: str | int, want_key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and str(resolve_scalar(key)) == str(step):
                return key if want_key else value
    elif (
        isinstance(node, yaml.SequenceNode)
        and isinstance(step, int)
        and (0 <= step < len(node.value))
    ):
        return node.value[step]
    return None


def read_yaml(path: Path, display: str) -> tuple[YamlSource | None, Any, list[Problem]]:
    """Read and parse one file: (source, data, problems). Data is None when it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, None, [make_problem(display, 1, 1, "unreadable-file", detail=error.strerror)]
    return parse_bytes(raw, path, display)


def parse_bytes(
    raw: bytes, path: Path, display: str
) -> tuple[YamlSource | None, Any, list[Problem]]:
    """Parse one file's bytes, from disk or from Git: (source, data, problems) as `read_yaml`."""
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        return (
            None,
            None,
            [make_problem(display, line, column, "not-utf8", byte=f"0x{raw[error.start]:02x}")],
        )
    source = YamlSource(path, display, text)
    try:
        data = parse_text(text)
    except _LoadError as error:
        line, column = _mark_position(error.mark)
        return source, None, [make_problem(display, line, column, error.code, **error.params)]
    if data is None:  # a document that is only `null` or `~` holds no record either
        return source, None, [make_problem(display, 1, 1, "empty-file")]
    return source, data, []


def parse_text(text: str) -> Any:
    """Parse YAML text into plain Python values by the strict rules above."""
    if "\t" in text:
        _check_tabs(text)
    try:
        # The stubs allow only PyYAML's own loaders; compose takes any class like them.
        root = yaml.compose(text, Loader=_Loader)  # type: ignore[arg-type]
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error) from None
    except yaml.YAMLError as error:
        raise _LoadError("yaml-syntax", None, detail=str(error)) from None
    except RecursionError:
        raise _LoadError("too-deep", None) from None
    if root is None:
        raise _LoadError("empty-file", None)
    try:
        return _to_python(root, set())
    except RecursionError:
        raise _LoadError("too-deep", None) from None


def _to_python(node: yaml.Node, seen: set[int]) -> Any:
    if id(node) in seen:  # the composer hands back the same node object for an alias
        raise _LoadError("alias", node.start_mark)
    seen.add(id(node))
    if node.tag not in _DATA_TAGS and node.tag != "!":
        raise _LoadError("custom-tag", node.start_mark, tag=node.tag)
    if isinstance(node, yaml.ScalarNode):
        return resolve_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(_unseen(item, seen, node), seen) for item in node.value]
    # The composer makes only scalar, sequence and mapping nodes.
    return _mapping(cast(yaml.MappingNode, node), seen)


def _unseen(node: yaml.Node, seen: set[int], where: yaml.Node) -> yaml.Node:
    """The node itself, unless it was met before: then it is an alias, reported at `where`."""
    if id(node) in seen:
        raise _LoadError("alias", where.start_mark)
    return node


def _mapping(node: yaml.MappingNode, seen: set[int]) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    first_line: dict[Any, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _LoadError("complex-key", key_node.start_mark)
        if key_node.value == "<<" and not key_node.style:  # a merge key: an alias in disguise
            raise _LoadError("alias", key_node.start_mark)
        key = resolve_scalar(key_node)
        if isinstance(key, dt.date):
            key = key.isoformat()
        if key in first_line:
            raise _LoadError("duplicate-key", key_node.start_mark, key=key, first=first_line[key])
        first_line[key] = key_node.start_mark.line + 1
        result[key] = _to_python(_unseen(value_node, seen, key_node), seen)
    return result


def resolve_scalar(node: yaml.ScalarNode) -> Any:
    """YAML 1.2 core schema plus plain ISO dates; quoted and block scalars are always text."""
    value = node.value
    if node.style:  # LibYAML marks plain scalars with "", the Python parser with None
        return value
    if value[:1].isalpha() and value not in _WORDS:  # most text: no pattern can match
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        if len(value.lstrip("+-")) > sys.get_int_max_str_digits():  # int() would refuse it
            raise _LoadError("number-too-large", node.start_mark, value=_shortened(value))
        return int(value)
    if _FLOAT.fullmatch(value):
        number = float(value)
        if not math.isfinite(number):  # 1e999: infinity, which no JSON or table can hold
            raise _LoadError("number-too-large", node.start_mark, value=_shortened(value))
        return number
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value  # "2027-13-01": left as text for the date field to reject
    return value


def _shortened(value: str) -> str:
    return value if len(value) <= 20 else f"{value[:16]}…"


def _check_tabs(text: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            raise _LoadError("tab-indentation", _Mark(number - 1, indent.index("\t")))


@dataclass
class _Mark:
    line: int
    column: int


def _syntax_error(error: yaml.MarkedYAMLError) -> _LoadError:
    mark = error.context_mark or error.problem_mark  # where the broken construct starts
    problem = error.problem or ""
    if "expected a single document" in f"{error.context} {problem}":
        return _LoadError("multiple-documents", error.problem_mark)
    if "found undefined alias" in problem or "found duplicate anchor" in problem:
        return _LoadError("alias", mark)
    detail = "; ".join(part for part in (error.context, problem) if part)
    return _LoadError("yaml-syntax", mark, detail=detail)


def _mark_position(mark: Any) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1
