"""The search index (Pagefind) of the built example site: what it holds, per language."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from generator.base.urls import SEARCH_PAGE
from generator.publish import search_index

_MAGIC = b"pagefind_dcd"


@pytest.fixture(scope="session")
def fragments(built_site: Path) -> list[dict]:
    """Every indexed page as Pagefind stores it: url, content, title, language."""
    out = []
    for path in sorted((built_site / "pagefind" / "fragment").iterdir()):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(_MAGIC), path.name
        out.append({**json.loads(raw[len(_MAGIC) :]), "lang": path.name.split("_")[0]})
    return out


def test_every_content_page_is_indexed_in_its_own_language(built_site: Path, fragments) -> None:
    pages = {
        "/" + path.parent.relative_to(built_site).as_posix() + "/"
        for path in built_site.rglob("index.html")
    }
    pages = {"/" if url == "/./" else url for url in pages}
    unindexed = {"/" + url for url in SEARCH_PAGE.values()}
    urls = {fragment["url"] for fragment in fragments}
    assert urls == pages - unindexed
    for fragment in fragments:
        english = fragment["url"].startswith("/en/")
        assert fragment["lang"] == ("en" if english else "nl"), fragment["url"]
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en", "nl"]  # sorted, so two builds give one file
    counts = {lang: sum(f["lang"] == lang for f in fragments) for lang in ("en", "nl")}
    assert {lang: v["page_count"] for lang, v in entry["languages"].items()} == counts


def test_only_the_page_content_is_indexed(fragments) -> None:
    """Navigation and footer would make every page match 'Privacy' or 'Open data'."""
    home = next(f for f in fragments if f["url"] == "/")
    calendar = next(f for f in fragments if f["url"] == "/aanbestedingskalender/")
    assert "Voor redacteuren" not in calendar["content"]  # a footer link
    assert "Rijksbrede doelen" not in calendar["content"]  # a navigation entry
    assert home["meta"]["title"] and calendar["meta"]["title"] == "Aanbestedingskalender"
    url = "/aanbestedingskalender/rws-2027-a12-asfalt-onderhoud/"
    tender = next(f for f in fragments if f["url"] == url)
    assert "asfalt" in tender["content"].lower()


def test_the_bundle_holds_only_what_the_search_page_uses(built_site: Path) -> None:
    bundle = built_site / "pagefind"
    for name in ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-worker.js"):
        assert (bundle / name).is_file(), name
    for name in search_index._UNUSED:
        assert not (bundle / name).exists(), name


def test_a_failed_index_stops_with_what_pagefind_said(tmp_path: Path, monkeypatch) -> None:
    real = search_index.subprocess.Popen

    def crashing(command, **options):  # as if Pagefind crashed on the English pages
        if command[command.index("--site") + 1].endswith("en"):
            command = [sys.executable, "-c", "print('thread panicked'); raise SystemExit(101)"]
        return real(command, **options)

    monkeypatch.setattr(search_index.subprocess, "Popen", crashing)
    feed = search_index.Feed(tmp_path / "pages")
    feed.add("/a/", "1", lambda: search_index.document("nl", "<h1>Aanbesteding</h1>"))
    feed.add("/en/a/", "1", lambda: search_index.document("en", "<h1>Tender</h1>"))
    run = feed.run(tmp_path / "pagefind")
    with pytest.raises(search_index.IndexFailed, match=r"(?s)could not index.*thread panicked"):
        run.finish()
    assert not (tmp_path / "pagefind").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["pages"], "no half bundle left behind"


@pytest.mark.parametrize("at_once", [True, False], ids=["both cores", "half the memory"])
def test_each_language_is_indexed_by_a_run_of_its_own(
    at_once: bool, tmp_path: Path, monkeypatch
) -> None:
    """A run per language, at the same time on a small site, one after the other on a large
    one (each then holds half the pages); one bundle in the end, the same either way."""
    real, sites, running, started = search_index.subprocess.Popen, [], [], []

    def recording(command, **options):
        site = Path(command[command.index("--site") + 1])
        sites.append(
            (site.name, sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")))
        )
        running.append(sum(process.poll() is None for process in started))
        started.append(real(command, **options))
        return started[-1]

    monkeypatch.setattr(search_index.subprocess, "Popen", recording)
    monkeypatch.setattr(search_index, "_AT_ONCE", 10 if at_once else 1)
    stats = search_index.index(_records("asfalt"), tmp_path / "bundle")
    assert sites == [("en", ["en/index.html"]), ("nl", ["index.html"])]
    assert running == ([0, 1] if at_once else [0, 0]), "the second run began with the first"
    monkeypatch.setattr(search_index, "_AT_ONCE", 1 if at_once else 10)  # the other way
    search_index.index(_records("asfalt"), tmp_path / "other")
    assert _bundle(tmp_path / "other") == _bundle(tmp_path / "bundle")
    entry = json.loads((tmp_path / "bundle" / search_index.ENTRY).read_text())
    assert list(entry["languages"]) == ["en", "nl"] and stats.pages == 2


def test_the_pages_folder_writes_only_what_changed(tmp_path: Path) -> None:
    """Kept between builds: an unchanged page's document is not written again, a page that
    is gone leaves no document behind, and a folder without its list is started afresh."""
    folder = tmp_path / "pages"
    first = search_index.Feed(folder)
    for url in ("/a/", "/b/"):
        first.add(url, "1", lambda url=url: search_index.document("nl", f"<h1>{url}</h1>"))
    first.run(tmp_path / "out").finish()
    written: list[str] = []
    second = search_index.Feed(folder)
    second.add("/a/", "1", lambda: written.append("a") or "")
    second.add("/c/", "1", lambda: written.append("c") or search_index.document("nl", "<h1>c</h1>"))
    second.run(tmp_path / "out2").finish()
    assert written == ["c"]
    assert sorted(p.parent.name for p in folder.rglob("index.html")) == ["a", "c"]
    kept = search_index.Feed(folder)  # a build in which Pagefind need not run
    kept.add("/a/", "1", lambda: written.append("a again") or "")
    kept.settle()
    assert written == ["c"], "the list stays, so nothing is written again"
    (folder / search_index.Feed._MANIFEST).unlink()
    third = search_index.Feed(folder)
    assert not folder.exists(), "no list: nothing in the folder can be trusted"
    assert third.key()


def test_a_bundle_that_cannot_be_written_stops_the_build(tmp_path: Path) -> None:
    records = [search_index.Record.of("a/", "nl", "<h1>Aanbesteding</h1>")]
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(search_index.IndexFailed, match="could not be written"):
        search_index.index(records, tmp_path / "file" / "pagefind")


def _records(body: str) -> list[search_index.Record]:
    return [
        search_index.Record.of(url, lang, f"<h1>Aanbesteding</h1><p>{body}</p>")
        for url, lang in (("", "nl"), ("en/", "en"))
    ]


def _bundle(bundle: Path) -> dict[str, bytes]:
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }


def test_unchanged_records_reuse_the_kept_index(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    first = search_index.index(_records("asfalt en beton"), tmp_path / "a", cache)
    assert not first.reused and first.pages == 2

    def no_pagefind(*args, **kwargs):
        raise AssertionError("Pagefind ran for unchanged pages")

    monkeypatch.setattr(search_index.subprocess, "Popen", no_pagefind)
    again = search_index.index(_records("asfalt en beton"), tmp_path / "b", cache)
    assert again.reused and (again.pages, again.files) == (first.pages, first.files)
    assert _bundle(tmp_path / "b") == _bundle(tmp_path / "a")
    assert "from the cache" in again.line()


def test_a_changed_record_is_indexed_again_and_replaces_the_kept_index(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    search_index.index(_records("asfalt"), tmp_path / "a", cache)
    changed = search_index.index(_records("zonnepanelen"), tmp_path / "b", cache)
    assert not changed.reused
    records = _records("zonnepanelen")
    key = search_index.bundle_key(
        f"{r.url}:{r.digest()}" for r in sorted(records, key=lambda r: r.url)
    )
    assert [p.name for p in cache.iterdir()] == [f"{key}.zip"], "one kept"
    fresh = search_index.index(_records("zonnepanelen"), tmp_path / "c")  # no cache at all
    assert _bundle(tmp_path / "c") == _bundle(tmp_path / "b")
    assert not fresh.reused


def test_pages_given_in_another_order_give_the_same_bundle(tmp_path: Path) -> None:
    """Pagefind's bundle depends on the order it reads the pages in: it reads them sorted."""
    records = [
        search_index.Record.of(f"p/{n}/", "nl" if n % 2 else "en", f"<h1>T {n}</h1><p>w{n}</p>")
        for n in range(12)
    ]
    bundles = []
    for number, given in enumerate((records, records[::-1], records[5:] + records[:5])):
        search_index.index(given, tmp_path / f"b{number}")
        bundles.append(_bundle(tmp_path / f"b{number}"))
    assert bundles[0] == bundles[1] == bundles[2]


def test_a_run_stopped_half_way_says_so_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    """`mvi-site serve` stops without waiting for an index still catching up."""
    feed = search_index.Feed(tmp_path / "pages")
    for n in range(50):
        feed.add(f"/a{n}/", "1", lambda n=n: search_index.document("nl", f"<h1>{n}</h1>"))
        feed.add(f"/en/a{n}/", "1", lambda n=n: search_index.document("en", f"<h1>{n}</h1>"))
    monkeypatch.setattr(search_index, "_AT_ONCE", 1)  # one language after the other
    run = feed.run(tmp_path / "pagefind")
    run.close()
    with pytest.raises(search_index.IndexFailed, match="stopped before it was done"):
        run.finish()
    assert [p.name for p in tmp_path.iterdir()] == ["pages"]
