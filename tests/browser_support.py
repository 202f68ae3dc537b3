"""The built example site served on loopback with its own headers, and Debian's Chromium.

Every gate in this folder runs against the real output of `mvi-site build`, served with the
Content-Security-Policy from `site/_headers`, in the system Chromium driven by Playwright.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.base.urls import (
    CONTENT_PAGES,
    KIND_SECTION,
    SEARCH_PAGE,
    SECTIONS,
    home_url,
    record_url,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from headless import CHROMIUM_FLAGS, chromium_path, read_headers_file, serve  # noqa: E402

TODAY = "2026-11-23"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]  # WCAG 2.2 AA
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Hooks installed before any page script runs: CSP violations, dialogs and errors are recorded.
WATCH = """
window.__mvi = {csp: [], errors: []};
document.addEventListener('securitypolicyviolation', e =>
  window.__mvi.csp.push(e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('error', e => window.__mvi.errors.push(String(e.message)));
"""


def page_types() -> dict[str, dict[str, str]]:
    """One URL per kind of page, in both languages: home, overviews, records, hand-written."""
    import datetime as dt

    from generator.validate import validate_data

    data, _ = validate_data(ROOT / "data", dt.date.fromisoformat(TODAY))
    types = {"home": {lang: home_url(lang) for lang in ("nl", "en")}}
    for section, slugs in SECTIONS.items():
        types[f"overview:{section}"] = {"nl": f"{slugs['nl']}/", "en": f"en/{slugs['en']}/"}
    for kind in KIND_SECTION:
        first = sorted(data.ids(kind))[0]
        types[kind] = {lang: record_url(kind, first, lang) for lang in ("nl", "en")}
    types["content:about"] = dict(CONTENT_PAGES["about"])
    types["content:accessibility"] = dict(CONTENT_PAGES["accessibility"])
    types["search"] = dict(SEARCH_PAGE)
    return types


@pytest.fixture(scope="session")
def example_data():
    """The example data as the test build sees them (validated once per session)."""
    import datetime as dt

    from generator.validate import validate_data

    data, report = validate_data(ROOT / "data", dt.date.fromisoformat(TODAY))
    assert report.ok()
    return data


@pytest.fixture(scope="session")
def chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The chart cache of the test build: empty at the start, so every chart is drawn."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, chart_cache: Path) -> Path:
    from conftest import build_into

    return build_into(tmp_path_factory.mktemp("browser") / "site", cache=chart_cache)


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    headers = read_headers_file(built_site)
    assert "Content-Security-Policy" in headers
    with serve(built_site, headers) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@dataclass
class Visit:
    """What one page load did: every request, console error, CSP report and dialog."""

    url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


class Tab:
    """A browser tab that records what each visit did."""

    def __init__(self, context: object, base: str) -> None:
        self.base = base
        self.page = context.new_page()
        self.page.add_init_script(WATCH)
        self.visit = Visit("")
        self.page.on("request", lambda r: self.visit.requests.append(r.url))
        self.page.on(
            "console",
            lambda m: m.type == "error" and self.visit.console_errors.append(m.text),
        )
        self.page.on("response", lambda r: r.status >= 400 and self.visit.failed.append(r.url))

        def on_dialog(dialog: object) -> None:
            self.visit.dialogs.append(dialog.message)
            dialog.dismiss()

        self.page.on("dialog", on_dialog)

    def open(self, url: str, *, settle: bool = False) -> Visit:
        """Load a page; `settle` waits until the network is idle (slower, sees late requests)."""
        self.visit = Visit(url)
        self.page.goto(self.base + url, wait_until="networkidle" if settle else "load")
        return self.visit

    def csp_reports(self) -> list[str]:
        return self.page.evaluate("window.__mvi.csp")

    def axe(self) -> list[dict]:
        """axe-core's WCAG 2.0, 2.1 and 2.2 A and AA violations on the current page."""
        if not self.page.evaluate("typeof window.axe === 'object'"):
            # Evaluated through the DevTools protocol, so the page's CSP does not block it.
            self.page.evaluate(AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        return [
            {
                "id": v["id"],
                "impact": v["impact"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
                "summary": v["nodes"][0]["failureSummary"][:300],
            }
            for v in result["violations"]
        ]


def describe(items: object) -> str:
    return json.dumps(items, indent=1, ensure_ascii=False)[:4000]
