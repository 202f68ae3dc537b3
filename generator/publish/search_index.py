"""The full-text search index: Pagefind, fed each page's own content while the pages are written.

Material's own search ships one index of the whole site, loaded whole on the first search:
megabytes at thousands of tenders. Pagefind splits its index into small chunks per language and
word range, so a first search downloads a few hundred kilobytes at any size. It indexes what is
marked `data-pagefind-body`: the page content, not the navigation; Dutch and English pages get
an index each (from `<html lang>`), with stemming.

The build does not let Pagefind read the written site back: it starts Pagefind's service (the
binary from PyPI, `pagefind[bin]`, so no network) and hands it a small document per page (its
language, its address and its content) as soon as the page is written, so Pagefind indexes on
the other core while the build goes on, and holds the content of pages, not whole pages.

Indexing takes seconds, so the bundle is kept in the build cache under the digest of every
record, Pagefind's version and this module: a build whose records are unchanged copies it.
Only the latest bundle is kept.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import IO, Any

from markupsafe import escape

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
_ENTRY = "pagefind-entry.json"


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
        how = "copied from the cache (pages unchanged)" if self.reused else "indexed"
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
    """The key of a bundle made from records with these digests, in this order."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{version('pagefind')}\n".encode())
    digest.update(Path(__file__).read_bytes())
    for item in digests:
        digest.update(item.encode() + b"\n")
    return digest.hexdigest()


