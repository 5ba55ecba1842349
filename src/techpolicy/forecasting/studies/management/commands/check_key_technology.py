"""`manage.py check_key_technology CODE [--on DATE] [--lang kk|ru|en]`: is a technology direction on
the list of key (priority) technologies in force on a date (seed 000 p.13(1))? The list lives in the
database, so this is a manage.py command rather than a `techpolicy check` service (those read only
the law layer's files). Prints the verdict as JSON; exit 0 listed, 1 not listed, 2 invalid input."""

import datetime as dt
import json
import sys

from django.core.management.base import BaseCommand

from techpolicy.forecasting.studies.key_technologies import check_direction
from techpolicy.law.facts import InvalidFacts


class Command(BaseCommand):
    help = "Is a technology direction a key (priority) technology on a date (Order No. 133/НҚ p.13(1))?"

    def add_arguments(self, parser):
        parser.add_argument("code")
        parser.add_argument("--on", help="date YYYY-MM-DD (default: today)")
        parser.add_argument("--lang", choices=["kk", "ru", "en"], default="kk")

    def handle(self, code, on=None, lang="kk", **options):
        try:
            day = dt.date.fromisoformat(on) if on else None
            verdict = check_direction(code, day)
        except (ValueError, InvalidFacts) as exc:
            self.stderr.write(json.dumps({"error": str(exc), "field": "--on" if on else "code"}, ensure_ascii=False))
            sys.exit(2)
        self.stdout.write(json.dumps(verdict.as_dict(lang), ensure_ascii=False, indent=2))
        sys.exit(0 if verdict.eligible else 1)
