"""The operator's entry forms on the fund ledger page (law 003 article 27(3)): the current account in
a resident second-tier bank and the transfer in full under its contract (003.a27.p3.a1), the
distribution among all seven grant types (003.a27.p3.a3). Every entry is decided by the law layer:
a refusal names the paragraph in the page's language, a fact it cannot read is named on its field;
the year-close form keeps working; hostile input never gives a 500; only the operator writes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from techpolicy.law.acts.act003_state_support.grant_types import GRANT_TYPE_IDS, GRANT_TYPES
from techpolicy.services.innovation_grants.models import LedgerEntry, LedgerRefusal
from techpolicy.services.innovation_grants.roles import GRANT_OPERATOR
from tests import factories

URL = "/kk/innovation-grants/ledger/"
ARTICLE_27_3_KK = "27-бап, 3-тармақ"


@pytest.fixture
def operator(db, today):
    return factories.make_user(roles=[GRANT_OPERATOR])


def account(**changes) -> dict:
    return {"action": "account_opened", "account-bank": "Halyk Bank", "account-bank_resident": "on",
            "account-second_tier_bank": "on", "account-contract_no": "D-7", "account-contract_date": "2026-01-10",
            **changes}


def transfer(year: int, amount: str, allocated: str | None = None, **changes) -> dict:
    return {"action": "transfer_in", "transfer-financial_year": str(year), "transfer-amount": amount,
            "transfer-allocated": allocated or amount, "transfer-contract_no": "D-7", **changes}


def allocation(year: int, shares: dict[str, str]) -> dict:
    return {"action": "allocation", "allocation-financial_year": str(year),
            **{f"allocation-share_{t}": shares.get(t, "0") for t in GRANT_TYPE_IDS}}


def test_003_a27_p3_a1_the_account_is_in_a_resident_second_tier_bank_and_only_one(operator, client):
    client.force_login(operator)
    # Not a resident bank: the law refuses, naming article 27(3), and keeps the refusal.
    page = client.post(URL, account(**{"account-bank_resident": ""})).content.decode()
    assert ARTICLE_27_3_KK in page and not LedgerEntry.objects.exists()
    assert LedgerRefusal.objects.get().rule == "fund.account_bank"
    answer = client.post(URL, account())
    assert answer.status_code == 302
    entry = LedgerEntry.objects.get()
    assert entry.kind == "account_opened" and entry.data["bank"] == "Halyk Bank" and entry.entered_by == operator
    page = client.get(URL).content.decode()
    assert 'data-testid="ledger-account"' in page and "D-7" in page and "ledger-account-form" not in page
    # A second account, posted all the same: refused server-side with the paragraph.
    page = client.post(URL, account(**{"account-contract_no": "D-8"})).content.decode()
    assert ARTICLE_27_3_KK in page and LedgerEntry.objects.count() == 1


def test_003_a27_p3_a1_money_is_transferred_in_full_under_the_accounts_contract(operator, client, today):
    client.force_login(operator)
    year = today.day.year
    # No account yet: refused by the law.
    client.post(URL, transfer(year, "1000.00"))
    assert not LedgerEntry.objects.exists() and LedgerRefusal.objects.get().rule == "fund.no_account"
    client.post(URL, account())
    page = client.post(URL, transfer(year, "900.00", "1000.00")).content.decode()
    assert ARTICLE_27_3_KK in page and not LedgerEntry.objects.filter(kind="transfer_in").exists()
    page = client.post(URL, transfer(year, "1000.00", **{"transfer-contract_no": "OTHER"})).content.decode()
    assert ARTICLE_27_3_KK in page and not LedgerEntry.objects.filter(kind="transfer_in").exists()
    assert client.post(URL, transfer(year, "1000.50")).status_code == 302
    entry = LedgerEntry.objects.get(kind="transfer_in")
    assert entry.amount == Decimal("1000.50") and entry.financial_year == year


def test_003_a27_p3_a3_the_year_is_distributed_among_all_seven_types(operator, client, today):
    client.force_login(operator)
    year = today.day.year
    client.post(URL, account())
    client.post(URL, transfer(year, "700.00"))
    page = client.get("/ru/innovation-grants/ledger/").content.decode()
    for grant_type in GRANT_TYPES:  # 003.a27.p2: the seven types, labelled in the page's language
        assert grant_type.name["ru"] in page
    # The shares must add up to the year's money (700): the law refuses 600, naming the paragraph.
    page = client.post(URL, allocation(year, {"industrial_research": "600"})).content.decode()
    assert ARTICLE_27_3_KK in page and not LedgerEntry.objects.filter(kind="allocation").exists()
    assert LedgerRefusal.objects.filter(rule="fund.allocation_sum").count() == 1
    shares = {t: "100.00" for t in GRANT_TYPE_IDS}
    assert client.post(URL, allocation(year, shares)).status_code == 302
    entry = LedgerEntry.objects.get(kind="allocation")
    assert entry.data["shares"] == shares and entry.financial_year == year


def test_003_a27_p3_a1_a_fact_the_law_cannot_read_is_named_on_its_field(operator, client):
    client.force_login(operator)
    # A contract dated before the law could exist, or after its possible life: the law layer's
    # objections, in Kazakh, on the field that holds the fact (the form itself accepts any date).
    answer = client.post(URL, account(**{"account-contract_date": "1990-01-01"}))
    form = answer.context["forms"]["account_opened"]
    assert answer.status_code == 200 and form.errors["contract_date"] == ["Кемінде 2009-01-01 мәнін енгізіңіз."]
    answer = client.post(URL, account(**{"account-contract_date": "2150-01-01"}))
    assert list(answer.context["forms"]["account_opened"].errors) == ["contract_date"]
    assert not LedgerEntry.objects.exists() and not LedgerRefusal.objects.exists()


@pytest.mark.parametrize("fields", [
    {"transfer-amount": "12.345"},  # three decimals
    {"transfer-amount": "1" * 10_000},  # 10k characters
    {"transfer-amount": "1,5e3"},
    {"transfer-amount": "NaN"},
    {"transfer-amount": "-5"},
    {"transfer-amount": "1e999999999"},
    {"transfer-financial_year": "x" * 10_000},
    {"transfer-financial_year": "1800"},
    {"transfer-contract_no": "D" * 10_000},
])
def test_003_a27_p3_a1_hostile_transfer_input_is_refused_without_a_500(operator, client, today, fields):
    client.force_login(operator)
    client.post(URL, account())
    answer = client.post(URL, transfer(today.day.year, "1000.00", "1000.00") | fields)
    assert answer.status_code == 200 and answer.context["forms"]["transfer_in"].errors
    assert not LedgerEntry.objects.filter(kind="transfer_in").exists()


def test_003_a27_p3_a3_hostile_allocation_and_unknown_actions_give_no_500(operator, client, today):
    client.force_login(operator)
    answer = client.post(URL, allocation(today.day.year, {"new_production": "9" * 10_000}) | {"allocation-bogus": "1"})
    assert answer.status_code == 200 and answer.context["forms"]["allocation"].errors["share_new_production"]
    assert client.post(URL, {"action": "x" * 10_000}).status_code == 302
    # NUL bytes are answered by the site's input guard with its 400 page, before the view.
    assert client.post(URL, transfer(today.day.year, "10\x00") | {"transfer-contract_no": "D\x00"}).status_code == 400
    assert client.post(URL, {"action": "\x00"}).status_code == 400
    assert client.get(URL + "?page=abc").status_code == 200
    assert client.get(URL + "?page=99999999999999999999").status_code == 200
    assert not LedgerEntry.objects.exists()


def test_003_a27_p3_a2_the_year_close_form_still_works_with_its_action(operator, client, today):
    client.force_login(operator)
    year = today.day.year
    client.post(URL, account())
    client.post(URL, transfer(year, "700.00"))
    client.post(URL, allocation(year, {"industrial_research": "700"}))
    page = client.get(URL).content.decode()
    assert 'data-testid="ledger-close-year"' in page
    today.day = today.day.replace(month=12, day=31)
    client.post(URL, {"action": "year_close", "financial_year": str(year), "confirm": "on"})
    assert LedgerEntry.objects.filter(kind="year_close", financial_year=year).count() == 1


def test_003_a27_p3_only_the_operator_writes_the_ledger(operator, client, today):
    other = factories.make_applicant()
    client.force_login(other)
    assert client.post(URL, account()).status_code == 403
    assert client.get(URL).status_code == 403
    client.logout()
    assert client.post(URL, account()).status_code == 302  # to the login page
    assert not LedgerEntry.objects.exists() and not LedgerRefusal.objects.exists()
