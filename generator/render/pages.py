"""Every page the data call for, in both languages: planned first, then rendered one by one.

`plan_pages` lists the pages (URL, title, breadcrumbs, the twin in the other language) without
rendering any; `render_page` renders one page's content as sanitised HTML from `Inputs`, which
note what the page read, so a build can tell whether the page must be rendered again. The
chrome around the content (header, navigation, footer) is the host's (`generator/host/`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, cast

import jinja2
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from generator.base import i18n
from generator.base.examples import examples_note
from generator.base.i18n import LANGS, Lang, t
from generator.base.urls import (
    KIND_SECTION,
    REFERENCE_PAGES,
    SEARCH_PAGE,
    Links,
    home_url,
    kind_section,
    record_url,
    section_url,
)
from generator.charts.svg import SvgRenderer
from generator.crossref import CrossRef
from generator.export.calendar_table import COLUMNS
from generator.export.downloads import Download, effort_url
from generator.history.forecast import Forecast, Slip, accuracy_of, tender_forecast
from generator.history.git import History
from generator.inputs import Inputs
from generator.models import Tender
from generator.models.common import LocalizedMarkdown, LocalizedText, LocalizedTitle
from generator.models.fielddocs import TYPES, FieldRow, documented_models, field_rows
from generator.models.paths import iter_models
from generator.models.product_group import CRITERIA_TOOL
from generator.models.tender import OPEN_STATUSES
from generator.monitor.dashboard import dashboard
from generator.problems import CODES, Severity
from generator.render.feeds import FeedScope
from generator.render.feeds import scopes as feed_scopes
from generator.render.hyphens import hyphenated
from generator.render.markdown import render_markdown
from generator.render.page_charts import PageCharts, PlacedFigure
from generator.source.dataset import DataSet
from generator.source.layout import KINDS, Kind

Localized = LocalizedText | LocalizedTitle | LocalizedMarkdown
_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_TAGS = re.compile(r"<[^>]+>")
CHANGES_SHOWN = 300  # the change page shows the latest changes; Git holds them all
LISTED = 20  # tenders a monitor list shows; the effort goals' CSV holds them all
Context = Callable[[Inputs], dict[str, Any]]


@dataclass(frozen=True, eq=False)
class PagePlan:
    """One page in one language, as far as it is known before it is rendered."""

    key: str  # the same in both languages: "home", "section:calendar", "tender:<id>"
    lang: Lang
    url: str  # site-relative directory URL: "" for the home page, "en/tender-calendar/"
    title: str  # plain text; whoever prints it must escape it
    description: str  # plain text, for the meta description
    breadcrumbs: tuple[tuple[str, str], ...]  # (title, url) of each ancestor, home first
    alternate: str  # URL of this page in the other language
    in_nav: bool  # overview pages are in the navigation; record pages never are
    searchable: bool  # in the search index (the search page itself is not)
    template: str
    context: Context = field(repr=False)
    record: tuple[str, str] | None = None  # (kind, id) of the record the page shows

    @property
    def lists_downloads(self) -> bool:
        """The Open data page shows every download's size: it is made after them."""
        return self.key == "section:open-data"

    @property
    def frame(self) -> str:
        """The chrome the page goes into: one per folder of record pages, else its own."""
        return f"folder:{folder_of(self.url)}" if self.record else f"page:{self.url}"

    @property
    def output(self) -> str:
        """The page's id among the build's outputs."""
        return f"page:{self.lang}:{self.key}"


def folder_of(url: str) -> str:
    """`aanbestedingskalender/x/` → `aanbestedingskalender/`."""
    return url.rstrip("/").rpartition("/")[0] + "/"


@dataclass(frozen=True)
class PageContent:
    """A rendered page: its HTML (charts still drawing are placeholders), headings and CSVs."""

    html: str
    headings: tuple[tuple[str, str], ...]  # (id, text) of each h2, for the table of contents
    charts: tuple[PlacedFigure, ...] = ()

    def csvs(self) -> list[tuple[str, bytes]]:
        """Each chart's numbers as a CSV file next to the page: (file name, bytes)."""
        return [(placed.csv_name, placed.figure.csv()) for placed in self.charts]


