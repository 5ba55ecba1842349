from django.core.management.base import BaseCommand

from techpolicy.casework.models import Notification
from techpolicy.casework.tasks import send_notification


class Command(BaseCommand):
    help = "Send notifications that were not sent yet (safe to run repeatedly)."

    def handle(self, *args, **options):
        sent = sum(
            bool(send_notification.call(pk))
            for pk in Notification.objects.filter(sent_at=None).values_list("pk", flat=True)
        )
        self.stdout.write(f"{sent} notification(s) sent")
