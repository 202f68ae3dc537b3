"""The JSON Schemas for editors: generated from the models, committed, and independently checked."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.editors.schemas import all_schemas, known_ids, stale
from generator.source.layout import KINDS

ROOT = Path(__file__).resolve().parent.parent
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def test_committed_schemas_are_fresh_in_their_structure():
    """Only the structure: the lists of known ids follow the data, and a pull request that adds
    an organisation must not fail on them (CI shows a notice, see below)."""
    structure, _ = stale(ROOT / "schemas", known_ids(ROOT / "data"))
    assert structure == [], "schemas/ is stale: run `make schemas` and commit the result"
    committed = {path.name for path in (ROOT / "schemas").glob("*.schema.json")}
    assert committed == set(all_schemas())


def test_every_field_has_its_description_in_dutch_and_english():
    for name, text in all_schemas().items():
        schema = json.loads(text)
        for where, definition in [("", schema), *schema.get("$defs", {}).items()]:
            for field, prop in definition.get("properties", {}).items():
                description = prop.get("description", "")
                assert "\n\nEnglish: " in description, (name, where, field)


def test_references_list_the_known_ids_and_reject_a_misspelt_buyer(data_dir, tmp_path):
    tender = json.loads((ROOT / "schemas" / "tender.schema.json").read_text(encoding="utf-8"))
    assert tender["properties"]["buyer"]["enum"] == known_ids(ROOT / "data")["organisation"]
    assert "klimaat" in tender["properties"]["themes"]["propertyNames"]["enum"]
    bad = tmp_path / "bad.yaml"
    good = (data_dir / "tenders" / "rvb-2027-zonnepanelen.yaml").read_text()
    bad.write_text(good.replace("buyer: rvb", "buyer: rvbb"), encoding="utf-8")
    completed = _check(ROOT / "schemas" / "tender.schema.json", [bad])
    assert completed.returncode == 1
    assert "rvbb" in completed.stdout


def test_a_new_organisation_is_a_notice_a_changed_model_an_error(run, tmp_path):
    data, schemas = tmp_path / "data", tmp_path / "schemas"
    shutil.copytree(ROOT / "data", data)
    assert run("schema", "--out", schemas, "--data", data).code == 0
    assert run("schema", "--out", schemas, "--data", data, "--check").code == 0

    (data / "organisations" / "nieuw.yaml").write_text(
        (data / "organisations" / "bzk.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = run("schema", "--out", schemas, "--data", data, "--check", "--format", "github")
    assert result.code == 0
    assert "::notice file=" in result.out and "organisation.schema.json" in result.out

    tender = schemas / "tender.schema.json"
    tender.write_text(tender.read_text().replace('"buyer"', '"koper"'), encoding="utf-8")
    result = run("schema", "--out", schemas, "--data", data, "--check", "--format", "github")
    assert result.code == 1
    assert "::error file=" in result.out and "tender.schema.json" in result.out


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_schema_is_valid_json_schema(name: str):
    Draft202012Validator.check_schema(json.loads(all_schemas()[name]))


def test_schema_command_writes_one_schema_per_kind(run, tmp_path):
    assert run("schema", "--out", tmp_path).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(k.schema_name for k in KINDS)


def test_record_schemas_leave_out_the_id_that_is_the_file_name():
    tender = json.loads(all_schemas()["tender.schema.json"])
    assert "id" not in tender["properties"]
    assert tender["additionalProperties"] is False


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_example_data_passes_an_independent_validator(kind):
    files = _files(ROOT / "data", kind)
    assert files, f"no example data for {kind.name}"
    completed = _check(ROOT / "schemas" / kind.schema_name, files)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_independent_validator_rejects_what_we_reject(data_dir, tmp_path):
    bad = tmp_path / "bad.yaml"
    tender = data_dir / "tenders" / "rvb-2027-zonnepanelen.yaml"
    bad.write_text(tender.read_text().replace("kind: works", "kind: werken"), encoding="utf-8")
    completed = _check(ROOT / "schemas" / "tender.schema.json", [bad])
    assert completed.returncode == 1
    assert "werken" in completed.stdout


def test_vscode_maps_every_schema_to_its_files():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    for kind in KINDS:
        pattern = f"data/{kind.path}/*.yaml" if kind.is_folder else f"data/{kind.path}"
        assert mapped[f"./schemas/{kind.schema_name}"] == [pattern]


def _files(root: Path, kind) -> list[Path]:
    path = root / kind.path
    return sorted(path.glob("*.yaml")) if kind.is_folder else [path]


def _check(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
