"""Planned tenders: the records of the tender calendar (aanbestedingskalender)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field

from generator.models.common import (
    AmbitionLevel,
    CategoryRef,
    Contact,
    Cpv,
    Id,
    Markdown,
    OrganisationRef,
    PlannedDate,
    ProductGroupRef,
    Strict,
    Text,
    ThemeRef,
    Title,
    Url,
)

Kind = Literal["works", "supplies", "services"]
Procedure = Literal[
    "open",  # openbare procedure
    "restricted",  # niet-openbare procedure
    "competitive-dialogue",  # concurrentiegerichte dialoog
    "competitive-negotiation",  # mededingingsprocedure met onderhandeling
    "innovation-partnership",  # innovatiepartnerschap
    "negotiated-without-notice",  # onderhandelingsprocedure zonder aankondiging
    "multiple-quotation",  # meervoudig onderhandse procedure
    "single-source",  # enkelvoudig onderhandse procedure
    "national-open",  # nationale openbare procedure
]
Application = Literal["requirements", "award-criteria", "contract-conditions"]
# The instruments of innovation-oriented procurement the strategy names (Inkopen met Impact,
# 2019, 002:L532-536 and L760-783): a challenge with pilot contracts, often announced on the
# Starthubs platform, the SBIR competition, Startup in Residence and the innovation partnership.
Instrument = Literal[
    "challenge",  # challenge: pilotopdrachten aan jonge, innovatieve bedrijven
    "pilot-contract",  # pilotopdracht (tot ca. € 20.000)
    "starthubs",  # aangekondigd op het platform Starthubs
    "sbir",  # Small Business Innovation Research: gefaseerde competitie
    "startup-in-residence",  # Startup in Residence (SiR)
    "innovation-partnership",  # innovatiepartnerschap
]
Certainty = Literal["indicative", "planned", "confirmed"]
Status = Literal["planned", "market-consultation", "published", "awarded", "withdrawn"]
OPEN_STATUSES: frozenset[Status] = frozenset({"planned", "market-consultation"})  # still to come

# The themes that were once flags of their own (`social_return`, `international_social_conditions`).
SOCIAL_RETURN = "social-return"
ISV = "internationale-sociale-voorwaarden"
FORMER_FLAGS = {"social_return": SOCIAL_RETURN, "international_social_conditions": ISV}


class ValueRange(Strict):
    """Estimated value in euros excluding VAT; min equals max for a point estimate."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)


class Duration(Strict):
    """Contract duration in months, with any extension options."""

    months: int = Field(ge=1, le=600)
    extension_months: int = Field(default=0, ge=0, le=600)


class TenderTheme(Strict):
    """How one MVI theme will be applied in this tender, and at which ambition level."""

    level: AmbitionLevel
    applied_as: list[Application] = Field(min_length=1)
    note: Text | None = None


class Lot(Strict):
    """A lot (perceel) of the tender."""

    title: Title
    description: Text | None = None
    estimated_value: ValueRange | None = None


class MarketConsultation(Strict):
    """A planned market consultation (marktconsultatie) before publication."""

    planned: PlannedDate
    description: Text | None = None


class Tender(Strict):
    """One planned tender; the id (the file name) never changes once published."""

    id: Id
    title: Title
    description: Markdown
    buyer: OrganisationRef
    category: CategoryRef | None = None
    cpv: list[Cpv] = Field(min_length=1)
    kind: Kind
    procedure: Procedure | None = None
    estimated_value: ValueRange | None = None
    estimated_wage_bill: int | None = Field(default=None, ge=0, le=100_000_000_000)
    above_eu_threshold: bool
    expected_publication: PlannedDate
    contract_start: PlannedDate | None = None
    duration: Duration | None = None
    lots: list[Lot] = []
    themes: dict[ThemeRef, TenderTheme] = {}
    product_group: ProductGroupRef | None = None
    innovation_instruments: list[Instrument] = []
    social_impact_weighting: int | None = Field(default=None, ge=0, le=100)
    sme_suitable: bool = False
    market_consultation: MarketConsultation | None = None
    certainty: Certainty
    status: Status
    withdrawal_reason: Text | None = None
    # What actually happened, for the forecast's accuracy: the notice on TenderNed and the day it
    # appeared there, then the award or the withdrawal. Typed, as facts of the world; when the
    # record changed is Git's.
    tenderned_url: Url | None = None
    published_on: dt.date | None = None
    awarded_on: dt.date | None = None
    withdrawn_on: dt.date | None = None
    contact: Contact
    example: bool = False
    # When a tender changed is the date of the commit that changed it (generator/history/git.py),
    # never a typed date: `last_updated` said so and was often wrong.
    # `mvi_criteria_product_group` was free text; `product_group` names a product group of
    # data/product-groups.yaml.
    retired_fields: ClassVar[frozenset[str]] = frozenset(
        {"last_updated", "mvi_criteria_product_group"}
    )

    # One source per fact: social return and international social conditions are themes, with
    # their level and how they are applied; these say whether the tender has them.
    @property
    def social_return(self) -> bool:
        """Social return (SROI) is applied: the theme social-return is among the themes."""
        return SOCIAL_RETURN in self.themes

    @property
    def international_social_conditions(self) -> bool:
        """International social conditions (ISV) apply: their theme is among the themes."""
        return ISV in self.themes

    def planning_overdue(self, today: dt.date) -> bool:
        """Still planned, but the expected publication has passed: "planning verlopen"."""
        return self.status in OPEN_STATUSES and self.expected_publication.end < today
