"""End to end, in headless Chromium and in Kazakh (URLs under /kk/): an application of the
"Productivity 2020" programme, instrument 3a (training), filed directly with the operator (KIDI),
moves through the `productivity.direct` workflow of section 5.4 to payment and, on breach, to the
return of the money paid.

- anyone computes the reimbursement in the calculator (section 5.3): a line per cost, exclusion,
  share and cap with its citation; the per diem is excluded, citing section 5.3; the amount equals
  the law layer's `productivity2020.calculate` for the same facts;
- the applicant fills the application form with those facts (dated inside the programme period,
  2015-06-17 .. 2016-07-02), saves the draft, attaches the documents of p.11 and submits (p.1);
- KIDI confirms completeness (p.3, 3 working days), decides to reimburse (p.5, 7 working days) the
  amount of the calculator and sends the notice with two signed copies of the agreement (p.6,
  2 working days);
- the applicant returns a signed copy with the consent to statistics (p.8, p.9(4));
- KIDI records the payment on the agreement page (p.10, 5 working days from signing): the ledger
  holds the payment and the balance is the amount; then terminates on breach with the return of
  the funds (p.9(3)): the ledger holds a return equal to the payment and the balance is zero.

The case state is checked on the case page after every step, and the deadline badge (date,
working days, citation) wherever the state carries a term.

Needs Debian's Chromium at /usr/bin/chromium (Playwright's own browser downloads are not used).
Without it the test is skipped, except under CI (the CI environment variable set), where it fails.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect, sync_playwright

from techpolicy.accounts.roles import APPLICANT
from techpolicy.casework import law_context
from techpolicy.law.acts.act004_productivity2020 import calculator as productivity2020
from techpolicy.law.citation import Citation
from techpolicy.services.productivity import demo
from techpolicy.site.amounts import tenge
from tests import factories
from tests.e2e.browser import expect_state, login, logout, make_pdf, messages, open_page

pytestmark = pytest.mark.browser


ORGANISATION = "«Балқаш Металл Өңдеу» ЖШС"
BIN = "150940055555"
APPLICANT_USERNAME = "balqash"
APPLICANT_PASSWORD = factories.PASSWORD
OPERATOR = "kidi"  # demo.people(): the programme operator's employee, password DEMO_PASSWORD

SIGNED_ON = "2015-10-05"  # the applicant signs the agreement (inside the programme period)
PAID_ON = "2015-10-09"
RETURNED_ON = "2016-04-15"
AGREEMENT_NUMBER = "P20-A-2015-0101"
BREACH = ("Оқыту өткізілмеді: орындаушының қызмет көрсету актісі шындыққа сәйкес келмейді "
          "(келісімнің бұзу туралы талабы, 5.4-бөлім, 9-тармақтың 3) тармақшасы).")


# --- helpers --------------------------------------------------------------------------------


def expect_success(page: Page) -> None:
    """The action just taken was done: the page's first message is not an error."""
    first = page.locator("ul.messages li").first
    expect(first).to_be_visible()
    assert "error" not in (first.get_attribute("class") or ""), messages(page)


def submit_action(page: Page, action: str, reason: str = "", **fields: str | bool) -> None:
    """Fill the form of an action button (text and date inputs filled, checkboxes ticked) and click it."""
    form = page.locator("form", has=page.locator(f'[data-action="{action}"]'))
    for name, value in fields.items():
        field = form.locator(f'[name="{name}"]')
        if value is True:
            field.check()
        else:
            field.fill(str(value))
    if reason:
        form.locator('[name="reason"]').fill(reason)
    understood = form.locator('[name="confirm"]')
    if understood.count():  # an irreversible action asks "I understand" before it is taken
        understood.check()
    form.locator(f'[data-action="{action}"]').click()


def fire(page: Page, action: str, state: str, reason: str = "", **fields: str | bool) -> None:
    """Click an action button of the case page (filling its form first) and expect `state`."""
    submit_action(page, action, reason, **fields)
    expect_state(page, state)


def expect_term(page: Page, due: dt.date, days: int, citation: str, words: str) -> None:
    """The deadline badge: the due date, the term in working days and the paragraph that sets it, in
    the page's language (Kazakh), never the internal reference."""
    badge = page.get_by_test_id("deadline")
    expect(badge).to_contain_text(due.isoformat())
    expect(badge).to_contain_text(words % {"n": days})
    expect(badge).to_contain_text(Citation.parse(citation).text("kk"))
    expect(badge).not_to_contain_text(citation)
    expect(badge).to_have_attribute("title", re.compile(r"5\.4"))


