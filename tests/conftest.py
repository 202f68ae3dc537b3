"""Shared fixtures: a minimal valid data set written to a temporary folder, and a CLI runner."""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_site
from generator.cli import main
from generator.settings import Settings, load_settings

# The browser gates' fixtures: the built site served on loopback, and Debian's Chromium.
pytest_plugins = ["browser_support"]

TODAY = "2026-11-23"
ROOT = Path(__file__).resolve().parent.parent

MINIMAL: dict[str, str] = {
    "themes.yaml": """\
        klimaat:
          name: {nl: Klimaat, en: Climate}
          summary: {nl: Klimaatneutraal in 2030., en: Climate neutral by 2030.}
        circulair:
          name: {nl: Circulair, en: Circular}
          summary: {nl: Minder grondstoffen., en: Fewer raw materials.}
        """,
    "ambition-levels.yaml": """\
        basis:
          name: {nl: Basis, en: Basic}
          description: {nl: De minimumeisen., en: The minimum requirements.}
          for_bidders: {nl: Voldoe aan de eisen., en: Meet the requirements.}
        significant:
          name: {nl: Significant, en: Significant}
          description: {nl: Verder dan basis., en: Beyond basic.}
          for_bidders: {nl: Scoor op gunningscriteria., en: Score on award criteria.}
        ambitieus:
          name: {nl: Ambitieus, en: Ambitious}
          description: {nl: Het hoogste niveau., en: The highest level.}
          for_bidders: {nl: Toon koplopergedrag., en: Show leadership.}
        """,
    "goals.yaml": """\
        klimaatneutraal-2030:
          title: {nl: Klimaatneutraal in 2030, en: Climate neutral by 2030}
          theme: klimaat
          kind: effect
          deadline: 2030
        """,
    "product-groups.yaml": """\
        zonnepanelen:
          name: {nl: Zonnepanelen, en: Solar panels}
          themes: [klimaat]
        """,
    "organisations/bzk.yaml": """\
        abbreviation: BZK
        name: {nl: Ministerie van BZK, en: Ministry of the Interior}
        kind: ministry
        website: https://www.rijksoverheid.nl
        """,
    "organisations/rvb.yaml": """\
        abbreviation: RVB
        name: {nl: Rijksvastgoedbedrijf, en: Central Government Real Estate Agency}
        kind: agency
        parent: bzk
        """,
    "category-plans/ict-werkplekken.yaml": """\
        name: {nl: ICT-werkplekken, en: ICT workplaces}
        category_manager: bzk
        summary: {nl: Laptops en telefoons., en: Laptops and phones.}
        scope: {nl: Alle werkplekken., en: All workplaces.}
        period: {start: 2025, end: 2028}
        ambitions:
          circulair:
            level: significant
            targets:
              - {nl: Langer gebruiken., en: Use longer.}
        last_reviewed: 2026-06-01
        """,
    "tenders/rvb-2027-zonnepanelen.yaml": """\
        title: {nl: Zonnepanelen, en: Solar panels}
        description: {nl: Panelen op daken., en: Panels on roofs.}
        buyer: rvb
        category: ict-werkplekken
        cpv: [09331100-9]
        kind: works
        procedure: open
        estimated_value: {min: 1000000, max: 2000000}
        above_eu_threshold: false
        expected_publication: 2027-Q2
        contract_start: 2027-10
        market_consultation:
          planned: 2027-02
        themes:
          klimaat:
            level: ambitieus
            applied_as: [award-criteria]
        certainty: planned
        status: planned
        contact: {email: inkoop@example.org}
        example: true
        """,
    "route-maps/gww.yaml": """\
        title: {nl: GWW, en: Civil works}
        owner: rvb
        summary: {nl: Klimaatneutraal bouwen., en: Climate neutral building.}
        milestones:
          - year: 2030
            theme: klimaat
            target: {nl: Klimaatneutraal., en: Climate neutral.}
            value: 100
            unit: "%"
            goal: klimaatneutraal-2030
        """,
    "action-plans/bzk-2025.yaml": """\
        title: {nl: Actieplan BZK, en: BZK action plan}
        organisation: bzk
        period: {start: 2025, end: 2028}
        summary: {nl: Het plan., en: The plan.}
        actions:
          - id: a1
            title: {nl: Actie, en: Action}
            theme: klimaat
            owner: Directie Inkoop
            due: 2026-Q4
            status: in-progress
        indicators:
          - id: i1
            title: {nl: Indicator, en: Indicator}
            theme: klimaat
            unit: "%"
            baseline: {year: 2024, value: 10}
            target: {year: 2028, value: 50}
            values:
              - {year: 2025, value: 20}
        """,
    "cases/logistieke-hub.yaml": """\
        title: {nl: Logistieke Hub, en: Logistics Hub}
        summary: {nl: Minder ritten., en: Fewer trips.}
        body: {nl: "Een *hub*.", en: "A *hub*."}
        organisations: [bzk]
        themes: [klimaat]
        categories: [ict-werkplekken]
        year: 2017
        key_results:
          - label: {nl: Minder kilometers, en: Fewer kilometres}
            value: 20000
            unit: {nl: km per jaar, en: km a year}
        """,
}


def site_settings(
    data: Path | None = None,
    cache: Path | None = None,
    today: str = TODAY,
    config: Path | None = None,
) -> Settings:
    """The settings a test build uses: the repository's mkdocs.yml and example data by default."""
    return load_settings(
        config or ROOT / "mkdocs.yml",
        data=data or ROOT / "data",
        today=dt.date.fromisoformat(today),
        cache=cache,
    )


def build_into(
    site: Path,
    data: Path | None = None,
    cache: Path | None = None,
    out: io.StringIO | None = None,
    **options: Any,
) -> Path:
    """Build a site as `mvi-site build` would; what it prints goes to `out` (or nowhere)."""
    build_site(site_settings(data, cache, **options), site, out=out or io.StringIO())
    return site


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A minimal, valid data folder; tests change one file to make it invalid."""
    root = tmp_path / "data"
    for name, text in MINIMAL.items():
        write(root, name, text)
    return root


def write(root: Path, name: str, text: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run `mvi-site` in-process and capture what it prints."""

    def runner(*args: str) -> Result:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return runner


@pytest.fixture(scope="session")
def data_dir_factory(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """Makes a fresh minimal data folder, for fixtures that live longer than one test."""

    def make() -> Path:
        root = tmp_path_factory.mktemp("data") / "data"
        for name, text in MINIMAL.items():
            write(root, name, text)
        return root

    return make
