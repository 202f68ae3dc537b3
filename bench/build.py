"""Build speed at scale, next to plain MkDocs and to the targets: one block per data-set size.

Figures, not assertions: run with `make bench` (or `python bench/build.py 500 2000`). For each N
it synthesises N tenders (`mvi-site synth`), then measures, each in processes of its own:

- validation in-process, from nothing and again with no file changed (best of three);
- the first build (`mvi-site build`, empty cache: every chart drawn, everything indexed), with
  the peak memory of the whole process tree (the build, its chart worker, Pagefind, MkDocs;
  summed as each process reports it, and with the memory a fork shares counted once),
  sampled every 50 ms;
- a rebuild with nothing changed, and one after a tender's title changed;
- `mvi-site serve`: after a title is saved, when the tender's page and the calendar show it;
- plain MkDocs + Material building the same number of pages of similar Markdown, out of the
  navigation as ours are, in the same run, and the ratio of the two first builds.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from generator.base.urls import record_url, section_url
from generator.editors.synth import synthesise
from generator.source.load import FileCache
from generator.validate import validate_data

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SIZES = (500, 2_000, 10_000)
TODAY = "2026-11-23"
_PAGE = """# {title}

{body}

| Field | Value |
|---|---|
| Buyer | Rijkswaterstaat |
| Expected publication | 2nd quarter 2027 |
| Value | € 4–6 mln |
| Procedure | Open procedure |

- Climate: ambitious
- Circular: significant
"""
# The targets (issue 16), by size where they differ.
_RATIO = {500: 1.0, 2_000: 1.0, 10_000: 1.0}


def main(sizes: tuple[int, ...]) -> None:
    cpus = os.cpu_count()
    print(f"machine: {platform.machine()}, {cpus} CPUs, Python {platform.python_version()}")
    # Every block's files stay until the end. On ext4 without a journal (as this machine has
    # it), making files soon after many were deleted costs the system up to four times the CPU
    # (it skips the inode numbers just freed): the next block's first build paid for the last
    # block's clean-up, and plain MkDocs, measured later, did not.
    with tempfile.TemporaryDirectory(prefix="mvi-bench-") as scratch:
        for size in sizes:
            for line in _block(size, Path(scratch) / str(size)):
                print(line, flush=True)


def _block(size: int, root: Path) -> list[str]:
    data, site, cache = root / "data", root / "site", root / "cache"
    synthesise(ROOT / "data", data, size)
    cold, warm = _validation(data)
    env = {"MVI_CACHE_DIR": str(cache), "MVI_TODAY": TODAY}
    build = [str(BIN / "mvi-site"), "build", "--data", str(data), "--site-dir", str(site)]
    first, peak, said = _run(build, env)
    again, _, _ = _run(build, env)
    tender = sorted((data / "tenders").iterdir())[0]
    _retitle(tender, "Herzien")
    edited, _, _ = _run(build, env)
    tender_page, calendar_page = _serve(data, site, env, tender)
    pages = sum(1 for _ in site.rglob("index.html"))
    calendar = (site / section_url("calendar", "nl") / "index.html").read_bytes()
    plain = _plain_mkdocs(root / "plain", pages)
    steps = re.search(r"Steps: (.*)", said)
    ratio = first / plain
    return [
        f"\n{size:,} tenders, {pages:,} pages",
        _row("validation, in-process", f"{cold:.2f} s", "< 2 s" if size >= 10_000 else ""),
        _row("validation, no file changed", f"{warm:.2f} s", "< 0.5 s" if size >= 10_000 else ""),
        _row("first build", f"{first:.1f} s", "< 60 s" if size >= 10_000 else ""),
        _row("plain MkDocs, same pages", f"{plain:.1f} s", ""),
        _row("ratio", f"{ratio:.2f}×", f"≤ {_RATIO.get(size, 1.0)}× (≤ 1.5× at 2,000)"),
        _row("rebuild, nothing changed", f"{again:.1f} s ({again / first:.0%})", "< 10%"),
        _row("build after one title changed", f"{edited:.1f} s", "< 3 s" if size <= 500 else ""),
        _row(
            "serve: the tender's page",
            f"{tender_page:.2f} s",
            "< 1 s" if size <= 500 else "< 3 s",
        ),
        _row("serve: the calendar too", f"{calendar_page:.2f} s", ""),
        _row("peak memory, processes summed", f"{peak[0] / 1024:.0f} MiB", ""),
        _row(
            "peak memory, shared counted once",
            f"{peak[1] / 1024:.0f} MiB",
            "< 1.5 GiB" if size >= 10_000 else "",
        ),
        _row(
            "calendar raw / gzip",
            f"{len(calendar) / 1e3:.0f} / {len(gzip.compress(calendar)) / 1e3:.0f} kB",
            "",
        ),
        _row("site", f"{_size(site) / 1e6:.0f} MB", ""),
        _row("search bundle", f"{_size(site / 'pagefind') / 1e6:.1f} MB", ""),
        _row("first build's steps", steps[1] if steps else "?", ""),
    ]


def _row(what: str, figure: str, target: str) -> str:
    return f"  {what:<32} {figure:<24} {('target ' + target) if target else ''}"


def _validation(data: Path) -> tuple[float, float]:
    """Best of three, in this process: from nothing, then with every file as it was."""
    today = dt.date.fromisoformat(TODAY)
    cold = min(_timed(lambda: validate_data(data, today)) for _ in range(3))
    files = FileCache()
    validate_data(data, today, files)
    warm = min(_timed(lambda: validate_data(data, today, files)) for _ in range(3))
    return cold, warm


def _timed(work) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _run(args: list[str], env: dict[str, str]) -> tuple[float, tuple[int, int], str]:
    """Wall time, peak KiB of the whole process tree (summed as each process reports it, and
    with shared memory counted once), and what the build said."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    peak = _Peak(process.pid)
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    peak.stop()
    if process.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{err.decode()[-2000:]}")
    return seconds, (peak.kib, peak.pss_kib), err.decode() + out.decode()


