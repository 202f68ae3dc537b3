"""Change history: a scratch Git repository with three editorial commits (a tender's quarter
moved, its value raised, another tender withdrawn). `mvi-site diff` reports exactly those three
changes, and the built site's change page, the tender's history and the Atom feed of changes show
them. Every "last changed" (the tender page, the calendar's sort, the Atom feeds, the .ics
events, the OCDS release and the calendar download) is the date of the commit that last changed
that tender, and each tender has a feed of its own changes. A shallow clone builds, with a
notice instead of a history and "not known" instead of a date."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
from pathlib import Path

import feedparser
import pytest
from conftest import TODAY, build_into
from icalendar import Calendar

from generator.base.urls import (
    download_url,
    feed_url,
    record_url,
    section_url,
    tender_feed_url,
    tender_ics_url,
)
from generator.export.ocds import OCDS_PATH
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
    fields = sorted(f["field"] for c in changes for f in c["changes"])
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


# --- Every "last changed" is the date of a commit ------------------------------------------------

MOVED, RAISED, WITHDRAWN = (
    "2026-10-12T09:00:00+02:00",
    "2026-10-20T09:00:00+02:00",
    "2026-11-02T09:00:00+01:00",
)


def _last_changed(site: Path, tender_id: str, lang: str = "nl") -> str:
    """What the tender's page says after "Laatst gewijzigd" / "Last changed"."""
    page = _page(site, record_url("tender", tender_id, lang))
    label = "Laatst gewijzigd" if lang == "nl" else "Last changed"
    match = re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", page)
    assert match, page
    return match[1]


def _sha_of(repo: Path, tender_id: str) -> str:
    return _git(repo, "log", "-1", "--format=%H", "--", f"data/tenders/{tender_id}.yaml")


def test_a_tender_page_says_when_the_tender_last_changed(history_site: Path) -> None:
    assert (
        _last_changed(history_site, TENDER) == '<time datetime="2026-10-20">20 oktober 2026</time>'
    )
    assert _last_changed(history_site, OTHER, "en") == (
        '<time datetime="2026-11-02">2 November 2026</time>'
    )
    calendar = _page(history_site, section_url("calendar", "nl"))
    row = calendar[calendar.index(f'data-tender="{TENDER}"') :]
    assert f'data-updated="{RAISED}"' in row[: row.index(">")], "the calendar sorts by it"


def test_the_feeds_are_dated_by_the_commits(history_site: Path) -> None:
    feed = feedparser.parse((history_site / feed_url("all", None, "nl", "atom")).read_bytes())
    assert feed.feed.updated == WITHDRAWN
    assert [(e.link.rstrip("/").rsplit("/", 1)[-1], e.updated) for e in feed.entries] == [
        (OTHER, WITHDRAWN),
        (TENDER, RAISED),
    ]
    ics = Calendar.from_ical((history_site / tender_ics_url(TENDER, "nl")).read_bytes())
    for event in ics.walk("VEVENT"):
        moment = dt.datetime.fromisoformat(RAISED)
        assert event.decoded("LAST-MODIFIED") == moment == event.decoded("DTSTAMP")


def test_ocds_and_the_calendar_download_are_dated_by_the_commits(
    history_site: Path, repo: Path
) -> None:
    package = json.loads((history_site / OCDS_PATH).read_text())
    releases = [r for r in package["releases"] if r["ocid"].endswith(TENDER)]
    assert [r["date"] for r in releases] == ["2026-10-01T10:00:00+02:00", MOVED, RAISED]
    assert releases[-1]["id"].endswith("-" + _sha_of(repo, TENDER)[:12])
    assert package["publishedDate"] == WITHDRAWN
    rows = csv.DictReader(
        io.StringIO((history_site / download_url("all", None, "csv")).read_text())
    )
    assert {row["Kenmerk"]: row["Laatst gewijzigd"] for row in rows} == {
        TENDER: "2026-10-20",
        OTHER: "2026-11-02",
    }


def test_each_tender_has_a_feed_of_its_own_changes(history_site: Path) -> None:
    page = _page(history_site, record_url("tender", TENDER, "nl"))
    assert 'href="./wijzigingen.atom" type="application/atom+xml">Volg deze aanbesteding' in page
    path = history_site / tender_feed_url(TENDER, "en")
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo
    assert feed.feed.updated == RAISED
    assert feed.feed.link.endswith(record_url("tender", TENDER, "en"))
    assert [(e.title.split(": ", 1)[1], e.updated) for e in feed.entries] == [
        ("Estimated value (excl. VAT) raised to €2–3m (was €1–2m)", RAISED),
        ("Expected publication moved from Q2 2027 to Q4 2027", MOVED),
        ("Added", "2026-10-01T10:00:00+02:00"),
    ]
    assert all(TENDER in e.link for e in feed.entries)


def test_without_history_a_date_of_change_is_not_known(repo: Path, tmp_path, chart_cache) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    site = _build(clone / "data", tmp_path / "site", chart_cache)
    assert _last_changed(site, TENDER) == "niet bekend"
    assert _last_changed(site, TENDER, "en") == "not known"
    assert "Volg deze aanbesteding" not in _page(site, record_url("tender", TENDER, "nl"))
    assert not (site / tender_feed_url(TENDER, "nl")).exists()
    # The feeds and OCDS date every entry by the build's day: never before the change.
    build_day = f"{TODAY}T00:00:00+01:00"
    feed = feedparser.parse((site / feed_url("all", None, "nl", "atom")).read_bytes())
    assert {e.updated for e in feed.entries} == {build_day} == {feed.feed.updated}
    package = json.loads((site / OCDS_PATH).read_text())
    assert {r["date"] for r in package["releases"]} == {build_day} == {package["publishedDate"]}
    ics = Calendar.from_ical((site / tender_ics_url(TENDER, "nl")).read_bytes())
    assert all("LAST-MODIFIED" not in event for event in ics.walk("VEVENT"))


