"""Issue 9: the decision kit (casework.decisions). A reviewing body's result is a `Recommendation`
(commission, round, recommend / do-not-recommend, tally, minutes), kept apart from the `Decision`
the deciding body records afterwards: the HSTC considers a state body's initiative on a technology
platform (seed 000 p.28, requirement "000.p28") before the platform is registered as organised.
The technopark's approve / refuse pair is the same kit (tests/technopark/*commission*)."""

import pytest
from django.utils import translation

from techpolicy.accounts.roles import SECRETARIAT
from techpolicy.casework.decisions import RECORD_APPROVAL, decision_actions, votes_support
from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import Decision, Recommendation
from techpolicy.law.citation import Citation
from techpolicy.services.technopark.workflows import PARTICIPATION
from tests import factories
from tests.casework import commission_support as hstc

pytestmark = pytest.mark.django_db


@pytest.fixture
def considered(monkeypatch, owner, secretariat):
    hstc.registered(monkeypatch)
    body, members = hstc.make_hstc(members=3, quorum_kind="count", quorum_count=2)
    return body, members, hstc.on_hstc_agenda(owner, secretariat)


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def test_000p28_the_recommendation_is_recorded_apart_from_the_decision(considered, secretariat):
    body, members, case = considered
    factories.cast_votes(case, members, ["for", "for", "against"])
    case = fire(case, "recommend", secretariat, reason="Minutes of the HSTC sitting.")
    recommendation = Recommendation.objects.get(case=case)
    assert (recommendation.commission, recommendation.round, recommendation.outcome, recommendation.basis,
            recommendation.minutes) == (body, 1, "recommend", ["000 p.28"], "Minutes of the HSTC sitting.")
    assert (recommendation.tally["for"], recommendation.tally["against"], recommendation.tally["quorum_met"]) == (
        2, 1, True)
    assert not Decision.objects.exists()  # the HSTC recommends; it does not decide
    case = fire(case, "decide_organised", secretariat)
    decision = Decision.objects.get(case=case)
    assert (decision.kind, decision.outcome, decision.basis, decision.commission, decision.round, decision.tally) == (
        "platform", "approved", ["000 p.28"], None, None, {})
    assert Recommendation.objects.get(case=case).outcome == "recommend"


def test_000p28_not_recommended_needs_the_reason_and_the_votes(considered, secretariat):
    _body, members, case = considered
    factories.cast_votes(case, members, ["against", "against", "for"])
    assert "do not support" in refused(case, "recommend", secretariat)
    assert "reason" in refused(case, "do_not_recommend", secretariat)
    case = fire(case, "do_not_recommend", secretariat, reason="Coordinator lacks p.25 experience.")
    assert (case.state, Recommendation.objects.get(case=case).outcome) == ("not_recommended", "do_not_recommend")


def test_000p28_without_a_quorum_nothing_is_recommended(considered, secretariat):
    _body, members, case = considered
    factories.cast_votes(case, members[:1], ["for"])
    assert refused(case, "recommend", secretariat) == (
        "No quorum: 1 of the 2 members the regulations require took part.")
    assert not Recommendation.objects.exists()


def test_000p28_a_second_consideration_is_a_second_round_with_its_own_recommendation(considered, secretariat):
    _body, members, case = considered
    factories.cast_votes(case, members, ["against", "against", "against"])
    case = fire(fire(case, "do_not_recommend", secretariat, reason="Incomplete."), "back_to_hstc", secretariat)
    factories.cast_votes(case, members, ["for", "for", "for"])
    case = fire(case, "recommend", secretariat)
    assert list(Recommendation.objects.order_by("round").values_list("round", "outcome")) == [
        (1, "do_not_recommend"), (2, "recommend")]


def test_p13_the_kit_builds_the_technoparks_pair():
    """Seed 001 p.13: "approve" and "refuse" leave the agenda state, fired by the secretariat, each
    guarded by the votes; a refusal needs its reason."""
    approve, refuse = decision_actions("commission", "approved", "refused", Citation("001", "13"), role=SECRETARIAT)
    assert [(a.id, a.sources, a.target, a.role, a.needs_reason) for a in (approve, refuse)] == [
        ("approve", ("commission",), "approved", SECRETARIAT, False),
        ("refuse", ("commission",), "refused", SECRETARIAT, True)]
    assert approve.label == RECORD_APPROVAL
    assert PARTICIPATION.action("approve").label == RECORD_APPROVAL


def test_p13_the_vote_guard_names_the_paragraph_when_no_commission_exists(owner):
    case = factories.make_participation_case(owner)
    with translation.override("en"):
        ok, why = votes_support(True, Citation("001", "13"))(case, None, {})
    assert not ok and why.endswith(f"({Citation('001', '13').text('en')}).")
