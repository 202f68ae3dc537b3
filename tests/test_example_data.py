"""The example data that `make site` publishes is valid, complete and honest about examples."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY

from generator.base.clock import today
from generator.validate import validate_data

DATA = Path(__file__).resolve().parent.parent / "data"


def test_example_data_is_valid_without_warnings(run):
    result = run("validate", DATA, "--strict", "--today", TODAY, "--lang", "en")
    assert result.code == 0, result.out


def test_example_data_covers_every_kind():
    dataset, _ = validate_data(DATA, today(TODAY))
    counts = {kind: len(records) for kind, records in dataset.entries.items()}
    assert counts["theme"] >= 7
    assert counts["ambition-level"] == 3
    assert counts["category-plan"] == 10
    assert counts["route-map"] == 2
    assert counts["case"] == 7
    assert 30 <= counts["tender"] <= 60
    assert counts["action-plan"] >= 3


def test_illustrative_tenders_and_action_plans_are_marked_as_examples():
    dataset, _ = validate_data(DATA, today(TODAY))
    assert all(tender.example for tender in dataset.tenders.values())
    assert all(plan.example for plan in dataset.action_plans.values())
    assert not any(case.example for case in dataset.cases.values())  # real, from the strategy


def test_example_tenders_use_no_real_mailbox():
    dataset, _ = validate_data(DATA, today(TODAY))
    for tender in dataset.tenders.values():
        assert tender.contact.email.endswith("@example.org"), tender.id