class Indexer:
    """Pagefind's service, fed the pages in a fixed order however they arrive; `finish` writes
    the bundle.

    Pagefind's bundle depends on the order it is given the pages, so they go to it in the order
    `order` lists them, one at a time: a page that arrives early waits for those before it. A
    thread does the feeding, so Pagefind indexes on the other core while the build goes on."""

    def __init__(self, order: list[str]) -> None:
        from pagefind.service import get_executable

        executable = get_executable()
        if executable is None:
            raise IndexFailed("Pagefind could not index the site: its binary is not installed")
        self._said = tempfile.TemporaryFile()  # noqa: SIM115 - what Pagefind says, kept for errors
        self._process = subprocess.Popen(
            [str(executable), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._said,
        )
        self._position = {url: n for n, url in enumerate(order)}
        self._waiting: dict[int, Record] = {}
        self._next = 0
        self._done = threading.Condition()
        self._failure: str | None = None
        self._sent = 0
        self._started = time.perf_counter()
        self._index = self._ask({"type": "NewIndex", "config": None})["index_id"]
        self._feeder = threading.Thread(target=self._feed, daemon=True)
        self._feeder.start()
        # The feeder needs the interpreter for a moment per page, while the build holds it for
        # its own work: switch more often than every 5 ms, or Pagefind waits on every page.
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(0.0005)

    def add(self, record: Record) -> None:
        """Hand Pagefind one page: indexed in its turn while the build goes on."""
        position = self._position.get(record.url)
        if position is None:
            raise IndexFailed(f"Pagefind was not told of {record.url}")
        with self._done:
            self._waiting[position] = record
            self._done.notify_all()

    def finish(self, bundle: Path) -> IndexStats:
        """Wait until every page is indexed, write the bundle into `bundle`, stop Pagefind."""
        try:
            with self._done:
                while self._next < len(self._position) and self._failure is None:
                    if not self._done.wait(timeout=600):
                        self._failure = "a page never came"
            if self._failure is not None:
                raise IndexFailed(f"Pagefind could not index the site:\n{self._failure}")
            # Asked for, not written by Pagefind: its service can answer before its writes end.
            answer = self._ask({"type": "GetFiles", "index_id": self._index})
        finally:
            self.close()
        shutil.rmtree(bundle, ignore_errors=True)
        try:
            for file in answer.get("files", []):
                path = bundle / file["path"]
                if not path.resolve().is_relative_to(bundle.resolve()):
                    raise IndexFailed(f"Pagefind gave a file outside its bundle: {file['path']}")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(base64.b64decode(file["content"]))
        except OSError as error:
            raise IndexFailed(f"The search index could not be written: {error}") from None
        if not (bundle / _ENTRY).is_file():
            raise IndexFailed("Pagefind could not index the site: it wrote no bundle")
        _tidy(bundle)
        return _stats(bundle, self._started, reused=False)

    def close(self) -> None:
        sys.setswitchinterval(self._switch)
        with self._done:
            if self._failure is None and self._next < len(self._position):
                self._failure = "stopped"
            self._done.notify_all()
        if self._process.stdin and not self._process.stdin.closed:
            with contextlib.suppress(OSError):  # Pagefind has stopped already
                self._process.stdin.close()
        self._process.wait(timeout=60)

    def _feed(self) -> None:
        """Send the pages one by one in their order, each once Pagefind has taken the last."""
        while True:
            with self._done:
                while self._next not in self._waiting and self._failure is None:
                    if self._next >= len(self._position):
                        return
                    self._done.wait()
                if self._failure is not None:
                    return
                record = self._waiting.pop(self._next)
            payload = {"type": "AddFile", "index_id": self._index, "url": record.url}
            try:
                self._ask({**payload, "file_path": None, "file_contents": record.html})
            except IndexFailed as error:
                with self._done:
                    self._failure = str(error)
                    self._done.notify_all()
                return
            with self._done:
                self._next += 1
                self._done.notify_all()

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one message and read its answer."""
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode("utf-8")
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        try:
            stdin.write(base64.b64encode(message) + b",")
            stdin.flush()
        except (BrokenPipeError, ValueError):
            raise IndexFailed("Pagefind could not index the site: its service stopped") from None
        answer = _read_answer(stdout)
        if answer is None:
            self._process.wait(timeout=60)
            self._said.seek(0)
            said = self._said.read().decode("utf-8", "replace").strip()[-2000:]
            raise IndexFailed(f"Pagefind could not index the site: it stopped. {said}".strip())
        if answer.get("type") == "Error":
            raise IndexFailed(f"Pagefind could not index the site:\n{answer.get('message')}")
        return answer


class Feed:
    """The pages for the search index as the build writes them, in the index's order.

    Pagefind starts at the first page that is new: until then (and in a build where nothing is
    new) a page is noted with how to get its document, and the bundle kept for the very same
    pages is taken instead of indexing."""

    def __init__(self, order: list[str]) -> None:
        self.order = order
        self.digests: dict[str, str] = {}
        self.indexer: Indexer | None = None
        self._noted: dict[str, Callable[[], str]] = {}

    def add(self, url: str, digest: str, document: Callable[[], str], new: bool) -> None:
        """One page: its address, the digest of what it is made of, and its document."""
        self.digests[url] = digest
        if self.indexer is None and not new:
            self._noted[url] = document
            return
        self.start()
        assert self.indexer is not None
        self.indexer.add(Record(url, document()))

    def start(self) -> Indexer:
        """Pagefind, with every page noted so far."""
        if self.indexer is None:
            self.indexer = Indexer(self.order)
            for url, document in self._noted.items():
                self.indexer.add(Record(url, document()))
            self._noted.clear()
        return self.indexer

    def key(self) -> str:
        missing = [url for url in self.order if url not in self.digests]
        if missing:
            raise IndexFailed(f"Pagefind was not given {missing[:3]}")
        return bundle_key(f"{url}:{self.digests[url]}" for url in self.order)

    def close(self) -> None:
        if self.indexer is not None:
            self.indexer.close()


def _read_answer(stream: IO[bytes]) -> dict[str, Any] | None:
    """One answer of Pagefind's service (base64 JSON up to a comma); None when it stopped."""
    data = b""
    while not data.endswith(b","):
        chunk = stream.read1(1 << 16)  # type: ignore[attr-defined]
        if not chunk:
            return None
        data += chunk
    answer = json.loads(base64.b64decode(data[:-1]))
    payload: dict[str, Any] = answer.get("payload") or {}
    return payload


def index(records: Iterable[Record], bundle: Path, cache: Path | None = None) -> IndexStats:
    """Index `records` into `bundle` (or copy the bundle kept for the very same records)."""
    records = list(records)
    key = bundle_key(record.digest() for record in records)
    if (reused := reuse(key, bundle, cache)) is not None:
        return reused
    indexer = Indexer([record.url for record in records])
    for record in records:
        indexer.add(record)
    stats = indexer.finish(bundle)
    keep(bundle, cache, key)
    return stats


def reuse(key: str, bundle: Path, cache: Path | None) -> IndexStats | None:
    """The bundle kept under `key`, copied into `bundle`; None when there is none."""
    started = time.perf_counter()
    kept = cache / key if cache else None
    if kept is None or not (kept / _ENTRY).is_file():
        return None
    shutil.rmtree(bundle, ignore_errors=True)
    shutil.copytree(kept, bundle, copy_function=_link_or_copy)
    return _stats(bundle, started, reused=True)


def keep(bundle: Path, cache: Path | None, key: str) -> None:
    """Keep `bundle` as the cache's only entry; two builds at once never see half a copy."""
    if cache is None:
        return
    kept = cache / key
    cache.mkdir(parents=True, exist_ok=True)
    scratch = cache / f".{key}.{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(bundle, scratch, copy_function=_link_or_copy)
    try:
        scratch.rename(kept)
    except OSError:  # another build kept the same bundle first
        shutil.rmtree(scratch, ignore_errors=True)
    for old in cache.iterdir():
        if old.name != kept.name and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)


def _tidy(bundle: Path) -> None:
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    # Pagefind lists the languages in the order its threads finish; sorted, the file is stable.
    entry = bundle / _ENTRY
    meta = json.loads(entry.read_text(encoding="utf-8"))
    meta["languages"] = dict(sorted(meta.get("languages", {}).items()))
    entry.write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _link_or_copy(source: str, target: str) -> None:
    """A hard link where the file system allows (kept files never change), or a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _stats(bundle: Path, started: float, reused: bool) -> IndexStats:
    meta = json.loads((bundle / _ENTRY).read_text(encoding="utf-8"))
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return IndexStats(
        pages=sum(language["page_count"] for language in meta["languages"].values()),
        files=len(files),
        size=sum(path.stat().st_size for path in files),
        seconds=time.perf_counter() - started,
        reused=reused,
    )
