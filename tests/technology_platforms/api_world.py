"""One organised platform with a published road map, for the API-wide tests (tests/api: the hardening
tests and the fuzzer), made without the other services' reference data: a case recorded as
organised, the authorized body's decision, the register entry and the platform's records."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from techpolicy.casework import law_context, registers
from techpolicy.casework.models import Decision
from techpolicy.services.technology_platforms import roadmap
from techpolicy.services.technology_platforms.models import Platform
from techpolicy.services.technology_platforms.organise import add_participant
from techpolicy.services.technology_platforms.register import DECISION_KIND, ORGANISATION, ORGANISED
from techpolicy.services.technology_platforms.workflows import ORGANISATION as WORKFLOW
from tests import factories
from tests.api.examples import example


def make_platform(user) -> Platform:
    today = law_context.today()
    proposer = factories.make_organisation(name="Ministry of Digital Development (API world)")
    case = factories.make_case(proposer, user, number=f"TP-{today.year}-9{factories._next():04d}",
                               workflow=WORKFLOW.id, state="organised", open=False)
    decision = Decision.objects.create(case=case, kind=DECISION_KIND, outcome="approved", basis=["000 p.27"],
                                       decided_at=timezone.now(), recorded_by=user)
    entry = registers.enter(ORGANISED, on=today, citation=ORGANISATION, decision=decision, name="Smart City platform",
                            organisation=proposer, case=case, valid_from=today,
                            data={"sector": ["09"], "direction": ["09.01"], "coordinator": "City Lab",
                                  "proposer": proposer.name, "decision_number": "API-1"})
    platform = Platform.objects.create(entry=entry, case=case, name=entry.name, sector="09", direction="09.01",
                                       proposer=proposer, coordinator_name="City Lab", organised_on=today)
    coordinator = add_participant(platform, user, role="coordinator", name="City Lab", bin_="", joined_on=today)
    draft = roadmap.start_draft(platform, user)
    stage = roadmap.add_stage(draft, "Pilot", today, today + dt.timedelta(days=90))
    roadmap.add_item(draft, stage_id=stage.pk, technology_code="SC-01", technology_name="Digital twin",
                     milestone="Pilot district", due_on=today, responsible_id=coordinator.pk)
    roadmap.publish(draft, user)
    return platform


def path_values(user) -> dict[str, dict[str, object]]:
    """The platform behind the path parameters of the service's API operations."""
    platform = make_platform(user).pk
    return {f"/technology-platforms/platforms/{{platform_id}}{tail}": {"platform_id": platform}
            for tail in ("/road-map", "/road-map/versions", "/participants")}


VALID_BODY = {"/technology-platforms/check": lambda: example("platform_coordinator.json")}
TEXT_IN_BODY = {"/technology-platforms/check": "proposal.platform_name"}
