"""Read every HTML file of a built site once, and report what must never be published.

- a link or anchor inside the site that leads nowhere;
- a resource (script, style, font, image, frame) from another host;
- a script or event handler that is not the theme's own.

MkDocs checks links in Markdown, but pages made from data bypass Markdown, so the output
itself is checked. The pages are read with one compiled regular expression rather than the
standard library's `html.parser`, which took a sixth of a large build: text, end tags, comments
and tags with nothing to record are skipped inside the regex engine, and Python sees only the
tags that matter, reading each distinct tag once. The tokenizer follows `html.parser`'s rules
(Python 3.11's: its attribute grammar, lowercased names, `html.unescape` on values, script and
style text taken raw up to the end tag), and a page with a construct outside that well-formed
subset is read by `html.parser` itself. `tests/test_output_scan.py` checks that both give the
same result on every page of the example site, on tricky markup, and on fuzzed markup.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from generator.publish.target import Written

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
# Folders of the site's own scripts: the theme's and ours, and the search bundle Pagefind writes
# after the build (generator/publish/search_index.py).
OWN_SCRIPT_FOLDERS = ("assets/javascripts/", "pagefind/")
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


@dataclass(frozen=True)
class _TagNotes:
    """What one start tag adds to a page's scan, all but its line."""

    tag: str
    ids: tuple[str, ...]
    handlers: tuple[str, ...]
    refs: tuple[tuple[str, str, bool], ...]  # attribute, URL, is a resource
    inline_script: bool  # a script whose text runs in the page: no `src`, and not JSON data

    def add_to(self, scan: PageScan, line: int) -> None:
        if self.ids:
            scan.ids.update(self.ids)
        for handler in self.handlers:
            scan.handlers.append((line, handler))
        for attr, url, is_resource in self.refs:
            scan.refs.append(Ref(self.tag, attr, url, line, is_resource))


def _notes(tag: str, values: dict[str, str]) -> _TagNotes:
    """What a start tag holds: ids, event handlers, URLs, and whether it opens a page script."""
    ids = [values["id"]] if "id" in values else []
    if tag == "a" and "name" in values:
        ids.append(values["name"])
    refs: list[tuple[str, str, bool]] = []
    if tag in ("a", "area") and "href" in values:
        refs.append(("href", values["href"], False))
    if tag == "link" and "href" in values:
        rels = set(values.get("rel", "").lower().split())
        refs.append(("href", values["href"], bool(rels & RESOURCE_RELS)))
    for attr in RESOURCE_ATTRS.get(tag, ()):
        if attr in values:
            refs.extend((attr, url, True) for url in _urls(attr, values[attr]))
    kind = values.get("type", "").lower()
    return _TagNotes(
        tag,
        tuple(ids),
        tuple(f"{tag} {name}" for name in values if name.startswith("on")),
        tuple(refs),
        tag == "script"
        and "src" not in values
        and kind not in ("application/json", "application/ld+json"),
    )


def _urls(attr: str, value: str) -> list[str]:
    if attr == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]


# The one character outside ASCII that `str.lower` turns into an ASCII letter (the Kelvin sign);
# explicit classes are much faster than a case-insensitive group.
_LOWERS_TO = {"k": "\u212a"}


def _any_case(word: str) -> str:
    """A pattern for every string whose `str.lower()` is `word` (an ASCII word)."""
    return "".join(f"[{char}{char.upper()}{_LOWERS_TO.get(char, '')}]" for char in word)


