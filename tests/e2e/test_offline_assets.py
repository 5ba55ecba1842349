"""Issue 10, item 8: the API documentation and every page work with no internet. Chromium refuses
every request for a host other than the live server (`open_page`), and closing the browser fails
the test when a page asked for one.

The site is opened under a host name of its own rather than as localhost, as a deployment is:
scripts may decide by the host what to fetch (Swagger UI, for one, asks its online validator for
a badge only when the schema is not served from localhost).

Needs Debian's Chromium at /usr/bin/chromium (skipped without it, except under CI)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.e2e.browser import open_page
from tests.e2e.pages import demo_pages, load_demo

pytestmark = [pytest.mark.browser, pytest.mark.presentation]

HOST = "techpolicy.test"  # resolved by Chromium to the loopback (open_page served_as)


@pytest.fixture
def base(live_server, settings) -> str:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    return f"http://{HOST}:{urlsplit(live_server.url).port}"


@pytest.mark.django_db(transaction=True)
def test_item8_the_api_docs_work_with_other_hosts_blocked(base, chromium):
    """Issue 10, item 8: /api/v1/docs shows the operations with its script and styles from this site."""
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium, served_as=HOST)
        try:
            seen = []
            page.on("request", lambda request: seen.append(request.url))
            page.goto(f"{base}/api/v1/docs")
            expect(page.locator(".swagger-ui .info")).to_be_visible()
            expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
            page.wait_for_load_state("networkidle")
            assert any(url.endswith("/swagger-ui-bundle.js") and url.startswith(base) for url in seen)
        finally:
            browser.close()  # fails on any request for another host


@pytest.mark.django_db(transaction=True)
def test_item8_no_page_loads_anything_from_another_host(base, chromium):
    """Issue 10, item 8: every page of the walk of `tests.e2e.pages` (each as its demo role) loads
    with every other host blocked."""
    names = load_demo()
    visited = 0
    with sync_playwright() as playwright:
        browser, _ = open_page(playwright, chromium, served_as=HOST)
        try:
            for _role, _path, page in demo_pages(browser, base, names):
                page.wait_for_load_state("networkidle")
                visited += 1
        finally:
            browser.close()  # fails on any request for another host
    assert visited >= 30
