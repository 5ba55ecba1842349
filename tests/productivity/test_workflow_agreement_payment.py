"""The reimbursement agreement, payment and return of funds (seed 004, section 5.4, mechanism of
instruments 2-5): the notice with two signed copies (p.6), the applicant's signed copy with the
consent to statistics (p.8, p.9(4)), payment within 5 working days of signing (p.10), termination
on breach with the return of the money paid (p.9(3)), closing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from techpolicy.casework import law_context
from techpolicy.casework.engine import fire
from techpolicy.services.productivity.models import PaymentLedgerEntry, ReimbursementAgreement
from tests import factories
from tests.productivity.helpers import PAID, RETURNED, SIGNED, drive, path_to, refused, training

pytestmark = pytest.mark.django_db


def at(state, owner, operator):
    return drive(factories.make_productivity_case(owner, training(owner)), path_to(state), owner, operator)


def agreement(case) -> ReimbursementAgreement:
    return ReimbursementAgreement.objects.get(case=case)


def test_p6_the_notice_carries_the_agreement_number(owner, operator):
    case = at("approved", owner, operator)
    assert "number" in refused(case, "send_agreement", operator, payload={"number": " "})
    case = fire(case, "send_agreement", operator, payload={"number": "P20-A-7"})
    assert case.state == "agreement_sent"
    assert (agreement(case).number, agreement(case).status) == ("P20-A-7", "awaiting_signature")
    assert agreement(case).sent_on == law_context.today()


def test_p8_p9_4_signing_records_the_date_and_the_consent_to_statistics(owner, operator):
    case = fire(at("agreement_sent", owner, operator), "return_signed", owner, payload=SIGNED)
    assert case.state == "payment_due"
    signed = agreement(case)
    assert (signed.status, signed.signed_on, signed.statistics_consent) == ("active", dt.date(2015, 10, 5), True)
    assert signed.statistics_period() == (dt.date(2013, 10, 5), dt.date(2017, 10, 5))  # 2 years each way


def test_p9_4_the_agreement_is_not_signed_without_the_consent(owner, operator):
    case = at("agreement_sent", owner, operator)
    reason = refused(case, "return_signed", owner, payload={"signed_on": "2015-10-05", "statistics_consent": ""})
    assert "9(4)" in reason
    assert agreement(case).status == "awaiting_signature"


@pytest.mark.parametrize(("signed_on", "why"), [
    ("", "Give the date"),
    ("05.10.2015", "Give the date"),
    ("2015-09-01", "cannot be before 2015-09-15"),  # before the application date
    ((timezone.localdate() + dt.timedelta(days=3)).isoformat(), "cannot be in the future"),
])
def test_p8_signing_date_must_be_a_real_past_date_after_the_application(owner, operator, signed_on, why):
    case = at("agreement_sent", owner, operator)
    assert why in refused(case, "return_signed", owner, payload={"signed_on": signed_on, "statistics_consent": "on"})


def test_p10_payment_is_due_five_working_days_after_signing(owner, operator):
    case = fire(at("agreement_sent", owner, operator), "return_signed", owner, payload=SIGNED)
    signed = dt.date(2015, 10, 5)
    assert case.due_on == law_context.calendar().add(signed, 5) == dt.date(2015, 10, 12)
    assert (case.due_rule["citation"], case.due_rule["from"], case.due_rule["days"]) == (
        "004 s.5.4 p.10 [mechanism of instruments 2-5]", "2015-10-05", 5)


def test_p10_payment_pays_the_amount_accepted_once(owner, operator):
    case = fire(at("payment_due", owner, operator), "pay", operator, payload=PAID)
    assert case.state == "paid"
    [entry] = PaymentLedgerEntry.objects.filter(agreement__case=case)
    assert (entry.kind, entry.amount, entry.on_date, entry.reference, entry.recorded_by) == (
        "payment", Decimal("1200000.00"), dt.date(2015, 10, 9), "PO-2015-10-0917", operator)
    assert agreement(case).balance == Decimal("1200000.00")


@pytest.mark.parametrize(("payload", "why"), [
    ({"paid_on": "2015-10-01", "reference": "PO-1"}, "cannot be before 2015-10-05"),  # before signing
    ({"paid_on": "2015-10-09", "reference": ""}, "payment order"),
    ({"paid_on": "yesterday", "reference": "PO-1"}, "Give the date"),
])
def test_p10_payment_needs_a_date_after_signing_and_a_payment_order(owner, operator, payload, why):
    case = at("payment_due", owner, operator)
    assert why in refused(case, "pay", operator, payload=payload)
    assert not PaymentLedgerEntry.objects.filter(agreement__case=case).exists()


def test_p9_3_breach_terminates_and_returns_the_money_paid(owner, operator):
    case = fire(at("paid", owner, operator), "terminate", operator, reason=RETURNED["reason"],
                payload={k: v for k, v in RETURNED.items() if k != "reason"})
    assert case.state == "terminated"
    terminated = agreement(case)
    assert (terminated.status, terminated.terminated_on) == ("terminated", dt.date(2016, 4, 15))
    assert terminated.termination_reason == RETURNED["reason"]
    clawback = PaymentLedgerEntry.objects.get(agreement=terminated, kind="clawback")
    assert clawback.amount == terminated.paid == Decimal("1200000.00")
    assert (terminated.returned, terminated.balance) == (Decimal("1200000.00"), Decimal("0"))


def test_p9_3_termination_needs_the_grounds_and_a_return_date_after_the_payment(owner, operator):
    case = at("paid", owner, operator)
    assert "reason" in refused(case, "terminate", operator, payload={"returned_on": "2016-04-15",
                                                                     "reference": "R-1"})
    assert "cannot be before 2015-10-09" in refused(case, "terminate", operator, reason="Breach.",
                                                    payload={"returned_on": "2015-10-01", "reference": "R-1"})
    assert agreement(case).status == "active"
    assert agreement(case).balance == Decimal("1200000.00")


def test_closing_a_paid_agreement(owner, operator):
    case = fire(at("paid", owner, operator), "close", operator)
    assert case.state == "closed"
    assert agreement(case).status == "closed"
    assert agreement(case).balance == Decimal("1200000.00")  # closing returns nothing
