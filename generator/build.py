"""`mvi-site build` (and every rebuild of `mvi-site serve`): the whole build as a table of contents.

A build publishes a complete, checked site or leaves the previous one exactly as it was:
invalid data stop it before anything is written; the site folder is changed as one transaction
(`generator/publish/target.py`), checked, and only then committed. What an earlier build made
and is still the same is reused, not made again (`generator/publish/kept.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from generator.base.collector import freeze, long_lived
from generator.base.timings import Timings
from generator.publish.csp import Policy, write_headers
from generator.publish.kept import BuildCache, BuildFailed, Warm, report_or_stop
from generator.publish.write import Writing
from generator.settings import Settings
from generator.site import assemble, check_site

__all__ = ["BuildFailed", "build_site"]


def build_site(
    settings: Settings,
    site_dir: Path,
    out: TextIO | None = None,
    *,
    warm: Warm | None = None,
    search_later: bool = False,
) -> BuildCache:
    """Build into `site_dir`, or raise BuildFailed and leave `site_dir` as it was.

    `warm`: what a long-running process kept from its last build (`serve`), and with it
    `search_later`: keep the last search index and put the new one in once it is made."""
    with long_lived():  # what lives through the build stays out of the collector's walks
        return _build(settings, site_dir, out or sys.stderr, warm, search_later)


def _build(
    settings: Settings, site_dir: Path, out: TextIO, warm: Warm | None, search_later: bool
) -> BuildCache:
    step = Timings()
    with step("check"):
        checked = check_site(settings, warm.files if warm else None)  # read → validate → plan
    report_or_stop(checked.report, settings.lang, out)  # errors stop here, warnings are shown
    with step("assemble"):
        site = assemble(checked)  # every output planned, with how to make it
    freeze()  # the data set and the plans, too
    with BuildCache(settings.cache, site, site_dir, out, warm) as kept:
        target = kept.target()  # the site, changed in place: unchanged files stay as they are
        try:
            with Writing(site, target, kept) as writing:  # the downloads begin alongside
                with step("chrome"):
                    chrome = kept.chrome()  # the host renders frames and hand-written pages
                policy = Policy.for_pages(chrome.pages())  # the theme's inline scripts
                with step("write"):
                    search = writing.finish(chrome, policy.add_to)  # made or kept
            checks = kept.checks(target, search)  # links, anchors, hosts, scripts: meanwhile
            with step("search"):
                kept.search(target, search, later=search_later)  # Pagefind's bundle, or a kept one
            write_headers(target, policy)
            target.set_aside()  # what this build did not make is gone from the site
            with step("checks"):
                checks.finish(target.written, BuildFailed)
        except BaseException:
            target.undo()
            raise
        target.commit()
        kept.published(target.written)
    step.seconds.update({f"write: {k}": v for k, v in target.written.steps.seconds.items()})
    print(step.line(), file=out)
    return kept