def in_kazakh(amount: str) -> str:
    """An amount as a Kazakh page writes it (1 200 000,00 ₸)."""
    with translation.override("kk"):
        return tenge(amount)


def expect_no_term(page: Page) -> None:
    expect(page.get_by_test_id("deadline")).to_have_count(0)


def fill_cost(page: Page, row: int, cost: dict) -> None:
    """One row of a cost formset (calculator or application) from a cost of the facts."""
    prefix = f"c-{row}-"
    page.locator(f'select[name="{prefix}kind"]').select_option(cost["kind"])
    page.locator(f'input[name="{prefix}amount_kzt"]').fill(cost["amount_kzt"])
    page.locator(f'input[name="{prefix}incurred_on"]').fill(cost["incurred_on"])
    page.locator(f'input[name="{prefix}employees"]').fill(", ".join(cost.get("employees", [])))
    if "training_kind" in cost:
        page.locator(f'select[name="{prefix}training_kind"]').select_option(cost["training_kind"])
    # The form's default (a single standard room), as in the facts, which leave it to the default.
    page.locator(f'input[name="{prefix}room_single_standard"]').check()


def fill_applicant(page: Page, facts: dict) -> None:
    page.locator('input[name="b-application_date"]').fill(facts["application_date"])
    page.locator('select[name="b-instrument"]').select_option(facts["instrument"])
    applicant = facts["applicant"]
    page.locator('input[name="a-oked_codes"]').fill(", ".join(applicant["oked_codes"]))
    page.locator('input[name="a-activity_since"]').fill(applicant["activity_since"])


