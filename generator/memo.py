"""Outputs kept between builds with what they read: an output whose inputs are unchanged is reused.

Each output (a page's content, a feed, a download, a figure) has a stable id. The store keeps,
per id, the lookups it made (`generator/inputs.py`) with the digest each had, and the output
itself. The next build asks for the same id: when every one of those digests is still the same,
the kept output is the one a new run would make, so it is returned as it is; otherwise the
output is made again, and kept with its new lookups. Every output also depends on the code
(every file of this package and the versions of the libraries that shape the output) and on the
settings, so a changed template or a new site address redoes everything.

The store is one SQLite file in the build cache: written in one transaction per build, safe
when two builds share it, and a damaged or foreign file only makes the next build slower.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import logging
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.inputs import Dep, Inputs, Reads, World

log = logging.getLogger(__name__)

FORMAT = "2"  # of the store: a change makes every kept output unreadable (so made again)
_PACKAGE = Path(__file__).resolve().parent
# Libraries whose version changes the bytes of some output.
_LIBRARIES = (
    "jinja2",
    "markupsafe",
    "nh3",
    "markdown-it-py",
    "pydantic",
    "pydantic-core",
    "vl-convert-python",
    "icalendar",
    "xlsxwriter",
    "pyyaml",
    "ocdsmerge",
)
_HOLD = 64 << 20  # bytes of made outputs held before they are written
CODE: Dep = ("extra", "code")
SETTINGS: Dep = ("extra", "settings")


@functools.cache
def code_version() -> str:
    """A digest of every file of this package and of the libraries' versions."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT} {sys.version_info[:3]}\n".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".json", ".md"):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for library in _LIBRARIES:
        digest.update(f"{library} {importlib.metadata.version(library)}\n".encode())
    return digest.hexdigest()


@dataclass
class MemoStats:
    made: int = 0
    reused: int = 0
    outputs: list[str] = field(default_factory=list)  # the ids of those made, in order

    def line(self) -> str:
        return f"Outputs: {self.made + self.reused} ({self.made} made, {self.reused} unchanged)"


class Store:
    """The kept outputs (id → lookups with their digests, the output and its digest), and what
    each site folder was last given (path → key, size, time), in one SQLite file."""

    def __init__(self, path: Path | None) -> None:
        """The store in `path`; None: a store of this build alone, in a temporary folder (a
        build holds at most a part of what it makes in memory)."""
        self._lock = threading.Lock()
        self._pending: list[tuple[str, str, str, bytes]] = []
        self._db: sqlite3.Connection | None = None
        self._deps: dict[str, tuple[str, str]] = {}  # id → (lookups as JSON, value digest)
        self._made: dict[str, bytes] = {}
        self._held = 0
        self._scratch = tempfile.TemporaryDirectory(prefix="mvi-store-") if path is None else None
        path = Path(self._scratch.name) / "outputs.sqlite" if self._scratch else path
        assert path is not None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # a lost write is a slower build
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS outputs "
                "(id TEXT PRIMARY KEY, format TEXT, deps TEXT, digest TEXT, value BLOB)"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS published "
                "(site TEXT, path TEXT, key TEXT, size INTEGER, mtime INTEGER, "
                "PRIMARY KEY (site, path))"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS checked (site TEXT PRIMARY KEY, digest TEXT)"
            )
            query = "SELECT id, deps, digest FROM outputs WHERE format = ?"
            self._deps = {i: (deps, d) for i, deps, d in self._db.execute(query, (FORMAT,))}
        except sqlite3.Error as error:  # unreadable: build without it, as if it were empty
            log.warning("build cache %s not used: %s", path, error)
            self._db = None

    def deps(self, output: str) -> tuple[list[tuple[Dep, str]], str] | None:
        """What `output` read when it was made (with the digests then), and its own digest."""
        kept = self._deps.get(output)
        if kept is None:
            return None
        return [(tuple(dep), digest) for dep, digest in json.loads(kept[0])], kept[1]

    def value(self, output: str) -> bytes | None:
        if (made := self._made.get(output)) is not None:  # made by this build, not yet written
            return made
        if self._db is None:
            return None
        with self._lock:
            row = self._db.execute("SELECT value FROM outputs WHERE id = ?", (output,)).fetchone()
        return bytes(row[0]) if row else None

    def save(self, output: str, deps: list[tuple[Dep, str]], value: bytes) -> str:
        """Keep `output`; returns the digest of its value."""
        text = json.dumps([[list(dep), digest] for dep, digest in deps], separators=(",", ":"))
        digest = value_digest(value)
        with self._lock:
            self._deps[output] = (text, digest)
            self._made[output] = value
            self._pending.append((output, text, digest, value))
            self._held += len(value)
        if self._held > _HOLD:  # written in parts: a build of 20,000 pages holds a part at most
            self.commit()
        return digest

    def commit(self) -> None:
        """Write what this build made so far, in one transaction."""
        with self._lock:
            pending, self._pending = self._pending, []
            self._made.clear()
            self._held = 0
        if self._db is None or not pending:
            return
        with self._lock:
            try:
                with self._db:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?)",
                        ((i, FORMAT, deps, d, value) for i, deps, d, value in pending),
                    )
            except sqlite3.Error as error:
                log.warning("build cache not written: %s", error)

    def published(self, site: Path) -> dict[str, tuple[str, int, int]]:
        """What the site folder `site` was last given: path → (key, size, modification time)."""
        if self._db is None:
            return {}
        query = "SELECT path, key, size, mtime FROM published WHERE site = ?"
        with self._lock:
            rows = self._db.execute(query, (str(site.resolve()),)).fetchall()
        return {path: (key, size, mtime) for path, key, size, mtime in rows}

    def publish(
        self, site: Path, files: dict[str, tuple[str, int, int]], checked: str | None = None
    ) -> None:
        """Remember what the site folder `site` now holds (after the swap), and the digest of
        what its output checks passed on (`checked`; None: the same as before)."""
        if self._db is None:
            return
        name = str(site.resolve())
        with self._lock:
            try:
                with self._db:
                    self._db.execute("DELETE FROM published WHERE site = ?", (name,))
                    self._db.executemany(
                        "INSERT INTO published VALUES (?, ?, ?, ?, ?)",
                        ((name, path, *kept) for path, kept in files.items()),
                    )
                    if checked is not None:
                        self._db.execute(
                            "INSERT OR REPLACE INTO checked VALUES (?, ?)", (name, checked)
                        )
            except sqlite3.Error as error:
                log.warning("build cache not written: %s", error)

    def checked(self, site: Path) -> str | None:
        """The digest of what the output checks last passed on in the site folder `site`."""
        if self._db is None:
            return None
        query = "SELECT digest FROM checked WHERE site = ?"
        with self._lock:
            row = self._db.execute(query, (str(site.resolve()),)).fetchone()
        return str(row[0]) if row else None

    def close(self) -> None:
        self.commit()
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._scratch is not None:
            self._scratch.cleanup()


