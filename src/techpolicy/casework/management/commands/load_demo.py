"""`manage.py load_demo`: every declared service's demo world, in the services' order."""

from django.core.management.base import BaseCommand
from django.utils import translation

from techpolicy.casework.registry import resolve, services


class Command(BaseCommand):
    help = "Load reference data from the legal documents and fictional demo cases of every service (idempotent)."

    def handle(self, *args, **options):
        # The demo is told in the default language of the site: names of states, notices, documents.
        translation.activate("kk")
        for service in services():
            if service.demo:
                for line in resolve(service.demo)():
                    self.stdout.write(line)
