"""Issue 9: a member with a conflict of interest with the applicant recuses (a `Recusal`: case,
member, round, reason, when; one per case, member and round); they cannot vote after recusing nor
recuse after voting, and they are left out of the quorum base. The recusal is shown on the case
page. Seed 001 p.13 (the selection commission) and 000 p.28 (the HSTC's meeting with recusal)."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.commissions import declare_recusal, tally
from techpolicy.casework.models import Recusal, Vote
from techpolicy.casework.models.commission import REASON_MAX
from tests import factories
from tests.casework import commission_support as hstc

pytestmark = pytest.mark.django_db

CONFLICT = "My spouse is a founder of the applicant."


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def agenda_case(owner, secretariat, commission):
    return factories.drive_participation(factories.make_participation_case(owner), "commission", owner, secretariat)


def post(client, user, url, body, follow=False):
    """POST as `user`; `follow` renders the case page, which consumes the flash messages, so the
    next request's messages are its own."""
    client.force_login(user)
    return client.post(url, body, follow=follow)


def test_p13_a_member_recuses_with_the_reason(client, agenda_case, commission, messages_of):
    member = commission[1][1]
    answer = post(client, member, en("casework:recuse", agenda_case.number), {"reason": f"  {CONFLICT} "})
    assert messages_of(answer) == ["Your conflict of interest was recorded; you take no part in this round."]
    recusal = Recusal.objects.get(case=agenda_case)
    assert (recusal.member.user, recusal.round, recusal.reason) == (member, 1, CONFLICT)


def test_p13_no_vote_after_recusing(client, agenda_case, commission, messages_of):
    member = commission[1][1]
    post(client, member, en("casework:recuse", agenda_case.number), {"reason": CONFLICT}, follow=True)
    answer = post(client, member, en("casework:vote", agenda_case.number), {"value": "for", "reason": "x"})
    assert messages_of(answer) == ["You declared a conflict of interest in this round and take no part in it."]
    assert not Vote.objects.exists()


def test_p13_no_recusal_after_voting(client, agenda_case, commission, messages_of):
    member = commission[1][1]
    post(client, member, en("casework:vote", agenda_case.number), {"value": "for", "reason": "Sound."}, follow=True)
    answer = post(client, member, en("casework:recuse", agenda_case.number), {"reason": CONFLICT})
    assert messages_of(answer) == [
        "You have already voted in this round; a conflict of interest is declared before voting."]
    assert not Recusal.objects.exists()


@pytest.mark.parametrize(("reason", "message"), [
    ("   ", "Give the reason for the conflict of interest."),
    ("x" * (REASON_MAX + 1), f"The reason is too long: at most {REASON_MAX} characters."),
])
def test_p13_a_recusal_needs_a_bounded_reason(client, agenda_case, commission, messages_of, reason, message):
    answer = post(client, commission[1][0], en("casework:recuse", agenda_case.number), {"reason": reason})
    assert messages_of(answer) == [message]
    assert not Recusal.objects.exists()


def test_p13_a_second_recusal_is_refused(client, agenda_case, commission, messages_of):
    member = commission[1][0]
    post(client, member, en("casework:recuse", agenda_case.number), {"reason": CONFLICT}, follow=True)
    answer = post(client, member, en("casework:recuse", agenda_case.number), {"reason": "again"})
    assert messages_of(answer) == ["You have already declared a conflict of interest in this round."]
    assert Recusal.objects.count() == 1


@pytest.mark.parametrize("persona", ["secretariat", "owner"])
def test_p13_only_members_on_the_roll_recuse(client, request, agenda_case, persona, messages_of):
    answer = post(client, request.getfixturevalue(persona), en("casework:recuse", agenda_case.number),
                  {"reason": CONFLICT})
    assert messages_of(answer) == ["You are not a member of a commission."]
    assert not Recusal.objects.exists()


def test_000p28_the_recused_member_is_left_out_of_the_quorum_base(monkeypatch, owner, secretariat):
    """Four members, quorum two thirds of those entitled less the recused: with one recusal the base
    is 3 and two members taking part are a quorum (without it, 3 of 4 were needed)."""
    hstc.registered(monkeypatch)
    _body, members = hstc.make_hstc(members=4, quorum_kind="two_thirds")
    case = hstc.on_hstc_agenda(owner, secretariat)
    factories.cast_votes(case, members[:2], ["for", "for"])
    before = tally(case)
    assert (before.base, before.quorum, before.quorum_met) == (4, 3, False)
    declare_recusal(case, members[3], CONFLICT)
    after = tally(case)
    assert (after.entitled, after.recused, after.base, after.quorum, after.participants, after.quorum_met) == (
        4, 1, 3, 2, 2, True)


def test_p13_the_case_page_shows_the_recusal_to_staff_and_members(client, agenda_case, commission, secretariat,
                                                                 owner):
    member = commission[1][2]
    declare_recusal(agenda_case, member, CONFLICT)
    for user, shown in ((secretariat, True), (commission[1][0], True), (member, True), (owner, False)):
        client.force_login(user)
        page = client.get(en("casework:detail", agenda_case.number)).content.decode()
        assert (CONFLICT in page) is shown, user
    client.force_login(member)
    page = client.get(en("casework:detail", agenda_case.number))
    assert page.context["my_recusal"].reason == CONFLICT
    assert not page.context["may_vote"] and not page.context["may_recuse"]
