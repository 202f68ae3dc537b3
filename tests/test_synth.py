"""Synthetic data sets: valid, deterministic, and read the same in parallel as serially."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY

from generator.base.clock import today
from generator.editors.synth import synthesise
from generator.source import load
from generator.validate import validate_data

DATA = Path(__file__).resolve().parent.parent / "data"


def _contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def test_synthetic_data_is_valid(run, tmp_path):
    assert run("synth", "--tenders", "60", "--out", tmp_path / "s").code == 0
    result = run("validate", tmp_path / "s", "--strict", "--today", TODAY)
    assert result.code == 0, result.out
    assert len(list((tmp_path / "s" / "tenders").glob("*.yaml"))) == 60


def test_same_seed_same_bytes(tmp_path):
    synthesise(DATA, tmp_path / "a", 25, seed=7)
    synthesise(DATA, tmp_path / "b", 25, seed=7)
    synthesise(DATA, tmp_path / "c", 25, seed=8)
    assert _contents(tmp_path / "a") == _contents(tmp_path / "b")
    assert _contents(tmp_path / "a") != _contents(tmp_path / "c")


def test_parallel_reading_gives_the_same_report(tmp_path, monkeypatch):
    folder = tmp_path / "s"
    synthesise(DATA, folder, 40)
    broken = folder / "tenders" / "synth-00007.yaml"
    broken.write_text(broken.read_text().replace("status: planned", "status: gepland"))
    (folder / "tenders" / "synth-00011.yaml").write_bytes(b"title: \xff\n")
    _, serial = validate_data(folder, today(TODAY))
    monkeypatch.setattr(load, "PARALLEL_FROM", 1)
    _, parallel = validate_data(folder, today(TODAY))
    assert serial.sorted() == parallel.sorted()
    assert {p.code for p in serial.errors} == {"invalid-choice", "not-utf8"}
