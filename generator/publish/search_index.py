"""The full-text search index: Pagefind over each page's own content, run beside the build.

Material's own search ships one index of the whole site, loaded whole on the first search:
megabytes at thousands of tenders. Pagefind splits its index into small chunks per language and
word range, so a first search downloads a few hundred kilobytes at any size. It indexes what is
marked `data-pagefind-body`: the page content, not the navigation; Dutch and English pages get
an index each (from `<html lang>`), with stemming. Lists of tenders are marked
`data-pagefind-ignore`: a tender is found on its own page.

Pagefind does not read the written site back: the build gives it a small document per page
(its language and its content) in a folder of their own, and runs it (the binary from PyPI,
`pagefind[bin]`, so no network) in the background while the feeds and other files are made.
Its command line reads the folder in a fixed order, so the same pages give the same bundle (its
service does not: it numbers pages as they arrive).

Indexing takes seconds, so the bundle is kept in the build cache under the digest of every
page's content, Pagefind's version and this module: a build whose pages are unchanged copies it
and does not run Pagefind at all. Only the latest bundle is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from markupsafe import escape

from generator.base.urls import lang_of

BUNDLE = "pagefind"
# Pagefind writes three interfaces; the search page uses the default one. The others would be
# published unused.
_UNUSED = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-highlight.js",
)
ENTRY = "pagefind-entry.json"
UI_FILES = (f"{BUNDLE}/pagefind-ui.css", f"{BUNDLE}/pagefind-ui.js")  # what the search page loads


class IndexFailed(Exception):
    """Pagefind could not index the site; the message says what it said."""


@dataclass(frozen=True)
class Record:
    """One page for the index: its address on the site and a document holding its content."""

    url: str  # "/aanbestedingskalender/x/"
    html: str

    @classmethod
    def of(cls, url: str, lang: str, body: str) -> Record:
        """A page made from data: its content, as the page holds it, in a document of its own."""
        return cls("/" + url, document(lang, body))

    def digest(self) -> str:
        return hashlib.blake2b(f"{self.url}\0{self.html}".encode(), digest_size=16).hexdigest()


@dataclass(frozen=True)
class IndexStats:
    pages: int
    files: int
    size: int
    seconds: float
    reused: bool = False

    def line(self) -> str:
        how = "taken from the cache (pages unchanged)" if self.reused else "indexed"
        return (
            f"Search index: {self.pages} pages, {self.files} files, "
            f"{self.size / 1e6:.1f} MB, {how} in {self.seconds:.2f} s"
        )


def document(lang: str, body: str) -> str:
    """The document Pagefind reads for a page made from data: its language and content."""
    return (
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8"></head>'
        f"<body><div data-pagefind-body>{body}</div></body></html>"
    )


def bundle_key(digests: Iterable[str]) -> str:
    """The key of a bundle made from pages with these digests."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{version('pagefind')}\n".encode())
    digest.update(Path(__file__).read_bytes())
    for item in digests:
        digest.update(item.encode() + b"\n")
    return digest.hexdigest()


# Pages up to which the languages are indexed at the same time (two processes, both cores);
# above, one after the other: half the memory (Pagefind held 2 GiB for 20,000 pages at once).
_AT_ONCE = 10_000


