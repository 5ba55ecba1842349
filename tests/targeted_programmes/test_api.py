"""/api/v1/targeted-programmes/: the programme procedure (000 p.31-40) as facts-schema and check,
nothing stored; the approved programmes (p.43) and one's progress against its target indicators
(000.p38.a2, 000.ttp.monitor), public and paginated."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from techpolicy.casework.models import Case
from techpolicy.monitoring import indicators as core
from techpolicy.monitoring import store
from techpolicy.services.targeted_programmes.monitoring import plan_of

from . import world as w

pytestmark = pytest.mark.django_db
API = "/api/v1/targeted-programmes"
EXAMPLE = json.loads((Path(__file__).resolve().parents[2] / "examples" / "programme.json").read_text("utf-8"))


def post(client, path, body, **query):
    return client.post(path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""),
                       json.dumps(body), content_type="application/json")


def test_000_p35_the_facts_schema_names_the_passport(client):
    schema = client.get(f"{API}/facts-schema").json()
    assert "passport" in schema["properties"] and "checked_on" in schema["required"]


def test_000_p33_p40_the_check_answers_the_paragraphs_and_stores_nothing(client, db):
    answer = post(client, f"{API}/check", EXAMPLE, lang="kk")
    assert answer.status_code == 200
    verdict = answer.json()
    assert verdict["outcome"] == "eligible"
    assert {"000.p35", "000.p38.a2", "000.p39"} <= {r["rule"] for r in verdict["rules"]}
    assert not Case.objects.exists()


def test_000_p35_a_passport_without_its_period_is_refused_naming_p35(client, db):
    body = json.loads(json.dumps(EXAMPLE))
    body["passport"]["period"] = None
    verdict = post(client, f"{API}/check", body, lang="en").json()
    failed = {r["rule"] for r in verdict["rules"] if r["status"] == "failed"}
    assert verdict["eligible"] is False and "000.p35" in failed


def test_000_p43_approved_programmes_and_their_progress(client, world):
    draft = w.draft(world, direction=w.RENEWABLES)
    case = w.approved(world)
    listed = client.get(f"{API}/programmes").json()
    assert [p["number"] for p in listed["items"]] == [case.number] and draft.number not in json.dumps(listed)
    capacity = plan_of(case).indicators.get(code="I1")
    entered = core.Entered(kind="entered", evidence="Есеп № 1")
    row = store.save_actual(capacity, core.Actual(indicator="I1", year=2025, value=Decimal("1.5"), provenance=entered),
                            world.developer)
    store.approve(store.submit(row, world.developer), world.body)
    progress = client.get(f"{API}/programmes/{case.number}/progress").json()
    [i1] = [i for i in progress["indicators"] if i["code"] == "I1"]
    year = next(y for y in i1["years"] if y["year"] == 2025)
    assert (Decimal(year["target"]), Decimal(year["actual"]), Decimal(year["gap"]), year["reached"]) == (
        Decimal(2), Decimal("1.5"), Decimal("-0.5"), False)
    assert client.get(f"{API}/programmes/{draft.number}/progress").status_code == 404
    assert client.get(f"{API}/programmes/{'x' * 5000}/progress").status_code in (404, 422)
