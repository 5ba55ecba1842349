"""Change of priority ICT activity types (seed 001 p.9-1): electronic application with a business
plan, decision of the selection commission within 10 working days of receipt; approval updates
the participant's register entry."""

import pytest
from django.utils import timezone, translation

from techpolicy.casework import law_context
from techpolicy.casework.engine import WorkflowError, create_case, fire
from techpolicy.casework.models import Decision, RegisterEntry
from techpolicy.law.citation import Citation
from techpolicy.services.technopark.demo import ANNEX3
from techpolicy.services.technopark.workflows import ACTIVITY_CHANGE
from tests import factories

pytestmark = pytest.mark.django_db

P9_1 = Citation("001", "9-1")


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def change_facts(new=("S-01", "S-02"), plan=True) -> dict:
    projects = [{"activity_type": code, "items": ANNEX3} for code in new]
    return {
        "received_on": timezone.localdate().isoformat(),
        "current_activity_types": ["S-01"],
        "new_activity_types": list(new),
        "business_plan": {"projects": projects} if plan else None,
    }


@pytest.fixture
def participant():
    """(user, registered participation case, certificate, register entry with ["S-01"])."""
    return factories.make_participant(activity_types=["S-01"])


def change_case(participant, facts=None, parent=True):
    user, parent_case, _certificate, _entry = participant
    return create_case(ACTIVITY_CHANGE, user.organisation, user, facts=facts or change_facts(),
                       parent=parent_case if parent else None)


def test_p9_1_submit_sets_the_ten_working_day_decision_term(participant):
    user = participant[0]
    case = fire(change_case(participant), "submit", user)
    assert case.state == "submitted"
    today = timezone.localdate()
    assert case.due_on == law_context.calendar().add(today, 10)
    assert case.due_rule["citation"] == "001 p.9-1"
    assert (case.due_rule["days"], case.due_rule["unit"], case.due_rule["anchor"]) == (10, "working", "submitted")


def test_p9_1_term_still_counts_from_receipt_on_the_commissions_agenda(participant, secretariat, commission):
    user = participant[0]
    submitted = fire(change_case(participant), "submit", user)
    case = fire(submitted, "send_to_commission", secretariat)
    assert case.state == "commission"
    assert case.due_on == submitted.due_on
    assert case.due_rule["from"] == submitted.due_rule["from"]


def test_p9_1_only_a_registered_participant_may_apply(participant):
    user = participant[0]
    case = change_case(participant, parent=False)
    assert "paragraph 9-1" in refused(case, "submit", user)


def test_p9_1_a_terminated_participant_may_not_apply(participant):
    user, _case, _certificate, entry = participant
    entry.status = RegisterEntry.STATUS_TERMINATED
    entry.save()
    assert "paragraph 9-1" in refused(change_case(participant), "submit", user)


def test_p9_1_new_activity_type_outside_the_list_is_refused(participant):
    user = participant[0]
    case = change_case(participant, facts=change_facts(new=("X-99",)))
    reason = refused(case, "submit", user)
    assert P9_1.text("en") in reason
    assert "X-99" in reason


def test_p9_1_application_without_a_business_plan_is_refused(participant):
    user = participant[0]
    reason = refused(change_case(participant, facts=change_facts(plan=False)), "submit", user)
    assert P9_1.text("en") in reason
    assert "business plan" in reason


def test_p13_send_to_commission_requires_its_composition(participant, secretariat):
    factories.make_selection_commission(international=False)
    case = fire(change_case(participant), "submit", participant[0])
    assert Citation("001", "13").text("en") in refused(case, "send_to_commission", secretariat)


def test_p9_1_approval_updates_the_register_entrys_activity_types(participant, secretariat, commission):
    user, _parent, _certificate, entry = participant
    _commission, voters = commission
    case = fire(fire(change_case(participant), "submit", user), "send_to_commission", secretariat)
    factories.cast_votes(case, voters, ["for", "for", "against"])
    case = fire(case, "approve", secretariat)
    assert case.state == "approved"
    entry.refresh_from_db()
    assert entry.data["activity_types"] == ["S-01", "S-02"]
    decision = Decision.objects.get(case=case)
    assert (decision.kind, decision.outcome, decision.basis) == ("activity_change", "approved", ["001 p.9-1"])


def test_p9_1_refusal_needs_a_reason_and_leaves_the_entry_unchanged(participant, secretariat, commission):
    user, _parent, _certificate, entry = participant
    _commission, voters = commission
    case = fire(fire(change_case(participant), "submit", user), "send_to_commission", secretariat)
    factories.cast_votes(case, voters, ["against", "against", "for"])
    assert "reason" in refused(case, "refuse", secretariat)
    case = fire(case, "refuse", secretariat, reason="The plan does not cover S-02.")
    assert case.state == "refused"
    entry.refresh_from_db()
    assert entry.data["activity_types"] == ["S-01"]


def test_p9_1_approval_without_quorum_is_refused(participant, secretariat, commission):
    user, _parent, _certificate, entry = participant
    _commission, voters = commission
    case = fire(fire(change_case(participant), "submit", user), "send_to_commission", secretariat)
    factories.cast_votes(case, voters[:1], ["for"])
    assert refused(case, "approve", secretariat).startswith("No quorum")
    entry.refresh_from_db()
    assert entry.data["activity_types"] == ["S-01"]
