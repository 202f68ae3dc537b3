"""WCAG 2.2 AA in a real browser: axe-core on every page type, and what axe cannot check."""

from __future__ import annotations

from itertools import pairwise

import pytest
from browser_support import SIZES, Tab, describe, page_types

PAGES = page_types()
COMBOS = [(scheme, device) for scheme in ("light", "dark") for device in SIZES]


def _context(chromium, scheme: str = "light", device: str = "desktop", **extra):
    return chromium.new_context(
        viewport=extra.pop("viewport", SIZES[device]),
        color_scheme=scheme,
        is_mobile=device == "phone",
        has_touch=device == "phone",
        **extra,
    )


@pytest.mark.parametrize(("scheme", "device"), COMBOS)
def test_axe_finds_no_violations(chromium, base_url: str, scheme: str, device: str) -> None:
    context = _context(chromium, scheme, device)
    tab = Tab(context, base_url)
    found: dict[str, list] = {}
    checked = 0
    for name, urls in PAGES.items():
        for lang, url in urls.items():
            tab.open(url)
            applied = tab.page.evaluate("document.body.dataset.mdColorScheme")
            assert applied == ("slate" if scheme == "dark" else "default"), url
            if violations := tab.axe():
                found[f"{name} ({lang}) /{url}"] = violations
            checked += 1
    context.close()
    assert checked == 2 * len(PAGES)
    assert found == {}, describe(found)


@pytest.mark.parametrize(("scheme", "device"), COMBOS)
def test_search_results_pass_axe(chromium, base_url: str, scheme: str, device: str) -> None:
    """Pagefind's interface, with results shown, in both languages."""
    context = _context(chromium, scheme, device)
    tab = Tab(context, base_url)
    found = {}
    for lang, query in (("nl", "asfalt"), ("en", "asphalt")):
        tab.open(f"{PAGES['search'][lang]}?q={query}")
        tab.page.locator(".pagefind-ui__result").first.wait_for(timeout=15_000)
        if violations := tab.axe():
            found[lang] = violations
    context.close()
    assert found == {}, describe(found)


HEADINGS = """() => {
  const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
    .filter(h => h.offsetParent !== null || h.closest('article'))
    .map(h => Number(h.tagName[1]));
  const images = [...document.querySelectorAll('img')].filter(i => !i.hasAttribute('alt'));
  const unnamed = [...document.querySelectorAll('svg[role=img], [role=img]')]
    .filter(e => !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')
                   || e.querySelector('title')));
  return {levels, lang: document.documentElement.lang,
          images: images.map(i => i.src), unnamed: unnamed.length};
}"""


def test_one_h1_no_skipped_levels_right_language_and_text_alternatives(
    chromium, base_url: str
) -> None:
    context = _context(chromium)
    tab = Tab(context, base_url)
    problems = []
    for urls in PAGES.values():
        for lang, url in urls.items():
            tab.open(url)
            info = tab.page.evaluate(HEADINGS)
            levels = info["levels"]
            if levels.count(1) != 1 or levels[0] != 1:
                problems.append(f"/{url}: h1 count {levels.count(1)}, first h{levels[0]}")
            skips = [(a, b) for a, b in pairwise(levels) if b > a + 1]
            if skips:
                problems.append(f"/{url}: skipped heading levels {skips}")
            if info["lang"] != lang:
                problems.append(f"/{url}: lang={info['lang']!r}, expected {lang}")
            if info["images"] or info["unnamed"]:
                problems.append(f"/{url}: images without alt {info['images']}")
    context.close()
    assert problems == []


FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                  || s.boxShadow !== 'none' || s.textDecorationLine.includes('underline');
  return {tag: e.tagName, text: (e.textContent || e.getAttribute('aria-label') || '').trim()
          .slice(0, 40), visible};
}"""


@pytest.mark.parametrize("page", ["home", "tender", "overview:calendar"])
def test_keyboard_focus_is_always_visible(chromium, base_url: str, page: str) -> None:
    context = _context(chromium)
    tab = Tab(context, base_url)
    tab.open(PAGES[page]["nl"])
    invisible, reached = [], 0
    for _ in range(40):
        tab.page.keyboard.press("Tab")
        focused = tab.page.evaluate(FOCUS)
        if focused is None:
            continue
        reached += 1
        if not focused["visible"]:
            invisible.append(focused)
    context.close()
    assert reached >= 30, "the keyboard does not get through the page"
    assert invisible == [], describe(invisible)


def test_skip_link_comes_first_and_leads_to_the_content(chromium, base_url: str) -> None:
    context = _context(chromium)
    tab = Tab(context, base_url)
    tab.open(PAGES["tender"]["en"])
    tab.page.keyboard.press("Tab")
    first = tab.page.evaluate("document.activeElement.getAttribute('href')")
    context.close()
    assert first == "#main-title"


def test_no_horizontal_scrolling_at_320_px(chromium, base_url: str) -> None:
    context = _context(chromium, device="phone", viewport={"width": 320, "height": 640})
    tab = Tab(context, base_url)
    wide = []
    for urls in PAGES.values():
        for url in urls.values():
            tab.open(url)
            width = tab.page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                wide.append(f"/{url}: {width}px")
    context.close()
    assert wide == []
