"""Instrument 8, implementing a territorial cluster's strategy (seed 004, section 5.4, mechanism of
instrument 8, paragraphs 1-8): expertise and decision in one step of 6 working days. The seed sets
no share and no cap for instrument 8 (5.3): nothing is paid until an administrator enters them."""

from decimal import Decimal

import pytest

from techpolicy.casework import law_context
from techpolicy.casework.engine import fire
from techpolicy.services.productivity.models import ReimbursementAgreement
from tests import factories
from tests.productivity.helpers import MID, PAID, cluster, drive, refused

pytestmark = pytest.mark.django_db

TO_EXPERTISE = (("submit", {}), ("confirm_complete", {}))


@pytest.fixture
def draft(owner):
    return factories.make_productivity_case(owner, cluster(owner, "8"))


def test_p5_expertise_and_decision_take_six_working_days(draft, owner, operator):
    assert draft.workflow == "productivity.cluster_implementation"
    case = drive(draft, TO_EXPERTISE, owner, operator)
    assert case.state == "expertise"
    assert case.due_on == law_context.calendar().add(law_context.today(), 6)
    assert case.due_rule["citation"] == "004 s.5.4 p.5 [mechanism of instrument 8]"


def test_s5_3_without_a_share_and_cap_the_decision_names_the_unset_values(draft, owner, operator):
    case = drive(draft, TO_EXPERTISE, owner, operator)
    reason = refused(case, "approve", operator, payload=MID)
    assert "p2020.i8.share" in reason and "p2020.i8.cap_kzt" in reason
    assert "not set by the source document" in reason
    assert not ReimbursementAgreement.objects.filter(case=case).exists()


def test_p6_p8_with_the_administrators_values_the_reimbursement_is_paid(draft, owner, operator, i8_parameters):
    case = fire(drive(draft, TO_EXPERTISE, owner, operator), "approve", operator, payload=MID)
    reimbursement = ReimbursementAgreement.objects.get(case=case)
    assert reimbursement.amount == Decimal("10000000.00")  # 50 % of 40 m, capped at the entered 10 m
    assert case.due_rule["citation"] == "004 s.5.4 p.6 [mechanism of instrument 8]"
    case = fire(fire(case, "send_notice", operator), "pay", operator, payload=PAID)
    assert case.state == "paid"
    assert reimbursement.balance == Decimal("10000000.00")


def test_s5_1_4_only_a_winner_of_stage_2_is_reimbursed(owner):
    facts = cluster(owner, "8")
    facts["applicant"]["cluster_stage2_winner"] = False
    assert "section 5.1" in refused(factories.make_productivity_case(owner, facts), "submit", owner)


def test_p7_refusal_is_notified_within_two_working_days(draft, owner, operator):
    case = fire(drive(draft, TO_EXPERTISE, owner, operator), "refuse", operator, reason="Not a stage 2 winner.")
    assert (case.due_on, case.due_rule["citation"]) == (law_context.calendar().add(law_context.today(), 2),
                                                        "004 s.5.4 p.7 [mechanism of instrument 8]")
