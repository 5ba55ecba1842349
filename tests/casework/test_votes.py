"""Votes of the selection commission (seed 001 p.13): only the members on the round's roll vote,
once per agenda round, with a reason; everyone else is refused with a message."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import fire
from techpolicy.casework.models import CommissionMember, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda_case(draft_case, owner, secretariat, commission):
    case = fire(fire(draft_case, "submit", owner), "take_for_review", secretariat)
    return fire(case, "send_to_commission", secretariat)


@pytest.fixture
def member(commission):
    return commission[1][0]


def vote(client, user, case, value="for", reason="Meets paragraph 7.", follow=False):
    """POST a vote on the English site; `follow` renders the case page, which consumes the
    flash messages, so the next request's messages are its own."""
    client.force_login(user)
    with translation.override("en"):
        url = reverse("casework:vote", args=[case.number])
    return client.post(url, {"value": value, "reason": reason}, follow=follow)


def test_p13_member_votes_once(client, agenda_case, member, messages_of):
    response = vote(client, member, agenda_case)
    assert response.status_code == 302
    assert messages_of(response) == ["Your vote was recorded."]
    recorded = Vote.objects.get(case=agenda_case)
    assert (recorded.member.user, recorded.value, recorded.round, recorded.reason) == (
        member, "for", 1, "Meets paragraph 7.")


def test_p13_second_vote_in_the_same_round_is_refused(client, agenda_case, member, messages_of):
    vote(client, member, agenda_case, "for", follow=True)
    response = vote(client, member, agenda_case, "against")
    assert response.status_code == 302
    assert messages_of(response) == ["You have already voted on this case in this round."]
    assert list(Vote.objects.filter(case=agenda_case).values_list("value", flat=True)) == ["for"]


def test_p13_each_member_has_one_vote(client, agenda_case, commission):
    for user in commission[1]:
        vote(client, user, agenda_case)
    assert Vote.objects.filter(case=agenda_case).count() == 3


def test_p13_vote_needs_a_reason(client, agenda_case, member, messages_of):
    response = vote(client, member, agenda_case, reason="  ")
    assert messages_of(response) == ["Give the reason for your vote."]
    assert not Vote.objects.exists()


def test_p13_vote_value_must_be_for_against_or_abstain(client, agenda_case, member, messages_of):
    response = vote(client, member, agenda_case, value="maybe")
    assert messages_of(response) == ["Choose for, against or abstain."]
    assert not Vote.objects.exists()


@pytest.mark.parametrize("persona", ["secretariat", "owner"])
def test_p13_people_outside_the_commission_cannot_vote(client, request, agenda_case, persona, messages_of):
    response = vote(client, request.getfixturevalue(persona), agenda_case)
    assert response.status_code == 302
    assert messages_of(response) == ["You are not a member of a commission."]
    assert not Vote.objects.exists()


def test_p13_another_applicant_cannot_even_see_the_case(client, agenda_case, other_applicant):
    assert vote(client, other_applicant, agenda_case).status_code == 403
    assert not Vote.objects.exists()


def test_p13_member_inactive_before_the_round_opened_cannot_vote(client, draft_case, owner, secretariat,
                                                                  commission):
    """A member no longer active when the case is put on the agenda is not on its roll: the case is
    closed to them (issue 8, finding 5), so the vote is refused before it is read."""
    member = commission[1][1]  # not the international expert, whom p.13 needs
    CommissionMember.objects.filter(user=member).update(active=False)
    case = fire(fire(fire(draft_case, "submit", owner), "take_for_review", secretariat), "send_to_commission",
                secretariat)
    assert vote(client, member, case).status_code == 403
    assert not Vote.objects.exists()


def test_p13_member_deactivated_after_the_round_opened_keeps_the_vote_of_that_round(
        client, agenda_case, member, messages_of):
    """Issue 9: the roll recorded when voting opened decides the round (casework.commissions.rounds)."""
    CommissionMember.objects.filter(user=member).update(active=False)
    response = vote(client, member, agenda_case)
    assert messages_of(response) == ["Your vote was recorded."]
    assert Vote.objects.get(case=agenda_case).member.user == member


def test_p13_no_vote_once_the_case_left_the_agenda(client, agenda_case, commission, secretariat, messages_of):
    voters = commission[1]
    for user in voters:
        vote(client, user, agenda_case, follow=True)
    fire(agenda_case, "approve", secretariat)
    late = voters[0]
    Vote.objects.filter(member__user=late).delete()
    response = vote(client, late, agenda_case)
    assert messages_of(response) == ["The case is not on the commission's agenda."]
    assert not Vote.objects.filter(member__user=late).exists()


def test_anonymous_vote_is_sent_to_sign_in(client, agenda_case):
    response = client.post(reverse("casework:vote", args=[agenda_case.number]), {"value": "for", "reason": "x"})
    assert response.status_code == 302
    assert not Vote.objects.exists()
