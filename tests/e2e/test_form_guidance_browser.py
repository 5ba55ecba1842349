"""Issue 10, items 4 and 5, in headless Chromium and in Kazakh: after a failed save the error summary
at the top takes the focus and each of its links puts the focus into its field; an irreversible action
(withdrawing the application) is not taken until "I understand" is ticked, and then it is.

Needs Debian's Chromium at /usr/bin/chromium (skipped without it, except under CI)."""

from __future__ import annotations

import pytest
from django.utils import translation
from playwright.sync_api import expect, sync_playwright

from techpolicy.casework.models import Case
from tests import factories
from tests.e2e.browser import expect_state, login, open_page

pytestmark = pytest.mark.browser

PASSWORD = "Guidance-Test-2026!"


def applicant(name: str):
    user = factories.make_user(organisation=factories.make_organisation(name=name), roles=["applicant"],
                               language="kk")
    user.set_password(PASSWORD)
    user.save()
    return user


def test_error_summary_focuses_the_field_and_withdrawal_asks_first(live_server, chromium, settings, tmp_path):
    """Issue 10, item 4 (error summary, focus) and item 5 (confirmation before an irreversible act)."""
    settings.MEDIA_ROOT = str(tmp_path / "uploads")
    newcomer = applicant("«Жаңа Жоба» ЖШС")
    holder = applicant("«Бар Өтінім» ЖШС")
    case = factories.make_participation_case(holder)
    with translation.override("kk"):
        problem = translation.gettext("There is a problem")
        understand = translation.gettext("I understand")
    # No ORM calls while the browser runs (Playwright keeps an event loop on this thread).

    base = live_server.url
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        try:
            # Item 4: an empty application sent; the summary is at the top and has the focus.
            login(page, base, newcomer.username, PASSWORD)
            page.goto(f"{base}/kk/technopark/apply/")
            page.get_by_test_id("save-application").click()
            summary = page.get_by_test_id("error-summary")
            expect(summary).to_be_visible()
            expect(summary).to_contain_text(problem)
            expect(summary).to_be_focused()
            assert page.evaluate("document.querySelector('[data-error-summary]').getBoundingClientRect().top") < 900
            link = summary.locator("a").first
            target = link.get_attribute("href").lstrip("#")
            link.click()
            expect(page.locator(f"[id='{target}']")).to_be_focused()

            # Item 5: withdrawing without "I understand" is not taken; with it, it is.
            page.goto(f"{base}/kk/login/")
            page.context.clear_cookies()
            login(page, base, holder.username, PASSWORD)
            page.goto(f"{base}/kk/cases/{case.number}/")
            form = page.locator("form", has=page.locator('[data-action="withdraw"]'))
            expect(form.get_by_test_id("consequence-withdraw")).to_be_visible()
            form.locator('[data-action="withdraw"]').click()
            expect_state(page, "draft")  # the browser keeps the form: the box is required
            form.get_by_label(understand).check()
            form.locator('[data-action="withdraw"]').click()
            expect_state(page, "withdrawn")
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()
    assert Case.objects.get(pk=case.pk).state == "withdrawn"
