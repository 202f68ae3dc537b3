"""A folder next to the site to build into, swapped in whole when everything passed.

No half-built site is ever in place: the new site is written into `.site.building`, checked,
then put in place with two renames; on any failure the scratch folders are removed and the
previous site is exactly as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import TracebackType


class Scratch:
    """`with Scratch(site) as scratch:` write into `scratch.path`, then `scratch.swap()`."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.path = site_dir.with_name(f".{site_dir.name}.building")
        self._asides: list[Path] = []
        self._swapped = False

    def __enter__(self) -> Scratch:
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        return self

    def aside(self, name: str) -> Path:
        """Another scratch folder (not published), removed with this one."""
        folder = self.site_dir.with_name(f".{self.site_dir.name}.{name}")
        shutil.rmtree(folder, ignore_errors=True)
        self._asides.append(folder)
        return folder

    def swap(self) -> None:
        """Replace the site by the scratch folder with two renames."""
        old = self.site_dir.with_name(f".{self.site_dir.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if self.site_dir.exists():
            self.site_dir.rename(old)
        self.path.rename(self.site_dir)
        self._swapped = True
        shutil.rmtree(old, ignore_errors=True)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if not self._swapped:
            shutil.rmtree(self.path, ignore_errors=True)
        for folder in self._asides:
            shutil.rmtree(folder, ignore_errors=True)
