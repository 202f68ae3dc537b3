"""The editors' guide: its field reference and its list of messages are generated from the
models and the problem codes, so a field or code without documentation fails here."""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.base.i18n import LANGS
from generator.base.urls import CONTENT_PAGES, REFERENCE_PAGES
from generator.models.fielddocs import FIELDS
from generator.problems import CODES

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _text(site: Path, url: str) -> str:
    page = (site / url / "index.html").read_text().replace("<wbr>", "")  # a place to break
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def undocumented_fields(text: str, lang: str) -> list[str]:
    """Fields of FIELDS whose name or description is missing from a field reference page."""
    squashed = " ".join(text.split())
    return [
        key
        for key, description in FIELDS.items()
        if f" {key.split('.')[1]} " not in squashed
        or " ".join(description[lang].split()) not in squashed
    ]


def _printed(template: str) -> str:
    """A template as printed: … for each value, doubled braces single."""
    return _PLACEHOLDER.sub("…", template).replace("{{", "{").replace("}}", "}")


def undocumented_codes(text: str, lang: str, codes=CODES) -> list[str]:
    """Codes whose name, message or fix is missing from the messages page."""
    squashed = " ".join(text.split())
    missing = []
    for name, code in codes.items():
        message = _printed(code.message[lang])
        fix = _printed(code.hint.get(lang, ""))
        if f" {name} " not in squashed or message not in squashed or not fix or fix not in squashed:
            missing.append(name)
    return missing


def test_every_field_is_in_the_field_reference(built_site: Path) -> None:
    for lang in LANGS:
        text = _text(built_site, REFERENCE_PAGES["fields"][lang])
        assert undocumented_fields(text, lang) == [], lang


def test_every_problem_code_is_in_the_guide_with_its_fix(built_site: Path) -> None:
    for lang in LANGS:
        text = _text(built_site, REFERENCE_PAGES["messages"][lang])
        assert undocumented_codes(text, lang) == [], lang


def test_the_checks_would_catch_a_missing_entry(built_site: Path) -> None:
    from generator.problems import Code, Severity

    text = _text(built_site, REFERENCE_PAGES["messages"]["nl"])
    made_up = {"no-such-code": Code("no-such-code", Severity.ERROR, "x", {"nl": "iets", "en": "x"})}
    assert undocumented_codes(text, "nl", made_up) == ["no-such-code"]
    assert undocumented_fields("Tender title", "nl"), "a page without the fields fails"


def test_the_guide_links_to_both_references(built_site: Path) -> None:
    for lang in LANGS:
        guide = (built_site / CONTENT_PAGES["editors"][lang] / "index.html").read_text()
        for name in ("fields", "messages"):
            target = REFERENCE_PAGES[name][lang].removeprefix(CONTENT_PAGES["editors"][lang])
            assert f'href="{target}"' in guide, (lang, name)
