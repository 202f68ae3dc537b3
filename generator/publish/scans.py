"""Scans of spliced pages, made from parts: each frame read once, each page's body once.

A page made from data is its frame with its own parts put in (`generator/render/frame.py`).
Reading every page whole for the output checks would read the same header, navigation and
footer thousands of times, so the frame is read once, with stand-ins in its slots, and each
body on its own when it is rendered (and kept with it). A page's scan is then the frame's with
the stand-ins replaced by the page's own links, plus its body's.

That is the scan of the whole page only when the body leaves the reader where it found it: no
tag, comment or script left open, nothing outside the tokenizer's grammar. `scan_fragment`
says so by returning None otherwise, and such a page is read whole. Line numbers of a composed
scan are those of its part; a page with a problem is read whole again to name the right line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.publish.checks import PageScan, Ref, fragment_scan, scan_page
from generator.render.frame import Frame

_ALTERNATE = "mvi-scan-alternate/"
_CANONICAL = "https://mvi-scan.invalid/canonical/"
_HEADING = "mvi-scan-heading"


def scan_fragment(html: str) -> PageScan | None:
    """The scan of `html`, or None when it could change how what follows it is read."""
    return fragment_scan(html)


@dataclass(frozen=True)
class FrameScan:
    """A frame's scan, with the refs that stand for a page's own links marked."""

    ids: frozenset[str]
    refs: tuple[tuple[str, Ref], ...]  # ("", ref) as it is; "alternate", "canonical", "toc"
    inline_scripts: tuple[tuple[int, str], ...]
    handlers: tuple[tuple[int, str], ...]

    @classmethod
    def of(cls, frame: Frame) -> FrameScan:
        text = frame.fill(
            title="",
            description="",
            canonical=_CANONICAL,
            alternate=_ALTERNATE,
            body="",
            headings=((_HEADING, "x"),),
        )
        scan = scan_page(text)
        marked = []
        for ref in scan.refs:
            if ref.value == _ALTERNATE:
                marked.append(("alternate", ref))
            elif ref.value == _CANONICAL:
                marked.append(("canonical", ref))
            elif ref.value == f"#{_HEADING}":
                marked.append(("toc", ref))
            else:
                marked.append(("", ref))
        return cls(
            frozenset(scan.ids),
            tuple(marked),
            tuple(scan.inline_scripts),
            tuple(scan.handlers),
        )

    def page(
        self,
        alternate: str,
        canonical: str,
        headings: Sequence[tuple[str, str]],
        body: PageScan,
    ) -> PageScan:
        """The scan of this frame filled with a page's parts and `body` (already scanned)."""
        refs: list[Ref] = []
        for role, ref in self.refs:
            if not role:
                refs.append(ref)
            elif role == "alternate":
                refs.append(Ref(ref.tag, ref.attr, alternate, ref.line, ref.is_resource))
            elif role == "canonical":
                refs.append(Ref(ref.tag, ref.attr, canonical, ref.line, ref.is_resource))
            else:
                refs += [
                    Ref(ref.tag, ref.attr, f"#{a}", ref.line, ref.is_resource) for a, _ in headings
                ]
        refs += body.refs
        return PageScan(
            set(self.ids) | body.ids,
            refs,
            [*self.inline_scripts, *body.inline_scripts],
            [*self.handlers, *body.handlers],
        )


def encode_scan(scan: PageScan | None) -> Any:
    """A body's scan as JSON values, to keep with the page's content."""
    if scan is None:
        return None
    return {
        "ids": sorted(scan.ids),
        "refs": [[r.tag, r.attr, r.value, r.line, r.is_resource] for r in scan.refs],
        "scripts": [list(item) for item in scan.inline_scripts],
        "handlers": [list(item) for item in scan.handlers],
    }


def decode_scan(value: Any) -> PageScan | None:
    if value is None:
        return None
    return PageScan(
        set(value["ids"]),
        [Ref(tag, attr, url, line, resource) for tag, attr, url, line, resource in value["refs"]],
        [(line, code) for line, code in value["scripts"]],
        [(line, handler) for line, handler in value["handlers"]],
    )
