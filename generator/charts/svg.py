"""Draw a Vega-Lite spec as SVG with vl-convert, once per distinct spec, and fit it for a page.

Drawing is the slow step (tens of milliseconds a chart, and a start-up of about a second), so
the SVG is kept on disk under the sha256 of the spec, the locale and the renderer's version: an
unchanged chart is never drawn again, in this build or the next. The cache holds only what
vl-convert returned; `finish` (ids, ARIA, patterns) runs on every build, so the cache cannot
change the output. `reuse.py` finds the SVG of an unchanged figure by the key kept with it,
without building its spec.

In a site build (`SvgRenderer(background=True)`) drawing runs in worker processes while the
pages are written (vl-convert holds the GIL while it draws, so a thread would not help): on two
cores one worker draws and the build goes on. A page holds a placeholder for each chart it
waits for, and `fill` puts the finished SVG in its place just before MkDocs writes the page.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import secrets
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator.base.cache import cache_root
from generator.charts.palette import INK, pattern_defs

# The number and date locales of our two languages, as vl-convert names them.
Locale = Literal["nl-NL", "en-US"]
_ID = re.compile(r'\bid="([^"]+)"')
_URL = re.compile(r"url\(#([^)]+)\)")
_HREF = re.compile(r'(xlink:href|href)="#([^"]+)"')
_VEGA_ARIA = re.compile(r'\s(?:role|aria-[a-z]+)="[^"]*"')
_ROOT = re.compile(r"<svg\b([^>]*)>")
_SERIES = re.compile(r"url\(#s(\d+)\)")
_INK = re.compile(f'"{INK}"', re.IGNORECASE)


def default_cache_dir() -> Path:
    """`charts/` in the build cache (generator/base/cache.py)."""
    return cache_root() / "charts"


@dataclass
class Stats:
    """What the charts cost in this build (building, drawing, caching): printed by the build."""

    drawn: int = 0
    cached: int = 0  # SVGs read from the cache, `reused` of them without building the chart
    seconds: float = 0.0  # building and placing figures, on the page's own thread
    reused: int = 0
    drawing: float = 0.0  # drawing in worker processes, alongside the pages
    shared: int = 0  # the same spec asked for again while its drawing was under way

    def line(self) -> str:
        total = self.drawn + self.cached + self.shared
        seconds = self.seconds + self.drawing
        cached = self.cached + self.shared
        line = f"Charts: {total} ({self.drawn} drawn, {cached} from cache) in {seconds:.2f} s"
        if self.drawing:
            line += f" ({self.drawing:.2f} s of it drawing, alongside the pages)"
        return line


class Workers:
    """Worker processes that draw, started when first needed; kept by a long-running process
    (`mvi-site serve`) from one build to the next, as starting them takes about a second."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # Spawned, not forked: a fork copies a process that may hold threads and locks.
            spawn = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=_workers(), mp_context=spawn)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None


@dataclass
class SvgRenderer:
    """Draws specs with vl-convert, keeping each SVG by the hash of what determines it."""

    cache_dir: Path | None = field(default_factory=default_cache_dir)
    stats: Stats = field(default_factory=Stats)
    background: bool = False  # draw in worker processes; pages get placeholders to `fill`
    workers: Workers | None = None  # shared with later builds; None: this renderer's own
    draw_here: int = 2  # drawn in this process before a worker takes over (an edit draws few)
    _own: Workers = field(default_factory=Workers, init=False, repr=False)
    _drawing: dict[str, Future[Drawn]] = field(default_factory=dict, init=False, repr=False)
    _waiting: dict[str, tuple[Future[Drawn], str, str]] = field(
        default_factory=dict, init=False, repr=False
    )
    _here: int = field(default=0, init=False, repr=False)  # drawn in this process so far
    # Placeholders carry a secret of this build: no text on a page can pose as one.
    _nonce: str = field(default_factory=lambda: secrets.token_hex(8), init=False, repr=False)

    def key(self, spec: dict[str, Any], locale: str) -> str:
        """The hash of all that determines the SVG: the spec, the locale, vl-convert's version."""
        import vl_convert

        source = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        version = vl_convert.__version__  # type: ignore[attr-defined]  # missing from its stubs
        return hashlib.sha256(f"{version}\n{locale}\n{source}".encode()).hexdigest()

    def cached(self, key: str) -> str | None:
        """The SVG kept under `key`, if a build drew it; None when it must be drawn."""
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        self.stats.cached += 1
        return path.read_text(encoding="utf-8")

    def draw(self, spec: dict[str, Any], locale: Locale, key: str | None = None) -> str:
        """The raw SVG of `spec`, numbers and dates in `locale` ('nl-NL' or 'en-US').

        `key` is `self.key(spec, locale)` when the caller has it already."""
        key = key or self.key(spec, locale)
        svg = self.cached(key)
        return svg if svg is not None else self._draw_now(spec, locale, key)

    def draw_later(self, spec: dict[str, Any], locale: Locale, key: str) -> str | Future[Drawn]:
        """The raw SVG when it is at hand; in the background mode, otherwise, its future.

        A spec already being drawn is drawn once: the second page shares the first's future."""
        if not self.background:
            return self.draw(spec, locale, key)
        if (under_way := self._drawing.get(key)) is not None:
            self.stats.shared += 1
            return under_way
        if (svg := self.cached(key)) is not None:
            return svg
        if self._here < self.draw_here:  # a few: drawn at once, sooner than a worker starts
            self._here += 1
            return self._draw_now(spec, locale, key)
        future = (self.workers or self._own).pool().submit(_draw, spec, locale)
        self._drawing[key] = future
        return future

    def placeholder(self, raw: Future[Drawn], prefix: str, labelled_by: str) -> str:
        """A mark on the page where `fill` will put the finished SVG once it is drawn."""
        mark = f"<!--mvi-chart:{self._nonce}:{len(self._waiting)}-->"
        self._waiting[mark] = (raw, prefix, labelled_by)
        return mark

    def waiting(self, html: str) -> bool:
        """Whether `html` holds a placeholder for a chart still to be put in place."""
        return f"<!--mvi-chart:{self._nonce}:" in html

    def fill(self, html: str) -> str:
        """`html` with each placeholder replaced by its finished SVG, waiting for the drawing.

        A drawing that failed raises its error here, on the page that shows the chart."""
        if f"<!--mvi-chart:{self._nonce}:" not in html:
            return html

        def finished(match: re.Match[str]) -> str:
            raw, prefix, labelled_by = self._waiting[match[0]]
            return finish(raw.result().svg, prefix, labelled_by)

        return re.sub(f"<!--mvi-chart:{self._nonce}:\\d+-->", finished, html)

    def close(self) -> None:
        """Wait for every drawing (so each is in the cache, and a failure is raised), then stop."""
        try:
            for key, future in self._drawing.items():
                self._keep(key, future.result())
        finally:
            self._drawing.clear()
            self._own.close()

    def _draw_now(self, spec: dict[str, Any], locale: Locale, key: str) -> str:
        svg = _draw(spec, locale).svg
        self.stats.drawn += 1
        if (path := self._path(key)) is not None:
            write_atomically(path, svg)
        return svg

    def _keep(self, key: str, drawn: Drawn) -> None:
        """Count a background drawing and keep its SVG."""
        self.stats.drawn += 1
        self.stats.drawing += drawn.seconds
        if (path := self._path(key)) is not None:
            write_atomically(path, drawn.svg)

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / key[:2] / f"{key}.svg" if self.cache_dir else None


