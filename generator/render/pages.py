"""Every page the data calls for, in both languages, as sanitised HTML.

This is the core of the site and it does not import MkDocs: it turns the validated data set into
`Page` objects (URL, title, HTML, breadcrumbs, the twin in the other language). The MkDocs hooks
only hand these pages to the theme, so moving to another static-site host touches one module.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from generator.base import i18n
from generator.base.i18n import LANGS, Lang, t
from generator.base.urls import (
    KIND_SECTION,
    REFERENCE_PAGES,
    RESERVED_IDS,
    SEARCH_PAGE,
    Links,
    home_url,
    kind_section,
    record_url,
    section_url,
)
from generator.charts.svg import SvgRenderer
from generator.crossref import CrossRef, build_crossref
from generator.export.calendar_table import COLUMNS
from generator.export.downloads import Download
from generator.history.git import History
from generator.models import Tender
from generator.models.common import LocalizedMarkdown, LocalizedText, LocalizedTitle
from generator.models.fielddocs import TYPES, FieldRow, documented_models, field_rows
from generator.models.paths import iter_models
from generator.models.tender import OPEN_STATUSES
from generator.problems import CODES, Severity
from generator.render.markdown import render_markdown
from generator.render.page_charts import PageCharts, PlacedFigure
from generator.source.dataset import DataSet
from generator.source.layout import KINDS, Kind

Localized = LocalizedText | LocalizedTitle | LocalizedMarkdown
_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_TAGS = re.compile(r"<[^>]+>")
CHANGES_SHOWN = 300  # the change page shows the latest changes; Git holds them all


class SiteError(Exception):
    """The data cannot be turned into a consistent site (e.g. two records on one URL)."""


@dataclass(frozen=True)
class Page:
    """One generated page in one language."""

    key: str  # the same in both languages: "home", "section:calendar", "tender:<id>"
    lang: Lang
    url: str  # site-relative directory URL: "" for the home page, "en/tender-calendar/"
    title: str  # plain text; whoever prints it must escape it
    description: str  # plain text, for the meta description
    html: Markup  # the page content, escaped and sanitised
    breadcrumbs: tuple[tuple[str, str], ...]  # (title, url) of each ancestor, home first
    alternate: str  # URL of this page in the other language
    headings: tuple[tuple[str, str], ...]  # (id, text) of each h2, for the table of contents
    in_nav: bool  # overview pages are in the navigation; record pages never are
    charts: tuple[PlacedFigure, ...] = ()  # each with a CSV file next to the page
    searchable: bool = True  # in the search index (the search page itself is not)


@dataclass(frozen=True)
class _Spec:
    key: str
    template: str
    url: Callable[[Lang], str]
    title: Callable[[Lang], str]
    parents: tuple[str, ...]  # sections above this page, for breadcrumbs
    context: dict[str, Any]
    in_nav: bool = False
    description: Callable[[Lang], str] | None = None
    searchable: bool = True


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Our own Jinja2 environment: autoescaping on, undefined names are errors."""
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals["open_only"] = open_only
    env.globals["is_open"] = lambda tender: tender.status in OPEN_STATUSES
    env.globals["quarter_of"] = i18n.quarter_of
    return env


def open_only(tenders: list[Tender]) -> list[Tender]:
    """The tenders still to come (planned or in market consultation), for the templates."""
    return [tender for tender in tenders if tender.status in OPEN_STATUSES]


