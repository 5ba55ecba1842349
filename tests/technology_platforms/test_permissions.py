"""Who may see and do what, with the personas: the owner (the proposing state body), another
applicant, the staff of this workflow (the authorized body, the HSTC's working body), the HSTC's
members (only once the case was on their agenda) and staff of another service (403)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import available_actions
from techpolicy.casework.permissions import can_view
from techpolicy.services.technology_platforms import roadmap

from .world import drive, organised, proposal

pytestmark = pytest.mark.django_db


def url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def status(client, user, path, method="get", data=None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(path, data or {}).status_code


def test_the_case_page_by_persona(client, world):
    case = drive(proposal(world), world, "submit")
    page = url("casework:detail", case.number)
    assert status(client, world.proposer, page) == 200  # owner
    assert status(client, world.ab, page) == 200  # staff of this workflow
    assert status(client, world.secretary, page) == 200
    assert status(client, world.other, page) == 403  # another applicant
    assert status(client, world.other_body, page) == 403  # another state body
    assert status(client, world.secretariat, page) == 403  # staff of another service
    assert status(client, world.cc.ni, page) == 403  # the competence centres' national institute
    assert status(client, world.members[0], page) == 403  # not on the HSTC's agenda yet
    drive(case, world, "refer_to_hstc")
    assert status(client, world.members[0], page) == 200


def test_each_role_sees_its_own_actions(world):
    case = drive(proposal(world), world, "submit")
    assert {a.id for a in available_actions(case, world.ab)} == {"return_with_remarks", "refuse", "refer_to_hstc"}
    assert available_actions(case, world.proposer) == []
    assert available_actions(case, world.secretariat) == []
    assert available_actions(case, world.other_body) == []
    case = drive(case, world, "refer_to_hstc")
    assert {a.id for a in available_actions(case, world.secretary)} == {"recommend", "do_not_recommend"}
    assert available_actions(case, world.ab) == []


def test_000_p27_the_proposal_page_is_for_state_bodies_only(client, world):
    assert status(client, world.proposer, url("technology_platforms:apply")) == 200
    client.force_login(world.other)
    response = client.get(url("technology_platforms:apply"))
    assert response.status_code == 403 and "Only a state body or a local executive body" in response.content.decode()
    assert status(client, None, url("technology_platforms:apply")) == 302  # to the sign-in page


def test_the_platform_records_are_kept_by_the_coordinator_and_the_proposer(client, world):
    _case, platform = organised(world)
    manage = url("technology_platforms:manage", platform.pk)
    assert status(client, world.proposer, manage) == 200
    for outsider in (world.other, world.ab, world.secretariat, world.members[0]):
        assert status(client, outsider, manage) == 403
    assert status(client, None, url("technology_platforms:platform", platform.pk)) == 200  # public


def test_a_draft_road_map_is_not_public(client, world):
    _case, platform = organised(world)
    draft = roadmap.start_draft(platform, world.proposer)
    page = url("technology_platforms:road_map_version", platform.pk, draft.number)
    assert status(client, world.proposer, page) == 200
    assert status(client, world.ab, page) == 200  # the authorized body reads it
    assert status(client, None, page) == 403
    assert status(client, world.other, page) == 403
    stage = url("technology_platforms:road_map_change", platform.pk, draft.number, "stage")
    body = {"name": "S", "starts_on": "2027-01-01", "ends_on": "2027-12-31"}
    assert status(client, world.ab, stage, "post", body) == 403  # reads, never edits
    assert status(client, world.other, url("technology_platforms:road_map_new", platform.pk), "post") == 403
    assert not draft.stages.exists()


def test_hstc_members_see_the_case_through_the_round_only(world):
    case = drive(proposal(world), world, "submit", "refer_to_hstc")
    assert can_view(world.members[0], case)[0]
    assert not can_view(world.secretariat, case)[0]


def test_000_p27_my_cases_offers_the_proposal_to_state_bodies_only(client, world):
    link = 'href="/en/technology-platforms/apply/"'
    client.force_login(world.proposer)
    assert link in client.get("/en/cases/").content.decode()
    client.force_login(world.other)
    assert link not in client.get("/en/cases/").content.decode()
