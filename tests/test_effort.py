"""The effort goals computed from the calendar: each measure's scope (in, out, not known) and
verdict, the shares by count and by value, and a goal restricted to one theme's tenders.

Tenders are built in memory from one base record; the data set is a stand-in holding only what
the measures read (product groups, category plans and the ambition levels' order).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from generator.models import Goal, Tender
from generator.models.theme import AmbitionLevelInfo, AmbitionScale, MeasureId, Target
from generator.monitor.effort import (
    Verdict,
    effort_results,
    judge,
    missing,
    share_of,
)

BASE: dict[str, Any] = {
    "id": "rvb-2027-werk",
    "title": "Werk",
    "description": "Een werk.",
    "buyer": "rvb",
    "cpv": ["45000000-7"],
    "kind": "works",
    "above_eu_threshold": False,
    "expected_publication": "2027-Q2",
    "certainty": "planned",
    "status": "planned",
    "contact": {"email": "inkoop@example.org"},
}
SCALE = AmbitionScale.of(
    AmbitionLevelInfo(id=level, name=level, description=".", for_bidders=".", order=order)
    for order, level in enumerate(("basis", "significant", "ambitieus"))
)
DATA = SimpleNamespace(
    ambition_scale=lambda: SCALE,
    product_groups={
        "zonnepanelen": SimpleNamespace(themes=["klimaat"]),
        "zonder-thema": SimpleNamespace(themes=[]),
    },
    category_plans={
        "ict": SimpleNamespace(isv_risk=True),
        "schoonmaak": SimpleNamespace(isv_risk=False),
    },
)
THEMES: dict[MeasureId, str | None] = {
    "criteria-in-product-groups": None,
    "significant-level": None,
    "social-return": "social-return",
    "isv": "internationale-sociale-voorwaarden",
    "impact-weighting": None,
}
GOALS = {
    measure: Goal.model_validate(
        {
            "id": f"goal-{measure}",
            "title": measure,
            "kind": "effort",
            "theme": theme_id,
            "measured_by": measure,
        }
    )
    for measure, theme_id in THEMES.items()
}
GOALS["impact-weighting"] = GOALS["impact-weighting"].model_copy(
    update={"target": Target(value=50, unit="%")}
)


def tender(**fields: Any) -> Tender:
    return Tender.model_validate({**BASE, **fields})


def theme(level: str = "basis", *applied: str) -> dict[str, Any]:
    return {"level": level, "applied_as": list(applied) or ["requirements"]}


def verdict(measure: MeasureId, record: Tender) -> tuple[bool | None, bool | None]:
    found = judge(measure, GOALS[measure], record, DATA)
    return found.in_scope, found.met


SR = {"social-return": theme("basis", "contract-conditions")}
ISV = {"internationale-sociale-voorwaarden": theme("basis", "contract-conditions")}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, (False, None)),  # no product group: not one of the criteria's tenders
        ({"product_group": "zonnepanelen", "themes": {"klimaat": theme()}}, (True, True)),
        ({"product_group": "zonnepanelen", "themes": {"circulair": theme()}}, (True, False)),
        ({"product_group": "zonnepanelen"}, (True, False)),
        # a group whose criteria name no theme: any theme applied counts
        ({"product_group": "zonder-thema", "themes": {"circulair": theme()}}, (True, True)),
    ],
)
def test_criteria_in_product_groups(fields: dict[str, Any], expected: tuple) -> None:
    assert verdict("criteria-in-product-groups", tender(**fields)) == expected


@pytest.mark.parametrize(
    ("themes", "expected"),
    [
        ({"klimaat": theme("significant", "award-criteria")}, (True, True)),
        ({"klimaat": theme("ambitieus", "requirements")}, (True, True)),
        ({"klimaat": theme("basis", "award-criteria")}, (True, False)),
        # a significant level in the contract conditions alone is not what the annex asks
        ({"klimaat": theme("significant", "contract-conditions")}, (True, False)),
    ],
)
def test_significant_level(themes: dict[str, Any], expected: tuple) -> None:
    record = tender(product_group="zonnepanelen", themes=themes)
    assert verdict("significant-level", record) == expected
    assert verdict("significant-level", tender(themes=themes)) == (False, None)


@pytest.mark.parametrize(
    ("fields", "expected", "gaps"),
    [
        ({"estimated_wage_bill": 250_000, "duration": {"months": 6}}, (True, False), ()),
        (
            {"estimated_wage_bill": 250_000, "duration": {"months": 6}, "themes": SR},
            (True, True),
            (),
        ),
        ({"estimated_wage_bill": 249_999, "duration": {"months": 6}}, (False, None), ()),
        ({"estimated_wage_bill": 900_000, "duration": {"months": 5}}, (False, None), ()),
        ({"duration": {"months": 24}}, (None, None), ("wage-bill",)),
        ({"estimated_wage_bill": 900_000}, (None, None), ("duration",)),
        ({}, (None, None), ("wage-bill", "duration")),
        ({"kind": "supplies"}, (False, None), ()),  # supplies are not in the annex's rule
    ],
)
def test_social_return(fields: dict[str, Any], expected: tuple, gaps: tuple) -> None:
    record = tender(**fields)
    assert verdict("social-return", record) == expected
    assert missing("social-return", record) == gaps


@pytest.mark.parametrize(
    ("fields", "expected", "gaps"),
    [
        ({"above_eu_threshold": True, "category": "ict"}, (True, False), ()),
        ({"above_eu_threshold": True, "category": "ict", "themes": ISV}, (True, True), ()),
        ({"above_eu_threshold": True, "category": "schoonmaak"}, (False, None), ()),
        ({"above_eu_threshold": False, "category": "ict"}, (False, None), ()),
        ({"above_eu_threshold": True}, (None, None), ("category",)),
        ({"above_eu_threshold": False}, (False, None), ()),  # below the threshold: never asked
    ],
)
def test_isv(fields: dict[str, Any], expected: tuple, gaps: tuple) -> None:
    record = tender(**fields)
    assert verdict("isv", record) == expected
    assert missing("isv", record) == gaps


@pytest.mark.parametrize(
    ("fields", "expected", "gaps"),
    [
        ({"category": "ict", "social_impact_weighting": 50}, (True, True), ()),
        ({"category": "ict", "social_impact_weighting": 49}, (True, False), ()),
        ({"category": "ict"}, (True, None), ("weighting",)),
        ({"social_impact_weighting": 80}, (False, None), ()),  # not run by category management
    ],
)
def test_impact_weighting(fields: dict[str, Any], expected: tuple, gaps: tuple) -> None:
    record = tender(**fields)
    assert verdict("impact-weighting", record) == expected
    assert missing("impact-weighting", record) == gaps


def test_impact_weighting_takes_the_goals_own_target() -> None:
    stricter = GOALS["impact-weighting"].model_copy(update={"target": Target(value=60, unit="%")})
    record = tender(category="ict", social_impact_weighting=55)
    assert judge("impact-weighting", stricter, record, DATA).met is False
    assert judge("impact-weighting", GOALS["impact-weighting"], record, DATA).met is True


def _value(low: int, high: int) -> dict[str, int]:
    return {"min": low, "max": high}


def test_shares_by_count_and_by_value() -> None:
    met_big = tender(
        id="a",
        category="ict",
        social_impact_weighting=60,
        estimated_value=_value(1_000_000, 3_000_000),
    )
    met_small = tender(
        id="b",
        category="ict",
        social_impact_weighting=50,
        estimated_value=_value(1_000_000, 1_000_000),
    )
    not_met = tender(
        id="c",
        category="ict",
        social_impact_weighting=10,
        estimated_value=_value(4_000_000, 6_000_000),
    )
    no_value = tender(id="d", category="ict", social_impact_weighting=10, example=True)
    unknown = tender(id="e", category="ict")
    out = tender(id="f")
    measure: MeasureId = "impact-weighting"
    verdicts = [
        judge(measure, GOALS[measure], t, DATA)
        for t in (met_big, met_small, not_met, no_value, unknown, out)
    ]
    share = share_of("", verdicts)
    assert [t.id for t in share.met] == ["a", "b"]
    assert [t.id for t in share.not_met] == ["c", "d"]
    assert [t.id for t in share.unknown] == ["e"] and share.scope_unknown == ()
    assert share.judged == 4 and share.share == pytest.approx(0.5)
    # midpoints: 2m and 1m met, 5m not met; the tender without a value counts by number only
    assert share.value_share == pytest.approx(3 / 8)
    assert share.without_value == 1
    assert share.counted == 5, "out of scope is not counted at all"
    assert share.examples == 1


def test_nothing_judged_gives_no_share() -> None:
    share = share_of("", [Verdict(tender(), None, None), Verdict(tender(id="x"), True, None)])
    assert share.share is None and share.value_share is None
    assert len(share.scope_unknown) == 1 and len(share.unknown) == 1


def test_only_planned_tenders_count_and_a_goal_within_a_theme() -> None:
    tenders = [
        tender(
            id="klimaat-bzk",
            buyer="bzk",
            category="ict",
            themes={"klimaat": theme()},
            social_impact_weighting=20,
        ),
        tender(
            id="klimaat-rvb",
            category="schoonmaak",
            themes={"klimaat": theme()},
            social_impact_weighting=70,
        ),
        tender(
            id="circulair-rvb",
            category="ict",
            themes={"circulair": theme()},
            social_impact_weighting=10,
        ),
        # through its product group's criteria this tender concerns klimaat too
        tender(id="groep-rvb", category="ict", product_group="zonnepanelen"),
        tender(
            id="gepubliceerd",
            category="ict",
            themes={"klimaat": theme()},
            social_impact_weighting=10,
            status="published",
            published_on=dt.date(2026, 10, 1),
        ),
    ]
    [result] = effort_results([GOALS["impact-weighting"]], tenders, DATA)
    assert len(result.verdicts) == 4, "a published tender is no longer planned work"
    assert [t.id for t in result.total.not_met] == ["klimaat-bzk", "circulair-rvb"]
    climate = result.within("klimaat")
    assert [t.id for t in climate.total.met] == ["klimaat-rvb"]
    assert [t.id for t in climate.total.not_met] == ["klimaat-bzk"]
    assert [t.id for t in climate.total.unknown] == ["groep-rvb"]
    assert climate.total.share == pytest.approx(0.5)
    by_category = {
        s.key: (len(s.met), len(s.not_met), len(s.unknown)) for s in climate.by["category"]
    }
    assert by_category == {"ict": (0, 1, 1), "schoonmaak": (1, 0, 0)}
    by_buyer = {s.key: (len(s.met), len(s.not_met), len(s.unknown)) for s in climate.by["buyer"]}
    assert by_buyer == {"bzk": (0, 1, 0), "rvb": (1, 0, 1)}
    assert result.within("innovatie").total.counted == 0, "no tender concerns that theme"
