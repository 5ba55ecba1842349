"""Notices to the applicant (architecture: background work through the task API or an idempotent
outbox worker): a transition with notify_applicant writes one Notification per user of the
applicant organisation, in that user's language (kk/ru/en), and the e-mail is sent exactly once.
Checked on the participation workflow of seed 001 (p.9 submit, p.13 remarks). The e-mails are sent
by the worker through the real database task backend (`run_tasks`)."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import Notification
from techpolicy.casework.notifications import notify
from techpolicy.casework.tasks import send_notification
from techpolicy.services.technopark.workflows import PARTICIPATION
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(owner):
    """The owner (en) and two colleagues (kk, ru) with e-mails; one without e-mail, one inactive."""
    organisation = owner.organisation
    make = factories.make_user
    return {
        "en": owner,
        "kk": make(organisation=organisation, email="kk@example.kz", language="kk"),
        "ru": make(organisation=organisation, email="ru@example.kz", language="ru"),
        "no_email": make(organisation=organisation, email="", language="ru"),
        "inactive": make(organisation=organisation, email="gone@example.kz", language="kk", is_active=False),
    }


def run_command() -> str:
    out = StringIO()
    call_command("send_notifications", stdout=out)
    return out.getvalue()


def test_p9_submit_notifies_each_user_in_their_language(run_tasks, draft_case, team):
    case = fire(draft_case, "submit", team["en"])
    assert run_tasks() == 3
    notices = {n.language: n for n in Notification.objects.filter(case=case)}
    assert set(notices) == {"kk", "ru", "en"}
    for language, notice in notices.items():
        assert notice.recipient == team[language].email
        with translation.override(language):
            state = str(PARTICIPATION.state("submitted").applicant_name)
            subject = gettext("Case %(number)s: %(state)s") % {"number": case.number, "state": state}
        assert notice.subject == subject
        assert case.number in notice.body
        assert notice.sent_at is not None
    assert len({n.subject for n in notices.values()}) == 3  # three languages, three wordings


def test_p9_each_notice_is_mailed_exactly_once(run_tasks, draft_case, team):
    fire(draft_case, "submit", team["en"])
    assert mail.outbox == []  # queued, not sent inside the request
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == ["kk@example.kz", "owner@example.kz", "ru@example.kz"]
    assert "0 notification(s) sent" in run_command()
    assert run_tasks() == 0
    assert len(mail.outbox) == 3


def test_worker_command_sends_what_was_not_sent_and_then_nothing(run_tasks, draft_case, team):
    # The transaction commits but the worker is down: the command sends, and the queued tasks,
    # when a worker comes back, find the notices sent and send nothing again.
    case = fire(draft_case, "submit", team["en"])
    assert mail.outbox == []
    assert Notification.objects.filter(case=case, sent_at=None).count() == 3
    assert "3 notification(s) sent" in run_command()
    assert len(mail.outbox) == 3
    assert "0 notification(s) sent" in run_command()
    assert run_tasks() == 3
    assert len(mail.outbox) == 3
    assert not Notification.objects.filter(sent_at=None).exists()


def _send_tasks():
    return DBTaskResult.objects.filter(task_path=send_notification.module_path)


def test_the_task_is_written_with_the_notice_in_one_transaction(run_tasks):
    # The task row exists before the commit: a process that dies right after the commit loses nothing.
    with transaction.atomic():
        notice = notify("a@example.kz", "kk", "Subject", "Body")
        assert _send_tasks().filter(args_kwargs__args=[notice.pk]).count() == 1
    run_tasks()
    assert [m.to for m in mail.outbox] == [["a@example.kz"]]


def test_a_rolled_back_notice_queues_nothing(run_tasks):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify("a@example.kz", "kk", "Subject", "Body")
        raise RuntimeError("the action failed after the notice was written")
    assert not Notification.objects.exists()
    assert not _send_tasks().exists()
    assert run_tasks() == 0
    assert mail.outbox == []


def test_a_notice_whose_task_runs_twice_is_mailed_once(run_tasks):
    # A worker died after sending and the task was handed to another: the second run finds it sent.
    notice = notify("a@example.kz", "kk", "Subject", "Body")
    send_notification.enqueue(notice.pk)
    assert run_tasks() == 2
    assert len(mail.outbox) == 1


def test_p13_action_without_notify_applicant_writes_no_notice(run_tasks, draft_case, team, secretariat):
    case = fire(draft_case, "submit", team["en"])
    before = Notification.objects.count()
    queued = _send_tasks().count()
    fire(case, "take_for_review", secretariat)
    assert Notification.objects.count() == before
    assert _send_tasks().count() == queued


def test_p13_remarks_notice_carries_the_reason(run_tasks, draft_case, team, secretariat):
    case = fire(fire(draft_case, "submit", team["en"]), "take_for_review", secretariat)
    run_tasks()
    mail.outbox.clear()  # the notices of the submission
    fire(case, "send_remarks", secretariat, reason="Attach the lease contract.")
    run_tasks()
    [message] = [m for m in mail.outbox if m.to == ["owner@example.kz"]]
    assert "Attach the lease contract." in message.body


def test_p9_refused_action_sends_nothing(run_tasks, owner, team):
    case = factories.make_participation_case(owner, documents=False)
    with pytest.raises(WorkflowError):
        fire(case, "submit", owner)
    assert not Notification.objects.exists()
    assert run_tasks() == 0
    assert mail.outbox == []


def test_p9_to_p20_every_notifying_transition_writes_one_notice_per_user(run_tasks, draft_case, team, secretariat,
                                                                        commission):
    """Along the whole participation path: three notices (kk, ru, en) for each action that notifies
    the applicant, none for the others, and every notice mailed once."""
    _commission, voters = commission
    case = draft_case
    for step in factories.PARTICIPATION_PATH:
        if step == "VOTE":
            factories.cast_votes(case, voters, ["for"] * 3)
            continue
        before = Notification.objects.count()
        actor = team["en"] if step == "submit" else secretariat
        payload = factories.contract_payload() if step == "sign_contract" else {}
        case = fire(case, step, actor, payload=payload)
        expected = 3 if PARTICIPATION.action(step).notify_applicant else 0
        assert Notification.objects.count() - before == expected, step
        assert run_tasks() == expected, step
    assert case.state == "registered"
    notices = Notification.objects.filter(case=case)
    assert len(mail.outbox) == notices.count() == 3 * 6
    assert not notices.filter(sent_at=None).exists()
