"""Where every page lives, in both languages, and relative links between pages.

Dutch pages sit at the root with Dutch section names, English pages under `en/` with English
ones; a record keeps its id in both, so the language switch can always find its twin.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

from generator.base.i18n import LANGS, Lang

SECTIONS: dict[str, dict[Lang, str]] = {
    "calendar": {"nl": "aanbestedingskalender", "en": "tender-calendar"},
    "category-plans": {"nl": "categorieplannen", "en": "category-plans"},
    "route-maps": {"nl": "routekaarten", "en": "route-maps"},
    "action-plans": {"nl": "actieplannen", "en": "action-plans"},
    "cases": {"nl": "praktijkvoorbeelden", "en": "cases"},
    "themes": {"nl": "themas", "en": "themes"},
    "organisations": {"nl": "organisaties", "en": "organisations"},
    "goals": {"nl": "doelen", "en": "goals"},
    "ambition-levels": {"nl": "ambitieniveaus", "en": "ambition-levels"},
    "open-data": {"nl": "open-data", "en": "open-data"},
    "changes": {"nl": "wijzigingen", "en": "changes"},
    "subscribe": {"nl": "abonneren", "en": "subscribe"},  # the page of the feeds' own folder
    "forecast": {"nl": "nauwkeurigheid-planning", "en": "forecast-accuracy"},
    "product-groups": {"nl": "productgroepen", "en": "product-groups"},
    "dashboard": {"nl": "monitor", "en": "monitoring"},
}

# Which section holds the page of each kind of record. Goals and ambition levels have no page
# of their own: they are anchors on their section's page.
KIND_SECTION: dict[str, str] = {
    "tender": "calendar",
    "category-plan": "category-plans",
    "route-map": "route-maps",
    "action-plan": "action-plans",
    "case": "cases",
    "theme": "themes",
    "product-group": "product-groups",
    "organisation": "organisations",
}
ANCHOR_SECTION: dict[str, str] = {"goal": "goals", "ambition-level": "ambition-levels"}


def kind_section(kind: str) -> str:
    """The section that shows a kind's records: its title is the kind's plural name."""
    return KIND_SECTION.get(kind) or ANCHOR_SECTION[kind]


# Hand-written pages in content/ and their twins under content/en/.
CONTENT_PAGES: dict[str, dict[Lang, str]] = {
    "about": {"nl": "over-inkopen-met-impact/", "en": "en/about/"},
    "reading": {"nl": "kalender-lezen/", "en": "en/reading-the-calendar/"},
    "accessibility": {"nl": "toegankelijkheid/", "en": "en/accessibility/"},
    "privacy": {"nl": "privacy/", "en": "en/privacy/"},
    "editors": {"nl": "redactie/", "en": "en/editors/"},
}

# The editors' references, generated from the models and the problem codes, under the guide.
REFERENCE_PAGES: dict[str, dict[Lang, str]] = {
    "fields": {"nl": "redactie/velden/", "en": "en/editors/fields/"},
    "messages": {"nl": "redactie/meldingen/", "en": "en/editors/messages/"},
}

# Full-text search (Pagefind, generator/publish/search_index.py); the header links here.
SEARCH_PAGE: dict[Lang, str] = {"nl": "zoeken/", "en": "en/search/"}

# Subscriptions: one folder per language, one file per scope and format.
FEEDS: dict[Lang, str] = {"nl": "abonneren", "en": "en/subscribe"}  # the subscribe section
FEED_SCOPES: dict[str, dict[Lang, str]] = {
    "all": {"nl": "alle-aanbestedingen", "en": "all-tenders"},
    "category": {"nl": "categorie", "en": "category"},
    "buyer": {"nl": "inkoper", "en": "buyer"},
    "theme": {"nl": "thema", "en": "theme"},
    "changes": {"nl": "wijzigingen", "en": "changes"},
    "changes-category": {"nl": "wijzigingen-categorie", "en": "changes-category"},
}
TENDER_ICS: dict[Lang, str] = {"nl": "agenda.ics", "en": "calendar.ics"}
TENDER_FEED: dict[Lang, str] = {"nl": "wijzigingen.atom", "en": "changes.atom"}

# Open data: one folder shared by both languages (Dutch headers; the page explains them).
OPEN_DATA = "open-data"


SHEET_FORMATS = {"csv": ".csv", "excel-csv": ".excel.csv", "xlsx": ".xlsx"}  # ids have no dot
_SHEET_NAMES = {"nl": ("aanbestedingskalender", "categorie"), "en": ("tender-calendar", "category")}


def download_url(scope: str, record_id: str | None, fmt: str, lang: Lang = "nl") -> str:
    """`open-data/aanbestedingskalender.csv`, `open-data/categorie/logistiek.excel.csv` or
    `open-data/en/tender-calendar.xlsx`: each language has its own sheets."""
    folder = OPEN_DATA if lang == "nl" else f"{OPEN_DATA}/{lang}"
    calendar, category = _SHEET_NAMES[lang]
    if scope == "all":
        return f"{folder}/{calendar}{SHEET_FORMATS[fmt]}"
    if scope == "category" and record_id:
        return f"{folder}/{category}/{record_id}{SHEET_FORMATS[fmt]}"
    raise ValueError(f"no download for scope {scope!r}")


def prefix(lang: Lang) -> str:
    return "" if lang == "nl" else f"{lang}/"


def lang_of(path: str) -> Lang:
    """The language of a page by its site path: English pages live under `en/`, Dutch ones at
    the root."""
    path = path.lstrip("/")
    return next((lang for lang in LANGS if prefix(lang) and path.startswith(prefix(lang))), "nl")


def home_url(lang: Lang) -> str:
    return prefix(lang)


def section_url(section: str, lang: Lang) -> str:
    return f"{prefix(lang)}{SECTIONS[section][lang]}/"


def record_url(kind: str, record_id: str, lang: Lang) -> str:
    """The URL of a record's page, or of its anchor on its section's page."""
    if kind in ANCHOR_SECTION:
        return f"{section_url(ANCHOR_SECTION[kind], lang)}#{record_id}"
    return f"{section_url(KIND_SECTION[kind], lang)}{record_id}/"


def feed_url(scope: str, record_id: str | None, lang: Lang, ext: str) -> str:
    """`abonneren/categorie-logistiek.ics`, `en/subscribe/all-tenders.atom`, …"""
    name = FEED_SCOPES[scope][lang] + (f"-{record_id}" if record_id else "")
    return f"{FEEDS[lang]}/{name}.{ext}"


def tender_ics_url(tender_id: str, lang: Lang) -> str:
    """The .ics file of one tender, next to its page."""
    return record_url("tender", tender_id, lang) + TENDER_ICS[lang]


def tender_feed_url(tender_id: str, lang: Lang) -> str:
    """The Atom feed of one tender's changes, next to its page."""
    return record_url("tender", tender_id, lang) + TENDER_FEED[lang]


