"""Publishing: the site folder changed as one transaction, frames filled safely, pages scanned
from their parts as if read whole, and links written as MkDocs writes them."""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.base.urls import relative
from generator.publish import alongside
from generator.publish.checks import scan_page
from generator.publish.scans import FrameScan, scan_fragment
from generator.publish.target import Target, recover
from generator.render.frame import Frame, FrameError

# --- The transaction ---------------------------------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _build(site: Path, files: dict[str, bytes], published=None) -> Target:
    target = Target(site, published or {})
    for path, content in files.items():
        target.put(path, content.decode(), lambda c=content: c)
    target.set_aside()
    return target


def test_a_committed_build_holds_exactly_its_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = _build(site, {"a.html": b"a", "b/index.html": b"b"})
    first.commit()
    second = _build(site, {"a.html": b"A", "c.css": b"c"}, first.written.files)
    second.commit()
    assert _tree(site) == {"a.html": b"A", "c.css": b"c"}
    assert not (site / "b").exists(), "an emptied folder goes too"
    assert not list(tmp_path.glob(".site.*")), "nothing left beside the site"


def test_an_undone_build_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = _build(site, {"a.html": b"a", "b/index.html": b"b"})
    first.commit()
    before = _tree(site)
    second = _build(site, {"a.html": b"A", "c.css": b"c"}, first.written.files)
    assert _tree(site) == {"a.html": b"A", "c.css": b"c"}, "the checks see the new site"
    second.undo()
    assert _tree(site) == before
    assert not list(tmp_path.glob(".site.*"))


def test_a_build_killed_half_way_is_put_back_by_the_next(tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = _build(site, {"a.html": b"a", "b/index.html": b"b"})
    first.commit()
    before = _tree(site)
    _build(site, {"a.html": b"A"}, first.written.files)  # neither committed nor undone
    recover(site)
    assert {path: before[path] for path in before} == {p: _tree(site)[p] for p in before}


def test_an_unchanged_file_stays_and_one_changed_by_hand_is_written_again(tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = _build(site, {"a.html": b"a", "b.html": b"b"})
    first.commit()
    (site / "b.html").write_bytes(b"edited by hand")
    calls = []
    second = Target(site, first.written.files)
    for path, content in (("a.html", b"a"), ("b.html", b"b")):
        second.put(path, content.decode(), lambda c=content, p=path: calls.append(p) or c)
    second.set_aside()
    second.commit()
    assert calls == ["b.html"], "only the file that differs from its key is made"
    assert _tree(site) == {"a.html": b"a", "b.html": b"b"}


# --- Frames ------------------------------------------------------------------------------------

_FRAME = (
    '<html><head><title><!--mvi-slot:title--></title><meta name="description" '
    'content="<!--mvi-slot:description-->"><link rel="canonical" href="<!--mvi-slot:canonical-->">'
    '</head><body><a href="<!--mvi-slot:alternate-->">twin</a>'
    '<nav><!--mvi-toc--><ul><!--mvi-toc-item--><li><a href="#mvi-toc-id">mvi-toc-title</a></li>'
    "<!--/mvi-toc-item--></ul><!--/mvi-toc--></nav>"
    '<main><!--mvi-slot:body--></main><a href="../x/">x</a></body></html>'
)


def _fill(frame: Frame, **parts: object) -> str:
    values = {
        "title": "T",
        "description": "D",
        "canonical": "https://example.org/a/",
        "alternate": "../en/a/",
        "body": "<h1>B</h1>",
        "headings": (("one", "One"),),
    }
    return frame.fill(**{**values, **parts})  # type: ignore[arg-type]


def test_a_frame_puts_each_part_in_its_place_escaped() -> None:
    html = _fill(
        Frame.parse(_FRAME), title='<script>"x"</script>', headings=(("a", "A"), ("b", "B"))
    )
    assert "<title>&lt;script&gt;&#34;x&#34;&lt;/script&gt;</title>" in html
    assert '<li><a href="#a">A</a></li><li><a href="#b">B</a></li>' in html
    assert "<main><h1>B</h1></main>" in html and "mvi-" not in html


def test_a_page_without_headings_has_no_table_of_contents() -> None:
    assert "<nav></nav>" in _fill(Frame.parse(_FRAME), headings=())


def test_marks_in_a_pages_own_text_stay_text() -> None:
    body = "<p><!--mvi-slot:title--> <!--mvi-toc--> mvi-toc-id</p>"
    html = _fill(Frame.parse(_FRAME), body=body, headings=(("mvi-toc-title", "mvi-toc-id"),))
    assert body in html and "<title>T</title>" in html
    assert '<a href="#mvi-toc-title">mvi-toc-id</a>' in html


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (_FRAME.replace("<!--mvi-slot:alternate-->", ""), "alternate"),
        (_FRAME.replace("<!--mvi-slot:body-->", "<!--mvi-slot:bodies-->"), "unknown slot"),
        (_FRAME.replace("<!--mvi-toc-item-->", ""), "without its entry"),
    ],
)
def test_a_frame_without_what_a_page_needs_is_refused(frame: str, message: str) -> None:
    with pytest.raises(FrameError, match=message):
        Frame.parse(frame)


# --- Scans from parts --------------------------------------------------------------------------


