"""/api/v1/innovation-grants/: the procedures of law 003 (003.a27.p2, 003.a20.p2), the catalogue of
the thirteen measures, the published calls and the directions in force (003.a3.p3.2: publicity)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from techpolicy.services.innovation_grants.models import Call, Criterion

from .grant_world import make_world

EXAMPLE = json.loads((Path(__file__).resolve().parents[2] / "examples" / "innovation-grant.json").read_text("utf-8"))


@pytest.mark.django_db
def test_003_a20_p2_the_catalogue_of_measures_in_the_readers_language(client):
    answer = client.get("/api/v1/innovation-grants/measures?lang=ru")
    assert answer.status_code == 200
    measures = answer.json()
    assert len(measures) == 13 and measures[6]["procedure"] == "innovation-grant"
    assert measures[1]["citation"].endswith("статья 20, п. 2, пп. 2)") and measures[1]["article"].endswith("статья 22")


@pytest.mark.django_db
def test_003_a27_p2_check_an_innovation_grant_and_a_support_measure(client):
    answer = client.post("/api/v1/innovation-grants/check?procedure=innovation-grant&lang=en", EXAMPLE,
                         content_type="application/json")
    assert answer.status_code == 200
    verdict = answer.json()
    # No priority directions are in force in an empty database: 003.a27.p1 refuses, naming article 27(1).
    assert verdict["outcome"] == "not_eligible"
    assert [r["rule"] for r in verdict["rules"] if r["status"] == "failed"] == ["003.a27.p1"]
    subsidy = {"filed_on": "2026-04-01", "applicant": {"kind": "legal_entity", "name": "X", "activity": "y"},
               "purpose": "new_project", "own_contribution": "10", "instrument": "bond", "working_capital": True}
    answer = client.post("/api/v1/innovation-grants/check?procedure=support-measure.interest_subsidy&lang=kk",
                         subsidy, content_type="application/json")
    assert answer.status_code == 200 and answer.json()["outcome"] == "not_eligible"
    schema = client.get("/api/v1/innovation-grants/facts-schema?procedure=support-measure.equity").json()
    assert "technological_potential" in schema["properties"]
    assert client.post("/api/v1/innovation-grants/check?procedure=innovation-grant", {"grant_type": "x"},
                       content_type="application/json").status_code == 422


def test_003_a3_p3_published_calls_with_their_criteria_and_the_directions_in_force(client, analyst, today):
    world = make_world(analyst, today)
    Criterion.objects.create(call=world.call, code="novelty", name_kk="Жаңалығы", name_ru="Новизна",
                             name_en="Novelty", weight="0.6", required=True)
    Call.objects.create(number="C-hidden", grant_type="commercialisation", title_kk="x", title_ru="x", title_en="x",
                        opens_on=today.day, closes_on=today.day + dt.timedelta(days=3), panel_size=2,
                        created_by=world.operator)  # not published
    calls = client.get("/api/v1/innovation-grants/calls?lang=kk").json()
    assert calls["count"] == 1 and calls["items"][0]["criteria"][0]["name"] == "Жаңалығы"
    assert calls["items"][0]["grant_type_name"] == "өнеркәсіптік зерттеулер жүргізу"
    found = client.get(f"/api/v1/innovation-grants/directions?on={today.day.isoformat()}&lang=en").json()
    assert found["items"] == [{"code": "AI.01", "name": "Artificial intelligence"}] and found["forecast_study"]
    before = client.get("/api/v1/innovation-grants/directions?on=2000-01-01").json()
    assert before["items"] == [] and before["decision"] is None
