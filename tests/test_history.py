"""Change history: a scratch Git repository with three editorial commits (a tender's quarter
moved, its value raised, another tender withdrawn). `mvi-site diff` reports exactly those three
changes, and the built site's change page, the tender's history and the Atom feed of changes show
them. A shallow clone builds, with a notice instead of a history."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import feedparser
import pytest
from conftest import build_into

from generator.base.urls import feed_url, record_url, section_url
from generator.history.git import read_history

ROOT = Path(__file__).resolve().parent.parent
TENDER = "rvb-2027-zonnepanelen"
OTHER = "rvb-2028-led-verlichting"
SECOND = """\
title: {nl: LED-verlichting, en: LED lighting}
description: {nl: Verlichting in kantoren., en: Lighting in offices.}
buyer: rvb
category: ict-werkplekken
cpv: [31500000-1]
kind: supplies
above_eu_threshold: true
expected_publication: 2028-Q1
certainty: indicative
status: planned
contact: {email: inkoop@example.org}
last_updated: 2026-11-01
example: true
"""


def _git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    done = subprocess.run(
        ["git", "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture(scope="module")
def repo(data_dir_factory) -> Path:
    """The minimal data in a Git repository: a first commit, then three editorial commits."""
    data = data_dir_factory()
    root = data.parent
    (data / "tenders" / f"{OTHER}.yaml").write_text(SECOND)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "data")
    _git(root, "commit", "-qm", "Eerste kalender", date="2026-10-01T10:00:00+02:00")
    tender = data / "tenders" / f"{TENDER}.yaml"
    other = data / "tenders" / f"{OTHER}.yaml"
    steps = [
        (
            tender,
            "expected_publication: 2027-Q2",
            "expected_publication: 2027-Q4",
            "Zonnepanelen later: planning RVB herzien",
            "2026-10-12T09:00:00+02:00",
        ),
        (
            tender,
            "estimated_value: {min: 1000000, max: 2000000}",
            "estimated_value: {min: 2000000, max: 3000000}",
            "Zonnepanelen: raming na marktverkenning",
            "2026-10-20T09:00:00+02:00",
        ),
        (
            other,
            "status: planned",
            "status: withdrawn\nwithdrawal_reason: {nl: Opgenomen in een ander contract., "
            "en: Included in another contract.}",
            "LED-verlichting ingetrokken",
            "2026-11-02T09:00:00+01:00",
        ),
    ]
    for path, old, new, message, date in steps:
        _edit(path, old, new)
        path.write_text(
            re.sub(r"last_updated: \S+", f"last_updated: {date[:10]}", path.read_text())
        )
        _git(root, "commit", "-qam", message, date=date)
    return root


def test_diff_reports_exactly_the_three_changes(repo: Path, run) -> None:
    first = _git(repo, "rev-list", "--max-parents=0", "HEAD")
    result = run("diff", first, "HEAD", "--data", repo / "data", "--format", "json")
    assert result.code == 0, result.err
    changes = json.loads(result.out)["changes"]
    assert {(c["id"], c["action"]) for c in changes} == {(TENDER, "changed"), (OTHER, "withdrawn")}
    phrases = sorted(p for c in changes for p in c["summary"]["nl"])
    assert phrases == sorted(
        [
            "Verwachte publicatie verschoven van 2e kwartaal 2027 naar 4e kwartaal 2027",
            "Geraamde waarde (excl. btw) verhoogd naar € 2–3 mln (was € 1–2 mln)",
            "Ingetrokken: Opgenomen in een ander contract.",
        ]
    )
    fields = sorted(
        f["field"] for c in changes for f in c["changes"] if f["field"] != "last_updated"
    )
    assert fields == ["estimated_value", "expected_publication", "status", "withdrawal_reason"]


def test_diff_markdown_names_each_change_in_words(repo: Path, run) -> None:
    result = run("diff", "HEAD~1", "HEAD", "--data", repo / "data", "--lang", "en")
    assert result.code == 0
    assert "### Changes to the data (1)" in result.out
    assert "**LED lighting** (`rvb-2028-led-verlichting`): Withdrawn: Included in another" in (
        result.out
    )
    one_step = run("diff", "HEAD~2", "HEAD~1", "--data", repo / "data", "--lang", "en")
    assert "Estimated value \\(excl\\. VAT\\) raised to €2–3m \\(was €1–2m\\)" in one_step.out


def test_diff_of_two_folders_and_of_an_unknown_revision(repo: Path, run, tmp_path) -> None:
    same = run("diff", str(repo / "data"), str(repo / "data"), "--format", "json")
    assert json.loads(same.out)["count"] == 0
    bad = run("diff", "no-such-revision", "--data", repo / "data")
    assert bad.code == 2 and "no-such-revision" in bad.err


def test_history_dates_and_reasons_come_from_the_commits(repo: Path) -> None:
    history = read_history(repo / "data")
    assert history.available
    events = history.of("tender", TENDER)
    assert [e.commit.date.isoformat() for e in events] == ["2026-10-20", "2026-10-12", "2026-10-01"]
    assert [e.commit.subject for e in events][:2] == [
        "Zonnepanelen: raming na marktverkenning",
        "Zonnepanelen later: planning RVB herzien",
    ]
    assert events[-1].change.action == "added"


@pytest.fixture(scope="module")
def history_site(repo: Path, tmp_path_factory, chart_cache) -> Path:
    return _build(repo / "data", tmp_path_factory.mktemp("history") / "site", chart_cache)


def _build(data: Path, out: Path, cache: Path) -> Path:
    return build_into(out, data, cache)


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text()


def test_the_site_shows_the_changes_the_history_and_the_feed(history_site: Path) -> None:
    page = _page(history_site, section_url("changes", "nl"))
    for text in (
        "Verwachte publicatie verschoven van 2e kwartaal 2027 naar 4e kwartaal 2027",
        "Geraamde waarde (excl. btw) verhoogd naar € 2–3 mln (was € 1–2 mln)",
        "Ingetrokken: Opgenomen in een ander contract.",
        "Zonnepanelen later: planning RVB herzien",
        '<time datetime="2026-10-12">12 oktober 2026</time>',
    ):
        assert text in page, text
    tender = _page(history_site, record_url("tender", TENDER, "en"))
    history = tender[tender.index('id="history"') :]
    assert "Expected publication moved from Q2 2027 to Q4 2027" in history
    assert "Estimated value (excl. VAT) raised to €2–3m (was €1–2m)" in history
    assert history.index("raised") < history.index("moved"), "newest first"
    feed = feedparser.parse((history_site / feed_url("changes", None, "nl", "atom")).read_bytes())
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert titles[0].endswith("Ingetrokken: Opgenomen in een ander contract.")
    assert any("verschoven van 2e kwartaal 2027" in title for title in titles)
    assert feed.entries[0].updated == "2026-11-02T09:00:00+01:00"
    per_category = history_site / feed_url("changes-category", "ict-werkplekken", "en", "atom")
    entries = feedparser.parse(per_category.read_bytes()).entries
    # Both tenders are in this category: each added once, then the three changes.
    assert len(entries) == 5
    assert all(TENDER in e.link or OTHER in e.link for e in entries)


def test_a_shallow_clone_builds_with_a_notice(repo: Path, tmp_path, chart_cache) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    assert read_history(clone / "data").reason == "shallow"
    site = _build(clone / "data", tmp_path / "site", chart_cache)
    notice = "gebouwd zonder de volledige Git-geschiedenis"
    assert notice in _page(site, section_url("changes", "nl"))
    assert notice in _page(site, record_url("tender", TENDER, "nl"))
    assert not (site / feed_url("changes", None, "nl", "atom")).exists()


def test_a_version_with_a_reading_error_has_no_records() -> None:
    """The loader reads on past a duplicate key (for the report); such a version was never
    published, so the history does not take the first key's value as a record."""
    import textwrap

    from conftest import MINIMAL

    from generator.history.git import _records
    from generator.source.layout import KIND_BY_NAME

    kind, path = KIND_BY_NAME["tender"], f"data/tenders/{TENDER}.yaml"
    good = textwrap.dedent(MINIMAL[f"tenders/{TENDER}.yaml"])
    assert set(_records(kind, path, good.encode())) == {TENDER}
    twice = good.replace("status: planned", "status: planned\nstatus: withdrawn")
    assert _records(kind, path, twice.encode()) == {}
