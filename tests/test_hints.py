"""Every hint leads to the fix: following it clears the problem, or it names the next step.

Each case makes one problem, reads the hint the validator gives (in English; the Dutch one says
the same, see test_one_run.py), does what the hint says, and validates again. Where the hint
carries the fix itself ("Did you mean 'rvb'?", 'Put the value in quotes: "2027"'), the fix is
taken from the hint's own words, so a hint that points the wrong way fails here.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import MINIMAL, TODAY, write

from generator.problems import CODES

TENDER = "tenders/rvb-2027-zonnepanelen.yaml"
NOTICE = "https://www.tenderned.nl/aankondigingen/overzicht/433831"  # a notice's address
ORG = "organisations/bzk.yaml"
PLAN = "action-plans/bzk-2025.yaml"
CASE = "cases/logistieke-hub.yaml"
CATEGORY = "category-plans/ict-werkplekken.yaml"


def text(name: str) -> str:
    return textwrap.dedent(MINIMAL[name])


def edit(name: str, old: str, new: str) -> str:
    original = text(name)
    assert old in original, old
    return original.replace(old, new, 1)


Follow = Callable[[str, dict], "str | bytes"]


@dataclass
class Hint:
    id: str
    file: str
    bad: str | bytes
    code: str
    follow: Follow  # (the bad text, the problem as reported) -> the text after the hint
    then: str = ""  # the next problem the hint honestly announces, if any
    also: tuple[tuple[str, str], ...] = ()  # other files the case needs: (name, text)


def theme_entry(theme: str) -> str:
    """A theme as a tender applies it, as the hints say to add it."""
    return f"  {theme}:\n    level: basis\n    applied_as: [contract-conditions]\n"


def theme_record(theme: str) -> str:
    return (
        f"{theme}:\n  name: {{nl: {theme}, en: {theme}}}\n  summary: {{nl: Uitleg., en: About.}}\n"
    )


def quoted_in_hint(problem: dict) -> str:
    """The quoted form the hint asks for: 'Put the value in quotes: "X".'"""
    match = re.search(r'in quotes: ("[^"]*")', problem["hint"])
    assert match, problem["hint"]
    return match[1]


def suggestion(problem: dict) -> str:
    match = re.search(r"Did you mean '([^']+)'\?", problem["hint"])
    assert match, problem["hint"]
    return match[1]


def replace_on_line(bad: str, problem: dict, old: str, new: str) -> str:
    lines = bad.split("\n")
    index = problem["line"] - 1
    assert old in lines[index], (old, lines[index])
    lines[index] = lines[index].replace(old, new, 1)
    return "\n".join(lines)


def drop_line(bad: str, problem: dict) -> str:
    lines = bad.split("\n")
    del lines[problem["line"] - 1]
    return "\n".join(lines)


HINTS = [
    # --- the file
    Hint(
        "save-as-utf8",
        ORG,
        text(ORG).replace("Ministerie", "Minist\xe9rie").encode("latin-1"),
        "not-utf8",
        lambda bad, p: bad.decode("latin-1").encode("utf-8"),  # type: ignore[union-attr]
    ),
    Hint(
        "tab-to-two-spaces",
        TENDER,
        edit(TENDER, "    level: ambitieus", "  \tlevel: ambitieus"),
        "tab-indentation",
        lambda bad, p: bad.replace("\t", "  "),
    ),
    Hint(
        "close-the-bracket",
        ORG,
        edit(ORG, "name: {nl: Ministerie van BZK, en: Ministry of the Interior}", "name: [BZK"),
        "yaml-syntax",
        lambda bad, p: bad.replace("name: [BZK", "name: {nl: BZK, en: BZK}"),
    ),
    Hint(
        "keep-one-key",
        ORG,
        edit(ORG, "kind: ministry", "kind: ministry\nkind: agency"),
        "duplicate-key",
        drop_line,
    ),
    Hint(
        "write-alias-out",
        ORG,
        edit(ORG, "{nl: Ministerie van BZK, en: Ministry of the Interior}", "{nl: &n BZK, en: *n}"),
        "alias",
        lambda bad, p: bad.replace("{nl: &n BZK, en: *n}", "{nl: BZK, en: BZK}"),
    ),
    Hint(
        "remove-anchor",
        ORG,
        edit(ORG, "kind: ministry", "kind: &soort ministry"),
        "anchor",
        lambda bad, p: bad.replace("&soort ", ""),
    ),
    Hint(
        "remove-tag",
        ORG,
        edit(ORG, "kind: ministry", "kind: !ministerie ministry"),
        "custom-tag",
        lambda bad, p: bad.replace("!ministerie ", ""),
    ),
    Hint(
        "plain-key",
        ORG,
        edit(ORG, "kind: ministry", "? [kind]\n: ministry"),
        "complex-key",
        lambda bad, p: bad.replace("? [kind]\n: ministry", "kind: ministry"),
    ),
    Hint(
        "fewer-brackets",
        ORG,
        edit(ORG, "kind: ministry", "kind: " + "[" * 80 + "ministry" + "]" * 80),
        "too-deep",
        lambda bad, p: edit(ORG, "kind: ministry", "kind: ministry"),
    ),
    Hint(
        "whole-euros",
        TENDER,
        edit(TENDER, "{min: 1000000, max: 2000000}", "{min: 1e999, max: 2000000}"),
        "number-too-large",
        lambda bad, p: bad.replace("1e999", "1000000"),
    ),
    Hint(
        "one-document",
        ORG,
        text(ORG) + "---\n",
        "multiple-documents",
        lambda bad, p: bad.replace("---\n", ""),
    ),
    Hint(
        "remove-id",
        ORG,
        "id: bzk\n" + text(ORG),
        "id-in-file",
        drop_line,
    ),
    Hint(
        "remove-invisible",
        ORG,
        edit(ORG, "abbreviation: BZK", "abbreviation: B\u200bZK"),
        "invisible-character",
        lambda bad, p: bad.replace("\u200b", ""),
    ),
    Hint(
        "quote-cut-value",
        ORG,
        edit(
            ORG,
            "website: https://www.rijksoverheid.nl",
            "website: https://www.rijksoverheid.nl/a #b",
        ),
        "value-cut-by-comment",
        lambda bad, p: bad.replace(
            "https://www.rijksoverheid.nl/a #b", '"https://www.rijksoverheid.nl/a#b"'
        ),
    ),
    # --- fields against the model
    Hint(
        "add-missing-field",
        TENDER,
        edit(TENDER, "buyer: rvb\n", ""),
        "missing-field",
        lambda bad, p: bad + "buyer: rvb\n",
    ),
    Hint(
        "unknown-field-suggestion",
        TENDER,
        edit(TENDER, "certainty: planned", "certainy: planned"),
        "unknown-field",
        lambda bad, p: bad.replace("certainy:", suggestion(p) + ":"),
    ),
    Hint(
        "flag-becomes-theme",
        TENDER,
        text(TENDER) + "social_return: true\n",
        "flag-now-a-theme",
        lambda bad, p: drop_line(bad, p).replace(
            "themes:\n", "themes:\n" + theme_entry(re.findall(r"'([a-z-]+):", p["hint"])[0])
        ),
        also=(("themes.yaml", text("themes.yaml") + theme_record("social-return")),),
    ),
    Hint(
        "remove-retired-field",
        TENDER,
        text(TENDER) + "last_updated: 2026-11-01\n",
        "retired-field",
        drop_line,
    ),
    Hint(
        "bool-word",
        TENDER,
        edit(TENDER, "above_eu_threshold: false", "above_eu_threshold: nee"),
        "wrong-type",
        lambda bad, p: bad.replace("above_eu_threshold: nee", "above_eu_threshold: false"),
    ),
    Hint(
        "quote-a-number",
        ORG,
        edit(ORG, "abbreviation: BZK", "abbreviation: 2027"),
        "wrong-type",
        lambda bad, p: replace_on_line(bad, p, "2027", quoted_in_hint(p)),
    ),
    Hint(
        # Quoting is not enough here; the hint says so, and names what is still missing.
        "quote-a-cpv-without-check-digit",
        TENDER,
        edit(TENDER, "cpv: [09331100-9]", "cpv: [60410000]"),
        "wrong-type",
        lambda bad, p: bad.replace("[60410000]", '["60410000"]'),
        then="invalid-cpv",
    ),
    Hint(
        "add-check-digit",
        TENDER,
        edit(TENDER, "cpv: [09331100-9]", "cpv: ['09331100']"),
        "invalid-cpv",
        lambda bad, p: bad.replace("'09331100'", "09331100-9"),
    ),
    Hint(
        "whole-number",
        TENDER,
        edit(TENDER, "{min: 1000000, max: 2000000}", "{min: '1.000.000', max: 2000000}"),
        "wrong-type",
        lambda bad, p: bad.replace("'1.000.000'", "1000000"),
    ),
    Hint(
        "list-item",
        CASE,
        edit(CASE, "themes: [klimaat]", "themes: klimaat"),
        "wrong-type",
        lambda bad, p: bad.replace("themes: klimaat", "themes:\n  - klimaat"),
    ),
    Hint(
        "choice-by-dutch-name",
        TENDER,
        edit(TENDER, "kind: works", "kind: werken"),
        "invalid-choice",
        lambda bad, p: bad.replace("kind: werken", f"kind: {suggestion(p)}"),
    ),
    Hint(
        "choice-by-slip",
        TENDER,
        edit(TENDER, "status: planned", "status: plannd"),
        "invalid-choice",
        lambda bad, p: bad.replace("status: plannd", f"status: {suggestion(p)}"),
    ),
    Hint(
        "existing-date",
        CATEGORY,
        edit(CATEGORY, "last_reviewed: 2026-06-01", "last_reviewed: 2026-02-30"),
        "invalid-date",
        lambda bad, p: bad.replace("2026-02-30", "2026-03-31"),
    ),
    Hint(
        "quarter",
        TENDER,
        edit(TENDER, "expected_publication: 2027-Q2", "expected_publication: Q2 2027"),
        "invalid-planned-date",
        lambda bad, p: bad.replace("Q2 2027", "2027-Q2"),
    ),
    Hint(
        "email",
        TENDER,
        edit(TENDER, "{email: inkoop@example.org}", "{email: inkoop.example.org}"),
        "invalid-email",
        lambda bad, p: bad.replace("inkoop.example.org", "inkoop@example.org"),
    ),
    Hint(
        "url-with-https",
        ORG,
        edit(ORG, "website: https://www.rijksoverheid.nl", "website: www.rijksoverheid.nl"),
        "invalid-url",
        lambda bad, p: bad.replace("www.rijksoverheid.nl", "https://www.rijksoverheid.nl"),
    ),
    Hint(
        "phone",
        TENDER,
        edit(TENDER, "{email: inkoop@example.org}", "{email: inkoop@example.org, phone: bel 070}"),
        "invalid-phone",
        lambda bad, p: bad.replace("bel 070", "070-1234567"),
    ),
    Hint(
        "fill-empty",
        ORG,
        edit(ORG, "abbreviation: BZK", "abbreviation: ' '"),
        "empty-value",
        lambda bad, p: bad.replace("abbreviation: ' '", "abbreviation: BZK"),
    ),
    Hint(
        "add-list-item",
        TENDER,
        edit(TENDER, "cpv: [09331100-9]", "cpv: []"),
        "too-few-items",
        lambda bad, p: bad.replace("cpv: []", "cpv:\n  - 09331100-9"),
    ),
    Hint(
        "months-not-years",
        CASE,
        edit(CASE, "year: 2017", "year: 17"),
        "out-of-range",
        lambda bad, p: bad.replace("year: 17", "year: 2017"),
    ),
    Hint(
        "shorter-title",
        ORG,
        edit(ORG, "abbreviation: BZK", "abbreviation: " + "B" * 250),
        "too-long",
        lambda bad, p: bad.replace("B" * 250, "BZK"),
    ),
    Hint(
        "plain-markdown",
        TENDER,
        edit(TENDER, "{nl: Panelen op daken.,", "{nl: 'Panelen <b>op</b> daken.',"),
        "unsafe-markdown",
        lambda bad, p: bad.replace("'Panelen <b>op</b> daken.'", "Panelen *op* daken."),
    ),
    Hint(
        "no-markup-in-plain-text",
        TENDER,
        edit(TENDER, "{nl: Zonnepanelen,", "{nl: '<i>Zonnepanelen</i>',"),
        "unsafe-text",
        lambda bad, p: bad.replace("'<i>Zonnepanelen</i>'", "Zonnepanelen"),
    ),
    # --- across fields and files
    Hint(
        "reference-suggestion",
        TENDER,
        edit(TENDER, "buyer: rvb", "buyer: rvbb"),
        "unknown-reference",
        lambda bad, p: bad.replace("buyer: rvbb", f"buyer: {suggestion(p)}"),
    ),
    Hint(
        "unique-item-id",
        PLAN,
        text(PLAN).replace(
            "indicators:",
            "  - id: a1\n    title: {nl: Actie 2, en: Action 2}\n    theme: klimaat\n"
            "    owner: Directie Inkoop\n    due: 2027-Q4\n    status: in-progress\nindicators:",
        ),
        "duplicate-id",
        lambda bad, p: replace_on_line(bad, p, "id: a1", "id: a2"),
    ),
    Hint(
        "dates-in-order",
        TENDER,
        edit(TENDER, "contract_start: 2027-10", "contract_start: 2027-01"),
        "dates-out-of-order",
        lambda bad, p: bad.replace("contract_start: 2027-01", "contract_start: 2027-10"),
    ),
    Hint(
        "swap-range",
        TENDER,
        edit(TENDER, "{min: 1000000, max: 2000000}", "{min: 2000000, max: 1000000}"),
        "range-inverted",
        lambda bad, p: bad.replace("{min: 2000000, max: 1000000}", "{min: 1000000, max: 2000000}"),
    ),
    Hint(
        "give-withdrawal-reason",
        TENDER,
        edit(TENDER, "status: planned", "status: withdrawn"),
        "missing-withdrawal-reason",
        lambda bad, p: bad + "withdrawal_reason: {nl: Geen budget., en: No budget.}\n",
    ),
    Hint(
        "drop-reason-without-withdrawal",
        TENDER,
        text(TENDER) + "withdrawal_reason: {nl: Geen budget., en: No budget.}\n",
        "reason-without-withdrawal",
        drop_line,
    ),
    Hint(
        "add-tenderned-link",
        TENDER,
        edit(TENDER, "status: planned", "status: published\npublished_on: 2026-11-02"),
        "missing-tenderned-link",
        lambda bad, p: bad + f"tenderned_url: {NOTICE}\n",
    ),
    Hint(
        "tenderned-host",
        TENDER,
        text(TENDER) + "tenderned_url: https://example.org/aankondiging/1\n",
        "not-tenderned",
        lambda bad, p: bad.replace(
            "https://example.org/aankondiging/1", re.findall(r"https://\S+[0-9]", p["hint"])[-1]
        ),
    ),
    Hint(
        "tenderned-search-page",
        TENDER,
        text(TENDER) + "tenderned_url: https://www.tenderned.nl/aankondigingen/zoeken\n",
        "not-tenderned",
        lambda bad, p: bad.replace(
            "https://www.tenderned.nl/aankondigingen/zoeken",
            re.findall(r"https://\S+[0-9]", p["hint"])[-1],
        ),
    ),
    Hint(
        "add-publication-date",
        TENDER,
        edit(
            TENDER,
            "status: planned",
            f"status: published\ntenderned_url: {NOTICE}",
        ),
        "missing-event-date",
        lambda bad, p: bad + re.search(r"'(published_on: [0-9-]+)'", p["hint"])[1] + "\n",
    ),
    Hint(
        "add-award-date",
        TENDER,
        edit(
            TENDER,
            "status: planned",
            f"status: awarded\ntenderned_url: {NOTICE}\npublished_on: 2025-01-05",
        ),
        "missing-event-date",
        lambda bad, p: bad + re.search(r"'(awarded_on: [0-9-]+)'", p["hint"])[1] + "\n",
    ),
    Hint(
        "date-before-its-status",
        TENDER,
        text(TENDER) + "published_on: 2026-11-02\n",
        "date-without-status",
        drop_line,
    ),
    Hint(
        "date-still-to-come",
        TENDER,
        edit(
            TENDER,
            "status: planned",
            f"status: published\ntenderned_url: {NOTICE}\npublished_on: 2027-02-01",
        ),
        "date-in-future",
        lambda bad, p: bad.replace("status: published", "status: planned").replace(
            f"\ntenderned_url: {NOTICE}\npublished_on: 2027-02-01",
            "",
        ),
    ),
    Hint(
        "award-before-publication",
        TENDER,
        edit(
            TENDER,
            "status: planned",
            f"status: awarded\ntenderned_url: {NOTICE}\npublished_on: 2026-06-01\n"
            "awarded_on: 2026-05-01",
        ),
        "dates-out-of-order",
        lambda bad, p: bad.replace("awarded_on: 2026-05-01", "awarded_on: 2026-09-01"),
    ),
    # --- policy checks (warnings): doing what the hint says clears them too
    Hint(
        "apply-social-return",
        TENDER,
        text(TENDER).replace("kind: works", "kind: services")
        + "estimated_wage_bill: 400000\nduration: {months: 24}\n",
        "social-return-expected",
        lambda bad, p: bad.replace("themes:\n", "themes:\n" + theme_entry("social-return")),
        also=(("themes.yaml", text("themes.yaml") + theme_record("social-return")),),
    ),
    Hint(
        "apply-isv",
        TENDER,
        text(TENDER).replace("above_eu_threshold: false", "above_eu_threshold: true"),
        "isv-expected",
        lambda bad, p: bad.replace(
            "themes:\n", "themes:\n" + theme_entry("internationale-sociale-voorwaarden")
        ),
        also=(
            ("category-plans/ict-werkplekken.yaml", text(CATEGORY) + "isv_risk: true\n"),
            (
                "themes.yaml",
                text("themes.yaml") + theme_record("internationale-sociale-voorwaarden"),
            ),
        ),
    ),
    Hint(
        "measure-an-effort-goal",
        "goals.yaml",
        text("goals.yaml") + "  measured_by: social-return\n",
        "invalid-measure",
        lambda bad, p: bad.replace("  measured_by: social-return\n", ""),
    ),
    Hint(
        "link-the-criteria-tool",
        "product-groups.yaml",
        text("product-groups.yaml") + "  criteria_url: https://www.pianoo.nl/nl/zonnepanelen\n",
        "not-criteria-tool",
        lambda bad, p: bad.replace("www.pianoo.nl/nl/", "www.mvicriteria.nl/nl/webtool#"),
    ),
    Hint(
        "apply-the-criteria",
        TENDER,
        text(TENDER).replace(
            "themes:\n  klimaat:\n    level: ambitieus\n    applied_as: [award-criteria]\n", ""
        )
        + "product_group: zonnepanelen\n",
        "mvi-criteria-expected",
        lambda bad, p: (
            bad + "themes:\n  klimaat:\n    level: ambitieus\n    applied_as: [award-criteria]\n"
        ),
    ),
    Hint(
        "https-link",
        ORG,
        edit(ORG, "website: https://", "website: http://"),
        "insecure-link",
        lambda bad, p: bad.replace("http://", "https://"),
    ),
    Hint(
        "add-english",
        ORG,
        edit(ORG, ", en: Ministry of the Interior}", "}"),
        "english-missing",
        lambda bad, p: bad.replace("{nl: Ministerie van BZK}", "{nl: Ministerie van BZK, en: BZK}"),
    ),
]


def _problems(run, data_dir: Path) -> list[dict]:
    result = run("validate", data_dir, "--format", "json", "--today", TODAY, "--lang", "en")
    assert "Traceback" not in result.out + result.err
    return json.loads(result.out)["problems"]


@pytest.mark.parametrize("hint", HINTS, ids=[hint.id for hint in HINTS])
def test_following_the_hint_clears_the_problem(hint: Hint, run, data_dir: Path) -> None:
    for name, content in hint.also:
        write(data_dir, name, content)
    write(data_dir, hint.file, hint.bad)
    problems = [p for p in _problems(run, data_dir) if p["code"] == hint.code]
    assert problems, f"{hint.code} not reported"
    problem = problems[0]

    write(data_dir, hint.file, hint.follow(hint.bad, problem))  # type: ignore[arg-type]

    after = [p for p in _problems(run, data_dir) if Path(p["file"]).name == Path(hint.file).name]
    assert hint.code not in {p["code"] for p in after if p["line"] == problem["line"]}, after
    if hint.then:
        assert {p["code"] for p in after} == {hint.then}, after
        # The hint named the next step: its message is in the hint.
        assert CODES[hint.then].message["en"].split("{")[0].strip("' ") in problem["hint"] or (
            after[0]["message"] in problem["hint"]
        ), (problem["hint"], after)
    else:
        assert after == [], after


# --- Hints about files rather than values: doing what they say to the data folder -------------


@dataclass
class FileHint:
    id: str
    code: str
    make: Callable[[Path], None]  # make the problem in the data folder
    follow: Callable[[Path, dict], None]  # do what the hint says


def _rename_to_hint(pattern: str) -> Callable[[Path, dict], None]:
    def follow(root: Path, problem: dict) -> None:
        match = re.search(pattern, problem["hint"])
        assert match, problem["hint"]
        path = Path(problem["file"])
        path.rename(path.with_name(match[1]))

    return follow


def _put(name: str, content: str | bytes) -> Callable[..., None]:
    """Write `content` to `name` in the data folder (whatever else the caller passes)."""

    def put(root: Path, *_: object) -> None:
        write(root, name, content)

    return put


def _move(old: str, new: str) -> Callable[[Path], None]:
    return lambda root: (root / old).rename(root / new)


def _overdue() -> str:
    """The minimal tender, planned to be published before the test's today."""
    return edit(TENDER, "expected_publication: 2027-Q2", "expected_publication: 2026-Q1").replace(
        "planned: 2027-02", "planned: 2025-11"
    )


