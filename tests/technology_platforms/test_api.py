"""/api/v1/technology-platforms/: the coordinator criteria (000 p.25-27) as facts-schema and check,
nothing stored; the organised platforms, their participants (p.23) and road maps (p.24(7)), public
and paginated; and the register through the generic registers API (p.29)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from techpolicy.casework.models import Case
from techpolicy.services.technology_platforms import roadmap

from .test_road_map import draft_with_items
from .world import organised

pytestmark = pytest.mark.django_db
API = "/api/v1/technology-platforms"
EXAMPLE = json.loads((Path(__file__).resolve().parents[2] / "examples" / "platform_coordinator.json")
                     .read_text(encoding="utf-8"))


def post(client, path, body, **query):
    return client.post(path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""),
                       json.dumps(body), content_type="application/json")


def test_000_p25_the_facts_schema_names_the_coordinator(client):
    schema = client.get(f"{API}/facts-schema").json()
    assert "proposal" in schema["properties"] and "checked_on" in schema["required"]


def test_000_p25_the_check_answers_every_paragraph_and_stores_nothing(client, db):
    answer = post(client, f"{API}/check", EXAMPLE, lang="kk")
    assert answer.status_code == 200
    verdict = answer.json()
    assert verdict["outcome"] == "eligible" and len(verdict["rules"]) == 7
    assert not Case.objects.exists()


def test_000_p27_a_proposal_without_its_coordinator_is_422_naming_the_field(client, db):
    body = json.loads(json.dumps(EXAMPLE))
    del body["proposal"]["coordinator"]
    answer = post(client, f"{API}/check", body)
    assert answer.status_code == 422
    assert "proposal.coordinator" in {e["field"] for e in answer.json()["detail"]}


def test_000_p27_an_earlier_date_is_undetermined_never_a_pass(client, db):
    verdict = post(client, f"{API}/check", EXAMPLE, on="2026-03-01", lang="en").json()
    assert (verdict["outcome"], verdict["eligible"]) == ("undetermined", False)
    assert any("not in the source" in note for note in verdict["notes"])


def test_the_platforms_their_participants_and_road_map(client, world):
    _case, platform = organised(world)
    listed = client.get(f"{API}/platforms", {"q": "сутегі"}).json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == platform.pk
    assert listed["items"][0]["register_entry"] == platform.entry_id
    assert client.get(f"{API}/platforms/{platform.pk}/road-map").status_code == 404  # nothing published yet
    roadmap.publish(draft_with_items(platform, world.proposer), world.proposer)
    current = client.get(f"{API}/platforms/{platform.pk}/road-map").json()
    assert current["number"] == 1 and "system's own" in current["schema_note"]
    assert [i["technology_code"] for i in current["stages"][0]["items"]] == ["H2-01", "H2-02"]
    assert current["stages"][0]["items"][0]["on_key_list"] is False
    versions = client.get(f"{API}/platforms/{platform.pk}/road-map/versions").json()
    assert versions["count"] == 1 and versions["items"][0]["number"] == 1
    roles = {p["role"] for p in client.get(f"{API}/platforms/{platform.pk}/participants").json()["items"]}
    assert roles == {"coordinator", "state_body", "business"}
    assert client.get(f"{API}/platforms/{10**6}/road-map").status_code == 404
    assert client.get(f"{API}/platforms/0/road-map").status_code == 422


def test_000_p29_the_register_is_served_by_the_generic_registers_api(client, world):
    _case, platform = organised(world)
    entries = client.get("/api/v1/registers/technology-platforms.organised/entries").json()
    assert entries["count"] == 1 and entries["items"][0]["name"] == platform.name
