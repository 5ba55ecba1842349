"""End to end, in headless Chromium and in Kazakh (URLs under /kk/): a company applies for an
innovation grant for industrial research (law 003 article 27(2)(2)); the operator sends it to the
expertise and runs the optimal assignment, which seats a domestic and a foreign expert (article
27(2), third indent; reading R-F2); the foreign expert recuses and the operator places another with
a reason; both declare independence and give the economic and the technological conclusion; the
operator sends the award to the grant commission resting on innovativeness (article 20(6)(1)); the
commission votes and the award is recorded, committing the amount in the fund (article 27(3)) and
entering the public register; the agreement is signed by both parties and a tranche is paid; the
ledger shows last year closed with its balance carried into this year, and this year cannot close
before its end.

The world is the service's demo (a forecast study approved last year behind the priority
directions, last year's balance carried into this one). Needs Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from techpolicy.accounts.models import Organisation
from techpolicy.accounts.roles import APPLICANT
from techpolicy.casework import law_context
from techpolicy.services.innovation_grants import demo
from techpolicy.services.innovation_grants.models import Call, Expert
from techpolicy.services.technopark.demo import _user
from tests.e2e.browser import expect_state, fire, login, logout, messages, open_page

pytestmark = pytest.mark.browser

COMPANY = "«Қарқаралы Автоматика» ЖШС (демо)"


@pytest.mark.django_db(transaction=True)
def test_innovation_grant_journey_from_application_to_the_first_tranche(live_server, chromium, tmp_path):
    demo.load()
    company = Organisation.objects.create(name=COMPANY, bin="990140000777", city="Қарағанды")
    _user("karkaraly", "Сәкен", "Төлеубаев", [APPLICANT], organisation=company)
    call = Call.objects.get(grant_type="industrial_research")
    names = {e.user.username: str(e) for e in Expert.objects.select_related("user")}
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        try:
            journey(page, live_server.url, call.number, names)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()


def apply(page: Page, base: str, call: str) -> str:
    page.goto(f"{base}/kk/innovation-grants/apply/")
    page.locator('select[name="call-call"]').select_option(call)
    page.locator('input[name="applicant-name"]').fill(COMPANY)
    page.locator('textarea[name="applicant-activity"]').fill("Өндірістік желілерді автоматтандыру")
    page.locator('input[name="applicant-industrial_enterprise"]').check()
    page.locator('select[name="project-direction"]').select_option("AI-01")
    page.locator('input[name="project-planned_costs"]').fill("300000000")
    page.locator('input[name="project-requested"]').fill("150000000")
    page.locator('select[name="project-own_production_process"]').select_option("true")
    page.get_by_test_id("save-application").click()
    expect(page).to_have_url(re.compile(r"/kk/cases/IG-\d{4}-\d{5}/$"))
    expect_state(page, "draft")
    fire(page, "submit", "submitted")
    return page.url


def expert_acts(page: Page, base: str, username: str, number: str, kind: str) -> None:
    panel = f"{base}/kk/innovation-grants/cases/{number}/panel/"
    login(page, base, username)
    page.goto(f"{base}/kk/innovation-grants/reviews/")
    expect(page.locator("main")).to_contain_text(number)
    page.goto(panel)
    page.get_by_test_id("ig-declare").click()
    page.locator('select[name="kind"]').select_option(kind)
    page.locator('textarea[name="text"]').fill("Жоба негізделген: шығындар нарықтық бағаға сай.")
    page.get_by_test_id("ig-conclude").click()
    assert "error" not in (page.locator("ul.messages li").first.get_attribute("class") or ""), messages(page)
    logout(page)


def journey(page: Page, base: str, call: str, names: dict[str, str]) -> None:
    # 1. The company applies in Kazakh; the procedure finds it eligible and it is submitted.
    login(page, base, "karkaraly")
    case_url = apply(page, base, call)
    number = case_url.rstrip("/").rsplit("/", 1)[-1]
    panel = f"{base}/kk/innovation-grants/cases/{number}/panel/"
    logout(page)

    # 2. The operator sends it to the expertise and runs the assignment: a domestic and a foreign expert.
    login(page, base, "grant-operator")
    page.goto(case_url)
    fire(page, "to_expertise", "expertise")
    page.goto(panel)
    page.get_by_test_id("ig-assign").click()
    expect(page).to_have_url(re.compile(r"/kk/innovation-grants/runs/\d+/$"))
    page.goto(panel)
    seats = page.get_by_test_id("ig-seat")
    expect(seats).to_have_count(2)
    expect(page.get_by_test_id("ig-seats")).to_contain_text(names["grant-expert-kz"])
    expect(page.get_by_test_id("ig-seats")).to_contain_text(names["grant-expert-kr"])
    logout(page)

    # 3. The foreign expert recuses; the operator places another foreign expert, giving the reason.
    login(page, base, "grant-expert-kr")
    page.goto(panel)
    page.locator('textarea[name="reason"]').fill("Өтініш берушімен бұрын бірлескен жобам болды.")
    page.get_by_test_id("ig-recuse").click()
    expect(page.locator("main")).not_to_contain_text(number)  # the reviews list no longer shows it
    logout(page)
    login(page, base, "grant-operator")
    page.goto(panel)
    page.locator('select[name="expert"]').select_option(label=f"{names['grant-expert-at']} (AT)")
    page.locator('textarea[name="reason"]').fill("Шетелдік сарапшы бас тартты: орнына ауыстыру.")
    page.get_by_test_id("ig-place").click()
    expect(page.get_by_test_id("ig-seats")).to_contain_text(names["grant-expert-at"])
    logout(page)

    # 4. Both experts declare independence and give the two conclusions.
    expert_acts(page, base, "grant-expert-kz", number, "economic")
    expert_acts(page, base, "grant-expert-at", number, "technological")

    # 5. The operator closes the expertise and sends the award to the commission, citing article 20(6)(1).
    login(page, base, "grant-operator")
    page.goto(case_url)
    fire(page, "close_expertise", "preparation")
    fire(page, "send_to_commission", "commission", confirm=True,
         innovativeness="Автоматтандыру ақау үлесін екі есе азайтады.",
         sectoral_programme="Өңдеу өнеркәсібін дамыту бағдарламасы (демо)")
    logout(page)

    # 6. The grant commission votes; the operator records the award.
    for member in ("grant-commission-1", "grant-commission-2", "grant-commission-3"):
        login(page, base, member)
        page.goto(case_url)
        form = page.locator('form[action$="/vote/"]')
        form.locator('[name="value"][value="for"]').check()
        form.locator('[name="reason"]').fill("Инновациялық; сараптама оң.")
        form.locator('button[type="submit"]').click()
        expect(page.locator('form[action$="/vote/"]')).to_have_count(0)
        logout(page)
    login(page, base, "grant-operator")
    page.goto(case_url)
    fire(page, "approve", "awarded", confirm=True)
    fire(page, "draft_agreement", "agreement", number=f"ГШ-{number}", terms="Грант шартының талаптары.")
    logout(page)

    # 7. The grantee signs, then the operator; a tranche is paid against the commitment.
    login(page, base, "karkaraly")
    page.goto(case_url)
    fire(page, "sign_as_grantee", "grantee_signed", confirm=True)
    logout(page)
    login(page, base, "grant-operator")
    page.goto(case_url)
    fire(page, "sign_as_operator", "implementation", confirm=True)
    fire(page, "pay_tranche", "implementation", amount="50000000", paid_on=law_context.today().isoformat())
    page.goto(f"{base}/kk/innovation-grants/")
    expect(page.get_by_test_id("balances")).to_be_visible()
    # Last year was closed and its balance opened this year (article 27(3)); this year cannot close
    # before its end, and the refusal names the paragraph.
    page.get_by_test_id("ledger-link").click()
    expect(page.get_by_test_id("ledger")).to_contain_text("қаржы жылы жабылды, қалдық келесі жылға ауысты")
    page.locator('input[name="confirm"]').check()
    page.get_by_test_id("ledger-close-year").click()
    assert "27-бап, 3-тармақ" in messages(page), messages(page)
    logout(page)

    # 8. Anyone finds the award on the public register, in Kazakh, with its amount in tenge.
    page.goto(f"{base}/kk/innovation-grants/register/")
    row = page.locator("tbody tr", has_text=COMPANY)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("150\u00a0000\u00a0000\u00a0₸")
    expect(row).to_contain_text("өнеркәсіптік зерттеулер")
