"""Every planned tender against every effort goal it falls under, as a table to download.

The monitor page lists the first tenders that do not meet a goal or cannot be judged; this
file lists them all, so an editor can sort and filter them in a spreadsheet and act.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urljoin

from generator.base.i18n import Lang, t
from generator.base.tables import CellKind, Sheet, SheetColumn
from generator.base.urls import record_url
from generator.models import Tender
from generator.monitor.effort import EffortResult, Verdict, missing

_COLUMNS: tuple[tuple[str, CellKind, str], ...] = (  # (key, cell kind, description key)
    ("goal", "text", "effort.csv.goal"),
    ("goal-title", "text", "effort.csv.goal-title"),
    ("tender", "text", "effort.csv.tender"),
    ("title", "text", "effort.csv.title"),
    ("buyer", "text", "effort.csv.buyer"),
    ("category", "text", "effort.csv.category"),
    ("verdict", "text", "effort.csv.verdict"),
    ("missing", "text", "effort.csv.missing"),
    ("example", "boolean", "effort.csv.example"),
    ("page", "url", "effort.csv.page"),
)


def effort_sheet(results: Sequence[EffortResult], site_url: str, lang: Lang) -> Sheet:
    """One row per goal and tender the goal applies to (or may apply to), in goal order, then
    calendar order; tenders outside a goal's scope are left out."""
    columns = [
        SheetColumn(t(f"{key}.header", lang), kind, t(key, lang), t(key, "en"))
        for _, kind, key in _COLUMNS
    ]
    rows = [
        _row(result, verdict, site_url, lang)
        for result in results
        for verdict in result.verdicts
        if verdict.in_scope is not False
    ]
    return Sheet(t("effort.csv.name", lang), columns, rows, lang)


def _row(result: EffortResult, verdict: Verdict, site_url: str, lang: Lang) -> list[Any]:
    tender: Tender = verdict.tender
    if verdict.in_scope is None:
        said = "scope-unknown"
    else:
        said = {True: "met", False: "not-met", None: "unknown"}[verdict.met]
    gaps = missing(result.measure, tender)
    return [
        result.goal.id,
        result.goal.title.get(lang),
        tender.id,
        tender.title.get(lang),
        tender.buyer,
        tender.category,
        t(f"effort.{said}", lang),
        "; ".join(t(f"effort.gap.{gap}", lang) for gap in gaps) or None,
        tender.example,
        urljoin(site_url, record_url("tender", tender.id, lang)),
    ]
