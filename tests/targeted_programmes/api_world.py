"""One approved programme with its monitoring plan, for the API-wide tests (tests/api: the hardening
tests and the fuzzer), made without the other services' reference data: a case recorded as
approved, the state body's decision and a plan with one indicator and its targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from techpolicy.casework import law_context
from techpolicy.casework.models import Decision
from techpolicy.monitoring import indicators as core
from techpolicy.monitoring import store
from techpolicy.monitoring.common import Names
from techpolicy.monitoring.models import Plan
from techpolicy.services.targeted_programmes.workflows import PROGRAMME
from tests import factories
from tests.api.examples import example


def make_programme(user) -> str:
    today = law_context.today()
    developer = factories.make_organisation(name="Competence centre (API world)")
    number = f"TTP-{today.year}-9{factories._next():04d}"
    factories.make_case(developer, user, number=number, workflow=PROGRAMME.id, state="approved", open=False,
                        facts={"sector": "09", "direction": "09.01", "passport": {"name": "Smart city programme"}})
    case = developer.cases.get(number=number)
    Decision.objects.create(case=case, kind="approval", outcome="approved", basis=["000 p.43"],
                            decided_at=timezone.now(), recorded_by=user)
    plan = Plan.objects.create(owner_kind="ttp", owner_ref=number, name_kk="Smart city", name_ru="Smart city",
                               name_en="Smart city", first_year=today.year, last_year=today.year + 4)
    target = core.Target(year=today.year + 4, value=Decimal(10), stage="final", act="API-1", paragraph="000 p.38",
                         effective=dt.date(today.year, 1, 1))
    store.save_indicator(plan, core.Indicator(
        code="I1", name=Names(kk="Pilots", ru="Pilots", en="Pilots"), unit="count", direction="higher_is_better",
        kind="cumulative", base_year=today.year - 1, base_value=Decimal(0), targets=[target]))
    return number


def path_values(user) -> dict[str, dict[str, object]]:
    """The approved programme behind the path parameter of the progress operation."""
    return {"/targeted-programmes/programmes/{number}/progress": {"number": make_programme(user)}}


VALID_BODY = {"/targeted-programmes/check": lambda: example("programme.json")}
TEXT_IN_BODY = {"/targeted-programmes/check": "passport.name"}
