"""Whether a chart, a count or a table is made from example records, said in one sentence.

A record with `example: true` is illustrative, and its own page says so; a figure or a count
made from such records must say so too, or a reader takes invented numbers for real ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.base.i18n import Lang, t


def examples_note(records: Iterable[Any], noun: str, lang: Lang) -> str:
    """'3 of the 12 tenders counted here are examples: …', or '' when none of `records` is;
    `noun` names them (`tender`, `plan`, `case`, `goal`, `route-map`)."""
    records = list(records)
    examples = sum(1 for record in records if getattr(record, "example", False))
    return count_note(examples, len(records), noun, lang)


def count_note(examples: int, total: int, noun: str, lang: Lang) -> str:
    """The sentence for `examples` example records among `total` counted; '' for none."""
    if not examples:
        return ""
    if total == 1:
        return t("examples.single", lang)
    key = "all" if examples == total else "one" if examples == 1 else "some"
    return t(f"examples.{key}", lang, n=examples, total=total, what=t(f"noun.{noun}", lang))