def build_pages(
    data: DataSet,
    today: dt.date,
    renderer: SvgRenderer | None = None,
    ref: CrossRef | None = None,
    downloads: Sequence[Download] = (),
    history: History | None = None,
) -> list[Page]:
    """All generated pages of the site, Dutch and English, in a stable order.

    `renderer` draws the charts (and counts what that cost); by default with the on-disk cache.
    `ref` saves building the cross-references again when the caller already has them.
    `downloads` are the open-data files, listed with their sizes on the Open data page.
    `history` is the change history from Git; without it the pages say it is not available.
    """
    history = history if history is not None else History(available=False, reason="no-git")
    data = data.frozen()
    ref = ref if ref is not None else build_crossref(data)
    renderer = renderer if renderer is not None else SvgRenderer()
    specs = list(_specs(data, ref, today, downloads, history))
    pages: list[Page] = []
    seen: dict[str, str] = {}
    for spec in specs:
        for lang in LANGS:
            page = _render(spec, lang, data, ref, today, renderer, history)
            if page.url in seen:
                raise SiteError(f"{spec.key} and {seen[page.url]} would both be /{page.url}")
            seen[page.url] = spec.key
            pages.append(page)
    return pages


def _specs(
    data: DataSet,
    ref: CrossRef,
    today: dt.date,
    downloads: Sequence[Download],
    history: History,
) -> Iterator[_Spec]:
    def section(name: str, template: str, **context: Any) -> _Spec:
        return _Spec(
            key=f"section:{name}",
            template=template,
            url=partial(section_url, name),
            title=lambda lang: t(f"section.{name}", lang),
            parents=(),
            context=context,
            in_nav=True,
        )

    yield _Spec(
        key="home",
        template="home.html",
        url=home_url,
        title=lambda lang: t("home.title", lang),
        parents=(),
        context=_home_context(ref, today),
        in_nav=True,
        description=lambda lang: t("site.tagline", lang),
    )
    closed = [tender for tender in ref.tenders if tender.status not in OPEN_STATUSES]
    yield section(
        "calendar",
        "calendar.html",
        groups=_by_quarter(ref.open_tenders),
        closed=closed,
        filter_options=partial(_filter_options, data, ref),
    )
    yield section("category-plans", "category_plans.html")
    yield section("route-maps", "route_maps.html")
    yield section("action-plans", "action_plans.html")
    yield section("cases", "cases.html")
    yield section("themes", "themes.html")
    yield section("goals", "goals.html")
    yield section("ambition-levels", "ambition_levels.html")
    yield section("organisations", "organisations.html")
    yield section(
        "open-data",
        "open_data.html",
        downloads=downloads,
        columns=COLUMNS,
        record_kinds=KINDS,
        record_files=_record_files(downloads),
        kind_title=_kind_title,
        fields=_fields,
    )
    for name, template, context in (
        ("fields", "editor_fields.html", {"record_kinds": KINDS, "types": TYPES}),
        ("messages", "editor_messages.html", {"codes": _codes()}),
    ):
        yield _Spec(
            key=f"reference:{name}",
            template=template,
            url=partial(_reference_url, name),
            title=partial(t, f"ref.{name}"),
            parents=(),
            context={**context, "kind_title": _kind_title, "fields": _fields},
        )
    yield _Spec(
        key="search",
        template="search.html",
        url=SEARCH_PAGE.__getitem__,
        title=partial(t, "search.title"),
        parents=(),
        context={},
        searchable=False,
    )
    yield section(
        "changes",
        "changes.html",
        groups=history.by_date(CHANGES_SHOWN),
        cut=len(history.events) > CHANGES_SHOWN,
        shown=CHANGES_SHOWN,
    )

    records: list[tuple[str, str, dict[str, Any], Callable[[Any], Localized]]] = [
        ("tender", "tender.html", data.tenders, lambda r: r.title),
        ("category-plan", "category_plan.html", data.category_plans, lambda r: r.name),
        ("route-map", "route_map.html", data.route_maps, lambda r: r.title),
        ("action-plan", "action_plan.html", data.action_plans, lambda r: r.title),
        ("case", "case.html", data.cases, lambda r: r.title),
        ("theme", "theme.html", data.themes, lambda r: r.name),
        ("organisation", "organisation.html", data.organisations, lambda r: r.name),
    ]
    for kind, template, by_id, title in records:
        for record_id in sorted(by_id):
            if record_id in RESERVED_IDS:
                raise SiteError(f"a {kind} may not have the id '{record_id}': choose another")
            record = by_id[record_id]
            yield _Spec(
                key=f"{kind}:{record_id}",
                template=template,
                url=partial(record_url, kind, record_id),
                title=partial(_localized_title, title(record)),
                parents=(KIND_SECTION[kind],),
                context={"record": record},
            )


