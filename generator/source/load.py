"""Find the YAML files of `data/` by the layout and read them into entries (not yet validated)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Any

from generator.models.common import ID_PATTERN
from generator.problems import Problem, make_problem
from generator.source.dataset import DataSet, Entry
from generator.source.layout import IMAGES, KINDS, Kind
from generator.source.yamlsource import Loc, YamlSource, parse_bytes, read_yaml

_ID = re.compile(ID_PATTERN)


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 2_000


class FileCache:
    """Files a long-running process (`mvi-site serve`) read before, with what was found in
    them, kept while the file is unchanged on disk (same size, time and inode)."""

    def __init__(self) -> None:
        self._files: dict[tuple[str, str], tuple[tuple[int, int, int], _Read]] = {}

    def get(
        self, path: Path, display: str, kind: Kind
    ) -> tuple[tuple[int, int, int], _Read | None]:
        try:
            stat = path.stat()
        except OSError:
            return (0, 0, 0), None
        key = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        kept = self._files.get((str(path), display))
        return key, kept[1] if kept and kept[0] == key and kept[1].kind is kind else None

    def put(self, path: Path, display: str, key: tuple[int, int, int], read: _Read) -> None:
        if key != (0, 0, 0):
            self._files[(str(path), display)] = (key, read)


@dataclass
class _Read:
    """One file as read and checked: its parse, and each of its entries with what was found."""

    kind: Kind
    source: YamlSource | None
    data: Any
    found: list[Problem]
    # id, base, raw, record, partial record, problems
    entries: list[tuple[str, Loc, Any, Any, Any, list[Problem]]] | None = None
    layout: list[Problem] | None = None  # of the file as a whole (not a mapping, invalid ids)


def load_data(
    root: Path,
    each: Callable[[Entry], list[Problem]] | None = None,
    cache: FileCache | None = None,
) -> tuple[DataSet, list[Problem], int]:
    """Read every file of the layout: the entries, the problems found, and the file count.

    `each` is called on every entry as soon as its file is read, and its problems are among
    those returned: the next stage (checking the records) runs while workers still parse.
    `cache` keeps what was read and found in each file for the next run, while it is unchanged."""
    dataset, problems = DataSet(root), list(_unexpected(root))
    jobs: list[tuple[Kind, Path, str]] = []
    for kind in KINDS:
        jobs.extend((kind, path, display) for path, display in _files_of(root, kind, problems))
    kept = [
        cache.get(path, display, kind) if cache else ((0, 0, 0), None)
        for kind, path, display in jobs
    ]
    fresh = iter(
        _read_all([(p, d) for (_, p, d), (_, k) in zip(jobs, kept, strict=True) if k is None])
    )
    for (kind, path, display), (key, read) in zip(jobs, kept, strict=True):
        if read is None:
            read = _Read(kind, *next(fresh))
            if cache:
                cache.put(path, display, key, read)
        problems.extend(read.found)
        if read.source is not None and read.data is not None:
            problems.extend(_entries_of(dataset, read, each))
        else:  # keep the id known, so references to it do not cascade into more errors
            dataset.mark_unreadable(kind, path.stem)
    return dataset, problems, len(jobs)


def _entries_of(
    dataset: DataSet, read: _Read, each: Callable[[Entry], list[Problem]] | None
) -> list[Problem]:
    """Add a file's entries to `dataset`, checked by `each` once (then as found before)."""
    assert read.source is not None
    if read.entries is not None and read.layout is not None and each is not None:
        found = list(read.layout)
        for record_id, base, raw, record, partial, entry_problems in read.entries:
            dataset.add(Entry(read.kind, record_id, read.source, base, raw, record, partial))
            found.extend(entry_problems)
        return found
    layout: list[Problem] = []
    entries = _add_entries(dataset, read.kind, read.source, read.data, layout)
    found, read.layout, read.entries = list(layout), layout, []
    if each is None:
        return found
    for entry in entries:
        entry_problems = each(entry)
        read.entries.append(
            (entry.id, entry.base, entry.raw, entry.record, entry.partial, entry_problems)
        )
        found.extend(entry_problems)
    return found


