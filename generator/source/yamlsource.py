"""Load one YAML file safely and strictly, and find the line of any field in it later.

Values are resolved by the YAML 1.2 core rules, not PyYAML's YAML 1.1 ones, so `no` stays the
text "no", `010` stays "010" and `2027-13-01` stays text that the date field then rejects. Plain
ISO dates become `datetime.date`. Duplicate keys, anchors/aliases, custom tags, tabs and
non-UTF-8 bytes are reported as problems. Line numbers are looked up only when a problem needs
one, so valid files cost no bookkeeping.
"""

from __future__ import annotations

import datetime as dt
import errno
import math
import os
import re
import sys
import unicodedata
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

# A record file is a few kilobytes; a file above this is a mistake (or an attack on the build).
MAX_FILE_BYTES = 1_000_000
# The models nest six levels at most; far deeper nesting is a slip of indentation.
MAX_DEPTH = 64
# Characters no editor types on purpose and no reader sees: controls (C0 apart from tab, line
# feed and carriage return; C1 such as NEL, which YAML takes for a line break), format
# characters (bidirectional overrides, zero-width spaces and joiners, soft hyphens), line and
# paragraph separators, surrogates and private-use characters.
_C0 = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co"}
_CONTROL_NAMES = {"\x00": "NUL", "\x85": "NEXT LINE, NEL", "\x7f": "DELETE"}
# ' #' directly followed by text ends a plain value in YAML: the rest of the line is a comment.
_CUT = re.compile(r"[ \t]#\S")
_CUT_AFTER = re.compile(r"[ \t]+(#\S.*)")


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
    text: str  # as parsed: invisible characters (reported) replaced by spaces
    _root: yaml.Node | None = field(default=None, repr=False)
    # Places whose value a problem found while reading has spoilt (a custom tag, an alias, a
    # number too large): the model's complaint about them would only repeat it.
    spoilt: frozenset[Loc] = frozenset()

    def problem(
        self, loc: Loc, code: str, at_key: bool = False, needle: str = "", **params: Any
    ) -> Problem:
        """A problem located at the value (or key) that `loc` names; with `needle`, at the
        first place inside the value where that text stands (a line inside a block of text)."""
        line, column = self.position(loc, at_key=at_key, needle=needle)
        return make_problem(self.display, line, column, code, dotted(loc), **params)

    def is_spoilt(self, loc: Loc) -> bool:
        return any(loc[:n] in self.spoilt for n in range(len(loc) + 1)) if self.spoilt else False

    def position(self, loc: Loc, at_key: bool = False, needle: str = "") -> tuple[int, int]:
        """1-based line and column of `loc`; the nearest existing parent if it is missing."""
        node = self._root_node()
        if node is None:
            return 1, 1
        for index, step in enumerate(loc):
            child = _child(node, step, at_key and index == len(loc) - 1)
            if child is None:
                break
            node = child
        if needle and isinstance(node, yaml.ScalarNode):
            found = self.text.find(needle, node.start_mark.index, node.end_mark.index)
            if found >= 0:
                return _text_position(self.text, found)
        return node.start_mark.line + 1, node.start_mark.column + 1

    def problem_at(self, line: int, column: int, char: str) -> Problem:
        """An invisible character at this 1-based place, with the field it stands in."""
        loc = self._loc_at(line - 1, column - 1)
        name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "")
        return make_problem(
            self.display,
            line,
            column,
            "invisible-character",
            dotted(loc),
            char=f"U+{ord(char):04X}",
            name=f" ({name})" if name else "",
        )

    def _loc_at(self, line: int, column: int) -> Loc:
        """The field whose key or value stands at this 0-based place."""
        node, place = self._root_node(), (line, column)
        loc: Loc = ()
        while node is not None and not isinstance(node, yaml.ScalarNode):
            children: list[tuple[str | int, yaml.Node]] = (
                [(str(key.value), value) for key, value in node.value]
                + [(str(key.value), key) for key, _ in node.value]
                if isinstance(node, yaml.MappingNode)
                else list(enumerate(node.value))
            )
            step, node = next(((s, n) for s, n in children if _spans(n, place)), ("", None))
            if node is not None:
                loc = (*loc, step)
        return loc

    def _root_node(self) -> yaml.Node | None:
        if self._root is None:
            try:
                # The stubs allow only PyYAML's own loaders; compose takes any class like them.
                self._root = yaml.compose(self.text, Loader=_Loader)  # type: ignore[arg-type]
            except (yaml.YAMLError, RecursionError):
                return None
        return self._root