def value_digest(value: bytes) -> str:
    return hashlib.blake2b(value, digest_size=16).hexdigest()


@dataclass
class Memo:
    """Outputs made from this build's `world`, or reused from the store when unchanged."""

    world: World
    store: Store
    stats: MemoStats = field(default_factory=MemoStats)

    def make(
        self, output: str, produce: Callable[[Inputs], bytes], reads: Reads | None = None
    ) -> bytes:
        """The output `output`, made by `produce` unless kept with the same inputs.

        `reads`, when given, receives this output's lookups (an output inside another)."""
        kept = self.kept(output, reads)
        if kept is not None:
            return kept
        inner = Reads()
        value = produce(Inputs(self.world, inner, self))
        self.keep(output, inner.deps, value)
        if reads is not None:
            reads.update(inner.deps)
        return value

    def kept(self, output: str, reads: Reads | None = None) -> bytes | None:
        """The kept bytes of `output` if all it read is unchanged (its lookups go to `reads`)."""
        if self.kept_digest(output) is None:
            return None
        value = self.store.value(output)
        if value is None:
            return None
        self.stats.reused += 1
        if reads is not None:  # what every output depends on need not be noted
            deps, _ = self.store.deps(output) or ([], "")
            reads.update(dep for dep, _ in deps if dep not in (CODE, SETTINGS))
        return value

    def kept_digest(self, output: str) -> str | None:
        """The digest of the kept `output` if all it read is unchanged, without reading it."""
        kept = self.store.deps(output)
        if kept is None or not self._unchanged(kept[0]):
            return None
        return kept[1]

    def keep(self, output: str, deps: Iterable[Dep], value: bytes) -> str:
        """Keep a newly made `output` with what it read; returns the digest of its value."""
        self.stats.made += 1
        self.stats.outputs.append(output)
        names = sorted({*deps, CODE, SETTINGS})
        return self.store.save(output, [(dep, self.world.digest(dep)) for dep in names], value)

    def _unchanged(self, deps: list[tuple[Dep, str]]) -> bool:
        try:
            return all(self.world.digest(dep) == digest for dep, digest in deps)
        except (KeyError, AttributeError, TypeError, ValueError):  # a lookup that no longer exists
            return False
