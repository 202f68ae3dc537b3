"""`mvi-site diff`: the data at two Git revisions (or two folders), compared record by record.

Markdown for a pull-request comment or a job summary; JSON for tools. Editor text is escaped in
the Markdown, so a title cannot inject links or markup into a pull request page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.base.i18n import Lang, t
from generator.base.urls import kind_section
from generator.history.diff import RecordChange, diff_datasets, markdown_text
from generator.history.git import data_at
from generator.source.layout import KINDS
from generator.validate import validate_data


@contextmanager
def _folder(spec: str, data_dir: Path) -> Iterator[Path]:
    """An existing folder as it is, or the data folder at a Git revision."""
    if Path(spec).is_dir():
        yield Path(spec)
    else:
        with data_at(spec, data_dir) as folder:
            yield folder


def load_records(folder: Path, today: Any) -> tuple[dict[str, dict[str, BaseModel]], int]:
    """The valid records of every kind, and how many problems the folder has."""
    if not folder.is_dir():
        return {kind.name: {} for kind in KINDS}, 0
    dataset, report = validate_data(folder, today)
    records = {kind.name: dict(dataset.records(kind.name)) for kind in KINDS}
    return records, len(report.errors)


def compare(
    base: str, head: str | None, data_dir: Path, today: Any
) -> tuple[list[RecordChange], dict[str, int]]:
    """The changes from `base` to `head` (default: the data folder as it is now)."""
    with ExitStack() as stack:
        old_folder = stack.enter_context(_folder(base, data_dir))
        new_folder = stack.enter_context(_folder(head, data_dir)) if head else data_dir
        before, old_errors = load_records(old_folder, today)
        after, new_errors = load_records(new_folder, today)
    return diff_datasets(before, after), {"base": old_errors, "head": new_errors}


def as_markdown(changes: list[RecordChange], lang: Lang) -> str:
    lines = [f"### {t('change.title', lang, n=len(changes))}", ""]
    if not changes:
        return "\n".join([*lines, t("change.none", lang), ""])
    current = None
    for change in changes:
        if change.kind != current:
            current = change.kind
            lines += ["", f"**{t(f'section.{kind_section(change.kind)}', lang)}**", ""]
        what = "; ".join(change.phrases(lang))
        title = markdown_text(change.title(lang))
        lines.append(f"- **{title}** (`{change.id}`): {markdown_text(what)}")
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def as_json(changes: list[RecordChange], base: str, head: str | None) -> str:
    document = {
        "base": base,
        "head": head or "working tree",
        "count": len(changes),
        "changes": [change.as_json() for change in changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
