"""Subscriptions without an account: iCalendar (.ics) and Atom feeds of the tender calendar.

One feed of each format for all tenders and one per category, buyer and theme, in Dutch and
English, plus one .ics file per tender. Everything here is a pure function of the data, the
date and the site's address, so two builds give the same bytes:

- .ics: the expected publication and the market consultation of each open tender, each as one
  all-day event on the first day it may happen (Europe/Amsterdam), its summary naming the
  month or quarter. A quarter as a 91-day event filled weeks of a supplier's calendar with
  banners (17 at once on a typical day of the all-tenders feed); on its first day it is a
  reminder that the window opens, and the window stays in words. UIDs are made of the tender
  id and the site's host, so a calendar app updates an event instead of adding a new one.
- Atom: one entry per tender, newest change first, dated by the commit that last changed it
  (`History.last_change`); the feeds of changes and of each tender have an entry per change.

When a change has no date (a build without Git history, or a change not yet committed) it is
dated by the build's day (`--today`, `$SOURCE_DATE_EPOCH` or the clock): "as of this build",
never earlier than the change. Such entries come first, in calendar order, so a feed reader
sees them rather than missing them, and an .ics event then has no LAST-MODIFIED.
"""

from __future__ import annotations

import datetime as dt
import functools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urljoin, urlsplit

from generator.base import i18n
from generator.base.clock import AMSTERDAM
from generator.base.i18n import LANGS, Lang, t
from generator.base.urls import (
    feed_url,
    record_url,
    section_url,
    tender_feed_url,
    tender_ics_url,
)
from generator.crossref import CrossRef
from generator.history.git import Commit, History
from generator.history.git import Event as ChangeEvent
from generator.inputs import Inputs
from generator.models import Tender
from generator.models.common import PlannedDate
from generator.models.tender import OPEN_STATUSES
from generator.source.dataset import DataSet

if TYPE_CHECKING:  # icalendar loads (in about a second) only where a calendar is made
    from icalendar import Event

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
MAX_ENTRIES = 200  # an Atom feed shows the latest changes, not the archive
PRODID = "-//mvi-site//Inkopen met Impact//NL"


Produce = Callable[[Inputs], bytes]


@dataclass(frozen=True)
class FeedScope:
    """Which tenders one pair of feeds holds: all, or those of one category, buyer or theme."""

    scope: str  # all, category, buyer, theme
    record_id: str | None

    def tenders(self, ref: Any) -> list[Tender]:
        if self.record_id is None:
            return list(ref.tenders)
        return list(getattr(ref, _INDEX[self.scope]).get(self.record_id, []))

    def title(self, data: Any, lang: Lang) -> str:
        if self.record_id is None:
            return t("feed.all", lang)
        record = data.records(_KIND[self.scope]).get(self.record_id)
        name = record.name.get(lang) if record else self.record_id
        return t("feed.of", lang, name=name)


_INDEX = {
    "category": "tenders_by_category",
    "buyer": "tenders_by_buyer",
    "theme": "tenders_by_theme",
}
_KIND = {"category": "category-plan", "buyer": "organisation", "theme": "theme"}


def scopes(ref: CrossRef) -> list[FeedScope]:
    """Every feed the site offers: all tenders, then per category, buyer and theme."""
    out = [FeedScope("all", None)]
    for scope, index in _INDEX.items():
        out += [FeedScope(scope, record_id) for record_id in sorted(getattr(ref, index))]
    return out


def plan_feeds(
    ref: CrossRef, site_url: str, history: History | None = None
) -> list[tuple[str, Produce]]:
    """(site-relative path, how to make it) of every feed and per-tender .ics file."""
    site = site_url if site_url.endswith("/") else site_url + "/"
    files: list[tuple[str, Produce]] = []
    if history is not None and history.available:
        files += plan_change_feeds(ref, site)
        files += plan_tender_feeds(ref, site)
    for lang in LANGS:
        for feed in scopes(ref):
            files.append(
                (
                    feed_url(feed.scope, feed.record_id, lang, "ics"),
                    partial(_feed_ics, feed, lang, site),
                )
            )
            path = feed_url(feed.scope, feed.record_id, lang, "atom")
            files.append((path, partial(_feed_atom, feed, lang, site, path)))
        for tender in ref.tenders:
            if tender.status in OPEN_STATUSES:
                files.append(
                    (tender_ics_url(tender.id, lang), partial(_tender_ics, tender.id, lang, site))
                )
    return files


