"""Product groups of the MVI criteria (mvicriteria.nl): what a tender's criteria come from."""

from __future__ import annotations

from generator.models.common import Id, Strict, Text, ThemeRef, Title, Url

# The criteria tool's own host: a product group's page is an address there, nowhere else.
CRITERIA_TOOL = "https://www.mvicriteria.nl/"
CRITERIA_HOST = "www.mvicriteria.nl"


class ProductGroup(Strict):
    """One product group: its name, the themes its criteria cover, its page in the tool.

    `criteria_url` is optional: the strategy names product groups without their addresses, and
    an address that is not known is left out rather than guessed (the page then links to the
    tool's home page)."""

    id: Id
    name: Title
    description: Text | None = None
    themes: list[ThemeRef] = []
    criteria_url: Url | None = None
    high_impact: bool = False
    source: Text | None = None
    order: int = 0
    example: bool = False
