"""Policy checks: a warning where a record conflicts with a rule the strategy states, at the
boundary the strategy states, and nowhere else."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import MINIMAL, TODAY, write

from generator.problems import CODES, Severity
from generator.validate.policy import PASSAGES

TENDER = "tenders/rvb-2027-zonnepanelen.yaml"
CATEGORY = "category-plans/ict-werkplekken.yaml"


def _codes(run, data_dir: Path) -> list[str]:
    result = run("validate", data_dir, "--format", "json", "--today", TODAY)
    assert result.code == 0, result.out  # warnings only, never errors
    return [p["code"] for p in json.loads(result.out)["problems"]]


def _with(text: str, *lines: str) -> str:
    return text + "".join(f"{line}\n" for line in lines)


ISV_THEME = (
    "  internationale-sociale-voorwaarden:\n    level: basis\n"
    "    applied_as: [contract-conditions]\n"
)
ISV_RECORD = (
    "internationale-sociale-voorwaarden:\n"
    "  name: {nl: Internationale sociale voorwaarden, en: International social conditions}\n"
    "  summary: {nl: Eerlijke ketens., en: Fair supply chains.}\n"
)
SERVICES = textwrap.dedent(MINIMAL[TENDER]).replace("kind: works", "kind: services")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (("estimated_wage_bill: 250000", "duration: {months: 6}"), ["social-return-expected"]),
        (("estimated_wage_bill: 249999", "duration: {months: 6}"), []),
        (("estimated_wage_bill: 250000", "duration: {months: 5, extension_months: 12}"), []),
        (("estimated_wage_bill: 250000",), []),  # no duration: nothing is known
        (("duration: {months: 24}",), []),  # no wage bill: nothing is known
    ],
)
def test_social_return_is_expected_where_the_annex_says(run, data_dir, extra, expected):
    write(data_dir, TENDER, _with(SERVICES, *extra))
    assert _codes(run, data_dir) == expected


def test_social_return_through_its_theme_counts(run, data_dir):
    text = SERVICES.replace(
        "themes:\n",
        "themes:\n  social-return:\n    level: basis\n    applied_as: [contract-conditions]\n",
    )
    themes = textwrap.dedent(MINIMAL["themes.yaml"]) + (
        "social-return:\n  name: {nl: Social return, en: Social return}\n"
        "  summary: {nl: Werk voor wie afstand heeft., en: Work for people at a distance.}\n"
    )
    write(data_dir, "themes.yaml", themes)
    write(data_dir, TENDER, _with(text, "estimated_wage_bill: 900000", "duration: {months: 24}"))
    assert _codes(run, data_dir) == []


def test_supplies_are_not_in_the_social_return_rule(run, data_dir):
    supplies = SERVICES.replace("kind: services", "kind: supplies")
    write(
        data_dir, TENDER, _with(supplies, "estimated_wage_bill: 900000", "duration: {months: 24}")
    )
    assert _codes(run, data_dir) == []


@pytest.mark.parametrize(
    ("risky", "above", "isv", "expected"),
    [
        (True, True, False, ["isv-expected"]),
        (True, True, True, []),
        (True, False, False, []),  # below the EU threshold the rule does not ask
        (False, True, False, []),  # not a high-risk category
    ],
)
def test_isv_is_expected_above_the_threshold_in_risky_categories(
    run, data_dir, risky, above, isv, expected
):
    plan = textwrap.dedent(MINIMAL[CATEGORY]) + ("isv_risk: true\n" if risky else "")
    write(data_dir, CATEGORY, plan)
    text = textwrap.dedent(MINIMAL[TENDER]).replace(
        "above_eu_threshold: false", f"above_eu_threshold: {str(above).lower()}"
    )
    if isv:
        text = text.replace("themes:\n", "themes:\n" + ISV_THEME)
        write(data_dir, "themes.yaml", textwrap.dedent(MINIMAL["themes.yaml"]) + ISV_RECORD)
    write(data_dir, TENDER, text)
    assert _codes(run, data_dir) == expected


def test_a_criteria_product_group_without_any_theme_is_a_warning(run, data_dir):
    text = textwrap.dedent(MINIMAL[TENDER])
    start, end = text.index("themes:"), text.index("certainty:")
    write(data_dir, TENDER, _with(text[:start] + text[end:], "product_group: zonnepanelen"))
    assert _codes(run, data_dir) == ["mvi-criteria-expected"]
    write(data_dir, TENDER, _with(text, "product_group: zonnepanelen"))
    assert _codes(run, data_dir) == []


def test_every_policy_check_is_a_warning_with_its_passage():
    for code, passage in PASSAGES.items():
        assert CODES[code].severity is Severity.WARNING, code
        assert passage.source.startswith("Inkopen met Impact") and len(passage.quote) > 40, code
