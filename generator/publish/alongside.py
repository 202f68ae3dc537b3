"""Work done in a second process while this one writes the pages: the feeds and other files.

Pages are most of the work of a build and the feeds most of the rest, and one Python process
uses one core. Where the system can fork, the files are made by a copy of this process (taken
before any thread starts, so it holds the same data without sending any), which writes them
into the site itself and hands back what it wrote. Elsewhere they are made here, afterwards.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


class Alongside:
    """`work` run in a forked process from now on; `result` waits for what it returned."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self._work = work
        self._process: Any = None
        if _CAN_FORK:
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(work, send), daemon=True)
            self._process.start()
            send.close()

    def result(self) -> Any:
        """What `work` returned (run here now, where there is no fork); its failure, raised."""
        if self._process is None:
            return self._work()
        try:
            failed, value = self._receive.recv()
        except EOFError:
            failed, value = True, "the process stopped without an answer"
        finally:
            self._process.join()
        if failed:
            raise RuntimeError(f"the work alongside the pages failed:\n{value}")
        return value

    def stop(self) -> None:
        """Stop the work (the build failed elsewhere)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _run(work: Callable[[], Any], send: Connection) -> None:
    try:
        send.send((False, work()))
    except BaseException:
        send.send((True, traceback.format_exc()))
    finally:
        send.close()
