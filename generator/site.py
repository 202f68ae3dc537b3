"""The site as data: every page and file it will hold, and every problem, before any host runs.

`check_site` reads and validates `data/`, plans the pages and checks the site as a whole (what
`mvi-site validate` reports). `assemble` goes on from a site without errors: the cross
references, the change history from Git, the open-data files, the feeds, the images and the
sitemap, each planned with how to make it. Nothing is rendered or written here: the build
(`generator/build.py`) makes each output when it writes it, and reuses what is unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from generator import validate as validation  # looked up per build, so tests can stand in
from generator.crossref import build_crossref
from generator.export.downloads import DownloadPlan, extension_url, plan_downloads
from generator.export.ocds import OcdsConfig
from generator.history.git import History, read_history
from generator.host.chrome import ContentMeta, FrameRequest, HostRequest
from generator.inputs import Inputs, World, digest_text
from generator.memo import code_version
from generator.problems import Report
from generator.render.feeds import plan_feeds
from generator.render.pages import PagePlan, folder_of, plan_pages
from generator.settings import Settings
from generator.source.content import ContentPage, content_pages
from generator.source.dataset import FrozenDataSet
from generator.source.layout import IMAGES
from generator.source.load import FileCache, display_path
from generator.validate.pages import page_problems

FRAME_PAGE = "mvi_frame/"  # where a folder's frame is rendered: no record id can be this


@dataclass(frozen=True, eq=False)
class FilePlan:
    """A file of the site that is not a page: made from the data, or copied as it is."""

    path: str  # site-relative
    produce: Callable[[Inputs], bytes] | None = field(default=None, repr=False)
    source: Path | None = None  # a file to copy (an image)
    kept: bool = True  # kept between builds (False: cheap enough to make every time)

    @property
    def output(self) -> str:
        return f"file:{self.path}"


@dataclass(frozen=True)
class Checked:
    """The data read and checked, and the pages planned: what validation reports on."""

    settings: Settings
    data: FrozenDataSet
    pages: tuple[PagePlan, ...]
    content: tuple[ContentPage, ...]
    report: Report


@dataclass(frozen=True)
class Site:
    """Everything the site will hold, each output with how to make it."""

    settings: Settings
    world: World  # the data, cross references, history, and the digests outputs depend on
    pages: tuple[PagePlan, ...]
    downloads: tuple[DownloadPlan, ...]
    files: tuple[FilePlan, ...]  # feeds, images, the sitemap
    content: tuple[ContentPage, ...]
    report: Report  # warnings only: a site with errors is not assembled

    def frames(self) -> list[FrameRequest]:
        """The frames the pages go into: one per folder of records, one per other page."""
        requests: dict[str, FrameRequest] = {}
        for plan in self.pages:
            if plan.frame not in requests:
                at = folder_of(plan.url) + FRAME_PAGE if plan.record else plan.url
                crumbs = plan.breadcrumbs
                requests[plan.frame] = FrameRequest(
                    plan.frame, plan.lang, at, plan.in_nav, plan.searchable, crumbs
                )
        return list(requests.values())

    def host_request(self) -> HostRequest:
        """What the host is asked for: the frames and the hand-written pages."""
        settings = self.settings
        pages = tuple(ContentMeta(p.url, p.lang, p.twin, p.breadcrumbs) for p in self.content)
        return HostRequest(
            settings.config,
            settings.theme,
            settings.content,
            settings.site_url,
            tuple(self.frames()),
            pages,
        )


def check_site(settings: Settings, files: FileCache | None = None) -> Checked:
    """Read, validate and plan: every problem of the data and of the site as a whole.

    `files`: what this process read before, reused while unchanged (`mvi-site serve`)."""
    data, report = validation.validate_data(settings.data, settings.today, files)
    report.extend(settings.problems)
    frozen = data.frozen()
    plans = tuple(plan_pages(frozen)) if report.ok() else ()
    content = tuple(content_pages(settings.content))
    frames = sorted({folder_of(plan.url) + FRAME_PAGE for plan in plans if plan.record})
    shown = display_path(settings.content)
    report.extend(page_problems(plans, content, shown, frozen, reserved=frames))
    return Checked(settings, frozen, plans, content, report)


def assemble(checked: Checked) -> Site:
    """The site from data without errors: every file besides the pages, planned."""
    settings, data = checked.settings, checked.data
    if not checked.report.ok():
        raise ValueError("a site is assembled from valid data only")
    ref = build_crossref(data)
    history = read_history(settings.data)
    extra = {"code": code_version(), "settings": settings_digest(settings)}
    world = World(data, ref, history, settings.today, extra=extra)
    downloads = plan_downloads(data, ref, settings.site_url, ocds_config(settings))
    files = [
        FilePlan(path, produce) for path, produce in plan_feeds(ref, settings.site_url, history)
    ]
    files += _images(settings.data / IMAGES)
    urls = [plan.url for plan in checked.pages] + [page.url for page in checked.content]
    files.append(FilePlan("sitemap.xml", lambda _: sitemap(urls, settings.site_url), kept=False))
    files.append(
        FilePlan(SECURITY_TXT, lambda _: security_txt(settings, settings.today), kept=False)
    )
    return Site(
        settings,
        world,
        checked.pages,
        tuple(downloads),
        tuple(files),
        checked.content,
        checked.report,
    )


def ocds_config(settings: Settings) -> OcdsConfig:
    return OcdsConfig(
        ocid_prefix=settings.ocds.ocid_prefix,
        publisher_name=settings.ocds.publisher,
        site_url=settings.site_url,
        extension_url=extension_url(settings.site_url),
    )


def settings_digest(settings: Settings) -> str:
    """What of the settings the outputs depend on (not where the files are)."""
    shown = {
        "site_name": settings.site_name,
        "site_url": settings.site_url,
        "ocds": asdict(settings.ocds),
        "security_contact": settings.security_contact,
        "today": settings.today.isoformat(),
    }
    return digest_text(json.dumps(shown, sort_keys=True))


def sitemap(urls: list[str], site_url: str) -> bytes:
    """Every page's address, for search engines; no dates (the build date would be no news)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    lines += [f"  <url><loc>{escape(urljoin(site_url, url))}</loc></url>" for url in sorted(urls)]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


SECURITY_TXT = ".well-known/security.txt"


def security_txt(settings: Settings, today: dt.date) -> bytes:
    """RFC 9116: where to report a vulnerability, valid for a year from the build's day (the
    RFC asks for less than a year, so a site rebuilt at least yearly never serves a stale one)."""
    expires = dt.datetime.combine(today + dt.timedelta(days=364), dt.time(), dt.UTC)
    lines = [
        f"Contact: {settings.security_contact}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {urljoin(settings.site_url, SECURITY_TXT)}",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _images(folder: Path) -> list[FilePlan]:
    if not folder.is_dir():
        return []
    return [
        FilePlan(f"images/{path.name}", source=path)
        for path in sorted(folder.iterdir())
        if path.is_file()
    ]


def history_note(history: History) -> str | None:
    """What the build says when there is no change history to show."""
    if history.available:
        return None
    return f"Change history: not available ({history.reason}); the pages say so."