def src_uri(url: str) -> str:
    """The in-memory source file MkDocs needs for a directory URL: `a/b/` → `a/b.md`."""
    return "index.md" if url == "" else url.rstrip("/") + ".md"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both site-relative directory URLs)."""
    path, _, fragment = to_url.partition("#")
    target = _relpath(path, from_url) if path != from_url else "" if fragment else "./"
    return f"{target}#{fragment}" if fragment else target


@functools.lru_cache(maxsize=1 << 16)
def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath` for two site-relative directory URLs, without asking the OS.

    A page of the calendar holds thousands of links; `relpath` asks for the working directory
    on every call."""
    to = [part for part in path.split("/") if part]
    base = [part for part in start.split("/") if part]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    parts = [".."] * (len(base) - common) + to[common:]
    return "/".join(parts) + "/" if parts else "./"


@dataclass(frozen=True)
class Links:
    """URLs as seen from one page, for templates: `u.record('tender', id)` etc."""

    lang: Lang
    page_url: str

    def to(self, url: str) -> str:
        return relative(self.page_url, url)

    def home(self) -> str:
        return self.to(home_url(self.lang))

    def section(self, section: str) -> str:
        return self.to(section_url(section, self.lang))

    def record(self, kind: str, record_id: str) -> str:
        return self.to(record_url(kind, record_id, self.lang))

    def page(self, name: str) -> str:
        """A hand-written page from content/, or one of the editors' references."""
        pages = CONTENT_PAGES.get(name) or REFERENCE_PAGES[name]
        return self.to(pages[self.lang])

    def feed(self, scope: str, record_id: str | None, ext: str) -> str:
        return self.asset(feed_url(scope, record_id, self.lang, ext))

    def download(self, scope: str, record_id: str | None, fmt: str) -> str:
        return self.asset(download_url(scope, record_id, fmt, self.lang))

    def tender_ics(self, tender_id: str) -> str:
        return self.asset(tender_ics_url(tender_id, self.lang))

    def tender_feed(self, tender_id: str) -> str:
        return self.asset(tender_feed_url(tender_id, self.lang))

    def asset(self, path: str) -> str:
        folder = posixpath.dirname(path)
        return relative(self.page_url, f"{folder}/" if folder else "") + posixpath.basename(path)
