"""Every record as JSON in our own format, with a JSON Schema per file, made from the models.

One file per kind (`tenders.json`, `themes.json`, …): `{"licence": "CC0-1.0", "kind": …,
"records": [...]}` with the records sorted by id, each exactly as validated (bilingual text as
`{"nl": …, "en": …}`, planned dates as strings such as `2027-Q3`, absent fields left out). The
schema of each file is exported from the same pydantic model the validator uses, so the format
documentation cannot drift from the data.
"""

from __future__ import annotations

import json
from typing import Any

from generator.editors.schemas import DIALECT
from generator.source.dataset import DataSet
from generator.source.layout import Kind

LICENCE = "CC0-1.0"


def file_stem(kind: Kind) -> str:
    """`tenders`, `themes`, `ambition-levels`: the data folder's or file's own name."""
    return kind.path.removesuffix(".yaml")


def records_document(data: DataSet, kind: Kind) -> dict[str, Any]:
    """All valid records of one kind, sorted by id."""
    records = data.records(kind.name)
    return {
        "licence": LICENCE,
        "kind": kind.name,
        "records": [
            records[record_id].model_dump(mode="json", exclude_none=True)
            for record_id in sorted(records)
        ],
    }


def records_schema(kind: Kind, schema_url: str) -> dict[str, Any]:
    """The JSON Schema of one records file, published at `schema_url`."""
    record = kind.model.model_json_schema(ref_template="#/$defs/{model}")
    definitions = record.pop("$defs", {})
    definitions[kind.model.__name__] = record
    return {
        "$schema": DIALECT,
        "$id": schema_url,
        "title": f"{kind.label_en}s of Inkopen met Impact",
        "type": "object",
        "required": ["licence", "kind", "records"],
        "additionalProperties": False,
        "properties": {
            "licence": {"const": LICENCE},
            "kind": {"const": kind.name},
            "records": {"type": "array", "items": {"$ref": f"#/$defs/{kind.model.__name__}"}},
        },
        "$defs": definitions,
    }


def dumps(document: dict[str, Any]) -> bytes:
    """Stable JSON: UTF-8, two-space indent, keys in model order, newline at the end."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
