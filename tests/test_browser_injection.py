"""Editor text full of payloads: refused by validation, and harmless when rendered anyway."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from browser_support import Tab, describe
from conftest import build_into

from generator import validate as validate_module
from generator.base.urls import record_url
from generator.problems import Report
from generator.validate import validate_data

TODAY = dt.date(2026, 11, 23)
PAYLOADS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('onerror')>",
    '"><script>alert("breakout")</script>',
    "<svg onload=alert('svg')>",
    "[klik](javascript:alert('link'))",
    "[klik](&#106;avascript:alert('entity'))",
    "[klik](JAVASCRIPT:alert('upper'))",
    "&lt;script&gt;alert('encoded')&lt;/script&gt;",
    "Tekst {: onclick=alert('attr') }",
    '--8<-- "/etc/passwd"',
    "<iframe src=\"javascript:alert('frame')\"></iframe>",
    '<a href="#" onmouseover="alert(\'hover\')">x</a>',
]


def _yaml_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_validation_refuses_every_payload_with_file_and_line(data_dir: Path, run) -> None:
    tenders = data_dir / "tenders"
    template = next(tenders.glob("*.yaml")).read_text()
    for number, payload in enumerate(PAYLOADS):
        body = template.replace("title:", f"title: {_yaml_string(payload)}\nold_title:", 1)
        body = "\n".join(line for line in body.splitlines() if not line.startswith("old_title"))
        (tenders / f"payload-{number}.yaml").write_text(body + "\n")
    result = run("validate", data_dir, "--format", "json", "--lang", "en")
    assert result.code == 1
    import json

    problems = json.loads(result.out)["problems"]
    for number in range(len(PAYLOADS)):
        found = [p for p in problems if p["file"].endswith(f"payload-{number}.yaml")]
        assert found, f"payload {PAYLOADS[number]!r} was accepted"
        assert all(p["line"] for p in found)


def _tamper(record, **fields):
    return record.model_construct(**{**record.__dict__, **fields})


@pytest.fixture(scope="module")
def unsafe_site(tmp_path_factory, data_dir_factory) -> tuple[Path, dict[str, str]]:
    """A site built from records whose text was replaced by payloads after validation."""
    data = data_dir_factory()
    dataset, report = validate_data(data, TODAY)
    assert report.ok()
    payload = " ".join(PAYLOADS)
    pages: dict[str, str] = {}
    for kind, field, text_field in (
        ("tender", "title", "description"),
        ("case", "title", "body"),
        ("category-plan", "name", "scope"),
        ("theme", "name", "description"),
        ("organisation", "name", None),
    ):
        for entry in dataset.entries[kind].values():
            record = entry.record
            title = getattr(record, field).model_construct(nl=payload, en=payload)
            changes = {field: title}
            if text_field:
                changes[text_field] = title.model_construct(nl=payload, en=None)
            entry.record = _tamper(record, **changes)
            pages.setdefault(kind, record_url(kind, entry.id, "nl"))
            pages.setdefault(f"{kind}-en", record_url(kind, entry.id, "en"))
    out = tmp_path_factory.mktemp("unsafe") / "site"
    with pytest.MonkeyPatch.context() as patch:
        fake = lambda root, today, files=None: (dataset, Report([], 0))  # noqa: E731 - a stand-in
        patch.setattr(validate_module, "validate_data", fake)
        build_into(out, data, today=TODAY.isoformat())
    return out, pages


def test_rendered_payloads_never_run_in_the_browser(unsafe_site, chromium) -> None:
    from headless import read_headers_file, serve

    site, pages = unsafe_site
    urls = ["", "en/", "aanbestedingskalender/", "en/cases/", *pages.values()]
    dialogs, errors, shown = [], [], 0
    for headers in (read_headers_file(site), {}):  # with the policy, and without it
        with serve(site, headers) as base:
            context = chromium.new_context()
            tab = Tab(context, base)
            for url in urls:
                visit = tab.open(url)
                dialogs += visit.dialogs
                errors += tab.page.evaluate("window.__mvi.errors")
                text = tab.page.inner_text("article")
                shown += "<script>alert('script')</script>" in text
                for link in tab.page.locator("article a").all():
                    href = (link.get_attribute("href") or "").strip().lower()
                    assert not href.startswith("javascript"), href
                tab.page.mouse.move(200, 300)
            context.close()
    assert dialogs == [], describe(dialogs)
    assert errors == [], describe(errors)
    assert shown >= len(pages), "the payloads should be shown as text"
