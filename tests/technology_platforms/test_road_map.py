"""000 p.24(7): the road map of the sector's technological development as a versioned document
(the item schema is the system's own): a draft copied from the current version, stages and items
checked, publication once and for good, a published version immutable; technologies read against the
list of key technologies in force (X.link.forecast), a technology not on it a warning, not a refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.casework.reference import publish_reference_list
from techpolicy.forecasting.studies.approval import REFERENCE_LIST
from techpolicy.services.technology_platforms import roadmap
from techpolicy.services.technology_platforms.models import ImmutableVersion, RoadMapItem, RoadMapVersion

from .world import organised

pytestmark = pytest.mark.django_db
TODAY = law_context.today


def key_technologies(*codes: str, on: dt.date | None = None) -> None:
    publish_reference_list(REFERENCE_LIST, [{"code": c, "name_kk": f"{c} kk", "name_ru": f"{c} ru", "name_en": c}
                                            for c in codes], on or TODAY() - dt.timedelta(days=30), "Study FS-1")


def draft_with_items(platform, user, codes=("H2-01", "H2-02")) -> RoadMapVersion:
    draft = roadmap.start_draft(platform, user)
    stage = roadmap.add_stage(draft, "Пилоттық жобалар", TODAY(), TODAY() + dt.timedelta(days=700))
    responsible = platform.participants.get(role="coordinator")
    for n, code in enumerate(codes, start=1):
        roadmap.add_item(draft, stage_id=stage.pk, technology_code=code, technology_name=f"Технология {n}",
                         milestone=f"Кезең {n}", due_on=TODAY() + dt.timedelta(days=100 * n),
                         responsible_id=responsible.pk)
    return draft


@pytest.fixture
def platform(world):
    return organised(world)[1]


def test_000_p24_7_a_published_version_is_the_current_road_map(world, platform):
    assert roadmap.current(platform) is None
    draft = draft_with_items(platform, world.proposer)
    assert (draft.number, draft.status, roadmap.current(platform)) == (1, "draft", None)
    published = roadmap.publish(draft, world.proposer)
    assert (published.status, published.published_by, published.key_list_on) == ("published", world.proposer, TODAY())
    assert roadmap.current(platform) == published


def test_000_p24_7_a_published_version_never_changes(world, platform):
    version = roadmap.publish(draft_with_items(platform, world.proposer), world.proposer)
    stage = version.stages.get()
    item = RoadMapItem.objects.filter(stage=stage).first()
    for write in (lambda: stage.save(), lambda: item.save(), lambda: item.delete(), lambda: version.save()):
        with pytest.raises(ImmutableVersion):
            write()
    with translation.override("en"), pytest.raises(roadmap.RoadMapError, match="no longer changes"):
        roadmap.add_stage(version, "Late", TODAY(), TODAY())
    with translation.override("en"), pytest.raises(roadmap.RoadMapError, match="no longer changes"):
        roadmap.publish(version, world.proposer)


def test_000_p24_7_editing_makes_a_new_draft_copied_from_the_current_version(world, platform):
    first = roadmap.publish(draft_with_items(platform, world.proposer), world.proposer)
    second = roadmap.start_draft(platform, world.proposer)
    assert (second.number, second.based_on) == (2, first)
    assert roadmap.start_draft(platform, world.proposer) == second  # one draft at a time
    item = RoadMapItem.objects.filter(stage__version=second).first()
    roadmap.set_item_status(second, item.pk, RoadMapItem.DONE)
    assert roadmap.current(platform) == first  # the public sees version 1 until version 2 is published
    assert RoadMapItem.objects.filter(stage__version=first, status=RoadMapItem.DONE).count() == 0
    roadmap.publish(second, world.proposer)
    assert roadmap.current(platform).number == 2
    assert [v.number for v in roadmap.published_versions(platform)] == [2, 1]


def test_the_database_keeps_one_draft_per_platform(world, platform):
    roadmap.start_draft(platform, world.proposer)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoadMapVersion.objects.create(platform=platform, number=9, created_by=world.proposer)


def test_X_link_forecast_a_technology_not_on_the_key_list_is_a_warning_not_a_refusal(world, platform, client):
    key_technologies("H2-01")
    draft = draft_with_items(platform, world.proposer, codes=("H2-01", "XX-99"))
    checked = {i["item"].technology_code: i["on_key_list"] for s in roadmap.items_with_check(draft) for i in s["items"]}
    assert checked == {"H2-01": True, "XX-99": False}
    version = roadmap.publish(draft, world.proposer)  # published despite the warning
    stored = dict(RoadMapItem.objects.filter(stage__version=version).values_list("technology_code", "on_key_list"))
    assert stored == {"H2-01": True, "XX-99": False}
    page = client.get(f"/en/technology-platforms/platforms/{platform.pk}/").content.decode()
    assert page.count('data-testid="not-key"') == 1 and "1 technology is not on the list" in page


def test_X_link_forecast_the_check_of_a_published_version_keeps_the_list_of_its_date(world, platform):
    key_technologies("H2-01", on=TODAY() - dt.timedelta(days=60))
    version = roadmap.publish(draft_with_items(platform, world.proposer, codes=("H2-01",)), world.proposer)
    key_technologies("H2-02", on=TODAY())  # a later list replaces it: the published check stands
    [stage] = roadmap.items_with_check(version)
    assert stage["items"][0]["on_key_list"] is True


def test_the_item_schema_is_checked(world, platform):
    draft = roadmap.start_draft(platform, world.proposer)
    stage = roadmap.add_stage(draft, "Кезең", TODAY(), TODAY() + dt.timedelta(days=10))
    coordinator = platform.participants.get(role="coordinator")
    common = {"stage_id": stage.pk, "technology_code": "H2", "technology_name": "H2", "milestone": "m"}
    with translation.override("en"):
        with pytest.raises(roadmap.RoadMapError, match="outside the stage's period"):
            roadmap.add_item(draft, due_on=TODAY() + dt.timedelta(days=11), responsible_id=coordinator.pk, **common)
        with pytest.raises(roadmap.RoadMapError, match="participant of the platform"):
            roadmap.add_item(draft, due_on=TODAY(), responsible_id=10**6, **common)
        with pytest.raises(roadmap.RoadMapError, match="cannot end before it starts"):
            roadmap.add_stage(draft, "Back", TODAY(), TODAY() - dt.timedelta(days=1))
        with pytest.raises(roadmap.RoadMapError, match="at least one stage and one item"):
            roadmap.publish(draft, world.proposer)


def test_a_road_map_has_a_bounded_number_of_stages(world, platform, monkeypatch):
    monkeypatch.setattr(roadmap, "MAX_STAGES", 2)
    draft = roadmap.start_draft(platform, world.proposer)
    for n in range(2):
        roadmap.add_stage(draft, f"S{n}", TODAY(), TODAY())
    with translation.override("en"), pytest.raises(roadmap.RoadMapError, match="at most 2 stages"):
        roadmap.add_stage(draft, "S3", TODAY(), TODAY())


def test_000_p24_7_the_road_map_page_shows_the_open_parameters_and_the_non_normative_schema(world, platform, client):
    version = roadmap.publish(draft_with_items(platform, world.proposer), world.proposer)
    page = client.get(f"/en/technology-platforms/platforms/{platform.pk}/road-map/{version.number}/").content.decode()
    assert 'data-parameter="tp.platform.roadmap_horizon_years"' in page
    assert 'data-parameter="tp.platform.roadmap_review_period"' in page
    assert page.count("not set by the source document") >= 2
    assert 'data-testid="non-normative"' in page and "is the system's own and not normative" in page
    assert 'data-testid="timeline"' in page and page.count("<circle") == 2


def test_a_draft_with_a_stage_and_no_items_yet_draws_its_timeline(world, platform, client):
    draft = roadmap.start_draft(platform, world.proposer)
    roadmap.add_stage(draft, "Бос кезең", TODAY(), TODAY() + dt.timedelta(days=400))
    client.force_login(world.proposer)
    page = client.get(f"/en/technology-platforms/platforms/{platform.pk}/road-map/{draft.number}/").content.decode()
    assert 'data-testid="timeline"' in page and "<circle" not in page
