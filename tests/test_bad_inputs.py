"""Every kind of bad input exits 1 and names the file, line, field and problem code.

Each case changes one file of the minimal valid data set. The expected line is the one marked
`# <--` in the fixture (or given explicitly where the file is not text).
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import MINIMAL, TODAY, write

TENDER = "tenders/rvb-2027-zonnepanelen.yaml"
NOTICE = "https://www.tenderned.nl/aankondigingen/overzicht/433831"  # a notice's address
ORG = "organisations/bzk.yaml"
PLAN = "action-plans/bzk-2025.yaml"
CASE = "cases/logistieke-hub.yaml"
CATEGORY = "category-plans/ict-werkplekken.yaml"


def tender(old: str, new: str) -> str:
    text = textwrap.dedent(MINIMAL[TENDER])
    assert old in text, old
    return text.replace(old, new, 1)


def base(name: str, old: str, new: str) -> str:
    text = textwrap.dedent(MINIMAL[name])
    assert old in text, old
    return text.replace(old, new, 1)


@dataclass
class Case:
    id: str
    file: str
    content: str | bytes | None  # None deletes the file
    code: str
    field: str = ""  # expected in the problem's field path or message
    line: int | None = None  # None: the line marked "# <--"
    column: int | None = None  # checked when given

    def expected_line(self) -> int:
        if self.line is not None:
            return self.line
        assert isinstance(self.content, str)
        lines = textwrap.dedent(self.content).split("\n")  # as editors count: not at NEL
        return next(i for i, text in enumerate(lines, 1) if "# <--" in text)


CASES = [
    # --- the file itself
    Case("not-utf8", TENDER, b"title: caf\xe9\n", "not-utf8", line=1),
    Case("tab-indent", TENDER, "title:\n\tnl: x  # <--\n", "tab-indentation"),
    Case("yaml-syntax", ORG, "abbreviation: BZK\nname: [Ministerie  # <--\n", "yaml-syntax"),
    Case("empty-file", ORG, "# nothing here\n", "empty-file", line=1),
    Case("null-document", ORG, "null\n", "empty-file", line=1),
    Case(
        "two-documents",
        ORG,
        "abbreviation: BZK\n---  # <--\nkind: ministry\n",
        "multiple-documents",
    ),
    Case("not-a-mapping", ORG, "- BZK\n- ministry\n", "not-a-mapping", line=1),
    Case(
        "huge-integer",
        TENDER,
        tender(
            "estimated_value: {min: 1000000, max: 2000000}",
            "estimated_value: {min: " + "9" * 5000 + ", max: 2000000}  # <--",
        ),
        "number-too-large",
    ),
    Case("infinite-float", ORG, "abbreviation: BZK\nsize: 1e999  # <--\n", "number-too-large"),
    Case(
        "duplicate-key",
        ORG,
        base(ORG, "kind: ministry", "kind: ministry\nkind: agency  # <--"),
        "duplicate-key",
        "kind",
    ),
    Case("alias", ORG, base(ORG, "kind: ministry", "kind: &k ministry\nabbr: *k  # <--"), "alias"),
    Case("merge-key", ORG, "<<: {kind: ministry}  # <--\nabbreviation: BZK\n", "alias"),
    Case(
        "python-tag",
        ORG,
        base(ORG, "kind: ministry", "kind: !!python/object:os.system x  # <--"),
        "custom-tag",
    ),
    Case("custom-tag", ORG, base(ORG, "kind: ministry", "kind: !ministry x  # <--"), "custom-tag"),
    Case(
        "file-name", "tenders/Zonnepanelen 2027.yaml", MINIMAL[TENDER], "invalid-file-name", line=1
    ),
    Case("yml-extension", "tenders/zonnepanelen.yml", MINIMAL[TENDER], "wrong-extension", line=1),
    Case("stray-file", "notes.txt", "hello\n", "unexpected-file", line=1),
    Case("missing-themes", "themes.yaml", None, "missing-file", "themes.yaml", line=1),
    Case("id-in-file", ORG, "id: bzk  # <--\n" + textwrap.dedent(MINIMAL[ORG]), "id-in-file"),
    # --- characters nobody sees, each at its own line and column, with its field
    Case(
        "nul-byte",
        TENDER,
        tender(
            "title: {nl: Zonnepanelen, en: Solar panels}",
            "title: {nl: Zonne\x00panelen, en: Solar panels}  # <--",
        ),
        "invisible-character",
        "title.nl",
        column=18,
    ),
    Case(
        "bidi-override",
        TENDER,
        tender(
            "description: {nl: Panelen op daken., en: Panels on roofs.}",
            "description: {nl: Pan\u202eelen op daken., en: Panels on roofs.}  # <--",
        ),
        "invisible-character",
        "description.nl",
        column=22,
    ),
    Case(
        "zero-width-joiner",
        ORG,
        base(ORG, "abbreviation: BZK", "abbreviation: B\u200dZK  # <--"),
        "invisible-character",
        "abbreviation",
        column=16,
    ),
    Case(
        # YAML reads NEL as a line break: every line after it was reported one too far.
        "next-line-control",
        ORG,
        base(ORG, "abbreviation: BZK", "abbreviation: B\x85ZK  # <--"),
        "invisible-character",
        "abbreviation",
        column=16,
    ),
    Case(
        "control-in-block",
        TENDER,
        tender(
            "description: {nl: Panelen op daken., en: Panels on roofs.}",
            "description:\n  nl: |\n    Panelen op daken.\n    Met een \x1b teken.  # <--\n  en: x",
        ),
        "invisible-character",
        "description.nl",
        column=13,
    ),
    # --- values YAML reads otherwise than the editor wrote them
    Case(
        "url-cut-by-comment",
        ORG,
        base(
            ORG,
            "website: https://www.rijksoverheid.nl",
            "website: https://www.rijksoverheid.nl/a #deel  # <--",
        ),
        "value-cut-by-comment",
        "website",
        column=41,
    ),
    Case(
        "anchor-without-alias",
        ORG,
        base(ORG, "kind: ministry", "kind: &soort ministry  # <--"),
        "anchor",
        column=7,
    ),
    Case(
        "file-too-large",
        TENDER,
        tender("example: true", "example: true\n# " + "x" * 1_100_000),
        "file-too-large",
        line=1,
    ),
    Case(
        "too-deep",
        ORG,
        "abbreviation: BZK\nname: " + "[" * 200 + "]" * 200 + "  # <--\n",
        "too-deep",
    ),
    Case(
        "http-link",
        ORG,
        base(
            ORG,
            "website: https://www.rijksoverheid.nl",
            "website: http://www.rijksoverheid.nl  # <--",
        ),
        "insecure-link",
        "website",
    ),
    Case(
        "http-link-in-block",
        TENDER,
        tender(
            "description: {nl: Panelen op daken., en: Panels on roofs.}",
            "description:\n  nl: |\n    Panelen op daken.\n\n"
            "    Zie [de site](http://example.org).  # <--\n  en: x",
        ),
        "insecure-link",
        "description.nl",
        column=19,
    ),
    Case(
        "script-in-block",
        TENDER,
        tender(
            "description: {nl: Panelen op daken., en: Panels on roofs.}",
            "description:\n  nl: >\n    Panelen op daken.\n"
            "    Klik <script>x</script>  # <--\n  en: x",
        ),
        "unsafe-markdown",
        "description.nl",
        column=10,
    ),
    Case(
        "cpv-without-check-digit",
        TENDER,
        tender("cpv: [09331100-9]", "cpv: ['09331100']  # <--"),
        "invalid-cpv",
        "check digit",
    ),
    # --- fields against the model
    Case("missing-field", TENDER, tender("buyer: rvb\n", ""), "missing-field", "buyer", line=1),
    Case(
        "unknown-field",
        TENDER,
        tender("kind: works", "kind: works\ntitel: x  # <--"),
        "unknown-field",
        "titel",
    ),
    Case(
        "flag-now-a-theme",
        TENDER,
        tender("kind: works", "kind: works\nsocial_return: true  # <--"),
        "flag-now-a-theme",
        "social_return",
    ),
    Case(
        "bool-as-no",
        TENDER,
        tender("above_eu_threshold: false", "above_eu_threshold: no  # <--"),
        "wrong-type",
        "above_eu_threshold",
    ),
    Case(
        "number-as-text",
        ORG,
        base(ORG, "abbreviation: BZK", "abbreviation: 2027  # <--"),
        "wrong-type",
        "abbreviation",
    ),
    Case(
        "impossible-date",
        CATEGORY,
        base(CATEGORY, "last_reviewed: 2026-06-01", "last_reviewed: 2026-13-01  # <--"),
        "invalid-date",
        "last_reviewed",
    ),
    Case(
        "bad-quarter",
        TENDER,
        tender("expected_publication: 2027-Q2", "expected_publication: 2027-Q5  # <--"),
        "invalid-planned-date",
        "expected_publication",
    ),
    Case(
        "bad-choice", TENDER, tender("kind: works", "kind: werken  # <--"), "invalid-choice", "kind"
    ),
    Case(
        "bad-level",
        TENDER,
        tender("level: ambitieus", "level: hoog  # <--"),
        "unknown-reference",
        "themes.klimaat.level",
    ),
    Case(
        "bad-ocds-goal",
        "themes.yaml",
        base(
            "themes.yaml",
            "  summary: {nl: Minder",
            "  ocds_goal: circular  # <--\n  summary: {nl: Minder",
        ),
        "invalid-choice",
        "circulair.ocds_goal",
    ),
    Case(
        "bad-cpv",
        TENDER,
        tender("cpv: [09331100-9]", "cpv: [0933110-9]  # <--"),
        "invalid-cpv",
        "cpv[0]",
    ),
    Case("no-cpv", TENDER, tender("cpv: [09331100-9]", "cpv: []  # <--"), "too-few-items", "cpv"),
    Case(
        "bad-email",
        TENDER,
        tender("contact: {email: inkoop@example.org}", "contact: {email: inkoop@}  # <--"),
        "invalid-email",
        "contact.email",
    ),
    Case(
        "bad-url",
        ORG,
        base(ORG, "website: https://www.rijksoverheid.nl", "website: www.rijksoverheid.nl  # <--"),
        "invalid-url",
        "website",
    ),
    Case(
        "script-in-markdown",
        TENDER,
        tender(
            "description: {nl: Panelen op daken., en: Panels on roofs.}",
            "description: {nl: 'Panelen <script>alert(1)</script>', en: x}  # <--",
        ),
        "unsafe-markdown",
        "description.nl",
    ),
    Case(
        "javascript-link",
        TENDER,
        tender(
            "description: {nl: Panelen op daken., en: Panels on roofs.}",
            "description: {nl: '[klik](javascript:alert(1))', en: x}  # <--",
        ),
        "unsafe-markdown",
        "description.nl",
    ),
    Case(
        "encoded-javascript",
        TENDER,
        tender(
            "description: {nl: Panelen op daken., en: Panels on roofs.}",
            "description: {nl: '[klik](&#106;avascript:alert(1))', en: x}  # <--",
        ),
        "unsafe-markdown",
        "description.nl",
    ),
    Case(
        "attribute-list",
        CASE,
        base(
            CASE,
            'body: {nl: "Een *hub*.", en: "A *hub*."}',
            'body: {nl: "Een hub {: .x onclick=y}", en: x}  # <--',
        ),
        "unsafe-markdown",
        "body.nl",
    ),
    Case(
        "snippet",
        CASE,
        base(
            CASE,
            'body: {nl: "Een *hub*.", en: "A *hub*."}',
            'body: {nl: "--8<-- \\"/etc/passwd\\"", en: x}  # <--',
        ),
        "unsafe-markdown",
        "body.nl",
    ),
    Case(
        "html-in-title",
        TENDER,
        tender(
            "title: {nl: Zonnepanelen, en: Solar panels}",
            "title: {nl: '\"><img src=x onerror=alert(1)>', en: x}  # <--",
        ),
        "unsafe-text",
        "title.nl",
    ),
    Case(
        "empty-title",
        TENDER,
        tender("title: {nl: Zonnepanelen, en: Solar panels}", "title: ''  # <--"),
        "empty-value",
        "title",
    ),
    Case(
        "zero-months",
        TENDER,
        tender("kind: works", "kind: works\nduration: {months: 0}  # <--"),
        "out-of-range",
        "duration.months",
    ),
    Case(
        "list-as-text",
        CASE,
        base(CASE, "themes: [klimaat]", "themes: klimaat  # <--"),
        "wrong-type",
        "themes",
    ),
    Case(
        "bad-key-id",
        "themes.yaml",
        "Klimaat Neutraal:  # <--\n  name: x\n  summary: y\n",
        "invalid-id",
        "Klimaat Neutraal",
    ),
    Case(
        "complex-key",
        ORG,
        base(ORG, "kind: ministry", "kind: ministry\n[a, b]: x  # <--"),
        "complex-key",
    ),
    Case(
        "title-too-long",
        TENDER,
        tender("title: {nl: Zonnepanelen, en: Solar panels}", "title: " + "x" * 201 + "  # <--"),
        "too-long",
        "title",
    ),
    Case(
        "bad-phone",
        TENDER,
        tender(
            "contact: {email: inkoop@example.org}",
            "contact: {email: inkoop@example.org, phone: bel mij}  # <--",
        ),
        "invalid-phone",
        "contact.phone",
    ),
    # --- across fields and files
    Case(
        "unknown-category",
        TENDER,
        tender("category: ict-werkplekken", "category: ict-werkplek  # <--"),
        "unknown-reference",
        "category",
    ),
    Case(
        "unknown-theme-key",
        TENDER,
        tender("  klimaat:\n    level", "  klimat:  # <--\n    level"),
        "unknown-reference",
        "themes.klimat",
    ),
    Case(
        "unknown-buyer",
        TENDER,
        tender("buyer: rvb", "buyer: rws  # <--"),
        "unknown-reference",
        "buyer",
    ),
    Case(
        "contract-before-publication",
        TENDER,
        tender("contract_start: 2027-10", "contract_start: 2027-01  # <--"),
        "dates-out-of-order",
        "contract_start",
    ),
    Case(
        "consultation-after-publication",
        TENDER,
        tender("expected_publication: 2027-Q2", "expected_publication: 2027-01  # <--"),
        "dates-out-of-order",
        "expected_publication",
    ),
    Case(
        "value-inverted",
        TENDER,
        tender(
            "estimated_value: {min: 1000000, max: 2000000}",
            "estimated_value: {min: 3000000, max: 2000000}  # <--",
        ),
        "range-inverted",
        "estimated_value.max",
    ),
    Case(
        "withdrawn-no-reason",
        TENDER,
        tender("status: planned", "status: withdrawn  # <--"),
        "missing-withdrawal-reason",
        "status",
    ),
    Case(
        "published-no-link",
        TENDER,
        tender("status: planned", "status: published  # <--"),
        "missing-tenderned-link",
        "status",
    ),
    Case(
        "not-tenderned",
        TENDER,
        tender("status: planned", "status: planned\ntenderned_url: https://example.org/x  # <--"),
        "not-tenderned",
        "tenderned_url",
    ),
    Case(
        "tenderned-search-page",
        TENDER,
        tender(
            "status: planned",
            "status: planned\ntenderned_url: https://www.tenderned.nl/aankondigingen/zoeken  # <--",
        ),
        "not-tenderned",
        "tenderned_url",
    ),
    Case(
        "published-no-date",
        TENDER,
        tender(
            "status: planned",
            f"status: published  # <--\ntenderned_url: {NOTICE}",
        ),
        "missing-event-date",
        "status",
    ),
    Case(
        "award-date-while-planned",
        TENDER,
        tender("status: planned", "status: planned\nawarded_on: 2026-01-05  # <--"),
        "date-without-status",
        "awarded_on",
    ),
    Case(
        "published-tomorrow",
        TENDER,
        tender(
            "status: planned",
            f"status: published\ntenderned_url: {NOTICE}\npublished_on: 2099-01-01  # <--",
        ),
        "date-in-future",
        "published_on",
    ),
    Case(
        "award-before-publication",
        TENDER,
        tender(
            "status: planned",
            f"status: awarded\ntenderned_url: {NOTICE}\npublished_on: 2026-06-01\n"
            "awarded_on: 2026-05-01  # <--",
        ),
        "dates-out-of-order",
        "awarded_on",
    ),
    Case(
        "parent-cycle",
        ORG,
        base(ORG, "kind: ministry", "kind: ministry\nparent: rvb  # <--"),
        "reference-cycle",
        "parent",
    ),
    Case(
        "duplicate-action",
        PLAN,
        base(
            PLAN,
            "  - id: a1\n",
            "  - id: a1\n"
            "    title: x\n    theme: klimaat\n    owner: y\n    due: 2027-Q1\n    status: done\n"
            "  - id: a1  # <--\n",
        ),
        "duplicate-id",
        "actions[1].id",
    ),
    Case(
        "missing-image",
        CASE,
        textwrap.dedent(MINIMAL[CASE])
        + "images:\n  - file: hub.jpg  # <--\n    alt: {nl: De hub, en: The hub}\n",
        "missing-image",
        "images[0].file",
    ),
    Case(
        "period-inverted",
        CATEGORY,
        base(
            CATEGORY, "period: {start: 2025, end: 2028}", "period: {start: 2029, end: 2028}  # <--"
        ),
        "dates-out-of-order",
        "period.end",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_reported_at_its_place(case: Case, run, data_dir: Path) -> None:
    target = data_dir / case.file
    if case.content is None:
        target.unlink()
    else:
        write(data_dir, case.file, case.content)

    result = run("validate", data_dir, "--format", "json", "--today", TODAY, "--lang", "en")

    assert result.code == 1, result.out
    assert "Traceback" not in result.out + result.err
    problems = json.loads(result.out)["problems"]
    matches = [p for p in problems if p["code"] == case.code]
    assert matches, f"no {case.code} in {problems}"
    problem = matches[0]
    assert Path(problem["file"]).name == Path(case.file).name or case.code == "missing-file"
    assert problem["line"] == case.expected_line(), problem
    assert case.column is None or problem["column"] == case.column, problem
    assert case.field in problem["field"] + " " + problem["message"], problem
    assert problem["severity"] == "error"
    for problem in problems:  # every template found the parameters it names
        assert not re.search(r"\{[a-z_]+\}", problem["message"] + (problem["hint"] or ""))


def test_there_are_at_least_thirty_distinct_bad_inputs() -> None:
    assert len({case.id for case in CASES}) >= 30
    assert len({case.code for case in CASES}) >= 30


def test_id_inside_a_list_file_is_reported_not_overwritten(run, data_dir):
    themes = data_dir / "themes.yaml"
    themes.write_text(themes.read_text().replace("klimaat:\n", "klimaat:\n  id: climate\n", 1))
    result = run("validate", data_dir, "--format", "json", "--today", TODAY)
    problems = json.loads(result.out)["problems"]
    assert result.code == 1
    assert [(p["code"], p["line"], p["field"]) for p in problems] == [
        ("id-in-file", 2, "klimaat.id")
    ]
