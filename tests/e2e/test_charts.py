"""Issue 10, item 10, in headless Chromium and in Kazakh: the forecast with its interval, the Delphi
answers and consensus over the rounds, the technology radar, the scenario trajectories and the
what-if comparison are drawn as charts on their pages from the vendored Vega files (nothing from
another host), under the Content-Security-Policy (`open_page` fails on any violation), each with
its data as a table."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

from techpolicy.forecasting.studies import demo as forecast_demo
from techpolicy.forecasting.studies.models import Study
from techpolicy.services.productivity import demo as productivity_demo
from tests.e2e.browser import login, open_page
from tests.tasks import run_queued_beside

pytestmark = [pytest.mark.browser, pytest.mark.presentation]


def expect_charts(page, count: int) -> None:
    """`count` charts drawn as SVG by Vega, each with its data table and caption."""
    figures = page.get_by_test_id("chart")
    expect(figures).to_have_count(count)
    for i in range(count):
        figure = figures.nth(i)
        expect(figure.locator('[data-chart-drawn="yes"] svg').first).to_be_visible()
        table = figure.get_by_test_id("chart-table")
        expect(table).to_be_attached()
        expect(table.locator("caption")).not_to_be_empty()
        figure.locator("summary").click()  # the table opens for a sighted reader too
        expect(table).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_issue10_item10_charts_are_drawn_in_kazakh_under_the_policy(live_server, chromium, run_tasks):
    forecast_demo.load()
    productivity_demo.load()
    run_tasks()
    study = Study.objects.get(title=forecast_demo.TITLE)
    series = study.series.get(technology__code="AG-02")
    base = live_server.url
    requested: list[str] = []
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        page.on("request", lambda r: requested.append(r.url))
        try:
            login(page, base, "analyst")
            page.goto(f"{base}/kk/forecasting/{study.number}/series/{series.pk}/")
            expect_charts(page, 1)
            expect(page.locator("#forecast .vega-chart figcaption")).to_contain_text("Дрондар нарығы")
            page.goto(f"{base}/kk/forecasting/{study.number}/rounds/2/")
            expect_charts(page, 2)
            choice = page.locator(".vega-bind select")  # the Delphi chart's choice of technology
            expect(choice).to_be_visible()
            choice.select_option(index=1)
            page.goto(f"{base}/kk/forecasting/{study.number}/analysis/")
            expect_charts(page, 4)  # three scenario charts and the radar
            expect(page.locator("#radar h2")).to_have_text("Технологиялар радары")

            page.goto(f"{base}/kk/productivity/what-if/")
            page.locator('select[name="c-0-parameter"]').select_option("p2020.i3a.share")
            page.locator('input[name="c-0-value"]').fill("60")
            page.get_by_test_id("run-what-if").click()
            expect(page.get_by_test_id("generated-file")).to_have_attribute("data-status", "pending")
            result_page = page.url
            page.goto("about:blank")  # no polling while the worker writes (one writer in SQLite)
            assert run_queued_beside() == 1
            page.goto(result_page)
            expect(page.get_by_test_id("generated-file")).to_have_attribute("data-status", "ready")
            expect_charts(page, 2)
        finally:
            browser.close()
    foreign = [u for u in requested if not u.startswith(base) and not u.startswith("data:")]
    assert foreign == []
    assert any("/static/techpolicy/vendor/vega-embed-7.3.0.min.js" in u for u in requested)