def _read_all(
    jobs: list[tuple[Path, str]],
) -> Iterator[tuple[YamlSource | None, Any, list[Problem]]]:
    """Parse every file, in order; in worker processes when there are many, handing each chunk
    of results on as soon as it is parsed."""
    workers = min(4, os.cpu_count() or 1)
    if len(jobs) < PARALLEL_FROM or workers < 2 or "fork" not in get_all_start_methods():
        yield from (read_yaml(path, display) for path, display in jobs)
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        yield from pool.map(_read_job, jobs, chunksize=max(64, len(jobs) // (workers * 8)))


def _read_job(job: tuple[Path, str]) -> tuple[YamlSource | None, Any, list[Problem]]:
    return read_yaml(*job)


def display_path(path: Path) -> str:
    """The path as the editor should see it: relative to where the command was run."""
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(path)


def _files_of(root: Path, kind: Kind, problems: list[Problem]) -> Iterator[tuple[Path, str]]:
    """Each record file of `kind` with the path an editor sees; misplaced files are problems.

    Names are checked as strings: at 10,000 files, `Path` objects per check are measurable."""
    path = root / kind.path
    if not kind.is_folder:
        if path.is_file():
            yield path, display_path(path)
        elif kind.required:
            problems.append(make_problem(display_path(root), 1, 1, "missing-file", name=kind.path))
        return
    if not path.is_dir():
        return
    shown = display_path(path)  # once per folder: relpath per file is measurably slow
    with os.scandir(path) as scan:
        children = sorted((child.name, child.is_dir()) for child in scan)
    for name, is_dir in children:
        display = f"{shown}{os.sep}{name}"
        if not name.startswith(".") and _valid_record_file(name, is_dir, problems, display):
            yield path / name, display


def _valid_record_file(name: str, is_dir: bool, problems: list[Problem], shown: str) -> bool:
    stem, dot, suffix = name.rpartition(".")
    if is_dir or not dot or not stem or suffix not in ("yaml", "yml"):
        problems.append(
            make_problem(shown, 1, 1, "unexpected-file", name=name, allowed="<id>.yaml")
        )
        return False
    if suffix == "yml":
        problems.append(
            make_problem(shown, 1, 1, "wrong-extension", name=name, suggestion=stem + ".yaml")
        )
        return False
    if not _ID.match(stem):
        problems.append(
            make_problem(shown, 1, 1, "invalid-file-name", name=name, suggestion=suggest_id(stem))
        )
        return False
    return True


def suggest_id(text: str) -> str:
    """A valid id close to `text`: 'ICT Werkplek_2027' becomes 'ict-werkplek-2027'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "nieuw"


def read_entries(
    kind: Kind, path: Path, display: str, raw: bytes
) -> tuple[list[Entry], list[Problem]]:
    """One file's entries (not yet validated) and the problems of its layout, from its bytes.

    The way a version of a file that is not on disk (an old one, from Git) becomes records, by
    the same steps as `load_data`: `parse_bytes`, then `_file_entries`."""
    source, data, problems = parse_bytes(raw, path, display)
    if source is None or data is None:
        return [], problems
    return _file_entries(kind, source, data, problems), problems


def _add_entries(
    dataset: DataSet, kind: Kind, source: YamlSource, data: object, problems: list[Problem]
) -> list[Entry]:
    """Add the records of one file to `dataset` (and its problems to `problems`)."""
    entries = _file_entries(kind, source, data, problems)
    for entry in entries:
        dataset.add(entry)
    return entries


def _file_entries(
    kind: Kind, source: YamlSource, data: object, problems: list[Problem]
) -> list[Entry]:
    """The records of one parsed file as entries: the file itself in a folder, else one per key."""
    if not isinstance(data, dict):
        problems.append(source.problem((), "not-a-mapping", found=type(data).__name__))
        return []
    if kind.is_folder:
        entries = [Entry(kind, source.path.stem, source, (), data)]
    else:
        entries = []
        for key, value in data.items():
            if not isinstance(key, str) or not _ID.match(key):
                problems.append(source.problem((key,), "invalid-id", at_key=True, value=key))
            else:
                entries.append(Entry(kind, key, source, (key,), value))
    return entries


def _unexpected(root: Path) -> Iterator[Problem]:
    allowed = {kind.path for kind in KINDS} | {IMAGES, "README.md"}
    if not root.is_dir():
        return
    for child in sorted(root.iterdir()):
        if child.name not in allowed and not child.name.startswith("."):
            yield make_problem(
                display_path(child),
                1,
                1,
                "unexpected-file",
                name=child.name,
                allowed=", ".join(sorted(allowed)),
            )
