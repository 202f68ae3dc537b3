"""Validate each record against its model and turn pydantic's errors into located problems."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Annotated, Any

from pydantic import ConfigDict, PydanticUserError, TypeAdapter, ValidationError

from generator.base.i18n import ENUMS, LANGS
from generator.models.common import Strict
from generator.models.paths import iter_models
from generator.models.tender import FORMER_FLAGS
from generator.problems import CODES, Problem
from generator.source.dataset import Entry
from generator.source.layout import KINDS
from generator.source.yamlsource import Loc

_TYPE_NAMES = {  # pydantic error type -> (Dutch, English) name of what was expected
    "string_type": ("tekst", "text"),
    "int_type": ("een geheel getal", "a whole number"),
    "float_type": ("een getal", "a number"),
    "bool_type": ("true of false", "true or false"),
    "date_type": ("een datum (JJJJ-MM-DD)", "a date (YYYY-MM-DD)"),
    "list_type": ("een lijst (regels die beginnen met '- ')", "a list (lines starting '- ')"),
    "dict_type": ("velden (veld: waarde)", "fields (field: value)"),
    "model_type": ("velden (veld: waarde)", "fields (field: value)"),
    "model_attributes_type": ("velden (veld: waarde)", "fields (field: value)"),
}
LANG_KEYS = set(LANGS)
_BOOL_WORDS = {"yes", "no", "ja", "nee", "on", "off", "y", "n", "j"}


def validate_entry(entry: Entry) -> list[Problem]:
    """Validate one entry in place (its `record`); the problems if it fails."""
    if refused := _refused(entry):
        loc, code, at_key, params = refused
        return [entry.source.problem(loc, code, at_key=at_key, **params)]
    retired = list(_retired(entry))
    try:
        entry.record = _validated(entry)
    except ValidationError as error:
        entry.partial = partial_record(entry)
        details = error.errors(include_url=False)
        if entry.source.spoilt:  # already reported where the file was read
            details = [d for d in details if not entry.source.is_spoilt(_place(entry, d))]
        return retired + [_problem(entry, detail) for detail in details]
    return retired


def _place(entry: Entry, error: Any) -> Loc:
    return entry.base + _clean_loc(error["loc"])[0]


def valid_record(entry: Entry) -> Strict | None:
    """The entry's record if it validates, else None, by the same checks as `validate_entry`.

    No problem is located (that parses the file again), so checking many old versions of a file
    (the history) costs no more than validating them."""
    if _refused(entry):
        return None
    try:
        return _validated(entry, HISTORY_ONLY.get(entry.kind.name, frozenset()))
    except ValidationError:
        return None


# Fields an old version of a file may still hold, left out when it is read for the history (not
# when the current data is checked, where they are problems): the flags that became themes. Their
# versions stay in the history; the theme's arrival is the change the history then shows.
HISTORY_ONLY: dict[str, frozenset[str]] = {"tender": frozenset(FORMER_FLAGS)}


def partial_record(entry: Entry) -> Strict:
    """The record's valid fields only, each checked as the model checks it; a field that is
    not valid (or missing) is absent, and reading it raises AttributeError. The rules across
    fields run on it, so that one bad field does not hide the problems of the others."""
    model, raw = entry.kind.model, {**entry.raw, "id": entry.id}
    good, bad = {}, []
    for name in model.model_fields:
        if name in raw:
            try:
                good[name] = _adapter(model, name).validate_python(raw[name])
            except ValidationError:
                bad.append(name)
    record = model.model_construct(**good)
    for name in bad:  # model_construct fills in defaults; an invalid field has none
        record.__dict__.pop(name, None)
    return record


@cache
def _adapter(model: type[Strict], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotated: Any = (
        Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    )
    try:
        return TypeAdapter(annotated, config=ConfigDict(strict=True))
    except PydanticUserError:  # a model type brings its own (strict) configuration
        return TypeAdapter(annotated)


def _refused(entry: Entry) -> tuple[Loc, str, bool, dict[str, Any]] | None:
    """Why the entry cannot be a record at all: (where, code, at the key, params), or None."""
    raw = entry.raw
    if not isinstance(raw, dict):
        return entry.base, "not-a-mapping", False, {"found": _found(raw)[1]}
    if "id" in raw:  # the file name (or the key in a list file) is the id
        return (*entry.base, "id"), "id-in-file", True, {"id": entry.id}
    return None


def _validated(entry: Entry, also: frozenset[str] = frozenset()) -> Strict:
    """The record, without the fields its kind no longer reads (old versions still load)."""
    retired = entry.kind.model.retired_fields | also
    raw = {key: value for key, value in entry.raw.items() if key not in retired}
    return entry.kind.model.model_validate({**raw, "id": entry.id})


_RETIRED_ADVICE = {  # why a retired field went, and what to do instead
    "last_updated": (
        "Verwijder deze regel: de site dateert elke wijziging met de Git-commit die haar doet, "
        "dus een getypte datum is niet meer nodig.",
        "Remove this line: the site dates every change by the Git commit that makes it, so a "
        "typed date is no longer needed.",
    ),
    "mvi_criteria_product_group": (
        "Vervang deze regel door 'product_group:' met de id van een productgroep uit "
        "data/product-groups.yaml, zoals 'product_group: catering'.",
        "Replace this line with 'product_group:' and the id of a product group in "
        "data/product-groups.yaml, such as 'product_group: catering'.",
    ),
}


def _retired(entry: Entry) -> Iterable[Problem]:
    """A warning at each field of the entry that its kind no longer reads."""
    for name in sorted(entry.kind.model.retired_fields & set(entry.raw)):
        nl, en = _RETIRED_ADVICE.get(name, ("Verwijder deze regel.", "Remove this line."))
        params = {"field": name, "advice_nl": nl, "advice_en": en}
        yield entry.source.problem((*entry.base, name), "retired-field", at_key=True, **params)


def _problem(entry: Entry, error: Any) -> Problem:
    loc, at_key = _clean_loc(error["loc"])
    code, params = _translate(error)
    if code == "missing-field":
        loc = loc[:-1]
    elif code in ("unknown-field", "flag-now-a-theme"):
        at_key = True
    elif code == "wrong-type" and params.pop("quote", False):
        params.update(_after_quoting(entry, loc, error["input"]))
    needle = str(params.pop("needle", ""))
    return entry.source.problem(entry.base + loc, code, at_key=at_key, needle=needle, **params)


def _after_quoting(entry: Entry, loc: Loc, value: Any) -> dict[str, str]:
    """The advice to quote a value, checked: if the quoted text would still not do, say why,
    so that the editor is not sent from one problem to the next."""
    quoted = f'"{value}"'
    raw = copy.deepcopy({**entry.raw, "id": entry.id})
    holder: Any = raw
    for step in loc[:-1]:
        holder = holder[step]
    holder[loc[-1]] = str(value)
    try:
        entry.kind.model.model_validate(raw)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            if _clean_loc(detail["loc"])[0] == loc:
                code, params = _translate(detail)
                then = Problem("", 0, 0, code, params=tuple((k, str(v)) for k, v in params.items()))
                return {
                    "advice_nl": f"Ook tussen aanhalingstekens ({quoted}) klopt het nog niet: "
                    f"{then.message('nl')}. {then.hint('nl')}",
                    "advice_en": f"Even in quotes ({quoted}) it is not right yet: "
                    f"{then.message('en')}. {then.hint('en')}",
                }
    return {
        "advice_nl": f"Zet de waarde tussen aanhalingstekens: {quoted}.",
        "advice_en": f"Put the value in quotes: {quoted}.",
    }


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Loc, bool]:
    """Drop pydantic's own steps ('function-after[…]', '[key]') from an error location."""
    at_key = bool(loc) and loc[-1] == "[key]"
    steps = tuple(s for s in loc if not (isinstance(s, str) and ("[" in s or "(" in s)))
    return steps, at_key


