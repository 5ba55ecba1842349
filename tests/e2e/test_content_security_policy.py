"""Security review finding 13: the pages the journeys do not pass through work under the site's
Content-Security-Policy in Chromium (the API documentation, the administration's sign-in, the
pause after failed sign-ins, the anonymous write limit). `open_page` fails on any violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

from techpolicy.site import throttle
from tests import factories
from tests.e2e.browser import open_page

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_finding13_pages_outside_the_journeys_run_under_the_policy(live_server, chromium, settings, monkeypatch):
    factories.make_user("clerk", password=factories.PASSWORD)
    settings.TECHPOLICY_ANON_WRITES_PER_MINUTE = 8  # the five failed sign-ins below, then the limit
    # One fixed instant, so that the nine writes fall in one window even when the wall clock crosses
    # a minute boundary between them (the live server runs in this process and reads this clock).
    monkeypatch.setattr(throttle, "clock", lambda: 1_800_000_000.0)
    base = live_server.url
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        try:
            page.goto(f"{base}/api/v1/docs")
            expect(page.locator(".swagger-ui .info")).to_be_visible()
            page.goto(f"{base}/kk/admin/login/")
            expect(page.locator("#login-form")).to_be_visible()
            for attempt in range(9):  # five failures pause the account; the ninth write is over the limit
                page.goto(f"{base}/en/login/")
                page.locator('input[name="username"]').fill("clerk")
                page.locator('input[name="password"]').fill(f"wrong-{attempt}")
                page.get_by_test_id("login").click()
                if attempt == 4:
                    expect(page.get_by_test_id("locked-out")).to_be_visible()
            expect(page.get_by_test_id("throttled")).to_be_visible()
        finally:
            browser.close()
