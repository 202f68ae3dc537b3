"""The example data that `make site` publishes is valid, complete and honest about examples."""

from __future__ import annotations

import re
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


# A reference to a source document: its number among the seed documents and its lines.
_SEED = re.compile(r"\b00\d:L\d+(-\d+)?\b")
_PATH = re.compile(r"(?<![\w:/.])/?(?:[\w.-]+/)+[\w.-]+\.[a-z]{2,4}\b")  # a file, not a URL


def test_every_source_reference_is_a_seed_document_or_a_file_of_the_repository():
    """Comments cite the seed documents as 002:L1057-1114; a path they name must exist here, so
    no data file points at a scratch file on someone's machine."""
    cited = 0
    for path in sorted(DATA.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        comments = [line.partition("#")[2] for line in text.splitlines() if "#" in line]
        for comment in comments:
            cited += len(_SEED.findall(comment))
            for named in _PATH.findall(comment):
                outside = named.startswith("/") or not (DATA.parent / named).exists()
                assert not outside, f"{path.name}: {named} is not a file of the repository"
    assert cited >= 10
