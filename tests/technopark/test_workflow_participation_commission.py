"""Participation workflow before the selection commission (seed 001 p.13): the composition guard
of send_to_commission, and the approve / refuse guards that read quorum and majority from the
Commission model (the technopark's own regulations)."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import CommissionMember, Decision
from techpolicy.law.citation import Citation
from tests import factories

pytestmark = pytest.mark.django_db

P13 = Citation("001", "13")


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def in_review(owner, secretariat):
    case = factories.make_participation_case(owner)
    return fire(fire(case, "submit", owner), "take_for_review", secretariat)


def on_agenda(owner, secretariat):
    return fire(in_review(owner, secretariat), "send_to_commission", secretariat)


# --- send_to_commission: composition of paragraph 13 ---------------------------------------------

def test_p13_send_to_a_properly_composed_commission(owner, secretariat, commission):
    case = on_agenda(owner, secretariat)
    assert case.state == "commission"


def test_p13_commission_without_an_international_expert_refuses_with_the_citation(owner, secretariat):
    factories.make_selection_commission(international=False)
    case = in_review(owner, secretariat)
    reason = refused(case, "send_to_commission", secretariat)
    assert P13.text("en") in reason
    assert "no international expert" in reason
    case.refresh_from_db()
    assert case.state == "completeness_review"


def test_p13_commission_member_without_qualification_refuses_naming_the_member(owner, secretariat):
    commission, _users = factories.make_selection_commission()
    weak = CommissionMember.objects.filter(commission=commission, country="KZ").first()  # not the expert
    # "more than five years" (p.13): exactly five is not enough
    weak.qualifications = factories.p13_qualifications(it=False, years="5")
    weak.save()
    reason = refused(in_review(owner, secretariat), "send_to_commission", secretariat)
    assert P13.text("en") in reason
    assert weak.full_name in reason


def test_p13_no_commission_set_up_refuses(owner, secretariat):
    reason = refused(in_review(owner, secretariat), "send_to_commission", secretariat)
    assert "paragraph 13" in reason


def test_p7_send_to_commission_rechecks_the_facts(owner, secretariat, commission):
    case = in_review(owner, secretariat)
    case.facts["applicant"]["excise_payer"] = True
    case.save(update_fields=["facts"])
    assert Citation("001", "7", "6").text("en") in refused(case, "send_to_commission", secretariat)


# --- approve / refuse: quorum and majority --------------------------------------------------------

MAJORITY_TABLE = [
    # members, quorum, majority, votes cast, decision the votes support
    (3, 3, "simple", ["for", "for", "against"], "approve"),
    (3, 3, "simple", ["for", "against", "abstain"], "refuse"),
    (2, 2, "simple", ["for", "against"], "refuse"),  # a tie is not more than half
    (4, 3, "absolute", ["for", "for", "against"], "refuse"),  # 2 of 4 members is not more than half
    (3, 2, "absolute", ["for", "for"], "approve"),
    (3, 3, "two_thirds", ["for", "for", "against"], "approve"),  # exactly two thirds
    (5, 5, "two_thirds", ["for", "for", "for", "against", "against"], "refuse"),  # 3/5 < 2/3
]


@pytest.mark.parametrize(("members", "quorum", "majority", "votes", "supported"), MAJORITY_TABLE)
def test_p13_decision_follows_the_commissions_majority_rule(
    owner, secretariat, members, quorum, majority, votes, supported
):
    _commission, voters = factories.make_selection_commission(members, quorum, majority)
    case = on_agenda(owner, secretariat)
    factories.cast_votes(case, voters, votes)
    other = "refuse" if supported == "approve" else "approve"
    assert "do not support" in refused(case, other, secretariat, reason="minutes")
    case = fire(case, supported, secretariat, reason="minutes")
    assert case.state == ("approved" if supported == "approve" else "refused")
    decision = Decision.objects.get(case=case)
    assert decision.outcome == ("approved" if supported == "approve" else "refused")
    assert decision.tally["majority"] == majority
    assert decision.tally["for"] == votes.count("for")
    assert decision.minutes == "minutes"


@pytest.mark.parametrize("action", ["approve", "refuse"])
def test_p13_without_quorum_neither_decision_is_recorded(owner, secretariat, commission, action):
    _commission, voters = commission
    case = on_agenda(owner, secretariat)
    factories.cast_votes(case, voters[:2], ["for", "for"])
    reason = refused(case, action, secretariat, reason="minutes")
    assert reason.startswith("No quorum")
    assert "2 of the 3" in reason
    case.refresh_from_db()
    assert case.state == "commission"
    assert not Decision.objects.filter(case=case).exists()


def test_p13_approve_records_the_admission_decision_with_tally_and_verdict(owner, secretariat, commission):
    _commission, voters = commission
    case = on_agenda(owner, secretariat)
    factories.cast_votes(case, voters, ["for", "for", "for"])
    case = fire(case, "approve", secretariat)
    decision = Decision.objects.get(case=case)
    assert (decision.kind, decision.outcome, decision.basis) == ("admission", "approved", ["001 p.13"])
    assert decision.tally["quorum_met"] is True and decision.tally["approved"] is True
    assert decision.verdict == case.verdict
    assert decision.recorded_by == secretariat


def test_p13_refuse_needs_a_reason_and_keeps_it_as_minutes(client, owner, secretariat, commission):
    _commission, voters = commission
    case = on_agenda(owner, secretariat)
    factories.cast_votes(case, voters, ["against", "against", "for"])
    assert "reason" in refused(case, "refuse", secretariat)
    client.force_login(secretariat)
    client.post(reverse("casework:fire", args=[case.number, "refuse"]),
                {"version": case.version, "reason": "The business plan is not viable.", "confirm": "on"})
    case.refresh_from_db()
    assert case.state == "refused"
    decision = Decision.objects.get(case=case)
    assert (decision.outcome, decision.minutes) == ("refused", "The business plan is not viable.")
