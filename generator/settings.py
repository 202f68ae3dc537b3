"""What a build makes besides what it reads: passed, never read from the environment.

The command line (`generator/cli.py`) is the only place that looks at the environment
(`MVI_SITE_URL`, `MVI_TODAY`, `SOURCE_DATE_EPOCH`, `MVI_CACHE_DIR`, `MVI_LANG`); everything
after it receives one frozen `Settings`. The site's own settings (its name and address, where the
hand-written pages are, the OCDS publisher) live in `mkdocs.yml`, the file the host reads too;
they are read here with a plain YAML parser, so the core does not import MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.base.i18n import Lang
from generator.problems import Problem, make_problem
from generator.source.load import display_path
from generator.source.yamlsource import Loc, YamlSource

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
_PREFIX = re.compile(r"^ocds-[a-z0-9]{6}$")
_SITE_URL = re.compile(r"^https?://[^/\s]+/(\S*/)?$")
# RFC 9116's Contact: an e-mail address, a web page or a telephone number, as a URI.
_CONTACT = re.compile(r"^(mailto:[^@\s]+@[^@\s]+\.[^@\s]+|https://[^/\s]+\S*|tel:\+?[0-9 -]+)$")


@dataclass(frozen=True)
class OcdsSettings:
    """Under whose OCID prefix, and by which publisher, the OCDS package is published."""

    ocid_prefix: str
    publisher: str


@dataclass(frozen=True)
class Settings:
    """Everything the build depends on besides the files under `data`, `content` and the theme."""

    data: Path  # the editors' YAML files
    config: Path  # mkdocs.yml: the site's name and address, the theme, the navigation
    content: Path  # the hand-written pages (`docs_dir` in mkdocs.yml)
    theme: Path  # the theme's overrides (`theme.custom_dir` in mkdocs.yml)
    site_name: str
    site_url: str  # absolute, ending in '/': links in feeds, OCDS and canonical URLs
    ocds: OcdsSettings
    security_contact: str  # where a vulnerability is reported (/.well-known/security.txt)
    today: dt.date  # Europe/Amsterdam: what "overdue" and "the coming quarters" are judged by
    lang: Lang = "nl"  # of the reports the editor reads
    cache: Path | None = None  # where builds keep what the next may reuse; None: nowhere
    problems: tuple[Problem, ...] = field(default=(), compare=False)  # in mkdocs.yml

    @property
    def config_dir(self) -> Path:
        return self.config.parent


def load_settings(
    config: Path,
    *,
    data: Path,
    today: dt.date,
    lang: Lang = "nl",
    cache: Path | None = None,
    site_url: str | None = None,
) -> Settings:
    """Settings from `config` (mkdocs.yml) and the command line; a bad value is a problem.

    `site_url` replaces the address in mkdocs.yml (deployments know where they publish)."""
    source = YamlSource(config, display_path(config), config.read_text(encoding="utf-8"))
    values = _plain(yaml.compose(source.text, Loader=yaml.SafeLoader))
    values = values if isinstance(values, dict) else {}
    problems: list[Problem] = []

    def setting(loc: Loc, default: str = "") -> str:
        value: Any = values
        for step in loc:
            value = value.get(step) if isinstance(value, dict) else None
        return default if value is None else str(value)

    url = site_url or setting(("site_url",), DEFAULT_SITE_URL)
    url = url if url.endswith("/") else url + "/"
    if not _SITE_URL.match(url):
        where = source.problem(("site_url",), "site-url", value=url)
        problems.append(
            where if not site_url else make_problem("MVI_SITE_URL", 1, 1, "site-url", value=url)
        )
    name = setting(("site_name",), "Inkopen met Impact")
    prefix = setting(("extra", "ocds", "ocid_prefix"))
    if not _PREFIX.match(prefix):
        problems.append(
            source.problem(("extra", "ocds", "ocid_prefix"), "ocid-prefix", value=prefix)
        )
    contact = setting(("extra", "security", "contact"))
    if not _CONTACT.match(contact):
        # at the setting, or at its nearest parent when it is missing
        at = source.problem(("extra", "security", "contact"), "security-contact", value=contact)
        problems.append(at)
    return Settings(
        data=data,
        config=config,
        content=config.parent / setting(("docs_dir",), "docs"),
        theme=config.parent / setting(("theme", "custom_dir"), "theme"),
        site_name=name,
        site_url=url,
        ocds=OcdsSettings(prefix, setting(("extra", "ocds", "publisher")) or name),
        security_contact=contact,
        today=today,
        lang=lang,
        cache=cache,
        problems=tuple(problems),
    )


def _plain(node: yaml.Node | None) -> Any:
    """The plain values of a composed YAML tree; tagged values (MkDocs' `!ENV`) are left out."""
    if node is None or (node.tag.startswith("!") and not isinstance(node, yaml.MappingNode)):
        return None
    if isinstance(node, yaml.MappingNode):
        return {
            key.value: _plain(value)
            for key, value in node.value
            if isinstance(key, yaml.ScalarNode)
        }
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    return node.value
