"""The checks that stop a build: each one must catch what it is there for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.publish.checks import (
    Checking,
    broken_links,
    foreign_resources,
    foreign_scripts,
    scan_page,
    scan_site,
)
from generator.publish.target import Written

PAGE = (
    '<!doctype html><html lang="nl"><head><meta charset="utf-8">{head}</head>'
    "<body>{body}</body></html>"
)


def _site(tmp_path: Path, pages: dict[str, str], css: str = "") -> Path:
    for path, body in pages.items():
        file = tmp_path / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(PAGE.format(head="", body=body))
    if css:
        (tmp_path / "style.css").write_text(css)
    return tmp_path


def test_links_and_anchors_are_followed(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": '<a href="a/">a</a> <a href="a/#top">top</a> <a href="#here">h</a>'
            '<h2 id="here">x</h2> <a href="https://example.org/missing">ext</a>'
            '<a href="mailto:x@example.org">m</a>',
            "a/index.html": '<h1 id="top">A</h1><a href="../">home</a>',
        },
    )
    assert broken_links(site) == []


def test_a_missing_page_anchor_or_escape_is_reported(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": '<a href="b/">b</a>\n<a href="a/#nowhere">n</a>\n'
            '<a href="../../etc/">e</a>',
            "a/index.html": "<h1 id='top'>A</h1>",
        },
    )
    problems = broken_links(site)
    assert len(problems) == 3
    assert "b/ leads to a missing page" in problems[0]
    assert "index.html:2: a/#nowhere names a missing anchor" in problems[1]
    assert "leads outside the site" in problems[2]


def test_resources_from_other_hosts_are_found(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": '<link rel="stylesheet" href="https://cdn.example.org/x.css">'
            '<img src="//tracker.example.org/p.gif" alt="">'
            '<img srcset="a.png 1x, https://x.org/b.png 2x" alt="">'
            '<iframe src="https://youtube.com/embed/x"></iframe><a href="https://example.org">fine</a>'
            '<img src="data:image/png;base64,AAAA" alt="">',
        },
        css="@import 'https://fonts.googleapis.com/css'; .a{background:url(https://x.org/i.png)}",
    )
    found = foreign_resources(site)
    assert len(found) == 6, found
    assert not any('example.org"' in line or "fine" in line for line in found)


def test_only_the_theme_scripts_are_allowed(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": '<script>__md_scope=new URL(".",location)</script>'
            '<script src="assets/javascripts/bundle.js"></script>'
            '<script src="pagefind/pagefind-ui.js"></script>'
            '<script src="pagefind-evil/x.js"></script><script src="x/pagefind/y.js"></script>'
            '<script id="__config" type="application/json">{"a": 1}</script>'
            '<script>alert(1)</script><script src="evil.js"></script>'
            '<p onclick="alert(1)">x</p><a href="javascript:alert(1)">y</a>',
        },
    )
    found = foreign_scripts(scan_site(site))
    assert len(found) == 6, found
    assert any("inline script 'alert(1)'" in line for line in found)
    assert any("script pagefind-evil/x.js" in line for line in found)
    assert any("script x/pagefind/y.js" in line for line in found)
    assert any("script evil.js" in line for line in found)
    assert any("event handler <p onclick>" in line for line in found)
    assert any("javascript: link" in line for line in found)


_SEGMENTS = st.sampled_from(["a", "b", "..", ".", "", "x-1", "index.html", "c.css", ".well"])


@given(
    st.lists(_SEGMENTS, max_size=6).map("/".join),
    st.integers(0, 4),
    st.booleans(),
    st.sampled_from(["index.html", "a/index.html", "a/b/index.html", "en/a/b/c.csv", "404.html"]),
)
def test_links_are_resolved_as_normpath_resolves_them(
    rest: str, up: int, slash: bool, page: str
) -> None:
    """The link checks resolve relative links by string work (a site holds millions of them);
    the result is what `posixpath.normpath` gives."""
    from generator.publish.checks import _resolve, _target

    path = "../" * up + rest + ("/" if slash else "")
    if path:
        assert _resolve(page, path, "/") == _target(page, path, "/")[0]


def _written(site: Path) -> Written:
    written = Written()
    for file in site.rglob("*"):
        if file.is_file():
            path = file.relative_to(site).as_posix()
            written.files[path] = ("key", 0, 0)
            if path.endswith(".html"):
                written.pages[path] = scan_page(file.read_text())
    return written


def test_files_still_to_come_count_as_there_and_are_checked_once_they_are(
    tmp_path: Path,
) -> None:
    """The checks run while the search index is made: a link to its style sheet counts, the
    sheet is read when the checks finish, and a promised file that never came fails."""
    site = _site(tmp_path, {"index.html": '<link rel="stylesheet" href="late/ui.css">'})
    written = _written(site)
    checks = Checking(site, written, "", coming=["late/ui.css"])
    with pytest.raises(ValueError, match=r"late/ui\.css: not made"):
        checks.finish(written, ValueError)

    written = _written(site)
    checks = Checking(site, written, "", coming=["late/ui.css"])
    (site / "late").mkdir()
    (site / "late" / "ui.css").write_text("a { background: url(https://cdn.example/x.png) }")
    written.files["late/ui.css"] = ("key", 0, 0)
    with pytest.raises(ValueError, match=r"late/ui\.css: loads https://cdn\.example/x\.png"):
        checks.finish(written, ValueError)

    (site / "late" / "ui.css").write_text("a { color: red }")
    Checking(site, _written(site), "", coming=["late/ui.css"]).finish(written, ValueError)
