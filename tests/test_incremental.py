"""A build that reuses what an earlier one made writes the very same site as one from nothing,
and redoes only what the change touches.

Every output is kept with what it read (`generator/inputs.py`); these tests change the data in
ways that reach outputs by different paths (a record's own page, lists of records, names looked
up in other records, charts, feeds, downloads) and compare, byte for byte, the site updated in
place with a site built into an empty folder with an empty cache.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build_into

from generator.base.urls import record_url

TENDER = "bz-2028-vliegreizen"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example data, to change (outside Git: no change history, the same for both builds)."""
    folder = tmp_path_factory.mktemp("incremental") / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


@pytest.fixture(scope="module")
def updated(data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The site built, the data changed, the same site built again in place with its cache."""
    scratch = tmp_path_factory.mktemp("updated")
    site, cache = scratch / "site", scratch / "cache"
    build_into(site, data, cache)
    tenders = data / "tenders"
    _edit(tenders / f"{TENDER}.yaml", "Vliegreizen Buitenlandse Zaken", "Vliegreizen BZ (herzien)")
    _edit(data / "themes.yaml", "nl: Klimaat\n", "nl: Klimaat en energie\n")
    added = (tenders / f"{TENDER}.yaml").read_text(encoding="utf-8").replace("herzien", "kopie")
    (tenders / "bz-2029-vliegreizen-kopie.yaml").write_text(added, encoding="utf-8")
    (data / "cases" / "afsluitdijk.yaml").unlink()
    out = io.StringIO()
    build_into(site, data, cache, out=out)
    return site, cache, out.getvalue()


def test_an_updated_site_is_the_site_built_from_nothing(
    updated, data: Path, tmp_path: Path
) -> None:
    site, _, _ = updated
    fresh = build_into(tmp_path / "site", data, tmp_path / "cache")
    ours, theirs = _tree(site), _tree(fresh)
    assert sorted(ours) == sorted(theirs), "the same files"
    assert [path for path in ours if ours[path] != theirs[path]] == []
    assert (
        "Vliegreizen BZ (herzien)"
        in (site / record_url("tender", TENDER, "nl") / "index.html").read_text()
    )
    assert not (site / record_url("case", "afsluitdijk", "nl")).exists(), (
        "a removed case's page is gone"
    )


def test_an_update_writes_only_what_changed(updated) -> None:
    _, _, report = updated
    files = re.search(r"Files: (\d+) \((\d+) written, (\d+) unchanged\)", report)
    assert files is not None
    total, written, unchanged = (int(n) for n in files.groups())
    assert 0 < written < total / 2 and written + unchanged == total


def test_a_change_reaches_no_more_pages_than_show_it(data: Path, tmp_path: Path) -> None:
    """A changed tender is rendered again on its own page and on the pages that list it (its
    buyer's, its themes', its product group's, the calendar, the overviews with counts), and on
    no other."""
    from conftest import site_settings

    from generator.build import build_site

    site, cache = tmp_path / "site", tmp_path / "cache"
    build_into(site, data, cache)
    path = data / "tenders" / "rws-2027-a12-asfalt-onderhoud.yaml"
    original = path.read_text(encoding="utf-8")
    try:
        _edit(path, "description:\n  nl: ", "description:\n  nl: Herzien. ")
        kept = build_site(site_settings(data, cache), site, out=io.StringIO())
    finally:
        path.write_text(original, encoding="utf-8")
    pages = {o.split(":", 2)[2] for o in kept.memo.stats.outputs if o.startswith("page:")}
    tender = kept.site.world.data.tenders["rws-2027-a12-asfalt-onderhoud"]
    own = {f"tender:{tender.id}", f"organisation:{tender.buyer}"}
    own |= {f"theme:{theme}" for theme in tender.themes}
    own |= {f"category-plan:{tender.category}"} if tender.category else set()
    own |= {f"product-group:{tender.product_group}"} if tender.product_group else set()
    assert f"tender:{tender.id}" in pages
    records = {page for page in pages if not page.startswith(("home", "section:"))}
    assert records <= own, records - own
    assert len(pages) < len(kept.site.pages) / 10
    records = [o for o in kept.memo.stats.outputs if o.startswith("ocds-record:")]
    assert [o.rsplit(":", 1)[1] for o in records] == [tender.id], "one record merged again"
    assert "file:open-data/ocds/record-package.json" in kept.memo.stats.outputs


def test_a_changed_theme_asset_is_published_in_place(data: Path, tmp_path: Path) -> None:
    """A stylesheet changed in theme/ reaches the site that is updated in place (the chrome's
    key names its files: once it named the last frame instead, and the old file stayed)."""
    from conftest import site_settings

    from generator.build import build_site

    project = tmp_path / "project"
    shutil.copytree(ROOT / "theme", project / "theme")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    site, cache = tmp_path / "site", tmp_path / "cache"
    settings = site_settings(data, cache, config=project / "mkdocs.yml")
    build_site(settings, site, out=io.StringIO())
    sheet = project / "theme" / "assets" / "stylesheets" / "mvi.css"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    build_site(settings, site, out=io.StringIO())
    assert (site / "assets" / "stylesheets" / "mvi.css").read_bytes() == sheet.read_bytes()


def test_a_shared_value_is_made_once_and_counts_as_read_by_each_output() -> None:
    """One calendar sheet feeds its CSV, its Excel CSV and its XLSX: made once, but each of the
    three depends on the tenders it read, so a change redoes all three."""
    from generator.inputs import Inputs, Reads
    from generator.validate import validate_data

    dataset, _ = validate_data(ROOT / "data", dt.date(2026, 11, 23))
    first = Inputs.of(dataset)
    second = Inputs(first.world, Reads())
    made: list[str] = []

    def title(own: Inputs) -> str:
        made.append("once")
        return own.data.tenders[TENDER].title.nl

    assert first.shared("title", title) == second.shared("title", title)
    assert made == ["once"]
    dep = ("record", "tender", TENDER)
    assert dep in first.reads.deps and dep in second.reads.deps


def test_the_checks_run_again_only_on_files_they_did_not_pass(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site that holds the very files the last build's checks passed on (same keys, same
    code, same address) is not checked again; a change, or other code, checks it all."""
    from generator.publish import checks

    ran: list[int] = []
    real = checks.check_site

    def counted(site, pages, files, site_url, **options):
        ran.append(len(pages))
        return real(site, pages, files, site_url, **options)

    monkeypatch.setattr(checks, "check_site", counted)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_into(site, data, cache)
    build_into(site, data, cache)
    assert len(ran) == 1, "nothing changed: the checks passed on these files already"
    path = data / "tenders" / f"{TENDER}.yaml"
    original = path.read_text(encoding="utf-8")
    try:
        _edit(path, "description:\n  nl: ", "description:\n  nl: Herzien. ")
        build_into(site, data, cache)
    finally:
        path.write_text(original, encoding="utf-8")
    assert len(ran) == 2 and ran[1] == ran[0], "a change: every page is checked"
    build_into(site, data, cache)  # the site as the checks first passed it, once more
    assert len(ran) == 3, "those files were not the last ones checked"
    build_into(site, data, cache)
    assert len(ran) == 3
    monkeypatch.setattr("generator.publish.kept.code_version", lambda: "other checks")
    build_into(site, data, cache)
    assert len(ran) == 4, "other code: checked again"
