"""Every chart in the built example site: an accessible figure whose table holds its numbers.

The figures are built again in-process from the same data and date, so each chart on the site
can be checked against the spec it was drawn from: the table's values must be the spec's data,
the CSV next to the page must hold them too, and the SVG must be the one drawn from that spec.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import math
import re
from pathlib import Path

import pytest
from conftest import build_into

from generator.base.i18n import LANGS, t
from generator.base.urls import section_url
from generator.charts import figures
from generator.charts.svg import SvgRenderer
from generator.render.pages import Page, build_pages

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
KINDS = set(figures.KINDS) - {"goals-progress"}  # no goal has a measurement in the example data
# Nor is any example tender published or moved in the history: tests/test_forecast.py checks the
# forecast charts on a site built from a scratch history that has both.
KINDS -= {"forecast-within", "forecast-moves"}

_FIGURE = re.compile(r'<figure class="mvi-chart" id="([^"]+)">(.*?)</figure>', re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r'<t[hd]\b[^>]*data-value="([^"]*)"[^>]*>(.*?)</t[hd]>', re.S)
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def pages(chart_cache: Path, built_site: Path, example_data) -> list[Page]:
    """The pages as the build made them, charts drawn from the build's own cache."""
    today = dt.date.fromisoformat(TODAY)
    return build_pages(example_data, today, SvgRenderer(chart_cache / "charts"))


def _figures(site: Path, page: Page) -> dict[str, str]:
    text = (site / page.url / "index.html").read_text(encoding="utf-8")
    return dict(_FIGURE.findall(text))


def _text(fragment: str) -> str:
    return html.unescape(" ".join(_TAG.sub("", fragment).split()))


def _same(shown: str, value: object) -> bool:
    """A table cell's data-value against a value of the chart's dataset."""
    if value is None:
        return shown == ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return shown == str(value)
    return math.isclose(float(shown), float(value))


def test_every_chart_kind_is_on_the_site_in_both_languages(
    pages: list[Page], built_site: Path
) -> None:
    for lang in LANGS:
        names = {
            re.sub(r"-\d+$", "", placed.figure.name)
            for page in pages
            if page.lang == lang
            for placed in page.charts
        }
        assert names == KINDS, f"{lang}: missing {KINDS - names}, unexpected {names - KINDS}"
        on_site = {
            re.sub(r"^chart-|-\d+$", "", chart_id)
            for page in pages
            if page.lang == lang
            for chart_id in _figures(built_site, page)
        }
        assert on_site == KINDS
        goals = (built_site / section_url("goals", lang) / "index.html").read_text("utf-8")
        assert html.escape(t("chart.goals.none", lang), quote=False) in goals, (
            "without measurements the goals page must say so"
        )


def test_every_chart_is_a_figure_with_caption_name_summary_and_its_numbers(
    pages: list[Page], built_site: Path
) -> None:
    checked = 0
    for page in pages:
        on_page = _figures(built_site, page)
        assert len(on_page) == len(page.charts), page.url
        for placed in page.charts:
            figure, where = placed.figure, f"/{page.url} #{placed.id}"
            block = on_page[placed.id]
            caption = re.search(
                r'<figcaption[^>]*id="([^"]+)"[^>]*>(.*?)</figcaption>', block, re.S
            )
            assert caption and _text(caption[2]) == figure.title, where
            svg = re.search(r"<svg\b[^>]*>", block)
            assert svg and 'role="img"' in svg[0], where
            labelled = re.search(r'aria-labelledby="([^"]+)"', svg[0])
            assert labelled, where
            summary = re.search(
                r'<p class="mvi-chart__summary" id="([^"]+)">(.*?)</p>', block, re.S
            )
            assert summary and _text(summary[2]) == figure.summary, where
            notes = [f"{placed.id}-examples"] if figure.examples else []
            assert labelled[1].split() == [caption[1], summary[1], *notes], where
            assert placed.svg in block, f"{where}: the SVG is not the one drawn from its spec"

            details = re.search(r"<details class=\"mvi-chart__data\">(.*?)</details>", block, re.S)
            assert details, f"{where}: no data table"
            body = details[1].split("<tbody>", 1)[1]
            rows = [_CELL.findall(row) for row in _ROW.findall(body)]
            dataset = next(iter(figure.spec()["datasets"].values()))
            assert len(rows) == len(dataset), where
            for row, drawn in zip(rows, dataset, strict=True):
                assert len(row) == len(figure.columns), where
                for (shown, _), column in zip(row, figure.columns, strict=True):
                    value = drawn[column.key]
                    assert _same(html.unescape(shown), value), (
                        f"{where}: table shows {shown!r} where the chart has {value!r}"
                    )

            csv_link = re.search(r'<a class="mvi-chart__csv" href="([^"]+)"', details[1])
            assert csv_link and csv_link[1] == placed.csv_name, where
            table = list(csv.reader(io.StringIO((built_site / page.url / csv_link[1]).read_text())))
            assert table[0] == [c.title for c in figure.columns], where
            for line, drawn in zip(table[1:], dataset, strict=True):
                for cell, column in zip(line, figure.columns, strict=True):
                    assert _same(cell, drawn[column.key]), f"{where}: CSV {cell!r}"
            checked += 1
    assert checked >= 100, f"only {checked} charts checked"