def _translate(error: Any) -> tuple[str, dict[str, Any]]:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind in CODES:  # our own validators raise with a problem code as the error type
        return kind, dict(ctx)
    if kind == "missing":
        return "missing-field", {"field": error["loc"][-1]}
    if kind == "extra_forbidden" and (theme := FORMER_FLAGS.get(str(error["loc"][-1]))):
        return "flag-now-a-theme", {"field": error["loc"][-1], "theme": theme}
    if kind == "extra_forbidden":
        return "unknown-field", _unknown_field(str(error["loc"][-1]))
    if kind == "date_type" and isinstance(value, str):
        return "invalid-date", {"value": value}
    if kind in _TYPE_NAMES:
        return "wrong-type", _wrong_type(kind, value)
    if kind in ("literal_error", "enum"):
        return "invalid-choice", _choice(str(value), str(ctx.get("expected", "")))
    if kind == "string_too_short":
        return "empty-value", {}
    if kind == "too_short":
        return "too-few-items", {"min": ctx.get("min_length", 1)}
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        return "too-long", _too_long(error["loc"], value, ctx.get("max_length"))
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return "out-of-range", _range(kind, value, ctx)
    return "invalid-value", {"detail": error["msg"]}


def _too_long(loc: tuple[Any, ...], value: Any, limit: Any) -> dict[str, Any]:
    named = [step for step in loc if isinstance(step, str) and step not in LANG_KEYS]
    field = named[-1] if named else ""
    if field in ("title", "name", "abbreviation"):
        advice = (
            "Maak de titel korter; details horen in de beschrijving.",
            "Shorten the title; details belong in the description.",
        )
    else:
        advice = (
            f"Kort de tekst in tot hoogstens {limit} tekens. Een lang stuk hoort in een "
            "document op de eigen site, waarnaar de tekst met een link verwijst.",
            f"Shorten the text to at most {limit} characters. A long piece belongs in a "
            "document on the organisation's own site, linked from the text.",
        )
    return {
        "max": limit,
        "length": len(value) if isinstance(value, str) else "?",
        "advice_nl": advice[0],
        "advice_en": advice[1],
    }


