"""Build speed at scale: one table row per data-set size, our build next to plain MkDocs.

Figures, not assertions: run with `make bench` (or `python bench/build.py 500 2000`). For each N
it synthesises N tenders (`mvi-site synth`), then measures in separate processes, so peak memory
is each build's own:

- validation time; the full build (`mvi-site build`, charts drawn into an empty cache) with its
  peak memory, output size, the calendar page raw and gzipped, the search index (Pagefind's
  bundle, and the most a first one-word search downloads) and the time the build reports for
  charts; a second build with unchanged data (charts from the cache);
- in the same run, a plain MkDocs + Material site with the same number of pages of similar
  Markdown, kept out of the navigation as ours are, and the ratio of the two build times.
"""

from __future__ import annotations

import gzip
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.editors.synth import synthesise

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SIZES = (500, 2_000, 10_000)
TODAY = "2026-11-23"
_CHARTS = re.compile(r"Charts: \d+ \((\d+) drawn, (\d+) from cache\) in ([0-9.]+) s")
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


def main(sizes: tuple[int, ...]) -> None:
    python = platform.python_version()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {python}")
    header = (
        "tenders",
        "pages",
        "valid s",
        "build s",
        "rebuild s",
        "charts s",
        "peak MiB",
        "site MB",
        "cal KB",
        "cal gz KB",
        "index MB",
        "1st search KB",
        "plain s",
        "ratio",
    )
    print(" | ".join(header))
    for size in sizes:
        print(" | ".join(_row(size)), flush=True)


def _row(size: int) -> list[str]:
    with tempfile.TemporaryDirectory(prefix=f"mvi-bench-{size}-") as scratch:
        root = Path(scratch)
        data = root / "data"
        synthesise(ROOT / "data", data, size)
        valid, _, _ = _run([str(BIN / "mvi-site"), "validate", str(data)], root)
        env = {"MVI_CACHE_DIR": str(root / "cache"), "MVI_TODAY": TODAY}
        build_args = [str(BIN / "mvi-site"), "build", "--data", str(data), "--site-dir"]
        first, peak, err = _run([*build_args, str(root / "site")], root, env)
        again, _, err2 = _run([*build_args, str(root / "site2")], root, env)
        site = root / "site"
        pages = sum(1 for _ in site.rglob("index.html"))
        calendar = (site / "aanbestedingskalender" / "index.html").read_bytes()
        charts = _CHARTS.search(err)
        plain = _plain_mkdocs(root / "plain", pages)
        return [
            f"{size:,}",
            f"{pages:,}",
            f"{valid:.1f}",
            f"{first:.1f}",
            f"{again:.1f} ({_drawn(err2)} drawn)",
            charts[3] if charts else "?",
            f"{peak:.0f}",
            f"{_size(site) / 1e6:.0f}",
            f"{len(calendar) / 1000:.0f}",
            f"{len(gzip.compress(calendar, 9)) / 1000:.0f}",
            f"{_size(site / 'pagefind') / 1e6:.1f}",
            f"{_first_search(site / 'pagefind') / 1000:.0f}",
            f"{plain:.1f}",
            f"{first / plain:.2f}",
        ]


def _drawn(err: str) -> str:
    found = _CHARTS.search(err)
    return found[1] if found else "?"


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall time, peak memory (MiB) of the largest child so far, stderr; stops on failure."""
    start = time.perf_counter()
    done = subprocess.run(
        args, cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1) or (done.returncode and "build" in args):
        sys.exit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak / 1024, done.stderr


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


def _first_search(bundle: Path, lang: str = "nl", results: int = 5) -> int:
    """Bytes a first one-word search can download, at most: Pagefind's scripts and style, its
    WebAssembly and metadata for the page's language, the largest index chunk of that language
    and the fragments of the first `results` results, taking the largest fragments."""
    fixed = ["pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-worker.js"]
    fixed += ["pagefind-entry.json", f"wasm.{lang}.pagefind"]
    total = sum((bundle / name).stat().st_size for name in fixed if (bundle / name).exists())
    total += sum(path.stat().st_size for path in bundle.glob(f"pagefind.{lang}_*.pf_meta"))
    chunks = [path.stat().st_size for path in (bundle / "index").glob(f"{lang}_*")]
    fragments = sorted(path.stat().st_size for path in (bundle / "fragment").glob(f"{lang}_*"))
    return total + max(chunks, default=0) + sum(fragments[-results:])


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


if __name__ == "__main__":
    main(tuple(int(arg) for arg in sys.argv[1:]) or SIZES)
