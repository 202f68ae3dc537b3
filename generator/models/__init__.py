"""One typed model per content kind; the JSON Schemas for editors are exported from these."""

from generator.models.action_plan import ActionPlan
from generator.models.case import Case
from generator.models.category_plan import CategoryPlan
from generator.models.organisation import Organisation
from generator.models.product_group import ProductGroup
from generator.models.route_map import RouteMap
from generator.models.tender import Tender
from generator.models.theme import AmbitionLevelInfo, Goal, Theme

__all__ = [
    "ActionPlan",
    "AmbitionLevelInfo",
    "Case",
    "CategoryPlan",
    "Goal",
    "Organisation",
    "ProductGroup",
    "RouteMap",
    "Tender",
    "Theme",
]
