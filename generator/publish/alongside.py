"""Work done in a second process while this one writes the pages: downloads, feeds, files.

Pages are most of the work of a build and the feeds and downloads most of the rest, and one
Python process uses one core. Where the system can fork, the files are made by a copy of this
process (taken before any thread starts, so it holds the same data without sending any), which
writes them into the site itself and hands back what it wrote. The work may hand back parts
early (`early`, in the order it handed them: what the pages that list the downloads need, then
what the search index needs), before it goes on. Where there is no fork, the work runs here,
whole, when its first part is asked for.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from generator.base import collector

CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


Hand = Callable[[Any], None]


class Alongside:
    """`work` run in a forked process from now on; `early` waits for what it handed back on
    the way, `result` for what it returned."""

    def __init__(self, work: Callable[[Hand], Any]) -> None:
        self._work = work
        self._process: Any = None
        self._here: tuple[list[Any], Any] | None = None  # (handed, result) of work done here
        self._early = 0  # parts asked for so far
        if CAN_FORK:
            collector.freeze()  # what both processes hold stays shared: neither walks it
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(work, send), daemon=True)
            self._process.start()
            send.close()

    def early(self) -> Any:
        """The next part `work` handed back on its way; its failure, raised."""
        self._early += 1
        if self._process is None:
            handed = self._run_here()[0]
            if len(handed) < self._early:
                raise RuntimeError("the work alongside the pages handed back less")
            return handed[self._early - 1]
        kind, value = self._next()
        if kind != "early":  # it returned without handing anything back
            raise RuntimeError("the work alongside the pages handed nothing back")
        return value

    def result(self) -> Any:
        """What `work` returned; its failure, raised."""
        if self._process is None:
            return self._run_here()[1]
        try:
            kind, value = self._next()
        finally:
            self._process.join()
        if kind == "early":
            raise RuntimeError("the work alongside the pages handed back a part never asked for")
        return value

    def _next(self) -> tuple[str, Any]:
        try:
            kind, value = self._receive.recv()
        except EOFError:
            kind, value = "failed", "the process stopped without an answer"
        if kind == "failed":
            self._process.join()
            raise RuntimeError(f"the work alongside the pages failed:\n{value}")
        return kind, value

    def _run_here(self) -> tuple[list[Any], Any]:
        if self._here is None:
            handed: list[Any] = []
            result = self._work(handed.append)
            self._here = (handed, result)
        return self._here

    def stop(self) -> None:
        """Stop the work (the build failed elsewhere)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _run(work: Callable[[Hand], Any], send: Connection) -> None:
    try:
        send.send(("done", work(lambda value: send.send(("early", value)))))
    except BaseException:
        send.send(("failed", traceback.format_exc()))
    finally:
        send.close()
