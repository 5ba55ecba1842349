"""Background tasks (Django's task API, on the database backend of django-tasks-db).

Every task here is idempotent: a worker that dies mid-task has its task handed to another
(`casework.worker`), so a task may run twice and must then do no harm."""

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend

from .models import Notification


def enqueue_with_transaction(task_, *args):
    """Queue `task_` as part of the surrounding transaction.

    With the database backend the task is a row written in the same transaction as the data it is
    about, so both commit or neither does: nothing is lost if the process dies between the commit
    and the enqueue (which `transaction.on_commit` would allow), and a rolled-back action queues
    nothing. Another backend (e.g. the immediate one) would run the task before the data commits,
    so there the task is queued after the commit instead."""
    if isinstance(task_.get_backend(), DatabaseBackend):
        return task_.enqueue(*args)
    transaction.on_commit(lambda: task_.enqueue(*args))
    return None


@task()
def send_notification(notification_id: int) -> bool:
    """Send one notice; idempotent, so a retry after a crash never sends twice what was marked sent.

    The row lock is held while the mail goes out, so two workers never send the same notice at
    once; a worker killed after the mail server accepted the message but before the commit would
    send it again when the task is retried (e-mail is at least once, never at most once)."""
    with transaction.atomic():
        notice = Notification.objects.select_for_update().filter(pk=notification_id, sent_at=None).first()
        if notice is None:
            return False
        send_mail(notice.subject, notice.body, None, [notice.recipient])
        notice.sent_at = timezone.now()
        notice.save(update_fields=["sent_at"])
    return True


@task()
def render_file(job_id: str) -> str:
    """Make the file of one `GeneratedFile` (`casework.jobs`); a second run finds it ready and stops."""
    from .jobs import run_job  # late: jobs queues this task

    return run_job(job_id)
