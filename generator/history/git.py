"""The data at a Git revision, and the history of every record from the Git log of `data/`.

Git is the source of truth, so the site can show what official pipelines do not: every change
to every planned tender, when it happened (the commit's date, so builds stay reproducible) and
why (the commit's subject, which for a squash or merge of a pull request is the pull request's
title). A version of a file becomes records the way the loader reads a file, and a record
that does not validate under today's models is skipped: it was never published.

A shallow clone, or a folder outside Git, has no history to read; `read_history` then says so
instead of inventing one, and the site shows a notice.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from generator.base.clock import AMSTERDAM
from generator.history.diff import (
    KIND_ORDER,
    RecordChange,
    changed_fields,
    diff_records,
    level_scale,
)
from generator.history.words import NO_LEVELS
from generator.models.theme import AmbitionScale
from generator.problems import Severity
from generator.source.layout import KINDS, Kind
from generator.source.load import read_entries
from generator.validate.fields import valid_record

_SEP, _RECORD = "\x00", "\x1e"
_MERGE_PREFIXES = ("Merge pull request", "Merge branch")


class GitError(Exception):
    """Git could not answer: not a repository, an unknown revision, no git on the PATH."""


@dataclass(frozen=True)
class Commit:
    sha: str
    moment: dt.datetime  # the committer date, in Europe/Amsterdam
    subject: str

    @property
    def date(self) -> dt.date:
        return self.moment.date()


@dataclass(frozen=True)
class Event:
    """One record's change in one commit."""

    commit: Commit
    change: RecordChange


