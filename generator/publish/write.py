"""Write a site: the host's files, every page in its frame, every file made from data.

Each output is made through the memo (`generator/memo.py`): kept from an earlier build while
what it read is unchanged, made again otherwise. A page's content goes into its frame
(`generator/render/frame.py`); charts still drawing in the background go in last, so drawing
overlaps the rest. Every file has a key (the digest of what it is made of): one whose key is
the one the site holds already is left as it is (`generator/publish/target.py`). Each page is
scanned for the output checks from its parts, and handed to the search index when written.

Two processes write (`generator/publish/alongside.py`): this one the pages, a forked copy the
downloads and then the feeds. In a build of many pages the copy joins in on the tender pages
once its downloads are made, each page taken once from a counter both share, and hands their
search documents back before it makes the feeds, which then overlap Pagefind.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import urljoin

from generator.base.urls import relative
from generator.charts.svg import SvgRenderer
from generator.export.downloads import Download, DownloadPlan, describe
from generator.host.chrome import Chrome
from generator.inputs import Inputs, Reads, digest_text
from generator.memo import Memo, Store, value_digest
from generator.publish.alongside import CAN_FORK, Alongside
from generator.publish.checks import PageScan, scan_page
from generator.publish.scans import FrameScan, decode_scan, encode_scan, scan_fragment
from generator.publish.search_index import Feed, document
from generator.publish.target import Target
from generator.render.frame import Frame
from generator.render.pages import PagePlan, render_page
from generator.site import Site

if TYPE_CHECKING:
    from generator.publish.kept import BuildCache, Search


@dataclass(frozen=True)
class _Content:
    """A page's content as kept between builds: HTML, headings, charts' CSVs, its body's scan."""

    html: str
    headings: tuple[tuple[str, str], ...]
    csvs: tuple[tuple[str, str], ...]
    scan: PageScan | None

    def encode(self) -> bytes:
        """The rest as one line of JSON, then the HTML as it is: an unchanged page is put from
        the rest alone, and decoding the HTML as a JSON string took most of that time."""
        rest = {"headings": self.headings, "csvs": self.csvs, "scan": encode_scan(self.scan)}
        return json.dumps(rest, ensure_ascii=False).encode("utf-8") + b"\n" + self.html.encode()

    @classmethod
    def decode(cls, value: bytes) -> _Content:
        line, _, html = value.partition(b"\n")  # JSON without indentation holds no newline
        kept = json.loads(line)
        headings = tuple((a, b) for a, b in kept["headings"])
        csvs = tuple((a, b) for a, b in kept["csvs"])
        return cls(html.decode(), headings, csvs, decode_scan(kept["scan"]))


@dataclass
class _Frames:
    """The frames with the policy in place, each with its digest and its scan, made once."""

    frames: dict[tuple[str, bool], Frame]
    _digests: dict[tuple[str, bool], str] = field(default_factory=dict)
    _scans: dict[tuple[str, bool], FrameScan] = field(default_factory=dict)

    def key(self, plan: PagePlan, headings: bool) -> tuple[str, bool]:
        return (
            (plan.frame, headings) if (plan.frame, headings) in self.frames else (plan.frame, True)
        )

    def digest(self, key: tuple[str, bool]) -> str:
        if key not in self._digests:
            self._digests[key] = digest_text(self.frames[key].text())
        return self._digests[key]

    def scan(self, key: tuple[str, bool]) -> FrameScan:
        if key not in self._scans:
            self._scans[key] = FrameScan.of(self.frames[key])
        return self._scans[key]


