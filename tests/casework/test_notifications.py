"""Notices to the applicant (architecture: background work through the task API or an idempotent
outbox worker): a transition with notify_applicant writes one Notification per user of the
applicant organisation, in that user's language (kk/ru/en), and the e-mail is sent exactly once.
Checked on the participation workflow of seed 001 (p.9 submit, p.13 remarks)."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import Notification
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


def test_p9_submit_notifies_each_user_in_their_language(django_capture_on_commit_callbacks, draft_case, team):
    with django_capture_on_commit_callbacks(execute=True):
        case = fire(draft_case, "submit", team["en"])
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


def test_p9_each_notice_is_mailed_exactly_once(django_capture_on_commit_callbacks, draft_case, team):
    with django_capture_on_commit_callbacks(execute=True):
        fire(draft_case, "submit", team["en"])
    assert sorted(m.to[0] for m in mail.outbox) == ["kk@example.kz", "owner@example.kz", "ru@example.kz"]
    assert "0 notification(s) sent" in run_command()
    assert len(mail.outbox) == 3


def test_worker_command_sends_what_was_not_sent_and_then_nothing(django_capture_on_commit_callbacks, draft_case,
                                                                 team):
    # The transaction commits but the task never ran (e.g. the worker was down).
    with django_capture_on_commit_callbacks(execute=False):
        case = fire(draft_case, "submit", team["en"])
    assert mail.outbox == []
    assert Notification.objects.filter(case=case, sent_at=None).count() == 3
    assert "3 notification(s) sent" in run_command()
    assert len(mail.outbox) == 3
    assert "0 notification(s) sent" in run_command()
    assert len(mail.outbox) == 3
    assert not Notification.objects.filter(sent_at=None).exists()


def test_p13_action_without_notify_applicant_writes_no_notice(django_capture_on_commit_callbacks, draft_case,
                                                              team, secretariat):
    case = fire(draft_case, "submit", team["en"])
    before = Notification.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        fire(case, "take_for_review", secretariat)
    assert Notification.objects.count() == before
    assert mail.outbox == []


def test_p13_remarks_notice_carries_the_reason(django_capture_on_commit_callbacks, draft_case, team, secretariat):
    case = fire(fire(draft_case, "submit", team["en"]), "take_for_review", secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        fire(case, "send_remarks", secretariat, reason="Attach the lease contract.")
    [message] = [m for m in mail.outbox if m.to == ["owner@example.kz"]]
    assert "Attach the lease contract." in message.body


def test_p9_refused_action_sends_nothing(django_capture_on_commit_callbacks, owner, team):
    case = factories.make_participation_case(owner, documents=False)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(WorkflowError):
        fire(case, "submit", owner)
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_p9_to_p20_every_notifying_transition_writes_one_notice_per_user(django_capture_on_commit_callbacks,
                                                                        draft_case, team, secretariat, commission):
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
        with django_capture_on_commit_callbacks(execute=True):
            case = fire(case, step, actor, payload=payload)
        expected = 3 if PARTICIPATION.action(step).notify_applicant else 0
        assert Notification.objects.count() - before == expected, step
    assert case.state == "registered"
    notices = Notification.objects.filter(case=case)
    assert len(mail.outbox) == notices.count() == 3 * 6
    assert not notices.filter(sent_at=None).exists()
