"""`mvi-site diff`: the data at two Git revisions (or two folders), compared record by record.

Markdown for a pull-request comment or a job summary; JSON for tools. Editor text is escaped in
the Markdown, so a title cannot inject links or markup into a pull request page. A base without
a data folder (a repository's first data pull request) has no records: every record is added. A
record deleted is flagged for the editor to confirm, in both outputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Version:
    """One version of the data folder: its valid records, and every id in it, valid or not."""

    records: dict[str, dict[str, BaseModel]]
    ids: dict[str, set[str]]  # per kind; "*" when a kind's single file could not be read
    errors: int  # how many problems it has
    exists: bool = True  # False before the data folder was made


def load_version(folder: Path, today: Any) -> Version:
    """The records of every kind in `folder`, or none when there is no such folder."""
    if not folder.is_dir():
        return Version({kind.name: {} for kind in KINDS}, {}, 0, exists=False)
    dataset, report = validate_data(folder, today)
    records = {kind.name: dict(dataset.records(kind.name)) for kind in KINDS}
    ids = {kind.name: dataset.ids(kind.name) for kind in KINDS}
    return Version(records, ids, len(report.errors))


@dataclass(frozen=True)
class Comparison:
    """What `mvi-site diff` found between two versions of the data."""

    base: str
    head: str | None  # None: the data folder as it is now
    changes: list[RecordChange]
    errors: dict[str, int]  # problems per side ("base", "head"): only valid records compare
    base_has_data: bool = True  # False for a repository's first data pull request
    invalid: list[RecordChange] = field(default_factory=list)  # in both, not valid in one

    @property
    def to_confirm(self) -> list[RecordChange]:
        """The records deleted, which the editor confirms (or withdraws instead)."""
        return [change for change in self.changes if change.action == "removed"]


def compare(base: str, head: str | None, data_dir: Path, today: Any) -> Comparison:
    """The changes from `base` to `head` (default: the data folder as it is now)."""
    with ExitStack() as stack:
        old_folder = stack.enter_context(_folder(base, data_dir))
        new_folder = stack.enter_context(_folder(head, data_dir)) if head else data_dir
        before, after = load_version(old_folder, today), load_version(new_folder, today)
    changes: list[RecordChange] = []
    invalid: list[RecordChange] = []
    for change in diff_datasets(before.records, after.records):
        other = {"removed": after, "added": before}.get(change.action)  # does it have it?
        ids = other.ids.get(change.kind, set()) if other else set()
        (invalid if change.id in ids or "*" in ids else changes).append(change)
    errors = {"base": before.errors, "head": after.errors}
    return Comparison(base, head, changes, errors, before.exists, invalid)


def as_markdown(comparison: Comparison, lang: Lang) -> str:
    changes = comparison.changes
    lines = [f"### {t('change.title', lang, n=len(changes))}", ""]
    if not comparison.base_has_data:
        lines += [t("change.first", lang, base=markdown_text(comparison.base)), ""]
    if not changes and not comparison.invalid:
        return "\n".join([*lines, t("change.none", lang), ""])
    if removed := len(comparison.to_confirm):
        many = t("change.confirm.many", lang, n=removed)
        lines += [f"**{t('change.confirm.one', lang) if removed == 1 else many}**", ""]
    current = None
    for change in changes:
        if change.kind != current:
            current = change.kind
            lines += ["", f"**{t(f'section.{kind_section(change.kind)}', lang)}**", ""]
        lines += _markdown_change(change, lang)
    lines += _markdown_invalid(comparison.invalid, lang)
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def _markdown_invalid(invalid: list[RecordChange], lang: Lang) -> list[str]:
    """Records in both versions but not valid in one: not compared, not added or deleted."""
    if not invalid:
        return []
    names = ", ".join(f"{markdown_text(c.title(lang))} (`{c.id}`)" for c in invalid)
    return ["", f"**{t('change.invalid', lang)}:** {names}"]


def _markdown_change(change: RecordChange, lang: Lang) -> list[str]:
    """One record's line; several changes go on lines of their own under it."""
    head = f"- **{markdown_text(change.title(lang))}** (`{change.id}`):"
    if (why := change.confirmation(lang)) is not None:
        return [f"{head} **{t('change.confirm', lang)}:** {markdown_text(why)}"]
    phrases = [markdown_text(phrase) for phrase in change.phrases(lang)]
    if len(phrases) == 1:
        return [f"{head} {phrases[0]}"]
    return [head, *(f"  - {phrase}" for phrase in phrases)]


def as_json(comparison: Comparison) -> str:
    document = {
        "base": comparison.base,
        "head": comparison.head or "working tree",
        "base_has_data": comparison.base_has_data,
        "count": len(comparison.changes),
        "to_confirm": len(comparison.to_confirm),
        "changes": [change.as_json() for change in comparison.changes],
        "invalid": [
            {"kind": c.kind, "id": c.id, "title": c.title("nl")} for c in comparison.invalid
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