def _home_context(ref: CrossRef, today: dt.date) -> dict[str, Any]:
    """The current and the next quarter, and the open tenders expected in them."""
    year, quarter = i18n.quarter_of(today)
    following = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    quarters = [(year, quarter), following]
    coming = [
        tender
        for tender in ref.open_tenders
        if i18n.quarter_of(tender.expected_publication.start) in quarters
    ]
    overdue = Counter(t.category or "" for t in ref.open_tenders if t.planning_overdue(today))
    return {
        "quarters": quarters,
        "coming": coming,
        "overdue": sorted(overdue.items(), key=lambda item: (-item[1], item[0])),
    }


def _filter_options(data: DataSet, ref: CrossRef, lang: Lang) -> dict[str, list[tuple[str, str]]]:
    """(value, label) of each choice in the calendar's filters: only values some tender has."""
    tenders = ref.tenders

    def enum(name: str, values: set[str | None]) -> list[tuple[str, str]]:
        return [(v, i18n.label(name, v, lang)) for v in i18n.ENUMS[name] if v in values]

    categories = {x.category for x in tenders if x.category}
    quarters = sorted({i18n.quarter_of(x.expected_publication.start) for x in tenders})
    return {
        "category": sorted(
            ((c, _name(data.category_plans.get(c), c, lang)) for c in categories),
            key=lambda option: option[1].lower(),
        ),
        "buyer": sorted(
            ((b, _name(data.organisations.get(b), b, lang)) for b in ref.tenders_by_buyer),
            key=lambda option: option[1].lower(),
        ),
        "theme": [
            (theme.id, theme.name.get(lang))
            for theme in sorted(data.themes.values(), key=lambda x: (x.order, x.id))
            if theme.id in ref.tenders_by_theme
        ],
        "level": enum("level", {v.level for x in tenders for v in x.themes.values()}),
        "quarter": [(str(y * 4 + q - 1), i18n.format_quarter(y, q, lang)) for y, q in quarters],
        "kind": enum("kind", {x.kind for x in tenders}),
        "procedure": enum("procedure", {x.procedure for x in tenders}),
        "status": enum("status", {x.status for x in tenders}),
    }


def _reference_url(name: str, lang: Lang) -> str:
    return REFERENCE_PAGES[name][lang]


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _codes() -> dict[str, list[tuple[str, Callable[[Lang], str], Callable[[Lang], str]]]]:
    """Every problem code, errors then warnings: (code, message, fix) with … for the values."""
    groups: dict[str, list[tuple[str, Callable[[Lang], str], Callable[[Lang], str]]]] = {
        "errors": [],
        "warnings": [],
    }
    for code in sorted(CODES.values(), key=lambda c: c.code):
        group = "errors" if code.severity is Severity.ERROR else "warnings"
        groups[group].append(
            (
                code.code,
                lambda lang, c=code: _PLACEHOLDER.sub("…", c.message[lang]),
                lambda lang, c=code: _PLACEHOLDER.sub("…", c.hint.get(lang, "")),
            )
        )
    return groups


def _record_files(downloads: Sequence[Download]) -> list[tuple[Kind, Download, Download]]:
    """Each kind with its JSON file and that file's schema, in the order of KINDS."""
    files = {(d.group, d.subject): d for d in downloads if d.group in ("records", "schema")}
    return [
        (kind, files[("records", kind.name)], files[("schema", kind.name)])
        for kind in KINDS
        if ("records", kind.name) in files and ("schema", kind.name) in files
    ]


def _kind_title(kind: Kind, lang: Lang) -> str:
    """The plural name of a kind: the title of the section that shows its records."""
    return t(f"section.{kind_section(kind.name)}", lang)