# The tokenizer. Names, values and separators use html.parser's own character classes
# (`tagfind_tolerant`, `attrfind_tolerant`), narrowed where that keeps the grammar unambiguous.
# The tag name and each attribute are atomic, so they are read as html.parser reads them, left to
# right: a regex that backtracked could find another split (a no-break space is part of a name).
_TAG_NAME = r"[a-zA-Z][^\t\n\r\f />\x00]*+"
_ATTR_NAME = r"""[^\s/>"'=][^\s/=>"']*"""
_VALUE = r"""(?:"[^"]*"|'[^']*'|(?!['"])[^>\s]*)"""
_ATTR = rf"""\s+({_ATTR_NAME})(?:\s*=+\s*(?:"([^"]*)"|'([^']*)'|((?!['"])[^>\s]*)))?"""
# An attribute with nothing to record on an ordinary tag: not `id`, not an `on…` handler.
_NOT_RECORDED = rf"(?!{_any_case('on')}|{_any_case('id')}(?![^\s/=>]))"
_PLAIN_ATTR = rf"\s+{_NOT_RECORDED}{_ATTR_NAME}(?:\s*=+\s*{_VALUE})?"
# A start tag as the tokenizer reads it; a page with one written otherwise goes to html.parser.
_START_TAG = re.compile(rf"<(?P<tag>{_TAG_NAME})(?P<attrs>(?>{_ATTR})*+)\s*(?P<close>/?)>")
# Tags that are read whatever their attributes: links, resources, and raw-text elements.
_SPECIAL = "|".join(
    _any_case(name) for name in sorted({"a", "area", "link", "script", "style", *RESOURCE_ATTRS})
)
_TOKEN = re.compile(
    rf"""
    (?:                                  # skipped inside the regex engine:
        [^<]+                            # text
      | </[^>]*>                         # end tags
      | <(?!(?:{_SPECIAL})[\t\n\r\f />]){_TAG_NAME}(?>{_PLAIN_ATTR})*+\s*/?>  # nothing to record
      | <!--.*?--\s*>                    # comments
      | <!(?!\[)[^>]*>                   # doctype, bogus comments
      | <\?[^>]*>                        # processing instructions
      | <(?![a-zA-Z/!?])                 # a lone "<" in text
    )*+
    (?:
        (?P<start_tag>{_START_TAG.pattern})  # a tag to record
      | (?P<odd><)                       # anything else: html.parser reads the page
      | \Z
    )
    """,
    re.VERBOSE | re.DOTALL,
)
_ATTRS = re.compile(_ATTR)
# html.parser's end of raw text (`set_cdata_mode`), and its end tag (`endtagfind`).
_RAW_TEXT_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}
_END_TAG = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")


@functools.lru_cache(maxsize=1 << 14)
def _read_start_tag(text: str) -> tuple[_TagNotes, bool]:
    """A start tag's notes, and whether it closes itself (`<script/>`), from its text.

    Read once per distinct text: menus, headers and footers repeat the same tags on every page
    (1,136 pages hold 89,500 tags that matter, of 5,300 kinds).
    """
    match = _START_TAG.fullmatch(text)
    assert match, text  # `_TOKEN` found it with the same pattern
    values: dict[str, str] = {}
    for name, double, single, bare in _ATTRS.findall(match["attrs"]):
        value = double or single or bare
        values[name.lower()] = unescape(value) if "&" in value else value
    return _notes(match["tag"].lower(), values), bool(match["close"])


class _Tokenizer:
    """One page read with `_TOKEN`; `run` gives None when the page needs html.parser."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.scan = PageScan()
        self.unclosed = False  # a script or style whose end never comes
        self._line, self._counted = 1, 0

    def run(self) -> PageScan | None:
        pos: int | None = 0
        while pos is not None:
            for match in _TOKEN.finditer(self.html, pos):
                if match["start_tag"] is None:  # the page's end, or a construct for html.parser
                    return None if match["odd"] is not None else self.scan
                pos = self._start_tag(match)
                if pos != match.end():  # after raw text, or at raw text that never ends
                    break
        return self.scan

    def _line_at(self, index: int) -> int:
        # Counted onwards from the last tag, as html.parser's `updatepos` does.
        self._line += self.html.count("\n", self._counted, index)
        self._counted = index
        return self._line

    def _start_tag(self, match: re.Match[str]) -> int | None:
        """Record one start tag; where reading goes on, or None at an unclosed raw text."""
        notes, self_closing = _read_start_tag(match["start_tag"])
        line, end = self._line_at(match.start("start_tag")), match.end()
        notes.add_to(self.scan, line)
        if self_closing:  # html.parser calls handle_starttag then handle_endtag
            if notes.inline_script:
                self.scan.inline_scripts.append((line, ""))
            return end
        if notes.tag not in _RAW_TEXT_END:
            return end
        closing = self._raw_text_end(notes.tag, end)
        if closing is None:
            self.unclosed = True
            return None
        if notes.inline_script:
            self.scan.inline_scripts.append((line, self.html[end : closing.start()]))
        return closing.end()

    def _raw_text_end(self, tag: str, start: int) -> re.Match[str] | None:
        for match in _RAW_TEXT_END[tag].finditer(self.html, start):
            end_tag = _END_TAG.match(self.html, match.start())
            if end_tag and end_tag[1].lower() == tag:
                return match
        return None


class _Parser(HTMLParser):
    """The standard library's reading, for pages outside the tokenizer's grammar."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._script: list[str] | None = None
        self._script_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        notes = _notes(tag, {name: value or "" for name, value in attrs})
        notes.add_to(self.scan, line)
        if notes.inline_script:
            self._script, self._script_line = [], line

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scan.inline_scripts.append((self._script_line, "".join(self._script)))
            self._script = None


