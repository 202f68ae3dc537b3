"""`mvi-site serve` (`make serve`): the site on 127.0.0.1, built again whenever a file changes.

Every rebuild is `mvi-site build`'s own (`generator/build.py`): validation, output checks and
the Content-Security-Policy included, so the preview shows what would be published. The build
cache makes a rebuild redo only what changed; the chart worker stays up between rebuilds; the
search index catches up after the pages are in place (and says so).

The server sends the policy from `_headers` with every response and adds one script to every
page it serves (from the site's own address, so the policy allows it), which listens for
rebuilds and reloads the page, or shows why a rebuild failed. Nothing it adds is written into
the site.
"""

from __future__ import annotations

import functools
import http.server
import io
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from generator.base import collector
from generator.publish.csp import read_headers
from generator.publish.kept import BuildCache, Warm
from generator.settings import Settings

RELOAD_SCRIPT = "/.mvi/reload.js"
EVENTS = "/.mvi/events"
_QUIET = 0.05  # seconds without a further change before a rebuild starts
_TIDY_AFTER = 2.0  # seconds after a build with nothing asked: the collector may walk it all
_SCRIPT = """(() => {
  "use strict";
  let seen = null, banner = null;
  const events = new EventSource("/.mvi/events");
  events.addEventListener("built", (event) => {
    if (seen !== null && event.data !== seen) location.reload();
    seen = event.data;
    if (banner) { banner.remove(); banner = null; }
  });
  events.addEventListener("failed", (event) => {
    if (!banner) {
      banner = document.createElement("pre");
      banner.setAttribute("role", "alert");
      Object.assign(banner.style, {position: "fixed", inset: "auto 0 0 0", zIndex: 10,
        margin: 0, padding: "1em", maxHeight: "50vh", overflow: "auto",
        background: "#fff3cd", color: "#000", font: "14px/1.4 monospace",
        borderTop: "3px solid #b00", whiteSpace: "pre-wrap"});
      document.body.append(banner);
    }
    banner.textContent = JSON.parse(event.data);
  });
})();
"""


class Builds:
    """The rebuilds: the number of the last good one, and the report of a failed one."""

    def __init__(self) -> None:
        self.number = 0
        self.failure: str | None = None
        self.changed = threading.Condition()

    def done(self, failure: str | None) -> None:
        with self.changed:
            if failure is None:
                self.number += 1
            self.failure = failure
            self.changed.notify_all()

    def wait(self, number: int, failure: str | None, timeout: float) -> tuple[int, str | None]:
        """The state once it differs from (number, failure), or as it is after `timeout`."""
        with self.changed:
            self.changed.wait_for(
                lambda: (self.number, self.failure) != (number, failure), timeout=timeout
            )
            return self.number, self.failure


def serve(
    load: Callable[[], Settings], site_dir: Path, port: int, out: TextIO | None = None
) -> int:
    """Build, serve `site_dir` on 127.0.0.1:`port`, and rebuild on every change until Ctrl+C."""
    out = out or sys.stdout
    builds = Builds()
    settings = load()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _handler(site_dir, builds))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rebuild = Rebuild(load, site_dir, builds, out)
    # Stopped by a service manager: after the build under way, if one is.
    signal.signal(signal.SIGTERM, lambda *_: rebuild.stop())
    # Watching first: a file saved during the first build is built right after it.
    watching = _watch([settings.data, settings.content, settings.theme, settings.config], rebuild)
    rebuild.run()
    print(
        f"Serving the site on http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C stops)", file=out
    )
    try:
        while not rebuild.stopping.is_set():
            rebuild.wait_and_run()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        watching()
        server.shutdown()
        rebuild.close()