def build_feeds(
    data: DataSet,
    ref: CrossRef,
    today: dt.date,
    site_url: str,
    history: History | None = None,
) -> list[tuple[str, bytes]]:
    """Every feed made at once (for tests and tools; a build makes them through its memo)."""
    from generator.inputs import Reads, World

    history = history if history is not None else History(available=False, reason="no-git")
    world = World(data.frozen(), ref, history, today)
    return [
        (path, produce(Inputs(world, Reads())))
        for path, produce in plan_feeds(ref, site_url, history)
    ]


def _feed_ics(feed: FeedScope, lang: Lang, site: str, inputs: Inputs) -> bytes:
    return calendar(
        feed.tenders(inputs.ref), feed.title(inputs.data, lang), _Events(lang, site, inputs)
    )


def _feed_atom(feed: FeedScope, lang: Lang, site: str, path: str, inputs: Inputs) -> bytes:
    title = feed.title(inputs.data, lang)
    data = cast(DataSet, inputs.data)  # the views (each lookup noted) have the same names
    history = cast(History, inputs.history)
    return atom(feed.tenders(inputs.ref), title, path, lang, site, data, inputs.today, history)


def _tender_ics(tender_id: str, lang: Lang, site: str, inputs: Inputs) -> bytes:
    tender = inputs.data.tenders[tender_id]
    return calendar([tender], tender.title.get(lang), _Events(lang, site, inputs))


# --- iCalendar -------------------------------------------------------------------------------


def calendar(tenders: Iterable[Tender], title: str, events: _Events) -> bytes:
    """An .ics with the expected publication and market consultation of each open tender."""
    before, after = _calendar_frame()
    body = b"".join(events.of(tender) for tender in tenders if tender.status in OPEN_STATUSES)
    return before + _name_line(title) + after + body + _END


_END = b"END:VCALENDAR\r\n"


@functools.cache
def _calendar_frame() -> tuple[bytes, bytes]:
    """A calendar's lines before and after its name, as icalendar writes them (made once:
    thousands of calendars differ only in their name)."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _MARK)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    head = cal.to_ical()
    line = _name_line(_MARK)
    assert head.count(line) == 1 and head.endswith(_END)  # what the splice relies on
    before, _, after = head[: -len(_END)].partition(line)
    return before, after


_MARK = "mvi-calendar-name"


def _name_line(title: str) -> bytes:
    """The X-WR-CALNAME line of a calendar named `title`, escaped and folded by icalendar."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("x-wr-calname", _line(title))
    lines = cal.to_ical()
    return lines[len(b"BEGIN:VCALENDAR\r\n") : -len(_END)]


class _Events:
    """Each tender's events, serialised once per language whichever feeds hold the tender.

    A tender sits in about six calendars (all, its category, buyer and themes, its own .ics);
    icalendar's line folding is the slow part, so it runs once per tender and is kept between
    builds as an output of its own. The bytes are what `Calendar.to_ical()` writes for a
    sub-component, spliced in before END:VCALENDAR.
    """

    def __init__(self, lang: Lang, site: str, inputs: Inputs) -> None:
        self.lang, self.site, self.inputs = lang, site, inputs
        self.host = urlsplit(site).hostname or "mvi-site"

    def of(self, tender: Tender) -> bytes:
        return self.inputs.nested(
            f"vevent:{self.lang}:{self.site}:{tender.id}", partial(self._make, tender)
        )

    def _make(self, tender: Tender, inputs: Inputs) -> bytes:
        inputs.reads.add(("record", "tender", tender.id))  # what `tender` is made from
        page = urljoin(self.site, record_url("tender", tender.id, self.lang))
        events = [("publication", tender.expected_publication)]
        if tender.market_consultation:
            events.append(("consultation", tender.market_consultation.planned))
        data = cast(DataSet, inputs.data)  # the view (each lookup noted) has the same names
        changed = inputs.history.last_change("tender", tender.id, tender)
        stamp = changed.moment.astimezone(dt.UTC) if changed else _moment(inputs.today)
        return b"".join(
            _event(
                tender, what, when, self.lang, page, self.host, data, stamp, changed is not None
            ).to_ical()
            for what, when in events
        )


