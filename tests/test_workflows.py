"""The GitHub workflows and the pre-commit hook: linted by jactionlint, and held to our rules.

jactionlint (actionlint's checks plus audits for injection, permissions and pinning) comes as a
wheel with its binary from requirements.lock, so nothing is downloaded here. It runs shellcheck on
the `run:` scripts when shellcheck is on PATH. Our own rules below are each a small function that
returns what it finds, tested on our files (nothing) and on a bad example (something).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
LINTED = [*sorted(WORKFLOWS.glob("*.yml")), ROOT / ".github" / "dependabot.yml"]
PINNED_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}

BROKEN_WORKFLOW = """\
on:
  pull_request_target:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo "${{ matrix.os }}"
"""


def jactionlint() -> str:
    """The binary from the jactionlint wheel in this environment, else one on PATH."""
    here = shutil.which("jactionlint", path=str(Path(sys.executable).parent))
    found = here or shutil.which("jactionlint")
    if not found:
        pytest.fail("jactionlint is missing: run `make setup` (it is in requirements.lock)")
    return found


def lint(*files: Path) -> subprocess.CompletedProcess[str]:
    """jactionlint on `files`; --strict-exit makes a finding of any level fail."""
    command = [jactionlint(), "--no-color", "--strict-exit", *map(str, files)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict[str, Any]) -> set[str]:
    """The events of `on:` (which YAML 1.1 reads as the key True)."""
    on = workflow.get("on", workflow.get(True))
    return {on} if isinstance(on, str) else set(on or ())


def steps(workflow: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def injected_expressions(workflow: dict[str, Any]) -> list[tuple[str, str]]:
    """(job, step) of every `run:` script with a `${{ }}` spliced in; values go through `env:`."""
    return [
        (job_id, step.get("name", step["run"]))
        for job_id, step in steps(workflow)
        if "${{" in step.get("run", "")
    ]


def unpinned_actions(text: str) -> list[tuple[int, str]]:
    """(line, text) of every `uses:` not pinned to a full commit SHA with `# vX.Y.Z` after it."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), 1)
        if re.match(r"^\s*(?:-\s+)?uses:", line) and not PINNED_LINE.match(line)
    ]


def privileged_jobs(workflow: dict[str, Any]) -> list[str]:
    """Jobs that may publish to Pages or mint an OIDC token."""
    return [
        job_id
        for job_id, job in workflow["jobs"].items()
        if any((job.get("permissions") or {}).get(scope) == "write" for scope in DEPLOY_PERMISSIONS)
    ]


def scripts(workflow: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for _, step in steps(workflow))


# --- jactionlint ----------------------------------------------------------------------------------


def test_jactionlint_finds_nothing_in_our_workflows() -> None:
    result = lint(*LINTED)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


def test_jactionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN_WORKFLOW, encoding="utf-8")
    result = lint(broken)
    assert result.returncode == 1
    for rule in ("template-injection", "undefined-property", "unpinned-uses"):
        assert f"[{rule}]" in result.stdout, result.stdout
    # actionlint names the file relative to its working directory: match the name and line.
    assert f"{broken.name}:8:" in result.stdout  # the injected title, with its line


# --- our rules, proven able to fail ---------------------------------------------------------------


def test_the_rules_catch_a_bad_workflow() -> None:
    bad = yaml.safe_load(BROKEN_WORKFLOW)
    bad["jobs"]["test"]["permissions"] = {"contents": "read", "id-token": "write"}
    assert triggers(bad) == {"pull_request_target"}
    assert injected_expressions(bad) == [
        ("test", 'echo "${{ github.event.pull_request.title }}"'),
        ("test", 'echo "${{ matrix.os }}"'),
    ]
    assert unpinned_actions(BROKEN_WORKFLOW) == [(7, "- uses: actions/checkout@v4")]
    assert privileged_jobs(bad) == ["test"]


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda path: path.name)
def test_no_pull_request_target(path: Path) -> None:
    assert "pull_request_target" not in triggers(load(path))


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda path: path.name)
def test_no_expression_spliced_into_a_script(path: Path) -> None:
    assert injected_expressions(load(path)) == [], "pass the value through `env:` instead"


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_sha_with_its_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "uses:" in text
    assert unpinned_actions(text) == []


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda path: path.name)
def test_least_privilege_and_timeouts(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] in ({}, {"contents": "read"})
    for job_id, job in workflow["jobs"].items():
        assert "permissions" in job, f"{job_id} declares no permissions"
        assert "timeout-minutes" in job, f"{job_id} has no timeout"
    assert privileged_jobs(workflow) == (["deploy"] if path == DEPLOY else [])


# --- what each workflow must do -------------------------------------------------------------------


def test_the_pull_request_workflow_checks_validates_diffs_tests_and_uploads() -> None:
    workflow = load(PULL_REQUEST)
    assert triggers(workflow) == {"pull_request"}
    checkouts = [s for _, s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["fetch-depth"] == 0 for s in checkouts)
    run = scripts(workflow)
    for command in ("mvi-site validate --format github", "mvi-site build", "make test"):
        assert command in run
    assert re.search(r'mvi-site diff "origin/\$\{BASE_REF\}" HEAD --format markdown', run)
    assert run.count('>> "$GITHUB_STEP_SUMMARY"') >= 2  # validation report and diff
    uploads = [s for _, s in steps(workflow) if s.get("uses", "").startswith("actions/upload-arti")]
    assert [s["with"]["path"] for s in uploads] == ["site/"]


def test_the_deploy_workflow_publishes_main_on_pages() -> None:
    workflow = load(DEPLOY)
    assert workflow[True]["push"] == {"branches": ["main"]}
    assert workflow["concurrency"]["group"] == "pages"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == DEPLOY_PERMISSIONS
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] == "build"
    used = [s["uses"].split("@")[0] for _, s in steps(workflow) if "uses" in s]
    assert used == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    build = next(s for _, s in steps(workflow) if "mvi-site build" in s.get("run", ""))
    assert build["env"]["MVI_SITE_URL"] == "${{ steps.pages.outputs.base_url }}"


# --- pre-commit -----------------------------------------------------------------------------------


def test_the_pre_commit_hook_validates_data_when_data_changes() -> None:
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    hook = next(hook for hook in hooks if "mvi-site validate" in hook["entry"])
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "data/tenders/example.yaml")
    assert not re.search(hook["files"], "content/about.md")
    assert hook["entry"].split()[0] == ".venv/bin/mvi-site"  # what `make setup` installs