class Run:
    """Pagefind over a folder of documents per language, in the background until `finish`;
    the bundles are then put together as one. Pagefind makes an index per language anyway
    (each file name starts with its language), so a run per language makes the same files."""

    def __init__(self, folders: list[Path], output: Path, at_once: bool = True) -> None:
        self._started = time.perf_counter()
        self._output = output
        self._parts = [output.with_name(f"{output.name}.{folder.name}") for folder in folders]
        for place in (output, *self._parts):
            shutil.rmtree(place, ignore_errors=True)
        self._processes: list[subprocess.Popen[str]] = []
        self._stopped = False
        self._failure = ""
        jobs = list(zip(folders, self._parts, strict=True))
        batches = [jobs] if at_once else [[job] for job in jobs]
        self._thread = threading.Thread(
            target=self._run, args=(batches,), name="pagefind", daemon=True
        )
        self._thread.start()

    def _run(self, batches: list[list[tuple[Path, Path]]]) -> None:
        for batch in batches:
            if self._stopped:
                return
            started = [(self._start(folder, part), part) for folder, part in batch]
            for process, part in started:
                said, _ = process.communicate()
                if process.returncode != 0 or not (part / ENTRY).is_file():
                    self._failure = said.strip()[-2000:] or f"exit code {process.returncode}"
            if self._failure:
                return

    def _start(self, folder: Path, part: Path) -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "pagefind", "--site", str(folder)]
        process = subprocess.Popen(
            [*command, "--output-path", str(part)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._processes.append(process)
        return process

    def finish(self) -> tuple[Path, IndexStats]:
        """Wait for Pagefind; its bundle, tidied, and what it holds."""
        self._thread.join()
        try:
            if self._failure:
                raise IndexFailed(f"Pagefind could not index the site:\n{self._failure}")
            _merge(self._parts, self._output)
        except BaseException:
            shutil.rmtree(self._output, ignore_errors=True)
            raise
        finally:
            for part in self._parts:
                shutil.rmtree(part, ignore_errors=True)
        _tidy(self._output)
        return self._output, _stats(self._output, self._started, reused=False)

    def close(self) -> None:
        """Stop Pagefind if it still runs (`finish` then says so)."""
        self._stopped = True
        self._failure = self._failure or "stopped before it was done"
        for process in self._processes:
            if process.poll() is None:
                process.kill()
        self._thread.join()


def _merge(parts: list[Path], output: Path) -> None:
    """One bundle from bundles of one language each: every file, and one entry listing each
    language. A file both have (Pagefind's scripts) must be the same in both."""
    languages: dict[str, object] = {}
    entry: dict[str, object] = {}
    for part in parts:
        meta = json.loads((part / ENTRY).read_text(encoding="utf-8"))
        languages.update(meta.get("languages", {}))
        entry = {**meta, "languages": languages}
        for file in sorted(part.rglob("*")):
            if not file.is_file() or file.name == ENTRY:
                continue
            place = output / file.relative_to(part)
            if place.exists():
                if place.read_bytes() != file.read_bytes():
                    raise IndexFailed(f"Pagefind made two different {place.name} for two languages")
                continue
            place.parent.mkdir(parents=True, exist_ok=True)
            file.rename(place)
    output.mkdir(parents=True, exist_ok=True)
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    (output / ENTRY).write_text(text, encoding="utf-8")


class Feed:
    """The pages for the search index as the build writes them, each as a small document in a
    folder Pagefind reads. The folder is kept between builds (`folder`, in the build cache):
    a document whose page is unchanged is not written again."""

    _MANIFEST = ".pages-by-language.json"  # a folder laid out otherwise is made again

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        manifest = folder / self._MANIFEST
        try:  # the list is there only while the folder holds exactly what it says
            self._there = json.loads(manifest.read_text(encoding="utf-8"))
            manifest.unlink()
        except (OSError, ValueError):
            shutil.rmtree(folder, ignore_errors=True)
            self._there = {}
        self._pages: dict[str, str] = {}
        self._made: set[Path] = set()
        self._added: dict[str, str] | None = None

    def watch(self) -> dict[str, str]:
        """The pages added from now on (in a process alongside, to hand back to `took`)."""
        self._added = {}
        return self._added

    def took(self, added: dict[str, str]) -> None:
        """Pages another process added, their documents written."""
        self._pages.update(added)
        self._there.update(added)

    def add(self, url: str, digest: str, document: Callable[[], str]) -> None:
        """A page: its address, the digest of what it is made of, how to get its document."""
        self._pages[url] = digest
        if self._added is not None:
            self._added[url] = digest
        if self._there.get(url) == digest and (page := self._path(url)).is_file():
            return
        try:
            page = self._path(url)
            if page.parent not in self._made:
                page.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(page.parent)
            page.write_text(document(), encoding="utf-8")
        except OSError as error:
            raise IndexFailed(f"The search index could not be written: {error}") from None
        self._there[url] = digest

    def key(self) -> str:
        """The key of the bundle these pages make."""
        return bundle_key(f"{url}:{self._pages[url]}" for url in sorted(self._pages))

    def settle(self) -> None:
        """The folder holds these pages and no others, and says so (for the next build)."""
        for url in [url for url in self._there if url not in self._pages]:
            self._path(url).unlink(missing_ok=True)
            del self._there[url]
        self.folder.mkdir(parents=True, exist_ok=True)
        manifest = json.dumps(self._there, sort_keys=True)
        (self.folder / self._MANIFEST).write_text(manifest, encoding="utf-8")

    def run(self, output: Path) -> Run:
        """Start Pagefind over these pages (and no others) into `output`."""
        self.settle()
        languages = sorted({lang_of(url) for url in self._pages})
        at_once = len(self._pages) <= _AT_ONCE
        return Run([self.folder / lang for lang in languages], output, at_once)

    def _path(self, url: str) -> Path:
        """Where a page's document is: in its language's folder, at its address."""
        return self.folder / lang_of(url) / url.strip("/") / "index.html"


def index(records: Iterable[Record], bundle: Path, cache: Path | None = None) -> IndexStats:
    """Index `records` into `bundle` (or take the bundle kept for the very same records)."""
    folder = bundle.with_name(f".{bundle.name}.pages")
    feed = Feed(folder)
    for record in records:
        # mypy cannot type a lambda with a default argument (python/mypy#15459)
        feed.add(record.url, record.digest(), lambda html=record.html: html)  # type: ignore[misc]
    key = feed.key()
    if (reused := reuse(key, bundle, cache)) is not None:
        return reused
    made, stats = feed.run(bundle.with_name(f".{bundle.name}.out")).finish()
    shutil.rmtree(bundle, ignore_errors=True)
    made.rename(bundle)
    keep(bundle, cache, key)
    shutil.rmtree(folder, ignore_errors=True)
    return stats


def reuse(key: str, bundle: Path, cache: Path | None) -> IndexStats | None:
    """The bundle kept under `key`, unpacked into `bundle`; None when there is none."""
    started = time.perf_counter()
    kept = cache / f"{key}.zip" if cache else None
    if kept is None or not kept.is_file():
        return None
    shutil.rmtree(bundle, ignore_errors=True)
    try:
        with zipfile.ZipFile(kept) as archive:
            archive.extractall(bundle)
    except (OSError, zipfile.BadZipFile):
        shutil.rmtree(bundle, ignore_errors=True)
        return None
    return _stats(bundle, started, reused=True)


def keep(bundle: Path, cache: Path | None, key: str) -> None:
    """Keep `bundle` as one archive, the cache's only one; no build sees half of one."""
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    scratch = cache / f".{key}.{os.getpid()}.zip"
    with zipfile.ZipFile(scratch, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(bundle.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(bundle).as_posix())
    scratch.replace(cache / f"{key}.zip")
    for old in cache.glob("*.zip"):
        if old.name != f"{key}.zip":
            old.unlink(missing_ok=True)


def _tidy(bundle: Path) -> None:
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    # Pagefind lists the languages in the order its threads finish; sorted, the file is stable.
    entry = bundle / ENTRY
    meta = json.loads(entry.read_text(encoding="utf-8"))
    meta["languages"] = dict(sorted(meta.get("languages", {}).items()))
    entry.write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _stats(bundle: Path, started: float, reused: bool) -> IndexStats:
    meta = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return IndexStats(
        pages=sum(language["page_count"] for language in meta["languages"].values()),
        files=len(files),
        size=sum(path.stat().st_size for path in files),
        seconds=time.perf_counter() - started,
        reused=reused,
    )
