"""Early termination of participation (seed 001 p.41): on the grounds of paragraph 39
sub-paragraphs 1), 2), 5), 6) the technopark brings the question to the commission, which
decides; a decision to terminate marks the register entry terminated."""

import pytest
from django.utils import timezone, translation

from techpolicy.casework.engine import WorkflowError, create_case, fire
from techpolicy.casework.models import Decision, RegisterEntry
from techpolicy.law.citation import Citation
from techpolicy.services.technopark.workflows import TERMINATION
from tests import factories

pytestmark = pytest.mark.django_db

P41 = Citation("001", "41")


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


@pytest.fixture
def participant():
    return factories.make_participant()


def termination_case(participant, secretariat, grounds):
    _user, parent, _certificate, _entry = participant
    return create_case(TERMINATION, parent.organisation, secretariat, parent=parent,
                       facts={"grounds": grounds, "explanation": "Facts of the case."})


@pytest.mark.parametrize("grounds", [["39(1)"], ["39(2)"], ["39(5)"], ["39(6)"], ["39(3)", "39(5)"]])
def test_p41_commission_grounds_bring_the_case_to_the_commission(participant, secretariat, commission, grounds):
    case = fire(termination_case(participant, secretariat, grounds), "send_to_commission", secretariat)
    assert case.state == "commission"


@pytest.mark.parametrize("grounds", [["39(3)"], ["39(4)"], ["39(3)", "39(4)"]])
def test_p41_other_grounds_alone_are_refused_with_the_citation(participant, secretariat, commission, grounds):
    case = termination_case(participant, secretariat, grounds)
    reason = refused(case, "send_to_commission", secretariat)
    assert P41.text("en") in reason
    assert grounds[0] in reason
    case.refresh_from_db()
    assert case.state == "draft"


def test_p41_termination_without_grounds_is_refused_with_a_message(participant, secretariat, commission):
    case = termination_case(participant, secretariat, [])
    assert "grounds" in refused(case, "send_to_commission", secretariat)


def test_p41_only_the_secretariat_brings_termination_to_the_commission(participant, secretariat, commission):
    owner = participant[0]
    case = termination_case(participant, secretariat, ["39(1)"])
    assert "role" in refused(case, "send_to_commission", owner)


def test_p41_decision_to_terminate_marks_the_register_entry(participant, secretariat, commission):
    _user, _parent, _certificate, entry = participant
    _commission, voters = commission
    case = fire(termination_case(participant, secretariat, ["39(1)"]), "send_to_commission", secretariat)
    factories.cast_votes(case, voters, ["for", "for", "for"])
    assert "reason" in refused(case, "approve", secretariat)
    case = fire(case, "approve", secretariat, reason="Grounds of 39(1) established.")
    assert case.state == "terminated"
    entry.refresh_from_db()
    assert entry.status == RegisterEntry.STATUS_TERMINATED
    assert entry.ended_on == timezone.localdate()
    decision = Decision.objects.get(case=case)
    assert (decision.kind, decision.outcome, decision.basis) == ("termination", "approved", ["001 p.41"])
    # The basis of the removal, and in the register's history the grounds and the case.
    assert (entry.basis_citation, entry.basis_decision, entry.basis_on) == ("001 p.41", decision, entry.ended_on)
    ended = entry.events.get(kind="ended")
    assert (ended.citation, ended.note) == ("001 p.41", {"grounds": ["39(1)"], "case": case.number})


def test_p41_decision_not_to_terminate_keeps_the_participant(participant, secretariat, commission):
    _user, _parent, _certificate, entry = participant
    _commission, voters = commission
    case = fire(termination_case(participant, secretariat, ["39(2)"]), "send_to_commission", secretariat)
    factories.cast_votes(case, voters, ["against", "against", "abstain"])
    assert "do not support" in refused(case, "approve", secretariat, reason="x")
    case = fire(case, "refuse", secretariat)
    assert case.state == "rejected"
    entry.refresh_from_db()
    assert entry.status == RegisterEntry.STATUS_ACTIVE
    assert Decision.objects.get(case=case).outcome == "refused"


def test_p41_no_quorum_no_termination(participant, secretariat, commission):
    _user, _parent, _certificate, entry = participant
    _commission, voters = commission
    case = fire(termination_case(participant, secretariat, ["39(1)"]), "send_to_commission", secretariat)
    factories.cast_votes(case, voters[:2], ["for", "for"])
    assert refused(case, "approve", secretariat, reason="x").startswith("No quorum")
    entry.refresh_from_db()
    assert entry.status == RegisterEntry.STATUS_ACTIVE
