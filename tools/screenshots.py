"""Screenshots of the key pages, Dutch and English, phone and desktop: `make screenshots`.

They go to .github/screenshots/ and are shown in the README, so a reviewer sees the site
without building it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from headless import browser, serve

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".github" / "screenshots"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def pages(site: Path) -> dict[str, dict[str, str]]:
    """The pages to show, by name and language; the first tender, plan and case found."""

    def first(folder: str) -> str:
        pages = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
        if not pages:
            raise SystemExit(f"no pages under site/{folder}/: run `make site` first")
        return pages[0]

    tender, plan, case = (
        first("aanbestedingskalender"),
        first("categorieplannen"),
        first("praktijkvoorbeelden"),
    )
    return {
        "home": {"nl": "", "en": "en/"},
        "calendar": {"nl": "aanbestedingskalender/", "en": "en/tender-calendar/"},
        "tender": {"nl": f"aanbestedingskalender/{tender}/", "en": f"en/tender-calendar/{tender}/"},
        "category-plan": {"nl": f"categorieplannen/{plan}/", "en": f"en/category-plans/{plan}/"},
        "case": {"nl": f"praktijkvoorbeelden/{case}/", "en": f"en/cases/{case}/"},
    }


def main() -> int:
    site = ROOT / "site"
    OUT.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, browser() as chromium:
        for device, (width, height) in SIZES.items():
            context = chromium.new_context(
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                is_mobile=device == "phone",
                has_touch=device == "phone",
                color_scheme="light",
            )
            page = context.new_page()
            for name, urls in pages(site).items():
                for lang, url in urls.items():
                    page.goto(base + url, wait_until="networkidle")
                    target = OUT / f"{name}-{lang}-{device}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(ROOT))
            context.close()
        charts(base, chromium)
    return 0


# Single charts, in the light and the dark scheme: (name, page, figure id).
CHARTS = (
    ("chart-pipeline-nl", "aanbestedingskalender/", "chart-pipeline-count"),
    ("chart-matrix-en", "en/themes/", "chart-ambition-matrix"),
    ("chart-indicators-nl", "actieplannen/ienw-2025-2028/", "chart-indicators"),
)


def charts(base: str, chromium: object) -> None:
    for scheme in ("light", "dark"):
        context = chromium.new_context(  # type: ignore[attr-defined]
            viewport={"width": 900, "height": 900}, device_scale_factor=1, color_scheme=scheme
        )
        # Material keeps the chosen palette in localStorage; "slate" is its dark scheme.
        palette = {
            "index": 1 if scheme == "dark" else 0,
            "color": {"scheme": "slate" if scheme == "dark" else "default"},
        }
        context.add_init_script(f"localStorage.setItem('/.__palette', '{json.dumps(palette)}')")
        page = context.new_page()
        for name, url, figure in CHARTS:
            page.goto(base + url, wait_until="networkidle")
            target = OUT / f"{name}-{scheme}.png"
            page.locator(f"#{figure}").screenshot(path=str(target))
            print(target.relative_to(ROOT))
        context.close()


if __name__ == "__main__":
    raise SystemExit(main())
