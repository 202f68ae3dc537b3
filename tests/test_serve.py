"""`mvi-site serve`: the site with its policy, a reload script in every page, and a rebuild on
every change that the page hears of; a failed rebuild leaves the site and says why."""

from __future__ import annotations

import http.server
import io
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TODAY, site_settings

from generator.serve import EVENTS, RELOAD_SCRIPT, Builds, Rebuild, _handler

TENDER = "tenders/rvb-2027-zonnepanelen.yaml"


@pytest.fixture
def served(tmp_path: Path, data_dir: Path) -> Iterator[tuple[str, Rebuild, Builds, Path]]:
    """The minimal data built and served on a free port, as `mvi-site serve` does."""
    site, cache, out = tmp_path / "site", tmp_path / "cache", io.StringIO()
    builds = Builds()
    rebuild = Rebuild(lambda: site_settings(data_dir, cache, today=TODAY), site, builds, out)
    rebuild.run()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, builds))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", rebuild, builds, data_dir
    finally:
        server.shutdown()
        server.server_close()
        rebuild.close()


def _get(url: str) -> tuple[str, dict[str, str]]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8"), dict(response.headers)


def _events(url: str, count: int) -> list[str]:
    """The first `count` events the page would hear."""
    found: list[str] = []
    with urllib.request.urlopen(url + EVENTS, timeout=30) as stream:
        for line in stream:
            if line.startswith(b"event:"):
                found.append(line.decode().split(":", 1)[1].strip())
                if len(found) == count:
                    return found
    return found


def test_pages_come_with_the_policy_and_the_reload_script(served) -> None:
    url, *_ = served
    page, headers = _get(url + "/aanbestedingskalender/")
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert page.count(f'<script src="{RELOAD_SCRIPT}"></script></body>') == 1
    script, headers = _get(url + RELOAD_SCRIPT)
    assert "EventSource" in script and headers["Content-Type"].startswith("text/javascript")


def test_a_change_is_built_and_heard_and_a_broken_one_is_reported(served) -> None:
    url, rebuild, builds, data = served
    heard: list[str] = []
    listening = threading.Thread(target=lambda: heard.extend(_events(url, 3)), daemon=True)
    listening.start()
    time.sleep(0.3)
    path = data / TENDER
    path.write_text(path.read_text().replace("nl: Zonnepanelen", "nl: Zonnepanelen op daken"))
    rebuild.run()
    page, _ = _get(url + "/aanbestedingskalender/rvb-2027-zonnepanelen/")
    assert "Zonnepanelen op daken" in page
    path.write_text(path.read_text() + "status: bestaat-niet\n")
    rebuild.run()
    listening.join(timeout=20)
    assert heard == ["built", "built", "failed"]
    assert builds.failure is not None and "rvb-2027-zonnepanelen.yaml" in builds.failure
    page, _ = _get(url + "/aanbestedingskalender/rvb-2027-zonnepanelen/")
    assert "Zonnepanelen op daken" in page, "the last good site is still served"


def test_serve_collects_the_old_builds_memory_once_it_has_nothing_to_do(
    tmp_path: Path, monkeypatch
) -> None:
    """Not in the middle of the next build: a rebuild at 10,000 tenders spent 1.7 s walking the
    last build's objects before its first page."""
    from generator import serve
    from generator.base import collector

    tidied, ran = [], []
    monkeypatch.setattr(collector, "tidy", lambda: tidied.append(time.monotonic()))
    monkeypatch.setattr(serve, "_TIDY_AFTER", 0.2)
    rebuild = Rebuild(lambda: site_settings(), tmp_path / "site", Builds(), io.StringIO())
    monkeypatch.setattr(rebuild, "run", lambda: ran.append(time.monotonic()))
    try:
        rebuild.ask()  # a change at once: built without collecting first
        rebuild.wait_and_run()
        assert ran and not tidied
        waiting = threading.Thread(target=rebuild.wait_and_run)
        waiting.start()
        time.sleep(0.5)  # nothing asked since the build: the collector has its turn, once
        assert len(tidied) == 1 and len(ran) == 1
        rebuild.ask()
        waiting.join(5)
        assert len(ran) == 2 and len(tidied) == 1
    finally:
        rebuild.close()