class Writing:
    """`site` written into `target`, begun before the host renders the chrome: the process
    alongside makes the downloads meanwhile (they need no frame); `finish` writes the rest
    once the chrome is there. Used as a block: a failure stops the process alongside."""

    def __init__(self, site: Site, target: Target, kept: BuildCache) -> None:
        self.site, self.target, self.kept = site, target, kept
        self.feed = kept.feed()  # the pages for the search index, as they are written
        changed, self.unchanged, self.listing = _in_order(site.pages, kept.memo)
        self.own, either = _share(changed)
        self.shared = _Shared(_Later(), self.feed, either, _Either(site.downloads))
        side, shared, store = target.alongside(), self.shared, kept.store_path
        # forked: it sees all of the above and writes into the same site, store and search folder
        self.files = Alongside(lambda hand: _work_alongside(site, side, store, hand, shared))

    def __enter__(self) -> Writing:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None:
            self.files.stop()

    def finish(self, chrome: Chrome, add_policy: Callable[[str], str]) -> Search:
        """Write everything else; the search index is started on the way."""
        site, target, kept, feed = self.site, self.target, self.kept, self.feed
        memo, step, files, either = kept.memo, target.written.steps, self.files, self.shared.pages
        with step("host files"):
            _put_host(chrome, add_policy, target, feed)
        frames = _Frames({k: Frame.parse(add_policy(f.text())) for k, f in chrome.frames.items()})
        self.shared.frames.put(frames)  # for the pages the process alongside takes
        with step("pages"):  # what changed first: it shows in `serve` as soon as it is written
            _put_pages(site, self.own, frames, target, memo, kept.charts, [], feed)
            while (plan := either.take()) is not None:  # until none is left to take
                _put_pages(site, [plan], frames, target, memo, kept.charts, [], feed)
        with step("downloads"):  # the Open data page lists them with their sizes
            made = _put_downloads(site, self.shared.downloads, target, memo)  # those still to make
            downloads = _in_plan_order(site, made + files.early())
            site.world.extra["downloads"] = digest_text(describe(downloads))
        with step("pages"):
            _put_pages(site, self.listing, frames, target, memo, kept.charts, downloads, feed)
        with step("pages alongside"):  # their search documents are written, the feeds not yet
            feed.took(files.early())
        with step("pages"):
            for plan in self.unchanged:  # their documents are there: Pagefind can start now
                if plan.searchable and (digest := memo.kept_digest(plan.output)) is not None:
                    feed.add("/" + plan.url, digest, _document_of(plan, memo))
        search = kept.start_search(feed, target)  # on the other core, while the rest is put
        with step("pages"):
            _put_pages(site, self.unchanged, frames, target, memo, kept.charts, downloads, feed)
        with step("files"):  # the feeds, made alongside while Pagefind runs
            _take(files.result(), target, memo)
        return search


def _take(part: dict[str, Any], target: Target, memo: Memo) -> None:
    """What the process alongside wrote and made, taken into this build's record."""
    target.take(part)
    memo.stats.made += part["made"]
    memo.stats.reused += part["reused"]
    memo.stats.outputs += part["outputs"]


_FORK = multiprocessing.get_context("fork") if CAN_FORK else None
_Plan = TypeVar("_Plan")
_Value = TypeVar("_Value")


class _Either(Generic[_Plan]):
    """Work either process does, each item taken once by whichever is free first (a counter
    both share). Where there is no fork, this process takes them all."""

    def __init__(self, plans: Sequence[_Plan]) -> None:
        self.plans = plans
        self._next = _FORK.Value("l", 0) if _FORK is not None else None
        self._here = 0

    def take(self) -> _Plan | None:
        if self._next is None:
            at, self._here = self._here, self._here + 1
        else:
            with self._next.get_lock():
                at = self._next.value
                self._next.value = at + 1
        return self.plans[at] if at < len(self.plans) else None


class _Later(Generic[_Value]):
    """A value this process has later, for the process alongside too (through a queue made
    before the fork, which sends it from a thread: `put` never waits for the other process);
    where there is no fork, the work alongside runs after `put`."""

    def __init__(self) -> None:
        self._value: _Value | None = None
        self._queue = _FORK.Queue() if _FORK is not None else None
        self._parent = os.getpid()

    def put(self, value: _Value) -> None:
        self._value = value
        if self._queue is not None:
            self._queue.put(value)
            self._queue.cancel_join_thread()  # a process alongside that is done need not read

    def there(self) -> bool:
        """Whether the value is here (it does not wait)."""
        if self._value is None and self._queue is not None:
            try:
                self._value = self._queue.get_nowait()
            except queue.Empty:
                return False
        return self._value is not None

    def get(self) -> _Value:
        """The value; in the process alongside, it waits for it the first time."""
        while self._value is None:
            if self._queue is None:
                raise RuntimeError("asked for a value not yet there")
            try:
                self._value = self._queue.get(timeout=1)
            except queue.Empty:
                if os.getppid() != self._parent:
                    raise RuntimeError("the build stopped before the chrome was there") from None
        return self._value


def _share(changed: list[PagePlan]) -> tuple[list[PagePlan], _Either[PagePlan]]:
    """The pages to render here first, and those either process may render: in a build of
    many, the tender pages (no charts: nothing waits on the drawing)."""
    if len(changed) <= _MANY:
        return changed, _Either([])
    return [p for p in changed if not _is_tender(p)], _Either([p for p in changed if _is_tender(p)])


@dataclass(frozen=True)
class _Shared:
    """The work both processes take from, and what the process alongside needs for pages."""

    frames: _Later[_Frames]  # once the chrome is there
    feed: Feed
    pages: _Either[PagePlan]
    downloads: _Either[DownloadPlan]


