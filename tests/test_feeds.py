"""Subscriptions: every .ics parses with icalendar, every Atom feed with feedparser, UIDs hold.

The built example site is read as a calendar app and a feed reader would read it; the UIDs are
compared with those of a second, separate build of the feeds on another day.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from generator.base.i18n import format_planned
from generator.base.urls import FEEDS, feed_url, tender_ics_url
from generator.crossref import build_crossref
from generator.history.git import History
from generator.models.tender import OPEN_STATUSES
from generator.render.feeds import atom, build_feeds

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


def test_a_quarter_is_one_day_that_names_its_window(built_site: Path, data) -> None:
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
    assert event.decoded("DTEND") == tender.expected_publication.start + dt.timedelta(days=1)
    quarter = format_planned(tender.expected_publication, "nl")
    assert quarter.startswith(("1e", "2e", "3e", "4e")) and f"({quarter}):" in str(event["SUMMARY"])
    assert str(event["UID"]) == f"{tender.id}.publication@inkopen-met-impact.example.org"


def test_no_event_fills_more_than_a_day(built_site: Path) -> None:
    """A supplier's calendar shows reminders, not weeks of banners."""
    lengths = {
        (event.decoded("DTEND") - event.decoded("DTSTART")).days
        for path in built_site.rglob("*.ics")
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    }
    assert lengths == {1}


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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_subscriptions_page_links_every_feed_of_its_language(built_site: Path, lang) -> None:
    folder = built_site / FEEDS[lang]
    html = (folder / "index.html").read_text()
    feeds = sorted(p.name for p in folder.iterdir() if p.suffix in (".ics", ".atom"))
    assert len(feeds) > 20, "all tenders, and per category, buyer and theme"
    linked = set(re.findall(r'href="\./([^"/]+\.(?:ics|atom))"', html))
    assert linked == set(feeds)
    for app in ("Outlook", "Google", "Apple"):
        assert app in html, f"a how-to for {app}"
    other = built_site / FEEDS["en" if lang == "nl" else "nl"] / "index.html"
    assert f'hreflang="{"en" if lang == "nl" else "nl"}"' in html and other.is_file()


def test_pages_with_feeds_link_the_subscriptions_page(built_site: Path) -> None:
    html = (built_site / "aanbestedingskalender" / "index.html").read_text()
    assert 'href="../abonneren/#how"' in html and 'href="../abonneren/"' in html


def test_a_published_tender_says_when_and_where_in_its_feed_entry(data) -> None:
    tender = next(t for t in sorted(data.tenders.values(), key=lambda t: t.id) if t.example)
    notice = "https://www.tenderned.nl/aankondigingen/overzicht/433831"
    published = tender.model_copy(
        update={
            "status": "published",
            "tenderned_url": notice,
            "published_on": dt.date(2026, 11, 2),
        }
    )
    no_history = History(available=False, reason="no-git")
    for lang, said in (
        ("nl", "Gepubliceerd op TenderNed: 2 november 2026"),
        ("en", "Published on TenderNed: 2 November 2026"),
    ):
        feed = atom([published], "x", "x.atom", lang, SITE_URL, data, TODAY, no_history)
        summary = feedparser.parse(feed).entries[0].summary
        assert said in summary and notice in summary
