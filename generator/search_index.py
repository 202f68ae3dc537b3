"""The full-text search index: Pagefind, run over the built pages, served from the site itself.

Material's own search ships one index of the whole site (about 650 bytes a page, loaded whole
on the first search: megabytes at thousands of tenders). Pagefind splits its index into small
chunks per language and word range, so a first search downloads a few hundred kilobytes at any
size. It indexes what `theme/main.html` marks `data-pagefind-body`: the page content, not the
navigation; Dutch and English pages get an index each (from `<html lang>`), with stemming.

Pagefind's binary comes from PyPI (`pagefind[bin]`), so the build needs no network.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

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


class IndexFailed(Exception):
    """Pagefind could not index the site; the message says what it printed."""


@dataclass(frozen=True)
class IndexStats:
    pages: int
    files: int
    size: int
    seconds: float

    def line(self) -> str:
        return (
            f"Search index: {self.pages} pages, {self.files} files, "
            f"{self.size / 1e6:.1f} MB in {self.seconds:.2f} s"
        )


def build(site: Path) -> IndexStats:
    """Index every page of `site` into `site/pagefind/`; the same pages give the same bytes."""
    started = time.perf_counter()
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE],
        capture_output=True,
        text=True,
    )
    entry = bundle / "pagefind-entry.json"
    if done.returncode != 0 or not entry.is_file():
        output = (done.stderr or done.stdout).strip()[-2000:]
        raise IndexFailed(f"Pagefind could not index the site:\n{output}")
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    # Pagefind lists the languages in the order its threads finish; sorted, the file is stable.
    meta = json.loads(entry.read_text(encoding="utf-8"))
    meta["languages"] = dict(sorted(meta.get("languages", {}).items()))
    entry.write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), "utf-8")
    pages = sum(language["page_count"] for language in meta["languages"].values())
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return IndexStats(
        pages=pages,
        files=len(files),
        size=sum(path.stat().st_size for path in files),
        seconds=time.perf_counter() - started,
    )
