"""Find what editor text may not contain: raw HTML, scripts, unsafe links, MkDocs extensions.

Editor text is untrusted. Validation refuses anything beyond plain Markdown, so that a problem
is fixed at the source; the renderer sanitises again anyway (defence in depth).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # "commonmark" with html on, so that raw HTML shows up as tokens we can report.
    return MarkdownIt("commonmark", {"html": True})


def markdown_problems(text: str) -> list[str]:
    """What is not allowed in this Markdown, as short descriptions (empty when fine)."""
    found = _common_problems(text)
    if not _MARKUP.search(text):  # most descriptions: no need to parse at all
        return found
    for token in _flat_tokens(text):
        if token.type in ("html_block", "html_inline"):
            found.append(f"HTML {token.content.strip()[:40]!r}")
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if not _SAFE_LINK.match(href):
                found.append(f"link {href[:60]!r} (only https:// and mailto: links)")
        elif token.type == "image":
            found.append("image in text (use the record's 'images' field)")
    return _unique(found)


def plain_text_problems(text: str) -> list[str]:
    """What is not allowed in a plain-text field such as a title or a name."""
    found = _common_problems(text)
    if _TAG.search(html.unescape(text)):
        found.append("HTML tag")
    return _unique(found)


def _common_problems(text: str) -> list[str]:
    if not _SUSPICIOUS.search(text):  # none of the patterns below can match
        return []
    decoded = html.unescape(html.unescape(text))  # entity-encoded variants: &#106;avascript:
    found: list[str] = []
    if _TAG.search(decoded) and re.search(r"(?i)<\s*script", decoded):
        found.append("script")
    if match := _SCHEME.search(decoded):
        found.append(f"'{match.group(1).lower()}:' address")
    if _EVENT_HANDLER.search(decoded) and "<" in decoded:
        found.append("event handler (on…=)")
    if _ATTR_LIST.search(text):
        found.append("attribute list {: …}")
    if _SNIPPET.search(text):
        found.append("snippet marker --8<--")
    return found


def _flat_tokens(text: str) -> Iterator[Token]:
    for token in _markdown().parse(text):
        yield token
        yield from token.children or ()


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
