"""Hostile input on the service's pages: impossible numbers in the path, garbled and oversized form
fields, hundreds of formset rows, unknown changes, ids of another platform's records. Never a 500;
nothing is written that should not be."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case
from techpolicy.services.technology_platforms import roadmap
from techpolicy.services.technology_platforms.models import RoadMapStage
from techpolicy.services.technology_platforms.workflows import ORGANISATION

from .forms_data import proposal_data
from .world import organised

pytestmark = pytest.mark.django_db
HUGE = "9" * 30


def url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def answered():
    client = Client(raise_request_exception=False)

    def call(user, method, path, data=None):
        client.logout()
        if user is not None:
            client.force_login(user)
        response = getattr(client, method)(path, data or {})
        assert response.status_code < 500, (path, response.status_code)
        return response

    return call


def test_impossible_numbers_in_the_path_are_404(answered, world):
    _case, platform = organised(world)
    base = f"/en/technology-platforms/platforms/{HUGE}"
    for path in (f"{base}/", f"{base}/road-map/", f"{base}/road-map/1/",
                 f"/en/technology-platforms/platforms/{platform.pk}/road-map/{HUGE}/"):
        assert answered(None, "get", path).status_code == 404
    assert answered(world.proposer, "post", f"{base}/road-map/new/").status_code == 404
    assert answered(world.proposer, "get", f"{base}/manage/").status_code == 404


def test_the_index_bounds_its_search_and_page(answered, world):
    organised(world)
    index = url("technology_platforms:index")
    assert answered(None, "get", index, {"q": "ә" * 10_000}).status_code == 200
    assert answered(None, "get", index, {"page": HUGE}).status_code == 200
    assert answered(None, "get", index, {"page": "-1'"}).status_code == 200


def test_the_proposal_form_bounds_its_rows_and_texts(answered, world):
    data = proposal_data() | {"m-TOTAL_FORMS": "100000", "pp-TOTAL_FORMS": HUGE, "f-TOTAL_FORMS": "-5"}
    assert answered(world.proposer, "post", url("technology_platforms:apply"), data).status_code == 200
    long_name = proposal_data(name="П" * 5_000)
    assert answered(world.proposer, "post", url("technology_platforms:apply"), long_name).status_code == 200
    garbled = proposal_data() | {"c-interaction_started_on": "0000-13-45", "p-direction": "' OR 1=1"}
    assert answered(world.proposer, "post", url("technology_platforms:apply"), garbled).status_code == 200
    assert not Case.objects.filter(workflow=ORGANISATION.id).exists()
    more = proposal_data() | {"add_memorandum": "1", "m-TOTAL_FORMS": "abc"}
    assert answered(world.proposer, "post", url("technology_platforms:apply"), more).status_code == 200


def test_the_road_map_editor_refuses_garbled_and_foreign_ids(answered, world):
    _case, platform = organised(world)
    _other_case, other = organised(world, direction="05.02")
    draft = roadmap.start_draft(platform, world.proposer)
    foreign = roadmap.add_stage(roadmap.start_draft(other, world.proposer), "Бөтен", *(2 * [draft.created_at.date()]))
    change = ("technology_platforms:road_map_change", platform.pk, draft.number)
    for what, data in (("delete_stage", {"stage": foreign.pk}), ("delete_stage", {"stage": HUGE}),
                       ("delete_item", {"item": "abc"}), ("status", {"item": HUGE, "status": "done"}),
                       ("status", {"item": "1", "status": "finished"}),
                       ("item", {"stage": foreign.pk, "technology_code": "X", "technology_name": "X",
                                 "milestone": "m", "due_on": "2027-01-01", "responsible": HUGE, "status": "planned"}),
                       ("stage", {"name": "S" * 10_000, "starts_on": "2027-01-01", "ends_on": "0001-01-01"}),
                       ("details", {"study": "FS-0000-0000", "note": "x"})):
        assert answered(world.proposer, "post", url(*change, what), data).status_code in (200, 302)
    assert answered(world.proposer, "post", url(*change, "unknown"), {}).status_code == 403
    assert RoadMapStage.objects.filter(pk=foreign.pk).exists() and not draft.stages.exists()


def test_the_records_page_refuses_garbled_posts(answered, world):
    _case, platform = organised(world)
    manage = url("technology_platforms:manage", platform.pk)
    for data in ({"which": "nothing"}, {"which": "agreement", "agreement-participant": HUGE},
                 {"which": "funding", "funding-kind": "attracted", "funding-description": "x",
                  "funding-amount_kzt": "1e400"},
                 {"which": "activity", "activity-activity": "mobilise", "activity-on": "20260-01-01",
                  "activity-description": "x"}):
        assert answered(world.proposer, "post", manage, data).status_code in (200, 403)
    assert not platform.funding_sources.exists() and not platform.activities.exists()


def test_a_publish_of_another_platform_s_version_number_is_404(answered, world):
    _case, platform = organised(world)
    assert answered(world.proposer, "get", url("technology_platforms:road_map_publish", platform.pk, 7)).status_code \
        == 404
