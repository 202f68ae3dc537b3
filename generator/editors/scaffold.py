"""Skeletons for new records: `mvi-site new tender|case|category-plan|action-plan ID`.

`skeleton()` walks the kind's model and writes every field in declaration order: a required field
with a placeholder value, an optional one commented out (`# procedure: open`), each under its
Dutch description from `fielddocs.FIELDS` and, for a fixed list, the values allowed, so the
comments cannot drift from the models. References point at ids that exist in the data folder
(the first in sorted order, or the one given as an option) and dates are taken from `today`, so
the file validates as written; `skeleton()` checks that before it returns.

Placeholders and `example: true`. To validate, a skeleton must hold values nobody has decided
yet: "TODO" texts, the CPV code 00000000-0, the first organisation as buyer. An editor may merge
such a file half filled in, and a supplier must never read invented data as a real plan. So
every placeholder is marked TODO (in the text itself, or in a comment after the value), and the
skeleton sets `example: true`: until the editor deletes that line, the site, the feeds and the
OCDS export label the record as an example. Forgetting to delete it labels real data as an
example, which is visible and harmless; the opposite default would publish invented data as real.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from generator.models.common import (
    ID_PATTERN,
    Cpv,
    Email,
    Id,
    IsUrl,
    LocalizedMarkdown,
    LocalizedText,
    LocalizedTitle,
    PlannedDate,
    Ref,
    Title,
    add_months,
)
from generator.models.fielddocs import FIELDS
from generator.models.paths import compile_paths
from generator.models.typehints import ref_marker, unwrap
from generator.source.layout import KIND_BY_NAME
from generator.source.load import suggest_id
from generator.source.yamlsource import parse_text, read_yaml

SCAFFOLD_KINDS = ("tender", "case", "category-plan", "action-plan")
WIDTH = 100  # the longest line a skeleton writes (a title given as an option may be longer)
_ID = re.compile(ID_PATTERN)
_TEXTS = (LocalizedText, LocalizedTitle, LocalizedMarkdown)
_TODO = "  # TODO"
_ALWAYS_WRITTEN = {"example"}  # optional, but a skeleton sets it (see the module docstring)
_SETTLED = {"Tender.status", "Tender.certainty"}  # the right value for a new tender: no TODO

# Sample values where the type's default would not do, by `Model.field`; f(today) -> YAML.
_SAMPLES: dict[str, Callable[[dt.date], str]] = {
    "Tender.contract_start": lambda today: _quarter(today, 2),
    "MarketConsultation.planned": lambda today: _quarter(today, 0),
    "Period.end": lambda today: str(today.year + 3),
    "Duration.months": lambda today: "36",
    "Contact.phone": lambda today: '"+31 70 000 00 00"',
    "Tender.tenderned_url": lambda today: "https://www.tenderned.nl/aankondigingen/overzicht/0",
}
_EXAMPLE = "true  # TODO: weghalen zodra alle gegevens echt en gecontroleerd zijn"

HEADER = (
    "{label} {id}, aangemaakt met `mvi-site new {kind}` op {today}. Vul alles in wat met TODO "
    "is gemarkeerd. Regels als `# veld: waarde` zijn optionele velden: haal `# ` weg om er een "
    "te gebruiken. Zolang `example: true` onderaan staat, toont de site dit record als voorbeeld; "
    "haal die regel pas weg als alle gegevens echt en gecontroleerd zijn. Controleer daarna het "
    "bestand met `mvi-site validate`."
)
_MESSAGES: dict[str, dict[str, str]] = {
    "unknown-kind": {
        "nl": "onbekende soort '{value}'; kies uit: {valid}",
        "en": "unknown kind '{value}'; choose from: {valid}",
    },
    "invalid-id": {
        "nl": "'{value}' is geen geldige id: alleen kleine letters, cijfers en streepjes, "
        "hoogstens 80 tekens.\n    oplossing: Bijvoorbeeld '{suggestion}'.",
        "en": "'{value}' is not a valid id: lower-case letters, digits and hyphens only, at "
        "most 80 characters.\n    hint: For example '{suggestion}'.",
    },
    "no-data": {
        "nl": "datamap niet gevonden: {value}",
        "en": "data folder not found: {value}",
    },
    "unknown-reference": {
        "nl": "{option}: onbekende {label} '{value}'; kies uit: {valid}",
        "en": "{option}: unknown {label} '{value}'; choose from: {valid}",
    },
    "no-records": {
        "nl": "er is nog geen enkele {label} in {value}; maak die eerst aan",
        "en": "there is no {label} in {value} yet; create one first",
    },
    "not-applicable": {
        "nl": "{option} geldt niet voor een {kind_label}",
        "en": "{option} does not apply to a {kind_label}",
    },
    "invalid-title": {
        "nl": "--title: deze titel kan niet: {value}",
        "en": "--title: this title cannot be used: {value}",
    },
    "exists": {
        "nl": "{value} bestaat al; kies een andere id, of overschrijf het met --force",
        "en": "{value} already exists; choose another id, or overwrite it with --force",
    },
}
_NEXT_STEP = {
    "nl": "{path} geschreven.\nVolgende stap: vul de velden in die met TODO zijn gemarkeerd, "
    "haal `example: true` weg zodra de gegevens echt zijn, en controleer het bestand met "
    "`mvi-site validate {data}`.",
    "en": "{path} written.\nNext step: fill in the fields marked TODO, remove `example: true` "
    "once the data is real, and check the file with `mvi-site validate {data}`.",
}


class ScaffoldError(Exception):
    """Why no skeleton can be written, with a message in Dutch and English."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code, self.params = code, params

    def message(self, lang: str) -> str:
        params = dict(self.params)
        for name in ("kind", "ref"):  # kind names become the label in the message's language
            if name in params:
                label = getattr(KIND_BY_NAME[params[name]], f"label_{lang}")
                params["kind_label" if name == "kind" else "label"] = label
        return _MESSAGES[self.code][lang].format(**params)


