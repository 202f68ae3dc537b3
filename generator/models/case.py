"""Best-practice cases (praktijkvoorbeelden) such as the Logistieke Hub and Bajesdakrevolutie."""

from __future__ import annotations

from generator.models.common import (
    CategoryRef,
    Id,
    Link,
    Markdown,
    OrganisationRef,
    ShortStr,
    Strict,
    Text,
    ThemeRef,
    Title,
    Url,
    Year,
)


class Partner(Strict):
    """An organisation outside government that took part, such as a supplier."""

    name: ShortStr
    website: Url | None = None


class KeyResult(Strict):
    """A result as a figure: label, value and unit (e.g. 20,000 km fewer lorry trips a year)."""

    label: Text
    value: float
    unit: Text | None = None


class Quote(Strict):
    """A quote and who said it."""

    text: Text
    speaker: ShortStr
    role: Text | None = None


class Image(Strict):
    """An image from data/images/; the alt text is required for screen-reader users."""

    file: ShortStr
    alt: Text
    caption: Text | None = None
    credit: ShortStr | None = None


class Case(Strict):
    """One best-practice case."""

    id: Id
    title: Title
    summary: Text
    body: Markdown
    organisations: list[OrganisationRef]
    partners: list[Partner] = []
    themes: list[ThemeRef]
    categories: list[CategoryRef] = []
    year: Year
    place: ShortStr | None = None
    key_results: list[KeyResult] = []
    quote: Quote | None = None
    sources: list[Link] = []
    images: list[Image] = []
    example: bool = False
