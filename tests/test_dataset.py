"""The frozen data set the output stages read: each kind's records built once, no new entries."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY

from generator.validate import validate_data


def test_a_frozen_data_set_builds_each_kind_once_and_keeps_it(data_dir) -> None:
    data, report = validate_data(data_dir, dt.date.fromisoformat(TODAY))
    assert report.ok()
    assert data.organisations is not data.organisations  # built anew on every read
    frozen = data.frozen()
    assert frozen.frozen() is frozen
    assert frozen.organisations is frozen.organisations  # built once
    assert frozen.organisations == data.organisations and frozen.tenders == data.tenders
    entry = next(iter(data.entries["organisation"].values()))
    with pytest.raises(TypeError, match="frozen"):
        frozen.add(entry)
    # Changes made before freezing are seen; the unfrozen set always sees them.
    renamed = entry.record.model_copy(update={"abbreviation": "XYZ"})
    entry.record = renamed
    assert data.organisations[entry.id].abbreviation == "XYZ"
    assert data.frozen().organisations[entry.id].abbreviation == "XYZ"
