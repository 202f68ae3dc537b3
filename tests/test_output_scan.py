"""The output scan's tokenizer reads pages exactly as the standard library's html.parser does.

The CSP hashes inline scripts character for character, and the link checks trust every id and
line number, so "nearly the same" is not enough: each page is compared with a reference
implementation on html.parser, kept here as it was before the tokenizer replaced it.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.publish.checks import (
    RESOURCE_ATTRS,
    RESOURCE_RELS,
    PageScan,
    Ref,
    _Tokenizer,
    scan_page,
    scan_site,
)


class _Reference(HTMLParser):
    """The scan as html.parser gives it: the implementation the tokenizer replaced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._script: list[str] | None = None
        self._script_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.scan.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.scan.ids.add(values["name"])
        for name in values:
            if name.startswith("on"):
                self.scan.handlers.append((line, f"{tag} {name}"))
        if tag in ("a", "area") and "href" in values:
            self.scan.refs.append(Ref(tag, "href", values["href"], line, False))
        if tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            self.scan.refs.append(
                Ref(tag, "href", values["href"], line, bool(rels & RESOURCE_RELS))
            )
        for attr in RESOURCE_ATTRS.get(tag, ()):
            if attr in values:
                for url in _urls(attr, values[attr]):
                    self.scan.refs.append(Ref(tag, attr, url, line, True))
        if tag == "script" and "src" not in values:
            kind = values.get("type", "").lower()
            if kind not in ("application/json", "application/ld+json"):
                self._script, self._script_line = [], line

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scan.inline_scripts.append((self._script_line, "".join(self._script)))
            self._script = None


def _urls(attr: str, value: str) -> list[str]:
    if attr == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]


def reference(html: str) -> PageScan:
    parser = _Reference()
    parser.feed(html)
    parser.close()
    return parser.scan


def tokenized(html: str) -> PageScan:
    """The tokenizer's own reading, never html.parser's (which `scan_page` falls back to)."""
    scan = _Tokenizer(html).run()
    assert scan is not None, "the tokenizer handed this page to html.parser"
    return scan


def test_every_built_page_reads_the_same(built_site: Path) -> None:
    paths = sorted(built_site.rglob("*.html"))
    texts = {path.relative_to(built_site).as_posix(): path.read_text("utf-8") for path in paths}
    expected = {page: reference(html) for page, html in texts.items()}
    readings = {page: _Tokenizer(html).run() for page, html in texts.items()}
    assert [page for page, scan in readings.items() if scan is None] == []  # none fell back
    assert [page for page, scan in readings.items() if scan != expected[page]] == []
    assert scan_site(built_site) == expected
    # The comparison means something: the site has all that is scanned for.
    assert len(expected) > 50
    assert all(scan.ids and scan.refs and scan.inline_scripts for scan in expected.values())
    assert any(ref.is_resource for scan in expected.values() for ref in scan.refs)
    assert any('type="application/json"' in html for html in texts.values())


def test_a_page_with_nothing_to_record() -> None:
    assert tokenized("") == reference("") == PageScan()
    assert tokenized("plain text, no tags") == PageScan()


def _scan(
    ids: set[str] | None = None,
    refs: list[Ref] | None = None,
    scripts: list[tuple[int, str]] | None = None,
    handlers: list[tuple[int, str]] | None = None,
) -> PageScan:
    return PageScan(ids or set(), refs or [], scripts or [], handlers or [])


def _link(value: str, line: int = 1, tag: str = "a", attr: str = "href") -> Ref:
    return Ref(tag, attr, value, line, tag not in ("a", "area"))