def scan_page(html: str) -> PageScan:
    """What one page holds, read by the tokenizer or, outside its grammar, by html.parser."""
    scan = _Tokenizer(html).run()
    if scan is None:
        parser = _Parser()
        parser.feed(html)
        parser.close()
        scan = parser.scan
    return scan


def fragment_scan(html: str) -> PageScan | None:
    """The scan of a fragment that leaves the reader as it found it (in text, nothing open);
    None for one that would change how what follows it is read, or needs html.parser."""
    tokenizer = _Tokenizer(html)
    scan = tokenizer.run()
    return None if scan is None or tokenizer.unclosed else scan


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


@functools.lru_cache(maxsize=1 << 16)
def _inside(url: str) -> tuple[str, str] | None:
    """(path, fragment) of a link within the site; None for other hosts, mail and phone.

    Asked once per distinct URL: the navigation repeats the same links on every page."""
    if _is_external(url) or url.startswith(("mailto:", "tel:")):
        return None
    parts = urlsplit(url)
    return unquote(parts.path), parts.fragment


def _resolve(page: str, path: str, base: str) -> str:
    """`_target` for a link within the site, by string work for the usual relative links."""
    if not path or path.startswith("/") or "\\" in path:
        return _target(page, path, base)[0]
    up, rest = 0, path
    while rest.startswith("../"):
        up, rest = up + 1, rest[3:]
    segments = rest.removesuffix("/").split("/") if rest else []
    folder = page.rpartition("/")[0]
    parts = folder.split("/") if folder else []
    if up > len(parts) or any(s in ("", ".", "..") for s in segments):  # the rest: as normpath
        return posixpath.normpath(posixpath.join(folder, path))
    return "/".join(parts[: len(parts) - up] + segments) or "."


def _site_paths(site: Path, known: set[str] | None = None) -> tuple[set[str], set[str]]:
    """The site's folders ("." for its root) and files, as paths relative to the root.

    `known`: the files, when the caller knows them (then the folder is not walked)."""
    # Looked up once: a site of a thousand pages holds tens of thousands of links.
    if known is not None:
        folders = {"."}
        for path in known:
            while "/" in path:
                path = path.rpartition("/")[0]
                if path in folders:
                    break
                folders.add(path)
        return folders, known
    folders, files = {"."}, set[str]()
    for root, subfolders, names in os.walk(site, followlinks=True):
        folder = Path(root).relative_to(site).as_posix()
        prefix = "" if folder == "." else f"{folder}/"
        folders.update(prefix + name for name in subfolders)
        files.update(prefix + name for name in names)
    return folders, files


