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
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy  # wasm: the search
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
    assert "style-src 'self';" in policy and "default-src 'self'" in policy


def test_search_works_under_the_policy(chromium, base_url: str) -> None:
    """The header's search button leads to the search page, which finds pages in its language
    from the site's own Pagefind index, without a CSP report or a foreign request."""
    context = chromium.new_context(viewport=SIZES["desktop"])
    tab = Tab(context, base_url)
    tab.open("en/", settle=True)
    tab.page.click("a.mvi-search-link")
    tab.page.wait_for_url("**/en/search/")
    tab.page.locator("#mvi-search input").fill("asphalt")
    results = tab.page.locator(".pagefind-ui__result")
    results.first.wait_for(timeout=15_000)
    links = results.locator("a.pagefind-ui__result-link").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    address = tab.page.url
    reports, errors = tab.csp_reports(), tab.visit.console_errors
    context.close()
    assert links and all("/en/" in link for link in links), links  # English pages only
    assert address.endswith("/en/search/?q=asphalt")  # the query is in the address to share
    assert reports == [] and errors == []


def test_a_shared_search_address_searches_at_once(chromium, base_url: str) -> None:
    context = chromium.new_context(viewport=SIZES["phone"])
    tab = Tab(context, base_url)
    tab.open("zoeken/?q=asfalt", settle=True)
    results = tab.page.locator(".pagefind-ui__result")
    results.first.wait_for(timeout=15_000)
    value = tab.page.locator("#mvi-search input").input_value()
    links = results.locator("a.pagefind-ui__result-link").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    requests = tab.visit.requests
    context.close()
    assert value == "asfalt"
    assert links and not any("/en/" in link for link in links), links  # Dutch pages only
    assert all(request.startswith(base_url) for request in requests), requests
