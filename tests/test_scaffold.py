"""`mvi-site new`: a skeleton validates as written, documents every field and refuses bad input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import TODAY

from generator.base.clock import today
from generator.editors.scaffold import SCAFFOLD_KINDS, WIDTH, ScaffoldError, skeleton
from generator.models.fielddocs import FIELDS
from generator.models.paths import iter_models
from generator.source.layout import KIND_BY_NAME
from generator.validate import validate_data

DATA = Path(__file__).resolve().parent.parent / "data"
NEW_ID = "nieuw-2027-voorbeeld"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example data, with today fixed as the other CLI tests fix it."""
    monkeypatch.setenv("MVI_TODAY", TODAY)
    return Path(shutil.copytree(DATA, tmp_path / "data"))


def path_of(data: Path, kind: str, record_id: str = NEW_ID) -> Path:
    return data / KIND_BY_NAME[kind].path / f"{record_id}.yaml"


def text_of(kind: str, **options: str) -> str:
    return skeleton(kind, NEW_ID, DATA, today(TODAY), **options)


@pytest.mark.parametrize("kind", SCAFFOLD_KINDS)
def test_a_new_record_validates_as_written(run, data, kind):
    result = run("new", kind, NEW_ID, "--data", data)
    assert result.code == 0, result.err
    assert str(path_of(data, kind)) in result.out
    assert "TODO" in result.out and "mvi-site validate" in result.out
    check = run("validate", data, "--strict", "--today", TODAY, "--lang", "en")
    assert check.code == 0, check.out
    dataset, report = validate_data(data, today(TODAY))
    assert report.ok(strict=True)
    record = dataset.entries[kind][NEW_ID].record
    assert record is not None
    assert record.example is True  # placeholders are labelled as an example until removed


@pytest.mark.parametrize("kind", SCAFFOLD_KINDS)
def test_every_field_of_every_nested_model_is_in_the_skeleton(kind):
    text = text_of(kind)
    missing = [
        f"{model.__name__}.{name}"
        for model in iter_models(KIND_BY_NAME[kind].model)
        for name in model.model_fields
        if not re.search(rf"^[ #-]*{name}:", text, re.MULTILINE)
    ]
    assert missing == []


@pytest.mark.parametrize("kind", SCAFFOLD_KINDS)
def test_each_field_comes_with_its_dutch_description(kind):
    model = KIND_BY_NAME[kind].model
    comments = " ".join(line.lstrip(" #") for line in text_of(kind).splitlines())
    flat = " ".join(comments.split())
    for name in model.model_fields:
        description = FIELDS[f"{model.__name__}.{name}"]["nl"]
        assert " ".join(description.split()) in flat, name


def test_optional_fields_are_commented_out_with_their_allowed_values():
    text = text_of("tender")
    assert "\n# procedure: open\n" in text
    assert "# Kies uit: works | supplies | services\nkind: works  # TODO\n" in text
    assert "\nstatus: planned\n" in text and "\ncertainty: indicative\n" in text


@pytest.mark.parametrize("kind", SCAFFOLD_KINDS)
def test_lines_fit_in_the_width(kind):
    too_long = [line for line in text_of(kind).splitlines() if len(line) > WIDTH]
    assert too_long == []


@pytest.mark.parametrize("kind", SCAFFOLD_KINDS)
def test_the_skeleton_is_deterministic(kind):
    assert text_of(kind) == text_of(kind)


def test_dates_follow_today():
    text = skeleton("tender", NEW_ID, DATA, today("2026-11-23"))
    assert "\nexpected_publication: 2027-Q1  # TODO\n" in text
    assert "last_updated" not in text, "the date of a change comes from Git"


def test_options_fill_the_references_and_the_title(run, data):
    title = 'Asfalt "A12"'
    args = ("--buyer", "rws", "--category", "logistiek", "--title", title, "--data", data)
    assert run("new", "tender", NEW_ID, *args).code == 0
    assert run("new", "category-plan", NEW_ID, "--organisation", "rws", "--data", data).code == 0
    dataset, report = validate_data(data, today(TODAY))
    assert report.ok(strict=True)
    tender = dataset.tenders[NEW_ID]
    assert (tender.buyer, tender.category, tender.title.nl) == ("rws", "logistiek", title)
    assert dataset.category_plans[NEW_ID].category_manager == "rws"


def test_an_unknown_buyer_is_refused_with_the_valid_ids(run, data):
    result = run("new", "tender", NEW_ID, "--buyer", "rijkswaterstaat", "--data", data)
    assert result.code != 0
    assert "rijkswaterstaat" in result.err and "bzk, defensie" in result.err and "rws" in result.err
    assert "Traceback" not in result.err
    assert not path_of(data, "tender").exists()


def test_an_option_the_kind_has_no_use_for_is_refused(run, data):
    result = run("new", "action-plan", NEW_ID, "--category", "logistiek", "--data", data)
    assert result.code != 0 and "--category" in result.err
    assert not path_of(data, "action-plan").exists()


def test_a_title_with_markup_is_refused(run, data):
    result = run("new", "case", NEW_ID, "--title", "<b>Vet</b>", "--data", data)
    assert result.code != 0 and "--title" in result.err
    assert not path_of(data, "case").exists()


def test_an_existing_file_is_kept_unless_forced(run, data):
    existing = path_of(data, "tender", "bz-2028-vliegreizen")
    before = existing.read_text(encoding="utf-8")
    refused = run("new", "tender", "bz-2028-vliegreizen", "--data", data)
    assert refused.code != 0 and "--force" in refused.err
    assert existing.read_text(encoding="utf-8") == before
    forced = run("new", "tender", "bz-2028-vliegreizen", "--force", "--data", data)
    assert forced.code == 0
    assert "TODO" in existing.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad_id", ["Nieuwe Aanbesteding", "rws_2027", "rws-", "a" * 81])
def test_an_invalid_id_is_refused(run, data, bad_id):
    result = run("new", "tender", bad_id, "--data", data, "--lang", "en")
    assert result.code != 0
    assert "not a valid id" in result.err and "Traceback" not in result.err
    assert sorted(p.name for p in (data / "tenders").iterdir()) == sorted(
        p.name for p in (DATA / "tenders").iterdir()
    )


def test_messages_follow_the_language(run, data, monkeypatch):
    monkeypatch.setenv("MVI_LANG", "en")
    result = run("new", "tender", NEW_ID, "--data", data)
    assert result.code == 0 and "Next step: fill in the fields marked TODO" in result.out
    assert "bestaat al" in run("new", "tender", NEW_ID, "--data", data, "--lang", "nl").err


def test_a_missing_data_folder_is_refused(run, tmp_path):
    result = run("new", "case", NEW_ID, "--data", tmp_path / "nope")
    assert result.code != 0 and "nope" in result.err


def test_a_reference_with_no_record_to_point_at_is_refused(tmp_path):
    (tmp_path / "organisations").mkdir()
    with pytest.raises(ScaffoldError) as refused:
        skeleton("action-plan", NEW_ID, tmp_path, today(TODAY))
    assert "organisations" in refused.value.message("en")
