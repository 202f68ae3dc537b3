"""The site folder, changed in place as one transaction: all of a build, or none of it.

A file whose key (the digest of what it is made of) is the one the folder already holds, and
that nobody has changed since, stays as it is: an unchanged site costs a look at each file. Any
other file is written beside its place and renamed into it, and the file it replaces is moved
into an undo folder first; so are the files this build does not make (`set_aside`), before the
output checks look at the folder. `commit` then drops the undo folder; `undo` puts every file
back as it was. A build that was killed half-way leaves its undo folder, and the next build puts
those files back before it starts.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.base.timings import Timings
from generator.publish.checks import PageScan

Published = dict[str, tuple[str, int, int]]  # site path → (key, size, modification time)


@dataclass
class Written:
    """What the build put in the site: every HTML page's scan, every file's key, its timings."""

    pages: dict[str, PageScan] = field(default_factory=dict)
    files: Published = field(default_factory=dict)
    kept: int = 0
    steps: Timings = field(default_factory=Timings)

    def line(self) -> str:
        made = len(self.files) - self.kept
        return f"Files: {len(self.files)} ({made} written, {self.kept} unchanged)"


class Target:
    """`site`, changed in place; `published` is what the last build left in it."""

    def __init__(self, site: Path, published: Published, recovered: bool = False) -> None:
        self.site, self.published = site, published
        self.undo_dir = site.with_name(f".{site.name}.undo")
        self.written = Written()
        self._created: list[Path] = []  # files that did not exist before this build
        self._folders: set[Path] = set()
        if not recovered:
            recover(site)
            site.mkdir(parents=True, exist_ok=True)

    def alongside(self) -> Target:
        """The same site for a process working alongside (its part goes back by `take`)."""
        return Target(self.site, self.published, recovered=True)

    def handed_back(self) -> dict[str, Any]:
        """What this part of the build put, for the process that publishes (`take`)."""
        steps = self.written.steps.seconds
        return {
            "files": self.written.files,
            "pages": self.written.pages,
            "kept": self.written.kept,
            "created": self._created,
            "steps": steps,
        }

    def take(self, part: dict[str, Any]) -> None:
        """What a process alongside put in the site, as if put here."""
        self.written.files.update(part["files"])
        self.written.pages.update(part["pages"])
        self.written.kept += part["kept"]
        self._created += part["created"]
        for step, seconds in part["steps"].items():
            self.written.steps.seconds[f"alongside: {step}"] = seconds

    def put(self, path: str, key: str, make: Callable[[], bytes]) -> None:
        """The file at `path` with `key`: left as it is when it is the same, else written."""
        file = self.site / path
        if not self._same(path, key, file):
            self._write(path, file, make())
        stat = file.stat()
        self.written.files[path] = (key, stat.st_size, stat.st_mtime_ns)

    def holds(self, path: str, key: str) -> bool:
        """Whether the site holds the file at `path` with `key`, unchanged since."""
        file = self.site / path
        kept = self.published.get(path)
        try:
            stat = file.stat()
        except OSError:
            return False
        return kept is not None and kept == (key, stat.st_size, stat.st_mtime_ns)

    def put_folder(self, folder: str, source: Path, key: str) -> None:
        """The site's `folder` replaced whole by `source` (moved into place, not copied); each
        file's key is `key` and its path."""
        place = self.site / folder
        if place.exists():
            self._move_aside(folder, place)
        source.rename(place)
        self._created.append(place)
        for file in sorted(place.rglob("*")):
            if file.is_file():
                path, stat = file.relative_to(self.site).as_posix(), file.stat()
                self.written.files[path] = (f"{key}:{path}", stat.st_size, stat.st_mtime_ns)

    def keep(self, prefix: str) -> None:
        """Leave the files under `prefix` as the last build left them (the search index while
        it catches up)."""
        for path, kept in self.published.items():
            if path.startswith(prefix) and (self.site / path).is_file():
                self.written.files[path] = kept
                self.written.kept += 1

    def set_aside(self) -> None:
        """Move every file this build did not put into the undo folder (before the checks),
        and remove the folders that leaves empty."""
        self._set_aside(str(self.site), "")

    def _set_aside(self, folder: str, prefix: str) -> bool:
        """Walk `folder` (site path `prefix`) by strings: a site holds tens of thousands of
        files. Returns whether the folder still holds anything."""
        kept = False
        with os.scandir(folder) as entries:
            for entry in entries:
                path = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if self._set_aside(entry.path, path + "/"):
                        kept = True
                    else:
                        Path(entry.path).rmdir()
                elif path in self.written.files:
                    kept = True
                else:
                    self._move_aside(path, Path(entry.path))
        return kept

    def commit(self) -> None:
        shutil.rmtree(self.undo_dir, ignore_errors=True)

    def undo(self) -> None:
        """Everything back as it was before this build."""
        for made in reversed(self._created):
            if made.is_dir():
                shutil.rmtree(made, ignore_errors=True)
            else:
                made.unlink(missing_ok=True)
        recover(self.site)

    def _same(self, path: str, key: str, file: Path) -> bool:
        kept = self.published.get(path)
        if kept is None or kept[0] != key:
            return False
        try:
            stat = file.stat()
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != kept[1:]:  # changed by hand since
            return False
        self.written.kept += 1
        return True

    def _write(self, path: str, file: Path, content: bytes) -> None:
        if file.parent not in self._folders:
            file.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(file.parent)
        fresh = file.with_name(f".{file.name}.mvi-new")
        fresh.write_bytes(content)
        if file.exists():
            self._move_aside(path, file)
        else:
            self._created.append(file)
        fresh.replace(file)

    def _move_aside(self, path: str, file: Path) -> None:
        kept = self.undo_dir / path
        kept.parent.mkdir(parents=True, exist_ok=True)
        file.replace(kept)


def recover(site: Path) -> None:
    """Put back what an unfinished build moved aside (and drop the folder that held it)."""
    undo = site.with_name(f".{site.name}.undo")
    if not undo.is_dir():
        return
    for root, _, names in os.walk(undo):
        for name in names:
            kept = Path(root) / name
            file = site / kept.relative_to(undo)
            file.parent.mkdir(parents=True, exist_ok=True)
            kept.replace(file)
    shutil.rmtree(undo, ignore_errors=True)
