"""Draw a Vega-Lite spec as SVG with vl-convert, once per distinct spec, and fit it for a page.

Drawing is the slow step (tens of milliseconds a chart, and a start-up of about a second), so
the SVG is kept on disk under the sha256 of the spec, the locale and the renderer's version: an
unchanged chart is never drawn again, in this build or the next. The cache holds only what
vl-convert returned; `finish` (ids, ARIA, patterns) runs on every build, so the cache cannot
change the output. `reuse.py` finds the SVG of an unchanged figure by the key kept with it,
without building its spec.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.charts.palette import INK, pattern_defs

_ID = re.compile(r'\bid="([^"]+)"')
_URL = re.compile(r"url\(#([^)]+)\)")
_HREF = re.compile(r'(xlink:href|href)="#([^"]+)"')
_VEGA_ARIA = re.compile(r'\s(?:role|aria-[a-z]+)="[^"]*"')
_ROOT = re.compile(r"<svg\b([^>]*)>")
_SERIES = re.compile(r"url\(#s(\d+)\)")
_INK = re.compile(f'"{INK}"', re.IGNORECASE)


def default_cache_dir() -> Path:
    """`$MVI_CACHE_DIR`, or `.cache/charts` in the working directory (ignored by Git)."""
    return Path(os.environ.get("MVI_CACHE_DIR") or ".cache") / "charts"


@dataclass
class Stats:
    """What the charts cost in this build (building, drawing, caching): printed by the build."""

    drawn: int = 0
    cached: int = 0  # SVGs read from the cache, `reused` of them without building the chart
    seconds: float = 0.0
    reused: int = 0

    def line(self) -> str:
        total, seconds = self.drawn + self.cached, self.seconds
        return f"Charts: {total} ({self.drawn} drawn, {self.cached} from cache) in {seconds:.2f} s"


@dataclass
class SvgRenderer:
    """Draws specs with vl-convert, keeping each SVG by the hash of what determines it."""

    cache_dir: Path | None = field(default_factory=default_cache_dir)
    stats: Stats = field(default_factory=Stats)

    def key(self, spec: dict[str, Any], locale: str) -> str:
        """The hash of all that determines the SVG: the spec, the locale, vl-convert's version."""
        import vl_convert

        source = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(f"{vl_convert.__version__}\n{locale}\n{source}".encode()).hexdigest()

    def cached(self, key: str) -> str | None:
        """The SVG kept under `key`, if a build drew it; None when it must be drawn."""
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        self.stats.cached += 1
        return path.read_text(encoding="utf-8")

    def draw(self, spec: dict[str, Any], locale: str, key: str | None = None) -> str:
        """The raw SVG of `spec`, numbers and dates in `locale` ('nl-NL' or 'en-US').

        `key` is `self.key(spec, locale)` when the caller has it already."""
        key = key or self.key(spec, locale)
        svg = self.cached(key)
        if svg is None:
            import vl_convert

            svg = vl_convert.vegalite_to_svg(
                spec,
                format_locale=locale,
                time_format_locale=locale,
                allowed_base_urls=[],  # a spec may never fetch anything
            )
            self.stats.drawn += 1
            if (path := self._path(key)) is not None:
                write_atomically(path, svg)
        return svg

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / key[:2] / f"{key}.svg" if self.cache_dir else None


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