@dataclass(frozen=True)
class Page:
    """One generated page in one language, rendered (for tests and tools that want it whole)."""

    plan: PagePlan
    html: Markup
    headings: tuple[tuple[str, str], ...]
    charts: tuple[PlacedFigure, ...]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.plan, name)


@dataclass(frozen=True)
class _Spec:
    key: str
    template: str
    url: Callable[[Lang], str]
    title: Callable[[Lang], str]
    parents: tuple[str, ...]  # sections above this page, for breadcrumbs
    context: Context
    in_nav: bool = False
    description: Callable[[Lang], str] | None = None
    searchable: bool = True
    record: tuple[str, str] | None = None


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
    env.globals["open_first"] = open_first
    env.globals["is_open"] = lambda tender: tender.status in OPEN_STATUSES
    env.globals["quarter_of"] = i18n.quarter_of
    env.globals["moves_key"] = moves_key
    env.globals["slip_key"] = slip_key
    env.globals["criteria_tool"] = CRITERIA_TOOL
    env.globals["LISTED"] = LISTED
    env.globals["effort_url"] = effort_url
    return env


def keep_compiled_templates(folder: Path | None) -> None:
    """Keep the compiled templates in `folder` (in the build cache), so a build compiles only
    the templates that changed (a third of a second for all of them). The folder is named by
    Jinja's version, whose compiled code another version need not read."""
    cache = None
    if folder is not None:
        place = folder / f"jinja-{jinja2.__version__}"
        place.mkdir(parents=True, exist_ok=True)
        cache = FileSystemBytecodeCache(str(place))
    environment().bytecode_cache = cache


def open_only(tenders: list[Tender]) -> list[Tender]:
    """The tenders still to come (planned or in market consultation), for the templates."""
    return [tender for tender in tenders if tender.status in OPEN_STATUSES]


def open_first(tenders: list[Tender]) -> list[Tender]:
    """The tenders still to come first, then those published, awarded or withdrawn, each part
    in the order given (calendar order): a supplier reads what is coming before what is past."""
    return open_only(tenders) + [t for t in tenders if t.status not in OPEN_STATUSES]


def moves_key(forecast: Forecast) -> str:
    """The words that open a tender's planning line: not moved, moved once, twice, n times."""
    count = len(forecast.moves)
    if count == 0:
        return "forecast.moved.0.refined" if forecast.steps else "forecast.moved.0"
    return f"forecast.moved.{count}" if count <= 2 else "forecast.moved.n"


def slip_key(slip: Slip) -> str:
    """The sentence that says where a publication fell against the window first announced."""
    if slip.within:
        return "forecast.slip.within"
    direction = "later" if slip.months >= 0 else "earlier"
    if slip.months == 0:  # outside a day's window, in the same month
        return f"forecast.slip.{direction}.same-month"
    return (
        f"forecast.slip.{direction}.one" if abs(slip.months) == 1 else f"forecast.slip.{direction}"
    )


def plan_pages(data: DataSet) -> list[PagePlan]:
    """Every page the data call for, Dutch and English, in a stable order (nothing rendered)."""
    plans = []
    for spec in _specs(data):
        for lang in LANGS:
            crumbs: list[tuple[str, str]] = []
            if spec.key != "home":
                crumbs.append((t("home", lang), home_url(lang)))
            crumbs += [
                (t(f"section.{name}", lang), section_url(name, lang)) for name in spec.parents
            ]
            plans.append(
                PagePlan(
                    key=spec.key,
                    lang=lang,
                    url=spec.url(lang),
                    title=spec.title(lang),
                    description=spec.description(lang) if spec.description else spec.title(lang),
                    breadcrumbs=tuple(crumbs),
                    alternate=spec.url(i18n.other(lang)),
                    in_nav=spec.in_nav,
                    searchable=spec.searchable,
                    template=spec.template,
                    context=spec.context,
                    record=spec.record,
                )
            )
    return plans


