"""JSON Schemas for editors' tools, exported from the same models the validator uses.

One schema per kind, describing one file: a record for folder kinds (without `id`, which is the
file name), or the mapping from id to record for the single-file kinds.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from generator.models.common import AMBITION_LEVELS, ID_PATTERN
from generator.source.layout import KINDS, Kind

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def kind_schema(kind: Kind) -> dict[str, Any]:
    """The schema of one file of this kind."""
    record = _without_id(kind.model.model_json_schema(ref_template="#/$defs/{model}"))
    if kind.is_folder:
        return {"$schema": DIALECT, "$id": f"mvi-site:{kind.schema_name}", **record}
    definitions = record.pop("$defs", {})
    definitions[kind.model.__name__] = record
    keys: dict[str, Any] = {"pattern": ID_PATTERN}
    if kind.name == "ambition-level":
        keys = {"enum": list(AMBITION_LEVELS)}
    return {
        "$schema": DIALECT,
        "$id": f"mvi-site:{kind.schema_name}",
        "title": f"{kind.path}: {kind.label_en}s by id",
        "type": "object",
        "propertyNames": keys,
        "additionalProperties": {"$ref": f"#/$defs/{kind.model.__name__}"},
        "minProperties": 1,
        "$defs": definitions,
    }


def all_schemas() -> dict[str, str]:
    """File name -> schema text, for every kind; the text is stable byte for byte."""
    return {kind.schema_name: _dump(kind_schema(kind)) for kind in KINDS}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in all_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _without_id(schema: dict[str, Any]) -> dict[str, Any]:
    schema = copy.deepcopy(schema)
    schema.get("properties", {}).pop("id", None)
    if "id" in schema.get("required", []):
        schema["required"] = [name for name in schema["required"] if name != "id"]
    return schema


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
