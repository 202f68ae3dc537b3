"""The search index (Pagefind) of the built example site: what it holds, per language."""

from __future__ import annotations

import gzip
import json
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


def test_a_failed_index_stops_with_what_pagefind_said(tmp_path: Path) -> None:
    with pytest.raises(search_index.IndexFailed, match="Pagefind could not index the site"):
        search_index.build(tmp_path / "missing-folder")


def _site(folder: Path, body: str) -> Path:
    for lang, name in (("nl", "index.html"), ("en", "en/index.html")):
        page = folder / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f'<!doctype html><html lang="{lang}"><head><title>T</title></head>'
            f"<body><main data-pagefind-body><h1>Aanbesteding</h1><p>{body}</p></main>"
            "</body></html>"
        )
    return folder


def _bundle(site: Path) -> dict[str, bytes]:
    bundle = site / search_index.BUNDLE
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }


def test_unchanged_pages_reuse_the_kept_index(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    first = search_index.build(_site(tmp_path / "a", "asfalt en beton"), cache)
    assert not first.reused and first.pages == 2

    def no_pagefind(*args, **kwargs):
        raise AssertionError("Pagefind ran for unchanged pages")

    monkeypatch.setattr(search_index.subprocess, "run", no_pagefind)
    again = search_index.build(_site(tmp_path / "b", "asfalt en beton"), cache)
    assert again.reused and (again.pages, again.files) == (first.pages, first.files)
    assert _bundle(tmp_path / "b") == _bundle(tmp_path / "a")
    assert "copied from the cache" in again.line()


def test_a_changed_page_is_indexed_again_and_replaces_the_kept_index(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    search_index.build(_site(tmp_path / "a", "asfalt"), cache)
    changed = search_index.build(_site(tmp_path / "b", "zonnepanelen"), cache)
    assert not changed.reused
    assert [p.name for p in cache.iterdir()] == [search_index._key(tmp_path / "b")], "one kept"
    fresh = search_index.build(_site(tmp_path / "c", "zonnepanelen"))  # no cache at all
    assert _bundle(tmp_path / "c") == _bundle(tmp_path / "b")
    assert not fresh.reused