def _work_alongside(
    site: Site, target: Target, store: Path | None, hand: Callable[[Any], None], shared: _Shared
) -> dict[str, Any]:
    """In the process alongside: the downloads, then pages the build shares, each part handed
    back as soon as it is made (the Open data page lists the downloads; the search index
    needs the pages); then the feeds, the sitemap and the images, made while Pagefind runs.
    Returns what was written."""
    memo = Memo(site.world, Store(store))
    charts = SvgRenderer(cache_dir=None)  # the shared pages have none; drawn here if they had
    added = shared.feed.watch()
    try:
        with target.written.steps("downloads"):
            hand(_put_downloads(site, shared.downloads, target, memo, shared.frames))
        with target.written.steps("pages"):
            while (plan := shared.pages.take()) is not None:
                frames = shared.frames.get()
                _put_pages(site, [plan], frames, target, memo, charts, [], shared.feed)
            hand(added)
        with target.written.steps("files"):
            _put_other_files(site, target, memo)
    finally:
        memo.store.close()
        charts.close()
    return {
        **target.handed_back(),
        "made": memo.stats.made,
        "reused": memo.stats.reused,
        "outputs": memo.stats.outputs,
    }


def _put_other_files(site: Site, target: Target, memo: Memo) -> None:
    """The feeds, the sitemap and the images."""
    for plan in site.files:
        if plan.source is not None:
            source = plan.source
            target.put(plan.path, value_digest(source.read_bytes()), source.read_bytes)
        elif plan.produce is not None:
            produce = plan.produce
            if plan.kept:
                # mypy cannot type a lambda with a default argument (python/mypy#15459)
                content = _Lazy(lambda p=produce, o=plan.output: memo.make(o, p))  # type: ignore[misc]
                key = memo.kept_digest(plan.output) or value_digest(content())
            else:
                content = _Lazy(lambda p=produce: p(Inputs(memo.world, Reads(), memo)))  # type: ignore[misc]
                key = value_digest(content())
            target.put(plan.path, key, content)


class _Lazy:
    """A value made once, when first asked for."""

    _value: bytes | None

    def __init__(self, make: Callable[[], bytes]) -> None:
        self._make, self._value = make, None

    def __call__(self) -> bytes:
        if self._value is None:
            self._value = self._make()
        return self._value


def _put_host(chrome: Chrome, add_policy: Callable[[str], str], target: Target, feed: Feed) -> None:
    """The host's files (assets, hand-written pages); its pages get the policy on the way."""
    origin = chrome.key or f"scratch:{id(chrome)}"
    for source in sorted(chrome.files.rglob("*")):
        if source.is_dir():
            continue
        path = source.relative_to(chrome.files).as_posix()
        if not path.endswith(".html"):
            target.put(path, f"{origin}:{path}", source.read_bytes)
            continue
        html = add_policy(source.read_text(encoding="utf-8"))
        target.put(path, digest_text(origin, path, html), html.encode)
        target.written.pages[path] = scan_page(html)
        if "data-pagefind-body" in html:
            url = "/" + path.removesuffix("index.html")
            # mypy cannot type a lambda with a default argument (python/mypy#15459)
            feed.add(url, digest_text(html), lambda h=html: h)  # type: ignore[misc]


def _put_downloads(
    site: Site,
    plans: _Either[DownloadPlan],
    target: Target,
    memo: Memo,
    frames: _Later[_Frames] | None = None,
) -> list[Download]:
    """The open-data files this process takes (the other makes the rest), without their bytes.

    `frames`: in the process alongside, nothing is put in the site before the chrome is there
    (a host that fails stops the build with the site untouched); those made meanwhile wait."""
    downloads: list[Download] = []
    waiting: list[tuple[DownloadPlan, bytes]] = []

    def put() -> None:
        for plan, content in waiting:
            # mypy cannot type a lambda with a default argument (python/mypy#15459)
            target.put(plan.path, value_digest(content), lambda c=content: c)  # type: ignore[misc]
            downloads.append(replace(Download.made(plan, content), content=b""))
        waiting.clear()

    while (plan := plans.take()) is not None:
        waiting.append((plan, memo.make(f"file:{plan.path}", plan.produce)))
        if frames is None or frames.there():
            put()
    if waiting and frames is not None:
        frames.get()
    put()
    return downloads


def _in_plan_order(site: Site, downloads: list[Download]) -> list[Download]:
    """The downloads both processes made, in the order they were planned."""
    order = {plan.path: at for at, plan in enumerate(site.downloads)}
    return sorted(downloads, key=lambda made: order[made.path])


