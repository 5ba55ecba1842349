"""Instrument 7, a territorial cluster's strategy and road map (seed 004, section 5.4, mechanism of
instrument 7, paragraphs 1-9): completeness in 2 working days, notice of gaps within 1, expertise
in 3, decision in 3, notice in 2 and payment within 5 of the decision, on the authorised body's
decision recognising the winner of stage 1 of the cluster competition."""

import datetime as dt
from decimal import Decimal

import pytest

from techpolicy.casework import law_context
from techpolicy.casework.engine import fire
from techpolicy.casework.models import Decision, Remark, Transition
from techpolicy.services.productivity.models import PaymentLedgerEntry, ReimbursementAgreement
from tests import factories
from tests.productivity.helpers import MID, PAID, cluster, drive, logged, refused

pytestmark = pytest.mark.django_db

TO_DECISION = (("submit", {}), ("confirm_complete", {}), ("complete_expertise", {}))


@pytest.fixture
def draft(owner):
    return factories.make_productivity_case(owner, cluster(owner, "7"))


def add_wd(days: int, day=None) -> dt.date:
    return law_context.calendar().add(day or law_context.today(), days)


def test_p2_p5_p6_terms_of_the_completeness_check_expertise_and_decision(draft, owner, operator):
    assert draft.workflow == "productivity.cluster_strategy"
    case = fire(draft, "submit", owner)
    assert (case.due_on, case.due_rule["citation"]) == (add_wd(2), "004 s.5.4 p.2 [mechanism of instrument 7]")
    case = fire(case, "confirm_complete", operator)
    assert (case.state, case.due_on, case.due_rule["citation"]) == (
        "expertise",
        add_wd(3),
        "004 s.5.4 p.5 [mechanism of instrument 7]",
    )
    case = fire(case, "complete_expertise", operator)
    assert (case.state, case.due_on, case.due_rule["citation"]) == (
        "decision",
        add_wd(3),
        "004 s.5.4 p.6 [mechanism of instrument 7]",
    )


def test_p3_p4_gaps_are_notified_within_one_working_day_and_corrected(draft, owner, operator):
    case = fire(draft, "submit", owner)
    case = fire(case, "find_gaps", operator, reason="The road map copy is missing (p. 1(1)).")
    assert (case.state, case.due_on, case.due_rule["parameter"]) == ("incomplete", add_wd(1), "p2020.i7.gap_notice_wd")
    case = fire(case, "notify_gaps", operator)
    assert case.state == "gaps"
    case = fire(case, "resubmit", owner, payload={"answer": "Road map attached."})
    assert (case.state, case.due_rule["parameter"]) == ("resubmitted", "p2020.i7.completeness_wd")
    assert Remark.objects.get(case=case).answer == "Road map attached."


def test_p9_reimbursement_needs_the_authorised_bodys_winner_decision(draft, owner, operator):
    case = drive(draft, TO_DECISION, owner, operator)
    assert "authorised body" in refused(
        case, "approve", operator, payload={"mid_decision_number": "", "mid_decision_date": ""}
    )
    future = (law_context.today() + dt.timedelta(days=5)).isoformat()
    assert "future" in refused(case, "approve", operator, payload={**MID, "mid_decision_date": future})


def test_s5_1_4_only_a_winner_of_stage_1_is_reimbursed(owner, operator):
    facts = cluster(owner, "7")
    facts["applicant"]["cluster_stage1_winner"] = False
    case = factories.make_productivity_case(owner, facts)
    assert "section 5.1" in refused(case, "submit", owner)


def test_p7_p9_decision_notice_and_payment_within_five_working_days_of_the_decision(draft, owner, operator):
    case = fire(drive(draft, TO_DECISION, owner, operator), "approve", operator, payload=MID)
    assert case.state == "approved"
    reimbursement = ReimbursementAgreement.objects.get(case=case)
    # 50 % of 40 000 000 = 20 000 000, capped at 15 000 000 per cluster (5.3, instrument 7).
    assert (reimbursement.amount, reimbursement.form, reimbursement.status) == (
        Decimal("15000000.00"),
        "decision",
        "active",
    )
    assert Decision.objects.get(case=case).basis == [
        "004 s.5.4 p.9 [mechanism of instrument 7]",
        "MID decision MID-17 of 2015-08-20",
    ]
    assert case.due_rule["citation"] == "004 s.5.4 p.7 [mechanism of instrument 7]"
    decided = Transition.objects.get(case=case, action="approve").on_date
    case = fire(case, "send_notice", operator)
    assert case.state == "notified"
    assert (case.due_on, case.due_rule["anchor"]) == (add_wd(5, decided), "approved")  # from the decision
    case = fire(case, "pay", operator, payload=PAID)
    assert case.state == "paid"
    assert PaymentLedgerEntry.objects.get(agreement=reimbursement).amount == Decimal("15000000.00")


def test_p8_refusal_is_notified_and_final(draft, owner, operator):
    case = drive(draft, TO_DECISION, owner, operator)
    case = fire(case, "refuse", operator, reason="The strategy does not cover the road map (p. 1(1)).")
    assert (case.state, case.due_rule["citation"]) == ("refusal_decided", "004 s.5.4 p.8 [mechanism of instrument 7]")
    case = fire(case, "send_refusal", operator)
    assert case.state == "refused"
    assert logged(case)[-2:] == ["refuse", "send_refusal"]
    assert not ReimbursementAgreement.objects.filter(case=case).exists()