def render_page(
    plan: PagePlan,
    inputs: Inputs,
    renderer: SvgRenderer,
    downloads: Sequence[Download] = (),
) -> PageContent:
    """The content of one page, from what `inputs` let it read (and note)."""
    lang, url = plan.lang, plan.url
    charts = PageCharts(lang, inputs, renderer)
    context = {
        "charts": charts,
        "downloads": downloads,
        **plan.context(inputs),
        "lang": lang,
        "data": inputs.data,
        "ref": inputs.ref,
        "today": inputs.today,
        "history": inputs.history,
        "u": Links(lang, url),
        "t": partial(t, lang=lang),
        "label": partial(i18n.label, lang=lang),
        "loc": partial(_loc, lang=lang),
        "md": partial(_md, lang=lang),
        "planned": partial(i18n.format_planned, lang=lang),
        "date": partial(i18n.format_date, lang=lang),
        "quarter": partial(i18n.format_quarter, lang=lang),
        "money": partial(_money, lang=lang),
        "number": partial(i18n.format_figure, lang=lang),
        "listed": partial(i18n.format_list, lang=lang),
        "examples": partial(examples_note, lang=lang),
        "size": partial(i18n.format_size, lang=lang),
        "shy": partial(hyphenated, lang=lang),
        "page_title": plan.title,
    }
    html = environment().get_template(plan.template).render(context)
    headings = tuple((anchor, _plain(text)) for anchor, text in _HEADING.findall(html))
    return PageContent(html, headings, tuple(charts.placed))


def build_pages(
    data: DataSet,
    today: dt.date,
    renderer: SvgRenderer | None = None,
    downloads: Sequence[Download] = (),
    history: History | None = None,
) -> list[Page]:
    """Every page rendered at once, charts drawn in place: for tests and tools, not the build."""
    from generator.crossref import build_crossref
    from generator.inputs import Reads, World

    data = data.frozen()
    history = history if history is not None else History(available=False, reason="no-git")
    world = World(data, build_crossref(data), history, today)
    renderer = renderer if renderer is not None else SvgRenderer()
    pages = []
    for plan in plan_pages(data):
        content = render_page(plan, Inputs(world, Reads()), renderer, downloads)
        pages.append(Page(plan, Markup(content.html), content.headings, content.charts))
    return pages


