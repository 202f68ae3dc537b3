"""Property-based: whatever bytes or YAML a file holds, loading ends in data or a problem.

Never another exception, never a hang: an editor's worst file still gets a report.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.validate import validate_data

TODAY = dt.date(2026, 11, 23)
SETTINGS = settings(
    max_examples=150,
    deadline=None,  # the time limit is asserted below, with a margin for a busy machine
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run: CI stays deterministic
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.text(max_size=15), st.integers()), children, max_size=6),
    ),
    max_leaves=30,
)
# Fragments that stress a YAML parser: anchors, tags, tabs, flow collections, odd indentation.
fragments = st.lists(
    st.sampled_from(
        [
            "a: 1\n",
            "- x\n",
            "&a [1, *a]\n",
            "*a\n",
            "!!python/object:os.system ls\n",
            "\t- y\n",
            "{a: [b, {c: d}]\n",
            "<<: *x\n",
            "? [a]\n: b\n",
            "'unclosed\n",
            "key: |\n  text\n",
            "---\n",
            "...\n",
            "%YAML 1.1\n",
            "\ufeff",
            "\x00",
            "é: ü\n",
            "title: {nl: x}\n",
            "expected_publication: 2027-Q5\n",
            "  deep:\n    deeper: 1\n",
        ]
    ),
    max_size=12,
).map("".join)


def _check(data_dir: Path, content: bytes) -> None:
    target = data_dir / "tenders" / "fuzz.yaml"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(content)
    started = time.perf_counter()
    dataset, report = validate_data(data_dir, TODAY)  # must not raise
    assert time.perf_counter() - started < 2, "loading one small file took too long"
    assert dataset is not None and report is not None
    if "fuzz" not in dataset.entries["tender"]:
        assert any(p.file.endswith("fuzz.yaml") for p in report.problems)


@SETTINGS
@given(content=st.binary(max_size=2000))
def test_arbitrary_bytes(data_dir: Path, content: bytes) -> None:
    _check(data_dir, content)


@SETTINGS
@given(document=documents)
def test_arbitrary_yaml_documents(data_dir: Path, document: object) -> None:
    _check(data_dir, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@SETTINGS
@given(text=fragments)
def test_arbitrary_yaml_fragments(data_dir: Path, text: str) -> None:
    _check(data_dir, text.encode("utf-8", errors="surrogatepass"))