class Rebuild:
    """Runs a build when asked, one at a time, a moment after the last change."""

    def __init__(
        self, load: Callable[[], Settings], site_dir: Path, builds: Builds, out: TextIO
    ) -> None:
        self.load, self.site_dir, self.builds, self.out = load, site_dir, builds, out
        self._asked = threading.Event()
        self.stopping = threading.Event()
        self._last = 0.0
        self._search: threading.Thread | None = None
        self._kept: BuildCache | None = None  # the last build's, whose index may catch up
        self._warm = Warm()

    def ask(self) -> None:
        self._last = time.monotonic()
        self._asked.set()

    def stop(self) -> None:
        self.stopping.set()
        self._asked.set()

    def wait_and_run(self) -> None:
        if not self._asked.wait(_TIDY_AFTER):  # nothing to do: the old build's memory goes
            collector.tidy()
            self._asked.wait()
        while time.monotonic() - self._last < _QUIET:  # an editor saves in bursts
            time.sleep(_QUIET / 5)
        self._asked.clear()
        if not self.stopping.is_set():
            self.run()

    def run(self) -> None:
        from generator.build import BuildFailed, build_site

        started = time.perf_counter()
        report = io.StringIO()
        try:
            if self._search is not None:  # the last search index first: one swap at a time
                self._search.join()
            kept = build_site(
                self.load(), self.site_dir, report, warm=self._warm, search_later=True
            )
        except BuildFailed as failure:
            print(report.getvalue() + str(failure), file=self.out)
            print(f"mvi-site: the build failed; {self.site_dir} was left as it was.", file=self.out)
            self.builds.done(str(failure))
            return
        self.builds.done(None)
        seconds = time.perf_counter() - started
        print(report.getvalue().rstrip(), file=self.out)
        print(f"mvi-site: site built in {seconds:.2f} s; pages reloaded", file=self.out)
        self._search, self._kept = kept.catching_up, kept

    def close(self) -> None:
        """Stop: a search index still catching up is left unmade (the last one stays)."""
        if self._search is not None and self._kept is not None:
            self._kept.stop_search()
            self._search.join()
        self._warm.close()


def _watch(paths: list[Path], rebuild: Rebuild) -> Callable[[], None]:
    """Ask for a rebuild on any change under `paths`; returns how to stop watching."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    class Changed(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type not in ("opened", "closed_no_write"):
                rebuild.ask()

    observer = Observer()
    for path in paths:
        if path.is_dir():
            observer.schedule(Changed(), str(path), recursive=True)
        elif path.is_file():
            observer.schedule(Changed(), str(path.parent), recursive=False)
    observer.start()

    def stop() -> None:
        observer.stop()
        observer.join()

    return stop


def _handler(site_dir: Path, builds: Builds) -> functools.partial[_Handler]:
    return functools.partial(_Handler, builds, directory=str(site_dir))


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The site's files with its headers; pages get the reload script; and the rebuild events."""

    def __init__(self, builds: Builds, *args: object, directory: str, **kwargs: object) -> None:
        self.builds, self.site = builds, Path(directory)
        super().__init__(*args, directory=directory, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        path = self.path.partition("?")[0]
        if path == RELOAD_SCRIPT:
            return self._send(_SCRIPT.encode(), "text/javascript; charset=utf-8")
        if path == EVENTS:
            return self._events()
        target = Path(self.translate_path(path))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            html = target.read_bytes()
            tag = f'<script src="{RELOAD_SCRIPT}"></script>'.encode()
            return self._send(
                html.replace(b"</body>", tag + b"</body>", 1), "text/html; charset=utf-8"
            )
        return super().do_GET()

    def end_headers(self) -> None:
        for name, value in read_headers(self.site).items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """Server-sent events: the build number now and after each rebuild, or a failure."""
        import json

        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        number, failure = self.builds.number, self.builds.failure
        try:
            while True:
                if failure is None:
                    message = f"event: built\ndata: {number}\n\n"
                else:
                    message = f"event: failed\ndata: {json.dumps(failure)}\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                number, failure = self.builds.wait(number, failure, timeout=15)
        except (BrokenPipeError, ConnectionResetError):
            return
