"""Soft hyphens in the long words of table cells: a narrow column breaks Dutch compounds at
their syllables ("Bedrijfs-hulp-verlening"), instead of growing wider than the page or cutting a
word anywhere.

CSS `hyphens: auto` does the same only where the browser has a dictionary for the language;
Chromium on Linux, for one, has none. Pyphen carries LibreOffice's hyphenation dictionaries, so
every browser gets the same breaks, and the tests can check them. Only words of at least
`MIN_LENGTH` letters get hyphens: shorter ones fit any column.
"""

from __future__ import annotations

import functools
import re

import pyphen
from markupsafe import Markup, escape

from generator.base.i18n import Lang

SOFT_HYPHEN = "\u00ad"
MIN_LENGTH = 12
_WORD = re.compile(rf"[^\W\d_]{{{MIN_LENGTH},}}")
_DICTIONARIES = {"nl": "nl_NL", "en": "en_GB"}


@functools.cache
def _dictionary(lang: Lang) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=_DICTIONARIES[lang], left=3, right=3)


@functools.lru_cache(maxsize=65_536)
def _word(word: str, lang: Lang) -> str:
    return str(_dictionary(lang).inserted(word, hyphen=SOFT_HYPHEN))


def hyphenate(text: str, lang: Lang) -> str:
    """`text` with soft hyphens between the syllables of its long words."""
    return _WORD.sub(lambda match: _word(match[0], lang), text)


def hyphenated(text: str, lang: Lang) -> Markup:
    """Plain text, escaped, with soft hyphens: for a cell of a table."""
    return Markup(escape(hyphenate(text, lang)))
