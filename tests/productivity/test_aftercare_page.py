"""The agreement and aftercare page (seed 004, section 5.4): the agreement with its calculation,
the ledger and the balance; payment and return of funds by the operator through the workflow
(p.9(3), p.10); information requests and answers (p.9(2)); labour-productivity reports with the
verdict on the obligation to raise it 1.5 times (mechanism of instrument 1, p.7; section 4.2)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters, ParameterValue
from techpolicy.services.productivity.models import InformationRequest, ProductivityReport, ReimbursementAgreement
from tests import factories
from tests.productivity.helpers import DIRECT_PATH, PAID, RETURNED, drive, leasing, path_to, training

pytestmark = pytest.mark.django_db


def url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def paid(owner, operator):
    return drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)


def test_the_page_shows_the_agreement_ledger_and_balance(client, paid, owner):
    client.force_login(owner)
    page = client.get(url("productivity:aftercare", paid.number)).content.decode()
    assert 'data-testid="accepted" data-value="1200000.00">1,200,000.00\u00a0₸<' in page
    assert 'data-testid="balance" data-value="1200000.00">1,200,000.00\u00a0₸<' in page
    assert "PO-2015-10-0917" in page
    assert "2013-10-05" in page and "2017-10-05" in page  # the statistics period of p.9(4)
    assert "kind.per_diem" not in page and "Per diem is not reimbursed" in page  # the calculation, explained


def test_the_case_page_links_to_the_aftercare_page(client, paid, owner):
    client.force_login(owner)
    page = client.get(url("casework:detail", paid.number)).content.decode()
    assert url("productivity:aftercare", paid.number) in page


def test_p10_the_operator_pays_from_the_page(client, owner, operator, messages_of):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("payment_due"), owner, operator)
    client.force_login(operator)
    page = client.get(url("productivity:aftercare", case.number)).content.decode()
    assert 'data-action="pay"' in page
    response = client.post(url("productivity:act", case.number, "pay"), {"version": case.version, **PAID})
    assert messages_of(response) == ["Done: Record the payment."]
    case.refresh_from_db()
    assert case.state == "paid"
    assert ReimbursementAgreement.objects.get(case=case).balance == Decimal("1200000.00")


def test_p9_3_the_operator_records_the_return_of_funds_from_the_page(client, paid, operator):
    client.force_login(operator)
    client.post(url("productivity:act", paid.number, "terminate"),
                {"version": paid.version, "confirm": "on", **RETURNED})  # the clawback asks first (issue 10, item 5)
    paid.refresh_from_db()
    assert paid.state == "terminated"
    page = client.get(url("productivity:aftercare", paid.number)).content.decode()
    assert 'data-testid="balance" data-value="0.00">' in page
    assert 'data-kind="clawback"' in page


def test_p9_2_the_operator_requests_information_and_the_applicant_answers(client, paid, owner, operator,
                                                                          other_applicant):
    client.force_login(operator)
    client.post(url("productivity:request", paid.number), {"text": "How many welders now pass the test?"})
    item = InformationRequest.objects.get(agreement__case=paid)
    client.force_login(other_applicant)
    assert client.post(url("productivity:answer", paid.number, item.pk), {"answer": "x"}).status_code == 403
    client.force_login(owner)
    assert client.post(url("productivity:request", paid.number), {"text": "?"}).status_code == 403
    client.post(url("productivity:answer", paid.number, item.pk), {"answer": "All three."})
    item.refresh_from_db()
    assert (item.answer, item.answered_by) == ("All three.", owner)
    response = client.post(url("productivity:answer", paid.number, item.pk), {"answer": "Changed my mind."})
    item.refresh_from_db()
    assert item.answer == "All three."
    assert response.status_code == 302


def test_p9_2_no_request_before_an_agreement_is_in_force(client, owner, operator, messages_of):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("approved"), owner, operator)
    client.force_login(operator)
    response = client.post(url("productivity:request", case.number), {"text": "Progress?"})
    assert "agreement in force" in messages_of(response)[0]
    assert not InformationRequest.objects.exists()


OBLIGATION = [
    # before   after    met    (4.2: "at least 1.5 times"; exactly 1.5 meets it)
    ("100",    "150",   True),
    ("100",    "149.99", False),
    ("80.5",   "200",   True),
    ("100",    "0",     False),
]


@pytest.mark.parametrize(("before", "after", "met"), OBLIGATION)
def test_p7_productivity_reports_carry_the_obligation_verdict(client, owner, operator, before, after, met):
    case = factories.make_productivity_case(owner, leasing(owner))
    client.force_login(operator)
    client.post(url("productivity:report", case.number), {"period": "2017", "before": before, "after": after,
                                                         "unit": "m KZT per employee"})
    report = ProductivityReport.objects.get(case=case)
    assert report.obligation_met is met
    assert report.verdict["required"] == "1.5"


def test_p7_an_unset_multiple_leaves_the_obligation_undecided(client, owner, operator, monkeypatch):
    unset = Parameters.from_source().with_values([ParameterValue(
        "p2020.productivity_multiple", dt.date(2015, 6, 17), None, Citation("004", "2", section="4"))])
    monkeypatch.setattr(law_context, "parameters", lambda: unset)
    case = factories.make_productivity_case(owner, leasing(owner))
    client.force_login(operator)
    client.post(url("productivity:report", case.number), {"period": "2017", "before": "100", "after": "200"})
    assert ProductivityReport.objects.get(case=case).obligation_met is None


@pytest.mark.parametrize("before", ["0", "-1", "abc", ""])
def test_p7_a_malformed_report_is_refused_with_a_message(client, owner, operator, before, messages_of):
    case = factories.make_productivity_case(owner, leasing(owner))
    client.force_login(operator)
    response = client.post(url("productivity:report", case.number), {"period": "2017", "before": before,
                                                                      "after": "200"})
    assert response.status_code == 302
    assert messages_of(response)
    assert not ProductivityReport.objects.exists()


def test_p7_only_operators_record_reports(client, owner):
    case = factories.make_productivity_case(owner, leasing(owner))
    client.force_login(owner)
    response = client.post(url("productivity:report", case.number), {"period": "2017", "before": "1", "after": "2"})
    assert response.status_code == 403
