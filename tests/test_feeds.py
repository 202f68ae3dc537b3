"""Subscriptions: every .ics parses with icalendar, every Atom feed with feedparser, UIDs hold.

The built example site is read as a calendar app and a feed reader would read it; the UIDs are
compared with those of a second, separate build of the feeds on another day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from generator.base.urls import feed_url, tender_ics_url
from generator.crossref import build_crossref
from generator.models.tender import OPEN_STATUSES
from generator.render.feeds import build_feeds

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
SITE_URL = "https://inkopen-met-impact.example.org/"


@pytest.fixture(scope="module")
def data(example_data):
    return example_data


def _uids(text: bytes) -> list[str]:
    return [str(event["UID"]) for event in Calendar.from_ical(text).walk("VEVENT")]


def test_every_ics_parses_and_its_uids_are_stable(built_site: Path, data) -> None:
    files = sorted(built_site.rglob("*.ics"))
    open_tenders = [t for t in data.tenders.values() if t.status in OPEN_STATUSES]
    # all + per category, buyer and theme, in two languages, plus one per open tender
    assert len(files) >= 2 * (1 + len(open_tenders))
    # A second build of the feeds, on another day: the same events keep the same UIDs.
    again = dict(build_feeds(data, build_crossref(data), TODAY + dt.timedelta(days=30), SITE_URL))
    for path in files:
        text = path.read_bytes()
        calendar = Calendar.from_ical(text)
        assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Amsterdam"
        uids = _uids(text)
        assert len(uids) == len(set(uids)), f"{path}: a UID twice"
        for event in calendar.walk("VEVENT"):
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            assert type(start) is dt.date and type(end) is dt.date, "all-day events only"
            assert start < end
            assert event.decoded("DTSTAMP").utcoffset() == dt.timedelta(0)
            assert str(event["URL"]).startswith(SITE_URL)
        relative = path.relative_to(built_site).as_posix()
        assert _uids(again[relative]) == uids, f"{relative}: UIDs changed between builds"


def test_a_quarter_is_an_all_day_period(built_site: Path, data) -> None:
    tender = next(
        t
        for t in sorted(data.tenders.values(), key=lambda t: t.id)
        if t.status in OPEN_STATUSES and t.expected_publication.precision == "quarter"
    )
    text = (built_site / tender_ics_url(tender.id, "nl")).read_bytes()
    event = next(
        e for e in Calendar.from_ical(text).walk("VEVENT") if "publication" in str(e["UID"])
    )
    assert event.decoded("DTSTART") == tender.expected_publication.start
    assert event.decoded("DTEND") == tender.expected_publication.end + dt.timedelta(days=1)
    assert str(event["UID"]) == f"{tender.id}.publication@inkopen-met-impact.example.org"


def test_every_atom_feed_parses_without_bozo(built_site: Path, data) -> None:
    feeds = sorted(built_site.rglob("*.atom"))
    assert feeds
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.feed.title and parsed.feed.updated
        dates = [entry.updated_parsed for entry in parsed.entries]
        assert dates == sorted(dates, reverse=True), f"{path}: newest change first"
        for entry in parsed.entries:
            page, _, anchor = entry.link.removeprefix(SITE_URL).partition("#")
            html = built_site / page / "index.html"
            assert html.is_file(), f"{path}: {entry.link}"
            assert not anchor or f'id="{anchor}"' in html.read_text(), f"{path}: {entry.link}"
    everything = feedparser.parse((built_site / feed_url("all", None, "en", "atom")).read_bytes())
    assert len(everything.entries) == len(data.tenders)


def test_feed_text_is_escaped(data) -> None:
    tender = next(t for t in data.tenders.values() if t.status in OPEN_STATUSES)
    payload = '<script>alert(1)</script> & "quotes"; commas, and\nnew lines'
    evil = tender.model_copy(
        update={"title": tender.title.model_copy(update={"nl": payload}), "category": None}
    )
    ref = build_crossref(data)
    ref.tenders = [evil]  # the feed of all tenders reads the cross-references only
    files = dict(build_feeds(data, ref, TODAY, SITE_URL))
    atom = files[feed_url("all", None, "nl", "atom")]
    assert b"<script>" not in atom
    parsed = feedparser.parse(atom)
    assert not parsed.bozo
    assert '<script>alert(1)</script> & "quotes"' in parsed.entries[0].title
    ics = files[feed_url("all", None, "nl", "ics")]
    event = next(iter(Calendar.from_ical(ics).walk("VEVENT")))
    assert str(event["SUMMARY"]).endswith(" ".join(payload.split()))
