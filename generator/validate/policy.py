"""Policy checks: warnings where a record conflicts with a rule the strategy states in so many
words. Never errors: the strategy asks buyers to apply these rules where suitable, and the
record may know why a rule does not fit. Each check names the passage it rests on; no check
has a threshold of its own making.

The strategy is *Inkopen met Impact* (Rijksoverheid, 2019); its annex lists the effort goals
("inspanningsdoelen") quoted below.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.base.i18n import label
from generator.models import Tender
from generator.monitor.effort import isv_scope, social_return_scope
from generator.source.dataset import DataSet, Entry
from generator.validate.rules import Context, Finding, checked, dataset_rule, rule


@dataclass(frozen=True)
class Passage:
    """Where a rule is written: the document, and the words themselves."""

    source: str
    quote: str


STRATEGY = "Inkopen met Impact (2019)"
PASSAGES: dict[str, Passage] = {
    "social-return-expected": Passage(
        f"{STRATEGY}, bijlage (inspanningsdoelen)",
        "Het toepassen social return bij alle passende aanbestedingen van werken en diensten "
        "met een loonsom van ten minste € 250.000,- (excl. btw) en een looptijd van ten minste "
        "zes maanden.",
    ),
    "isv-expected": Passage(
        f"{STRATEGY}, hoofdstuk over sociale thema's",
        "Deze zijn verplicht voor aanbestedingen boven de Europese drempelwaarde binnen "
        "risicovolle inkoopcategorieën.",
    ),
    "mvi-criteria-expected": Passage(
        f"{STRATEGY}, bijlage (inspanningsdoelen)",
        "Het toepassen van maatschappelijk verantwoorde inkoopcriteria bij alle aanbestedingen "
        "in 45 relevante productgroepen (productgroepen opgenomen op www.mvicriteria.nl).",
    ),
}


@rule("social-return-expected", "tender")
def social_return_expected(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    """Works or services with a wage bill of € 250,000 or more, for six months or more."""
    wage_bill, duration = tender.estimated_wage_bill, tender.duration
    if social_return_scope(tender) and not tender.social_return:
        assert wage_bill is not None and duration is not None  # in scope: both are known
        yield Finding(
            entry,
            ("estimated_wage_bill",),
            "social-return-expected",
            {
                "wage_bill": f"{wage_bill:,}".replace(",", "."),
                "months": duration.months,
                "kind_nl": label("kind", tender.kind, "nl").lower(),
                "kind_en": label("kind", tender.kind, "en").lower(),
            },
        )


@dataset_rule("isv-expected")
def isv_expected(dataset: DataSet, context: Context) -> Iterator[Finding]:
    """Above the EU threshold in a category marked high-risk, without ISV."""
    risky = {entry.id for entry, plan in dataset.usable("category-plan") if _risky(plan)}

    def check(entry: Entry, tender: Any, context: Context) -> Iterator[Finding]:
        in_scope = isv_scope(tender, risky.__contains__)
        if in_scope and not tender.international_social_conditions:
            yield Finding(entry, ("category",), "isv-expected", {"category": tender.category})

    for entry, tender in dataset.usable("tender"):
        yield from checked(check, entry, tender, context)


def _risky(plan: Any) -> bool:
    return bool(getattr(plan, "isv_risk", False))


@rule("mvi-criteria-expected", "tender")
def mvi_criteria_expected(entry: Entry, tender: Tender, context: Context) -> Iterator[Finding]:
    """A product group of the criteria tool named, but no theme applied."""
    if tender.product_group is not None and not tender.themes:
        yield Finding(
            entry, ("product_group",), "mvi-criteria-expected", {"group": tender.product_group}
        )
