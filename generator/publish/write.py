"""Write a site into a folder: the host's files, every file made from data, every page in its frame.

Each output is made through the memo (`generator/memo.py`): kept from an earlier build while
what it read is unchanged, made again otherwise. A page's content goes into its frame
(`generator/render/frame.py`); charts still drawing in the background are put in place last, so
drawing overlaps the rest of the writing. Every HTML page is scanned as it is written, for the
output checks.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from generator.charts.svg import SvgRenderer
from generator.export.downloads import Download, describe
from generator.host.chrome import Chrome
from generator.inputs import Inputs, Reads, digest_text
from generator.memo import Memo
from generator.publish.checks import PageScan, scan_page
from generator.render.frame import Frame
from generator.render.pages import PagePlan, render_page
from generator.site import Site


@dataclass
class Written:
    """What was written: every HTML page scanned (by site path), and the figures of the work."""

    pages: dict[str, PageScan] = field(default_factory=dict)
    search: list[tuple[PagePlan, str]] = field(default_factory=list)  # each page's own content
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class _Content:
    """A page's content as kept between builds: HTML, headings, and its charts' CSV files."""

    html: str
    headings: tuple[tuple[str, str], ...]
    csvs: tuple[tuple[str, str], ...]

    def encode(self) -> bytes:
        value = {"html": self.html, "headings": self.headings, "csvs": self.csvs}
        return json.dumps(value, ensure_ascii=False).encode("utf-8")

    @classmethod
    def decode(cls, value: bytes) -> _Content:
        kept = json.loads(value)
        headings = tuple((a, b) for a, b in kept["headings"])
        return cls(kept["html"], headings, tuple((a, b) for a, b in kept["csvs"]))


def write_site(
    site: Site,
    chrome: Chrome,
    add_policy: Callable[[str], str],
    target: Path,
    memo: Memo,
    renderer: SvgRenderer,
) -> Written:
    """Write everything `site` holds into `target` (which must not exist yet)."""
    written = Written()
    with _timed(written, "host files"):
        _copy_host(chrome.files, target, add_policy, written)
    frames = {key: Frame.parse(add_policy(frame.text())) for key, frame in chrome.frames.items()}
    with _timed(written, "downloads"):
        downloads = _write_downloads(site, target, memo)
    site.world.extra["downloads"] = digest_text(describe(downloads))
    with _timed(written, "pages"):
        _write_pages(site, frames, target, memo, renderer, downloads, written)
    with _timed(written, "files"):
        for plan in site.files:
            path = target / plan.path
            path.parent.mkdir(parents=True, exist_ok=True)
            if plan.source is not None:
                shutil.copyfile(plan.source, path)
            elif plan.produce is not None:
                produce = plan.produce
                content = memo.make(plan.output, produce) if plan.kept else produce(_inputs(memo))
                path.write_bytes(content)
    return written


def _write_downloads(site: Site, target: Path, memo: Memo) -> list[Download]:
    downloads = []
    for plan in site.downloads:
        content = memo.make(f"file:{plan.path}", plan.produce)
        path = target / plan.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        downloads.append(Download.made(plan, content))
    return downloads


def _write_pages(
    site: Site,
    frames: dict[tuple[str, bool], Frame],
    target: Path,
    memo: Memo,
    renderer: SvgRenderer,
    downloads: list[Download],
    written: Written,
) -> None:
    """Every page: its content kept or rendered, then in its frame; drawn charts go in last."""
    waiting: list[tuple[PagePlan, _Content, Reads]] = []
    for plan in site.pages:
        kept = memo.kept(plan.output)
        if kept is not None:
            _write_page(site, plan, _Content.decode(kept), frames, target, written)
            continue
        reads = Reads()
        rendered = render_page(plan, Inputs(site.world, reads, memo), renderer, downloads)
        csvs = tuple(
            (placed.csv_name, placed.figure.csv().decode("utf-8")) for placed in rendered.charts
        )
        content = _Content(rendered.html, rendered.headings, csvs)
        if renderer.waiting(content.html):
            waiting.append((plan, content, reads))
            continue
        memo.keep(plan.output, reads.deps, content.encode())
        _write_page(site, plan, content, frames, target, written)
    for plan, content, reads in waiting:
        content = _Content(renderer.fill(content.html), content.headings, content.csvs)
        memo.keep(plan.output, reads.deps, content.encode())
        _write_page(site, plan, content, frames, target, written)


def _write_page(
    site: Site,
    plan: PagePlan,
    content: _Content,
    frames: dict[tuple[str, bool], Frame],
    target: Path,
    written: Written,
) -> None:
    frame = frames.get((plan.frame, bool(content.headings))) or frames[(plan.frame, True)]
    html = frame.fill(
        title=plan.title,
        description=plan.description,
        canonical=urljoin(site.settings.site_url, plan.url),
        alternate=_relative(plan.url, plan.alternate),
        body=content.html,
        headings=content.headings,
    )
    folder = target / plan.url
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(html, encoding="utf-8")
    for name, text in content.csvs:
        (folder / name).write_bytes(text.encode("utf-8"))
    written.pages[f"{plan.url}index.html"] = scan_page(html)
    if plan.searchable:
        written.search.append((plan, content.html))


def _relative(page: str, url: str) -> str:
    """A link from `page` to `url` as MkDocs' `url` filter writes it."""
    from generator.base.urls import relative

    return relative(page, url)


def _copy_host(
    files: Path, target: Path, add_policy: Callable[[str], str], written: Written
) -> None:
    """The host's files (assets, hand-written pages); its pages get the policy on the way."""
    for root, _, names in os.walk(files):
        folder = Path(root)
        into = target / folder.relative_to(files)
        into.mkdir(parents=True, exist_ok=True)
        for name in names:
            source, path = folder / name, into / name
            if name.endswith(".html"):
                html = add_policy(source.read_text(encoding="utf-8"))
                path.write_text(html, encoding="utf-8")
                written.pages[path.relative_to(target).as_posix()] = scan_page(html)
            else:
                _link_or_copy(source, path)


def _link_or_copy(source: Path, path: Path) -> None:
    """A hard link where the file system allows one (the kept file never changes), or a copy."""
    try:
        os.link(source, path)
    except OSError:
        shutil.copyfile(source, path)


def _inputs(memo: Memo) -> Inputs:
    return Inputs(memo.world, Reads(), memo)


class _timed:
    def __init__(self, written: Written, name: str) -> None:
        self.written, self.name = written, name

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *_: object) -> None:
        self.written.seconds[self.name] = time.perf_counter() - self.started
