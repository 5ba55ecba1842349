"""End to end, in headless Chromium and in Kazakh: a ministry proposes a technology platform naming a
designated competence centre as its coordinator (000 p.26-27) and attaches the document of recorded
commitments (p.25(5)); the authorized body refers the initiative to the HSTC (p.28); the HSTC's
working body plans a meeting, puts the case on its agenda and records who is present; one member
declares a conflict of interest and recuses, the others vote; the meeting is held, the HSTC's
recommendation recorded and the meeting closed; the authorized body organises the platform
(reading R-B2, the register entry of p.29); the coordinator publishes the road map (p.24(7)) after
its confirmation page, and the public platform page and the register show it.

Needs Debian's Chromium at /usr/bin/chromium (Playwright's own browser downloads are not used).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect, sync_playwright

from techpolicy.casework import law_context
from techpolicy.services.technopark.demo import DEMO_PASSWORD
from tests.e2e.browser import expect_state, login, logout, make_pdf, open_page
from tests.technology_platforms.world import make_world

pytestmark = pytest.mark.browser
PLATFORM = "Сутегі энергетикасының технологиялық платформасы"
MILESTONE = "Электролиздің пилоттық қондырғысы"


def fire(page: Page, action: str, state: str, reason: str = "", **fields: str) -> None:
    form = page.locator("form", has=page.locator(f'[data-action="{action}"]'))
    for name, value in fields.items():
        box = form.locator(f'[name="{name}"]')
        box.check() if value == "on" else box.fill(value)
    if reason:
        form.locator('[name="reason"]').fill(reason)
    understood = form.locator('[name="confirm"]')
    if understood.count():  # an irreversible action asks "I understand" before it is taken
        understood.check()
    form.locator(f'[data-action="{action}"]').click()
    expect_state(page, state)


def with_passwords(*users) -> None:
    for user in users:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])


@pytest.mark.django_db(transaction=True)
def test_platform_journey_from_proposal_to_published_road_map(live_server, chromium, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "uploads")
    world = make_world()
    people = {"ministry": world.proposer, "ab": world.ab, "secretary": world.secretary,
              "coordinator": world.cc.owner, **{f"member{n}": m for n, m in enumerate(world.members[:3], start=1)}}
    with_passwords(*people.values())
    names = {key: user.username for key, user in people.items()}
    today = law_context.today()
    with translation.override("kk"):
        not_set = translation.gettext("term not set by the source document")
    centre = (world.centre.name, world.centre.bin)
    commitments = make_pdf(tmp_path / "commitments.pdf", "commitments")
    # No ORM calls below while the browser runs (Playwright's sync API keeps an event loop here).
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        try:
            journey(page, live_server.url, names, today, not_set, centre, commitments)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()


def journey(page: Page, base: str, names: dict, today: dt.date, not_set: str, centre, commitments) -> None:
    # a. The ministry proposes the platform with the competence centre as its coordinator (p.26-27).
    login(page, base, names["ministry"])
    page.goto(f"{base}/kk/technology-platforms/apply/")
    page.locator('select[name="p-direction"]').select_option("05.01")
    page.locator('input[name="p-platform_name"]').fill(PLATFORM)
    page.locator('input[name="c-name"]').fill(centre[0])
    page.locator('input[name="c-bin"]').fill(centre[1])
    page.locator('select[name="c-kind"]').select_option("hei")
    page.locator('input[name="c-competence_evidence"]').fill("Сутегі жобаларының портфелі, 2018-2026")
    page.locator('input[name="c-interaction_started_on"]').fill(today.replace(year=today.year - 4).isoformat())
    page.locator('input[name="c-interaction_evidence"]').fill("Стейкхолдерлер кеңесінің хаттамалары")
    page.locator('input[name="c-material_base"]').check()
    page.locator('input[name="m-0-counterparty"]').fill("«Сутегі қауымдастығы» ЗТБ")
    page.locator('select[name="m-0-kind"]').select_option("association")
    page.locator('input[name="m-0-signed_on"]').fill(today.replace(year=today.year - 1).isoformat())
    page.locator('input[name="pp-0-name"]').fill("«Дала Энерго» ЖШС")
    page.locator('select[name="pp-0-role"]').select_option("business")
    page.get_by_test_id("save-application").click()
    expect(page).to_have_url(re.compile(r"/kk/cases/TP-\d{4}-\d{5}/$"))
    expect_state(page, "draft")
    case_url = page.url
    upload = page.locator("form", has=page.locator('input[type="file"][name="file"]'))
    upload.locator('select[name="kind"]').select_option("commitments")
    upload.locator('input[name="file"]').set_input_files(str(commitments))
    upload.locator('button[type="submit"]').click()
    expect(page.locator("[data-testid=documents] td", has_text="commitments.pdf")).to_have_count(1)
    fire(page, "submit", "submitted")
    badge = page.locator(".card .badge[title]").first
    expect(badge).to_contain_text(not_set)
    expect(badge).to_contain_text("27-тармақ")
    # p.26: the register of competence centres, not the form, says the coordinator is one.
    expect(page.get_by_test_id("verdict").locator('[data-rule="000.p26"]')).to_contain_text(
        "айқындалған құзырет орталығы")
    logout(page)

    # b. The authorized body refers the initiative to the HSTC (p.28).
    login(page, base, names["ab"])
    page.goto(case_url)
    fire(page, "refer_to_hstc", "hstc")
    logout(page)

    # c. The HSTC's working body plans the meeting, puts the case on it and records who is present.
    login(page, base, names["secretary"])
    page.goto(f"{base}/kk/cases/commissions/hstc/meetings/")
    page.locator('input[name="date"]').fill(today.isoformat())
    page.locator('input[name="place"]').fill("Астана, Үкімет үйі")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_test_id("meeting-status")).to_have_attribute("data-status", "planned")
    meeting_url = page.url
    page.locator('form[action$="/add/"] button').click()
    expect(page.get_by_test_id("meeting-items")).to_contain_text(case_url.rstrip("/").rsplit("/", 1)[1])
    for box in page.locator('form[action$="/attendance/"] input[type="checkbox"]').all():
        box.check()
    page.locator('form[action$="/attendance/"] button').click()
    logout(page)

    # d. One member recuses (a conflict of interest), the two others vote for.
    login(page, base, names["member1"])
    page.goto(case_url)
    page.locator("#recusal-reason").fill("Үйлестіруші университеттің бақылау кеңесінің мүшесімін.")
    page.locator('[data-action="recuse"]').click()
    expect(page.get_by_test_id("my-recusal")).to_be_visible()
    logout(page)
    for member in ("member2", "member3"):
        login(page, base, names[member])
        page.goto(case_url)
        form = page.locator('form[action$="/vote/"]')
        form.locator('[name="value"][value="for"]').check()
        form.locator('[name="reason"]').fill("Платформа сутегі энергетикасын дамытуға қажет.")
        form.locator('button[type="submit"]').click()
        expect(page.locator('form[action$="/vote/"]')).to_have_count(0)
        logout(page)

    # e. The meeting was held; the recommendation is recorded and the meeting closed (minutes final).
    login(page, base, names["secretary"])
    page.goto(meeting_url)
    page.locator('form[action$="/held/"] button').click()
    expect(page.get_by_test_id("meeting-status")).to_have_attribute("data-status", "held")
    page.goto(case_url)
    expect(page.get_by_test_id("recusals")).to_have_count(1)
    expect(page.get_by_test_id("tally")).to_contain_text("3")  # took part: 3 of a base of 3
    fire(page, "recommend", "supported")
    page.goto(meeting_url)
    page.locator('a[href$="/close/"]').click()
    page.locator('input[name="confirm"]').check()
    page.locator('[data-action="close"]').click()
    expect(page.get_by_test_id("meeting-status")).to_have_attribute("data-status", "closed")
    expect(page.get_by_test_id("minutes-link")).to_be_visible()
    logout(page)

    # f. The authorized body organises the platform after the HSTC's recommendation (R-B2, p.29).
    login(page, base, names["ab"])
    page.goto(case_url)
    fire(page, "organise", "organised", decision_number="ТП-2026-01", decided_on=today.isoformat(), confirm="on")
    page.locator("a.button", has_text="Платформа беті").click()
    expect(page.get_by_test_id("no-road-map")).to_be_visible()
    platform_url = page.url
    logout(page)

    # g. The coordinator publishes the road map after its confirmation page (p.24(7)).
    login(page, base, names["coordinator"])
    page.goto(platform_url)
    page.get_by_test_id("edit-road-map").click()
    expect(page.get_by_test_id("version-status")).to_have_attribute("data-status", "draft")
    stage = page.get_by_test_id("stage-form")
    stage.locator('[name="name"]').fill("Пилоттық жобалар")
    stage.locator('[name="starts_on"]').fill(today.isoformat())
    stage.locator('[name="ends_on"]').fill(today.replace(year=today.year + 2).isoformat())
    stage.locator("button[type=submit]").click()
    item = page.get_by_test_id("item-form")
    item.locator('[name="technology_code"]').fill("H2-01")
    item.locator('[name="technology_name"]').fill("Сутегі электролизі")
    item.locator('[name="milestone"]').fill(MILESTONE)
    item.locator('[name="due_on"]').fill(today.replace(year=today.year + 1).isoformat())
    item.locator("button[type=submit]").click()
    expect(page.get_by_test_id("stage-items")).to_contain_text(MILESTONE)
    expect(page.get_by_test_id("key-warnings")).to_be_visible()  # a warning, not a refusal
    page.get_by_test_id("publish-road-map").click()
    page.locator('input[name="confirm"]').check()
    page.get_by_test_id("confirm-publish").click()
    expect(page.get_by_test_id("road-map-version")).to_have_attribute("data-number", "1")
    logout(page)

    # h. Anyone sees the platform, its coordinator and its road map; the register lists it.
    page.goto(platform_url)
    expect(page.get_by_test_id("coordinator")).to_have_text(centre[0])
    expect(page.get_by_test_id("participants")).to_contain_text("«Дала Энерго» ЖШС")
    expect(page.get_by_test_id("timeline")).to_be_visible()
    expect(page.get_by_test_id("stage-items")).to_contain_text(MILESTONE)
    page.goto(f"{base}/kk/technology-platforms/register/")
    expect(page.locator("tbody tr", has_text=PLATFORM)).to_have_count(1)