def _fields(kind: Kind, lang: Lang) -> list[tuple[str, list[FieldRow]]]:
    """The field reference of one kind: its own model first, then the models inside it."""
    documented = set(documented_models())
    models = [model for model in iter_models(kind.model) if model in documented]
    return [(model.__name__, field_rows(model, lang)) for model in models]


def _name(record: Any, fallback: str, lang: Lang) -> str:
    return record.name.get(lang) if record is not None else fallback


def _by_quarter(tenders: list[Tender]) -> list[tuple[int, int, list[Tender]]]:
    """Tenders (already in calendar order) grouped by quarter of expected publication."""
    groups: dict[tuple[int, int], list[Tender]] = {}
    for tender in tenders:
        groups.setdefault(i18n.quarter_of(tender.expected_publication.start), []).append(tender)
    return [(year, quarter, group) for (year, quarter), group in groups.items()]


def _localized_title(value: Localized, lang: Lang) -> str:
    return value.get(lang)


def _render(
    spec: _Spec,
    lang: Lang,
    data: DataSet,
    ref: CrossRef,
    today: dt.date,
    renderer: SvgRenderer,
    history: History,
) -> Page:
    url = spec.url(lang)
    links = Links(lang, url)
    charts = PageCharts(lang, data, renderer)
    context = {
        "charts": charts,
        **spec.context,
        "lang": lang,
        "data": data,
        "ref": ref,
        "today": today,
        "history": history,
        "u": links,
        "t": partial(t, lang=lang),
        "label": partial(i18n.label, lang=lang),
        "loc": partial(_loc, lang=lang),
        "md": partial(_md, lang=lang),
        "planned": partial(i18n.format_planned, lang=lang),
        "date": partial(i18n.format_date, lang=lang),
        "quarter": partial(i18n.format_quarter, lang=lang),
        "money": partial(_money, lang=lang),
        "number": partial(i18n.format_figure, lang=lang),
        "size": partial(i18n.format_size, lang=lang),
        "page_title": spec.title(lang),
    }
    html = Markup(environment().get_template(spec.template).render(context))
    crumbs: list[tuple[str, str]] = []
    if spec.key != "home":
        crumbs.append((t("home", lang), home_url(lang)))
    crumbs += [(t(f"section.{name}", lang), section_url(name, lang)) for name in spec.parents]
    description = spec.description(lang) if spec.description else spec.title(lang)
    return Page(
        key=spec.key,
        lang=lang,
        url=url,
        title=spec.title(lang),
        description=description,
        html=html,
        breadcrumbs=tuple(crumbs),
        alternate=spec.url(i18n.other(lang)),
        headings=tuple((anchor, _plain(text)) for anchor, text in _HEADING.findall(html)),
        in_nav=spec.in_nav,
        charts=tuple(charts.placed),
        searchable=spec.searchable,
    )


def _plain(html: str) -> str:
    """Text of a heading for the table of contents; entities stay escaped for the theme."""
    return " ".join(_TAGS.sub("", html).split())


def _loc(value: Localized | None, lang: Lang) -> Markup:
    """Plain editor text in the page's language; Dutch marked up as Dutch when it stands in."""
    if value is None:
        return Markup("")
    text = escape(value.get(lang))
    if lang != "nl" and not value.has(lang):
        return Markup('<span lang="nl">{}</span>').format(text)
    return text


def _md(value: LocalizedMarkdown | None, lang: Lang) -> Markup:
    """Editor Markdown, sanitised; Dutch text standing in for English is marked as Dutch."""
    if value is None:
        return Markup("")
    html = render_markdown(value.get(lang))
    if lang != "nl" and not value.has(lang):
        return Markup('<div lang="nl">{}</div>').format(html)
    return html


def _money(value: Any, lang: Lang) -> str:
    if value is None:
        return t("tender.value.unknown", lang)
    return i18n.format_range(value.min, value.max, lang)
