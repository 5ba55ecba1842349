"""/api/v1/technopark/: the OpenAPI schema, the pre-check (paragraphs 7 and 9), the published list
of participants (paragraph 21), certificate verification (paragraph 18) and the applicant's own
applications."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.utils import timezone

from techpolicy.casework.models import RegisterEntry, Transition
from tests.factories import make_applicant, make_case, make_participant, make_secretariat

pytestmark = pytest.mark.django_db

API = "/api/v1/technopark"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "technopark" / "eligible.json"


def eligible_facts() -> dict:
    """The shipped example when present; otherwise facts built from TechnoparkFacts."""
    if EXAMPLE.exists():
        return json.loads(EXAMPLE.read_text("utf-8"))
    return {
        "application_date": "2026-03-02",
        "applicant": {
            "name": "«Өрлеу Ғылым» ЖШС",
            "bin": "123456789012",
            "legal_form": "legal_entity",
            "resident": True,
            "has_branches_other_than_representative_offices": False,
            "implements_investment_priority_project": False,
            "implemented_investment_strategic_project_pre_2015": False,
            "subsoil_user": False,
            "sez_participant": False,
            "excise_payer": False,
            "activity_types": ["S-01"],
        },
        "ownership": {
            "shareholders": [{"holder": "founder", "share": "100"}],
            "entities": [{"id": "founder", "kind": "natural_person"}],
        },
        "documents": {
            "registration_certificate": True,
            "representative_appointed": False,
            "authority_documents": False,
            "business_plan": {
                "projects": [{"activity_type": "S-01", "items": {str(i): f"item {i}" for i in range(1, 16)}}]
            },
            "tax_debt": {"issued_on": "2026-02-27", "debt_kzt": "0"},
            "place_of_activity": {"kind": "lease", "provided": True},
            "planned_staff": {
                "residents": 5,
                "non_residents": 1,
                "period_from": "2026-04-01",
                "period_to": "2027-03-31",
            },
        },
    }


def _post(client, body, **query):
    path = f"{API}/precheck"
    if query:
        path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(path, data=data, content_type="application/json")


# --- OpenAPI -----------------------------------------------------------------------------------


def test_openapi_schema_builds_and_lists_the_technopark_endpoints(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path, method in [
        ("/precheck", "post"),
        ("/facts-schema", "get"),
        ("/participants", "get"),
        ("/certificates/{number}", "get"),
        ("/applications", "get"),
        ("/applications/{number}", "get"),
    ]:
        assert method in paths[f"{API}{path}"], path
    parameters = {p["name"] for p in paths[f"{API}/participants"]["get"]["parameters"]}
    assert {"q", "status", "activity_type", "limit", "offset"} <= parameters


def test_facts_schema_is_the_law_layers_model(client):
    response = client.get(f"{API}/facts-schema")
    assert response.status_code == 200
    schema = response.json()
    assert schema["title"] == "TechnoparkFacts"
    assert {"application_date", "applicant", "ownership", "documents"} <= set(schema["properties"])


# --- pre-check (paragraphs 7 and 9) ------------------------------------------------------------


def test_paragraph_7_precheck_of_eligible_facts(client):
    response = _post(client, eligible_facts())
    assert response.status_code == 200, response.content
    verdict = response.json()
    assert verdict["outcome"] == "eligible"
    assert verdict["eligible"] is True
    assert verdict["rules"]
    assert all(isinstance(rule["requirement"], str) for rule in verdict["rules"])


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_paragraph_7_precheck_answers_in_the_language_asked(client, lang):
    verdict = _post(client, eligible_facts(), lang=lang).json()
    rule = next(r for r in verdict["rules"] if r["citation"]["paragraph"] == "7")
    expected = {"kk": "тармақ", "ru": "п.", "en": "paragraph"}[lang]
    assert expected in rule["citation"]["text"]


def test_paragraph_7_precheck_refusal_names_the_failed_rule(client):
    facts = eligible_facts()
    facts["applicant"]["subsoil_user"] = True
    verdict = _post(client, facts, lang="en").json()
    assert verdict["outcome"] == "not_eligible"
    failed = [r for r in verdict["rules"] if r["status"] == "failed"]
    assert failed and all(r["reason"] for r in failed)
    assert any(r["citation"]["paragraph"] == "7" for r in failed)


def test_precheck_on_a_given_date(client):
    response = _post(client, eligible_facts(), on="2026-03-20")
    assert response.status_code == 200
    assert response.json()["on"] == "2026-03-20"


def test_precheck_invalid_facts_is_422_naming_the_field(client):
    facts = eligible_facts()
    facts["applicant"]["bin"] = "12ab"
    del facts["documents"]["place_of_activity"]
    response = _post(client, facts)
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["detail"]}
    assert "applicant.bin" in fields
    assert "documents.place_of_activity" in fields
    assert all(error["message"] for error in response.json()["detail"])


@pytest.mark.parametrize("body", ["{not json", b"\xff\xfe\x00", "", '{"application_date": '])
def test_precheck_malformed_json_is_a_clear_400(client, body):
    response = _post(client, body)
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail[0]["field"] == "(body)" and "JSON" in detail[0]["message"]


@pytest.mark.parametrize("body", ["[1, 2]", '"facts"', "null", "42"])
def test_precheck_body_that_is_not_an_object_is_422(client, body):
    response = _post(client, body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "(root)"


def test_precheck_needs_no_sign_in_and_no_csrf_token(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert _post(strict, eligible_facts()).status_code == 200


# --- participants (paragraph 21) ---------------------------------------------------------------


def test_paragraph_21_participants_are_paginated(client):
    for n in range(7):
        make_participant(name=f"Company {n} LLP")
    first = client.get(f"{API}/participants", {"limit": 3}).json()
    assert first["count"] == 7
    assert [p["name"] for p in first["items"]] == ["Company 0 LLP", "Company 1 LLP", "Company 2 LLP"]
    last = client.get(f"{API}/participants", {"limit": 3, "offset": 6}).json()
    assert [p["name"] for p in last["items"]] == ["Company 6 LLP"]


def test_paragraph_21_participants_limit_is_capped_at_500(client):
    assert client.get(f"{API}/participants", {"limit": 501}).status_code == 422
    assert client.get(f"{API}/participants", {"limit": 500}).status_code == 200


def test_paragraph_21_participants_published_fields_and_filters(client):
    _, _, certificate, _ = make_participant(name="Alpha LLP", bin="111111111111", activity_types=["S-01", "S-02"])
    make_participant(name="Beta LLP", status=RegisterEntry.STATUS_TERMINATED, activity_types=["S-03"])
    items = client.get(f"{API}/participants").json()["items"]
    assert items == [
        {
            "name": "Alpha LLP",
            "bin": "111111111111",
            "activity_types": ["S-01", "S-02"],
            "valid_from": certificate.valid_from.isoformat(),
            "valid_until": certificate.valid_until.isoformat(),
            "status": "active",
            "certificate_number": certificate.number,
        }
    ]

    def names(**query):
        return [p["name"] for p in client.get(f"{API}/participants", query).json()["items"]]

    assert names(status="all") == ["Alpha LLP", "Beta LLP"]
    assert names(status="terminated") == ["Beta LLP"]
    assert names(status="all", q="1111") == ["Alpha LLP"]
    assert names(status="all", activity_type="S-03") == ["Beta LLP"]
    assert client.get(f"{API}/participants", {"status": "bogus"}).status_code == 422


# --- certificates (paragraph 18) ---------------------------------------------------------------


def test_paragraph_18_certificate_verification(client):
    _, _, certificate, _ = make_participant(name="Alpha LLP", bin="111111111111")
    response = client.get(f"{API}/certificates/{certificate.number.lower()}")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "valid" and body["valid"] is True
    assert (body["holder"], body["bin"], body["kind"]) == ("Alpha LLP", "111111111111", "registration")
    assert set(body) == {
        "number",
        "status",
        "status_label",
        "valid",
        "holder",
        "bin",
        "kind",
        "kind_label",
        "valid_from",
        "valid_until",
    }


def test_paragraph_18_revoked_certificate_via_api(client):
    _, _, certificate, _ = make_participant(revoked_on=timezone.localdate())
    body = client.get(f"{API}/certificates/{certificate.number}").json()
    assert (body["status"], body["valid"]) == ("revoked", False)


def test_paragraph_18_unknown_and_malformed_certificate_numbers(client):
    missing = client.get(f"{API}/certificates/AH-C-2020-000001")
    assert missing.status_code == 404
    assert missing.json()["status"] == "not_found"
    malformed = client.get(f"{API}/certificates/not-a-number")
    assert malformed.status_code == 422
    assert malformed.json()["detail"][0]["field"] == "number"


# --- the applicant's applications --------------------------------------------------------------


@pytest.fixture
def owned_case():
    owner = make_applicant()
    case = make_case(owner.organisation, owner, number="AH-2026-00001", state="submitted")
    case.submitted_on = dt.date(2026, 3, 2)
    case.verdict = {"outcome": "eligible"}
    case.save()
    now = timezone.now()
    Transition.objects.create(
        case=case,
        action="create",
        from_state="",
        to_state="draft",
        actor=owner,
        at=now,
        on_date=now.date(),
    )
    Transition.objects.create(
        case=case,
        action="submit",
        from_state="draft",
        to_state="submitted",
        actor=owner,
        at=now,
        on_date=now.date(),
        reason="ready",
    )
    return owner, case


def test_applications_of_the_owner(client, owned_case):
    owner, case = owned_case
    client.force_login(owner)
    listing = client.get(f"{API}/applications").json()
    assert listing["count"] == 1
    assert [item["number"] for item in listing["items"]] == [case.number]
    detail = client.get(f"{API}/applications/{case.number}", {"lang": "en"}).json()
    assert detail["workflow"] == "technopark.participation"
    assert detail["state"] == "submitted"
    assert detail["state_name"] == "Submitted"
    assert detail["submitted_on"] == "2026-03-02"
    assert detail["verdict"] == {"outcome": "eligible"}
    assert [(t["action"], t["from_state"], t["to_state"]) for t in detail["transitions"]] == [
        ("create", "", "draft"),
        ("submit", "draft", "submitted"),
    ]
    assert detail["transitions"][1]["reason"] == "ready"


def test_applications_of_the_same_organisation_are_shared(client, owned_case):
    owner, case = owned_case
    client.force_login(make_applicant(owner.organisation))
    assert client.get(f"{API}/applications/{case.number}").status_code == 200


def test_applications_are_hidden_from_another_applicant(client, owned_case):
    _, case = owned_case
    client.force_login(make_applicant())
    assert client.get(f"{API}/applications").json() == {"items": [], "count": 0}
    assert client.get(f"{API}/applications/{case.number}").status_code == 404


def test_applications_list_only_the_users_organisation_even_for_staff(client, owned_case):
    _, case = owned_case
    client.force_login(make_secretariat())  # staff work in the queue, not through this endpoint
    assert client.get(f"{API}/applications").json()["count"] == 0
    assert client.get(f"{API}/applications/{case.number}").status_code == 404


def test_applications_need_sign_in(client, owned_case):
    _, case = owned_case
    assert client.get(f"{API}/applications").status_code == 401
    assert client.get(f"{API}/applications/{case.number}").status_code == 401


def test_applications_are_paginated(client):
    owner = make_applicant()
    for n in range(5):
        make_case(owner.organisation, owner, number=f"AH-2026-{n:05d}")
    client.force_login(owner)
    page = client.get(f"{API}/applications", {"limit": 2, "offset": 4}).json()
    assert page["count"] == 5 and len(page["items"]) == 1
    assert client.get(f"{API}/applications", {"limit": 501}).status_code == 422


def test_001_p21_the_list_page_is_read_once_between_changes_of_the_register(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from techpolicy.casework import registers
    from techpolicy.services.technopark.participants import EXTENSION

    _, _, _, entry = make_participant(name="Alpha LLP")
    make_participant(name="Beta LLP")
    assert [p["name"] for p in client.get(f"{API}/participants").json()["items"]] == ["Alpha LLP", "Beta LLP"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(f"{API}/participants").json()
    assert (again["count"], [p["name"] for p in again["items"]]) == (2, ["Alpha LLP", "Beta LLP"])
    assert not [q for q in queries.captured_queries if 'FROM "casework_registerentry"' in q["sql"]]
    registers.change(entry, on=timezone.localdate(), citation=EXTENSION, name="Zeta LLP")
    assert [p["name"] for p in client.get(f"{API}/participants").json()["items"]] == ["Beta LLP", "Zeta LLP"]
