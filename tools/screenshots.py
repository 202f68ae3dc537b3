"""Screenshots of the key pages, Dutch and English, phone and desktop: `make screenshots`.

They go to .github/screenshots/ and are shown in the README, so a reviewer sees the site
without building it.
"""

from __future__ import annotations

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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
