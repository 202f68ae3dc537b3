"""Every request stays on the site, no console errors, and the strict CSP is never violated."""

from __future__ import annotations

from browser_support import SIZES, Tab, describe, page_types

PAGES = page_types()


def test_every_request_goes_to_the_site_itself(chromium, base_url: str) -> None:
    context = chromium.new_context(viewport=SIZES["desktop"])
    tab = Tab(context, base_url)
    foreign, errors, failed, reports, requests = [], [], [], [], 0
    for urls in PAGES.values():
        for url in urls.values():
            visit = tab.open(url, settle=True)
            requests += len(visit.requests)
            foreign += [r for r in visit.requests if not r.startswith(base_url)]
            errors += [f"/{url}: {e}" for e in visit.console_errors]
            failed += [f"/{url}: {r}" for r in visit.failed]
            reports += [f"/{url}: {r}" for r in tab.csp_reports()]
    context.close()
    assert requests >= 4 * len(PAGES), "pages load their own assets"
    assert foreign == [], describe(foreign)
    assert failed == [] and errors == [], describe(failed + errors)
    assert reports == [], describe(reports)


def test_the_policy_is_strict_and_served(chromium, base_url: str) -> None:
    context = chromium.new_context()
    page = context.new_page()
    response = page.goto(base_url)
    policy = response.headers["content-security-policy"]
    context.close()
    assert "script-src 'self' 'sha256-" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "style-src 'self';" in policy and "default-src 'self'" in policy


def test_search_works_under_the_policy(chromium, base_url: str) -> None:
    context = chromium.new_context(viewport=SIZES["desktop"])
    tab = Tab(context, base_url)
    tab.open("en/", settle=True)
    tab.page.click("input[data-md-component=search-query]")
    tab.page.keyboard.type("asfalt", delay=20)
    results = tab.page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    count, reports = results.count(), tab.csp_reports()
    errors = tab.visit.console_errors
    context.close()
    assert count >= 1
    assert reports == [] and errors == []
