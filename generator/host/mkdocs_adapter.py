"""MkDocs glue: validated data in, generated pages out. The only module that imports MkDocs.

`mkdocs.yml` loads this file as a hooks module. On every build (and every `mkdocs serve`
reload) it validates `data/`, stops before anything is written when the data are invalid, adds
one in-memory page per generated page with `File.generated`, and hands each page its sanitised
HTML, its escaped title, breadcrumbs and its twin in the other language. Record pages are kept
out of the navigation (Material renders the navigation into every page).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from generator import validate as validation  # looked up per build, so tests can stand in
from generator.base import clock
from generator.base.i18n import LANGS, Lang, other, t
from generator.base.urls import CONTENT_PAGES, home_url, src_uri
from generator.charts.svg import SvgRenderer
from generator.crossref import build_crossref
from generator.export.downloads import Download, build_downloads, extension_url
from generator.export.ocds import OcdsConfig
from generator.history.git import read_history
from generator.publish import search_index
from generator.render.feeds import build_feeds
from generator.render.pages import Page, SiteError, build_pages
from generator.reports import format_text
from generator.source.layout import IMAGES

log = logging.getLogger("mkdocs.plugins.mvi")

_pages: dict[str, Page] = {}  # by source URI, for the current build
_content_twins: dict[str, tuple[Lang, str]] = {}  # hand-written page URL → (lang, twin URL)
_images: list[Path] = []
_feeds: list[tuple[str, bytes]] = []  # (site path, content) of the .ics and Atom feeds
_downloads: list[Download] = []  # the open-data files
_renderer: list[SvgRenderer] = []  # this build's, drawing charts while MkDocs writes pages
_fragments: dict[tuple[str, ...], str] = {}  # template output shared by pages, for this build


def report_language() -> str:
    """`$MVI_LANG` (set by `mvi-site build --lang`), or Dutch."""
    return "en" if os.environ.get("MVI_LANG") == "en" else "nl"


def data_dir(config: MkDocsConfig) -> Path:
    """`$MVI_DATA`, or `data/` next to mkdocs.yml."""
    if configured := os.environ.get("MVI_DATA"):
        return Path(configured)
    return Path(config.config_file_path).parent / "data"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root, lang, today = data_dir(config), report_language(), clock.today()
    dataset, report = validation.validate_data(root, today)
    # Data warnings (a passed publication date, missing English) are shown on the site and in
    # the validation report; they must not stop publication, or time alone would break builds.
    if not report.ok():
        raise Abort("The data are not valid; nothing was built.\n" + format_text(report, lang))
    if report.warnings:  # printed, not logged: a logged warning would fail the strict build
        print(format_text(report, lang), file=sys.stderr)
    dataset = dataset.frozen()  # validated: from here on each kind's records are built once
    _close_renderer()  # a rebuild in `make serve` after one that stopped half-way
    renderer = SvgRenderer(background=True)
    _renderer.append(renderer)
    ref = build_crossref(dataset)  # one index for pages and feeds
    site_url = config.site_url or "http://127.0.0.1:8000/"
    _downloads[:] = build_downloads(dataset, ref, site_url, ocds_config(config, site_url))
    history = read_history(root)
    if not history.available:
        note = f"Change history: not available ({history.reason}); the pages say so."
        print(note, file=sys.stderr)
    try:
        pages = build_pages(dataset, today, renderer, ref, _downloads, history)
    except SiteError as error:
        raise Abort(f"The site cannot be built from these data: {error}") from None
    _feeds[:] = build_feeds(dataset, ref, today, site_url, history)
    _pages.clear()
    _pages.update((src_uri(page.url), page) for page in pages)
    _content_twins.clear()
    for urls in CONTENT_PAGES.values():
        for page_lang in LANGS:
            _content_twins[urls[page_lang]] = (page_lang, urls[other(page_lang)])
    images = root / IMAGES
    _images[:] = sorted(p for p in images.iterdir() if p.is_file()) if images.is_dir() else []
    return config


def ocds_config(config: MkDocsConfig, site_url: str) -> OcdsConfig:
    """The OCDS settings from `extra.ocds` in mkdocs.yml; a bad prefix stops the build."""
    settings = config.extra.get("ocds") or {}
    try:
        return OcdsConfig(
            ocid_prefix=str(settings.get("ocid_prefix", "")),
            publisher_name=str(settings.get("publisher") or config.site_name),
            site_url=site_url,
            extension_url=extension_url(site_url),
        )
    except ValueError as error:
        raise Abort(f"mkdocs.yml, extra.ocds: {error}") from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for uri, page in _pages.items():
        if files.get_file_from_path(uri) is not None:
            raise Abort(f"content/{uri} would replace a page made from data: rename or remove it")
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content="", inclusion=inclusion))
        for chart in page.charts:  # its numbers as CSV, next to the page that shows it
            uri = f"{page.url}{chart.csv_name}"
            files.append(File.generated(config, uri, content=chart.figure.csv()))
    for path, content in _feeds:
        files.append(File.generated(config, path, content=content))
    for download in _downloads:
        if not download.path.endswith(".md"):  # MkDocs would make a page of Markdown
            files.append(File.generated(config, download.path, content=download.content))
    for image in _images:
        files.append(File.generated(config, f"images/{image.name}", abs_src_path=str(image)))
    missing = [
        f"content/{src_uri(url)}"
        for url in _content_twins
        if files.get_file_from_path(src_uri(url)) is None
    ]
    if missing:
        raise Abort("Hand-written pages are missing (each needs its twin): " + ", ".join(missing))
    return files


def on_page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig, **_: Any) -> str:
    generated = _pages.get(page.file.src_uri)
    if generated is None:  # a hand-written page from content/
        lang, twin = _content_twins.get(page.url, ("nl", ""))
        page.meta.update(lang=lang, alternate=twin or home_url(other(lang)))
        page.meta["breadcrumbs"] = [(t("home", lang), home_url(lang))]
        return markdown
    page.meta.update(
        # Material prints these without escaping: escape editor text here.
        title=str(escape(generated.title)),
        description=str(escape(generated.description)),
        lang=generated.lang,
        alternate=generated.alternate,
        breadcrumbs=[(str(escape(title)), url) for title, url in generated.breadcrumbs],
        searchable=generated.searchable,
        # Out of the navigation, no item in it is active: the page can share its rendering.
        shared_nav=not generated.in_nav,
    )
    return ""


def on_page_content(html: str, page: MkDocsPage, **_: Any) -> str:
    # Taken, not looked up: from here MkDocs holds the HTML, and one copy of 20,000 pages is
    # enough (memory at 10,000 tenders).
    generated = _pages.pop(page.file.src_uri, None)
    if generated is None:
        return html
    children = [
        {"level": 2, "id": anchor, "name": text, "children": []}
        for anchor, text in generated.headings
    ]
    title = str(escape(generated.title))
    page.toc = get_toc([{"level": 1, "id": "main-title", "name": title, "children": children}])
    return str(generated.html)  # charts still drawing are filled in by `on_post_page`


def on_post_page(output: str, page: MkDocsPage, **_: Any) -> str:
    """The page with its charts in place: as late as MkDocs allows, so drawing overlaps most.

    The page's content is in `output` now; MkDocs would keep it until the build ends."""
    page.content = None
    return _renderer[0].fill(output) if _renderer else output


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give the theme `shared_fragment`, with nothing kept from an earlier build."""
    _fragments.clear()
    env.globals["shared_fragment"] = shared_fragment
    return env


def shared_fragment(*key: str, caller: Callable[[], str]) -> str:
    """The output of a `{% call shared_fragment(...) %}` block, rendered once per `key`.

    The key must name everything the block's output depends on; `theme/partials/nav.html`
    says why the language and the folder are enough for the navigation of a record page."""
    if (html := _fragments.get(key)) is None:
        html = _fragments[key] = caller()
    return html


def on_post_build(config: MkDocsConfig) -> None:
    """Copy Markdown downloads as they are (not rendered), then index the pages for search.

    Indexing here, not in `mvi-site build`, keeps search working in `make serve` too.
    """
    _close_renderer(report=True)
    for download in _downloads:
        if download.path.endswith(".md"):
            target = Path(config.site_dir) / download.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(download.content)
    try:
        index = search_index.build(Path(config.site_dir), search_index.default_cache_dir())
        print(index.line(), file=sys.stderr)
    except search_index.IndexFailed as error:
        raise Abort(str(error)) from None


def _close_renderer(report: bool = False) -> None:
    """Wait for the charts still drawing, and say what the charts cost."""
    while _renderer:
        renderer = _renderer.pop()
        renderer.close()
        if report:
            print(renderer.stats.line(), file=sys.stderr)