def _event(
    tender: Tender,
    what: str,
    when: PlannedDate,
    lang: Lang,
    page: str,
    host: str,
    data: DataSet,
    stamp: dt.datetime,
    known: bool,
) -> Event:
    """One event; `stamp` is when the tender last changed (`known`) or the build's day."""
    from icalendar import Event

    event = Event()
    event.add("uid", f"{tender.id}.{what}@{host}")
    event.add("dtstamp", stamp)  # with METHOD:PUBLISH, when this version was made
    if known:
        event.add("last-modified", stamp)
    example = f"[{t('example.badge', lang)}] " if tender.example else ""
    window = "" if when.precision == "day" else f" ({i18n.format_planned(when, lang)})"
    label = t(f"feed.event.{what}", lang)
    event.add("summary", _line(f"{example}{label}{window}: {tender.title.get(lang)}"))
    event.add("dtstart", when.start)  # a date: an all-day event, whatever the time zone
    event.add("dtend", when.start + dt.timedelta(days=1))  # one day: DTEND is exclusive
    event.add("transp", "TRANSPARENT")  # a planning date does not make anyone busy
    event.add("status", "TENTATIVE" if tender.certainty != "confirmed" else "CONFIRMED")
    event.add("url", page)
    event.add("description", _description(tender, when, lang, page, data))
    if tender.category:
        event.add("categories", [tender.category])
    return event


def _description(tender: Tender, when: PlannedDate, lang: Lang, page: str, data: DataSet) -> str:
    buyer = data.organisations.get(tender.buyer)
    lines = [
        f"{t('feed.when', lang)}: {i18n.format_planned(when, lang)}",
        f"{t('tender.buyer', lang)}: {buyer.name.get(lang) if buyer else tender.buyer}",
        f"{t('tender.value', lang)}: {_value(tender, lang)}",
        f"{t('tender.status', lang)}: {i18n.label('status', tender.status, lang)}",
    ]
    for name, key in (
        ("published_on", "tender.published-on"),
        ("awarded_on", "tender.awarded-on"),
        ("withdrawn_on", "tender.withdrawn-on"),
    ):
        if day := getattr(tender, name):  # what happened, with the notice where it is
            lines.append(f"{t(key, lang)}: {i18n.format_date(day, lang)}")
            if name == "published_on" and tender.tenderned_url:
                lines.append(tender.tenderned_url)
    lines.append(page)
    if tender.example:
        lines.insert(0, t("feed.example", lang))
    return "\n".join(lines)


def _line(text: str) -> str:
    """One line: calendar apps show a summary or a name as a single line."""
    return " ".join(text.split())


def _value(tender: Tender, lang: Lang) -> str:
    if tender.estimated_value is None:
        return t("tender.value.unknown", lang)
    return i18n.format_range(tender.estimated_value.min, tender.estimated_value.max, lang)


def _moment(day: dt.date) -> dt.datetime:
    """A date as the start of that day in Amsterdam, in UTC (iCalendar's DTSTAMP is UTC)."""
    return dt.datetime.combine(day, dt.time(), AMSTERDAM).astimezone(dt.UTC)


# --- Atom ------------------------------------------------------------------------------------