@dataclass(frozen=True)
class Drawn:
    """What a worker returns: the raw SVG, and how long drawing it took there."""

    svg: str
    seconds: float


def _draw(spec: dict[str, Any], locale: Locale) -> Drawn:
    """Draw one spec with vl-convert (in this process or in a worker)."""
    import vl_convert

    started = time.perf_counter()
    with _own_fonts():
        svg = vl_convert.vegalite_to_svg(
            spec,
            format_locale=locale,
            time_format_locale=locale,
            allowed_base_urls=[],  # a spec may never fetch anything
        )
    return Drawn(svg, time.perf_counter() - started)


FONTS = Path(__file__).with_name("fontconfig") / "fonts.conf"


@contextmanager
def _own_fonts() -> Iterator[None]:
    """vl-convert measures text with its own Liberation Sans only, never the system's fonts.

    It reads the font configuration once, on its first drawing in a process. With the
    system's fonts it opens and maps a font file again for every string it measures (80,000
    times for 20 charts; drawing took three times as long), and a machine with other fonts
    would draw other bytes. `fonts.conf` names a font folder without fonts, so vl-convert
    falls back to the copy it carries in memory. Set around each drawing, not for the whole
    process: nothing else this process starts should read it.
    """
    before = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(FONTS)
    try:
        yield
    finally:
        if before is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = before


def _workers() -> int:
    """One core stays with the build; the others draw (at least one, at most four)."""
    return max(1, min(4, (os.cpu_count() or 2) - 1))


def finish(svg: str, prefix: str, labelled_by: str) -> str:
    """Fit a drawn SVG into a page: one accessible image named by the figure's own text.

    Vega's roles and ARIA attributes (English, and meant for exploring marks) are removed; the
    root becomes `role="img"` labelled by the caption and the summary. Ids get `prefix` so two
    charts on one page cannot collide, and the fill patterns the spec refers to are defined.
    """
    series = sorted({int(n) for n in _SERIES.findall(svg)})
    svg = _VEGA_ARIA.sub("", svg)
    svg = _INK.sub('"currentColor"', svg)  # text on the page follows the colour scheme
    if series:
        defs = "<defs>" + "".join(pattern_defs(n) for n in series) + "</defs>"
        svg = _ROOT.sub(lambda m: f"<svg{m[1]}>{defs}", svg, count=1)
    svg = _ID.sub(lambda m: f'id="{prefix}-{m[1]}"', svg)
    svg = _URL.sub(lambda m: f"url(#{prefix}-{m[1]})", svg)
    svg = _HREF.sub(lambda m: f'{m[1]}="#{prefix}-{m[2]}"', svg)

    def root(match: re.Match[str]) -> str:
        attributes = match[1].replace(' class="marks"', "")
        return (
            f'<svg{attributes} class="mvi-chart__svg" role="img" aria-labelledby="{labelled_by}">'
        )

    return _ROOT.sub(root, svg, count=1)


def write_atomically(path: Path, text: str) -> None:
    """Two builds sharing a cache never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.{os.getpid()}")
    scratch.write_text(text, encoding="utf-8")
    scratch.replace(path)
