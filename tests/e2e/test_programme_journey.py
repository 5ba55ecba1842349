"""End to end, in headless Chromium and in Kazakh: a designated competence centre drafts a targeted
technology programme by importing its file with the basis of the passport left out, and its
submission is refused citing paragraph 35; it fills the field on the programme's form and submits
it; the energy ministry concludes the review (p.42), records an agreement (p.42) and submits the
proposals to the HSTC; the HSTC's working body holds the meeting, three members vote and the
recommendation is recorded; the ministry approves the programme by its decision (p.43); the centre
enters two years of actuals of both target indicators and submits them, the ministry approves them
after the confirmation step, and the dashboard flags the lagging indicator with its projected
trajectory to the final year (000.p38.a2, 000.ttp.monitor).

Needs Debian's Chromium at /usr/bin/chromium (Playwright's own browser downloads are not used).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from techpolicy.casework import law_context
from tests.e2e.browser import expect_state, fire, login, logout, messages, open_page
from tests.e2e.test_platform_journey import with_passwords
from tests.targeted_programmes import world as w

pytestmark = pytest.mark.browser
BASIS = "Көміртегі бейтараптығы стратегиясының 4.2-тармағы"
# (indicator, year, value): capacity adds up to 3.5 MW by 2026 against 5 (behind); the cost beats its targets.
ACTUALS = (("I1", 2025, "1,5"), ("I1", 2026, "2"), ("I2", 2025, "3250"), ("I2", 2026, "3050"))


def programme_file(world, path) -> str:
    """The programme as a file: the passport's basis (p.35(2)) left empty."""
    facts = w.programme_facts(world)
    facts.pop("state_body")
    facts["passport"]["basis"] = ""
    document = {**facts, "sector": "Энергетика", "direction": "Сутегі энергетикасы",
                "developer": {"name": world.developer.organisation.name}}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.django_db(transaction=True)
def test_programme_journey_from_draft_to_a_flagged_indicator(live_server, chromium, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "uploads")
    world = w.make_world()
    members = world.base.members[:3]
    with_passwords(world.developer, world.body, world.secretary, *members)
    names = {"centre": world.developer.username, "ministry": world.body.username,
             "secretary": world.secretary.username, "members": [m.username for m in members],
             "body": str(world.body.organisation_id)}
    upload = programme_file(world, tmp_path / "programme.json")
    today = law_context.today()
    # No ORM calls below while the browser runs (Playwright's sync API keeps an event loop here).
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        try:
            journey(page, live_server.url, names, upload, today)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()


