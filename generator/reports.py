"""Print a validation report for people (text), for GitHub Actions, or as JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Callable

from generator.problems import CODES, Problem, Report


def format_text(report: Report, lang: str) -> str:
    lines = []
    for problem in report.sorted():
        severity = _SEVERITY[lang][problem.severity.value]
        where = _where(problem)
        field = f"{problem.path}: " if problem.path else ""
        lines.append(f"{where}: {severity}: {field}{problem.message(lang)} [{problem.code}]")
        if hint := problem.hint(lang):
            lines.append(f"    {_HINT[lang]}: {hint}")
    lines.append(_summary(report, lang))
    return "\n".join(lines)


def format_github(report: Report, lang: str) -> str:
    """Workflow commands: one annotation per problem, shown on the changed lines of a PR."""
    lines = []
    for problem in report.sorted():
        level = "error" if problem.severity.value == "error" else "warning"
        text = f"{problem.path}: {problem.message(lang)}" if problem.path else problem.message(lang)
        if hint := problem.hint(lang):
            text += f" — {hint}"
        if problem.cell:  # an annotation has no place for a cell: it leads the text
            text = f"{problem.cell}: {text}"
        title = f"{CODES[problem.code].title} [{problem.code}]"
        lines.append(
            f"::{level} file={_prop(problem.file)},line={problem.line},"
            f"col={problem.column},title={_prop(title)}::{_data(text)}"
        )
    lines.append(_summary(report, lang))
    return "\n".join(lines)


def format_json(report: Report, lang: str) -> str:
    return json.dumps(
        {
            "valid": not report.errors,
            "files": report.files,
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "problems": [_as_dict(problem, lang) for problem in report.sorted()],
        },
        ensure_ascii=False,
        indent=2,
    )


def _as_dict(problem: Problem, lang: str) -> dict[str, object]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "cell": problem.cell or None,
        "severity": problem.severity.value,
        "code": problem.code,
        "field": problem.path,
        "message": problem.message(lang),
        "hint": problem.hint(lang) or None,
    }


def _where(problem: Problem) -> str:
    """`file:line:column`, or `planning.xlsx!Kalender!C12` for a spreadsheet's cell."""
    if problem.cell:
        return f"{problem.file}!{problem.cell}"
    return f"{problem.file}:{problem.line}:{problem.column}"


def _summary(report: Report, lang: str) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    if lang == "nl":
        return (
            f"{report.files} bestanden gecontroleerd: {errors} fout(en), "
            f"{warnings} waarschuwing(en)."
        )
    return f"{report.files} files checked: {errors} error(s), {warnings} warning(s)."


def _data(text: str) -> str:  # escaping rules of GitHub workflow commands
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


_SEVERITY = {
    "nl": {"error": "fout", "warning": "waarschuwing"},
    "en": {"error": "error", "warning": "warning"},
}
_HINT = {"nl": "oplossing", "en": "fix"}
FORMATS: dict[str, Callable[[Report, str], str]] = {
    "text": format_text,
    "github": format_github,
    "json": format_json,
}
