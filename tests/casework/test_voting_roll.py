"""Issue 9: when a case enters an agenda state the members entitled to vote are recorded (the roll,
`VotingRoll`, one row per case, round and member); the tally counts the roll, not the membership
of the day. A member added later votes from the next round; one deactivated later keeps the vote
of the round already open (casework.commissions.rounds.open_round says why). Seed 001 p.13."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.casework.commissions import cast_vote, tally
from techpolicy.casework.commissions.rounds import VoteError
from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import CommissionMember, VotingRoll
from tests import factories
from tests.casework import commission_support as hstc

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda_case(owner, secretariat, commission):
    return factories.drive_participation(factories.make_participation_case(owner), "commission", owner, secretariat)


def _join(commission):
    user = factories.make_commission_member_user()
    CommissionMember.objects.create(commission=commission, user=user, full_name=f"New {user.username}",
                                    qualifications=factories.p13_qualifications())
    return user


def test_p13_the_roll_is_recorded_when_the_case_enters_the_agenda(agenda_case, commission):
    body, members = commission
    assert sorted(r.member.user_id for r in agenda_case.voting_roll.all()) == sorted(u.pk for u in members)
    assert set(agenda_case.voting_roll.values_list("round", flat=True)) == {1}


def test_p13_a_member_added_after_the_round_opened_does_not_vote_in_it(agenda_case, commission):
    body, _members = commission
    late = _join(body)
    with translation.override("en"), pytest.raises(VoteError) as refused:
        cast_vote(agenda_case, late, "for", "Sound.")
    assert str(refused.value) == "You were not among the members entitled to vote when this round opened."
    assert tally(agenda_case).entitled == 3


def test_p13_the_tally_counts_the_roll_not_todays_membership(agenda_case, commission, secretariat):
    """Three on the roll, quorum 3: adding two members does not raise the base, deactivating one
    does not lower it, and the three votes decide."""
    body, members = commission
    _join(body), _join(body)
    CommissionMember.objects.filter(user=members[2]).update(active=False)
    factories.cast_votes(agenda_case, members, ["for", "for", "against"])
    counted = tally(agenda_case)
    assert (counted.entitled, counted.base, counted.participants, counted.votes_for) == (3, 3, 3, 2)
    assert fire(agenda_case, "approve", secretariat).state == "approved"


def test_000p28_each_round_takes_the_membership_of_its_opening(monkeypatch, owner, secretariat):
    """A case considered again (an agenda state entered a second time) gets a new roll: the member
    deactivated meanwhile is not on it, the one who joined is."""
    hstc.registered(monkeypatch)
    body, members = hstc.make_hstc(members=3, quorum_kind="count", quorum_count=2)
    case = hstc.on_hstc_agenda(owner, secretariat)
    factories.cast_votes(case, members[:2], ["for", "for"])
    case = fire(case, "recommend", secretariat)
    CommissionMember.objects.filter(user=members[0]).update(active=False)
    late = _join(body)
    case = fire(case, "back_to_hstc", secretariat)
    assert set(case.voting_roll.filter(round=2).values_list("member__user", flat=True)) == {
        members[1].pk, members[2].pk, late.pk}
    assert case.voting_roll.filter(round=1).count() == 3
    with translation.override("en"), pytest.raises(VoteError, match="not among the members entitled"):
        cast_vote(case, members[0], "for", "Again.")
    assert cast_vote(case, late, "for", "Sound.").round == 2


def test_p13_one_roll_entry_per_case_round_and_member_in_the_database(agenda_case):
    entry = agenda_case.voting_roll.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        VotingRoll.objects.create(case=agenda_case, round=entry.round, member=entry.member, opened_at=timezone.now())


def test_p13_no_commission_no_agenda(owner, secretariat):
    """Termination (p.41) checks only its grounds before the agenda: without a commission to open
    the round, the case stays where it was."""
    from techpolicy.casework.engine import create_case
    from techpolicy.services.technopark.workflows import TERMINATION

    _user, parent, _certificate, _entry = factories.make_participant()
    case = create_case(TERMINATION, parent.organisation, secretariat, parent=parent,
                       facts={"grounds": ["39(1)"], "explanation": "Facts."})
    with translation.override("en"), pytest.raises(WorkflowError) as refused:
        fire(case, "send_to_commission", secretariat)
    assert str(refused.value) == "The commission of this procedure has not been set up yet."
    case.refresh_from_db()
    assert case.state == "draft" and not VotingRoll.objects.exists()


def test_p13_a_commission_without_active_members_opens_no_round(owner, secretariat, commission):
    body, _members = commission
    CommissionMember.objects.filter(commission=body).update(active=False)
    _user, parent, _certificate, _entry = factories.make_participant()
    from techpolicy.casework.engine import create_case
    from techpolicy.services.technopark.workflows import TERMINATION

    case = create_case(TERMINATION, parent.organisation, secretariat, parent=parent,
                       facts={"grounds": ["39(1)"], "explanation": "Facts."})
    with translation.override("en"), pytest.raises(WorkflowError, match="no active members"):
        fire(case, "send_to_commission", secretariat)


def test_p13_the_staff_page_shows_the_roll(client, agenda_case, secretariat, commission):
    client.force_login(secretariat)
    with translation.override("en"):
        page = client.get(reverse("casework:detail", args=[agenda_case.number]))
    assert [r.member.user for r in page.context["roll"]] == sorted(commission[1], key=lambda u: f"Member {u.username}")