def _spans(node: yaml.Node, place: tuple[int, int]) -> bool:
    start, end = node.start_mark, node.end_mark
    return (start.line, start.column) <= place < (end.line, end.column)


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, counting lines as editors do."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _without_invisible(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text with each invisible character replaced by a space, and where each stood."""
    found = [match.start() for match in _C0.finditer(text)]
    if not text.isascii():
        found += [
            match.start()
            for match in _NON_ASCII.finditer(text)
            if unicodedata.category(match[0]) in _INVISIBLE or match[0] in "\ufffe\uffff"
        ]
    if not found:
        return text, []
    chars, hidden = list(text), []
    for offset in sorted(found):
        hidden.append((*_text_position(text, offset), text[offset]))
        chars[offset] = " "
    return "".join(chars), hidden


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
        with path.open("rb") as file:
            # No more than the limit is ever read; a read of the limit itself would allocate a
            # megabyte for every file (measurable at 10,000 files), so ask the size first.
            too_large = os.fstat(file.fileno()).st_size > MAX_FILE_BYTES
            raw = file.read(MAX_FILE_BYTES + 1) if too_large else file.read()
    except OSError as error:
        dutch = _OS_ERRORS_NL.get(error.errno or 0, "het systeem weigert het te lezen")
        detail = {"detail_nl": dutch, "detail_en": error.strerror or str(error)}
        return None, None, [make_problem(display, 1, 1, "unreadable-file", **detail)]
    return parse_bytes(raw, path, display)


_OS_ERRORS_NL = {
    errno.EACCES: "geen toegang (controleer de rechten op het bestand)",
    errno.ENOENT: "het bestand bestaat niet (meer)",
    errno.EISDIR: "het is een map, geen bestand",
    errno.ELOOP: "een snelkoppeling die naar zichzelf verwijst",
}


def parse_bytes(
    raw: bytes, path: Path, display: str
) -> tuple[YamlSource | None, Any, list[Problem]]:
    """Parse one file's bytes, from disk or from Git: (source, data, problems) as `read_yaml`.

    Problems that leave the rest of the file readable (a duplicate key, an invisible character,
    a YAML anchor, a number too large) are reported and reading goes on, so that one run shows
    every problem of the file; the places they spoil are kept in `YamlSource.spoilt`."""
    if len(raw) > MAX_FILE_BYTES:
        size = f"{len(raw) / 1e6:.1f} MB" if len(raw) <= MAX_FILE_BYTES * 10 else "> 10 MB"
        limit = f"{MAX_FILE_BYTES / 1e6:.0f} MB"
        return None, None, [make_problem(display, 1, 1, "file-too-large", size=size, limit=limit)]
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        return (
            None,
            None,
            [make_problem(display, line, column, "not-utf8", byte=f"0x{raw[error.start]:02x}")],
        )
    text, hidden = _without_invisible(text)
    source = YamlSource(path, display, text)
    try:
        data, issues = _parse(text)
    except _LoadError as error:
        line, column = _mark_position(error.mark)
        found = [make_problem(display, line, column, error.code, **error.params)]
        return source, None, [*(source.problem_at(*h) for h in hidden), *found]
    source.spoilt = frozenset(issue.loc for issue in issues if issue.loc is not None)
    problems = [source.problem_at(*h) for h in hidden] + [
        make_problem(display, i.line + 1, i.column + 1, i.code, dotted(i.loc or ()), **i.params)
        for i in issues
    ]
    if data is None:  # a document that is only `null` or `~` holds no record either
        return source, None, [*problems, make_problem(display, 1, 1, "empty-file")]
    return source, data, problems


