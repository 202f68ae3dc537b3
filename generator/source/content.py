"""The hand-written pages of `content/`: where each is published, in which language, its twin.

MkDocs renders them (`generator/host/`); the core only needs to know their addresses, to link
them, to check that no page made from data takes the place of one, and to give each its
language, its twin in the other language and its breadcrumbs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.base.i18n import Lang, other, t
from generator.base.urls import CONTENT_PAGES, home_url


@dataclass(frozen=True)
class ContentPage:
    """One hand-written page: its file under `content/` and its address on the site."""

    source: str  # relative to content/: "privacy.md", "en/privacy.md"
    url: str  # "privacy/", "en/privacy/"

    @property
    def lang(self) -> Lang:
        return "en" if self.url.startswith("en/") or self.source.startswith("en/") else "nl"

    @property
    def twin(self) -> str:
        """The page in the other language: its twin, or the home page of that language."""
        for urls in CONTENT_PAGES.values():
            if urls[self.lang] == self.url:
                return urls[other(self.lang)]
        return home_url(other(self.lang))

    @property
    def breadcrumbs(self) -> tuple[tuple[str, str], ...]:
        return ((t("home", self.lang), home_url(self.lang)),)


def content_pages(content: Path) -> list[ContentPage]:
    """Every Markdown page under `content`, in a stable order."""
    if not content.is_dir():
        return []
    pages = []
    for path in sorted(content.rglob("*.md")):
        source = path.relative_to(content).as_posix()
        if not any(part.startswith(".") for part in source.split("/")):
            pages.append(ContentPage(source, page_url(source)))
    return pages


def page_url(source: str) -> str:
    """Where MkDocs publishes `source` (directory URLs): `a/b.md` → `a/b/`, `a/index.md` → `a/`."""
    folder, _, name = source.rpartition("/")
    stem = name.removesuffix(".md")
    if stem in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{folder}/{stem}/" if folder else f"{stem}/"