def _specs(data: DataSet) -> Iterator[_Spec]:
    def section(name: str, template: str, context: Context | None = None) -> _Spec:
        return _Spec(
            key=f"section:{name}",
            template=template,
            url=partial(section_url, name),
            title=lambda lang: t(f"section.{name}", lang),
            parents=(),
            context=context or _no_context,
            in_nav=True,
        )

    yield _Spec(
        key="home",
        template="home.html",
        url=home_url,
        title=lambda lang: t("home.title", lang),
        parents=(),
        context=_home_context,
        in_nav=True,
        description=lambda lang: t("site.tagline", lang),
    )
    yield section("calendar", "calendar.html", _calendar_context)
    yield section("category-plans", "category_plans.html")
    yield section("route-maps", "route_maps.html")
    yield section("action-plans", "action_plans.html")
    yield section("cases", "cases.html")
    yield section("themes", "themes.html")
    yield section("product-groups", "product_groups.html")
    yield section("goals", "goals.html")
    yield section("ambition-levels", "ambition_levels.html")
    yield section("organisations", "organisations.html")
    yield section("open-data", "open_data.html", _open_data_context)
    yield section("subscribe", "subscribe.html", _subscribe_context)
    for name, template, context in (
        ("fields", "editor_fields.html", {"record_kinds": KINDS, "types": TYPES}),
        ("messages", "editor_messages.html", {"codes": _codes(), "policy": _policy()}),
    ):
        yield _Spec(
            key=f"reference:{name}",
            template=template,
            url=partial(_reference_url, name),
            title=partial(t, f"ref.{name}"),
            parents=(),
            context=partial(_fixed, {**context, "kind_title": _kind_title, "fields": _fields}),
        )
    yield _Spec(
        key="search",
        template="search.html",
        url=SEARCH_PAGE.__getitem__,
        title=partial(t, "search.title"),
        parents=(),
        context=_no_context,
        searchable=False,
    )
    yield section("changes", "changes.html", _changes_context)
    yield section("forecast", "forecast.html", _forecast_context)
    yield section("dashboard", "dashboard.html", _dashboard_context)

    records: list[tuple[str, str, Callable[[Any], Localized]]] = [
        ("tender", "tender.html", lambda r: r.title),
        ("category-plan", "category_plan.html", lambda r: r.name),
        ("route-map", "route_map.html", lambda r: r.title),
        ("action-plan", "action_plan.html", lambda r: r.title),
        ("case", "case.html", lambda r: r.title),
        ("theme", "theme.html", lambda r: r.name),
        ("product-group", "product_group.html", lambda r: r.name),
        ("organisation", "organisation.html", lambda r: r.name),
    ]
    for kind, template, title in records:
        by_id = data.records(kind)
        for record_id in sorted(by_id):
            yield _Spec(
                key=f"{kind}:{record_id}",
                template=template,
                url=partial(record_url, kind, record_id),
                title=partial(_localized_title, title(by_id[record_id])),
                parents=(KIND_SECTION[kind],),
                context=partial(_record_context, kind, record_id),
                record=(kind, record_id),
            )


def _no_context(inputs: Inputs) -> dict[str, Any]:
    return {}


def _fixed(context: dict[str, Any], inputs: Inputs) -> dict[str, Any]:
    return context


def _record_context(kind: str, record_id: str, inputs: Inputs) -> dict[str, Any]:
    record = inputs.data.records(kind)[record_id]
    if kind == "tender":  # its planning line: first announced, moves, slip
        return {"record": record, "forecast": tender_forecast(record, inputs.history)}
    return {"record": record}


def _calendar_context(inputs: Inputs) -> dict[str, Any]:
    ref = inputs.ref
    closed = [tender for tender in ref.tenders if tender.status not in OPEN_STATUSES]
    return {
        "groups": _by_quarter(ref.open_tenders),
        "closed": closed,
        "filter_options": partial(_filter_options, inputs.data, ref),
    }


def _forecast_context(inputs: Inputs) -> dict[str, Any]:
    """Every tender's forecast, counted per buyer and per category."""
    return {"accuracy": accuracy_of(inputs.ref.tenders, inputs.history)}


def _dashboard_context(inputs: Inputs) -> dict[str, Any]:
    """The effort goals computed from the calendar, then each theme's figures."""
    # the same in both languages: computed once
    return {"monitor": inputs.shared("dashboard", lambda own: dashboard(own.data, own.ref))}


def _open_data_context(inputs: Inputs) -> dict[str, Any]:
    inputs.extra("downloads")  # the page lists every file with its size
    return {
        "columns": COLUMNS,
        "record_kinds": KINDS,
        "record_files": _record_files,
        "kind_title": _kind_title,
        "fields": _fields,
    }


def _subscribe_context(inputs: Inputs) -> dict[str, Any]:
    """Every feed the site offers, grouped as the page lists them."""
    groups: dict[str, list[FeedScope]] = {}
    ref = cast(CrossRef, inputs.ref)  # the view (each lookup noted) has the same names
    for feed in feed_scopes(ref):
        groups.setdefault(feed.scope, []).append(feed)
    return {"feed_groups": groups}


