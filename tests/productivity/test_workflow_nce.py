"""Instruments 2-5 filed through the National Chamber of Entrepreneurs (seed 004, section 5.4,
mechanism of instruments 2-5, paragraphs 1, 2, 6, 7): the operator registers the application it
receives from the NCE and decides within 10 working days of registration; then the same notice,
agreement and payment as a direct application."""

import datetime as dt
from decimal import Decimal

import pytest

from techpolicy.casework import law_context
from techpolicy.casework.engine import fire
from techpolicy.services.productivity.models import ReimbursementAgreement
from tests import factories
from tests.productivity.helpers import PAID, SIGNED, drive, efficiency_nce, logged, refused

pytestmark = pytest.mark.django_db

REGISTERED = {"registered_on": "2015-12-14"}


@pytest.fixture
def draft(owner):
    return factories.make_productivity_case(owner, efficiency_nce(owner))


def test_p1_an_nce_application_follows_the_nce_procedure(draft, owner):
    assert draft.workflow == "productivity.nce"
    case = fire(draft, "submit", owner)
    assert case.state == "at_nce"
    assert case.due_rule is None  # the NCE's own handling has no term in the programme
    assert case.verdict["on"] == "2016-02-10"


@pytest.mark.parametrize(("registered_on", "decision_due"), [
    ("2015-12-14", "2015-12-30"),  # Independence Day, 16-17 December 2015, is not counted
    ("2016-02-16", "2016-03-01"),
])
def test_p2_decision_is_due_ten_working_days_after_registration(draft, owner, operator, registered_on,
                                                                decision_due):
    draft.facts["application_date"] = "2015-12-10" if registered_on < "2016" else "2016-02-10"
    draft.save(update_fields=["facts"])
    case = fire(fire(draft, "submit", owner), "register", operator, payload={"registered_on": registered_on})
    assert case.state == "nce_review"
    assert case.due_on == dt.date.fromisoformat(decision_due)
    assert case.due_on == law_context.calendar().add(dt.date.fromisoformat(registered_on), 10)
    assert (case.due_rule["citation"], case.due_rule["days"], case.due_rule["from"]) == (
        "004 s.5.4 p.2 [mechanism of instruments 2-5]", 10, registered_on)


def test_p2_registration_date_must_be_given_and_not_before_the_application(draft, owner, operator):
    case = fire(draft, "submit", owner)
    assert "registration date" in refused(case, "register", operator, payload={"registered_on": ""})
    assert "cannot be before 2016-02-10" in refused(case, "register", operator,
                                                    payload={"registered_on": "2016-01-10"})


def test_p2_p6_p10_positive_decision_agreement_and_payment(draft, owner, operator):
    steps = (("submit", {}), ("register", {"registered_on": "2016-02-16"}), ("approve", {}),
             ("send_agreement", {"number": "N-1"}), ("return_signed", {**SIGNED, "signed_on": "2016-03-01"}),
             ("pay", {**PAID, "paid_on": "2016-03-04"}))
    case = drive(draft, steps, owner, operator)
    assert case.state == "paid"
    agreement = ReimbursementAgreement.objects.get(case=case)
    assert agreement.amount == Decimal("3600000.00")  # 40 % of 9 000 000 (5.3, instrument 5, 1))
    assert agreement.balance == Decimal("3600000.00")
    assert logged(case)[-4:] == ["approve", "send_agreement", "return_signed", "pay"]


def test_p6_p7_refusal_then_resubmission_goes_back_through_the_nce(draft, owner, operator):
    case = drive(draft, (("submit", {}), ("register", REGISTERED | {"registered_on": "2016-02-16"})), owner,
                 operator)
    case = fire(fire(case, "refuse", operator, reason="The plan lacks the Lean section."), "send_refusal", operator)
    assert case.state == "refused"
    case = fire(case, "resubmit", owner, payload={"answer": "Plan completed."})
    assert case.state == "at_nce"
