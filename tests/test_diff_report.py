"""`mvi-site diff` on a scratch repository whose first commit has no data/ yet: the first data
pull request (every record added, no error), then an editorial commit to an action plan, a route
map and a case (each change in words, Dutch and English), then a tender's file deleted (to be
confirmed, with withdrawal as the honest way). The change history reads the same changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_history import _edit, _git

from generator.history.git import GitError, read_history
from generator.history.report import compare

TENDER = "rvb-2027-zonnepanelen"
EDITS = [
    ("action-plans/bzk-2025.yaml", "status: in-progress", "status: done"),
    (
        "action-plans/bzk-2025.yaml",
        "target: {year: 2028, value: 50}",
        "target: {year: 2028, value: 60}",
    ),
    ("route-maps/gww.yaml", "year: 2030", "year: 2032"),
    ("cases/logistieke-hub.yaml", "value: 20000", "value: 25000"),
]


@pytest.fixture(scope="module")
def repo(data_dir_factory) -> Path:
    """README only; then the first data; then an editorial commit; then a tender deleted."""
    data = data_dir_factory()
    root = data.parent
    shutil.move(data, root / "later")
    (root / "README.md").write_text("# Inkopen met Impact\n")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "README.md")
    _git(root, "commit", "-qm", "Begin", date="2026-09-01T10:00:00+02:00")
    shutil.move(root / "later", data)
    _git(root, "add", "data")
    _git(root, "commit", "-qm", "Eerste gegevens", date="2026-10-01T10:00:00+02:00")
    for name, old, new in EDITS:
        _edit(data / name, old, new)
    _git(
        root,
        "commit",
        "-qam",
        "Voortgang BZK, GWW en de Logistieke Hub",
        date="2026-10-12T09:00:00+02:00",
    )
    (data / "tenders" / f"{TENDER}.yaml").unlink()
    _git(root, "commit", "-qam", "Zonnepanelen weg", date="2026-11-02T09:00:00+01:00")
    return root


def test_a_first_data_pull_request_adds_every_record(repo: Path, run) -> None:
    result = run("diff", "HEAD~3", "HEAD~2", "--data", repo / "data", "--format", "json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["base_has_data"] is False
    # the minimal data: 2 themes, 3 levels, 1 goal, 1 product group, 2 organisations, …
    assert document["count"] == 14
    assert {change["action"] for change in document["changes"]} == {"added"}
    assert {change["kind"] for change in document["changes"]} >= {"action-plan", "tender", "theme"}
    for lang, note, line in (
        (
            "nl",
            "HEAD~3 heeft nog geen map data/: dit zijn de eerste gegevens, elk record is nieuw.",
            "- **Actieplan BZK** (`bzk-2025`): Toegevoegd",
        ),
        (
            "en",
            "HEAD~3 has no data/ folder yet: these are the first data, every record is new.",
            "- **BZK action plan** (`bzk-2025`): Added",
        ),
    ):
        markdown = run("diff", "HEAD~3", "HEAD~2", "--data", repo / "data", "--lang", lang)
        assert markdown.code == 0, markdown.err
        assert note in markdown.out.replace("\\", "") and line in markdown.out


def test_an_action_plan_a_route_map_and_a_case_in_words(repo: Path, run) -> None:
    nl = run("diff", "HEAD~2", "HEAD~1", "--data", repo / "data").out.replace("\\", "")
    assert "- **Actieplan BZK** (`bzk-2025`):\n" in nl
    for line in (
        "  - Actie 'Actie' (a1): status gewijzigd van loopt naar gereed",
        "  - Indicator 'Indicator' (i1): streefwaarde verhoogd van 50 % (2028) naar 60 % (2028)",
    ):
        assert line + "\n" in nl, line
    assert (
        "- **GWW** (`gww`): Mijlpaal 'Klimaatneutraal.' (klimaat) verschoven van 2030 naar 2032"
    ) in nl
    assert (
        "- **Logistieke Hub** (`logistieke-hub`): Resultaat 'Minder kilometers' verhoogd van "
        "20.000 km per jaar naar 25.000 km per jaar"
    ) in nl
    en = run("diff", "HEAD~2", "HEAD~1", "--data", repo / "data", "--lang", "en").out
    en = en.replace("\\", "")
    assert "  - Action 'Action' (a1): status changed from in progress to done\n" in en
    assert "Milestone 'Climate neutral.' (klimaat) moved from 2030 to 2032" in en
    assert "Result 'Fewer kilometres' raised from 20,000 km a year to 25,000 km a year" in en


def test_the_json_names_each_item_and_its_fields(repo: Path, run) -> None:
    result = run("diff", "HEAD~2", "HEAD~1", "--data", repo / "data", "--format", "json")
    changes = {c["id"]: c for c in json.loads(result.out)["changes"]}
    items = [(i["field"], i["key"], i["action"]) for i in changes["bzk-2025"]["items"]]
    assert items == [("actions", "a1", "changed"), ("indicators", "i1", "changed")]
    action = changes["bzk-2025"]["items"][0]
    assert action["changes"] == [{"field": "status", "old": "in-progress", "new": "done"}]
    assert action["new"]["status"] == "done" and action["old"]["status"] == "in-progress"
    (milestone,) = changes["gww"]["items"]
    assert (milestone["key"], milestone["action"]) == ("2032 klimaat", "moved")
    assert changes["bzk-2025"]["summary"]["en"][0] == (
        "Action 'Action' (a1): status changed from in progress to done"
    )
    assert all(c["confirm"] is None for c in changes.values())


def test_a_deleted_tender_file_is_a_withdrawal_or_a_deletion_to_confirm(repo: Path, run) -> None:
    result = run("diff", "HEAD~1", "HEAD", "--data", repo / "data", "--format", "json")
    document = json.loads(result.out)
    assert document["to_confirm"] == 1
    (change,) = document["changes"]
    assert (change["id"], change["action"]) == (TENDER, "removed")
    assert change["confirm"]["nl"].startswith("Ingetrokken of verwijderd — bevestig: ")
    assert "zet status: withdrawn met een withdrawal_reason" in change["confirm"]["nl"]
    assert change["confirm"]["en"].startswith("Withdrawn or deleted — confirm: ")
    assert "set status: withdrawn with a withdrawal_reason" in change["confirm"]["en"]
    nl = run("diff", "HEAD~1", "HEAD", "--data", repo / "data").out
    assert "**Bevestig: 1 record is verwijderd (zie hieronder).**" in nl
    assert f"- **Zonnepanelen** (`{TENDER}`): **Ingetrokken of verwijderd — bevestig:** " in nl
    en = run("diff", "HEAD~1", "HEAD", "--data", repo / "data", "--lang", "en").out
    assert f"- **Solar panels** (`{TENDER}`): **Withdrawn or deleted — confirm:** " in en
    assert "withdrawal\\_reason and keep the file, so suppliers can see why" in en


def test_an_invalid_file_is_neither_deleted_nor_added(repo: Path, run, tmp_path: Path) -> None:
    broken = tmp_path / "data"
    shutil.copytree(repo / "data", broken)
    _edit(broken / "action-plans" / "bzk-2025.yaml", "status: done", "status: klaar")
    result = run("diff", repo / "data", broken, "--format", "json")
    document = json.loads(result.out)
    assert document["to_confirm"] == 0 and document["changes"] == []
    invalid = [{"kind": "action-plan", "id": "bzk-2025", "title": "Actieplan BZK"}]
    assert document["invalid"] == invalid
    assert "has 1 problem(s)" in result.err
    markdown = run("diff", repo / "data", broken, "--lang", "en").out
    assert "Not compared, because one of the two versions has errors" in markdown
    back = json.loads(run("diff", broken, repo / "data", "--format", "json").out)
    assert back["changes"] == [] and back["invalid"] == invalid  # not valid before: not added
    assert "bevestig" not in markdown.lower() and "confirm" not in markdown.lower()


def test_the_history_on_the_site_reads_the_same_changes(repo: Path) -> None:
    history = read_history(repo / "data")
    (change, added) = [event.change for event in history.of("action-plan", "bzk-2025")]
    assert added.action == "added"
    assert change.phrases("nl") == [
        "Actie 'Actie' (a1): status gewijzigd van loopt naar gereed",
        "Indicator 'Indicator' (i1): streefwaarde verhoogd van 50 % (2028) naar 60 % (2028)",
    ]
    (deleted, _) = [event.change for event in history.of("tender", TENDER)]
    assert deleted.phrases("nl") == ["Verwijderd"]  # the site says what happened; no request


def test_a_revision_is_never_read_as_an_option(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(GitError, match="is not a revision"):
        compare(f"--output={tmp_path / 'out'}", None, repo / "data", None)
