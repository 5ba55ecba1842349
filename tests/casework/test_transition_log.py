"""The transition log (architecture: "every transition is written to an append-only log: who,
when, from, to, why"), checked on the participation workflow of seed 001 (p.9, p.13)."""

import pytest
from django.utils import timezone

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import Transition
from techpolicy.casework.models.case import AppendOnlyError
from tests import factories

pytestmark = pytest.mark.django_db


def test_saving_an_existing_transition_raises_and_changes_nothing(draft_case):
    row = draft_case.transitions.get()
    row.to_state = "registered"
    with pytest.raises(AppendOnlyError):
        row.save()
    assert Transition.objects.get(pk=row.pk).to_state == "draft"


def test_deleting_a_transition_raises_and_keeps_the_row(draft_case):
    row = draft_case.transitions.get()
    with pytest.raises(AppendOnlyError):
        row.delete()
    assert Transition.objects.filter(pk=row.pk).exists()


def test_bulk_deleting_or_updating_the_log_is_refused(draft_case):
    with pytest.raises(AppendOnlyError):
        Transition.objects.filter(case=draft_case).delete()
    with pytest.raises(AppendOnlyError):
        Transition.objects.filter(case=draft_case).update(to_state="registered")
    assert list(draft_case.transitions.values_list("to_state", flat=True)) == ["draft"]


def test_creating_a_case_logs_the_initial_state(draft_case, owner):
    row = draft_case.transitions.get()
    assert (row.action, row.from_state, row.to_state, row.actor) == ("create", "", "draft", owner)


def test_p9_p13_each_fire_writes_exactly_one_row_with_actor_states_and_reason(draft_case, owner, secretariat):
    steps = [
        ("submit", owner, "", "draft", "submitted"),
        ("take_for_review", secretariat, "", "submitted", "completeness_review"),
        ("send_remarks", secretariat, "Attach the lease (p.9(4)).", "completeness_review", "remarks"),
        ("resubmit", owner, "", "remarks", "resubmitted"),
    ]
    case = draft_case
    for action, actor, reason, source, target in steps:
        before = case.transitions.count()
        case = fire(case, action, actor, reason=reason, payload={"answer": "Attached."})
        assert case.transitions.count() == before + 1
        row = case.transitions.order_by("-pk").first()
        assert (row.action, row.actor, row.from_state, row.to_state, row.reason) == (
            action, actor, source, target, reason)
        assert row.on_date == timezone.localdate()
        assert row.at == case.state_entered_at


def test_a_refused_action_writes_no_row(owner, secretariat):
    case = factories.make_participation_case(owner, documents=False)
    with pytest.raises(WorkflowError):
        fire(case, "submit", owner)
    assert list(case.transitions.values_list("action", flat=True)) == ["create"]


def test_each_transition_increments_the_case_version(draft_case, owner, secretariat):
    assert draft_case.version == 1
    case = fire(draft_case, "submit", owner)
    assert case.version == 2
    case = fire(case, "take_for_review", secretariat)
    assert case.version == 3
