"""Colours, fill patterns and the shared Vega-Lite configuration of every chart.

Series are told apart by colour *and* by pattern, so no reader depends on colour alone: series
`i` gets colour `i % 6` and texture `i % 7` (6 and 7 are coprime, so 42 series stay distinct).
The colours are Okabe and Ito's colour-blind-safe set, darkened where needed for 3:1 contrast
against white. A spec refers to a pattern as `url(#s<i>)`; `svg.finish` adds the pattern
definitions (and gives them ids unique on the page) after drawing.
"""

from __future__ import annotations

from typing import Any

SERIES_COLOURS = ("#0072B2", "#D55E00", "#007D5B", "#B8578E", "#8A6100", "#3A6FB0")

# 8×8 tiles drawn in white over the colour; the first is plain.
TEXTURES = (
    "",
    '<path d="M-2,2l4,-4M0,8l8,-8M6,10l4,-4" stroke="#fff" stroke-width="1.6"/>',
    '<circle cx="4" cy="4" r="1.7" fill="#fff"/>',
    '<path d="M0,4h8" stroke="#fff" stroke-width="1.6"/>',
    '<path d="M0,0l8,8M8,0l-8,8" stroke="#fff" stroke-width="1.2"/>',
    '<path d="M4,0v8" stroke="#fff" stroke-width="1.6"/>',
    '<path d="M-2,6l4,4M0,0l8,8M6,-2l4,4" stroke="#fff" stroke-width="1.6"/>',
)

# The levels of the ambitieweb, light (the lowest) to dark (the highest): the stops of the ramp
# each level's colour is taken from by its rank. Three levels get exactly these three colours.
LEVEL_RAMP = ("#D2E6F5", "#6FA8DC", "#154273")
BLACK, WHITE = "#000000", "#FFFFFF"

# Milestones of a tender's timeline: each its own shape as well as its own colour.
MILESTONE_SHAPES = ("triangle-up", "diamond", "square")
MILESTONE_COLOURS = ("#D55E00", "#0072B2", "#007D5B")

INK = "#1F1F1F"  # text on the page background; the dark scheme restyles it in mvi.css
RULE = "#767676"  # axis lines: 4.5:1 on white
GRID = "#E0E0E0"
WIDTH = 560  # the content column on a desktop; CSS scales the SVG down on a phone


def series_fill(index: int) -> str:
    """The fill of series `index`: a reference to its pattern."""
    return f"url(#s{index})"


def pattern_defs(index: int) -> str:
    """The SVG `<pattern>` for series `index` (its id is made page-unique later)."""
    colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
    texture = TEXTURES[index % len(TEXTURES)]
    return (
        f'<pattern id="s{index}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{colour}"/>{texture}</pattern>'
    )


def level_fills(count: int) -> list[str]:
    """The fill of each of `count` levels, lowest first: evenly spaced along `LEVEL_RAMP`."""
    if count <= 1:
        return list(LEVEL_RAMP[-1:]) * count  # one level is the highest there is
    return [_along(LEVEL_RAMP, i / (count - 1)) for i in range(count)]


def text_on(fill: str) -> str:
    """Black or white, whichever stands out more on `fill` (at least AA on the level ramp)."""
    on_black = (_luminance(fill) + 0.05) / 0.05
    on_white = 1.05 / (_luminance(fill) + 0.05)
    return BLACK if on_black >= on_white else WHITE


def _along(stops: tuple[str, ...], position: float) -> str:
    """The colour at `position` (0 to 1) on straight lines between evenly spaced `stops`."""
    scaled = position * (len(stops) - 1)
    index = min(int(scaled), len(stops) - 2)
    start, end = _rgb(stops[index]), _rgb(stops[index + 1])
    share = scaled - index
    mixed = (round(a + (b - a) * share) for a, b in zip(start, end, strict=True))
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def config() -> dict[str, Any]:
    """The Vega-Lite `config` of every chart: no ARIA of Vega's own, transparent, legible."""
    text = {"labelColor": INK, "titleColor": INK, "labelFontSize": 12, "titleFontSize": 12}
    return {
        "aria": False,  # Vega's English ARIA labels; the figure names the chart instead
        "background": "transparent",
        "font": "sans-serif",
        "view": {"stroke": None},
        "axis": {
            **text,
            "domainColor": RULE,
            "tickColor": RULE,
            "gridColor": GRID,
            "titleFontWeight": "normal",
            # No limit in pixels on axes whose labels are numbers, dates, quarters or levels
            # (Vega measures a limited label again and again); axes of names set their own.
            "labelLimit": 0,
        },
        "legend": {**text, "titleFontWeight": "normal", "labelLimit": 260, "symbolSize": 160},
        "header": {"labelColor": INK, "titleColor": INK, "labelFontSize": 12},
        "text": {"color": INK, "fontSize": 12},
    }
