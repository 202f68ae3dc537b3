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

# The three levels of the ambitieweb, light to dark, each with a text colour of AA contrast.
LEVEL_FILL = {"basis": "#D2E6F5", "significant": "#6FA8DC", "ambitieus": "#154273"}
LEVEL_TEXT = {"basis": "#000000", "significant": "#000000", "ambitieus": "#FFFFFF"}

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
