"""Twenty identical requests at once on the service's creating actions: the proposal (000 p.27), the
organisation of the platform (p.27-29: one decision, one register entry, one platform), a new draft
of the road map and its publication (p.24(7): one draft, one published version). Exactly one wins,
the others are told why, nothing is duplicated, no 500. Real threads on PostgreSQL (tests/races.py)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.casework.models import Case, Decision, RegisterEntry
from techpolicy.services.technology_platforms import roadmap
from techpolicy.services.technology_platforms.models import Platform, RoadMapVersion
from techpolicy.services.technology_platforms.register import REGISTER_KEY
from techpolicy.services.technology_platforms.workflows import ORGANISATION
from tests.races import no_server_errors, post_at_once, race

from .forms_data import proposal_data
from .world import organise_payload, organised, supported


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@race
def test_000_p27_twenty_identical_proposals_open_one_case(world):
    answers = no_server_errors(post_at_once(world.proposer, en("technology_platforms:apply"), proposal_data()))
    [case] = Case.objects.filter(workflow=ORGANISATION.id)
    assert {a.location for a in answers} == {en("casework:detail", case.number)}
    assert len([a for a in answers if a.said("success")]) == 1
    assert case.transitions.count() == 1


@race
def test_000_p27_p29_twenty_organisations_of_one_platform_make_one_entry(world):
    case = supported(world)
    body = organise_payload() | {"version": str(case.version), "reason": "Шешім"}
    answers = no_server_errors(post_at_once(world.ab, en("casework:fire", case.number, "organise"), body))
    case.refresh_from_db()
    assert case.state == "organised"
    assert Platform.objects.count() == 1 and RegisterEntry.objects.filter(register=REGISTER_KEY).count() == 1
    assert Decision.objects.filter(case=case, kind="organisation").count() == 1
    assert case.transitions.filter(action="organise").count() == 1
    assert len([a for a in answers if a.said("success")]) == 1
    assert all(a.said("error") for a in answers if not a.said("success"))


@race
def test_000_p24_7_twenty_new_drafts_make_one_draft(world):
    _case, platform = organised(world)
    no_server_errors(post_at_once(world.proposer, en("technology_platforms:road_map_new", platform.pk)))
    assert RoadMapVersion.objects.filter(platform=platform).count() == 1


@race
def test_000_p24_7_twenty_publications_of_one_draft_publish_it_once(world):
    _case, platform = organised(world)
    draft = roadmap.start_draft(platform, world.proposer)
    today = law_context.today()
    stage = roadmap.add_stage(draft, "Пилот", today, today + dt.timedelta(days=30))
    roadmap.add_item(draft, stage_id=stage.pk, technology_code="H2-01", technology_name="Электролиз",
                     milestone="Пилот", due_on=today, responsible_id=platform.participants.first().pk)
    answers = no_server_errors(post_at_once(world.proposer, en("technology_platforms:road_map_publish", platform.pk,
                                                                 draft.number), {"confirm": "yes"}))
    published = RoadMapVersion.objects.filter(platform=platform, status=RoadMapVersion.PUBLISHED)
    assert published.count() == 1 and published.get().published_at is not None
    assert len([a for a in answers if a.said("success")]) == 1
    assert all("no longer changes" in " ".join(a.said("error")) for a in answers if not a.said("success"))