SCRIPT_TEXT = '\n  var s = \'<a href="y">\' + "</div>" + "</scripts>" + "&amp;";\n'
TRICKY: dict[str, tuple[str, PageScan]] = {
    "quoted >": (
        """<a href="x>y.html" title='a > b'>t</a><img alt="->" src="i.png">""",
        _scan(refs=[_link("x>y.html"), _link("i.png", tag="img", attr="src")]),
    ),
    "single-quoted and unquoted": (
        "<a href='s.html'>s</a><a href=u.html>u</a><a href=v/>v</a>",
        _scan(refs=[_link("s.html"), _link("u.html"), _link("v/")]),
    ),
    "uppercase": (
        '<A HREF="Up.html" ID="Top">u</A><IMG SRC=Up.png><SCRIPT>go()</SCRIPT >',
        _scan(
            {"Top"},
            [_link("Up.html"), _link("Up.png", tag="img", attr="src")],
            [(1, "go()")],
        ),
    ),
    "entities in values": (
        '<a href="?a=1&amp;b=2&#39;&quot;&lt;&copy;&notanentity;" id="x&amp;y">e</a>',
        # `&not` is an entity even without its semicolon, as in browsers.
        _scan({"x&y"}, [_link("?a=1&b=2'\"<©¬anentity;")]),
    ),
    "comments": (
        '<!-- <a href="x"> --><a href="between">b</a><!----><!-- a -- b --\n><p id="after">p</p>'
        '<!-- <a href="y">',
        _scan({"after"}, [_link("between")]),  # one that never ends runs to the next ">"
    ),
    "script text is raw": (
        f'<div>\n<script>{SCRIPT_TEXT}</script><a href="z">z</a></div>',
        _scan(refs=[_link("z", line=4)], scripts=[(2, SCRIPT_TEXT)]),
    ),
    "an end tag that matches only case-insensitively": (
        # re.IGNORECASE finds "</\u017fcript>" (long s), html.parser's end tag pattern does not
        '<script>a</\u017fcript>b</script><a href="after">',
        _scan(refs=[_link("after")], scripts=[(1, "a</\u017fcript>b")]),
    ),
    "style text is raw": (
        '<style>a::after{content:"<a href=\\"s\\">"}</style><a id="i">i</a>',
        _scan({"i"}),
    ),
    "event handlers": (
        "<button onclick=\"go()\" ONMOUSEOVER='x' id=b>b</button><p on>p</p>",
        _scan({"b"}, handlers=[(1, "button onclick"), (1, "button onmouseover"), (1, "p on")]),
    ),
    "srcset": (
        '<img srcset="a.png 1x, b.png 2x,c.png 3x" alt="">'
        '<picture><source srcset="d.webp, e.webp 2x"></picture>',
        _scan(
            refs=[
                *(_link(url, tag="img", attr="srcset") for url in ("a.png", "b.png", "c.png")),
                *(_link(url, tag="source", attr="srcset") for url in ("d.webp", "e.webp")),
            ]
        ),
    ),
    "self-closing": (
        '<img src="a.png"/><br/><script src="s.js" /><script/><a href="after">a</a>',
        _scan(
            refs=[
                _link("a.png", tag="img", attr="src"),
                _link("s.js", tag="script", attr="src"),
                _link("after"),
            ],
            scripts=[(1, "")],
        ),
    ),
    "multi-line tags": (
        '<p>\n</p><a\n  href="m.html"\n  id="m">m</a>\n<img\nsrc="n.png">',
        _scan({"m"}, [_link("m.html", line=2), _link("n.png", line=5, tag="img", attr="src")]),
    ),
    "named anchors": (
        '<a name="n">n</a><span name="not-an-anchor"></span>',
        _scan({"n"}),
    ),
    "json scripts": (
        '<script type="application/json">{"a": "<a href=\\"j\\">"}</script>'
        '<script type="Application/LD+JSON">{}</script><script type="module">m()</script>',
        _scan(scripts=[(1, "m()")]),
    ),
    "links and resources": (
        '<link rel="Stylesheet" href="s.css"><link rel=canonical href="/c/">'
        '<area href="r.html"><use href="#icon"></use><object data="o.svg"></object>',
        _scan(
            refs=[
                _link("s.css", tag="link"),
                Ref("link", "href", "/c/", 1, False),
                _link("r.html", tag="area"),
                _link("#icon", tag="use"),
                _link("o.svg", tag="object", attr="data"),
            ]
        ),
    ),
    "repeated and empty attributes": (
        '<a href="1" HREF="2" id=a id=b>r</a><a href>e</a><input disabled id="d" src="">',
        _scan({"b", "d"}, [_link("2"), _link(""), _link("", tag="input", attr="src")]),
    ),
    "text that only looks like markup": (
        '<!doctype html><?xml version="1.0"?><p>1 < 2 <3 a&lt;b</p><a href="t">t</a>',
        _scan(refs=[_link("t")]),
    ),
    "unclosed script": (
        '<a href="before">b</a><script>never(); <a href="inside">',
        _scan(refs=[_link("before")]),
    ),
    "Kelvin sign": (
        # str.lower() makes "K" (U+212A) a "k": html.parser reads this tag as <link>.
        '<lin\u212a rel="stylesheet" href="k.css">',
        _scan(refs=[_link("k.css", tag="link")]),
    ),
    "carriage returns": (
        '<p>\r\n</p>\r<a href="cr">cr</a>',
        _scan(refs=[_link("cr", line=2)]),
    ),
}