def test_a_page_scanned_from_its_parts_is_the_page_scanned_whole() -> None:
    frame = Frame.parse(_FRAME)
    body = '<h1 id="top">B</h1><p><a href="../c/#d">c</a><img src="i.png"></p>'
    headings = (("one", "One"), ("two", "Two"))
    whole = scan_page(_fill(frame, body=body, headings=headings))
    fragment = scan_fragment(body)
    assert fragment is not None
    parts = FrameScan.of(frame).page("../en/a/", "https://example.org/a/", headings, fragment)
    assert parts.ids == whole.ids
    assert [(r.tag, r.attr, r.value, r.is_resource) for r in parts.refs] == [
        (r.tag, r.attr, r.value, r.is_resource)
        for r in sorted(whole.refs, key=_order(whole, parts))
    ]
    assert parts.inline_scripts == whole.inline_scripts and parts.handlers == whole.handlers


def _order(whole, parts):
    wanted = [(r.tag, r.attr, r.value) for r in parts.refs]
    return lambda ref: wanted.index((ref.tag, ref.attr, ref.value))


def test_the_example_sites_pages_scanned_from_parts_are_as_read_whole(built_site: Path) -> None:
    """What the build checked (scans from parts) against each written page read whole."""
    import io

    from conftest import build_into

    from generator.publish import checks

    seen: dict[str, object] = {}
    real = checks.check_site

    def keep(site, pages, files, site_url, **options):
        seen.update(pages)
        return real(site, pages, files, site_url, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "check_site", keep)
        site = build_into(built_site.parent / "again", out=io.StringIO())
    assert len(seen) > 200
    for path, scan in seen.items():
        whole = scan_page((site / path).read_text(encoding="utf-8"))
        assert scan.ids == whole.ids, path
        assert sorted((r.tag, r.attr, r.value) for r in scan.refs) == sorted(
            (r.tag, r.attr, r.value) for r in whole.refs
        ), path
        assert sorted(c for _, c in scan.inline_scripts) == sorted(
            c for _, c in whole.inline_scripts
        )


@pytest.mark.parametrize(
    "fragment",
    ["<p>open <!-- comment", "<script>never closed", "<a href='x", "<p>fine</p></div"],
)
def test_a_fragment_that_would_change_what_follows_is_read_with_its_page(fragment: str) -> None:
    assert scan_fragment(fragment) is None


# --- Links as MkDocs writes them ---------------------------------------------------------------

_SEGMENT = st.sampled_from(["a", "b", "en", "tender-calendar", "x-1"])
_URL = st.lists(_SEGMENT, max_size=4).map(lambda parts: "".join(f"{p}/" for p in parts))


@given(_URL, _URL, st.sampled_from(["", "#top"]))
def test_relative_links_are_posixpaths_relpath(page: str, target: str, fragment: str) -> None:
    expected_path = posixpath.relpath(target or ".", page or ".")
    expected = "./" if expected_path == "." else expected_path + "/"
    if target == page:
        expected = "" if fragment else "./"
    assert relative(page, target + fragment) == expected + fragment


def _work(hand: Callable[[Any], None]) -> str:
    hand(["downloads"])
    return "files"


def _fails_after_handing(hand: Callable[[Any], None]) -> str:
    hand(["downloads"])
    raise ValueError("no feeds today")


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "here"])
def test_work_alongside_hands_its_first_part_back_before_it_ends(
    fork: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(alongside, "CAN_FORK", fork and alongside.CAN_FORK)
    side = alongside.Alongside(_work)
    assert side.early() == ["downloads"]
    assert side.result() == "files"


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "here"])
def test_a_failure_alongside_is_raised_where_its_result_is_asked_for(
    fork: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(alongside, "CAN_FORK", fork and alongside.CAN_FORK)
    side = alongside.Alongside(_fails_after_handing)
    if fork:
        assert side.early() == ["downloads"]
        with pytest.raises(RuntimeError, match="no feeds today"):
            side.result()
    else:  # here, the work runs whole when its first part is asked for
        with pytest.raises(ValueError, match="no feeds today"):
            side.early()


# --- Pages written by either process -----------------------------------------------------------


def test_each_shared_page_is_taken_once_by_one_of_the_two_processes() -> None:
    import multiprocessing

    from generator.publish.write import _Either

    either = _Either(list(range(500)))
    receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)

    def take_all() -> None:
        send.send(list(iter(either.take, None)))

    other = multiprocessing.get_context("fork").Process(target=take_all)
    other.start()
    here = list(iter(either.take, None))
    there = receive.recv()
    other.join()
    assert sorted(here + there) == list(range(500)), "every page once, none twice"


@pytest.mark.parametrize("idle", ["here", "alongside"])
def test_pages_and_downloads_made_by_either_process_make_the_same_site(
    idle: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One process makes every shared page and download itself (the other takes none): the
    pages, their scans for the output checks, their search documents and the downloads the
    Open data page lists make the very same site."""
    import os

    from conftest import build_into

    from generator.publish import write

    expected = _tree(build_into(tmp_path / "usual", cache=tmp_path / "usual-cache"))
    here, take = os.getpid(), write._Either.take

    def taking(self):
        return None if (os.getpid() == here) == (idle == "here") else take(self)

    monkeypatch.setattr(write._Either, "take", taking)
    site = build_into(tmp_path / "alongside", cache=tmp_path / "alongside-cache")
    written = _tree(site)
    assert sorted(written) == sorted(expected)
    assert [path for path in written if written[path] != expected[path]] == []
    assert any(path.startswith("open-data/") for path in written)
    monkeypatch.undo()
    out = io.StringIO()  # the next build knows all those pages and their search documents
    build_into(site, cache=tmp_path / "alongside-cache", out=out)
    assert "Search index: unchanged" in out.getvalue()
    assert re.search(r"Files: \d+ \(0 written", out.getvalue()), out.getvalue()
