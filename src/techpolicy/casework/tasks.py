"""Background tasks (Django's task API)."""

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Notification


@task()
def send_notification(notification_id: int) -> bool:
    """Send one notice; idempotent, so a retry after a crash never sends twice what was marked sent."""
    with transaction.atomic():
        notice = Notification.objects.select_for_update().filter(pk=notification_id, sent_at=None).first()
        if notice is None:
            return False
        send_mail(notice.subject, notice.body, None, [notice.recipient])
        notice.sent_at = timezone.now()
        notice.save(update_fields=["sent_at"])
    return True