FILE_HINTS = [
    FileHint(
        "rename-to-suggested-id",
        "invalid-file-name",
        _move(TENDER, "tenders/Zonnepanelen 2027.yaml"),
        _rename_to_hint(r"for example '([^']+)'"),
    ),
    FileHint(
        "rename-to-yaml",
        "wrong-extension",
        _move(TENDER, "tenders/rvb-2027-zonnepanelen.yml"),
        _rename_to_hint(r"Rename it to '([^']+)'"),
    ),
    FileHint(
        "remove-stray-file",
        "unexpected-file",
        _put("tenders/notes.txt", "x\n"),
        lambda root, p: Path(p["file"]).unlink(),
    ),
    FileHint(
        "restore-missing-file",
        "missing-file",
        lambda root: (root / "themes.yaml").unlink(),
        _put("themes.yaml", MINIMAL["themes.yaml"]),
    ),
    FileHint(
        "fill-empty-file",
        "empty-file",
        _put(ORG, "# nog te doen\n"),
        _put(ORG, MINIMAL[ORG]),
    ),
    FileHint(
        "mapping-like-the-others",
        "not-a-mapping",
        _put(ORG, "- BZK\n- ministry\n"),
        _put(ORG, MINIMAL[ORG]),
    ),
    FileHint(
        "valid-id-in-list-file",
        "invalid-id",
        _put("themes.yaml", text("themes.yaml").replace("circulair:", "Circulair:")),
        _put("themes.yaml", MINIMAL["themes.yaml"]),
    ),
    FileHint(
        "break-the-cycle",
        "reference-cycle",
        _put(ORG, text(ORG) + "parent: bzk\n"),
        _put(ORG, MINIMAL[ORG]),
    ),
    FileHint(
        "add-the-image",
        "missing-image",
        _put(CASE, text(CASE) + "images:\n  - file: hub.jpg\n    alt: {nl: De hub, en: The hub}\n"),
        _put("images/hub.jpg", b"\xff\xd8\xff\xe0"),
    ),
    FileHint(
        "take-out-what-was-pasted",
        "file-too-large",
        _put(TENDER, text(TENDER) + "# " + "Perceel;Waarde;" * 80_000 + "\n"),
        _put(TENDER, MINIMAL[TENDER]),
    ),
    FileHint(
        "review-the-plan",
        "plan-not-reviewed",
        _put(CATEGORY, edit(CATEGORY, "last_reviewed: 2026-06-01", "last_reviewed: 2025-06-01")),
        _put(CATEGORY, edit(CATEGORY, "last_reviewed: 2026-06-01", f"last_reviewed: {TODAY}")),
    ),
    FileHint(
        "update-the-status",
        "publication-in-past",
        _put(TENDER, _overdue()),
        _put(
            TENDER,
            _overdue().replace("status: planned", "status: published")
            + f"tenderned_url: {NOTICE}\npublished_on: 2026-11-02\n",
        ),
    ),
]


