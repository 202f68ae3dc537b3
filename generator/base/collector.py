"""Python's cycle collector during a build: the data set and the plans are left out of its walks.

A build holds the data set, its cross references and every output's plan from start to end:
millions of objects that the collector would walk again at every full collection, in both
processes of the build (`generator/publish/alongside.py`), and each walk in the forked process
writes to every page of memory it inherited, so the system copies them all. Frozen, they are
not walked; full collections are also made ten times rarer, as what a build makes after that
lives as long as the build (a page's content until it is written). Measured at 2,000 tenders,
inside the collections: 6.1 s in the two processes without this, 1.7 s with it; the first
build's CPU as a whole changed within the machine's noise (in the forked process, part of it
was copying memory the process would copy anyway). A rebuild in `serve` collected the whole
heap three to eight times (0.15-0.9 s each); now it does not.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_FULL_EVERY = 100  # collections of the middle generation per full collection (Python: 10)
_open = 0  # blocks of `long_lived` now open


@contextmanager
def long_lived() -> Iterator[None]:
    """What is tracked now stays out of the collector's walks until the end of the block; a
    long-running process (`serve`) gets it all back then, and frees an old build's cycles
    with `tidy` while it waits."""
    global _open
    young, middle, old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(young, middle, max(old, _FULL_EVERY))
    _open += 1
    try:
        yield
    finally:
        _open -= 1
        gc.set_threshold(young, middle, old)
        if not _open:
            gc.unfreeze()


def freeze() -> None:
    """Inside `long_lived`, leave what is tracked now out of the collector's walks too (before
    a fork: neither process then copies the memory it shares with the other by walking it)."""
    if _open:
        gc.freeze()


def tidy() -> None:
    """Collect everything once, in a long-running process with nothing to do (`serve`): an
    old build's cycles are freed then, not walked in the middle of the next build (a rebuild
    at 10,000 tenders spent 1.7 s on that before its first page)."""
    gc.collect()