def _put_pages(
    site: Site,
    plans: list[PagePlan],
    frames: _Frames,
    target: Target,
    memo: Memo,
    renderer: SvgRenderer,
    downloads: list[Download],
    feed: Feed,
) -> None:
    """Every page: its content kept or rendered, then in its frame; drawn charts go in last."""
    waiting: list[tuple[PagePlan, _Content, Reads]] = []
    for plan in plans:
        kept = memo.kept(plan.output)
        if kept is not None:
            _put_page(site, plan, _Content.decode(kept), value_digest(kept), frames, target, feed)
            continue
        reads = Reads()
        rendered = render_page(plan, Inputs(site.world, reads, memo), renderer, downloads)
        csvs = tuple((p.csv_name, p.figure.csv().decode("utf-8")) for p in rendered.charts)
        content = _Content(rendered.html, rendered.headings, csvs, None)
        if renderer.waiting(content.html):
            waiting.append((plan, content, reads))
            continue
        _finish(site, plan, content, reads, memo, frames, target, feed)
    for plan, content, reads in waiting:
        filled = _Content(renderer.fill(content.html), content.headings, content.csvs, None)
        _finish(site, plan, filled, reads, memo, frames, target, feed)


_MANY = 100


def _in_order(
    plans: tuple[PagePlan, ...], memo: Memo
) -> tuple[list[PagePlan], list[PagePlan], list[PagePlan]]:
    """The pages in the order they are written (which changes no byte of them): those to
    render, pages that may hold charts among them first (so the drawing overlaps the rest);
    the pages that list the downloads (made after them); the pages kept from the last build."""
    listing = [plan for plan in plans if plan.lists_downloads]
    rest = [plan for plan in plans if not plan.lists_downloads]
    changed = {id(plan) for plan in rest if memo.kept_digest(plan.output) is None}
    to_render = [plan for plan in rest if id(plan) in changed]
    if len(to_render) > _MANY:  # a build of much: charts first, their drawing overlaps the rest
        to_render.sort(key=_is_tender)
    else:  # a few changes (an edit in `serve`): the record pages first, they show at once
        to_render.sort(key=lambda plan: plan.record is None)
    return to_render, [plan for plan in rest if id(plan) not in changed], listing


def _is_tender(plan: PagePlan) -> bool:
    return plan.record is not None and plan.record[0] == "tender"


def _finish(
    site: Site,
    plan: PagePlan,
    content: _Content,
    reads: Reads,
    memo: Memo,
    frames: _Frames,
    target: Target,
    feed: Feed,
) -> None:
    """Scan a newly rendered page's body, keep the page, and put it in the site."""
    scanned = _Content(content.html, content.headings, content.csvs, scan_fragment(content.html))
    value = scanned.encode()
    digest = memo.keep(plan.output, reads.deps, value)
    _put_page(site, plan, scanned, digest, frames, target, feed)


def _put_page(
    site: Site,
    plan: PagePlan,
    content: _Content,
    digest: str,
    frames: _Frames,
    target: Target,
    feed: Feed,
) -> None:
    """Put one page in the site, and note it for the search index."""
    key = frames.key(plan, bool(content.headings))
    canonical = urljoin(site.settings.site_url, plan.url)
    alternate = relative(plan.url, plan.alternate)
    path = f"{plan.url}index.html"
    parts = (frames.digest(key), digest, plan.title, plan.description, canonical, alternate)

    def html() -> str:
        return frames.frames[key].fill(
            title=plan.title,
            description=plan.description,
            canonical=canonical,
            alternate=alternate,
            body=content.html,
            headings=content.headings,
        )

    page = _Lazy(lambda: html().encode("utf-8"))
    target.put(path, digest_text(*parts), page)
    if content.scan is not None:
        scan = frames.scan(key).page(alternate, canonical, content.headings, content.scan)
    else:  # a body the tokenizer cannot read apart from its page: the page is read whole
        scan = scan_page(page().decode("utf-8"))
    target.written.pages[path] = scan
    for name, text in content.csvs:
        target.put(f"{plan.url}{name}", digest_text(digest, name), text.encode)
    if plan.searchable:  # its content is at hand: the document is made from it if needed
        feed.add("/" + plan.url, digest, lambda: document(plan.lang, content.html))


def _document_of(plan: PagePlan, memo: Memo) -> Callable[[], str]:
    """How to get a page's document for the search index: read again from the store, only if
    Pagefind must run (so no page's content is held meanwhile)."""
    lang, output, again = plan.lang, plan.output, memo.store.value

    def read() -> str:
        return document(lang, _Content.decode(again(output) or b"").html)

    return read