def next_step(path: Path, data_dir: Path, lang: str) -> str:
    """What the command prints after writing a skeleton: where it is and what to do next."""
    return _NEXT_STEP[lang].format(path=path, data=data_dir)


def write_skeleton(
    kind: str,
    record_id: str,
    data_dir: Path,
    today: dt.date,
    *,
    force: bool = False,
    **options: Any,
) -> Path:
    """Write the skeleton to `data_dir/<folder>/<id>.yaml`; ScaffoldError if it cannot be."""
    text = skeleton(kind, record_id, data_dir, today, **options)
    path = data_dir / KIND_BY_NAME[kind].path / f"{record_id}.yaml"
    if path.exists() and not force:
        raise ScaffoldError("exists", value=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- The skeleton --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """What a skeleton is made from: the date, the ids that exist, the options given."""

    today: dt.date
    data_dir: Path
    chosen: dict[str, str]  # referenced kind -> id given as an option
    title: str | None
    known: dict[str, list[str]] = field(default_factory=dict)  # ids by kind, read once

    def ids(self, kind: str) -> list[str]:
        if kind not in self.known:
            self.known[kind] = known_ids(self.data_dir, kind)
        return self.known[kind]


@dataclass(frozen=True)
class _Scope:
    """Where lines are written: their indent, and whether they will be commented out."""

    indent: int = 0
    slack: int = 0  # columns that the `# ` of enclosing commented-out blocks will add
    active: bool = True  # False inside a commented-out block: no TODO markers there

    def child(self) -> _Scope:
        return _Scope(self.indent + 2, self.slack, self.active)

    def commented(self) -> _Scope:
        return _Scope(self.indent, self.slack + 2, False)


def skeleton(
    kind: str,
    record_id: str,
    data_dir: Path,
    today: dt.date,
    *,
    buyer: str | None = None,
    category: str | None = None,
    title: str | None = None,
) -> str:
    """The YAML text of a new record of `kind` that validates against the data in `data_dir`.

    `buyer` is the organisation (a tender's buyer, a case's organisation, a plan's organisation
    or category manager), `category` a category plan's id, `title` the Dutch title or name.
    """
    model = _check_request(kind, record_id, data_dir)
    chosen = {"organisation": buyer, "category-plan": category}
    context = _Context(today, data_dir, _check_options(model, kind, data_dir, chosen), title)
    if title is not None:
        _check_title(title)
    header = HEADER.format(
        label=KIND_BY_NAME[kind].label_nl.capitalize(), id=record_id, kind=kind, today=today
    )
    lines = _comment(header, _Scope())
    for name, info in model.model_fields.items():
        lines += ["", *_top_field(model, name, info, record_id, context)]
    text = "\n".join(lines) + "\n"
    _check_valid(model, record_id, text)
    return text


def _check_request(kind: str, record_id: str, data_dir: Path) -> type[BaseModel]:
    if kind not in SCAFFOLD_KINDS:
        raise ScaffoldError("unknown-kind", value=kind, valid=", ".join(SCAFFOLD_KINDS))
    if not _ID.match(record_id) or len(record_id) > 80:
        raise ScaffoldError("invalid-id", value=record_id, suggestion=suggest_id(record_id)[:80])
    if not data_dir.is_dir():
        raise ScaffoldError("no-data", value=str(data_dir))
    return KIND_BY_NAME[kind].model


_OPTION_NAMES = {"organisation": "--buyer", "category-plan": "--category"}


def _check_options(
    model: type[BaseModel], kind: str, data_dir: Path, given: dict[str, str | None]
) -> dict[str, str]:
    """The options given, each an existing id of a kind that the model refers to."""
    referenced = {ref.kind for _, ref in compile_paths(model, ref_marker)}
    chosen = {ref: value for ref, value in given.items() if value is not None}
    for ref, value in chosen.items():
        option = _OPTION_NAMES[ref]
        if ref not in referenced:
            raise ScaffoldError("not-applicable", option=option, kind=kind)
        if value not in (known := known_ids(data_dir, ref)):
            valid = ", ".join(known) or "-"
            raise ScaffoldError(
                "unknown-reference", option=option, ref=ref, value=value, valid=valid
            )
    return chosen


def _check_title(title: str) -> None:
    try:
        TypeAdapter(Title).validate_python(title)
    except ValidationError as error:
        raise ScaffoldError("invalid-title", value=error.errors()[0]["msg"]) from None


def _check_valid(model: type[BaseModel], record_id: str, text: str) -> None:
    """A skeleton that does not validate is a bug here, not the editor's problem."""
    model.model_validate({**parse_text(text), "id": record_id})


def known_ids(data_dir: Path, kind: str) -> list[str]:
    """The ids of `kind` in the data folder, sorted: file names, or the keys of a list file."""
    path = data_dir / KIND_BY_NAME[kind].path
    if KIND_BY_NAME[kind].is_folder:
        stems = (file.stem for file in path.glob("*.yaml")) if path.is_dir() else ()
        return sorted(stem for stem in stems if _ID.match(stem))
    data = read_yaml(path, str(path))[1] if path.is_file() else None
    keys = data if isinstance(data, dict) else {}
    return sorted(key for key in keys if isinstance(key, str) and _ID.match(key))


# --- Fields --------------------------------------------------------------------------------


def _top_field(
    model: type[BaseModel], name: str, info: FieldInfo, record_id: str, context: _Context
) -> list[str]:
    """A field of the record itself; an optional one is active when an option fills it."""
    key = f"{model.__name__}.{name}"
    if name == "id":  # the file name: described, never written (the validator would refuse it)
        return [*_comment(FIELDS[key]["nl"], _Scope()), f"# id: {record_id}"]
    tp, metadata = unwrap(info.annotation, tuple(info.metadata))
    if tp is LocalizedTitle and context.title is not None:
        return _described(key, tp, _Scope()) + _title_lines(name, context.title)
    ref = _direct_ref(tp, metadata)
    active = name in _ALWAYS_WRITTEN or (ref is not None and ref.kind in context.chosen)
    return _field(key, name, info, context, _Scope(), force_active=active)


def _direct_ref(tp: Any, metadata: tuple[Any, ...]) -> Ref | None:
    """The reference a field holds itself or lists (`buyer`, `categories`), not deeper down."""
    if get_origin(tp) is list:
        tp, metadata = unwrap(get_args(tp)[0])
    return ref_marker(tp, metadata)


def _title_lines(name: str, title: str) -> list[str]:
    english = '"TODO: text in English"'
    return [f"{name}:", f"  nl: {json.dumps(title, ensure_ascii=False)}", f"  en: {english}"]


def _field(
    key: str,
    name: str,
    info: FieldInfo,
    context: _Context,
    scope: _Scope,
    force_active: bool = False,
) -> list[str]:
    """A field's description, then the field: written if required, else commented out."""
    tp, metadata = unwrap(info.annotation, tuple(info.metadata))
    active = force_active or info.is_required()
    inner = scope if active else scope.commented()
    body = _entry(key, name, tp, metadata, context, inner)
    return _described(key, tp, scope) + (body if active else _comment_out(body, scope.indent))


def _described(key: str, tp: Any, scope: _Scope) -> list[str]:
    """The field's Dutch description and, for a fixed list of values, the values allowed."""
    lines = _comment(FIELDS[key]["nl"], scope)
    if choices := _choices(tp):
        lines += _comment("Kies uit: " + " | ".join(choices), scope)
    return lines


def _choices(tp: Any) -> tuple[str, ...]:
    if get_origin(tp) is list:
        tp, _ = unwrap(get_args(tp)[0])
    return tuple(str(value) for value in get_args(tp)) if get_origin(tp) is Literal else ()


def _entry(
    key: str, name: str, tp: Any, metadata: tuple[Any, ...], context: _Context, scope: _Scope
) -> list[str]:
    """`name: value`, or `name:` with the value's lines below it."""
    pad = " " * scope.indent
    value = _value(key, tp, metadata, context, scope.child())
    return [f"{pad}{name}: {value}"] if isinstance(value, str) else [f"{pad}{name}:", *value]


def _value(
    key: str, tp: Any, metadata: tuple[Any, ...], context: _Context, scope: _Scope
) -> str | list[str]:
    """A value: one line of YAML (a scalar), or its lines at `scope` (text, list, mapping)."""
    origin = get_origin(tp)
    if tp in _TEXTS:
        pad = " " * scope.indent
        return [f'{pad}nl: "TODO: tekst in het Nederlands"', f'{pad}en: "TODO: text in English"']
    if origin is list:
        return _list_item(key, *unwrap(get_args(tp)[0]), context, scope)
    if origin is dict:
        return _dict_entry(key, get_args(tp), context, scope)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return _model_lines(tp, context, scope)
    sample, settled = _scalar(key, tp, metadata, context)
    return sample + ("" if settled or not scope.active else _TODO)


def _list_item(
    key: str, tp: Any, metadata: tuple[Any, ...], context: _Context, scope: _Scope
) -> list[str]:
    """One item of a list: `- value`, or a mapping whose first field follows the `- `."""
    value = _value(key, tp, metadata, context, scope.child())
    if isinstance(value, str):
        return [f"{' ' * scope.indent}- {value}"]
    first = next(i for i, line in enumerate(value) if not line.lstrip().startswith("#"))
    cut = scope.indent + 2  # the item's fields start there; its first one follows the `- `
    leading = [line[: cut - 2] + line[cut:] for line in value[:first]]  # comments above the `- `
    return [*leading, f"{' ' * scope.indent}- {value[first][cut:]}", *value[first + 1 :]]


def _dict_entry(key: str, args: tuple[Any, ...], context: _Context, scope: _Scope) -> list[str]:
    """One entry of a mapping keyed by id, such as a theme's ambition under the theme's id."""
    sample, settled = _scalar(key, *unwrap(args[0]), context)
    marker = "" if settled or not scope.active else _TODO
    value = _value(key, *unwrap(args[1]), context, scope.child())
    head = f"{' ' * scope.indent}{sample}:"
    return [f"{head} {value}"] if isinstance(value, str) else [head + marker, *value]


def _model_lines(model: type[BaseModel], context: _Context, scope: _Scope) -> list[str]:
    lines: list[str] = []
    for name, info in model.model_fields.items():
        lines += _field(f"{model.__name__}.{name}", name, info, context, scope)
    return lines


# --- Scalars -------------------------------------------------------------------------------


def _scalar(key: str, tp: Any, metadata: tuple[Any, ...], context: _Context) -> tuple[str, bool]:
    """A sample value as YAML, and whether it is settled (needs no TODO marker)."""
    if key.endswith(".example"):
        return _EXAMPLE, True
    if key in _SAMPLES:
        return _SAMPLES[key](context.today), False
    if ref := ref_marker(tp, metadata):
        return _reference(ref.kind, context)
    if get_origin(tp) is Literal:
        return str(get_args(tp)[0]), key in _SETTLED
    if tp is dt.date:
        return context.today.isoformat(), True
    if tp is PlannedDate:
        return _quarter(context.today, 1), False
    return _plain(tp, metadata, context.today), False


def _reference(kind: str, context: _Context) -> tuple[str, bool]:
    """The id given as an option (settled), or the first id of its kind (to be checked)."""
    if kind in context.chosen:
        return _yaml_id(context.chosen[kind]), True
    known = context.ids(kind)
    if not known:
        folder = str(context.data_dir / KIND_BY_NAME[kind].path)
        raise ScaffoldError("no-records", ref=kind, value=folder)
    return _yaml_id(known[0]), False


def _plain(tp: Any, metadata: tuple[Any, ...], today: dt.date) -> str:
    """A sample for a value known by its type and validators."""
    flat = list(_flatten(metadata))
    if any(isinstance(item, IsUrl) for item in flat):
        return "https://www.example.org/todo"
    for alias, sample in ((Email, "todo@example.org"), (Cpv, "00000000-0"), (Id, "todo")):
        if all(item in flat for item in get_args(alias)[1:]):
            return sample
    if tp is int and any(getattr(item, "ge", None) == 2000 for item in flat):  # a Year
        return str(today.year)
    if tp in (bool, int, float):
        return {bool: "false", int: "0", float: "0"}[tp]
    return '"TODO"'


def _quarter(today: dt.date, ahead: int) -> str:
    """The quarter `ahead` quarters after today's, as YAML: 2027-Q1."""
    day = add_months(today, 3 * ahead)
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _yaml_id(value: str) -> str:
    """An id as YAML: plain, unless YAML would read it as something else (`2027`, `true`)."""
    return value if parse_text(value) == value else json.dumps(value)


# --- Types and comments --------------------------------------------------------------------


def _flatten(metadata: tuple[Any, ...]) -> list[Any]:
    """Metadata with the constraints inside `Field(...)` (such as a year's bounds) laid open."""
    flat: list[Any] = []
    for item in metadata:
        flat.extend(item.metadata if isinstance(item, FieldInfo) else [item])
    return flat


def _comment(text: str, scope: _Scope) -> list[str]:
    """`text` as comment lines at the scope's indent, wrapped to fit once commented out."""
    prefix = " " * scope.indent + "# "
    return textwrap.wrap(
        text,
        width=WIDTH - scope.slack,
        initial_indent=prefix,
        subsequent_indent=prefix,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _comment_out(lines: list[str], column: int) -> list[str]:
    return [f"{line[:column]}# {line[column:]}" for line in lines]
