"""The service's pages: the index (p.23 roles, p.24 activities, terms and open parameters, the
platforms with a search), the proposal form (kit apply / edit), the platform's records and the
road-map editor with its confirmation before publishing."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.casework.models import Case
from techpolicy.law.acts.act000_methodology.designation_lists import PLATFORM_ACTIVITIES, PLATFORM_PARTICIPANT_ROLES
from techpolicy.services.technology_platforms import roadmap
from techpolicy.services.technology_platforms.workflows import ORGANISATION

from .forms_data import proposal_data
from .world import organised

pytestmark = pytest.mark.django_db


def proposals():
    return Case.objects.filter(workflow=ORGANISATION.id)


def get(client, path, data=None) -> str:
    return html.unescape(client.get(path, data or {}).content.decode())


def url(name, *args, lang="en") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def test_000_p23_p24_the_index_lists_roles_activities_terms_and_open_parameters(client, world):
    organised(world)
    page = get(client, url("technology_platforms:index"))
    for item in (*PLATFORM_PARTICIPANT_ROLES, *PLATFORM_ACTIVITIES):
        assert item.label["en"] in page
    for name in ("tp.platform.ab_consideration_term", "tp.platform.hstc_term", "tp.platform.min_memoranda",
                 "tp.platform.roadmap_horizon_years", "tp.platform.roadmap_review_period"):
        assert f'data-parameter="{name}"' in page
    assert page.count('data-testid="not-set"') >= 5
    assert "Сутегі технологиялық платформасы" in page
    found = client.get(url("technology_platforms:index"), {"q": "СУТЕГІ"}).content.decode()
    assert "Сутегі технологиялық платформасы" in found  # Kazakh case folded
    nothing = client.get(url("technology_platforms:index"), {"q": "nothing"}).content.decode()
    assert "Сутегі технологиялық" not in nothing


def test_000_p27_the_proposal_form_creates_one_draft_with_the_facts(client, world):
    client.force_login(world.proposer)
    page = client.get(url("technology_platforms:apply")).content.decode()
    assert 'value="05.01"' in page and 'value="07.01"' not in page  # only the supervised directions
    data = proposal_data(participants=[("«Дала» ЖШС", "", "business")])
    response = client.post(url("technology_platforms:apply"), data)
    case = proposals().get()
    assert response["Location"] == url("casework:detail", case.number)
    proposal = case.facts["proposal"]
    assert (proposal["sector"], proposal["direction"], proposal["proposer_kind"]) == ("05", "05.01", "state_body")
    assert proposal["coordinator"]["memoranda"][0]["kind"] == "hei"
    assert case.facts["planned_participants"] == [{"name": "«Дала» ЖШС", "bin": "", "role": "business"}]
    again = client.post(url("technology_platforms:apply"), data)
    assert again["Location"] == url("casework:detail", case.number) and proposals().count() == 1


def test_000_p27_the_form_refuses_a_proposal_without_the_coordinator(client, world):
    client.force_login(world.proposer)
    data = proposal_data()
    del data["c-name"]
    page = client.post(url("technology_platforms:apply"), data).content.decode()
    assert "This field is required" in page and not proposals().exists()


def test_000_p23_the_form_refuses_a_competence_centre_that_is_not_designated(client, world):
    client.force_login(world.proposer)
    data = proposal_data(participants=[("Орталық", "990140000321", "competence_centre")])
    page = client.post(url("technology_platforms:apply"), data).content.decode()
    assert "is not a competence centre designated" in page and not proposals().exists()
    data = proposal_data(participants=[(world.centre.name, world.centre.bin, "competence_centre")])
    assert client.post(url("technology_platforms:apply"), data).status_code == 302


def test_the_edit_refuses_a_stale_form(client, world):
    client.force_login(world.proposer)
    client.post(url("technology_platforms:apply"), proposal_data())
    case = proposals().get()
    data = proposal_data(coordinator="Жаңа институт") | {"version": str(case.version)}
    assert client.post(url("technology_platforms:edit", case.number), data).status_code == 302
    case.refresh_from_db()
    assert case.facts["proposal"]["coordinator"]["organisation"]["name"] == "Жаңа институт"
    stale = client.post(url("technology_platforms:edit", case.number), data, follow=True).content.decode()
    assert "changed by someone else" in stale


def test_the_road_map_editor_asks_for_confirmation_before_publishing(client, world):
    _case, platform = organised(world)
    client.force_login(world.proposer)
    response = client.post(url("technology_platforms:road_map_new", platform.pk))
    draft = roadmap.draft_of(platform)
    assert response["Location"] == url("technology_platforms:road_map_version", platform.pk, draft.number)
    base = ("technology_platforms:road_map_change", platform.pk, draft.number)
    today = law_context.today()
    client.post(url(*base, "stage"), {"name": "Пилот", "starts_on": today.isoformat(),
                                      "ends_on": (today + dt.timedelta(days=365)).isoformat()})
    stage = draft.stages.get()
    coordinator = platform.participants.get(role="coordinator")
    client.post(url(*base, "item"), {"stage": stage.pk, "technology_code": "H2-01", "technology_name": "Электролиз",
                                     "milestone": "Пилот қондырғы",
                                     "due_on": (today + dt.timedelta(days=200)).isoformat(),
                                     "responsible": coordinator.pk, "status": "planned"})
    assert stage.items.count() == 1
    publish = url("technology_platforms:road_map_publish", platform.pk, draft.number)
    confirm = client.get(publish).content.decode()
    assert 'name="confirm"' in confirm and "never changes again" in confirm
    client.post(publish, {})
    assert roadmap.current(platform) is None  # not without the confirmation
    response = client.post(publish, {"confirm": "yes"})
    assert response["Location"] == url("technology_platforms:platform", platform.pk)
    assert roadmap.current(platform) == draft
    page = client.get(url("technology_platforms:platform", platform.pk)).content.decode()
    assert 'data-testid="road-map-version" data-number="1"' in page and "Пилот қондырғы" in page
    late = client.post(url(*base, "stage"), {"name": "Кеш", "starts_on": today.isoformat(),
                                             "ends_on": today.isoformat()}, follow=True).content.decode()
    assert "no longer changes" in late and draft.stages.count() == 1


def test_the_records_of_the_platform(client, world):
    _case, platform = organised(world)
    client.force_login(world.proposer)
    manage = url("technology_platforms:manage", platform.pk)
    today = law_context.today().isoformat()
    client.post(manage, {"which": "vision", "vision-text": "Бірыңғай пайым"})
    participant = platform.participants.get(role="business")
    client.post(manage, {"which": "agreement", "agreement-participant": participant.pk, "agreement-agreed_on": today})
    client.post(manage, {"which": "activity", "activity-activity": "single_vision", "activity-on": today,
                         "activity-description": "Келісу кеңесі"})
    client.post(manage, {"which": "funding", "funding-kind": "attracted", "funding-description": "Жарналар"})
    client.post(manage, {"which": "participant", "participant-role": "education", "participant-name": "Колледж",
                         "participant-joined_on": today})
    refused = client.post(manage, {"which": "participant", "participant-role": "competence_centre",
                                   "participant-name": "Орталық", "participant-bin": "990140000321",
                                   "participant-joined_on": today}).content.decode()
    assert "is not a competence centre designated" in refused
    vision = platform.visions.get()
    assert (vision.number, vision.agreements.get().participant) == (1, participant)
    assert platform.activities.get().activity == "single_vision"
    assert platform.funding_sources.get().kind == "attracted"
    assert platform.participants.filter(role="education").count() == 1
    assert not platform.participants.filter(role="competence_centre").exists()
    public = client.get(url("technology_platforms:platform", platform.pk)).content.decode()
    assert "Бірыңғай пайым" in public and "Келісу кеңесі" in public and "Колледж" in public
