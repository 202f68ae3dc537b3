"""The chrome of a page (header, navigation, footer) with slots where each page's own parts go.

The host renders one frame per folder of record pages and one per other page, from its own
templates, with marks where a page's parts belong (`<!--mvi-slot:title-->`, …) and one table
of contents entry between `<!--mvi-toc-->` marks, to be repeated per heading. A page is its
frame with its parts put in the slots: the frame is split once, so nothing in a page's own
text can become a slot, and every part is escaped for where it goes before it is put there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import escape

SLOTS = ("title", "description", "canonical", "alternate", "body")
TOC_ID, TOC_TITLE = "mvi-toc-id", "mvi-toc-title"  # in the one entry a frame holds
_MARK = re.compile(r"<!--mvi-slot:([a-z]+)-->|<!--mvi-toc-->(.*?)<!--/mvi-toc-->", re.S)
_SENTINELS = re.compile(f"({TOC_ID}|{TOC_TITLE})")
_ITEM = re.compile(r"(.*)<!--mvi-toc-item-->(.*?)<!--/mvi-toc-item-->(.*)", re.S)


class FrameError(ValueError):
    """A frame without the slots a page needs: the host's templates are out of step."""


@dataclass(frozen=True)
class _Toc:
    """The table of contents: what comes before the entries, one entry, what comes after."""

    before: str
    item: str
    after: str

    def render(self, headings: Sequence[tuple[str, str]]) -> str:
        if not headings:
            return ""
        parts = _SENTINELS.split(self.item)  # text, mark, text, …: a value never becomes a mark
        items = [
            "".join(anchor if p == TOC_ID else title if p == TOC_TITLE else p for p in parts)
            for anchor, title in headings
        ]
        return self.before + "".join(items) + self.after


@dataclass(frozen=True)
class Frame:
    """A frame split at its slots: text, slot names and tables of contents, in order."""

    parts: tuple[str | tuple[str] | _Toc, ...]

    @classmethod
    def parse(cls, text: str) -> Frame:
        parts: list[str | tuple[str] | _Toc] = []
        found: set[str] = set()
        position = 0
        for mark in _MARK.finditer(text):
            parts.append(text[position : mark.start()])
            position = mark.end()
            if mark[1] is not None:
                if mark[1] not in SLOTS:
                    raise FrameError(f"unknown slot {mark[1]!r}")
                parts.append((mark[1],))
                found.add(mark[1])
                continue
            item = _ITEM.fullmatch(mark[2])
            if item is None or TOC_ID not in item[2]:
                raise FrameError("a table of contents without its entry")
            parts.append(_Toc(item[1], item[2], item[3]))
        parts.append(text[position:])
        if missing := set(SLOTS) - found:
            raise FrameError(f"a frame without the slots {sorted(missing)}")
        return cls(tuple(parts))

    def fill(
        self,
        *,
        title: str,
        description: str,
        canonical: str,
        alternate: str,
        body: str,
        headings: Sequence[tuple[str, str]],
    ) -> str:
        """The page: plain `title` and `description`, URLs, and `body` as sanitised HTML.

        `headings` are (id, text) of each h2, the text as HTML (entities escaped)."""
        values: Mapping[str, str] = {
            "title": str(escape(title)),
            "description": str(escape(description)),
            "canonical": str(escape(canonical)),
            "alternate": str(escape(alternate)),
            "body": body,
        }
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, _Toc):
                out.append(part.render(headings))
            else:
                out.append(values[part[0]])
        return "".join(out)

    def text(self) -> str:
        """The frame as text again, marks and all (to keep it, or to read its scripts)."""
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, _Toc):
                item = f"<!--mvi-toc-item-->{part.item}<!--/mvi-toc-item-->"
                out.append(f"<!--mvi-toc-->{part.before}{item}{part.after}<!--/mvi-toc-->")
            else:
                out.append(f"<!--mvi-slot:{part[0]}-->")
        return "".join(out)