def _changes_context(inputs: Inputs) -> dict[str, Any]:
    history = inputs.history
    return {
        "groups": history.by_date(CHANGES_SHOWN),
        "cut": len(history.events) > CHANGES_SHOWN,
        "shown": CHANGES_SHOWN,
    }


def _home_context(inputs: Inputs) -> dict[str, Any]:
    """The current and the next quarter, and the open tenders expected in them."""
    ref, today = inputs.ref, inputs.today
    year, quarter = i18n.quarter_of(today)
    following = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    quarters = [(year, quarter), following]
    coming = [
        tender
        for tender in ref.open_tenders
        if i18n.quarter_of(tender.expected_publication.start) in quarters
    ]
    stale = [tender for tender in ref.open_tenders if tender.planning_overdue(today)]
    overdue = Counter(tender.category or "" for tender in stale)
    return {
        "quarters": quarters,
        "coming": coming,
        "stale": stale,
        "overdue": sorted(overdue.items(), key=lambda item: (-item[1], item[0])),
    }


def _filter_options(data: Any, ref: Any, lang: Lang) -> dict[str, list[tuple[str, str]]]:
    """(value, label) of each choice in the calendar's filters: only values some tender has."""
    tenders = ref.tenders

    def enum(name: str, values: set[str | None]) -> list[tuple[str, str]]:
        return [(v, i18n.label(name, v, lang)) for v in i18n.ENUMS[name] if v in values]

    categories = {x.category for x in tenders if x.category}
    levels = {v.level for x in tenders for v in x.themes.values()}
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
        "level": [(v.id, v.label(lang)) for v in data.ambition_scale().levels if v.id in levels],
        "group": [
            (group.id, group.name.get(lang))
            for group in sorted(data.product_groups.values(), key=lambda g: (g.order, g.id))
            if group.id in ref.tenders_by_product_group
        ],
        "instrument": enum("instrument", {i for x in tenders for i in x.innovation_instruments}),
        "quarter": [(str(y * 4 + q - 1), i18n.format_quarter(y, q, lang)) for y, q in quarters],
        "kind": enum("kind", {x.kind for x in tenders}),
        "procedure": enum("procedure", {x.procedure for x in tenders}),
        "status": enum("status", {x.status for x in tenders}),
    }


def _reference_url(name: str, lang: Lang) -> str:
    return REFERENCE_PAGES[name][lang]


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _policy() -> list[tuple[str, Any]]:
    """The policy checks with the passage each rests on, for the guide."""
    from generator.validate.policy import PASSAGES

    return sorted(PASSAGES.items())


def _shown(template: str) -> str:
    """A message template as the guide shows it: … for each value, braces as printed."""
    return _PLACEHOLDER.sub("…", template).replace("{{", "{").replace("}}", "}")


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
                # mypy cannot type a lambda with a default argument (python/mypy#15459)
                lambda lang, c=code: _shown(c.message[lang]),  # type: ignore[misc]
                lambda lang, c=code: _shown(c.hint.get(lang, "")),  # type: ignore[misc]
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


def _plain(html: str) -> str:
    """Text of a heading for the table of contents; entities stay escaped for the theme."""
    return " ".join(_TAGS.sub("", html).split())


def _loc(value: Localized | None, lang: Lang, shy: bool = False) -> Markup:
    """Plain editor text in the page's language; Dutch marked up as Dutch when it stands in.

    `shy`: with soft hyphens in its long words, in the text's own language (a table cell)."""
    if value is None:
        return Markup("")
    written = lang if value.has(lang) else "nl"
    text = hyphenated(value.get(lang), written) if shy else escape(value.get(lang))
    if written != lang:
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


def _money(value: Any, lang: Lang, cell: bool = False) -> str:
    """A value range; in a table `cell`, one that may break only after its dash."""
    if value is None:
        return t("tender.value.unknown", lang)
    text = i18n.format_range(value.min, value.max, lang)
    if not cell:
        return text
    return " – ".join(part.replace(" ", "\u00a0") for part in text.split(" – "))