# --- the journey ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_productivity_3a_direct_from_calculator_to_payment_and_clawback(live_server, chromium, tmp_path):
    # a. The operator, the applicant organisation and its user, through the ORM. The calculator
    # needs no reference data from the database: the Annex of priority sectors, the parameters
    # and the working calendar are the law layer's own.
    demo.people()
    organisation = factories.make_organisation(name=ORGANISATION, bin=BIN, city="Балқаш")
    factories.make_user(APPLICANT_USERNAME, organisation=organisation, roles=[APPLICANT],
                        password=APPLICANT_PASSWORD, first_name="Ерлан", last_name="Тоқтаров",
                        email="info@balqash-metal.example.kz", language="kk")
    facts = demo.training_facts(ORGANISATION, BIN)  # 3a, direct, 2015-09-15: a fee and a per diem
    # The calculator asks for no executors (a cost there has no executor field), so it is given the
    # same costs without them (an executor only pairs travel with a training; there is no travel here).
    calculator_facts = {key: value for key, value in facts.items() if key != "executors"}
    calculator_facts["costs"] = [{k: v for k, v in cost.items() if k != "executor"} for cost in facts["costs"]]
    expected = productivity2020.calculate(calculator_facts)
    assert expected.calculated and expected.amount > 0
    assert productivity2020.calculate(facts).amount == expected.amount  # the application's facts

    today = law_context.today()
    calendar = law_context.calendar()
    terms = {  # state: (due, working days, citation), the parameters of 004.yaml (section 5.4)
        "submitted": (calendar.add(today, 3), 3, "004 s.5.4 p.3"),
        "compliance_review": (calendar.add(today, 7), 7, "004 s.5.4 p.5"),
        "approved": (calendar.add(today, 2), 2, "004 s.5.4 p.6"),
        # p.10: five working days from the signing date the applicant gives, long past: overdue.
        "payment_due": (calendar.add(dt.date.fromisoformat(SIGNED_ON), 5), 5, "004 s.5.4 p.10"),
    }
    with translation.override("kk"):
        words = translation.gettext("%(n)s working days")
    pdfs = {kind: make_pdf(tmp_path / f"{kind}.pdf", kind) for kind in (*demo.DOCUMENTS, "signed_agreement")}
    # No ORM calls below while the browser runs: Playwright's sync API keeps an event loop on
    # this thread, and Django refuses database access from a thread with a running loop.

    base = live_server.url
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, chromium)
        try:
            journey(page, base, (calculator_facts, facts), str(expected.amount), terms, words, pdfs)
            page.screenshot(path=str(tmp_path / "terminated.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()


def journey(page: Page, base: str, both_facts: tuple[dict, dict], amount: str, terms: dict, words: str,
            pdfs: dict) -> None:
    calculator_facts, facts = both_facts
    # b. Anyone: the calculator, a line per cost, exclusion, share and cap with its citation.
    page.goto(f"{base}/kk/productivity/calculator/")
    fill_applicant(page, calculator_facts)
    for row, cost in enumerate(calculator_facts["costs"]):  # the calculator offers two cost rows
        fill_cost(page, row, cost)
    page.get_by_test_id("calculate").click()
    calculation = page.get_by_test_id("calculation")
    expect(calculation.get_by_test_id("amount")).to_have_attribute("data-value", amount)
    kazakh_amount = re.compile(r"^\d{1,3}(\s\d{3})*,\d\d\s₸$")  # 1 234,56 ₸
    expect(calculation.get_by_test_id("amount")).to_have_text(kazakh_amount)
    for kind in ("cost", "exclusion", "share", "cap"):
        expect(calculation.locator(f'tr[data-kind="{kind}"]').first).to_be_visible()
    for line in calculation.locator("tr[data-kind]").all():  # every line cites the programme's section 5.3
        expect(line.locator("td").last).to_contain_text("5.3-бөлім")
    per_diem = calculation.locator('tr[data-kind="exclusion"][data-rule="kind.per_diem"]')
    expect(per_diem).to_have_count(1)
    expect(per_diem.locator("td").first).to_have_text("c2")
    expect(per_diem.locator("td").nth(3)).to_have_text(re.compile(r"^0,00\s₸$"))  # nothing of it is left
    expect(per_diem.locator("td").last).to_have_text(
        re.compile(r"Өнімділік 2020.*5\.3-бөлім, 3-құрал"))
    expect(per_diem.locator("td").last).not_to_contain_text("instrument")  # the citation in Kazakh only
    cap = calculation.locator('tr[data-kind="cap"]')
    expect(cap).to_have_count(3)  # the cap per employee, for each of the three trained
    expect(calculation.locator('tr[data-kind="cost"]')).to_have_count(2)

    # c. The applicant: the application form with the same facts, saved as a draft, submitted.
    login(page, base, APPLICANT_USERNAME, APPLICANT_PASSWORD)
    page.goto(f"{base}/kk/productivity/apply/")
    expect(page.locator('input[name="a-name"]')).to_have_value(ORGANISATION)
    expect(page.locator('input[name="a-bin"]')).to_have_value(BIN)
    fill_applicant(page, facts)
    page.locator('select[name="ch-channel"]').select_option(facts["channel"])
    executor = facts["executors"][0]
    page.locator('input[name="e-0-id"]').fill(executor["id"])
    page.locator('input[name="e-0-name"]').fill(executor["name"])
    page.locator('select[name="e-0-service"]').select_option(executor["service"])
    page.locator('input[name="e-0-experience_years"]').fill(executor["experience_years"])
    page.locator('input[name="e-0-past_projects"]').fill(str(executor["past_projects"]))
    fill_cost(page, 0, facts["costs"][0])
    page.locator('button[name="add_cost"]').click()  # the page comes back with a second row
    expect(page.locator('select[name="c-1-kind"]')).to_be_visible()
    expect(page.locator('input[name="c-0-amount_kzt"]')).to_have_value(re.compile(r"^3000000(\.00)?$"))
    fill_cost(page, 1, facts["costs"][1])
    # A cost chooses its executor among those the page lists (issue 10, item 2): the page that came
    # back after "add a cost" offers the executor typed above.
    for row, cost in enumerate(facts["costs"]):
        if "executor" in cost:
            page.locator(f'select[name="c-{row}-executor"]').select_option(cost["executor"])
    page.get_by_test_id("save-application").click()
    try:
        expect(page).to_have_url(re.compile(r"/kk/cases/P20-\d{4}-\d{5}/$"))
    except AssertionError as exc:
        errors = page.locator(".errorlist, [data-testid=fact-errors]").all_inner_texts()
        raise AssertionError(f"the draft was not saved: {errors}") from exc
    expect_state(page, "draft")
    expect_no_term(page)
    case_url = page.url

    upload = page.locator("form", has=page.locator('input[type="file"][name="file"]'))
    for kind in demo.DOCUMENTS:  # the documents of p.11 the operator checks for completeness
        upload.locator('select[name="kind"]').select_option(kind)
        upload.locator('input[name="file"]').set_input_files(str(pdfs[kind]))
        upload.locator('button[type="submit"]').click()
        expect(page.locator("[data-testid=documents] td", has_text=pdfs[kind].name)).to_have_count(1)
    fire(page, "submit", "submitted")
    expect_term(page, *terms["submitted"], words)
    logout(page)

    # d. KIDI: completeness (p.3), the positive decision (p.5), the notice with the agreement (p.6).
    login(page, base, OPERATOR)
    page.goto(case_url)
    expect_state(page, "submitted")
    expect_term(page, *terms["submitted"], words)
    fire(page, "confirm_complete", "compliance_review")
    expect_term(page, *terms["compliance_review"], words)
    fire(page, "approve", "approved")
    expect_term(page, *terms["approved"], words)
    # The case page links the agreement page once there is a decision on the amount.
    link = page.locator('a.button[href$="/aftercare/"]')
    expect(link).to_have_count(1)
    aftercare_url = base + link.get_attribute("href")
    assert aftercare_url == case_url.replace("/kk/cases/", "/kk/productivity/cases/") + "aftercare/"
    page.goto(aftercare_url)
    agreement = page.get_by_test_id("agreement")
    expect(agreement).to_have_attribute("data-status", "decided")
    expect(agreement.get_by_test_id("accepted")).to_have_attribute("data-value", amount)  # the calculator's amount
    page.goto(case_url)
    fire(page, "send_agreement", "agreement_sent", number=AGREEMENT_NUMBER)
    expect_no_term(page)  # the applicant's signature has no term in the seed
    logout(page)

    # The applicant returns a signed copy with the consent to statistics (p.8, p.9(4)).
    login(page, base, APPLICANT_USERNAME, APPLICANT_PASSWORD)
    page.goto(case_url)
    expect_state(page, "agreement_sent")
    upload.locator('select[name="kind"]').select_option("signed_agreement")
    upload.locator('input[name="file"]').set_input_files(str(pdfs["signed_agreement"]))
    upload.locator('button[type="submit"]').click()
    expect(page.locator("[data-testid=documents] td", has_text=pdfs["signed_agreement"].name)).to_have_count(1)
    fire(page, "return_signed", "payment_due", signed_on=SIGNED_ON, statistics_consent=True)
    expect_term(page, *terms["payment_due"], words)
    expect(page.get_by_test_id("deadline")).to_have_class(re.compile(r"\boverdue\b"))
    logout(page)

    # KIDI records the payment on the agreement page (p.10): the ledger, the balance the amount.
    login(page, base, OPERATOR)
    page.goto(aftercare_url)
    expect(agreement).to_have_attribute("data-status", "active")
    expect(agreement).to_contain_text(AGREEMENT_NUMBER)
    expect(agreement).to_contain_text(SIGNED_ON)
    submit_action(page, "pay", paid_on=PAID_ON, reference="PO-2015-10-1011")
    expect_success(page)
    ledger = page.get_by_test_id("ledger")
    payment = ledger.locator('tr[data-kind="payment"]')
    expect(payment).to_have_count(1)
    expect(payment.locator("td").nth(0)).to_have_text(PAID_ON)
    expect(payment.locator("td").nth(2)).to_have_text(in_kazakh(amount))
    expect(ledger.locator('tr[data-kind="clawback"]')).to_have_count(0)
    expect(ledger.get_by_test_id("balance")).to_have_attribute("data-value", amount)
    page.goto(case_url)
    expect_state(page, "paid")
    expect_no_term(page)

    # Breach: KIDI terminates the agreement and records the return of the funds (p.9(3)).
    page.goto(aftercare_url)
    submit_action(page, "terminate", BREACH, returned_on=RETURNED_ON, reference="RET-2016-04-0011")
    expect_success(page)
    expect(agreement).to_have_attribute("data-status", "terminated")
    expect(agreement).to_contain_text(RETURNED_ON)
    clawback = ledger.locator('tr[data-kind="clawback"]')
    expect(clawback).to_have_count(1)
    expect(clawback.locator("td").nth(0)).to_have_text(RETURNED_ON)
    expect(clawback.locator("td").nth(2)).to_have_text(f"−{in_kazakh(amount)}")  # the whole payment returned
    expect(ledger.locator('tr[data-kind="payment"] td').nth(2)).to_have_text(in_kazakh(amount))
    expect(ledger.get_by_test_id("balance")).to_have_attribute("data-value", "0.00")
    expect(page.locator("form [data-action]")).to_have_count(0)  # nothing more to pay or return
    page.goto(case_url)
    expect_state(page, "terminated")
    expect_no_term(page)
    expect(page.locator("[data-action]")).to_have_count(0)  # a final state
    page.goto(aftercare_url)  # the screenshot shows the agreement and its ledger
