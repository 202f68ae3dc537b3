"""Problems of the site as a whole are reported like problems in the data: by `mvi-site validate`
and by the build, each with its file, line and code, before anything is written."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TODAY


@pytest.fixture
def project(tmp_path: Path, data_dir: Path) -> Path:
    """The real configuration and hand-written pages, and the minimal data."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    if data_dir != tmp_path / "data":
        shutil.copytree(data_dir, tmp_path / "data")
    return tmp_path


def _problems(run, project: Path, monkeypatch) -> list[tuple[str, int, str]]:
    monkeypatch.chdir(project)
    result = run("validate", "data", "--today", TODAY, "--format", "json")
    report = json.loads(result.out)
    return [(p["file"], p["line"], p["code"]) for p in report["problems"]]


def test_the_site_as_it_is_has_no_problem(run, project: Path, monkeypatch) -> None:
    assert _problems(run, project, monkeypatch) == []


def test_a_hand_written_page_on_a_generated_address(run, project: Path, monkeypatch) -> None:
    page = project / "content" / "aanbestedingskalender" / "rvb-2027-zonnepanelen.md"
    page.parent.mkdir()
    page.write_text("# Mijn pagina\n", encoding="utf-8")
    shown = "content/aanbestedingskalender/rvb-2027-zonnepanelen.md"
    assert _problems(run, project, monkeypatch) == [(shown, 1, "page-collision")]


def test_a_hand_written_page_without_its_twin(run, project: Path, monkeypatch) -> None:
    (project / "content" / "en" / "privacy.md").unlink()
    assert _problems(run, project, monkeypatch) == [("content", 1, "missing-twin")]


def test_an_ocid_prefix_that_is_not_one_names_its_line(run, project: Path, monkeypatch) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("ocid_prefix: ocds-mvi000", "ocid_prefix: mvi"), "utf-8")
    line = 1 + text[: text.index("ocid_prefix: ocds-mvi000")].count("\n")
    assert _problems(run, project, monkeypatch) == [("mkdocs.yml", line, "ocid-prefix")]


def test_a_site_address_that_is_not_one(run, project: Path, monkeypatch) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    old = "site_url: https://inkopen-met-impact.example.org/"
    config.write_text(text.replace(old, "site_url: inkopen.example.org"), encoding="utf-8")
    assert _problems(run, project, monkeypatch) == [("mkdocs.yml", 3, "site-url")]


CONTACT = "contact: https://www.ncsc.nl/contact/kwetsbaarheid-melden"


def test_a_security_contact_that_is_not_one_names_its_line(run, project, monkeypatch) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(CONTACT, "contact: beveiliging@example.org"), "utf-8")
    line = 1 + text[: text.index(CONTACT)].count("\n")
    assert _problems(run, project, monkeypatch) == [("mkdocs.yml", line, "security-contact")]


def test_following_the_security_contact_hint_clears_it(run, project, monkeypatch) -> None:
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original.replace(CONTACT, "contact: ''"), "utf-8")
    hint = _hinted(run, project, monkeypatch, "security-contact")["hint"]
    example = re.search(r"such as '(https://[^']+)'", hint)
    assert example, hint
    config.write_text(original.replace(CONTACT, f"contact: {example[1]}"), "utf-8")
    assert _problems(run, project, monkeypatch) == []


def test_the_build_stops_on_them_before_writing(run, project: Path, monkeypatch) -> None:
    (project / "content" / "en" / "privacy.md").unlink()
    monkeypatch.chdir(project)
    result = run("build", "--today", TODAY)
    assert result.code == 1
    assert "missing-twin" in result.err and "Traceback" not in result.err
    assert not (project / "site").exists()


def _hinted(run, project: Path, monkeypatch, code: str) -> dict:
    monkeypatch.chdir(project)
    result = run("validate", "data", "--today", TODAY, "--format", "json", "--lang", "en")
    found = [p for p in json.loads(result.out)["problems"] if p["code"] == code]
    assert found, result.out
    return found[0]


def test_following_the_site_hints_clears_them(run, project: Path, monkeypatch) -> None:
    """Each site-level hint, done as it says, leaves a site with no problem."""
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")

    config.write_text(original.replace("ocid_prefix: ocds-mvi000", "ocid_prefix: mvi"), "utf-8")
    hint = _hinted(run, project, monkeypatch, "ocid-prefix")["hint"]
    example = re.search(r"such as '(ocds-[a-z0-9]+)'", hint)
    assert example, hint
    config.write_text(original.replace("ocds-mvi000", example[1]), "utf-8")
    assert _problems(run, project, monkeypatch) == []

    old = "site_url: https://inkopen-met-impact.example.org/"
    config.write_text(original.replace(old, "site_url: inkopen.example.org"), encoding="utf-8")
    hint = _hinted(run, project, monkeypatch, "site-url")["hint"]
    example = re.search(r"such as '(https://[^']+)'", hint)
    assert example, hint
    config.write_text(original.replace(old, f"site_url: {example[1]}"), encoding="utf-8")
    assert _problems(run, project, monkeypatch) == []

    twin = project / "content" / "en" / "privacy.md"
    twin.unlink()
    assert "Restore the file" in _hinted(run, project, monkeypatch, "missing-twin")["hint"]
    shutil.copy(ROOT / "content" / "en" / "privacy.md", twin)
    assert _problems(run, project, monkeypatch) == []

    page = project / "content" / "aanbestedingskalender" / "rvb-2027-zonnepanelen.md"
    page.parent.mkdir()
    page.write_text("# Mijn pagina\n", encoding="utf-8")
    assert "remove the file" in _hinted(run, project, monkeypatch, "page-collision")["hint"]
    page.unlink()
    assert _problems(run, project, monkeypatch) == []
