"""Instruments 2-5 filed directly with the operator, up to the completeness check (seed 004,
section 5.4, mechanism of instruments 2-5, paragraphs 1, 3 and 4): submit (the criteria of 5.1-5.3
on the application date), confirm_complete, notify_gaps, resubmit, withdraw."""

import pytest
from django.utils import timezone

from techpolicy.casework.engine import fire
from techpolicy.casework.models import Remark
from techpolicy.law.acts.act004_productivity2020.common import REPEAL_EARLIEST
from tests import factories
from tests.productivity.helpers import logged, refused, training

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(owner):
    return factories.make_productivity_case(owner, training(owner))


def test_p1_submit_with_eligible_facts_stores_the_verdict_of_the_application_date(draft, owner):
    case = fire(draft, "submit", owner)
    assert case.workflow == "productivity.direct"
    assert case.state == "submitted"
    assert case.verdict["outcome"] == "eligible"
    assert case.verdict["on"] == "2015-09-15"  # the application date, not today
    assert case.verdict["subject"] == "productivity2020.3a"
    assert case.submitted_on == timezone.localdate()
    assert logged(case) == ["create", "submit"]


def test_validity_an_application_dated_after_the_repeal_is_refused_with_that_reason(owner):
    facts = training(owner)
    facts["application_date"] = REPEAL_EARLIEST.isoformat()
    case = factories.make_productivity_case(owner, facts)
    reason = refused(case, "submit", owner)
    assert "repealed" in reason
    assert "Resolution No. 370" in reason
    case.refresh_from_db()
    assert (case.state, case.verdict) == ("draft", None)


def test_s5_1_3_submit_refused_outside_the_priority_sectors_naming_the_subparagraph(owner):
    facts = training(owner)
    facts["applicant"]["oked_codes"] = ["47.11"]  # retail trade: not in the Annex
    case = factories.make_productivity_case(owner, facts)
    reason = refused(case, "submit", owner)
    assert "section 5.1" in reason
    case.refresh_from_db()
    assert case.state == "draft"


def test_s5_1_3_submit_refused_when_a_needed_fact_is_missing_naming_the_field(owner):
    facts = training(owner)
    del facts["applicant"]["activity_since"]
    case = factories.make_productivity_case(owner, facts)
    reason = refused(case, "submit", owner)
    assert "applicant.activity_since" in reason
    assert "incomplete" in reason


def test_p1_an_nce_application_cannot_be_submitted_in_the_direct_procedure(owner):
    facts = training(owner)
    case = factories.make_productivity_case(owner, facts)
    case.facts["channel"] = "nce"
    case.save(update_fields=["facts"])
    reason = refused(case, "submit", owner)
    assert "channel" in reason
    assert "paragraph 1" in reason


def test_p3_operator_confirms_completeness(draft, owner, operator):
    case = fire(fire(draft, "submit", owner), "confirm_complete", operator)
    assert case.state == "compliance_review"


def test_p3_notify_gaps_needs_a_reason_and_records_it_as_a_remark(draft, owner, operator):
    case = fire(draft, "submit", owner)
    assert "reason" in refused(case, "notify_gaps", operator, reason="  ")
    case = fire(case, "notify_gaps", operator, reason="Attach the acceptance act (p. 13(4)).")
    assert case.state == "gaps"
    assert Remark.objects.get(case=case).text == "Attach the acceptance act (p. 13(4))."


def test_p4_resubmit_after_gaps_answers_the_remark_and_is_checked_again(draft, owner, operator):
    case = fire(fire(draft, "submit", owner), "notify_gaps", operator, reason="Attach the acceptance act.")
    case = fire(case, "resubmit", owner, payload={"answer": "Attached."})
    assert case.state == "resubmitted"
    assert Remark.objects.get(case=case).answer == "Attached."
    assert case.due_rule["parameter"] == "p2020.direct.completeness_wd"
    case = fire(case, "confirm_complete", operator)
    assert case.state == "compliance_review"


def test_p4_resubmit_refused_when_the_corrected_facts_fail_the_criteria(draft, owner, operator):
    case = fire(fire(draft, "submit", owner), "notify_gaps", operator, reason="Fix the OKED.")
    case.facts["applicant"]["activity_since"] = "2015-06-01"  # less than a year before the application
    case.save(update_fields=["facts"])
    reason = refused(case, "resubmit", owner, payload={"answer": "Fixed."})
    assert "section 5.1" in reason
    case.refresh_from_db()
    assert case.state == "gaps"


def test_withdraw_a_draft_and_while_correcting_gaps(draft, owner, operator):
    assert fire(draft, "withdraw", owner).state == "withdrawn"
    other = factories.make_productivity_case(owner, training(owner))
    other = fire(fire(other, "submit", owner), "notify_gaps", operator, reason="Gaps.")
    assert fire(other, "withdraw", owner).state == "withdrawn"


def test_withdraw_is_not_possible_once_submitted(draft, owner):
    case = fire(draft, "submit", owner)
    assert "not possible" in refused(case, "withdraw", owner)
