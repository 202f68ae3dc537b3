"""A page spliced into its frame is the page MkDocs would render: for one record of each kind,
and for pages of their own, in both languages.

The reference is rendered here by MkDocs itself, with the theme, as the build did before it
spliced: each page a MkDocs page with the same metadata and table of contents. The two are
compared on what a reader and a browser meet: landmarks, links, scripts (inline ones by their
hash, as the Content-Security-Policy allows them), title, description, canonical address,
language and headings. Whitespace may differ; nothing else may.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import build_into, site_settings
from markupsafe import escape
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from generator.base.urls import KIND_SECTION, src_uri
from generator.charts.svg import SvgRenderer
from generator.inputs import Inputs, Reads
from generator.publish.csp import _META_ANCHOR
from generator.render.pages import PagePlan, render_page
from generator.site import assemble, check_site

ROOT = Path(__file__).resolve().parent.parent


class _Whole(BasePlugin):  # type: ignore[type-arg]
    """Renders the chosen pages whole, as MkDocs pages (the build before the splice did so)."""

    def __init__(self, pages: dict[str, tuple[PagePlan, str, tuple[tuple[str, str], ...]]]) -> None:
        self.pages = pages  # source URI → (plan, content HTML, headings)

    def on_files(self, files: Any, config: Any) -> Any:
        for uri, (plan, _, _) in self.pages.items():
            if files.get_file_from_path(uri) is None:
                inclusion = InclusionLevel.UNDEFINED if plan.in_nav else InclusionLevel.NOT_IN_NAV
                files.append(File.generated(config, uri, content="", inclusion=inclusion))
        return files

    def on_page_markdown(self, markdown: str, page: Any, **_: Any) -> str:
        found = self.pages.get(page.file.src_uri)
        if found is None:
            return markdown
        plan = found[0]
        page.meta.update(
            title=str(escape(plan.title)),
            description=str(escape(plan.description)),
            lang=plan.lang,
            alternate=plan.alternate or "./",  # the home page's twin is the root
            breadcrumbs=[(str(escape(t)), url) for t, url in plan.breadcrumbs],
            searchable=plan.searchable,
        )
        return ""

    def on_page_content(self, html: str, page: Any, **_: Any) -> str:
        found = self.pages.get(page.file.src_uri)
        if found is None:
            return html
        plan, content, headings = found
        children = [{"level": 2, "id": a, "name": t, "children": []} for a, t in headings]
        title = str(escape(plan.title))
        page.toc = get_toc([{"level": 1, "id": "main-title", "name": title, "children": children}])
        return content


class _Features(HTMLParser):
    """What a page offers, structure only."""

    LANDMARKS = {"header", "nav", "main", "footer", "aside", "form", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, ...]] = []
        self._script: list[str] | None = None
        self._title: list[str] | None = None
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in self.LANDMARKS or values.get("role"):
            label = values.get("aria-label") or values.get("aria-labelledby") or ""
            self.out.append(("landmark", tag, values.get("role") or "", label))
        if tag in ("a", "link") and values.get("href") is not None:
            self.out.append(("link", tag, values.get("rel") or "", values["href"] or ""))
        if tag == "meta" and values.get("name") == "description":
            self.out.append(("description", values.get("content") or ""))
        if tag == "html":
            self.out.append(("lang", values.get("lang") or ""))
        if tag in ("h1", "h2", "h3"):
            self.out.append(("heading", tag, values.get("id") or ""))
        if tag == "script":
            if values.get("src"):
                self.out.append(("script", values["src"] or ""))
            else:
                self._script = []
        if tag == "title":
            self._title = []

    def handle_data(self, data: str) -> None:
        for collecting in (self._script, self._title):
            if collecting is not None:
                collecting.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            digest = hashlib.sha256("".join(self._script).encode()).hexdigest()[:16]
            self.out.append(("inline script", digest))
            self._script = None
        if tag == "title" and self._title is not None:
            self.out.append(("title", " ".join("".join(self._title).split())))
            self._title = None


def features(html: str) -> list[tuple[str, ...]]:
    parser = _Features()
    parser.feed(html)
    return parser.out


@pytest.fixture(scope="module")
def spliced(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Any, ...]:
    """The example site as the build writes it, every page's content, the pages to compare."""
    site = build_into(tmp_path_factory.mktemp("spliced") / "site")
    whole_site = assemble(check_site(site_settings()))
    renderer = SvgRenderer()
    contents = {
        plan.output: render_page(plan, Inputs(whole_site.world, Reads()), renderer)
        for plan in whole_site.pages
    }
    plans = [p for p in whole_site.pages if p.key in _chosen(whole_site.pages)]
    return site, list(whole_site.pages), contents, plans


def _chosen(plans: tuple[PagePlan, ...]) -> set[str]:
    """One record of each kind, and pages of their own (in and out of the navigation)."""
    keys = {"home", "section:calendar", "section:organisations", "search", "reference:fields"}
    for kind in KIND_SECTION:
        keys.add(next(p.key for p in plans if p.record and p.record[0] == kind))
    return keys


@pytest.fixture(scope="module")
def reference(spliced, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every page rendered whole by MkDocs with the theme, as the build did before it spliced."""
    _, every, contents, _ = spliced
    out = tmp_path_factory.mktemp("reference") / "site"
    pages = {
        src_uri(plan.url): (plan, contents[plan.output].html, contents[plan.output].headings)
        for plan in every
    }
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=False)
    config.plugins["whole"] = _Whole(pages)
    build(config)
    return out


def test_every_kind_of_spliced_page_is_what_mkdocs_would_render(spliced, reference) -> None:
    site, _, _, plans = spliced
    assert len(plans) >= 2 * (len(KIND_SECTION) + 4)
    for plan in plans:
        ours = (site / plan.url / "index.html").read_text(encoding="utf-8")
        theirs = (reference / plan.url / "index.html").read_text(encoding="utf-8")
        assert ours.count(_META_ANCHOR) == 1
        ours = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", ours)
        assert features(ours) == features(theirs), (plan.key, plan.lang)


def test_the_comparison_would_see_a_difference(spliced, reference) -> None:
    _, _, _, plans = spliced
    plan = next(p for p in plans if p.record and p.record[0] == "tender")
    theirs = (reference / plan.url / "index.html").read_text(encoding="utf-8")
    for change in (
        lambda html: html.replace('rel="canonical" href="', 'rel="canonical" href="x', 1),
        lambda html: html.replace("<nav", "<div", 1),
        lambda html: html.replace(
            'class="mvi-lang__link" href="', 'class="mvi-lang__link" href="x', 1
        ),
        lambda html: html.replace("<script>", "<script>1;", 1),
        lambda html: html.replace('href="#facts"', 'href="#other"', 1),
    ):
        assert features(change(theirs)) != features(theirs)


def test_spliced_pages_hold_the_policy_for_exactly_the_frames_scripts(spliced) -> None:
    site, _, _, plans = spliced
    headers = (site / "_headers").read_text(encoding="utf-8")
    for plan in plans:
        html = (site / plan.url / "index.html").read_text(encoding="utf-8")
        for script in re.findall(r"<script>(.*?)</script>", html, re.S):
            digest = hashlib.sha256(script.encode()).digest()
            assert f"'sha256-{base64.b64encode(digest).decode()}'" in headers, plan.key
