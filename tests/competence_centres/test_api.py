"""/api/v1/competence-centres/: the facts schema and the verdict of "competence-centre" (000 p.17-19,
nothing stored), the vocabulary, the state bodies with the directions they supervise on a date (p.19)
and the signed-in organisation's own initiatives."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from techpolicy.casework import law_context
from techpolicy.casework.models import Case
from tests.api.conftest import EXAMPLES

from .world import designated, drive, initiative

pytestmark = pytest.mark.django_db
API = "/api/v1/competence-centres"
EXAMPLE = json.loads((EXAMPLES / "competence_centre.json").read_text(encoding="utf-8"))


def post(client, path, body, **query):
    suffix = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    return client.post(f"{API}{path}{suffix}", json.dumps(body), content_type="application/json")


def test_the_facts_schema_names_the_criteria():
    from django.test import Client

    schema = Client().get(f"{API}/facts-schema").json()
    assert {"organisation", "sector", "direction", "experience", "staff", "own_funds", "material_base",
            "checked_on"} <= set(schema["properties"])


def test_000_p17_1_the_check_counts_exactly_five_years(client):
    body = EXAMPLE | {"experience": {**EXAMPLE["experience"], "started_on": "2021-12-02"}}
    verdict = post(client, "/check", body, lang="en").json()
    assert verdict["outcome"] == "eligible"
    short = post(client, "/check", body | {"checked_on": "2026-12-01"}, lang="en").json()
    [failed] = [r for r in short["rules"] if not r["passed"]]
    assert failed["rule"] == "000.p17.1" and "4 full years and 364 days" in failed["reason"]
    assert not Case.objects.exists()


def test_x_000_inforce_before_order_198_the_check_is_undetermined(client):
    body = EXAMPLE | {"checked_on": "2026-04-29", "proposal": {**EXAMPLE["proposal"], "submitted_on": "2026-04-01"}}
    verdict = post(client, "/check", body, lang="en").json()
    assert verdict["outcome"] == "undetermined" and verdict["eligible"] is False
    p19 = next(r for r in verdict["rules"] if r["rule"] == "000.p19")
    assert p19["status"] == "wording_not_in_source"


def test_invalid_facts_are_422_naming_the_field(client):
    response = post(client, "/check", EXAMPLE | {"organisation": {"name": "X", "kind": "robot"}})
    assert response.status_code == 422
    assert "organisation.kind" in {e["field"] for e in response.json()["detail"]}


def test_the_vocabulary_and_the_state_bodies(client, world):
    directions = client.get(f"{API}/directions", {"sector": "05", "lang": "kk"}).json()
    assert directions["count"] == 2 and directions["items"][0] == {
        "sector": "05", "sector_name": "Энергетика", "code": "05.01", "name": "Сутегі энергетикасы"}
    bodies = client.get(f"{API}/state-bodies").json()
    energy = next(b for b in bodies["items"] if b["name"] == "Ministry of Energy")
    assert energy["kind"] == "state_body" and energy["directions"] == [["05", "05.01"], ["05", "05.02"]]
    before = client.get(f"{API}/state-bodies", {"on": "2019-12-31"}).json()
    assert all(b["directions"] == [] for b in before["items"])


def test_the_organisation_reads_its_own_initiatives(client, world):
    case = drive(initiative(world), world, "submit")
    client.force_login(world.owner)
    mine = client.get(f"{API}/applications").json()
    assert [a["number"] for a in mine["items"]] == [case.number]
    client.force_login(world.other)
    assert client.get(f"{API}/applications").json()["count"] == 0
    assert client.get(f"{API}/applications/{case.number}").status_code == 404


def test_the_register_is_read_through_the_registers_api(client, world):
    designated(world)
    entries = client.get("/api/v1/registers/competence-centres.designated/entries", {"direction": "05.01"}).json()
    assert entries["count"] == 1
    assert client.get("/api/v1/registers/competence-centres.designated/entries",
                      {"as_of": (law_context.today() + dt.timedelta(days=1)).isoformat()}).status_code == 422
