"""/api/v1/productivity/ (seed 004): the public calculation of section 5.3 (422 naming the field on
bad facts, never a 500), the programme's parameters with unset values marked, and the applicant
organisation's own applications."""

import json

import pytest

from tests import factories
from tests.productivity.helpers import training

pytestmark = pytest.mark.django_db

API = "/api/v1/productivity"


def calculate(client, body, **query):
    path = f"{API}/calculate" + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(path, data=data, content_type="application/json")


@pytest.fixture
def facts(owner):
    return training(owner)


def test_openapi_lists_the_productivity_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/calculate", "/parameters", "/facts-schema", "/applications", "/applications/{number}"):
        assert f"{API}{path}" in paths
    ids = [op["operationId"] for p in paths.values() for op in p.values()]
    assert len(ids) == len(set(ids))


def test_s5_3_calculate_returns_the_amount_with_the_lines(client, facts):
    response = calculate(client, facts, lang="en")
    assert response.status_code == 200
    body = response.json()
    assert (body["amount"], body["status"], body["on"]) == ("1200000.00", "calculated", "2015-09-15")
    assert {line["rule"] for line in body["lines"]} >= {"kind.per_diem", "share", "cap.per_employee"}


def test_calculate_needs_no_login_and_stores_nothing(client, facts):
    from techpolicy.casework.models import Case

    assert calculate(client, facts).status_code == 200
    assert not Case.objects.exists()


@pytest.mark.parametrize(("change", "field"), [
    (lambda f: f.pop("instrument"), "instrument"),
    (lambda f: f.update(instrument="9"), "instrument"),
    (lambda f: f["costs"][0].update(amount_kzt="-1"), "costs[0].amount_kzt"),
    (lambda f: f["costs"][0].update(amount_kzt="abc"), "costs[0].amount_kzt"),
    (lambda f: f["costs"][0].update(incurred_on="2015-02-30"), "costs[0].incurred_on"),
    (lambda f: f["applicant"].pop("activity_since"), "applicant.activity_since"),
    (lambda f: f["costs"][0].update(surprise=True), "costs[0].surprise"),
])
def test_bad_facts_are_422_naming_the_field(client, facts, change, field):
    change(facts)
    response = calculate(client, facts)
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["detail"]]


@pytest.mark.parametrize("amount", ["1e999999", "NaN", "Infinity", 1e308])
def test_absurd_amounts_never_give_a_500(client, facts, amount):
    facts["costs"][0]["amount_kzt"] = amount
    assert calculate(client, facts).status_code in (200, 422)


@pytest.mark.parametrize(("body", "status"), [("{not json", 400), (b"\xff\xfe", 400), ("[1, 2]", 422),
                                              ('"text"', 422), ("", 400)])
def test_a_body_that_is_not_a_json_object_is_refused(client, body, status):
    assert calculate(client, body).status_code == status


def test_an_unknown_language_or_date_is_refused_by_the_schema(client, facts):
    assert calculate(client, facts, lang="de").status_code == 422
    assert calculate(client, facts, on="15.09.2015").status_code == 422


def test_parameters_mark_the_values_the_source_does_not_set(client):
    response = client.get(f"{API}/parameters", {"q": "i8.", "lang": "en"})
    assert response.status_code == 200
    items = {p["parameter"]: p for p in response.json()["items"]}
    assert set(items) == {"p2020.i8.share", "p2020.i8.cap_kzt", "p2020.i8.completeness_wd",
                          "p2020.i8.gap_notice_wd", "p2020.i8.expertise_decision_wd", "p2020.i8.notice_wd",
                          "p2020.i8.payment_wd"}
    assert (items["p2020.i8.share"]["value"], items["p2020.i8.share"]["not_set"]) == (None, True)
    assert (items["p2020.i8.payment_wd"]["value"], items["p2020.i8.payment_wd"]["not_set"]) == ("5", False)


def test_parameters_are_paginated_and_read_on_a_date(client):
    page = client.get(f"{API}/parameters", {"limit": 5, "offset": 0}).json()
    assert len(page["items"]) == 5 and page["count"] > 5
    before = client.get(f"{API}/parameters", {"on": "2014-01-01", "q": "direct"}).json()["items"]
    assert before and all(p["not_in_force"] and p["value"] is None for p in before)


def test_applications_are_the_owners_only(client, owner, other_applicant):
    case = factories.make_productivity_case(owner, training(owner))
    factories.make_case(owner.organisation, owner)  # a technopark case is not listed here
    assert client.get(f"{API}/applications").status_code == 401
    client.force_login(owner)
    body = client.get(f"{API}/applications", {"lang": "en"}).json()
    assert [item["number"] for item in body["items"]] == [case.number]
    assert body["items"][0]["state_name"] == "Draft: not submitted yet"
    assert client.get(f"{API}/applications/{case.number}").status_code == 200
    client.force_login(other_applicant)
    assert client.get(f"{API}/applications").json()["count"] == 0
    assert client.get(f"{API}/applications/{case.number}").status_code == 404