@pytest.mark.parametrize("hint", FILE_HINTS, ids=[hint.id for hint in FILE_HINTS])
def test_following_a_file_hint_clears_the_problem(hint: FileHint, run, data_dir: Path) -> None:
    hint.make(data_dir)
    problems = [p for p in _problems(run, data_dir) if p["code"] == hint.code]
    assert problems, f"{hint.code} not reported"
    hint.follow(data_dir, problems[0])
    after = _problems(run, data_dir)
    assert after == [], [(p["code"], p["message"]) for p in after]


def test_every_data_problem_with_a_hint_is_followed_here() -> None:
    """Codes about the file system or the site as a whole are followed in their own tests."""
    elsewhere = {
        "unreadable-file",  # file permissions: reported in tests/test_cli.py
        "invalid-value",  # no field of the models gives it today (a safety net)
        "duplicate-url",  # ids are unique per kind; no data set makes it today (a safety net)
        # the site's settings and pages: followed in tests/test_site_problems.py
        "site-url",
        "ocid-prefix",
        "security-contact",
        "page-collision",
        "missing-twin",
        # a spreadsheet's cells, not a data file: followed in tests/test_sheet_import.py
        "missing-id-column",
        "english-sheet",
        "duplicate-column",
        "unknown-column",
        "missing-id",
        "duplicate-row",
        "required-cell",
        "missing-column",
        "read-only-column",
        "theme-cell",
        "new-theme",
        "record-not-updatable",
    }
    followed = {hint.code for hint in HINTS} | {hint.code for hint in FILE_HINTS}
    assert set(CODES) - followed - elsewhere == set()
