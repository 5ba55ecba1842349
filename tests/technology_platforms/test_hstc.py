"""000 p.28: the HSTC considers the initiative on its agenda (a meeting with attendance, votes,
recusals and minutes); its Recommendation is kept apart from the authorized body's Decision, and the
platform is organised only after the HSTC recommended it (reading R-B2)."""

from __future__ import annotations

import pytest
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.casework.commissions import VoteError, cast_vote, tally
from techpolicy.casework.commissions.meetings import (
    add_item,
    close_meeting,
    create_meeting,
    mark_held,
    record_attendance,
)
from techpolicy.casework.commissions.minutes import minutes_data
from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import Case, Commission, Decision, Recommendation

from .world import drive, organise_payload, proposal, vote

pytestmark = pytest.mark.django_db


def on_agenda(world) -> Case:
    return drive(proposal(world), world, "submit", "refer_to_hstc")


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def test_000_p28_referral_opens_a_round_with_the_members_of_the_day(world):
    case = on_agenda(world)
    assert case.state == "hstc" and case.voting_roll.count() == 4


def test_000_p28_referral_needs_the_hstc_to_be_set_up(world):
    world.commission.members.update(active=False)
    case = drive(proposal(world), world, "submit")
    assert "no active members" in refused(case, "refer_to_hstc", world.ab)


def test_000_p28_a_recused_member_is_left_out_of_the_quorum_base(world):
    """Four on the roll, one recuses: the base is three, half of it (rounded up) is two."""
    case = on_agenda(world)
    vote(case, world, ["for"], recuse=1)
    counted = tally(case)
    assert (counted.entitled, counted.recused, counted.base, counted.quorum, counted.participants) == (4, 1, 3, 2, 1)
    assert "No quorum" in refused(case, "recommend", world.secretary, reason="minutes")
    cast_vote(case, world.members[2], "for", "Қолдаймын")
    assert tally(case).quorum_met
    case = drive(case, world, "recommend", recommend={"reason": "ЖҒТК хаттамасы"})
    assert case.state == "supported"
    with pytest.raises(VoteError):  # the member who recused takes no part in the round
        cast_vote(Case.objects.get(pk=case.pk), world.members[0], "for", "late")


def test_000_p28_the_meeting_holds_the_case_and_its_minutes_print_the_recusal(world):
    case = on_agenda(world)
    meeting = create_meeting(world.commission, world.secretary, law_context.today(), "Астана")
    add_item(meeting, case)
    record_attendance(meeting, list(world.commission.members.values_list("pk", flat=True)))
    vote(case, world, ["for", "for"], recuse=1)  # the fourth member is present and does not vote
    mark_held(meeting)
    # Present at a held meeting counts as taking part: three of a base of three.
    assert tally(case).participants == 3
    drive(case, world, "recommend", recommend={"reason": "Хаттама № 1"})
    closed = close_meeting(meeting, world.secretary)
    [item] = minutes_data(closed)["items"]
    assert (item["case"], len(item["recusals"]), item["tally"]["base"]) == (case.number, 1, 3)
    assert item["recommendation"] == {"outcome": "recommend", "basis": ["000 p.28"]}


def test_000_p28_votes_against_lead_to_not_supported_and_the_case_closes(world):
    case = on_agenda(world)
    vote(case, world, ["against", "against", "for"])
    assert "do not support" in refused(case, "recommend", world.secretary, reason="x")
    case = drive(case, world, "do_not_recommend", do_not_recommend={"reason": "Бастама негізделмеген"})
    assert case.state == "not_supported" and not case.open
    assert Recommendation.objects.get(case=case).outcome == Recommendation.DO_NOT_RECOMMEND


def test_R_B2_the_hstc_recommendation_is_kept_apart_from_the_decision(world):
    case = on_agenda(world)
    vote(case, world, ["for", "for", "for"], recuse=1)
    case = drive(case, world, "recommend", recommend={"reason": "Хаттама"})
    case = drive(case, world, "organise", organise=organise_payload())
    recommendation = Recommendation.objects.get(case=case)
    decision = Decision.objects.get(case=case)
    assert (recommendation.commission.key, recommendation.outcome, recommendation.basis) == (
        "hstc", "recommend", ["000 p.28"])
    assert recommendation.tally["recused"] == 1 and recommendation.tally["base"] == 3
    assert (decision.kind, decision.outcome, decision.commission, decision.basis) == (
        "organisation", "approved", None, ["000 p.27", "000 p.28"])
    assert decision.recorded_by == world.ab  # the authorized body decides, not the HSTC


def test_R_B2_organising_without_the_hstc_recommendation_is_refused(world):
    """A case in "supported" without a recommendation (moved there outside the workflow) is not organised."""
    case = drive(proposal(world), world, "submit")
    assert "not possible" in refused(case, "organise", world.ab, payload=organise_payload())
    Case.objects.filter(pk=case.pk).update(state="supported")
    case.refresh_from_db()
    reason = refused(case, "organise", world.ab, payload=organise_payload())
    assert "only after the HSTC has considered the initiative and recommended it" in reason
    assert "paragraph 28" in reason


def test_the_regulations_of_the_hstc_are_entered_by_the_administrator(world):
    Commission.objects.filter(pk=world.commission.pk).update(majority="", quorum_kind="")
    case = on_agenda(world)
    vote(case, world, ["for", "for", "for", "for"])
    assert "regulations do not set its quorum and majority" in refused(case, "recommend", world.secretary, reason="x")