@pytest.mark.parametrize("html, expected", TRICKY.values(), ids=TRICKY.keys())
def test_tricky_markup_reads_as_html_parser_reads_it(html: str, expected: PageScan) -> None:
    assert reference(html) == expected  # the cases say what they claim to
    assert tokenized(html) == expected
    assert scan_page(html) == expected


# Outside the tokenizer's grammar: these pages are read by html.parser itself.
UNUSUAL = {
    "slash between attributes": '<a / href="x" id="y">a</a>',
    "no space between attributes": '<a href="x"id="y">a</a>',
    "marked section": '<![CDATA[ <a href="c"> ]]><a href="d">d</a>',
    "unterminated comment": '<a href="x">x</a><!-- <a href="y"',
    "tag name with a <": "<p>a<b</p>",
    # html.parser reads "p\xa0id=x" as the tag name, then gives up at the NUL: no id.
    "no-break space in a tag name": "<p\xa0id=x\x00>p</p>",
    "unterminated tag": '<p id="a">a</p><a href="x"',
}


@pytest.mark.parametrize("html", UNUSUAL.values(), ids=UNUSUAL.keys())
def test_unusual_markup_is_left_to_html_parser(html: str) -> None:
    assert _Tokenizer(html).run() is None
    assert scan_page(html) == reference(html)


FRAGMENTS = [
    *(html for html, _ in TRICKY.values()),
    *UNUSUAL.values(),
    "<a ",
    "<a",
    '<a href="x"',
    "<",
    ">",
    "</",
    "</a>",
    "</script>",
    "</ SCRIPT >",
    "<script>",
    "<style>",
    "<!--",
    "-->",
    "<!",
    "<?",
    "<![",
    "=",
    '"',
    "'",
    "/",
    "/>",
    " ",
    "\n",
    "&amp;",
    "&#39",
    " id=i",
    " onload=x",
    ' href="h"',
    " href=h",
    " src='s'",
    " name=n",
]
markup = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(alphabet="<>/=\"' \n\r\tabdehilnoprstyc&;#!?-\u212a\x00\x0b\xa0", max_size=12),
    ),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(html=markup)
def test_whatever_the_tokenizer_accepts_reads_as_html_parser_reads_it(html: str) -> None:
    expected = _outcome(reference, html)
    scan = _Tokenizer(html).run()
    assert scan is None or scan == expected
    assert _outcome(scan_page, html) == expected


def _outcome(read: Callable[[str], PageScan], html: str) -> PageScan | str:
    """The scan, or the exception html.parser raises (on `<![` sections it cannot read)."""
    try:
        return read(html)
    except AssertionError as error:
        return f"AssertionError: {error}"
