"""What the core asks of the host, and what it gets back: frames, hand-written pages, assets.

The host (MkDocs + Material, `mkdocs_adapter.py`) is asked for one frame per folder of record
pages and per other page, and for the hand-written pages of `content/`. Its answer depends only
on the theme, the configuration, the hand-written pages and this list, never on the data: so
it is kept in the build cache under the digest of all of those, and a build whose data alone
changed does not start the host at all.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.base.i18n import Lang
from generator.render.frame import Frame

FORMAT = "1"  # of what is kept: a change here makes the host run again
FRAMES = "frames.json"
OUTPUT = "site"


class HostFailed(Exception):
    """The host could not render the chrome (a broken link in a hand-written page, …)."""


@dataclass(frozen=True)
class FrameRequest:
    """One frame: for a page in the navigation or of its own, or for a folder of records."""

    key: str  # the page's URL, or the folder's
    lang: Lang
    url: str  # where the host renders it (a folder's frame: a page inside the folder)
    in_nav: bool
    searchable: bool
    breadcrumbs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ContentMeta:
    """What the host needs to know of a hand-written page: language, twin, breadcrumbs."""

    url: str
    lang: Lang
    alternate: str
    breadcrumbs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class HostRequest:
    """Everything the host is asked for, and where its configuration, theme and pages are."""

    config: Path  # mkdocs.yml
    theme: Path  # the theme's overrides (`custom_dir`)
    content: Path  # the hand-written pages (`docs_dir`)
    site_url: str
    frames: tuple[FrameRequest, ...]
    pages: tuple[ContentMeta, ...]


@dataclass(frozen=True)
class Chrome:
    """The host's answer: frames by (key, whether the page has headings), and its files."""

    frames: dict[tuple[str, bool], Frame]
    files: Path  # the theme's assets, the hand-written pages, 404.html
    key: str | None = None  # the digest of all it was made from, when kept in the cache
    reused: bool = False

    def frame(self, key: str, has_headings: bool) -> Frame:
        return self.frames[(key, has_headings)]

    def pages(self) -> Iterator[str]:
        """Every page the host made, frames filled with stand-ins (for their inline scripts)."""
        for frame in self.frames.values():
            yield frame.fill(
                title="", description="", canonical="", alternate="", body="", headings=()
            )
        for path in sorted(self.files.rglob("*.html")):
            yield path.read_text(encoding="utf-8")

    def line(self) -> str:
        how = "kept from an earlier build" if self.reused else "rendered by MkDocs"
        return f"Chrome: {len(self.frames)} frames, {how}"


def render_chrome(request: HostRequest, cache: Path | None, scratch: Path) -> Chrome:
    """The chrome for `request`: from the cache when nothing it depends on changed."""
    key = _key(request)
    kept = cache / key if cache else None
    if kept is not None and (kept / FRAMES).is_file():
        return _load(kept, key, reused=True)
    from generator.host import mkdocs_adapter  # MkDocs is imported only when it must run

    out = scratch / OUTPUT
    shutil.rmtree(scratch, ignore_errors=True)
    config, frames_asked = request.config, request.frames
    frames = mkdocs_adapter.render(config, request.site_url, frames_asked, request.pages, out)
    texts = {f"{k}\0{toc:d}": text for (k, toc), text in frames.items()}
    (scratch / FRAMES).write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    if cache is None or kept is None:
        return _load(scratch, None, reused=False)
    _keep(scratch, cache, kept)
    return _load(kept, key, reused=False) if kept.is_dir() else _load(scratch, None, reused=False)


def _load(folder: Path, key: str | None, reused: bool) -> Chrome:
    texts = json.loads((folder / FRAMES).read_text(encoding="utf-8"))
    frames = {}
    for name, text in texts.items():
        frame, _, toc = name.rpartition("\0")
        frames[(frame, toc == "1")] = Frame.parse(text)
    return Chrome(frames, folder / OUTPUT, key, reused)


def _key(request: HostRequest) -> str:
    """The digest of everything the host's answer depends on."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(FORMAT.encode())
    for library in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2"):
        digest.update(f"\0{library} {importlib.metadata.version(library)}".encode())
    here = Path(__file__).parent
    for path in (here / "mkdocs_adapter.py", Path(__file__), request.config):
        digest.update(b"\0" + path.read_bytes())
    for folder in (request.theme, request.content):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                digest.update(f"\0{path.relative_to(folder).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    asked = {
        "site": request.site_url,
        "frames": [asdict(frame) for frame in request.frames],
        "pages": [asdict(page) for page in request.pages],
    }
    digest.update(json.dumps(asked, sort_keys=True).encode())
    return digest.hexdigest()


def _keep(scratch: Path, cache: Path, kept: Path) -> None:
    """Keep `scratch` as the cache's only entry; two builds at once never see half of one."""
    cache.mkdir(parents=True, exist_ok=True)
    try:
        scratch.rename(kept)  # moved whole, when on the same file system
    except OSError:
        staging = cache / f".{kept.name}.{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(scratch, staging)
        try:
            staging.rename(kept)
        except OSError:  # another build kept the same chrome first
            shutil.rmtree(staging, ignore_errors=True)
    for old in cache.iterdir():
        if old.name != kept.name and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
