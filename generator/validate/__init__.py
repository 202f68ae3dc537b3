"""Validation, in two stages: each record against its model, then the rules across files."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.problems import Report
from generator.source.dataset import DataSet
from generator.source.load import FileCache, load_data
from generator.validate import policy  # noqa: F401  (registers the policy checks)
from generator.validate.fields import validate_entry
from generator.validate.rules import Context, run_rules


@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def validate_data(
    root: Path, today: dt.date, cache: FileCache | None = None
) -> tuple[DataSet, Report]:
    """Load and check everything under `root`; the report holds every problem of every file.

    `cache`: files read before by this process, reused while unchanged (`mvi-site serve`)."""
    with _gc_paused():  # thousands of small acyclic objects: the cyclic GC only slows loading
        # Each record is checked against its model as soon as its file is read.
        dataset, problems, files = load_data(root, validate_entry, cache)
        report = Report(problems, files)
    for finding in run_rules(dataset, Context(today)):
        entry = finding.entry
        report.add(
            entry.source.problem(
                (*entry.base, *finding.loc),
                finding.code,
                at_key=finding.at_key,
                needle=finding.needle,
                **finding.params,
            )
        )
    return dataset, report