def parse_text(text: str) -> Any:
    """Parse YAML text into plain Python values by the strict rules above; any problem raises
    (for text the generator writes or reads itself, which has none)."""
    text, hidden = _without_invisible(text)
    data, issues = _parse(text)
    if hidden or issues:
        first = issues[0].code if issues else "invisible-character"
        raise ValueError(f"not plain YAML data ({first})")
    return data


@dataclass
class _Issue:
    """A problem found while reading that leaves the rest of the file readable (0-based place)."""

    code: str
    line: int
    column: int
    params: dict[str, Any]
    loc: Loc | None = None  # the field whose value it spoils


def _parse(text: str) -> tuple[Any, list[_Issue]]:
    """The data of `text` and the problems found on the way; `_LoadError` when it cannot be read."""
    if "\t" in text:
        _check_tabs(text)
    try:
        # The stubs allow only PyYAML's own loaders; compose takes any class like them.
        root = yaml.compose(text, Loader=_Loader)  # type: ignore[arg-type]
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error) from None
    except yaml.YAMLError as error:
        raise _LoadError("yaml-syntax", None, **_syntax_detail(str(error))) from None
    except RecursionError:
        raise _LoadError("too-deep", _deepest(text)) from None
    if root is None:
        raise _LoadError("empty-file", None)
    reader = _Converter(text)
    data = reader.value(root, (), 0)
    if "&" in text:
        reader.issues.extend(_anchors(text))
    reader.issues.sort(key=lambda issue: (issue.line, issue.column))
    return data, reader.issues


