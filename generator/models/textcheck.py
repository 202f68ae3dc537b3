"""Find what editor text may not contain: raw HTML, scripts, unsafe links, MkDocs extensions.

Editor text is untrusted. Validation refuses anything beyond plain Markdown, so that a problem
is fixed at the source; the renderer sanitises again anyway (defence in depth).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.token import Token

_SCHEME = re.compile(r"(?i)\b(javascript|vbscript|data|file)\s*:")
_EVENT_HANDLER = re.compile(r"(?i)\bon[a-z]+\s*=")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>|<\s*/?\s*(script|style|iframe|img|svg)\b", re.I)
_ATTR_LIST = re.compile(r"\{\s*:?\s*[#.][^}]*\}|\{:[^}]*\}")
_SNIPPET = re.compile(r"-{1,3}8<-{1,3}|;{1,3}8<;{1,3}")
_SAFE_LINK = re.compile(r"(?i)^(https?://|mailto:|#)")
_SUSPICIOUS = re.compile(r"[<>&:{}]|8<")
_MARKUP = re.compile(r"[<\[]")  # raw HTML, links and images all need one of these


class Found(NamedTuple):
    """One thing a text may not contain: what it is in Dutch and English, and the text itself
    (to find its line inside a block of text)."""

    nl: str
    en: str
    needle: str = ""


def describe(found: list[Found]) -> dict[str, str]:
    """The parameters of a problem about `found`: its descriptions and where it starts."""
    return {
        "what_nl": ", ".join(item.nl for item in found),
        "what_en": ", ".join(item.en for item in found),
        "needle": next((item.needle for item in found if item.needle), ""),
    }


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # "commonmark" with html on, so that raw HTML shows up as tokens we can report.
    return MarkdownIt("commonmark", {"html": True})


def markdown_problems(text: str) -> list[Found]:
    """What is not allowed in this Markdown (empty when fine)."""
    found = _common_problems(text)
    if not _MARKUP.search(text):  # most descriptions: no need to parse at all
        return found
    for token in _flat_tokens(text):
        if token.type in ("html_block", "html_inline"):
            shown = token.content.strip()
            found.append(Found(f"HTML {shown[:40]!r}", f"HTML {shown[:40]!r}", shown[:40]))
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if not _SAFE_LINK.match(href):
                found.append(
                    Found(
                        f"link {href[:60]!r} (alleen https:// en mailto:)",
                        f"link {href[:60]!r} (only https:// and mailto: links)",
                        href[:60] if href[:60] in text else "",
                    )
                )
        elif token.type == "image":
            found.append(
                Found(
                    "afbeelding in de tekst (gebruik het veld 'images' van het record)",
                    "image in text (use the record's 'images' field)",
                    "![",
                )
            )
    return _unique(found)


def plain_text_problems(text: str) -> list[Found]:
    """What is not allowed in a plain-text field such as a title or a name."""
    found = _common_problems(text)
    if match := _TAG.search(html.unescape(text)):
        found.append(Found("HTML-tag", "HTML tag", match[0] if match[0] in text else ""))
    return _unique(found)


def _common_problems(text: str) -> list[Found]:
    if not _SUSPICIOUS.search(text):  # none of the patterns below can match
        return []
    decoded = html.unescape(html.unescape(text))  # entity-encoded variants: &#106;avascript:
    found: list[Found] = []
    if _TAG.search(decoded) and (match := re.search(r"(?i)<\s*script", decoded)):
        found.append(Found("script", "script", _in(match[0], text)))
    if match := _SCHEME.search(decoded):
        scheme = match.group(1).lower()
        found.append(Found(f"adres met '{scheme}:'", f"'{scheme}:' address", _in(match[0], text)))
    if _EVENT_HANDLER.search(decoded) and "<" in decoded:
        found.append(Found("event-handler (on…=)", "event handler (on…=)"))
    if match := _ATTR_LIST.search(text):
        found.append(Found("attributenlijst {: …}", "attribute list {: …}", match[0]))
    if match := _SNIPPET.search(text):
        found.append(Found("snippet-markering --8<--", "snippet marker --8<--", match[0]))
    return found


def _in(needle: str, text: str) -> str:
    """`needle` if the text holds it as written (not only entity-encoded), else nothing."""
    return needle if needle in text else ""


def _flat_tokens(text: str) -> Iterator[Token]:
    for token in _markdown().parse(text):
        yield token
        yield from token.children or ()


def _unique(items: list[Found]) -> list[Found]:
    return list(dict.fromkeys(items))
