"""Wall time per step of a build, printed as one line so an editor (and `make bench`) sees it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Timings:
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def __call__(self, step: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[step] = self.seconds.get(step, 0.0) + time.perf_counter() - started

    def line(self) -> str:
        steps = ", ".join(f"{step} {seconds:.2f} s" for step, seconds in self.seconds.items())
        return f"Steps: {steps}"
