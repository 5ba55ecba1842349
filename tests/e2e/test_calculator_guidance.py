"""Issue 10, item 2, in Chromium and in Kazakh: the reimbursement calculator (seed 004, section 5.3)
with bad input answers next to each field, through its HTMX "Calculate" button as a user clicks it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.e2e.browser import open_page

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_s5_3_bad_input_on_the_calculator_is_answered_in_kazakh_beside_the_field(live_server, chromium):
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        try:
            page.goto(f"{live_server.url}/kk/productivity/calculator/")
            page.locator('select[name="b-instrument"]').select_option("4b")
            page.locator('input[name="a-oked_codes"]').fill("13.20")
            page.locator('select[name="c-0-kind"]').select_option("technology_improvement")
            page.locator('input[name="c-0-amount_kzt"]').fill("-5")
            page.get_by_test_id("calculate").click()
            field = page.locator(".field", has=page.locator('input[name="c-0-amount_kzt"]'))
            expect(field.locator(".errorlist")).to_contain_text("0")
            expect(field.locator(".errorlist")).not_to_contain_text("Ensure")
            # the date left empty is named beside its own field, in Kazakh
            day = page.locator(".field", has=page.locator('input[name="c-0-incurred_on"]'))
            expect(day.locator(".errorlist")).to_contain_text("міндетті")
            page.locator('input[name="c-0-amount_kzt"]').fill("20000000")
            page.locator('input[name="c-0-incurred_on"]').fill("2015-08-10")
            page.locator('input[name="b-application_date"]').fill("2015-09-15")
            page.locator('input[name="a-activity_since"]').fill("2009-05-12")
            page.get_by_test_id("calculate").click()
            expect(page.get_by_test_id("amount")).to_have_text("8\u00a0000\u00a0000,00\u00a0₸")
        finally:
            browser.close()
