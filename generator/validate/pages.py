"""Rules about the site's pages as a whole, reported like problems in the data.

A hand-written page may not take the address of a page made from data, every hand-written page
listed in `CONTENT_PAGES` needs its twin, and no two pages may share an address. `mvi-site
validate` runs these too, so an editor sees them before a build does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.base.urls import CONTENT_PAGES
from generator.problems import Problem, make_problem
from generator.render.pages import PagePlan
from generator.source.content import ContentPage, page_url
from generator.source.dataset import DataSet


def page_problems(
    plans: Sequence[PagePlan],
    content: Sequence[ContentPage],
    content_dir: str,
    data: DataSet,
    reserved: Sequence[str] = (),
) -> Iterator[Problem]:
    """Collisions between pages, and hand-written pages without their twin.

    `reserved` are addresses the build uses itself (the frames' own pages)."""
    seen: dict[str, PagePlan] = {}
    for plan in plans:
        if (first := seen.setdefault(plan.url, plan)) is not plan:
            yield _at_record(plan, data, "duplicate-url", url=plan.url, other=first.key)
    generated = set(seen) | set(reserved)
    for page in content:
        if page.url in generated:
            yield make_problem(f"{content_dir}/{page.source}", 1, 1, "page-collision", url=page.url)
    present = {page.url for page in content}
    for urls in CONTENT_PAGES.values():
        for url in urls.values():
            if url not in present:
                name = f"{content_dir}/{_source_of(url)}"
                yield make_problem(content_dir, 1, 1, "missing-twin", name=name)


def _at_record(plan: PagePlan, data: DataSet, code: str, **params: str) -> Problem:
    """A problem at the start of the record the page shows (or of the data folder)."""
    if plan.record is not None:
        kind, record_id = plan.record
        entry = data.entries[kind].get(record_id)
        if entry is not None:
            return entry.source.problem(entry.base, code, at_key=False, **params)
    return make_problem(str(data.root), 1, 1, code, **params)


def _source_of(url: str) -> str:
    """The file that MkDocs publishes at `url`: `en/about/` → `en/about.md`."""
    source = url.rstrip("/") + ".md"
    assert page_url(source) == url
    return source
