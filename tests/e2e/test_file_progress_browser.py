"""Issue 10, item 9: a report being prepared shows its progress, checked in Chromium: the status
page shows the steps the worker has noted and, polled by HTMX, follows them without a reload until
the file is ready.

Needs Debian's Chromium at /usr/bin/chromium (skipped without it, except under CI)."""

from __future__ import annotations

import threading

import pytest
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from techpolicy.casework import jobs
from tests import factories
from tests.casework.progress_support import STEPS
from tests.e2e.browser import login, open_page
from tests.tasks import run_queued_beside

pytestmark = pytest.mark.browser


def beside(work):
    """`work()` on a thread of its own: Playwright's sync API keeps an event loop on the test's."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = work()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    return outcome.get("value")


def note(job, done: int) -> None:
    """What the worker does while it renders: the task is running and notes a step."""
    from django_tasks_db.models import DBTaskResult

    def work():
        DBTaskResult.objects.filter(pk=job.task_result_id).update(status="RUNNING")
        token = jobs._RENDERING.set(job.task_result_id)
        try:
            jobs.progress(done, 3, "Laying out the pages")
        finally:
            jobs._RENDERING.reset(token)

    beside(work)


@pytest.mark.django_db(transaction=True)
def test_issue10_item9_the_status_page_follows_the_progress(live_server, chromium):
    """Issue 10, item 9: "1 of 3", then "2 of 3" without a reload, then the download link."""
    from django_tasks_db.models import DBTaskResult

    job = beside(lambda: (factories.make_user("reader", password=factories.PASSWORD),
                          jobs.request_file(STEPS.name, "test-steps:browser", "x"))[1])
    note(job, 1)
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        try:
            login(page, live_server.url, "reader", factories.PASSWORD)
            page.goto(f"{live_server.url}/kk/cases/files/{job.pk}/")
            shown = page.get_by_test_id("file-progress")
            expect(shown).to_have_attribute("data-done", "1")
            expect(shown).to_contain_text("Орындалған қадамдар: 1 / 3 (33 %)")
            expect(shown).to_contain_text("Беттер беттелуде")
            expect(shown.locator("progress")).to_have_attribute("max", "3")
            note(job, 2)
            expect(shown).to_have_attribute("data-done", "2")  # polled, not reloaded
            beside(lambda: DBTaskResult.objects.filter(pk=job.task_result_id).update(status="READY"))
            assert run_queued_beside() == 1
            expect(page.get_by_test_id("file-download")).to_be_visible()
            expect(page.get_by_test_id("file-progress")).to_have_count(0)
        finally:
            browser.close()
