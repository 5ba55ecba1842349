"""Notices to the applicant about their case, written in each recipient's language.

A `Notification` row is written in the same transaction as the transition, and so is the task
that sends it (`casework.tasks.enqueue_with_transaction`): a rolled-back action sends nothing, a
committed one is always sent by a worker, and a failed send can be retried
(`manage.py send_notifications`)."""

from django.conf import settings
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext as _

from .models import Notification


def notify_applicant(case, action, reason: str = "") -> list[Notification]:
    from .workflow import get  # late: workflows register when their service app loads

    workflow = get(case.workflow)
    state = workflow.state(case.state)
    created = []
    for user in case.organisation.users.filter(is_active=True).exclude(email=""):
        with translation.override(user.language or "kk"):
            subject = _("Case %(number)s: %(state)s") % {"number": case.number, "state": state.applicant_name}
            lines = [
                _("Your case %(number)s (%(workflow)s) is now: %(state)s.")
                % {"number": case.number, "workflow": workflow.name, "state": state.applicant_name},
            ]
            if reason:
                lines.append(_("Reason: %(reason)s") % {"reason": reason})
            if case.due_on:
                # The date as the recipient's language writes it (2 желтоқсан 2026 ж., 2 декабря 2026 г.).
                lines.append(_("Deadline: %(date)s") % {"date": formats.date_format(case.due_on)})
            body = "\n\n".join(str(line) for line in lines)
        created.append(notify(user.email, user.language, str(subject), body, case=case))
    return created


def public_url(path: str) -> str:
    """`path` on the site's public address (TECHPOLICY_PUBLIC_URL): links in e-mail and printed
    documents must work outside the request that made them, e.g. when an API call or a command
    sends the notice."""
    return settings.TECHPOLICY_PUBLIC_URL.rstrip("/") + path


def notify(recipient: str, language: str, subject: str, body: str, case=None) -> Notification:
    """Record a notice and queue its sending in the same transaction (the published way for other
    apps, e.g. invitations to take part, to send e-mail); a worker sends it after the commit."""
    from .tasks import enqueue_with_transaction, send_notification

    # One transaction even when the caller has none, so the notice never exists without its task.
    with transaction.atomic():
        notice = Notification.objects.create(case=case, recipient=recipient, language=language, subject=subject,
                                             body=body)
        enqueue_with_transaction(send_notification, notice.pk)
    return notice
