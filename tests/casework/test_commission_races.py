"""Issue 9: twenty posts of one commission member at the same moment (a double click, a stuck
browser resending) leave exactly one record: one vote, one recusal, or one of the two; a case put
on the agenda by twenty posts at once gets one roll, one entry per member (a database constraint);
twenty meetings planned at once get twenty different numbers. Real threads, each with its own
connection, on PostgreSQL or a SQLite file (tests/races.py). Seed 001 p.13."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.casework.commissions.meetings import create_meeting
from techpolicy.casework.models import Meeting, Recusal, Vote, VotingRoll
from tests import factories
from tests.races import N, at_once, concurrent_writers, no_server_errors, post_at_once, posts_at_once

pytestmark = [pytest.mark.django_db(transaction=True), concurrent_writers]


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def agenda_case(owner, secretariat, commission):
    return factories.drive_participation(factories.make_participation_case(owner), "commission", owner, secretariat)


def test_p13_twenty_recusals_of_one_member_are_recorded_once(agenda_case, commission):
    member = commission[1][0]
    answers = no_server_errors(post_at_once(member, en("casework:recuse", agenda_case.number),
                                            {"reason": "Conflict of interest."}))
    assert len([a for a in answers if a.said("success")]) == 1
    assert all("already declared" in " ".join(a.said("error")) for a in answers if not a.said("success"))
    assert Recusal.objects.filter(case=agenda_case).count() == 1


def test_p13_votes_and_recusals_of_one_member_at_once_leave_one_of_them(agenda_case, commission):
    member = commission[1][0]
    vote = (member, en("casework:vote", agenda_case.number), {"value": "for", "reason": "Sound."})
    recuse = (member, en("casework:recuse", agenda_case.number), {"reason": "Conflict of interest."})
    answers = no_server_errors(posts_at_once([vote, recuse] * (N // 2)))
    assert len([a for a in answers if a.said("success")]) == 1
    records = Vote.objects.filter(case=agenda_case).count() + Recusal.objects.filter(case=agenda_case).count()
    assert records == 1


def test_p13_twenty_sends_to_the_commission_open_one_roll(owner, secretariat, commission):
    case = factories.drive_participation(factories.make_participation_case(owner), "completeness_review", owner,
                                         secretariat)
    answers = no_server_errors(post_at_once(secretariat, en("casework:fire", case.number, "send_to_commission"),
                                            {"version": case.version, "confirm": "on"}))
    assert len([a for a in answers if a.said("success")]) == 1
    assert VotingRoll.objects.filter(case=case).count() == len(commission[1])
    assert set(VotingRoll.objects.filter(case=case).values_list("round", flat=True)) == {1}


def test_p13_twenty_meetings_planned_at_once_get_twenty_numbers(commission, secretariat):
    outcomes = at_once(lambda i: create_meeting(commission[0], secretariat, timezone.localdate(), f"Hall {i}"))
    assert all(isinstance(o, Meeting) for o in outcomes), [o for o in outcomes if not isinstance(o, Meeting)][:3]
    assert sorted(Meeting.objects.values_list("number", flat=True)) == list(range(1, N + 1))