@dataclass
class History:
    """Every change to the data, newest first, or why there is no history to show."""

    available: bool
    reason: str | None = None  # "shallow" or "no-git" when not available
    events: list[Event] = field(default_factory=list)
    _by_record: dict[tuple[str, str], list[Event]] = field(default_factory=dict, repr=False)
    # The answer of `last_change` for the record object it was asked about: every list page,
    # feed and download asks again for the same tender.
    _last: dict[tuple[str, str], tuple[BaseModel, Commit | None]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for event in self.events:
            key = (event.change.kind, event.change.id)
            self._by_record.setdefault(key, []).append(event)

    def of(self, kind: str, record_id: str) -> list[Event]:
        """The changes of one record, newest first."""
        return self._by_record.get((kind, record_id), [])

    def last_change(self, kind: str, record_id: str, record: BaseModel) -> Commit | None:
        """The commit that last changed the record, or None when that is not known.

        Not known: no history (a shallow clone, a folder outside Git), a record never
        committed, or one whose file differs from its last commit (a change not yet
        committed, as while editing with `mvi-site serve`): its last change has no date yet."""
        events = self.of(kind, record_id)
        if not events:
            return None
        known = self._last.get((kind, record_id))
        if known is not None and known[0] is record:
            return known[1]
        newest = events[0].commit
        committed = [e.change.after for e in events if e.commit == newest and e.change.after]
        found = None if not committed or changed_fields(committed[0], record) else newest
        self._last[(kind, record_id)] = (record, found)
        return found

    def by_date(self, limit: int | None = None) -> list[tuple[dt.date, list[Event]]]:
        """The latest `limit` events, grouped per commit date, newest first."""
        groups: dict[dt.date, list[Event]] = {}
        for event in self.events[:limit]:
            groups.setdefault(event.commit.date, []).append(event)
        return list(groups.items())


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env=env,
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def repository(path: Path) -> tuple[Path, str] | None:
    """The work tree holding `path` and `path` relative to it, or None outside Git."""
    try:
        top = _git(path, "rev-parse", "--show-toplevel").decode().strip()
    except GitError:
        return None
    root = Path(top).resolve()
    return root, path.resolve().relative_to(root).as_posix()


# --- The data at one revision ----------------------------------------------------------------


@contextmanager
def data_at(revision: str, data_dir: Path) -> Iterator[Path]:
    """The data folder as it was at `revision`, extracted into a temporary folder.

    A revision from before the data folder existed (a repository's first data pull request)
    gives a path that does not exist: no records, and no error."""
    found = repository(data_dir)
    if found is None:
        raise GitError(f"{data_dir} is not inside a Git repository")
    root, rel = found
    commit = resolve(root, revision)
    with tempfile.TemporaryDirectory(prefix="mvi-rev-") as scratch:
        if _git(root, "ls-tree", "--name-only", commit, "--", rel).strip():
            archive = _git(root, "archive", "--format=tar", commit, "--", rel)
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(scratch, filter="data")
        yield Path(scratch) / rel


def resolve(root: Path, revision: str) -> str:
    """The commit a revision names (a branch, a tag, HEAD~1, a hash), or GitError."""
    if revision.startswith("-"):  # never an option to git
        raise GitError(f"'{revision}' is not a revision")
    try:
        return (
            _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
            .decode()
            .strip()
        )
    except GitError:
        raise GitError(f"unknown revision '{revision}' in {root}") from None


# --- History from the log ---------------------------------------------------------------------


def read_history(data_dir: Path) -> History:
    """Every change to the records under `data_dir`, from the first-parent log of the branch."""
    found = repository(data_dir)
    if found is None:
        return History(available=False, reason="no-git")
    root, rel = found
    if _git(root, "rev-parse", "--is-shallow-repository").decode().strip() == "true":
        return History(available=False, reason="shallow")
    try:
        log = _git(
            root,
            "log",
            "--first-parent",
            "-m",
            "--no-renames",
            "--name-status",
            "--format=%x1e%H%x00%P%x00%cI%x00%s%x00%b%x00",
            "--",
            rel,
        ).decode("utf-8", "replace")
    except GitError:  # a repository without commits
        return History(available=True)
    commits = list(_parse_log(log, rel))
    specs = []
    for commit, parent, files in commits:
        for _, path, status in files:
            if status != "A" and parent:
                specs.append(f"{parent}:{path}")
            if status != "D":
                specs.append(f"{commit.sha}:{path}")
    blobs = _read_blobs(root, specs)
    batches: list[list[Event]] = []
    levels = NO_LEVELS  # the ambition levels as of each commit: they name a level in words
    for commit, parent, files in reversed(commits):  # oldest first, so the levels follow
        changes, levels = _changes(commit.sha, parent, files, blobs, levels)
        batches.append([Event(commit, change) for change in changes])
    events = [event for batch in reversed(batches) for event in batch]  # newest first
    return History(available=True, events=events)


_FileChange = tuple[Kind, str, str]  # kind, repository path, A/M/D


def _changes(
    sha: str,
    parent: str | None,
    files: list[_FileChange],
    blobs: dict[str, bytes],
    levels: AmbitionScale,
) -> tuple[list[RecordChange], AmbitionScale]:
    """The changes one commit made, and the ambition levels after it (`levels` before it)."""
    versions = [
        (
            kind,
            _records(kind, path, blobs.get(f"{parent}:{path}")),
            _records(kind, path, blobs.get(f"{sha}:{path}")),
        )
        for kind, path, _ in files
    ]
    for kind, _, after in versions:
        levels = level_scale(after) if kind.name == "ambition-level" else levels
    changes: list[RecordChange] = []
    for kind, before, after in versions:
        changes += diff_records(kind.name, before, after, levels)
    changes.sort(key=lambda c: (c.kind != "tender", KIND_ORDER.get(c.kind, 99), c.id))
    return changes, levels


def _parse_log(log: str, rel: str) -> Iterator[tuple[Commit, str | None, list[_FileChange]]]:
    kinds = {kind.path: kind for kind in KINDS}
    for chunk in log.split(_RECORD)[1:]:
        sha, parents, when, subject, body, rest = chunk.split(_SEP, 5)
        files: list[_FileChange] = []
        for line in rest.splitlines():
            if "\t" not in line:
                continue
            status, path = line.split("\t", 1)
            parts = PurePosixPath(path).relative_to(rel).parts
            kind = kinds.get(parts[0]) if parts else None
            if kind is None or not path.endswith(".yaml"):
                continue
            if kind.is_folder and len(parts) != 2:
                continue
            files.append((kind, path, status[:1]))
        moment = dt.datetime.fromisoformat(when).astimezone(AMSTERDAM)
        parent = parents.split()[0] if parents.strip() else None
        yield Commit(sha, moment, _why(subject, body)), parent, files


def _why(subject: str, body: str) -> str:
    """The pull request's title for a merge commit (GitHub puts it in the body)."""
    if subject.startswith(_MERGE_PREFIXES):
        for line in body.splitlines():
            if line.strip():
                return line.strip()
    return subject


def _read_blobs(root: Path, specs: list[str]) -> dict[str, bytes]:
    """The contents of many `revision:path` blobs through one `git cat-file --batch`."""
    if not specs:
        return {}
    out = _git(root, "cat-file", "--batch", stdin=("\n".join(specs) + "\n").encode())
    blobs: dict[str, bytes] = {}
    position = 0
    for spec in specs:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) != 3 or header[1] != b"blob":  # "<spec> missing"
            continue
        size = int(header[2])
        blobs[spec] = out[position : position + size]
        position += size + 1
    return blobs


def _records(kind: Kind, path: str, blob: bytes | None) -> dict[str, BaseModel]:
    """The valid records in one version of one file (at `path` in the repository)."""
    if blob is None:
        return {}
    try:
        entries, problems = read_entries(kind, Path(path), path, blob)
    except Exception:  # a version that made the loader crash was never published either
        return {}
    if any(problem.severity is Severity.ERROR for problem in problems):
        return {}  # a duplicate key or an alias: read on for the report, never published
    records = ((entry.id, valid_record(entry)) for entry in entries)
    return {record_id: record for record_id, record in records if record is not None}
