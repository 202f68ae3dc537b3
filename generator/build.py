"""`mvi-site build`: validate, build into a scratch folder, check, then replace the site at once.

A build either publishes a complete, checked site or leaves the previous one exactly as it was:
invalid data stop it before MkDocs runs, a warning stops it in strict mode, and the output checks
(links, anchors, foreign hosts, foreign scripts) run before the scratch folder is swapped in.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from generator.publish.checks import broken_links, foreign_resources, foreign_scripts, scan_site
from generator.publish.csp import write_policy


class BuildFailed(Exception):
    """The build stopped; the message says why, for the person who must fix it."""


def build_site(
    config_file: Path,
    site_dir: Path,
    data: Path,
    *,
    lang: str = "nl",
    out: TextIO | None = None,
) -> None:
    """Build the site into `site_dir`, or raise BuildFailed and leave `site_dir` untouched.

    The data are validated once, by the MkDocs hooks before anything is written; invalid data
    abort the build there with the full report in `lang`, and warnings are printed, not fatal
    (a date passing must not break publication).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    scratch = site_dir.with_name(f".{site_dir.name}.building")
    shutil.rmtree(scratch, ignore_errors=True)
    handler = _warnings_to(out or sys.stderr)
    saved = {name: os.environ.get(name) for name in ("MVI_DATA", "MVI_LANG")}
    os.environ.update(MVI_DATA=str(data.resolve()), MVI_LANG=lang)
    try:
        config = load_config(str(config_file), site_dir=str(scratch), strict=True)
        build(config)
        base = urlsplit(config.site_url or "/").path or "/"
        pages = scan_site(scratch)
        problems = (
            broken_links(scratch, pages, base)
            + foreign_resources(scratch, pages)
            + foreign_scripts(pages, base)
        )
        if problems:
            raise BuildFailed("The built site failed its checks:\n" + "\n".join(problems))
        write_policy(scratch, pages)
    except (Abort, MkDocsException) as error:
        shutil.rmtree(scratch, ignore_errors=True)
        raise BuildFailed(str(error).strip()) from None
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    _swap(scratch, site_dir)


def _swap(scratch: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `scratch` with two renames, so no half site is ever in place."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    scratch.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _warnings_to(out: TextIO) -> logging.Handler:
    """Show MkDocs' warnings (which fail a strict build) to the editor, without its info lines."""
    handler = logging.StreamHandler(out)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler
