"""Edit a record's YAML in place, as an editor would: comments, field order and quoting kept.

ruamel.yaml reads a file into mappings that remember their comments and layout and writes them
back unchanged (every example file comes back byte for byte). A field that is set to the value
it already has is left alone, so a file whose record did not change is not rewritten; a new
field is put where the model declares it, not at the end.

The site reads YAML 1.1 (PyYAML), ruamel.yaml writes YAML 1.2. Where the two would read a plain
value differently (`nee`, `on`, `12:30`, `2027-05-14` as text), the new text is quoted.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
Path = tuple[str, ...]


def _yaml() -> YAML:
    out = YAML()  # round trip
    out.preserve_quotes = True
    out.indent(mapping=2, sequence=4, offset=2)  # the layout of the data files: `  - item`
    out.width = 4096  # long lines stay on one line, as editors wrote them
    return out


def load(text: str) -> CommentedMap:
    """A record file as an editable mapping; ValueError if it is not one."""
    doc = _yaml().load(text)
    if not isinstance(doc, CommentedMap):
        raise ValueError("the file is not a mapping of fields")
    return doc


def dump(doc: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def new_document(comment: str) -> CommentedMap:
    """An empty record with a comment at its top."""
    doc = CommentedMap()
    doc.yaml_set_start_comment(comment)
    return doc


class Editor:
    """Sets and removes fields of one record, keeping each mapping in the model's order."""

    def __init__(self, doc: CommentedMap, orders: Mapping[Path, Sequence[str]]) -> None:
        self.doc = doc
        self.orders = orders  # path of a mapping -> its fields in model order

    def get(self, path: Path) -> Any:
        node: Any = self.doc
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return node

    def has(self, path: Path) -> bool:
        parent = self.get(path[:-1])
        return isinstance(parent, dict) and path[-1] in parent

    def set(self, path: Path, value: Any, default: Any = None) -> None:
        """Set a field; None removes it; an absent field equal to its default stays absent."""
        if value is None:
            self.remove(path)
            return
        parent = self._mapping(path[:-1])
        key = path[-1]
        if key not in parent:
            if default is None or not same(value, default):
                self._insert(parent, path, node(value))
        elif not same(parent[key], value):
            self._replace(parent, key, value)

    def _replace(self, parent: CommentedMap, key: str, value: Any) -> None:
        below = _below_lines(parent, key)
        nested = isinstance(parent[key], (CommentedMap, CommentedSeq))
        parent[key] = node(value, like=parent[key])
        _drop_todo(parent, key)
        if nested and below and parent[key]:  # the old list took the lines under it along
            _append(*_holder(parent, key), below)

    def remove(self, path: Path) -> None:
        parent = self.get(path[:-1])
        if isinstance(parent, CommentedMap) and path[-1] in parent:
            _keep_comment_below(parent, path[-1])
            del parent[path[-1]]

    def prune(self, path: Path) -> None:
        """Remove a mapping that no field is left in."""
        value = self.get(path)
        if isinstance(value, dict) and not value:
            self.remove(path)

    def _mapping(self, path: Path) -> CommentedMap:
        node: CommentedMap = self.doc
        for depth in range(len(path)):
            key = path[depth]
            if not isinstance(node.get(key), CommentedMap):
                if key in node:  # a shorthand (`title: Tekst`) is replaced by its mapping
                    node[key] = CommentedMap()
                else:
                    self._insert(node, path[: depth + 1], CommentedMap())
            node = node[key]
        return node

    def _insert(self, parent: CommentedMap, path: Path, value: Any) -> None:
        order = list(self.orders.get(path[:-1], ()))
        key = path[-1]
        later = set(order[order.index(key) + 1 :]) if key in order else set()
        position = next((i for i, k in enumerate(parent) if k in later), len(parent))
        parent.insert(position, key, value)


def same(old: Any, new: Any) -> bool:
    """Equal values of the same kind (True is not 1, a date is not its text)."""
    if isinstance(old, bool) or isinstance(new, bool):
        return isinstance(old, bool) and isinstance(new, bool) and old == new
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    for kind in (str, int, dt.date):
        if isinstance(old, kind) and isinstance(new, kind):
            return bool(old == new)
    return False


def node(value: Any, like: Any = None) -> Any:
    """The value as ruamel.yaml should write it: lists as block lists, text safely quoted."""
    if isinstance(value, list):
        seq = CommentedSeq(node(item) for item in value)
        return seq
    if isinstance(value, str):
        return _text(value, like)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _text(value: str, like: Any) -> str:
    if "\n" in value:
        return LiteralScalarString(value)
    if isinstance(like, str) and type(like) is not str:  # keep the quotes the editor chose
        return type(like)(value)
    if _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _STR_TAG:
        return DoubleQuotedScalarString(value)  # PyYAML would read it as a number, date, bool
    return value


def _keep_comment_below(parent: CommentedMap, key: str) -> None:
    """Keep the comment lines around a field that is removed, on the field before it.

    ruamel.yaml stores the lines under a value with that value (or its last nested item), and
    the lines above a field sometimes with the field itself: removing the field would drop them.
    Only the field's own end-of-line comment goes with it."""
    keys = list(parent)
    index = keys.index(key)
    lines = _own_lines(parent, key)
    if not lines:
        return
    if index > 0:
        _append(*_holder(parent, keys[index - 1]), lines)
    elif index + 1 < len(keys):
        following = parent.ca.items.setdefault(keys[index + 1], [None, None, None, None])
        following[1] = [_token(lines), *(following[1] or [])]


def _own_lines(parent: CommentedMap, key: str) -> str:
    """The whole comment lines stored with a field: above it, and under its value."""
    above = parent.ca.items.get(key, [None] * 4)[1] or []
    return "".join(token.value for token in above) + _below_lines(parent, key)


def _below_lines(parent: CommentedMap, key: str) -> str:
    """The whole comment lines under a field's value (the end-of-line comment left out)."""
    container, slot, place = _holder(parent, key)
    tokens = container.ca.items.get(slot)
    if not tokens or tokens[place] is None or "\n" not in tokens[place].value:
        return ""
    value = tokens[place].value
    return value[value.find("\n") + 1 :]


def _drop_todo(parent: CommentedMap, key: str) -> None:
    """A value of `mvi-site new` marked `# TODO` that is replaced loses the marker."""
    tokens = parent.ca.items.get(key)
    if not tokens or tokens[2] is None or not tokens[2].value.startswith("# TODO"):
        return
    rest = tokens[2].value[tokens[2].value.find("\n") :] if "\n" in tokens[2].value else "\n"
    if rest == "\n":
        tokens[2] = None
    else:
        tokens[2].value = rest


def _holder(container: Any, key: Any) -> tuple[Any, Any, int]:
    """Where the comment under an item's value is kept: (container, key or index, slot)."""
    value = container[key]
    nested = isinstance(value, (CommentedMap, CommentedSeq)) and value
    if nested and not value.fa.flow_style():
        return _holder(
            value, list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        )
    return container, key, 0 if isinstance(container, CommentedSeq) else 2


def _append(container: Any, slot: Any, place: int, lines: str) -> None:
    tokens = container.ca.items.setdefault(slot, [None, None, None, None])
    if tokens[place] is None:
        tokens[place] = _token("\n" + lines)
    else:
        tokens[place].value += lines


def _token(text: str) -> CommentToken:
    return CommentToken(text, CommentMark(0), None)
