"""Editor Markdown to safe HTML: paragraphs, emphasis, lists, links, and nothing else.

Validation already refuses raw HTML, unsafe links, attribute lists and snippet markers; this is the
second line of defence. markdown-it renders CommonMark with raw HTML switched off, and nh3 (the
ammonia sanitiser) keeps only an explicit allowlist of tags, attributes and link schemes, so even
text that slipped past validation cannot become script.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "code", "ul", "ol", "li", "a", "blockquote"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_SCHEMES = frozenset({"https", "mailto"})


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # Editors' headings would break the page's heading outline: show them as bold paragraphs.
    md.add_render_rule("heading_open", lambda *_: "<p><strong>")
    md.add_render_rule("heading_close", lambda *_: "</strong></p>\n")
    md.disable(["image", "html_block", "html_inline"])
    return md


def render_markdown(text: str) -> Markup:
    """Sanitised HTML for editor Markdown; safe to insert into any page."""
    html = _parser().render(text)
    return Markup(sanitise(html))


def sanitise(html: str) -> str:
    """Keep only the allowlisted tags, attributes and link schemes."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_plain(text: str) -> Markup:
    """Plain editor text (titles, names, summaries): escaped, line breaks kept as spaces."""
    return escape(" ".join(text.split()))
