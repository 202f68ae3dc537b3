"""Read every HTML file of a built site once, and report what must never be published.

- a link or anchor inside the site that leads nowhere;
- a resource (script, style, font, image, frame) from another host;
- a script or event handler that is not the theme's own.

MkDocs checks links in Markdown, but pages made from data bypass Markdown, so the output
itself is checked. The standard library's HTML parser is enough: the output is our own.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Tag → attributes that load a resource when the page is shown.
RESOURCE_ATTRS: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href",),
    "use": ("href",),
}
RESOURCE_RELS = frozenset(
    {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "manifest"}
)
# The theme's own inline scripts (Material for MkDocs 9.8), recognised by how they begin.
THEME_INLINE_SCRIPTS = (
    "__md_scope=new URL(",
    'var palette=__md_get("__palette")',
    "var target=document.getElementById(location.hash.slice(1))",
)
THEME_SCRIPT_FOLDER = "assets/javascripts/"
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


@dataclass
class Ref:
    """One URL in a page: a link (`a`, `area`) or a resource."""

    tag: str
    attr: str
    value: str
    line: int
    is_resource: bool


@dataclass
class PageScan:
    ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)
    inline_scripts: list[tuple[int, str]] = field(default_factory=list)
    handlers: list[tuple[int, str]] = field(default_factory=list)  # on…= attributes


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._script: list[str] | None = None
        self._script_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.scan.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.scan.ids.add(values["name"])
        for name in values:
            if name.startswith("on"):
                self.scan.handlers.append((line, f"{tag} {name}"))
        if tag in ("a", "area") and "href" in values:
            self.scan.refs.append(Ref(tag, "href", values["href"], line, False))
        if tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            self.scan.refs.append(
                Ref(tag, "href", values["href"], line, bool(rels & RESOURCE_RELS))
            )
        for attr in RESOURCE_ATTRS.get(tag, ()):
            if attr in values:
                for url in _urls(attr, values[attr]):
                    self.scan.refs.append(Ref(tag, attr, url, line, True))
        if tag == "script" and "src" not in values:
            kind = values.get("type", "").lower()
            if kind not in ("application/json", "application/ld+json"):
                self._script, self._script_line = [], line

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scan.inline_scripts.append((self._script_line, "".join(self._script)))
            self._script = None


def _urls(attr: str, value: str) -> list[str]:
    if attr == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]


def scan_page(html: str) -> PageScan:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.scan


def scan_site(site: Path) -> dict[str, PageScan]:
    """Every HTML page of the site by its path relative to the site root."""
    return {
        path.relative_to(site).as_posix(): scan_page(path.read_text(encoding="utf-8"))
        for path in sorted(site.rglob("*.html"))
    }


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith("//")


def _target(page: str, url: str, base: str = "/") -> tuple[str, str]:
    """The site path a URL points to from `page`, and its fragment.

    `base` is the path the site is published under (from `site_url`), for absolute paths such as
    those on the 404 page.
    """
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        if not path.startswith(base):
            return "../" + path, parts.fragment
        return posixpath.normpath(path[len(base) :] or "."), parts.fragment
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return resolved, parts.fragment


def broken_links(
    site: Path, pages: dict[str, PageScan] | None = None, base: str = "/"
) -> list[str]:
    """Links and anchors inside the site that lead nowhere, as 'page:line: url' lines."""
    pages = pages if pages is not None else scan_site(site)
    problems: list[str] = []
    for page, scan in pages.items():
        for ref in scan.refs:
            if _is_external(ref.value) or ref.value.startswith(("mailto:", "tel:")):
                continue
            path, fragment = _target(page, ref.value, base)
            if path.startswith(".."):
                problems.append(f"{page}:{ref.line}: {ref.value} leads outside the site")
                continue
            file = site / path
            if file.is_dir():
                path, file = f"{path}/index.html".lstrip("./"), file / "index.html"
            if not file.is_file():
                problems.append(f"{page}:{ref.line}: {ref.value} leads to a missing page")
                continue
            target = pages.get(path if path != "." else "index.html")
            if fragment and target is not None and fragment not in target.ids:
                problems.append(f"{page}:{ref.line}: {ref.value} names a missing anchor")
    return problems


def foreign_resources(site: Path, pages: dict[str, PageScan] | None = None) -> list[str]:
    """Anything the site would load from another host, in pages and in style sheets."""
    pages = pages if pages is not None else scan_site(site)
    problems = [
        f"{page}:{ref.line}: <{ref.tag} {ref.attr}> loads {ref.value}"
        for page, scan in pages.items()
        for ref in scan.refs
        if ref.is_resource and (_is_external(ref.value) and not ref.value.startswith("data:"))
    ]
    for css in sorted(site.rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        for match in _CSS_URL.finditer(text):
            url = match.group(1) or match.group(2)
            if _is_external(url) and not url.startswith("data:"):
                problems.append(f"{css.relative_to(site).as_posix()}: loads {url}")
    return problems


def foreign_scripts(pages: dict[str, PageScan], base: str = "/") -> list[str]:
    """Scripts and event handlers that are not the theme's own."""
    problems: list[str] = []
    for page, scan in pages.items():
        for line, handler in scan.handlers:
            problems.append(f"{page}:{line}: event handler <{handler}>")
        for line, code in scan.inline_scripts:
            if not code.strip().startswith(THEME_INLINE_SCRIPTS):
                problems.append(f"{page}:{line}: inline script {code.strip()[:40]!r}")
        for ref in scan.refs:
            if ref.value.lower().lstrip().startswith("javascript:"):
                problems.append(f"{page}:{ref.line}: javascript: link")
            if ref.tag == "script" and not _own_script(page, ref.value, base):
                problems.append(f"{page}:{ref.line}: script {ref.value}")
    return problems


def _own_script(page: str, url: str, base: str) -> bool:
    if _is_external(url):
        return False
    path, _ = _target(page, url, base)
    return path.startswith(THEME_SCRIPT_FOLDER)
