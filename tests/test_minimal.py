"""The minimal fixture is valid, so every bad-input test changes exactly one thing."""

from __future__ import annotations

from conftest import TODAY


def test_minimal_data_set_is_valid_without_warnings(run, data_dir):
    result = run("validate", data_dir, "--strict", "--today", TODAY, "--lang", "en")
    assert result.code == 0, result.out
    assert "0 error(s), 0 warning(s)" in result.out
