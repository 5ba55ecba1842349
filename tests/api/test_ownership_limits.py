"""Finding 1 of issue 8 (001 p.7(4)) through both doors: the pre-check of the API
(POST /api/v1/technopark/precheck) and the web form (/kk/technopark/precheck/). A 16-layer
"diamond ladder" (65,536 ownership chains) answers with a small verdict; graphs beyond the system
limits (TECHPOLICY_OWNERSHIP_MAX_ENTITIES / _MAX_DEPTH) are refused naming the field, never a 500."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.ownership_graphs import application, chain, form_rows, ladder

pytestmark = pytest.mark.django_db

PRECHECK = "/api/v1/technopark/precheck?lang=en"


def api_precheck(client, ownership: dict):
    return client.post(PRECHECK, data=json.dumps(application(ownership)), content_type="application/json")


def p7_4(body: dict) -> dict:
    return next(r for r in body["rules"] if r["rule"] == "001.p7.4")


def form_data(rows: list[tuple[str, str, str, str]]) -> dict:
    """The pre-check form with these ownership rows (holder, kind, share, owned)."""
    today = timezone.localdate()
    data = {
        "a-name": "Ladder LLP", "a-legal_form": "legal_entity", "a-resident": "on", "a-activity_types": ["S-01"],
        "o-TOTAL_FORMS": str(len(rows)), "o-INITIAL_FORMS": "0",
        "t-application_date": today.isoformat(),
        "t-tax_issued_on": (today - dt.timedelta(days=3)).isoformat(), "t-tax_debt_kzt": "0",
    }
    for n, (holder, kind, share, owned) in enumerate(rows):
        data |= {f"o-{n}-holder": holder, f"o-{n}-kind": kind, f"o-{n}-share": share, f"o-{n}-owned": owned}
    return data


def web_precheck(client, rows, language: str = "kk"):
    with translation.override(language):
        url = reverse("technopark:precheck")
    return client.post(url, form_data(rows))


# --- the API ---------------------------------------------------------------------------------------


ONE_SHAREHOLDER = {"shareholders": [{"holder": "f", "share": "100"}],
                   "entities": [{"id": "f", "kind": "natural_person"}]}


def test_finding1_p7_4_api_a_16_layer_ladder_answers_200_in_a_few_kilobytes(client):
    baseline = api_precheck(client, ONE_SHAREHOLDER)
    response = api_precheck(client, ladder(16))
    assert (baseline.status_code, response.status_code) == (200, 200)
    # Every pre-check answers every rule of p.7 and p.9(3) with its texts and parameters (about
    # 11 kB in English); the ladder's 65,536 chains add their five largest, not more.
    assert len(response.content) - len(baseline.content) < 10_000
    assert len(json.dumps(p7_4(response.json()))) < 10_000
    rule = p7_4(response.json())
    assert rule["status"] == "failed"
    assert (rule["details"]["share"], rule["details"]["chain_count"]) == ("100", "65536")
    assert len(rule["details"]["chains"]) == 5 and rule["details"]["chains_not_listed"] == "65531"
    assert "65536 in all, 65531 more not listed here" in rule["reason"]


def test_finding1_p7_4_api_a_chain_of_1200_entities_is_a_422_naming_the_field(client):
    response = api_precheck(client, chain(1200))
    assert response.status_code == 422
    assert response.json() == {"detail": [{"field": "ownership.entities", "message":
                                           "at most 1000 entities may be described (a system limit); 1200 were given"}]}


def test_finding1_p7_4_api_a_chain_deeper_than_the_limit_names_the_holding(client):
    response = api_precheck(client, chain(65))
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "ownership.entities[63].shareholders[0].holder"
    assert "longer than 64 holdings" in error["message"]


def test_finding1_p7_4_api_limits_are_system_settings(client, settings):
    settings.TECHPOLICY_OWNERSHIP_MAX_ENTITIES = 20
    response = api_precheck(client, ladder(16))  # 32 entities
    assert response.status_code == 422
    assert "at most 20 entities" in response.json()["detail"][0]["message"]
    settings.TECHPOLICY_OWNERSHIP_MAX_ENTITIES = 1000
    settings.TECHPOLICY_OWNERSHIP_MAX_DEPTH = 8
    response = api_precheck(client, ladder(16))
    assert response.status_code == 422
    assert "longer than 8 holdings" in response.json()["detail"][0]["message"]


def test_finding1_api_lists_50_validation_errors_and_counts_the_rest(client):
    ownership = {"shareholders": [{"holder": "e0", "share": "1"}],
                 "entities": [{"id": f"e{n}", "kind": "dragon"} for n in range(1234)]}
    response = api_precheck(client, ownership)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert len(detail) == 51
    assert detail[-1] == {"field": "(more)", "message": "... and 1184 more errors"}


# --- the web form ----------------------------------------------------------------------------------


def test_finding1_p7_4_web_form_a_16_layer_ladder_shows_five_chains_and_the_count(client):
    response = web_precheck(client, form_rows(ladder(16)), "en")
    assert response.status_code == 200
    rule = p7_4(response.context["verdict"])
    assert rule["status"] == "failed" and rule["details"]["chain_count"] == "65536"
    page = response.content.decode()
    start = page.index('data-testid="verdict"')
    verdict = page[start:page.index("<form", start)]
    assert len(verdict.encode()) < 10_000  # the form below repeats the 62 rows posted, nothing more
    assert verdict.count("<li>l16") == 5
    assert "Chains carrying state ownership: 65536 in all; not listed here: 65531." in verdict


def test_finding1_p7_4_web_form_a_chain_deeper_than_the_limit_is_a_fact_error(client):
    response = web_precheck(client, form_rows(chain(70)))
    assert response.status_code == 200
    assert response.context["verdict"] is None
    [error] = response.context["fact_errors"]
    assert error["field"] == "ownership.entities[63].shareholders[0].holder"


def test_finding1_p7_4_web_form_refuses_more_than_200_ownership_rows(client):
    rows = [(f"Holder {n}", "natural_person", "0.1", "") for n in range(201)]
    response = web_precheck(client, rows, "en")
    assert response.status_code == 200 and response.context["verdict"] is None
    assert "Please submit at most 200 forms." in response.content.decode()


def test_finding1_p7_4_web_form_a_chain_of_1200_entities_is_a_400_not_a_500(client):
    # 1,200 rows are 4,800 fields, over Django's DATA_UPLOAD_MAX_NUMBER_FIELDS: refused before the form.
    response = web_precheck(client, form_rows(chain(1200)))
    assert response.status_code == 400
