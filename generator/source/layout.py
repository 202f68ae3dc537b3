"""The layout of `data/`: which file or folder holds which kind of record.

Records that editors change often (tenders, plans, cases, organisations) live one per file in a
folder per kind, named by their id, so that a pull request touches one small file and conflicts
are rare. The short reference lists set by policy (themes, ambition levels, goals, product
groups) are one file each, a mapping from id to record.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.models import (
    ActionPlan,
    AmbitionLevelInfo,
    Case,
    CategoryPlan,
    Goal,
    Organisation,
    ProductGroup,
    RouteMap,
    Tender,
    Theme,
)
from generator.models.common import Strict


@dataclass(frozen=True)
class Kind:
    """One kind of record and where it lives in `data/`."""

    name: str
    model: type[Strict]
    path: str  # a folder ("tenders") or a file ("themes.yaml")
    label_nl: str
    label_en: str
    required: bool = True  # a list file the data cannot do without; a missing folder is empty

    @property
    def is_folder(self) -> bool:
        return not self.path.endswith(".yaml")

    @property
    def schema_name(self) -> str:
        return f"{self.name}.schema.json"


KINDS: tuple[Kind, ...] = (
    Kind("theme", Theme, "themes.yaml", "thema", "theme"),
    Kind(
        "ambition-level",
        AmbitionLevelInfo,
        "ambition-levels.yaml",
        "ambitieniveau",
        "ambition level",
    ),
    Kind("goal", Goal, "goals.yaml", "doel", "goal"),
    Kind(
        "product-group",
        ProductGroup,
        "product-groups.yaml",
        "productgroep",
        "product group",
        required=False,  # a site may publish without product groups
    ),
    Kind("organisation", Organisation, "organisations", "organisatie", "organisation"),
    Kind("category-plan", CategoryPlan, "category-plans", "categorie", "category"),
    Kind("route-map", RouteMap, "route-maps", "routekaart", "route map"),
    Kind("tender", Tender, "tenders", "aanbesteding", "tender"),
    Kind("action-plan", ActionPlan, "action-plans", "actieplan", "action plan"),
    Kind("case", Case, "cases", "praktijkvoorbeeld", "case"),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
IMAGES = "images"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
