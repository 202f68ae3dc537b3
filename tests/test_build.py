"""`mvi-site build` publishes a complete, checked site or leaves the previous one untouched."""

from __future__ import annotations

import gc
import hashlib
import shutil
import time
from pathlib import Path

import pytest

from generator import build
from generator.build import BuildFailed

ROOT = Path(__file__).resolve().parent.parent


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path, data_dir: Path) -> Path:
    """A project folder with the real configuration, theme and pages, and the minimal data."""
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    if data_dir != tmp_path / "data":
        shutil.copytree(data_dir, tmp_path / "data")
    return tmp_path


def _build(run, project: Path, monkeypatch) -> object:
    monkeypatch.chdir(project)
    return run("build", "--today", "2026-11-23")


def test_a_good_build_replaces_the_site(project: Path, run, monkeypatch) -> None:
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("old")
    result = _build(run, project, monkeypatch)
    assert result.code == 0, result.err
    assert not (project / "site" / "stale.html").exists()
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "_headers").is_file()
    assert not list(project.glob(".site.*")), "scratch folders left behind"


def test_invalid_data_leave_the_previous_site_untouched(project: Path, run, monkeypatch) -> None:
    assert _build(run, project, monkeypatch).code == 0
    before = _tree(project / "site")
    tender = next((project / "data" / "tenders").glob("*.yaml"))
    tender.write_text(tender.read_text() + "status: bestaat-niet\n")
    result = _build(run, project, monkeypatch)
    assert result.code == 1
    assert tender.name in result.err and "was left as it was" in result.err
    assert "Traceback" not in result.err
    assert _tree(project / "site") == before
    assert not list(project.glob(".site.*"))


def test_a_broken_link_fails_the_build_and_keeps_the_site(project: Path, run, monkeypatch) -> None:
    assert _build(run, project, monkeypatch).code == 0
    before = _tree(project / "site")
    page = project / "content" / "privacy.md"
    page.write_text(page.read_text() + "\n[kapot](bestaat-niet.md)\n")
    result = _build(run, project, monkeypatch)
    assert result.code == 1
    assert "bestaat-niet.md" in result.err
    assert _tree(project / "site") == before


def test_a_host_that_fails_leaves_the_site_as_it_was_though_the_downloads_had_begun(
    project: Path, run, monkeypatch
) -> None:
    """The process alongside makes the downloads while the host renders the chrome, but puts
    none in the site before the chrome is there."""
    from generator.publish.kept import BuildCache

    def failing(self: BuildCache) -> None:
        time.sleep(3)  # time enough to make and write several downloads
        raise BuildFailed("the host failed")

    monkeypatch.setattr(BuildCache, "chrome", failing)
    result = _build(run, project, monkeypatch)
    assert result.code == 1 and "the host failed" in result.err
    assert _tree(project / "site") == {}, "nothing put in the site"


def test_the_next_build_takes_its_templates_compiled_from_the_cache(tmp_path: Path) -> None:
    """Compiled templates are kept in the build cache: a build in a new process reads them
    instead of compiling them again, and writes the same pages."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, 'tests');"
        "from conftest import build_into;"
        "from jinja2 import Environment;"
        "compiled = [];"
        "original = Environment._compile;"
        "Environment._compile = lambda self, source, name: "
        "(compiled.append(name) if 'generator/render/templates' in (name or '') else None) "
        "or original(self, source, name);"
        "build_into(Path(sys.argv[1]), cache=Path(sys.argv[2]));"
        "print(len(compiled))"
    )
    counts = []
    for site in ("first", "second"):
        for kept in (tmp_path / "cache").glob("outputs.sqlite*"):
            kept.unlink()  # no page is kept: every template is needed again
        done = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / site), str(tmp_path / "cache")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        counts.append(int(done.stdout.split()[-1]))
    assert counts[0] > 10 and counts[1] == 0, counts
    assert _tree(tmp_path / "first") == _tree(tmp_path / "second")


def test_a_build_writes_with_its_data_frozen_and_leaves_the_collector_as_it_was(
    project: Path, run, monkeypatch
) -> None:
    before, seen = gc.get_threshold(), []
    finish = build.Writing.finish

    def watched(*args, **kwargs):
        seen.append(gc.get_freeze_count())
        return finish(*args, **kwargs)

    monkeypatch.setattr(build.Writing, "finish", watched)
    result = _build(run, project, monkeypatch)
    assert result.code == 0, result.err
    assert seen and seen[0] > 10_000  # the data set, the plans, the host's templates
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
