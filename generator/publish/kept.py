"""What builds keep for the next one: outputs, drawn charts, the chrome, the search index, and
what the last site holds; and the few decisions a build takes on them.

Everything is kept under the build cache (`Settings.cache`, `.cache/` by default), keyed by all
it depends on: deleting the folder makes the next build slower, never different.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from generator.charts.svg import SvgRenderer, Workers
from generator.host.chrome import Chrome, HostFailed, render_chrome
from generator.inputs import digest_text
from generator.memo import Memo, Store
from generator.problems import Report
from generator.publish import search_index
from generator.publish.search_index import BUNDLE, Feed, Indexer
from generator.publish.target import Target, Written
from generator.publish.write import search_order
from generator.reports import format_text
from generator.site import Site, history_note
from generator.source.load import FileCache


class BuildFailed(Exception):
    """The build stopped; the message says why, for the person who must fix it."""


def report_or_stop(report: Report, lang: str, out: TextIO) -> None:
    """Stop on errors in the data or the site; show warnings (time alone must not stop a build)."""
    if not report.ok():
        raise BuildFailed(
            "The data are not valid; nothing was built.\n" + format_text(report, lang)
        )
    if report.warnings:
        print(format_text(report, lang), file=out)


class Warm:
    """What a long-running process (`mvi-site serve`) keeps from one build to the next: the
    files it read, and the worker that draws charts."""

    def __init__(self) -> None:
        self.files = FileCache()
        self.workers = Workers()

    def close(self) -> None:
        self.workers.close()


class BuildCache:
    """The cache of one build: its memo of outputs, its chart renderer, and the rest."""

    def __init__(
        self, root: Path | None, site: Site, site_dir: Path, out: TextIO, warm: Warm | None = None
    ) -> None:
        self.root, self.site, self.site_dir, self.out = root, site, site_dir, out
        self.store = Store(root / "outputs.sqlite" if root else None)
        self.memo = Memo(site.world, self.store)
        self.charts = SvgRenderer(
            cache_dir=root / "charts" if root else None,
            background=True,
            workers=warm.workers if warm else None,
        )
        self.catching_up: threading.Thread | None = None  # the search index, after a swap
        self.written = Written()
        if note := history_note(site.world.history):
            print(note, file=out)

    def __enter__(self) -> BuildCache:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.charts.close()
        self.store.close()
        if kind is None:
            print(self.charts.stats.line(), file=self.out)
            print(self.memo.stats.line(), file=self.out)

    def chrome(self) -> Chrome:
        """The host's frames and hand-written pages, kept while theme and pages are the same."""
        scratch = self.site_dir.with_name(f".{self.site_dir.name}.host")
        try:
            cache = self.root / "host" if self.root else None
            chrome = render_chrome(self.site.host_request(), cache, scratch)
        except HostFailed as error:
            raise BuildFailed(str(error)) from None
        print(chrome.line(), file=self.out)
        return chrome

    def target(self) -> Target:
        """The site folder, to change in place: what the last build left there stays if same."""
        return Target(self.site_dir, self.store.published(self.site_dir))

    def feed(self, chrome: Chrome, add_policy: Callable[[str], str]) -> Feed:
        """The pages for the search index, in its order: hand-written pages, then tenders,
        then the rest (written first, some last of all while their charts are drawn)."""
        host = [url for url, _ in self._host_search(chrome, add_policy)]
        return Feed(host + ["/" + plan.url for plan in search_order(self.site.pages)])

    def search(self, target: Target, feed: Feed, later: bool) -> None:
        """The search bundle in the site: kept, or made by Pagefind from the fed pages.

        `later`: the last site's bundle stays for now, the new one goes in once it is made."""
        cache, key = self.root / "search" if self.root else None, feed.key()
        stats = search_index.reuse(key, self._fresh, cache)
        if stats is not None:
            feed.close()
        elif later and (self.site_dir / BUNDLE / "pagefind-entry.json").is_file():
            target.keep(f"{BUNDLE}/")
            self.catching_up = threading.Thread(target=self._catch_up, args=(feed.start(), key))
            return
        else:
            stats = feed.start().finish(self._fresh)
            search_index.keep(self._fresh, cache, key)
        for file in sorted(self._fresh.rglob("*")):
            if file.is_file():
                path = f"{BUNDLE}/{file.relative_to(self._fresh).as_posix()}"
                target.put(path, f"{key}:{path}", file.read_bytes)
        shutil.rmtree(self._fresh, ignore_errors=True)
        print(stats.line(), file=self.out)

    def published(self, written: Written) -> None:
        """Remember what the site now holds, and start the search catching up if it must."""
        self.store.publish(self.site_dir, written.files)
        self.written = written
        print(written.line(), file=self.out)
        if self.catching_up is not None:
            print(
                "Search index: updating in the background (until then, the last one)", file=self.out
            )
            self.catching_up.start()

    @property
    def _fresh(self) -> Path:
        """Where a new bundle is made, beside the site."""
        return self.site_dir.with_name(f".{self.site_dir.name}.search")

    def _catch_up(self, indexer: Indexer, key: str) -> None:
        """Make the new bundle beside the site, then put it in place of the last one."""
        fresh, cache = self._fresh, self.root / "search" if self.root else None
        old = self.site_dir.with_name(f".{self.site_dir.name}.search-old")
        try:
            stats = indexer.finish(fresh)
            search_index.keep(fresh, cache, key)
            shutil.rmtree(old, ignore_errors=True)
            (self.site_dir / BUNDLE).rename(old)
            fresh.rename(self.site_dir / BUNDLE)
            files = {
                p: kept for p, kept in self.written.files.items() if not p.startswith(f"{BUNDLE}/")
            }
            for file in sorted((self.site_dir / BUNDLE).rglob("*")):
                if file.is_file():
                    path, stat = file.relative_to(self.site_dir).as_posix(), file.stat()
                    files[path] = (f"{key}:{path}", stat.st_size, stat.st_mtime_ns)
            self.store.publish(self.site_dir, files)
            print(stats.line().replace("indexed", "updated"), file=self.out)
        except (OSError, search_index.IndexFailed) as error:
            print(f"Search index: not updated ({error})", file=self.out)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)

    def _host_search(
        self, chrome: Chrome, add_policy: Callable[[str], str]
    ) -> list[tuple[str, str]]:
        """The hand-written pages the search index holds: (url, digest), in their order."""
        found = []
        for path in sorted(chrome.files.rglob("*.html")):
            html = add_policy(path.read_text(encoding="utf-8"))
            if "data-pagefind-body" in html:
                url = "/" + path.relative_to(chrome.files).as_posix().removesuffix("index.html")
                found.append((url, digest_text(html)))
        return found
