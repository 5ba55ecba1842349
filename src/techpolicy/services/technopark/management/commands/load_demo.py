from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import translation

from techpolicy.casework.models import ReferenceItem
from techpolicy.forecasting.studies import demo as forecasting_demo
from techpolicy.services.productivity import demo as productivity_demo
from techpolicy.services.technopark import demo
from techpolicy.services.technopark.law import ACTIVITY_TYPES, activity_types


class Command(BaseCommand):
    help = "Load reference data from the legal documents and fictional demo cases (idempotent)."

    def handle(self, *args, **options):
        translation.activate("kk")
        if not ReferenceItem.objects.filter(list_key=ACTIVITY_TYPES).exists():
            # Never overwrite an official list an administrator has imported.
            call_command("import_activity_types", stdout=self.stdout)
        code = sorted(activity_types())[0]
        for line in demo.load(code) + productivity_demo.load() + forecasting_demo.load():
            self.stdout.write(line)
        self.stdout.write(f"Demo logins (password {demo.DEMO_PASSWORD}): admin, secretariat, member1-3, "
                          + ", ".join(c[0] for c in demo.COMPANIES))
