"""Issue 9: the minutes of a meeting as a PDF (seed 000 p.28, requirement "000.p28": "minutes
(PDF)"; seed 001 p.13 for the selection commission), made by a worker and set in a font with every
Kazakh letter: the agenda, the members present, and for each case the roll, the recusals with
their reasons, the quorum base and whether the quorum was met, each vote and the outcome. Closing
the meeting fixes them."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.casework.commissions import declare_recusal
from techpolicy.casework.commissions.meetings import (
    add_item,
    close_meeting,
    create_meeting,
    mark_held,
    record_attendance,
)
from techpolicy.casework.commissions.minutes import minutes_data, render_minutes
from techpolicy.casework.models import CommissionMember, GeneratedFile
from tests import factories
from tests.forecasting.report.pdftext import text

pytestmark = pytest.mark.django_db
KEY = factories.SELECTION_COMMISSION_KEY
CONFLICT = "Менің жұбайым өтініш берушінің құрылтайшысы, ал ғылыми жетекшім бүгін оның кеңесшісі."
PLACE = "Астана шаһары, Мәңгілік Ел даңғылы, 55/8"
KAZAKH_LETTERS = "әғқңөұүһі"


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def sitting(owner, secretariat, commission, run_tasks):
    """Meeting No. 1, held, with the agenda case: two members present, of whom one voted against;
    the third recused."""
    body, users = commission
    CommissionMember.objects.filter(user=users[1]).update(full_name="Сәуле Жақыпова")
    case = factories.drive_participation(factories.make_participation_case(owner), "commission", owner, secretariat)
    meeting = create_meeting(body, secretariat, timezone.localdate(), PLACE)
    add_item(meeting, case)
    members = {m.user_id: m for m in body.members.all()}
    record_attendance(meeting, [members[users[0].pk].pk, members[users[1].pk].pk])
    mark_held(meeting)
    declare_recusal(case, users[2], CONFLICT)
    factories.cast_votes(case, users[1:2], ["against"])
    run_tasks()  # the notices of the workflow, so that the tests count only the minutes
    return meeting, case, users


def test_000p28_the_minutes_hold_the_agenda_attendance_quorum_recusals_and_votes(sitting):
    meeting, case, users = sitting
    data = minutes_data(meeting)
    item = data["items"][0]
    assert data["present"] == sorted(["Сәуле Жақыпова", f"Member {users[0].username}"])
    assert (item["case"], item["round"], item["recusals"][0]["reason"]) == (case.number, 1, CONFLICT)
    assert (item["tally"]["entitled"], item["tally"]["base"], item["tally"]["participants"],
            item["tally"]["quorum"], item["tally"]["quorum_met"]) == (3, 2, 2, 3, False)
    with translation.override("en"):
        pdf = text(render_minutes(data, "en"))
    assert [v["member"] for v in item["votes"]] == ["Сәуле Жақыпова"]
    for expected in ("Minutes of meeting No. 1", case.number, "Сәуле Жақыпова", CONFLICT, "Quorum base",
                     "Members present", "No decision: the quorum was not met.", PLACE, "against: test vote against"):
        assert expected in pdf, expected


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_000p28_the_minutes_print_in_each_language_with_kazakh_letters(sitting, lang):
    meeting, case, _users = sitting
    pdf = render_minutes(minutes_data(meeting), lang)
    assert pdf.startswith(b"%PDF") and b"DejaVuSans" in pdf
    printed = text(pdf)
    assert CONFLICT in printed and PLACE in printed and case.number in printed
    assert all(letter in printed for letter in KAZAKH_LETTERS)


def test_000p28_members_and_staff_download_the_minutes_made_by_a_worker(client, sitting, secretariat, run_tasks):
    meeting, case, users = sitting
    for user in (secretariat, users[0]):
        client.force_login(user)
        first = client.get(en("casework:minutes_pdf", KEY, 1), {"lang": "kk"})
        assert first.status_code == 302  # the status page while the worker makes it
    assert GeneratedFile.objects.count() == 1  # the same minutes are made once for both
    assert run_tasks() == 1
    ready = client.get(en("casework:minutes_pdf", KEY, 1), {"lang": "kk"})
    assert ready.status_code == 200 and ready["Content-Type"] == "application/pdf"
    assert ready["Content-Disposition"].endswith(f'filename="{KEY}-1-minutes-kk.pdf"')
    assert CONFLICT in text(b"".join(ready.streaming_content))


def test_000p28_the_minutes_follow_the_records_until_the_meeting_is_closed(client, sitting, secretariat,
                                                                         run_tasks):
    meeting, case, users = sitting
    client.force_login(secretariat)

    def ask():
        client.get(en("casework:minutes_pdf", KEY, 1), {"lang": "en"})
        return GeneratedFile.objects.count()

    assert (ask(), ask()) == (1, 1)  # the same records: the same file
    record_attendance(meeting, meeting.commission.members.values_list("pk", flat=True))
    assert ask() == 2  # another member present: new minutes
    close_meeting(meeting, secretariat)
    meeting.refresh_from_db()
    fixed = minutes_data(meeting)
    assert ask() == 3  # closed: the status printed on them changed
    factories.cast_votes(case, users[:1], ["for"])  # a vote after the meeting was closed
    assert minutes_data(meeting) == fixed and ask() == 3
    assert run_tasks() == 3


def test_p13_an_unknown_language_falls_back_to_kazakh(client, sitting, secretariat):
    client.force_login(secretariat)
    client.get(en("casework:minutes_pdf", KEY, 1), {"lang": "<script>"})
    assert GeneratedFile.objects.get().key.startswith(f"minutes:{sitting[0].pk}:kk:")
