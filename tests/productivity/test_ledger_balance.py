"""What the applicant holds is computed from the ledger, never stored (seed 004, section 5.4,
mechanism of instruments 2-5, p.9(3), p.10): payments less returns; a reimbursement is paid once."""

from decimal import Decimal

import pytest
from django.utils import translation

from techpolicy.services.productivity import ledger
from techpolicy.services.productivity.models import PaymentLedgerEntry, ReimbursementAgreement
from tests import factories
from tests.productivity.helpers import DIRECT_PATH, RETURNED, drive, path_to, training

pytestmark = pytest.mark.django_db

BALANCES = [
    # state reached            paid           returned       balance
    ("payment_due",            "0",           "0",           "0"),
    ("paid",                   "1200000.00",  "0",           "1200000.00"),
    ("terminated",             "1200000.00",  "1200000.00",  "0"),
]


@pytest.mark.parametrize(("state", "paid", "returned", "balance"), BALANCES)
def test_balance_is_payments_less_returns(owner, operator, state, paid, returned, balance):
    steps = DIRECT_PATH if state != "payment_due" else path_to("payment_due")
    if state == "terminated":
        steps = (*steps, ("terminate", RETURNED))
    case = drive(factories.make_productivity_case(owner, training(owner)), steps, owner, operator)
    agreement = ReimbursementAgreement.objects.get(case=case)
    assert (agreement.paid, agreement.returned, agreement.balance) == (
        Decimal(paid), Decimal(returned), Decimal(balance))


def test_a_reimbursement_is_paid_only_once(owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)
    agreement = ReimbursementAgreement.objects.get(case=case)
    with translation.override("en"):
        ok, why = ledger.can_pay(agreement)
    assert not ok and "already been paid" in why
    with pytest.raises(ledger.LedgerError):
        ledger.pay(agreement, agreement.signed_on, "PO-2", operator)
    assert PaymentLedgerEntry.objects.filter(agreement=agreement).count() == 1


def test_an_agreement_not_yet_signed_is_not_paid(owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("agreement_sent"), owner,
                 operator)
    with translation.override("en"):
        ok, why = ledger.can_pay(ReimbursementAgreement.objects.get(case=case))
    assert not ok and "in force" in why
