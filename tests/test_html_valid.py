"""The Nu Html Checker (vnu-jar from npm, on the installed Java) on the generated pages."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

from generator.render.pages import build_pages
from generator.validate import validate_data

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
TODAY = "2026-11-23"

# Errors in Material for MkDocs' own templates, which we do not fork. Each is harmless:
MATERIAL_ERRORS = (
    # the drawer and search toggles are checkboxes with autocomplete="off" (a Firefox fix)
    "Attribute “autocomplete” is only allowed when the input type is",
    # navigation section labels carry an empty tabindex
    "Bad value “” for attribute “tabindex” on element “label”",
    # navigation labels point at the hidden checkboxes that open and close sections
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden",
)


def _vnu(folder: Path) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker: apt-get install default-jre-headless"
    assert VNU.is_file(), "vnu-jar is missing: run `make setup` (npm ci)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", folder],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stderr)["messages"]


def test_what_our_templates_produce_is_valid_html(tmp_path: Path) -> None:
    data, _ = validate_data(ROOT / "data", dt.date.fromisoformat(TODAY))
    pages = build_pages(data, dt.date.fromisoformat(TODAY))
    for number, page in enumerate(pages):
        document = (
            f'<!DOCTYPE html><html lang="{page.lang}"><head><meta charset="utf-8">'
            f"<title>t</title></head><body><main>{page.html}</main></body></html>"
        )
        (tmp_path / f"{number:04d}.html").write_text(document, encoding="utf-8")
    messages = _vnu(tmp_path)
    assert len(pages) > 200
    assert messages == [], json.dumps(messages[:10], indent=1, ensure_ascii=False)


def test_whole_pages_have_no_errors_but_the_themes_known_ones(built_site: Path) -> None:
    messages = _vnu(built_site)
    ours = [m for m in messages if not m["message"].startswith(MATERIAL_ERRORS)]
    assert ours == [], json.dumps(ours[:10], indent=1, ensure_ascii=False)
