"""`mvi-site serve`: placeholder until the live preview lands."""

from __future__ import annotations

from pathlib import Path

from generator.settings import Settings


def serve(settings: Settings, site_dir: Path, port: int) -> int:
    raise NotImplementedError
