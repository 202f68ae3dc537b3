"""Every problem of a file in one run: one bad field or a duplicate key hides no other problem.

The rules across fields and files run on each record whose fields they need are valid, not
only on records that are valid as a whole; and the Dutch report is Dutch throughout.
"""

from __future__ import annotations

import json
import re
import string
import textwrap
from pathlib import Path

import pytest
from conftest import MINIMAL, TODAY, write
from test_bad_inputs import CASES

from generator.problems import CODES

TENDER = "tenders/rvb-2027-zonnepanelen.yaml"

# Five independent problems of different kinds; each line says which.
FIVE = """\
title: {nl: Zonnepanelen, en: Solar panels}
description: {nl: Panelen op daken., en: Panels on roofs.}
buyer: rvbb
category: ict-werkplekken
cpv: [09331100-9]
kind: works
procedure: open
estimated_value: {min: 3000000, max: 2000000}
above_eu_threshold: nee
expected_publication: 2027-Q2
contract_start: 2027-01
themes:
  klimaat:
    level: ambitieus
    applied_as: [award-criteria]
certainty: planned
status: planned
status: published
contact: {email: inkoop@example.org}
example: true
"""
EXPECTED = {
    ("unknown-reference", 3, "buyer"),
    ("range-inverted", 8, "estimated_value.max"),
    ("wrong-type", 9, "above_eu_threshold"),
    ("dates-out-of-order", 11, "contract_start"),
    ("duplicate-key", 18, ""),
}


def _problems(run, data_dir: Path, lang: str = "en") -> list[dict]:
    result = run("validate", data_dir, "--format", "json", "--today", TODAY, "--lang", lang)
    assert "Traceback" not in result.out + result.err
    return json.loads(result.out)["problems"]


def test_five_independent_problems_are_reported_in_one_run(run, data_dir: Path) -> None:
    write(data_dir, TENDER, FIVE)
    found = {(p["code"], p["line"], p["field"]) for p in _problems(run, data_dir)}
    assert found == EXPECTED


def test_a_rule_skips_only_the_records_whose_field_it_needs_is_bad(run, data_dir: Path) -> None:
    """A bad buyer (not even text) does not stop the date rule, nor crash the reference rule."""
    text = textwrap.dedent(MINIMAL[TENDER])
    text = text.replace("buyer: rvb", "buyer: [rvb]").replace(
        "contract_start: 2027-10", "contract_start: 2027-01"
    )
    write(data_dir, TENDER, text)
    found = {(p["code"], p["field"]) for p in _problems(run, data_dir)}
    assert found == {("wrong-type", "buyer"), ("dates-out-of-order", "contract_start")}


def test_problems_of_one_file_do_not_hide_those_of_another(run, data_dir: Path) -> None:
    write(data_dir, TENDER, FIVE)
    org = textwrap.dedent(MINIMAL["organisations/bzk.yaml"]) + "kind: agency\n"
    write(data_dir, "organisations/bzk.yaml", org)
    found = {(Path(p["file"]).name, p["code"]) for p in _problems(run, data_dir)}
    assert ("bzk.yaml", "duplicate-key") in found
    assert ("rvb-2027-zonnepanelen.yaml", "range-inverted") in found


# Words that give English away in a Dutch sentence (values the editor typed are left out).
_ENGLISH = re.compile(
    r"\b(the|should|must|not|allowed|pattern|invalid|expected|found|value|field|"
    r"string|address|missing|text|number|check)\b",
    re.I,
)
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\([^)]*\.\.\.\)|\S+@\S+|https?://\S+")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_dutch_report_has_no_english(case, run, data_dir: Path) -> None:
    if case.content is None:
        (data_dir / case.file).unlink()
    else:
        write(data_dir, case.file, case.content)
    for problem in _problems(run, data_dir, lang="nl"):
        said = _QUOTED.sub("", f"{problem['message']} {problem['hint']}")
        assert not _ENGLISH.search(said), problem


def test_every_code_has_a_dutch_and_an_english_text() -> None:
    for code in CODES.values():
        assert code.message["nl"] != code.message["en"], code.code
        if code.hint:
            assert code.hint["nl"] and code.hint["en"], code.code


def test_every_template_fills_in_without_error() -> None:
    """A stray brace in a message or hint would turn a report into an internal error."""
    for code in CODES.values():
        for template in (*code.message.values(), *code.hint.values()):
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            template.format(**dict.fromkeys(names, "x"))  # raises on a stray brace
