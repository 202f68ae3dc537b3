"""Charts are measured with vl-convert's own font, whatever fonts the machine or the user has.

vl-convert reads the font configuration once per process, so each case runs in a fresh one.
The user's font configuration here offers FontAwesome (a font shipped with MkDocs, so every
machine that runs the tests has it) and the chart asks for it: a drawing that reads the user's
or the system's fonts measures its labels with it and lays the chart out differently.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import mkdocs

SPEC = {
    "data": {"values": [{"label": f"Aanbesteding nummer {n}", "value": n} for n in range(6)]},
    "mark": "bar",
    "encoding": {
        "y": {"field": "label", "type": "nominal"},
        "x": {"field": "value", "type": "quantitative"},
    },
    "config": {"axis": {"labelFont": "FontAwesome", "labelLimit": 0}},
}
FONT = Path(mkdocs.__file__).parent / "themes/readthedocs/css/fonts/fontawesome-webfont.ttf"

_OURS = """
import json, sys
from generator.charts.svg import _draw
print(_draw(json.loads(sys.argv[1]), "nl-NL").svg)
"""
_RAW = """
import json, sys, vl_convert
print(vl_convert.vegalite_to_svg(json.loads(sys.argv[1]), format_locale="nl-NL"))
"""


def _svg(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(SPEC)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _user_fonts(home: Path) -> dict[str, str]:
    """An environment whose user font configuration adds a folder holding FontAwesome."""
    fonts = home / "fonts"
    fonts.mkdir()
    (fonts / FONT.name).write_bytes(FONT.read_bytes())
    config = home / "config" / "fontconfig"
    config.mkdir(parents=True)
    (config / "fonts.conf").write_text(f"<fontconfig><dir>{fonts}</dir></fontconfig>\n")
    env = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    return env | {"XDG_CONFIG_HOME": str(home / "config")}


def test_the_users_fonts_do_not_change_a_chart(tmp_path: Path) -> None:
    plain = {k: v for k, v in os.environ.items() if k not in ("FONTCONFIG_FILE", "XDG_CONFIG_HOME")}
    plain["XDG_CONFIG_HOME"] = str(tmp_path / "nothing")
    with_fonts = _user_fonts(tmp_path)
    # The setup is real: drawn by vl-convert as it comes, the user's font changes the layout.
    assert _svg(_RAW, with_fonts) != _svg(_RAW, plain)
    assert _svg(_OURS, with_fonts) == _svg(_OURS, plain)


def test_the_callers_font_configuration_is_left_as_it_was(tmp_path: Path) -> None:
    code = _OURS + "import os; print(os.environ.get('FONTCONFIG_FILE'))\n"
    env = dict(os.environ) | {"FONTCONFIG_FILE": str(tmp_path / "mine.conf")}
    assert _svg(code, env).splitlines()[-1] == str(tmp_path / "mine.conf")
