"""The operator's decision on an application of instruments 2-5 (seed 004, section 5.4, mechanism
of instruments 2-5, paragraphs 5-7): the positive decision records the amount accepted with its
calculation (section 5.3); the negative one is reasoned, notified, and the applicant may correct
and resubmit."""

from decimal import Decimal

import pytest

from techpolicy.casework.engine import fire
from techpolicy.casework.models import Decision, Remark
from techpolicy.services.productivity.models import ReimbursementAgreement
from tests import factories
from tests.productivity.helpers import DIRECT_PATH, drive, logged, path_to, refused, training

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(owner, operator):
    case = factories.make_productivity_case(owner, training(owner))
    return drive(case, path_to("compliance_review"), owner, operator)


def test_p5_positive_decision_records_the_amount_and_its_calculation(in_review, operator):
    case = fire(in_review, "approve", operator)
    assert case.state == "approved"
    agreement = ReimbursementAgreement.objects.get(case=case)
    # 3 000 000 KZT fee for three employees: 40 % = 1 200 000; the per diem is excluded (5.3, instrument 3).
    assert agreement.amount == Decimal("1200000.00")
    assert (agreement.status, agreement.form, agreement.instrument, agreement.programme_year) == (
        "decided", "agreement", "3a", 2015)
    assert agreement.calculation["status"] == "calculated"
    assert "kind.per_diem" in {line["rule"] for line in agreement.calculation["lines"]}
    decision = Decision.objects.get(case=case)
    assert (decision.kind, decision.outcome) == ("reimbursement", "approved")
    assert decision.basis == ["004 s.5.4 p.5 [mechanism of instruments 2-5]"]
    assert decision.verdict["outcome"] == "eligible"


def test_p5_positive_decision_refused_when_the_costs_leave_nothing_to_reimburse(owner, operator):
    facts = training(owner)
    facts["costs"] = [facts["costs"][1]]  # only the per diem, which is not reimbursed
    case = drive(factories.make_productivity_case(owner, facts), path_to("compliance_review"), owner, operator)
    assert "no amount to reimburse" in refused(case, "approve", operator)
    assert not ReimbursementAgreement.objects.filter(case=case).exists()


def test_p5_positive_decision_refused_when_the_facts_changed_and_fail_the_criteria(in_review, operator):
    in_review.facts["executors"][0]["experience_years"] = "1"  # 5.2: at least 3 years
    in_review.save(update_fields=["facts"])
    reason = refused(in_review, "approve", operator)
    assert "section 5.2" in reason
    in_review.refresh_from_db()
    assert in_review.state == "compliance_review"


def test_p6_negative_decision_is_reasoned_notified_and_open_to_correction(in_review, owner, operator):
    assert "reason" in refused(in_review, "refuse", operator)
    case = fire(in_review, "refuse", operator, reason="The acceptance act does not match the invoice.")
    assert case.state == "refusal_decided"
    assert case.due_rule["parameter"] == "p2020.direct.notice_wd"
    decision = Decision.objects.get(case=case)
    assert (decision.outcome, decision.minutes) == ("refused", "The acceptance act does not match the invoice.")
    assert Remark.objects.get(case=case).text == "The acceptance act does not match the invoice."
    case = fire(case, "send_refusal", operator)
    assert case.state == "refused"
    assert case.due_rule is None  # the applicant's correction has no term in the seed
    case = fire(case, "resubmit", owner, payload={"answer": "Corrected acceptance act attached."})  # p.7
    assert case.state == "resubmitted"
    assert Remark.objects.get(case=case).answer == "Corrected acceptance act attached."


def test_p5_the_decision_is_only_taken_after_the_completeness_check(owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("submitted"), owner, operator)
    assert "not possible" in refused(case, "approve", operator)


def test_the_whole_direct_path_is_logged_in_order(owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)
    assert case.state == "paid"
    assert logged(case) == ["create", "submit", "confirm_complete", "approve", "send_agreement", "return_signed",
                            "pay"]
