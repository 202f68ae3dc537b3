"""Validation speed at scale: prints a table for 500, 2,000 and 10,000 synthetic tenders.

Figures, not assertions: run with `make bench`. The data sets are made by `mvi-site synth` from
the reference data in data/ (themes, goals, organisations, category plans).
"""

from __future__ import annotations

import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.base.clock import today
from generator.editors.synth import synthesise
from generator.validate import validate_data

ROOT = Path(__file__).resolve().parent.parent
SIZES = (500, 2_000, 10_000)


def main() -> None:
    print(f"machine: {platform.machine()}, {_cpus()} CPUs, Python {platform.python_version()}")
    print(f"{'tenders':>8} {'files':>7} {'in-process s':>13} {'CLI s':>7} {'errors':>7}")
    with tempfile.TemporaryDirectory() as scratch:
        for size in SIZES:
            folder = Path(scratch) / f"data-{size}"
            synthesise(ROOT / "data", folder, size)
            seconds, files, errors = _in_process(folder)
            cli = _cli(folder)
            print(f"{size:>8,} {files:>7,} {seconds:>13.2f} {cli:>7.2f} {errors:>7}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the in-process runs: {peak:.0f} MiB")


def _in_process(folder: Path) -> tuple[float, int, int]:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        _, report = validate_data(folder, today())
        best = min(best, time.perf_counter() - start)
    return best, report.files, len(report.errors)


def _cli(folder: Path) -> float:
    """Wall-clock time of the command an editor or CI runs, start-up included."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "generator.cli", "validate", str(folder)],
        check=False,
        capture_output=True,
    )
    return time.perf_counter() - start


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    main()