def close_match(value: str, options: Iterable[str]) -> str | None:
    """The one option close enough to `value` to be what the editor meant, or None.

    Close means at most a slip of typing: a letter missing, added, swapped or wrong."""
    found = difflib.get_close_matches(value, list(options), n=1, cutoff=0.75)
    return found[0] if found else None


def _unknown_field(name: str) -> dict[str, str]:
    close = [found] if (found := close_match(name, _all_field_names())) else []
    if close:
        return {
            "field": name,
            "suggestion_nl": f"Bedoelde u '{close[0]}'?",
            "suggestion_en": f"Did you mean '{close[0]}'?",
        }
    return {
        "field": name,
        "suggestion_nl": "Controleer de spelling; alle velden staan in de JSON Schema's "
        "in schemas/.",
        "suggestion_en": "Check the spelling; every field is listed in the JSON Schemas "
        "in schemas/.",
    }


@lru_cache(maxsize=1)
def _all_field_names() -> tuple[str, ...]:
    names = {
        name for kind in KINDS for model in iter_models(kind.model) for name in model.model_fields
    }
    return tuple(sorted(names - {"id"}))


def _wrong_type(kind: str, value: Any) -> dict[str, Any]:
    expected_nl, expected_en = _TYPE_NAMES[kind]
    found_nl, found_en = _found(value)
    advice_nl, advice_en = _advice(kind, value)
    if kind == "string_type" and isinstance(value, bool | int | float | dt.date):
        return {  # the advice is to quote it, checked in `_after_quoting`
            "expected_nl": expected_nl,
            "expected_en": expected_en,
            "found_nl": found_nl,
            "found_en": found_en,
            "quote": True,
        }
    return {
        "expected_nl": expected_nl,
        "expected_en": expected_en,
        "found_nl": found_nl,
        "found_en": found_en,
        "advice_nl": advice_nl,
        "advice_en": advice_en,
    }


def _found(value: Any) -> tuple[str, str]:
    if value is None:
        return "een lege waarde", "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()}", f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"het getal {value}", f"the number {value}"
    if isinstance(value, dt.date):
        return f"de datum {value}", f"the date {value}"
    if isinstance(value, str):
        return f"de tekst '{value[:40]}'", f"the text '{value[:40]}'"
    if isinstance(value, list):
        return "een lijst", "a list"
    return "velden (veld: waarde)", "fields (field: value)"


def _advice(kind: str, value: Any) -> tuple[str, str]:
    if value is None:
        return (
            "Vul een waarde in, of laat het veld helemaal weg als het niet verplicht is.",
            "Fill in a value, or leave the field out entirely if it is optional.",
        )
    if kind == "bool_type" and str(value).lower() in _BOOL_WORDS:
        return ("Schrijf true (ja) of false (nee).", "Write true (yes) or false (no).")
    if kind == "int_type" and isinstance(value, str | float):
        return (
            "Schrijf een geheel getal, alleen cijfers, zonder punten, komma's of €: 1250000.",
            "Write a whole number, digits only, without points, commas or €: 1250000.",
        )
    if kind == "float_type" and isinstance(value, str):
        return (
            "Schrijf alleen cijfers, met een punt als decimaalteken en zonder "
            "duizendtalpunten of €: 2.5.",
            "Write digits only, with a decimal point and no thousands separators or €: 2.5.",
        )
    if kind == "list_type":
        return (
            "Zet elk item op een eigen regel die begint met '- ', of schrijf [a, b].",
            "Put each item on its own line starting with '- ', or write [a, b].",
        )
    return (
        "Kijk in de veldenlijst welk soort waarde hier hoort.",
        "Check the field reference for the kind of value expected here.",
    )


def _choice(value: str, expected: str) -> dict[str, str]:
    allowed = re.findall(r"'([^']*)'", expected) or [expected]
    found = close_match(value, allowed) or _by_label(value, allowed)
    close = [found] if found else []
    return {
        "value": value,
        "allowed": ", ".join(allowed),
        "suggestion_nl": f"Bedoelde u '{close[0]}'? " if close else "",
        "suggestion_en": f"Did you mean '{close[0]}'? " if close else "",
    }


def _by_label(value: str, allowed: list[str]) -> str | None:
    """The allowed value whose Dutch or English name the editor wrote: 'werken' for works."""
    wanted = value.strip().lower()
    for table in ENUMS.values():
        for code, names in table.items():
            if code in allowed and close_match(wanted, [name.lower() for name in names]):
                return code
    return None


def _range(kind: str, value: Any, ctx: dict[str, Any]) -> dict[str, Any]:
    low = kind.startswith("greater")
    limit = next(iter(ctx.values()), "")
    return {
        "value": value,
        "limit": limit,
        "direction": "klein" if low else "groot",
        "direction_en": "small" if low else "large",
    }
