"""Validate each record against its model and turn pydantic's errors into located problems."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from generator.models.common import Strict
from generator.models.paths import iter_models
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
_BOOL_WORDS = {"yes", "no", "ja", "nee", "on", "off", "y", "n", "j"}


def validate_entry(entry: Entry) -> list[Problem]:
    """Validate one entry in place (its `record`); the problems if it fails."""
    if refused := _refused(entry):
        loc, code, at_key, params = refused
        return [entry.source.problem(loc, code, at_key=at_key, **params)]
    try:
        entry.record = _validated(entry)
    except ValidationError as error:
        return [_problem(entry, detail) for detail in error.errors(include_url=False)]
    return []


def valid_record(entry: Entry) -> Strict | None:
    """The entry's record if it validates, else None, by the same checks as `validate_entry`.

    No problem is located (that parses the file again), so checking many old versions of a file
    (the history) costs no more than validating them."""
    if _refused(entry):
        return None
    try:
        return _validated(entry)
    except ValidationError:
        return None


def _refused(entry: Entry) -> tuple[Loc, str, bool, dict[str, Any]] | None:
    """Why the entry cannot be a record at all: (where, code, at the key, params), or None."""
    raw = entry.raw
    if not isinstance(raw, dict):
        return entry.base, "not-a-mapping", False, {"found": _found(raw)[1]}
    if "id" in raw:  # the file name (or the key in a list file) is the id
        return (*entry.base, "id"), "id-in-file", True, {"id": entry.id}
    return None


def _validated(entry: Entry) -> Strict:
    return entry.kind.model.model_validate({**entry.raw, "id": entry.id})


def _problem(entry: Entry, error: Any) -> Problem:
    loc, at_key = _clean_loc(error["loc"])
    code, params = _translate(error)
    if code == "missing-field":
        loc = loc[:-1]
    elif code == "unknown-field":
        at_key = True
    return entry.source.problem(entry.base + loc, code, at_key=at_key, **params)


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
        return "too-long", {"max": ctx.get("max_length")}
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return "out-of-range", _range(kind, value, ctx)
    return "invalid-value", {"detail": error["msg"]}


def _unknown_field(name: str) -> dict[str, str]:
    close = difflib.get_close_matches(name, _all_field_names(), n=1, cutoff=0.6)
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


def _wrong_type(kind: str, value: Any) -> dict[str, str]:
    expected_nl, expected_en = _TYPE_NAMES[kind]
    found_nl, found_en = _found(value)
    advice_nl, advice_en = _advice(kind, value)
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
    if kind == "string_type" and not isinstance(value, list | dict):
        return (
            f'Zet de waarde tussen aanhalingstekens: "{value}".',
            f'Put the value in quotes: "{value}".',
        )
    if kind in ("int_type", "float_type") and isinstance(value, str):
        return (
            "Schrijf alleen cijfers, met een punt als decimaalteken en zonder "
            "duizendtalpunten of €: 1250000 of 2.5.",
            "Write digits only, with a decimal point and no thousands separators or €: "
            "1250000 or 2.5.",
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
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.5)
    return {
        "value": value,
        "allowed": ", ".join(allowed),
        "suggestion_nl": f"Bedoelde u '{close[0]}'? " if close else "",
        "suggestion_en": f"Did you mean '{close[0]}'? " if close else "",
    }


def _range(kind: str, value: Any, ctx: dict[str, Any]) -> dict[str, Any]:
    low = kind.startswith("greater")
    limit = next(iter(ctx.values()), "")
    return {
        "value": value,
        "limit": limit,
        "direction": "klein" if low else "groot",
        "direction_en": "small" if low else "large",
    }
