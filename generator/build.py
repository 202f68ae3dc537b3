"""`mvi-site build`: the whole build, as a table of contents. Each step is a module of its own.

A build publishes a complete, checked site or leaves the previous one exactly as it was:
invalid data stop it before anything is written, and the output checks run before the scratch
folder is swapped in.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from generator.charts.svg import SvgRenderer
from generator.host.chrome import HostFailed, render_chrome
from generator.memo import Memo, Store
from generator.publish import checks, search_index
from generator.publish.csp import Policy, write_headers
from generator.publish.scratch import Scratch
from generator.publish.write import write_site
from generator.reports import format_text
from generator.settings import Settings
from generator.site import assemble, check_site, history_note


class BuildFailed(Exception):
    """The build stopped; the message says why, for the person who must fix it."""


def build_site(settings: Settings, site_dir: Path, out: TextIO | None = None) -> None:
    """Build the site into `site_dir`, or raise BuildFailed and leave `site_dir` untouched."""
    out = out or sys.stderr
    checked = check_site(settings)  # read → validate → plan the pages
    if not checked.report.ok():
        raise BuildFailed(
            "The data are not valid; nothing was built.\n"
            + format_text(checked.report, settings.lang)
        )
    if checked.report.warnings:  # shown, not fatal: time alone must not stop publication
        print(format_text(checked.report, settings.lang), file=out)
    site = assemble(checked)  # every output planned, with how to make it
    if note := history_note(site.world.history):
        print(note, file=out)
    cache = settings.cache
    store = Store(cache / "outputs.sqlite" if cache else None)
    renderer = SvgRenderer(cache_dir=cache / "charts" if cache else None, background=True)
    with Scratch(site_dir) as scratch:  # the previous site stays as it is until the swap
        try:  # the host renders the chrome: frames and hand-written pages
            chrome = render_chrome(
                site.host_request(), cache / "host" if cache else None, scratch.aside("host")
            )
        except HostFailed as error:
            raise BuildFailed(str(error)) from None
        policy = Policy.for_pages(checks.scan_page(text) for text in chrome.pages())
        try:  # every page rendered (or kept) into its frame, every file made
            memo = Memo(site.world, store)
            written = write_site(site, chrome, policy.add_to, scratch.path, memo, renderer)
        finally:
            renderer.close()
            store.close()
        print(renderer.stats.line(), file=out)
        print(memo.stats.line(), file=out)
        search = search_index.build(scratch.path, cache / "search" if cache else None)
        print(search.line(), file=out)
        if problems := checks.check_site(scratch.path, written.pages, settings.site_url):
            raise BuildFailed("The built site failed its checks:\n" + "\n".join(problems))
        write_headers(scratch.path, policy)
        scratch.swap()
