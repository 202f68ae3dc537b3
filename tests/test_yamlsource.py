"""The strict loader: YAML 1.2 core values, no silent coercion, positions on demand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.source.yamlsource import YamlSource, dotted, parse_text, read_yaml


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: no", "no"),  # YAML 1.1 would make this False (the "Norway problem")
        ("a: yes", "yes"),
        ("a: on", "on"),
        ("a: 010", "010"),  # no octal, no dropped leading zero
        ("a: 1_000", "1_000"),
        ("a: 2027-13-01", "2027-13-01"),  # left as text for the date field to reject
        ("a: 2027-05", "2027-05"),
        ("a: 2027-Q2", "2027-Q2"),
        ("a: 12:30", "12:30"),  # YAML 1.1 sexagesimal would make this 750
        ("a: 2027-05-14", dt.date(2027, 5, 14)),
        ("a: '2027-05-14'", "2027-05-14"),
        ("a: true", True),
        ("a: 42", 42),
        ("a: -1.5", -1.5),
        ("a: ~", None),
        ("a:", None),
        ('a: "true"', "true"),
    ],
)
def test_scalars_follow_yaml_core_rules(text: str, expected: object) -> None:
    assert parse_text(text) == {"a": expected}


def test_block_scalar_is_text() -> None:
    assert parse_text("a: |\n  1\n") == {"a": "1\n"}


def test_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    _, data, problems = read_yaml(path, "bomb.yaml")
    # Each alias is reported where it is used and read as nothing, so nothing is expanded
    # and the rest of the file is still checked.
    assert data["a29"] == [None, None, None]
    assert {p.line for p in problems if p.code == "alias"} == set(range(2, 31))
    assert {p.line for p in problems if p.code == "anchor"} == set(range(1, 31))


def test_deep_nesting_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    _, data, problems = read_yaml(path, "deep.yaml")
    assert data is None
    assert problems[0].code in ("too-deep", "yaml-syntax")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: b\n".encode())
    assert read_yaml(path, "bom.yaml")[1] == {"a": "b"}


def test_invalid_utf8_points_at_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"a: b\nc: d\xe9\n")
    _, _, problems = read_yaml(path, "latin1.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("not-utf8", 2, 5)]


def test_positions_are_looked_up_by_field_path() -> None:
    text = "title: x\nlots:\n  - title: a\n  - title: b\nthemes:\n  klimaat:\n    level: x\n"
    source = YamlSource(Path("t.yaml"), "t.yaml", text)
    assert source.position(("lots", 1, "title")) == (4, 12)
    assert source.position(("themes", "klimaat"), at_key=True) == (6, 3)
    assert source.position(("themes", "klimaat", "level")) == (7, 12)
    assert source.position(("themes", "missing")) == (6, 3)  # nearest existing parent


def test_dotted_paths_read_like_fields() -> None:
    assert dotted(("lots", 0, "title", "nl")) == "lots[0].title.nl"
