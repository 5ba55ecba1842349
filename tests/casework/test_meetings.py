"""Issue 9: meetings of a commission (seed 001 p.13 for the selection commission; 000 p.28, requirement
"000.p28": the HSTC considers an initiative "in a meeting with an agenda, quorum, recusal and
minutes"). The commission's secretary (staff of a workflow bound to it) or an administrator plans a
meeting, puts on its agenda cases that are in an agenda state of such a workflow, records who was
present, records that it was held and closes it after a confirmation (irreversible). Members read
everything; nobody else does. Hostile input is refused with a message, never a server error."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.casework.commissions import tally
from techpolicy.casework.commissions.meetings import MeetingError, add_item, close_meeting, create_meeting
from techpolicy.casework.models import Meeting, MeetingAttendance, MeetingItem
from tests import factories
from tests.casework import commission_support as hstc

pytestmark = pytest.mark.django_db
KEY = factories.SELECTION_COMMISSION_KEY


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def agenda_case(owner, secretariat, commission):
    return factories.drive_participation(factories.make_participation_case(owner), "commission", owner, secretariat)


@pytest.fixture
def meeting(commission, secretariat):
    return create_meeting(commission[0], secretariat, timezone.localdate(), "Astana Hub, hall 1")


def as_user(client, user):
    client.force_login(user)
    return client


def test_p13_the_secretary_plans_numbered_meetings(client, commission, secretariat, messages_of):
    client = as_user(client, secretariat)
    for number in (1, 2):
        answer = client.post(en("casework:meetings", KEY), {"date": "2026-12-10", "place": "Hall 1"})
        assert answer.status_code == 302 and answer["Location"] == en("casework:meeting", KEY, number)
    assert list(Meeting.objects.order_by("number").values_list("number", "status", "created_by")) == [
        (1, "planned", secretariat.pk), (2, "planned", secretariat.pk)]
    assert client.get(en("casework:meetings", KEY)).status_code == 200


@pytest.mark.parametrize(("body", "error"), [
    ({"date": "2026-12-10", "place": "   "}, "This field is required."),
    ({"date": "2026-13-40", "place": "Hall"}, "Enter a valid date."),
    ({"date": "1026-12-10", "place": "Hall"}, "The date of the meeting is not plausible."),
    ({"date": "2026-12-10", "place": "x" * 301}, "Ensure this value has at most 300 characters (it has 301)."),
])
def test_p13_a_meeting_needs_a_plausible_date_and_a_place(client, commission, secretariat, body, error):
    answer = as_user(client, secretariat).post(en("casework:meetings", KEY), body)
    assert answer.status_code == 200 and error in answer.content.decode()
    assert not Meeting.objects.exists()


def test_p13_members_read_the_meetings_but_do_not_plan_them(client, commission, meeting):
    client = as_user(client, commission[1][0])
    assert client.get(en("casework:meetings", KEY)).status_code == 200
    assert client.get(en("casework:meeting", KEY, 1)).status_code == 200
    assert client.post(en("casework:meetings", KEY), {"date": "2026-12-10", "place": "Hall"}).status_code == 403
    assert client.post(en("casework:meeting_change", KEY, 1, "held")).status_code == 403
    assert client.get(en("casework:meeting_close", KEY, 1)).status_code == 403
    assert Meeting.objects.get().status == "planned"


@pytest.mark.parametrize("persona", ["owner", "other_applicant", "operator", "other_member"])
def test_p13_nobody_else_sees_the_meetings(client, commission, meeting, persona, request):
    from techpolicy.casework.models import Commission, CommissionMember

    if persona == "operator":
        user = factories.make_operator()
    elif persona == "other_member":
        user = factories.make_commission_member_user()
        other = Commission.objects.create(key="other", name="Other", majority="simple", quorum_kind="half")
        CommissionMember.objects.create(commission=other, user=user, full_name="Other member")
    else:
        user = request.getfixturevalue(persona)
    client = as_user(client, user)
    for url in (en("casework:meetings", KEY), en("casework:meeting", KEY, 1), en("casework:minutes_pdf", KEY, 1)):
        assert client.get(url).status_code == 403, url
    assert client.post(en("casework:meeting_change", KEY, 1, "held")).status_code == 403


def test_p13_only_cases_on_this_commissions_agenda_join_the_meeting(monkeypatch, client, agenda_case, meeting,
                                                                   secretariat, owner, messages_of):
    hstc.registered(monkeypatch)
    hstc.make_hstc()
    foreign = hstc.on_hstc_agenda(factories.make_applicant(), secretariat)
    draft = factories.make_participation_case(factories.make_applicant())
    client = as_user(client, secretariat)
    url = en("casework:meeting_change", KEY, 1, "add")
    for case in (foreign, draft):
        answer = client.post(url, {"case": case.number}, follow=True)
        assert [str(m) for m in answer.context["messages"]] == [
            "Only a case on this commission's agenda can be put on its meeting."]
    answer = client.post(url, {"case": "x" * 10_000}, follow=True)
    assert answer.status_code == 200
    client.post(url, {"case": agenda_case.number}, follow=True)
    answer = client.post(url, {"case": agenda_case.number})
    assert messages_of(answer) == ["The case is already on this meeting's agenda."]
    assert list(MeetingItem.objects.values_list("case__number", "round")) == [(agenda_case.number, 1)]


def test_p13_attendance_is_the_members_of_the_commission(client, commission, meeting, secretariat, messages_of):
    body, users = commission
    members = list(body.members.order_by("pk"))
    client = as_user(client, secretariat)
    url = en("casework:meeting_change", KEY, 1, "attendance")
    answer = client.post(url, {"members": [members[0].pk, members[1].pk]}, follow=True)
    assert set(MeetingAttendance.objects.values_list("member", flat=True)) == {members[0].pk, members[1].pk}
    for bad in (["abc"], ["999999"], ["1" * 40], [str(members[0].pk)] * 501):
        answer = client.post(url, {"members": bad})
        assert messages_of(answer) == ["Choose the members present from the list."], bad[:1]
        client.get(en("casework:meeting", KEY, 1))  # the page consumes the messages
    answer = client.post(url, {"members": [members[2].pk]})
    assert set(MeetingAttendance.objects.values_list("member", flat=True)) == {members[2].pk}


def test_p13_presence_at_a_held_meeting_is_taking_part(agenda_case, commission, meeting, secretariat):
    """Quorum counts the members who take part: those who voted, and those present at a held
    meeting whose agenda holds the case in that round."""
    from techpolicy.casework.commissions.meetings import mark_held, record_attendance

    body, users = commission
    add_item(meeting, agenda_case)
    record_attendance(meeting, body.members.values_list("pk", flat=True))
    assert tally(agenda_case).participants == 0  # planned: nobody has taken part yet
    mark_held(meeting)
    assert tally(agenda_case).participants == 3


def test_p13_closing_asks_for_confirmation_and_is_final(client, agenda_case, commission, meeting, secretariat,
                                                       messages_of):
    client = as_user(client, secretariat)
    client.post(en("casework:meeting_change", KEY, 1, "add"), {"case": agenda_case.number})
    client.post(en("casework:meeting_change", KEY, 1, "held"), follow=True)
    page = client.get(en("casework:meeting_close", KEY, 1))
    assert page.status_code == 200 and "cannot be undone" in page.content.decode()
    answer = client.post(en("casework:meeting_close", KEY, 1), {})
    assert messages_of(answer) == ["Tick the confirmation to close the meeting."]
    assert Meeting.objects.get().status == "held"
    client.get(en("casework:meeting", KEY, 1))
    answer = client.post(en("casework:meeting_close", KEY, 1), {"confirm": "yes"})
    assert messages_of(answer) == ["The meeting was closed; its minutes are final."]
    closed = Meeting.objects.get()
    assert (closed.status, closed.closed_by) == ("closed", secretariat)
    assert closed.minutes["items"][0]["case"] == agenda_case.number
    client.get(en("casework:meeting", KEY, 1))
    for what, body in (("attendance", {"members": []}), ("add", {"case": agenda_case.number}), ("held", {})):
        answer = client.post(en("casework:meeting_change", KEY, 1, what), body)
        assert messages_of(answer) == ["The meeting is closed; its minutes can no longer change."], what
        client.get(en("casework:meeting", KEY, 1))
    with pytest.raises(MeetingError):
        close_meeting(closed, secretariat)


def test_p13_a_meeting_is_closed_only_once_it_was_held(meeting, secretariat):
    with translation.override("en"), pytest.raises(MeetingError, match="present status"):
        close_meeting(meeting, secretariat)


@pytest.mark.parametrize("path", [
    "/en/cases/commissions/technopark-selection/meetings/99999999999999999999/",
    "/en/cases/commissions/technopark-selection/meetings/7/",
    "/en/cases/commissions/no-such-commission/meetings/",
])
def test_p13_unknown_meetings_are_not_found(client, commission, meeting, secretariat, path):
    assert as_user(client, secretariat).get(path).status_code == 404


def test_p13_an_unknown_change_is_refused(client, commission, meeting, secretariat):
    assert as_user(client, secretariat).post(en("casework:meeting_change", KEY, 1, "explode")).status_code == 403
