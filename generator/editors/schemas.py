"""JSON Schemas for editors' tools, exported from the same models the validator uses.

One schema per kind, describing one file: a record for folder kinds (without `id`, which is the
file name), or the mapping from id to record for the single-file kinds.

Each field carries its description from the field reference (`models/fielddocs.py`), in Dutch
with the English alongside, so VS Code shows it on hover. Where a field refers to other records
(`"x-mvi-ref": kind`), the schemas made for this repository list the ids the data folder holds,
so a misspelt buyer is underlined while typing. Those lists follow the data, not the code: a
stale list is a notice (`mvi-site schema --check`), a stale structure an error.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from generator.models.common import ID_PATTERN, REF_KEYWORD
from generator.models.fielddocs import FIELDS
from generator.models.paths import iter_models
from generator.source.layout import KINDS, Kind
from generator.source.load import load_data

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_ID = re.compile(ID_PATTERN)
Ids = Mapping[str, Iterable[str]]  # kind -> the ids its records have


def kind_schema(kind: Kind, ids: Ids | None = None) -> dict[str, Any]:
    """The schema of one file of this kind; with `ids`, references list the known ids."""
    schema = _structure(kind)
    if ids is not None:
        _list_ids(schema, ids)
    return schema


def _structure(kind: Kind) -> dict[str, Any]:
    record = _without_id(kind.model.model_json_schema(ref_template="#/$defs/{model}"))
    _describe(record, kind)
    if kind.is_folder:
        return {"$schema": DIALECT, "$id": f"mvi-site:{kind.schema_name}", **record}
    definitions = record.pop("$defs", {})
    definitions[kind.model.__name__] = record
    return {
        "$schema": DIALECT,
        "$id": f"mvi-site:{kind.schema_name}",
        "title": f"{kind.path}: {kind.label_en}s by id",
        "type": "object",
        "propertyNames": {"pattern": ID_PATTERN},
        "additionalProperties": {"$ref": f"#/$defs/{kind.model.__name__}"},
        "minProperties": 1,
        "$defs": definitions,
    }


def all_schemas(ids: Ids | None = None) -> dict[str, str]:
    """File name -> schema text, for every kind; the text is stable byte for byte."""
    return {kind.schema_name: _dump(kind_schema(kind, ids)) for kind in KINDS}


def write_schemas(folder: Path, ids: Ids | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in all_schemas(ids).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def known_ids(root: Path) -> dict[str, list[str]]:
    """The ids of every kind in the data folder `root`, valid records or not (a record being
    written is still a record an editor refers to)."""
    dataset, _, _ = load_data(root)
    return {kind.name: sorted(i for i in dataset.ids(kind.name) if _ID.match(i)) for kind in KINDS}


def without_ids(schema: Any) -> Any:
    """The schema's structure: the same, without the lists of known ids."""
    if isinstance(schema, dict):
        return {
            key: without_ids(value)
            for key, value in schema.items()
            if not (key == "enum" and REF_KEYWORD in schema)
        }
    if isinstance(schema, list):
        return [without_ids(item) for item in schema]
    return schema


def stale(folder: Path, ids: Ids) -> tuple[list[str], list[str]]:
    """The committed schemas in `folder` against fresh ones: (structure stale, ids stale)."""
    structure: list[str] = []
    listed: list[str] = []
    for name, text in all_schemas(ids).items():
        path = folder / name
        committed = path.read_text(encoding="utf-8") if path.is_file() else ""
        if committed == text:
            continue
        try:
            same = without_ids(json.loads(committed)) == without_ids(json.loads(text))
        except ValueError:
            same = False
        (listed if same else structure).append(name)
    return structure, listed


def _describe(schema: dict[str, Any], kind: Kind) -> None:
    """Each property's description from the field reference: Dutch, then the English."""
    definitions = schema.get("$defs", {})
    for model in iter_models(kind.model):
        target = schema if model is kind.model else definitions.get(model.__name__)
        for name, prop in (target or {}).get("properties", {}).items():
            if doc := FIELDS.get(f"{model.__name__}.{name}"):
                prop["description"] = f"{doc['nl']}\n\nEnglish: {doc['en']}"


def _list_ids(schema: Any, ids: Ids) -> None:
    """Put the known ids of the referred kind on every reference (keys and values alike)."""
    if isinstance(schema, dict):
        if (kind := schema.get(REF_KEYWORD)) is not None and (known := sorted(ids.get(kind, ()))):
            schema["enum"] = known
        for value in schema.values():
            _list_ids(value, ids)
    elif isinstance(schema, list):
        for item in schema:
            _list_ids(item, ids)


def _without_id(schema: dict[str, Any]) -> dict[str, Any]:
    schema = copy.deepcopy(schema)
    schema.get("properties", {}).pop("id", None)
    if "id" in schema.get("required", []):
        schema["required"] = [name for name in schema["required"] if name != "id"]
    return schema


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
