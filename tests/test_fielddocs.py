"""Every field of every model is described in Dutch and English, and no description is stale."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal, get_args, get_origin

import pytest
from pydantic import BaseModel

from generator.base.i18n import LANGS, Lang
from generator.models import common
from generator.models.common import Strict
from generator.models.fielddocs import FIELDS, TYPES, documented_models, field_rows
from generator.models.tender import Lot, Tender

MODELS = documented_models()


def undocumented(models: list[type[BaseModel]]) -> list[str]:
    """The `Model.field` keys of `models` without a non-empty Dutch and English description."""
    return [
        f"{model.__name__}.{name}"
        for model in models
        for name in model.model_fields
        if not all(
            FIELDS.get(f"{model.__name__}.{name}", {}).get(lang, "").strip() for lang in LANGS
        )
    ]


def literal_values(annotation: Any) -> Iterator[str]:
    """Every value of every Literal inside an annotation (through Optional, list, Annotated)."""
    if get_origin(annotation) is Literal:
        yield from (str(value) for value in get_args(annotation))
        return
    args = get_args(annotation)
    for arg in args[:1] if get_origin(annotation) is Annotated else args:
        yield from literal_values(arg)


LITERAL_FIELDS = {
    f"{model.__name__}.{name}": list(literal_values(info.annotation))
    for model in MODELS
    for name, info in model.model_fields.items()
    if list(literal_values(info.annotation))
}


def test_every_field_is_documented_in_both_languages() -> None:
    assert undocumented(MODELS) == []


def test_the_check_catches_a_new_field() -> None:
    class Extended(Tender):
        brand_new_field: str

    Extended.__name__ = "Tender"  # as if the field had been added to Tender itself
    assert undocumented([Extended]) == ["Tender.brand_new_field"]
    with pytest.raises(KeyError, match=r"Tender\.brand_new_field"):
        field_rows(Extended, "nl")


def test_the_check_catches_a_missing_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FIELDS, "Lot.title", {"nl": "De naam van het perceel.", "en": " "})
    assert undocumented([Lot]) == ["Lot.title"]
    with pytest.raises(KeyError, match=r"en description for Lot\.title"):
        field_rows(Lot, "en")


def test_no_description_is_stale() -> None:
    fields = {f"{model.__name__}.{name}" for model in MODELS for name in model.model_fields}
    assert sorted(set(FIELDS) - fields) == []


def test_value_types_are_described_and_not_documented_as_models() -> None:
    names = {model.__name__ for model in MODELS}
    assert not names & {"LocalizedText", "LocalizedTitle", "LocalizedMarkdown"}
    assert {"Text", "Title", "Markdown", "PlannedDate", "Id", "Url", "Email", "Cpv"} <= set(TYPES)
    for name, text in TYPES.items():
        assert hasattr(common, name) or name in {"Date", "Boolean", "Number"}, name
        assert all(text[lang].strip() for lang in LANGS), name


def test_documented_models_include_nested_ones_in_a_stable_order() -> None:
    names = [model.__name__ for model in MODELS]
    assert {"Tender", "Lot", "ValueRange", "TenderTheme", "Contact", "Link", "YearValue"} <= set(
        names
    )
    assert len(names) == len(set(names))
    assert names == [model.__name__ for model in documented_models()]
    assert all(issubclass(model, Strict) for model in MODELS)


def test_literal_fields_are_found() -> None:
    assert LITERAL_FIELDS["Tender.procedure"][0] == "open"  # through Optional
    assert LITERAL_FIELDS["TenderTheme.applied_as"] == [
        "requirements",
        "award-criteria",
        "contract-conditions",
    ]  # through list
    assert len(LITERAL_FIELDS) == 10  # an ambition level is a reference: the data list them


@pytest.mark.parametrize("key", sorted(LITERAL_FIELDS))
def test_every_literal_value_is_explained(key: str) -> None:
    for value in LITERAL_FIELDS[key]:
        for lang in LANGS:
            assert value in FIELDS[key][lang], f"{key} ({lang}) does not mention '{value}'"


@pytest.mark.parametrize("lang", LANGS)
def test_field_rows_follow_the_model(lang: Lang) -> None:
    for model in MODELS:
        rows = field_rows(model, lang)
        assert [row.name for row in rows] == list(model.model_fields)
        assert all(row.type_label and row.description for row in rows), model.__name__
        assert [row.required for row in rows] == [
            info.is_required() for info in model.model_fields.values()
        ]


@pytest.mark.parametrize(
    ("field", "nl", "en"),
    [
        ("Tender.title", "titel (nl/en)", "title (nl/en)"),
        ("Tender.expected_publication", "datum, maand of kwartaal", "date, month or quarter"),
        ("Tender.above_eu_threshold", "ja/nee", "yes/no"),
        ("Tender.buyer", "id van een organisatie", "id of an organisation"),
        ("Tender.lots", "lijst van Lot", "list of Lot"),
        ("Tender.cpv", "lijst van CPV-codes", "list of CPV codes"),
        ("Tender.themes", "TenderTheme per thema", "TenderTheme per theme"),
        ("Tender.kind", "een van: works, supplies, services", "one of: works, supplies, services"),
        ("Case.organisations", "lijst van id's van organisaties", "list of ids of organisations"),
        ("Goal.deadline", "jaartal", "year"),
        ("KeyResult.value", "getal", "number"),
        ("Contact.email", "e-mailadres", "e-mail address"),
        ("TenderTheme.level", "id van een ambitieniveau", "id of an ambition level"),
        ("Theme.ocds_goal", "OCDS-doelcode", "OCDS goal code"),
    ],
)
def test_type_labels(field: str, nl: str, en: str) -> None:
    model_name, name = field.split(".")
    model = next(model for model in MODELS if model.__name__ == model_name)
    labels = {
        lang: next(row.type_label for row in field_rows(model, lang) if row.name == name)
        for lang in LANGS
    }
    assert labels == {"nl": nl, "en": en}