# What each kind of chart is drawn from in the example data: tenders, category plans and action
# plans are all examples there; cases and route maps come from the strategy and its letters.
FROM_EXAMPLES = KINDS - {"cases-by-theme", "route-map"}
_NOTE = re.compile(r'<p class="mvi-notice mvi-notice--example mvi-chart__examples" id="([^"]+)">')


def test_every_chart_drawn_from_examples_says_so(pages: list[Page], built_site: Path) -> None:
    """On every page of the example site, each chart of tenders or plans says that what it
    counts is examples, and how many; a chart of real records says nothing of the kind."""
    checked = set()
    for page in pages:
        for chart_id, block in _figures(built_site, page).items():
            kind = re.sub(r"^chart-|-\d+$", "", chart_id)
            note = _NOTE.search(block)
            if kind not in FROM_EXAMPLES:
                assert note is None, f"/{page.url} #{chart_id}: no example is drawn here"
                continue
            assert note and note[1] == f"{chart_id}-examples", f"/{page.url} #{chart_id}"
            text = _text(block[note.end() : block.index("</p>", note.end())])
            words = ("Alle", "zijn voorbeelden") if page.lang == "nl" else ("All", "are examples")
            single = t("examples.single", page.lang)
            assert text == single or (text.startswith(words[0]) and words[1] in text), text
            checked.add(kind)
    assert checked == FROM_EXAMPLES


@pytest.mark.parametrize("lang", LANGS)
def test_every_count_of_example_tenders_says_so(built_site: Path, lang: str) -> None:
    """The home page's counts, the calendar's, and the overviews' counts per theme, category,
    product group and organisation each say that the tenders they count are examples."""
    sentence = re.compile(r'<p class="mvi-notice mvi-notice--example mvi-examples" role="note">')
    home = (built_site / ("en" if lang == "en" else "") / "index.html").read_text("utf-8")
    tables = home.count('<table class="mvi-table mvi-counts">')
    assert tables >= 2 and len(sentence.findall(home)) == tables, "a note under every count"
    for section in ("calendar", "themes", "category-plans", "product-groups", "organisations"):
        page = (built_site / section_url(section, lang) / "index.html").read_text("utf-8")
        assert len(sentence.findall(page)) == 1, section


def test_a_second_build_draws_no_chart(tmp_path: Path) -> None:
    """Unchanged data: the second build keeps every page whole and draws nothing; without the
    kept pages (a new version of the code), every chart still comes from the SVG cache."""
    cache, out = tmp_path / "cache", io.StringIO()
    for _ in range(2):
        build_into(tmp_path / "site", cache=cache, out=out)
    for kept in cache.glob("outputs.sqlite*"):
        kept.unlink()
    build_into(tmp_path / "site", cache=cache, out=out)
    lines = [line for line in out.getvalue().splitlines() if line.startswith("Charts:")]
    first, second, third = (
        re.search(r"Charts: (\d+) \((\d+) drawn, (\d+) from cache\)", x) for x in lines
    )
    assert first and second and third
    total = int(first[1])
    assert total > 100
    # The first build draws each distinct spec once (home and calendar share theirs) ...
    assert int(first[2]) + int(first[3]) == total and int(first[2]) > 0.8 * total
    # ... the second keeps the pages with their charts in place: none built, none drawn ...
    assert second[0].startswith("Charts: 0 (0 drawn, 0 from cache)")
    outputs = re.findall(r"Outputs: (\d+) \((\d+) made, (\d+) unchanged\)", out.getvalue())
    assert outputs[1][1] == "0" and int(outputs[1][2]) > 200, "every page kept"
    files = re.findall(r"Files: (\d+) \((\d+) written, (\d+) unchanged\)", out.getvalue())
    assert files[1][1] == "0" and files[1][0] == files[1][2] == files[0][0], "no file written"
    # ... and without the kept pages each chart is placed from the SVG cache, none drawn.
    assert (int(third[1]), int(third[2]), int(third[3])) == (total, 0, total)
