"""The command line: exit codes, output formats, strict mode and languages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import TODAY, write

BAD_TENDER = "tenders/rvb-2027-zonnepanelen.yaml"


def break_tender(data_dir: Path) -> None:
    path = data_dir / BAD_TENDER
    path.write_text(path.read_text().replace("kind: works", "kind: werken"), encoding="utf-8")


def test_valid_data_exits_0(run, data_dir):
    assert run("validate", data_dir, "--today", TODAY).code == 0


def test_invalid_data_exits_1_and_reports_every_file(run, data_dir):
    break_tender(data_dir)
    write(data_dir, "organisations/ienw.yaml", "abbreviation: IenW\nkind: ministerie\n")
    result = run("validate", data_dir, "--today", TODAY, "--lang", "en")
    assert result.code == 1
    assert "rvb-2027-zonnepanelen.yaml:6:" in result.out
    assert "ienw.yaml:2:7: error: kind: 'ministerie' is not an allowed value" in result.out
    assert "ienw.yaml:1:1: error: the required field 'name' is missing" in result.out
    assert "3 error(s)" in result.out


def test_missing_data_folder_is_a_usage_error(run, tmp_path):
    result = run("validate", tmp_path / "nope")
    assert result.code == 2
    assert "not found" in result.err


def test_unknown_option_is_a_usage_error():
    completed = subprocess.run(
        [sys.executable, "-m", "generator.cli", "validate", "--bogus"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr


def test_warnings_fail_only_in_strict_mode(run, data_dir):
    path = data_dir / "organisations/bzk.yaml"
    text = path.read_text().replace(", en: Ministry of the Interior}", "}")
    path.write_text(text, encoding="utf-8")
    relaxed = run("validate", data_dir, "--today", TODAY, "--lang", "en")
    assert relaxed.code == 0
    assert "warning: no English text for: name" in relaxed.out
    assert run("validate", data_dir, "--today", TODAY, "--strict").code == 1


def test_stale_planning_and_review_are_warnings(run, data_dir):
    result = run("validate", data_dir, "--today", "2028-01-01", "--format", "json")
    codes = {(Path(p["file"]).name, p["code"]) for p in json.loads(result.out)["problems"]}
    assert ("rvb-2027-zonnepanelen.yaml", "publication-in-past") in codes
    assert ("ict-werkplekken.yaml", "plan-not-reviewed") in codes
    assert result.code == 0


def test_missing_english_is_one_warning_per_record(run, data_dir):
    write(
        data_dir,
        "organisations/ienw.yaml",
        "abbreviation: IenW\nname: Ministerie van IenW\nkind: ministry\n",
    )
    result = run("validate", data_dir, "--today", TODAY, "--format", "json")
    problems = [p for p in json.loads(result.out)["problems"] if p["code"] == "english-missing"]
    assert [(Path(p["file"]).name, p["line"], p["severity"]) for p in problems] == [
        ("ienw.yaml", 1, "warning")
    ]
    assert "name" in problems[0]["message"]


def test_github_format_prints_annotations(run, data_dir):
    break_tender(data_dir)
    result = run("validate", data_dir, "--format", "github", "--today", TODAY)
    first = result.out.splitlines()[0]
    assert first.startswith("::error file=")
    assert "rvb-2027-zonnepanelen.yaml,line=6,col=7,title=" in first
    assert "[invalid-choice]::kind:" in first


def test_json_format_is_machine_readable(run, data_dir):
    break_tender(data_dir)
    report = json.loads(run("validate", data_dir, "--format", "json", "--today", TODAY).out)
    assert report["valid"] is False
    assert report["errors"] == 1
    assert report["problems"][0]["code"] == "invalid-choice"
    assert report["problems"][0]["field"] == "kind"


def test_messages_in_dutch_by_default(run, data_dir):
    break_tender(data_dir)
    out = run("validate", data_dir, "--today", TODAY).out
    assert "fout: kind: 'werken' is geen toegestane waarde" in out
    assert "oplossing: Bedoelde u 'works'?" in out


def test_unreadable_record_does_not_hide_other_files(run, data_dir):
    write(data_dir, "organisations/bzk.yaml", b"\xff\xfe")
    result = run("validate", data_dir, "--format", "json", "--today", TODAY)
    codes = [p["code"] for p in json.loads(result.out)["problems"]]
    assert "not-utf8" in codes
    assert "unknown-reference" not in codes  # bzk still counts as known
