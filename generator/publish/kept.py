"""What builds keep for the next one: outputs, drawn charts, the chrome, the search index, and
what the last site holds; and the few decisions a build takes on them.

Everything is kept under the build cache (`Settings.cache`, `.cache/` by default), keyed by all
it depends on: deleting the folder makes the next build slower, never different.
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TextIO

from generator.charts.svg import SvgRenderer, Workers
from generator.host.chrome import Chrome, HostFailed, render_chrome
from generator.inputs import digest_text
from generator.memo import Memo, Store, code_version
from generator.problems import Report
from generator.publish import search_index
from generator.publish.checks import Checking
from generator.publish.search_index import BUNDLE, ENTRY, UI_FILES, Feed, Run
from generator.publish.target import Target, Written
from generator.render.pages import keep_compiled_templates
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
        self.store_path = root / "outputs.sqlite" if root else None
        self.store = Store(self.store_path)
        self.memo = Memo(site.world, self.store)
        self.charts = SvgRenderer(
            cache_dir=root / "charts" if root else None,
            background=True,
            workers=warm.workers if warm else None,
        )
        keep_compiled_templates(root / "templates" if root else None)
        self.catching_up: threading.Thread | None = None  # the search index, after the commit
        self.written = Written()
        self._run: Run | None = None
        self._catching: Run | None = None  # the search index, catching up after the commit
        self._checked: str | None = None  # the digest of what the checks passed on
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
        if kind is not None and self._run is not None:  # the build failed: Pagefind need not go on
            self._run.close()
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

    def feed(self) -> Feed:
        """The pages for the search index, as documents in a folder kept between builds."""
        folder = self.root / "search" / "pages" if self.root else self._beside("search-pages")
        return Feed(folder)

    def start_search(self, feed: Feed, target: Target) -> Search:
        """Pagefind over the fed pages, started in the background, unless the site holds their
        bundle already or the cache keeps it."""
        key = feed.key()
        feed.settle()  # the documents stay for the next build, whether Pagefind runs or not
        if target.holds(f"{BUNDLE}/{ENTRY}", f"{key}:{BUNDLE}/{ENTRY}"):
            return Search(key, None, in_site=True)
        archive = self.root / "search" / f"{key}.zip" if self.root else None
        if archive is not None and archive.is_file():
            return Search(key, None, in_site=False)
        self._run = feed.run(self._beside("search"))
        return Search(key, self._run, in_site=False)

    def search(self, target: Target, started: Search, later: bool) -> None:
        """The search bundle in the site: as it is, from the cache, or from the Pagefind run.

        `later`: the last site's bundle stays for now, the new one goes in once it is made."""
        key, run, cache = started.key, started.run, self.root / "search" if self.root else None
        if started.in_site:
            target.keep(f"{BUNDLE}/")
            print("Search index: unchanged", file=self.out)
            return
        if run is None:
            fresh, stats = (
                self._beside("search"),
                search_index.reuse(key, self._beside("search"), cache),
            )
            if stats is None:
                raise BuildFailed("Search index: the kept bundle went missing; build again.")
        elif later and (self.site_dir / BUNDLE / ENTRY).is_file():
            target.keep(f"{BUNDLE}/")
            self.catching_up = threading.Thread(target=self._catch_up, args=(run, key))
            self._catching = run
            return
        else:
            fresh, stats = run.finish()
            search_index.keep(fresh, cache, key)
        target.put_folder(BUNDLE, fresh, key)
        print(stats.line(), file=self.out)

    def _beside(self, name: str) -> Path:
        """A folder beside the site, for work in progress."""
        return self.site_dir.with_name(f".{self.site_dir.name}.{name}")

    def checks(self, target: Target, search: Search) -> Checking:
        """The output checks of the written site, started in the background; none when the
        site holds the very files the last build's checks passed on, made by the same code
        for the same address (its search index included, by its key)."""
        url = self.site.settings.site_url
        files = sorted(f"{path}={kept[0]}" for path, kept in target.written.files.items())
        self._checked = digest_text(code_version(), url, search.key, *files)
        passed = self.store.checked(self.site_dir) == self._checked
        return Checking(self.site_dir, target.written, url, UI_FILES, passed=passed)

    def published(self, written: Written) -> None:
        """Remember what the site now holds, and start the search catching up if it must."""
        self.store.publish(self.site_dir, written.files, self._checked)
        self.written = written
        print(written.line(), file=self.out)
        if self.catching_up is not None:
            print(
                "Search index: updating in the background (until then, the last one)", file=self.out
            )
            self.catching_up.start()

    def stop_search(self) -> None:
        """Stop the search index catching up (the process stops): the last one stays."""
        if self._catching is not None:
            self._catching.close()

    def _catch_up(self, run: Run, key: str) -> None:
        """Wait for the new bundle, then put it in place of the last one (and remember it)."""
        cache = self.root / "search" if self.root else None
        old = self._beside("search-old")
        try:
            fresh, stats = run.finish()
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
            store = Store(self.store_path)  # the build's own is closed by now
            try:
                store.publish(self.site_dir, files)
            finally:
                store.close()
            print(stats.line().replace("indexed", "updated"), file=self.out)
        except (OSError, search_index.IndexFailed) as error:
            print(f"Search index: not updated ({error})", file=self.out)
        finally:
            shutil.rmtree(old, ignore_errors=True)


@dataclass(frozen=True)
class Search:
    """The search index as a build started it: its key, Pagefind's run (None when it need not
    run), and whether the site holds that bundle already."""

    key: str
    run: Run | None
    in_site: bool
