"""Organisations: ministries and the agencies under them (BZK, IenW, RWS, RVB, DJI, …)."""

from __future__ import annotations

from typing import Literal

from generator.models.common import Id, OrganisationRef, ShortStr, Strict, Title, Url


class Organisation(Strict):
    """A contracting authority or policy owner; ministry names change with cabinets."""

    id: Id
    abbreviation: ShortStr
    name: Title
    kind: Literal["ministry", "agency", "other"]
    parent: OrganisationRef | None = None
    website: Url | None = None
    example: bool = False
