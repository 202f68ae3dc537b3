"""MkDocs + Material as the host: it renders the chrome, the core makes everything else.

The only module that imports MkDocs. `render` runs one MkDocs build with the hand-written pages
of `content/` (rendered whole, with the language, twin and breadcrumbs the core gives each) and
one page per frame the core asks for, whose own parts are slot marks (generator/render/frame.py).
The frames are returned and taken out of MkDocs' output; what stays is the theme's assets, the
hand-written pages and the 404 page. This module keeps nothing between builds.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.base.urls import src_uri
from generator.host.chrome import ContentMeta, FrameRequest, HostFailed
from generator.render.frame import TOC_ID, TOC_TITLE

if TYPE_CHECKING:
    from mkdocs.structure.toc import _TocToken  # what get_toc takes (private in MkDocs)

_TITLE, _DESCRIPTION = "<!--mvi-slot:title-->", "<!--mvi-slot:description-->"
# The active item of the navigation shows a label and a table of contents only when the page
# has headings: the same frame without them, for pages that have none.
_NAV_TOC_LABEL = re.compile(
    r'<label class="md-nav__link md-nav__link--active" for="__toc">.*?</label>\s*', re.S
)
_NAV_TOC = re.compile(
    r'<nav class="md-nav md-nav--secondary"[^>]*>\s*<!--mvi-toc-->.*?<!--/mvi-toc-->\s*</nav>', re.S
)


class _Chrome(BasePlugin):
    """The frames and hand-written pages of one build, handed to MkDocs as its events ask."""

    def __init__(self, requests: Sequence[FrameRequest], pages: Sequence[ContentMeta]) -> None:
        self.requests = {src_uri(request.url): request for request in requests}
        self.pages = {page.url: page for page in pages}
        self.frames: dict[tuple[str, bool], str] = {}

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for uri, request in self.requests.items():
            inclusion = InclusionLevel.UNDEFINED if request.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content="", inclusion=inclusion))
        return files

    def on_page_markdown(self, markdown: str, page: Page, **_: Any) -> str:
        request = self.requests.get(page.file.src_uri)
        if request is None:  # a hand-written page from content/
            meta = self.pages[page.url]
            page.meta.update(lang=meta.lang, alternate=meta.alternate)
            page.meta["breadcrumbs"] = [(str(escape(t)), url) for t, url in meta.breadcrumbs]
            return markdown
        page.meta.update(
            frame=True,
            title=_TITLE,
            description=_DESCRIPTION,
            lang=request.lang,
            alternate="#",  # any value: a frame prints its slot mark instead
            breadcrumbs=[(str(escape(t)), url) for t, url in request.breadcrumbs],
            searchable=request.searchable,
        )
        return ""

    def on_page_content(self, html: str, page: Page, **_: Any) -> str:
        if page.file.src_uri in self.requests:
            entry: _TocToken = {"level": 2, "id": TOC_ID, "name": TOC_TITLE, "children": []}
            top: _TocToken = {"level": 1, "id": "main-title", "name": _TITLE, "children": [entry]}
            page.toc = get_toc([top])
        return html

    def on_post_page(self, output: str, page: Page, **_: Any) -> str:
        request = self.requests.get(page.file.src_uri)
        if request is not None:
            self.frames[(request.key, True)] = output
            without = _no_nav_toc(output) if request.in_nav else output
            self.frames[(request.key, False)] = without
        return output


def _no_nav_toc(frame: str) -> str:
    """The frame of a page in the navigation that has no headings: its item shows no contents.

    The navigation comes before the table of contents in the sidebar, which stays (empty)."""
    return _NAV_TOC.sub("", _NAV_TOC_LABEL.sub("", frame, count=1), count=1)


def render(
    config_file: Path,
    site_url: str,
    requests: Sequence[FrameRequest],
    pages: Sequence[ContentMeta],
    out: Path,
) -> dict[tuple[str, bool], str]:
    """Build into `out` with MkDocs; the frames by (key, whether the page has headings)."""
    chrome = _Chrome(requests, pages)
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(out), site_url=site_url, strict=True)
        config.plugins["mvi-chrome"] = chrome
        build(config)
    except (Abort, MkDocsException) as error:
        raise HostFailed("\n".join([*handler.lines, str(error).strip()])) from None
    finally:
        logger.removeHandler(handler)
    for request in requests:  # the frames are the core's to fill, not pages of their own
        (out / request.url / "index.html").unlink(missing_ok=True)
    for name in ("sitemap.xml", "sitemap.xml.gz"):  # the core writes the sitemap of all pages
        (out / name).unlink(missing_ok=True)
    return chrome.frames


class _Collect(logging.Handler):
    """MkDocs' warnings (which fail a strict build), for the editor's report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")
