"""The full-text search index: Pagefind, run over the built pages, served from the site itself.

Material's own search ships one index of the whole site (about 650 bytes a page, loaded whole
on the first search: megabytes at thousands of tenders). Pagefind splits its index into small
chunks per language and word range, so a first search downloads a few hundred kilobytes at any
size. It indexes what `theme/main.html` marks `data-pagefind-body`: the page content, not the
navigation; Dutch and English pages get an index each (from `<html lang>`), with stemming.

Pagefind's binary comes from PyPI (`pagefind[bin]`), so the build needs no network.

Indexing takes seconds (45 s at 10,000 tenders), so the bundle is kept in the build cache under
the hash of every page Pagefind reads, its version and this module: a rebuild whose pages are
unchanged copies it instead. Only the latest bundle is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from generator.base.cache import cache_root

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
    reused: bool = False

    def line(self) -> str:
        how = "copied from the cache (pages unchanged)" if self.reused else "indexed"
        return (
            f"Search index: {self.pages} pages, {self.files} files, "
            f"{self.size / 1e6:.1f} MB, {how} in {self.seconds:.2f} s"
        )


def default_cache_dir() -> Path:
    return cache_root() / "search"


def build(site: Path, cache: Path | None = None) -> IndexStats:
    """Index every page of `site` into `site/pagefind/`; the same pages give the same bytes.

    `cache` is where bundles are kept (None: nowhere)."""
    started = time.perf_counter()
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    key = _key(site) if cache else None
    kept = cache / key if cache and key else None
    if kept is not None and (kept / "pagefind-entry.json").is_file():
        shutil.copytree(kept, bundle)
        return _stats(bundle, started, reused=True)
    _index(site, bundle)
    if cache is not None and kept is not None:
        _keep(bundle, cache, kept)
    return _stats(bundle, started, reused=False)


def _index(site: Path, bundle: Path) -> None:
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


def _stats(bundle: Path, started: float, reused: bool) -> IndexStats:
    meta = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return IndexStats(
        pages=sum(language["page_count"] for language in meta["languages"].values()),
        files=len(files),
        size=sum(path.stat().st_size for path in files),
        seconds=time.perf_counter() - started,
        reused=reused,
    )


def _key(site: Path) -> str:
    """The hash of all that determines the bundle: every page's path and bytes, Pagefind's
    version and this module (which edits Pagefind's output)."""
    digest = hashlib.sha256()
    digest.update(f"{version('pagefind')}\n".encode())
    digest.update(Path(__file__).read_bytes())
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.split("/")[0] != BUNDLE:
            digest.update(f"\0{relative}\0{path.stat().st_size}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _keep(bundle: Path, cache: Path, kept: Path) -> None:
    """Keep `bundle` as the cache's only entry; two builds at once never see half a copy."""
    scratch = cache / f".{kept.name}.{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(bundle, scratch)
    try:
        scratch.rename(kept)
    except OSError:  # another build kept the same bundle first
        shutil.rmtree(scratch, ignore_errors=True)
    for old in cache.iterdir():
        if old.name != kept.name and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
