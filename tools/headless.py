"""A built site served on a loopback port, and Debian's Chromium driven by Playwright.

Playwright's own browser download is neither possible nor wanted here: we launch the system's
`chromium` with the flags that keep it from calling home.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--metrics-recording-only",
]


def chromium_path() -> str:
    """The system Chromium, or an error that says how to install it."""
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (found := shutil.which(candidate)):
            return found
    raise SystemExit("Chromium is not installed: run `sudo apt-get install chromium` (Debian).")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def read_headers_file(site: Path) -> dict[str, str]:
    """The headers `site/_headers` asks for every path (the Netlify / Cloudflare format)."""
    headers: dict[str, str] = {}
    path = site / "_headers"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("  ") and ":" in line:
                name, _, value = line.strip().partition(":")
                headers[name.strip()] = value.strip()
    return headers


@contextmanager
def serve(site: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 on a free port, with `headers` on every response."""
    handler_class = type("Handler", (_Handler,), {"extra_headers": dict(headers or {})})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser() -> Iterator[object]:
    """A headless Chromium (Playwright `Browser`), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield instance
        finally:
            instance.close()