def journey(page: Page, base: str, names: dict, upload: str, today: dt.date) -> None:
    # a. The centre imports the draft; the submission is refused: p.35(2), the basis is missing.
    login(page, base, names["centre"])
    page.goto(f"{base}/kk/targeted-programmes/import/")
    page.locator('select[name="general-direction"]').select_option(w.HYDROGEN)
    page.locator('select[name="general-state_body"]').select_option(names["body"])
    page.locator('input[name="file"]').set_input_files(upload)
    page.get_by_test_id("import-programme").click()
    expect(page).to_have_url(re.compile(r"/kk/cases/TTP-\d{4}-\d{5}/$"))
    case_url = page.url
    number = case_url.rstrip("/").rsplit("/", 1)[1]
    page.locator('[data-action="submit"]').click()
    expect_state(page, "draft")
    refusal = messages(page)
    assert "35-тармақ" in refusal, refusal

    # b. It fills the basis on the programme's form and submits it (version 1).
    page.goto(f"{base}/kk/targeted-programmes/cases/{number}/edit/")
    page.locator('textarea[name="passport-basis"]').fill(BASIS)
    page.get_by_test_id("save-application").click()
    expect(page).to_have_url(case_url)
    fire(page, "submit", "review")
    logout(page)

    # c. The ministry concludes the review, records an agreement and submits the proposals (p.42).
    login(page, base, names["ministry"])
    page.goto(case_url)
    fire(page, "conclude_review", "agreement")
    page.goto(f"{base}/kk/targeted-programmes/cases/{number}/")
    form = page.get_by_test_id("agreement-form")
    form.locator('[name="organisation"]').fill("Өнеркәсіп министрлігі")
    form.locator('[name="outcome"]').select_option("agreed")
    form.locator('[name="reference"]').fill("№ 01-12")
    form.locator('[name="agreed_on"]').fill(today.isoformat())
    page.get_by_test_id("record-agreement").click()
    expect(page.get_by_test_id("agreements")).to_contain_text("Өнеркәсіп министрлігі")
    page.goto(case_url)
    fire(page, "submit_to_hstc", "hstc", confirm=True)
    logout(page)

    # d. The HSTC's working body plans the meeting; three members vote for; the recommendation is recorded.
    login(page, base, names["secretary"])
    page.goto(f"{base}/kk/cases/commissions/hstc/meetings/")
    page.locator('input[name="date"]').fill(today.isoformat())
    page.locator('input[name="place"]').fill("Астана, Үкімет үйі")
    page.locator("main form button[type=submit]").click()
    meeting_url = page.url
    page.locator('form[action$="/add/"] button').click()
    expect(page.get_by_test_id("meeting-items")).to_contain_text(number)
    for box in page.locator('form[action$="/attendance/"] input[type="checkbox"]').all():
        box.check()
    page.locator('form[action$="/attendance/"] button').click()
    logout(page)
    for member in names["members"]:
        login(page, base, member)
        page.goto(case_url)
        vote = page.locator('form[action$="/vote/"]')
        vote.locator('[name="value"][value="for"]').check()
        vote.locator('[name="reason"]').fill("Бағдарлама сутегі энергетикасын дамытуға қажет.")
        vote.locator('button[type="submit"]').click()
        expect(page.locator('form[action$="/vote/"]')).to_have_count(0)
        logout(page)
    login(page, base, names["secretary"])
    page.goto(meeting_url)
    page.locator('form[action$="/held/"] button').click()
    page.goto(case_url)
    fire(page, "recommend", "recommended", confirm=True)
    logout(page)

    # e. The ministry approves the programme by its decision (p.43).
    login(page, base, names["ministry"])
    page.goto(case_url)
    fire(page, "approve", "approved", confirm=True, decision_number="НТБ-2026-01", decided_on=today.isoformat())
    logout(page)

    # f. The centre enters and submits two years of actuals of each indicator.
    login(page, base, names["centre"])
    plan = f"{base}/kk/monitoring/plans/ttp/{number}"
    for code, year, value in ACTUALS:
        page.goto(f"{plan}/indicators/{code}/enter/")
        page.locator('[name="year"]').fill(str(year))
        page.locator('[name="value"]').fill(value)
        page.locator('[name="evidence"]').fill(f"Министрліктің {year} жылғы есебі № {year - 2000}")
        page.locator("main form button[type=submit]").first.click()
        expect(page.get_by_test_id("actuals")).to_contain_text(str(year))
        page.locator(f'form[action$="/{code}/{year}/submit/"] button').click()
        expect(page.locator(f'form[action$="/{code}/{year}/submit/"]')).to_have_count(0)
    logout(page)

    # g. The ministry approves each figure after the confirmation step (in year order: I1 adds up).
    login(page, base, names["ministry"])
    for code, year, _value in ACTUALS:
        page.goto(f"{plan}/indicators/{code}/{year}/approve/")
        page.locator('input[name="confirm"]').check()
        page.locator('[data-action="approve"]').click()
        expect(page.get_by_test_id("actuals")).to_be_visible()
    # h. The dashboard flags the capacity as behind its target and shows where its trajectory leads.
    page.goto(f"{plan}/")
    expect(page.get_by_test_id("behind")).to_contain_text("I1")
    panel = page.locator('[data-testid="indicator-panel"][data-indicator="I1"]')
    expect(panel.get_by_test_id("verdict")).to_have_attribute("data-verdict", re.compile(r"^(off_track|at_risk)$"))
    expect(panel.locator(".chart-view svg, .chart-view canvas").first).to_be_visible()
    expect(page.locator('[data-testid="indicator-panel"][data-indicator="I2"]').get_by_test_id("verdict")) \
        .not_to_have_attribute("data-verdict", "not_enough_data")
    logout(page)