def test_a_new_commit_redates_an_incremental_build_as_a_fresh_one(
    repo: Path, tmp_path, chart_cache
) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", f"file://{repo}", str(clone)], check=True)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_into(site, clone / "data", cache)
    tender = clone / "data" / "tenders" / f"{TENDER}.yaml"
    _edit(tender, "certainty: planned", "certainty: confirmed")
    build_into(site, clone / "data", cache)
    assert _last_changed(site, TENDER) == "niet bekend", "a change not yet committed has no date"
    _git(clone, "commit", "-qam", "Zonnepanelen bevestigd", date="2026-11-20T15:00:00+01:00")
    build_into(site, clone / "data", cache)
    assert _last_changed(site, TENDER) == '<time datetime="2026-11-20">20 november 2026</time>'
    entries = feedparser.parse((site / feed_url("all", None, "nl", "atom")).read_bytes()).entries
    assert entries[0].link.endswith(record_url("tender", TENDER, "nl"))
    assert entries[0].updated == "2026-11-20T15:00:00+01:00"
    fresh = build_into(tmp_path / "fresh", clone / "data", tmp_path / "fresh-cache")
    ours, theirs = _tree(site), _tree(fresh)
    assert sorted(ours) == sorted(theirs)
    assert [path for path in ours if ours[path] != theirs[path]] == []


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_no_date_in_the_example_site_precedes_the_records_first_commit(built_site: Path) -> None:
    """The example data once typed dates weeks before their records' first commit."""
    history = read_history(ROOT / "data")
    package = json.loads((built_site / OCDS_PATH).read_text())
    released = {r["ocid"].split("-", 2)[2]: r["date"] for r in package["releases"]}
    feed = feedparser.parse((built_site / feed_url("all", None, "nl", "atom")).read_bytes())
    updated = {e.link.rstrip("/").rsplit("/", 1)[-1]: e.updated for e in feed.entries}
    assert released and set(updated) == set(released)
    for tender_id, date in released.items():
        shown = _last_changed(built_site, tender_id)
        if not history.available:
            assert shown == "niet bekend"
            continue
        first = history.of("tender", tender_id)[-1].commit.moment
        assert dt.datetime.fromisoformat(date) >= first, tender_id
        assert dt.datetime.fromisoformat(updated[tender_id]) >= first, tender_id
        day = re.search(r'datetime="([^"]+)"', shown)
        assert day and dt.date.fromisoformat(day[1]) >= first.date(), (tender_id, shown)


def test_an_old_version_with_a_flag_that_became_a_theme_stays_in_the_history() -> None:
    """`social_return: true` is refused in the data now, but the versions that had it are part
    of the record's history: they load without it."""
    import textwrap

    from conftest import MINIMAL

    from generator.history.git import _records
    from generator.source.layout import KIND_BY_NAME

    kind, path = KIND_BY_NAME["tender"], f"data/tenders/{TENDER}.yaml"
    old = textwrap.dedent(MINIMAL[f"tenders/{TENDER}.yaml"]) + "social_return: true\n"
    assert set(_records(kind, path, old.encode())) == {TENDER}


KIND = "category-plan"


def test_a_level_is_named_and_ranked_by_the_levels_of_its_commit(data_dir_factory) -> None:
    """A level added to ambition-levels.yaml ranks above the others from its commit on, and a
    change is put in words by the levels of its own commit, not by today's."""
    data = data_dir_factory()
    root = data.parent
    levels, plan = data / "ambition-levels.yaml", data / "category-plans" / "ict-werkplekken.yaml"
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "data")
    _git(root, "commit", "-qm", "Eerste versie", date="2026-10-01T10:00:00+02:00")
    with levels.open("a") as file:  # no `order` in the minimal data: a higher one ranks last
        file.write(
            "excellent:\n  name: {nl: Excellent, en: Excellent}\n  order: 9\n"
            "  description: {nl: Boven ambitieus., en: Beyond ambitious.}\n"
            "  for_bidders: {nl: Loop voorop., en: Lead the way.}\n"
        )
    _edit(plan, "level: significant", "level: excellent")
    _git(root, "commit", "-qam", "Een vierde niveau", date="2026-10-02T10:00:00+02:00")
    _edit(levels, "{nl: Excellent, en: Excellent}", "{nl: Koploper, en: Frontrunner}")
    _edit(plan, "level: excellent", "level: basis")
    _git(root, "commit", "-qam", "Koploper; ICT terug naar basis", date="2026-10-03T10:00:00+02:00")
    events = read_history(data).events
    changes = [e.change for e in events if (e.change.kind, e.change.action) == (KIND, "changed")]
    assert [change.phrases("en") for change in changes] == [
        ["Ambition for theme circulair: ambition level lowered from frontrunner to basic"],
        ["Ambition for theme circulair: ambition level raised from significant to excellent"],
    ]