class _Converter:
    """Turns composed nodes into Python values, noting each problem and reading on."""

    def __init__(self, text: str) -> None:
        self.issues: list[_Issue] = []
        self._seen: set[int] = set()
        self._text = text
        # Lines where ' #' is directly followed by text: a comment that may cut a plain value.
        self._cut_lines = (
            {text.count("\n", 0, m.start()) for m in _CUT.finditer(text)} if "#" in text else set()
        )

    def _note(self, code: str, mark: Any, loc: Loc | None, **params: Any) -> None:
        self.issues.append(_Issue(code, mark.line, mark.column, params, loc))

    def value(self, node: yaml.Node, loc: Loc, depth: int, where: Any = None) -> Any:
        """The value of `node`; an alias is reported at `where` (the key or list using it)."""
        if depth > MAX_DEPTH:
            raise _LoadError("too-deep", node.start_mark)
        if id(node) in self._seen:  # the composer hands back the same node object for an alias
            self._note("alias", where or node.start_mark, loc)
            return None
        self._seen.add(id(node))
        if node.tag not in _DATA_TAGS and node.tag != "!":
            self._note("custom-tag", node.start_mark, loc, tag=node.tag)
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, loc)
        if isinstance(node, yaml.SequenceNode):
            mark = node.start_mark
            return [
                self.value(item, (*loc, i), depth + 1, mark) for i, item in enumerate(node.value)
            ]
        # The composer makes only scalar, sequence and mapping nodes.
        return self._mapping(cast(yaml.MappingNode, node), loc, depth)

    def _scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        try:
            value = resolve_scalar(node)
        except _LoadError as error:
            self._note(error.code, error.mark, loc, **error.params)
            return None
        if not node.style and node.end_mark.line in self._cut_lines:
            rest = self._text[node.end_mark.index :].split("\n", 1)[0]
            if cut := _CUT_AFTER.match(rest):
                mark = _Mark(node.end_mark.line, node.end_mark.column + cut.start(1))
                self._note("value-cut-by-comment", mark, loc, value=value, rest=cut[1][:40])
        return value

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._note("complex-key", key_node.start_mark, None)
                continue
            if key_node.value == "<<" and not key_node.style:  # a merge key: an alias in disguise
                self._note("alias", key_node.start_mark, None)
                continue
            try:
                key = resolve_scalar(key_node)
            except _LoadError as error:
                self._note(error.code, error.mark, None, **error.params)
                continue
            if isinstance(key, dt.date):
                key = key.isoformat()
            if key in first_line:  # the first one counts; the second is reported
                self._note(
                    "duplicate-key", key_node.start_mark, None, key=key, first=first_line[key]
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.value(value_node, (*loc, key), depth + 1, key_node.start_mark)
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


def _anchors(text: str) -> list[_Issue]:
    """Every anchor (&name), used by an alias or not: anchors are refused as aliases are."""
    found = []
    try:
        # The stubs allow only PyYAML's own loaders; parse takes any class like them.
        for event in yaml.parse(text, Loader=_Loader):  # type: ignore[arg-type]
            anchor = getattr(event, "anchor", None)
            if anchor is not None and not isinstance(event, yaml.AliasEvent):
                line, column = _mark_position(event.start_mark)
                found.append(_Issue("anchor", line - 1, column - 1, {"anchor": anchor}))
    except yaml.YAMLError:  # pragma: no cover - the text composed a moment ago
        pass
    return found


def _deepest(text: str) -> _Mark:
    """Where the nesting is deepest (0-based): the place to look when it is too deep to read."""
    best, at, flow = -1, _Mark(0, 0), 0
    indents: list[int] = []
    for number, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if flow == 0:
            indent = len(line) - len(stripped)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            if len(indents) > best:
                best, at = len(indents), _Mark(number, indent)
        for column, char in enumerate(line):
            if char in "[{":
                flow += 1
                if len(indents) + flow > best:
                    best, at = len(indents) + flow, _Mark(number, column)
            elif char in "]}":
                flow = max(0, flow - 1)
    return at


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
    return _LoadError("yaml-syntax", mark, **_syntax_detail(detail))


# What the parser says (in English), as an editor would say it in Dutch: the first that fits.
_SYNTAX_NL = (
    (
        "flow sequence",
        "een lijst tussen [ en ] is niet goed afgesloten (met ']', of ',' tussen de items)",
    ),
    (
        "flow mapping",
        "velden tussen { en } zijn niet goed afgesloten (met '}', of ',' tussen de velden)",
    ),
    ("quoted scalar", "een tekst tussen aanhalingstekens is niet afgesloten"),
    (
        "mapping values are not allowed",
        "een dubbele punt met spatie (': ') midden in een "
        "waarde; zet zo'n tekst tussen aanhalingstekens",
    ),
    ("could not find expected ':'", "na een veldnaam ontbreekt de dubbele punt"),
    (
        "cannot start any token",
        "een waarde begint met een teken dat dat niet mag (zoals ` of "
        "@); zet de tekst tussen aanhalingstekens",
    ),
    (
        "block sequence entries are not allowed",
        "een lijstitem ('- ') op een plek waar geen lijst kan beginnen",
    ),
    (
        "escape",
        "een onbekende escape (\\) in tekst tussen dubbele aanhalingstekens; gebruik "
        "enkele aanhalingstekens",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet: een regel staat verder of minder ver in dan het veld erboven",
    ),
    (
        "expected key",
        "de inspringing klopt niet: een regel staat verder of minder ver in dan het veld erboven",
    ),
    ("node content", "hier ontbreekt een waarde"),
)


def _syntax_detail(detail: str) -> dict[str, str]:
    dutch = next(
        (nl for marker, nl in _SYNTAX_NL if marker in detail),
        "de opbouw van het bestand klopt hier niet",
    )
    return {"detail_nl": dutch, "detail_en": detail}


def _mark_position(mark: Any) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1