def broken_links(
    site: Path,
    pages: dict[str, PageScan] | None = None,
    base: str = "/",
    known: set[str] | None = None,
) -> list[str]:
    """Links and anchors inside the site that lead nowhere, as 'page:line: url' lines."""
    pages = pages if pages is not None else scan_site(site)
    folders, files = _site_paths(site, known)
    problems: list[str] = []
    for page, scan in pages.items():
        for ref in scan.refs:
            if (inside := _inside(ref.value)) is None:
                continue
            link, fragment = inside
            path = _resolve(page, link, base) if link else page
            if path.startswith(".."):
                problems.append(f"{page}:{ref.line}: {ref.value} leads outside the site")
                continue
            if path in folders:
                path = f"{path}/index.html".lstrip("./")
            if path not in files:
                problems.append(f"{page}:{ref.line}: {ref.value} leads to a missing page")
                continue
            target = pages.get(path if path != "." else "index.html")
            if fragment and target is not None and fragment not in target.ids:
                problems.append(f"{page}:{ref.line}: {ref.value} names a missing anchor")
    return problems


def foreign_resources(
    site: Path, pages: dict[str, PageScan] | None = None, known: set[str] | None = None
) -> list[str]:
    """Anything the site would load from another host, in pages and in style sheets."""
    pages = pages if pages is not None else scan_site(site)
    problems = [
        f"{page}:{ref.line}: <{ref.tag} {ref.attr}> loads {ref.value}"
        for page, scan in pages.items()
        for ref in scan.refs
        if ref.is_resource and (_is_external(ref.value) and not ref.value.startswith("data:"))
    ]
    sheets = (
        (site / p for p in sorted(known) if p.endswith(".css")) if known else site.rglob("*.css")
    )
    for css in sorted(sheets):
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
    return path.startswith(OWN_SCRIPT_FOLDERS)


def check_site(
    site: Path,
    pages: dict[str, PageScan],
    files: Iterable[str],
    site_url: str,
    unread: Iterable[str] = (),
) -> list[str]:
    """Every problem of a written site: broken links and anchors, foreign hosts and scripts.

    `pages` may be scans made from parts (`generator/publish/scans.py`), whose line numbers are
    those of their parts: a page with a problem is read whole again to name its lines.
    `unread`: files not there yet (links to them count, their style sheets are read later)."""
    base = urlsplit(site_url or "/").path or "/"
    paths = set(files)
    sheets = paths - set(unread)

    def problems(scans: dict[str, PageScan]) -> list[str]:
        found = broken_links(site, scans, base, paths)
        return found + foreign_resources(site, scans, sheets) + foreign_scripts(scans, base)

    found = problems(pages)
    if not found:
        return []
    named = {line.split(":", 1)[0] for line in found}
    exact = {
        **pages,
        **{page: scan_page((site / page).read_text("utf-8")) for page in named if page in pages},
    }
    return problems(exact)


def check_written(site: Path, written: Written, site_url: str, failure: type[Exception]) -> None:
    """Raise `failure` with every problem of the written site, if it has any."""
    Checking(site, written, site_url).finish(written, failure)


class Checking:
    """The output checks of a written site, run in a thread from now on: the search index
    may still be in the making meanwhile (Pagefind runs in a process of its own). Files still
    to come (`coming`: the part of the index the pages load) count as there, and are looked
    for when the checks are finished."""

    def __init__(
        self,
        site: Path,
        written: Written,
        site_url: str,
        coming: Iterable[str] = (),
        *,
        passed: bool = False,
    ) -> None:
        """`passed`: these very files passed the checks before; nothing is checked again."""
        self._site, self._coming = site, () if passed else tuple(coming)
        pages, files = dict(written.pages), {*written.files, *self._coming}  # as they are now
        self._found: list[str] = []
        self._error: BaseException | None = None

        def run() -> None:
            try:
                self._found = check_site(site, pages, files, site_url, unread=self._coming)
            except BaseException as error:  # raised where the result is asked for
                self._error = error

        self._thread = None if passed else threading.Thread(target=run, name="output checks")
        if self._thread is not None:
            self._thread.daemon = True
            self._thread.start()

    def finish(self, written: Written, failure: type[Exception]) -> None:
        """Raise `failure` with every problem found, if any (or what stopped the checks)."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        missing = [f"{path}: not made" for path in self._coming if path not in written.files]
        made = {path for path in self._coming if path in written.files}
        problems = self._found + missing + (foreign_resources(self._site, {}, made) if made else [])
        if problems:  # nothing broken is published
            raise failure("The built site failed its checks:\n" + "\n".join(problems))