def atom(
    tenders: Iterable[Tender],
    title: str,
    self_path: str,
    lang: Lang,
    site: str,
    data: DataSet,
    today: dt.date,
    history: History,
) -> bytes:
    """An Atom feed of tenders, the most recently changed first (see the module's docstring)."""
    ordered = _by_last_change(tenders, history)[:MAX_ENTRIES]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": lang})
    _text(feed, "title", title)
    _text(feed, "subtitle", t("feed.subtitle", lang))
    _text(feed, "id", urljoin(site, self_path))
    _text(feed, "updated", _updated(ordered[0][1] if ordered else None, today))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": urljoin(site, self_path)})
    calendar_page = urljoin(site, section_url("calendar", lang))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": calendar_page})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", t("site.name", lang))
    _text(feed, "generator", "mvi-site")
    for tender, changed in ordered:
        page = urljoin(site, record_url("tender", tender.id, lang))
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        prefix = f"[{t('example.badge', lang)}] " if tender.example else ""
        _text(entry, "title", prefix + tender.title.get(lang))
        _text(entry, "id", page)
        _text(entry, "updated", _updated(changed, today))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": page})
        if tender.category:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": tender.category})
        summary = _description(tender, tender.expected_publication, lang, page, data)
        _text(entry, "summary", summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _by_last_change(
    tenders: Iterable[Tender], history: History
) -> list[tuple[Tender, Commit | None]]:
    """Tenders with their last change, newest first; those without a date first, as given."""
    dated = [(tender, history.last_change("tender", tender.id, tender)) for tender in tenders]
    unknown = [(tender, None) for tender, changed in dated if changed is None]
    known = [(tender, changed) for tender, changed in dated if changed is not None]
    known.sort(key=lambda pair: (pair[1].moment, pair[0].id), reverse=True)
    return [*unknown, *known]


def _updated(changed: Commit | None, today: dt.date) -> str:
    """The moment of the commit, or the start of the build's day when there is none."""
    return changed.moment.isoformat() if changed else _rfc3339(today)


# --- Atom of changes ---------------------------------------------------------------------------


def plan_change_feeds(ref: CrossRef, site: str) -> list[tuple[str, Produce]]:
    """The changes of all records, and the tender changes of each category, per language."""
    files: list[tuple[str, Produce]] = []
    for lang in LANGS:
        path = feed_url("changes", None, lang, "atom")
        files.append((path, partial(_changes_feed, None, lang, site, path)))
        for category_id in sorted(ref.tenders_by_category):
            path = feed_url("changes-category", category_id, lang, "atom")
            files.append((path, partial(_changes_feed, category_id, lang, site, path)))
    return files


def _changes_feed(
    category_id: str | None, lang: Lang, site: str, path: str, inputs: Inputs
) -> bytes:
    events = inputs.history.events
    if category_id is None:
        title = t("changes.feed.all", lang)
        return changes_atom(events, title, path, lang, site, inputs.data, inputs.today)
    shown = [
        event
        for event in events
        if event.change.kind == "tender"
        and getattr(event.change.record, "category", None) == category_id
    ]
    plan = inputs.data.category_plans.get(category_id)
    name = plan.name.get(lang) if plan else category_id
    title = t("changes.feed.of", lang, name=name)
    return changes_atom(shown, title, path, lang, site, inputs.data, inputs.today)


def plan_tender_feeds(ref: CrossRef, site: str) -> list[tuple[str, Produce]]:
    """The Atom feed of each tender's changes, next to its page ("volg deze aanbesteding")."""
    return [
        (tender_feed_url(tender.id, lang), partial(_tender_feed, tender.id, lang, site))
        for lang in LANGS
        for tender in ref.tenders
    ]


def _tender_feed(tender_id: str, lang: Lang, site: str, inputs: Inputs) -> bytes:
    tender = inputs.data.tenders[tender_id]
    events = inputs.history.of("tender", tender_id)
    title = t("changes.feed.of", lang, name=tender.title.get(lang))
    path = tender_feed_url(tender_id, lang)
    page = urljoin(site, record_url("tender", tender_id, lang))
    return changes_atom(events, title, path, lang, site, inputs.data, inputs.today, page)


def changes_atom(
    events: list[ChangeEvent],
    title: str,
    self_path: str,
    lang: Lang,
    site: str,
    data: Any,
    today: dt.date,
    alternate: str | None = None,
) -> bytes:
    """An Atom feed of changes, newest first, each dated by its commit; without changes the
    feed is dated by the build's day. `alternate`: the page it follows (the change page)."""
    shown = events[:MAX_ENTRIES]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": lang})
    _text(feed, "title", title)
    _text(feed, "id", urljoin(site, self_path))
    changes_page = urljoin(site, section_url("changes", lang))
    _text(feed, "updated", _updated(shown[0].commit if shown else None, today))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": urljoin(site, self_path)})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": alternate or changes_page})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", t("site.name", lang))
    _text(feed, "generator", "mvi-site")
    for event in shown:
        change = event.change
        exists = change.id in data.records(change.kind)
        page = urljoin(site, record_url(change.kind, change.id, lang)) if exists else changes_page
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        example = getattr(change.record, "example", False)
        prefix = f"[{t('example.badge', lang)}] " if example else ""
        _text(entry, "title", f"{prefix}{change.title(lang)}: {'; '.join(change.phrases(lang))}")
        _text(entry, "id", f"{changes_page}#{event.commit.sha[:12]}-{change.kind}-{change.id}")
        _text(entry, "updated", event.commit.moment.isoformat())
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": page})
        _text(entry, "summary", f"{t('changes.why', lang)}: {event.commit.subject}")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = text  # ElementTree escapes the text


def _rfc3339(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(), AMSTERDAM).isoformat()