class _Peak:
    """The largest sum of resident memory of a process and all its descendants, sampled: as
    each process reports it (`kib`, which counts memory a forked copy shares with the build in
    both), and with each shared page counted once, divided among those sharing it (`pss_kib`,
    what the tree takes from the machine)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.kib, self.pss_kib, self._done = pid, 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._done.wait(0.05):
            pids = _tree(self.pid)
            self.kib = max(self.kib, sum(_status(pid, "VmRSS") for pid in pids))
            self.pss_kib = max(self.pss_kib, sum(_pss(pid) for pid in pids))


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += [child for child, parent in parents.items() if parent == pid]
    return found


def _status(pid: int, field: str) -> int:
    return _kib(Path(f"/proc/{pid}/status"), field)


def _pss(pid: int) -> int:
    return _kib(Path(f"/proc/{pid}/smaps_rollup"), "Pss")


def _kib(path: Path, field: str) -> int:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _retitle(tender: Path, word: str) -> None:
    text = tender.read_text(encoding="utf-8")
    changed = re.sub(r'(title: \{nl: ")', rf"\1{word} ", text, count=1)
    assert changed != text, tender
    tender.write_text(changed, encoding="utf-8")


def _serve(data: Path, site: Path, env: dict[str, str], tender: Path) -> tuple[float, float]:
    """Seconds from saving a new title until the tender's page, then the calendar, show it."""
    port = _free_port()
    args = [str(BIN / "mvi-site"), "serve", "--data", str(data), "--site-dir", str(site)]
    process = subprocess.Popen(
        [*args, "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("Serving the site"):
                break
        reader = threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True)
        reader.start()
        base = f"http://127.0.0.1:{port}/"
        tender_url = base + record_url("tender", tender.stem, "nl")
        calendar_url = base + section_url("calendar", "nl")
        saved = time.perf_counter()
        _retitle(tender, "Opnieuw")
        shown = _until(tender_url, "Opnieuw") - saved
        listed = _until(calendar_url, "Opnieuw") - saved
        return shown, listed
    finally:
        process.terminate()
        process.wait(timeout=60)


def _until(url: str, text: str, limit: float = 600) -> float:
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text.encode() in response.read():
                    return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.01)
    return float("inf")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _plain_mkdocs(folder: Path, pages: int) -> float:
    """Build time of MkDocs + Material with `pages` pages of similar Markdown, out of the nav."""
    docs = folder / "docs"
    (docs / "p").mkdir(parents=True)
    body = " ".join(["Een geplande aanbesteding met maatschappelijk verantwoorde eisen."] * 12)
    (docs / "index.md").write_text(_PAGE.format(title="Home", body=body))
    for number in range(pages - 1):
        (docs / "p" / f"{number}.md").write_text(_PAGE.format(title=f"Page {number}", body=body))
    (folder / "mkdocs.yml").write_text(
        "site_name: Plain\nsite_url: https://example.org/\ntheme:\n  name: material\n"
        "  font: false\nplugins:\n  - search\nnav:\n  - Home: index.md\n"
        "not_in_nav: |\n  /p/\n"
    )
    start = time.perf_counter()
    subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q", "-f", str(folder / "mkdocs.yml")],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - start
    shutil.rmtree(folder)
    return seconds


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


if __name__ == "__main__":
    main(tuple(int(arg) for arg in sys.argv[1:]) or SIZES)
