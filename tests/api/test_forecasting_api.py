"""/api/v1/forecasting/: the OpenAPI schema, the analysts' studies and stage actions (000 p.7, p.9,
p.12(4), p.13(1)), the key technologies in force and the paragraph 13(1) check, and the public
discussion of the draft results (p.12(2)). "Today" is faked with the `Today` helper of tests/studies/conftest.py."""

import datetime as dt
import json

import pytest

from techpolicy.accounts.roles import ANALYST
from techpolicy.forecasting.studies import discussion
from techpolicy.forecasting.studies.models import Comment, Round
from tests import factories
from tests.studies.conftest import TODAY, Today, approved_study, comment, final_study, make_expert, make_study, publish

pytestmark = pytest.mark.django_db

API = "/api/v1/forecasting"
COMMENT = {"author_name": "Aliya", "organisation": "Farmers' union", "author_email": "aliya@example.kz",
           "text": "Add irrigation sensors."}


@pytest.fixture
def today(monkeypatch):
    return Today(monkeypatch)


@pytest.fixture
def analyst():
    return factories.make_user(roles=[ANALYST])


@pytest.fixture
def as_analyst(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def discussed(analyst, today):
    """A study in its final stage with version 1 open for comments until TODAY + 10."""
    study = final_study(analyst)
    publish(study, analyst, TODAY + dt.timedelta(days=10))
    return study


def post(client, path, body, **query):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    suffix = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    return client.post(f"{API}{path}{suffix}", data=data, content_type="application/json")


# --- OpenAPI -----------------------------------------------------------------------------------


def test_openapi_schema_lists_the_forecasting_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, method in [
        ("/studies", "get"), ("/studies/{number}", "get"), ("/studies/{number}/stage", "post"),
        ("/studies/{number}/technologies", "get"), ("/key-technologies", "get"), ("/key-technologies/check", "get"),
        ("/studies/{number}/draft", "get"), ("/studies/{number}/comments", "get"),
        ("/studies/{number}/comments", "post"), ("/studies/{number}/rounds/{round_number}/results", "get"),
        ("/studies/{number}/series", "get"), ("/studies/{number}/series/{series_id}/trend", "get"),
        ("/studies/{number}/ranking", "get"),
    ]:
        assert method in paths[f"{API}{path}"], path
    parameters = {p["name"] for p in paths[f"{API}/studies"]["get"]["parameters"]}
    assert {"stage", "q", "limit", "offset", "lang"} <= parameters
    body = paths[f"{API}/studies/{{number}}/comments"]["post"]["requestBody"]["content"]["application/json"]
    assert {"author_name", "author_email", "text"} <= set(body["schema"]["properties"])


# --- studies (analysts) ----------------------------------------------------------------------------


def test_studies_are_paginated_and_filtered(as_analyst, analyst, today):
    for title in ("Hydrogen", "Drones", "Batteries"):
        make_study(analyst, title=title)
    final_study(analyst, title="Precision farming")
    page = as_analyst.get(f"{API}/studies?limit=2").json()
    assert (len(page["items"]), page["count"]) == (2, 4)
    assert len(as_analyst.get(f"{API}/studies?limit=2&offset=2").json()["items"]) == 2
    finals = as_analyst.get(f"{API}/studies?stage=final&lang=en").json()
    assert [(s["title"], s["stage_name"]) for s in finals["items"]] == [("Precision farming", "Final stage")]
    assert [s["title"] for s in as_analyst.get(f"{API}/studies?q=drone").json()["items"]] == ["Drones"]
    assert as_analyst.get(f"{API}/studies?stage=done").status_code == 422
    assert as_analyst.get(f"{API}/studies?limit=501").status_code == 422


@pytest.mark.parametrize(("method", "path"), [
    ("get", "/studies"), ("get", "/studies/{n}"), ("post", "/studies/{n}/stage"), ("get", "/studies/{n}/technologies"),
    ("get", "/studies/{n}/ranking"), ("get", "/studies/{n}/series"), ("get", "/studies/{n}/rounds/1/results"),
])
def test_analyst_endpoints_refuse_anonymous_and_other_roles(client, analyst, method, path):
    study = make_study(analyst)
    url = API + path.format(n=study.number)
    body = {"data": json.dumps({"action": "start_main", "version": 1}), "content_type": "application/json"}
    assert getattr(client, method)(url, **(body if method == "post" else {})).status_code == 401
    client.force_login(factories.make_applicant())
    refused = getattr(client, method)(url, **(body if method == "post" else {}))
    assert refused.status_code == 403
    assert refused.json()["detail"][0]["message"]
    study.refresh_from_db()
    assert study.stage == "preparatory"


def test_study_detail_carries_the_paragraph_7_verdict_and_the_actions(as_analyst, analyst):
    study = make_study(analyst)
    detail = as_analyst.get(f"{API}/studies/{study.number}?lang=en").json()
    assert (detail["stage"], detail["version"]) == ("preparatory", study.version)
    verdict = detail["main_stage_verdict"]
    assert verdict["eligible"] is False
    assert {r["citation"]["ref"] for r in verdict["rules"] if not r["passed"]} == {"000 p.7(1)", "000 p.10(1)"}
    assert detail["actions"] == [{"id": "start_main", "label": "Start the main stage", "citation": "000 p.11",
                                  "fields": []}]
    assert as_analyst.get(f"{API}/studies/FS-1900-0001").status_code == 404


def test_p7_stage_action_refusal_is_400_with_the_verdict(as_analyst, analyst):
    study = make_study(analyst)
    response = post(as_analyst, f"/studies/{study.number}/stage", {"action": "start_main", "version": study.version},
                    lang="en")
    assert response.status_code == 400
    body = response.json()
    assert "000 p.7(1)" in body["failed"] and body["verdict"]["eligible"] is False
    assert "paragraph 7, sub-paragraph 1)" in body["detail"][0]["message"]


def test_stage_action_with_a_stale_version_is_409(as_analyst, analyst, today):
    study = final_study(analyst)
    stale = post(as_analyst, f"/studies/{study.number}/stage", {"action": "submit_hstc", "version": study.version - 1})
    assert stale.status_code == 409
    study.refresh_from_db()
    assert study.stage == "final"


@pytest.mark.parametrize(("body", "status", "field"), [
    ({"action": "start_main"}, 422, "version"),
    ({"action": "jump", "version": 1}, 422, "action"),
    ({"action": "start_main", "version": "one"}, 422, "version"),
    ({"action": "start_main", "version": 1, "colour": "red"}, 422, "colour"),
    ("{not json", 400, "(body)"),
    ("[1, 2]", 422, "(root)"),
])
def test_stage_action_invalid_bodies_name_the_field(as_analyst, analyst, body, status, field):
    study = make_study(analyst)
    response = post(as_analyst, f"/studies/{study.number}/stage", body)
    assert response.status_code == status
    assert field in {e["field"] for e in response.json()["detail"]}


def test_technologies_are_paginated(as_analyst, analyst):
    study = make_study(analyst)
    page = as_analyst.get(f"{API}/studies/{study.number}/technologies?limit=2&offset=1").json()
    assert page["count"] == 3 and [t["code"] for t in page["items"]] == ["T2", "T3"]


def test_analysis_endpoints_read_the_services(as_analyst, analyst, today):
    study = make_study(analyst, methods=["foresight"])
    make_expert(study, analyst, "kz@example.kz", "KZ")
    make_expert(study, analyst, "de@example.de", "DE")
    Round.objects.create(study=study, number=1, closes_on=TODAY)
    ranking = as_analyst.get(f"{API}/studies/{study.number}/ranking?lang=en")
    assert ranking.status_code == 200 and ranking.json()["missing"]  # no closed round: says so, ranks nothing
    assert as_analyst.get(f"{API}/studies/{study.number}/rounds/1/results").status_code == 200
    assert as_analyst.get(f"{API}/studies/{study.number}/rounds/2/results").status_code == 404
    assert as_analyst.get(f"{API}/studies/{study.number}/series").json() == {"items": [], "count": 0}
    assert as_analyst.get(f"{API}/studies/{study.number}/series/999/trend").status_code == 404


# --- the whole path and the key technologies (p.12(2) -> p.12(4) -> p.13(1)) ----------------------


def test_whole_path_through_the_api(client, as_analyst, analyst, discussed, today):
    number = discussed.number
    client.logout()
    assert post(client, f"/studies/{number}/comments", COMMENT).status_code == 201
    first = Comment.objects.get()
    discussion.respond(first, analyst, resolution="accepted", response="Sensors added.")
    publish(discussed, analyst, TODAY + dt.timedelta(days=12), key_technologies=["T3", "T2"],
            change_note="Sensors added", resolves=[first.pk])
    client.force_login(analyst)
    today.move(13)
    discussed.refresh_from_db()
    submitted = post(client, f"/studies/{number}/stage", {"action": "submit_hstc", "version": discussed.version})
    assert submitted.status_code == 200 and submitted.json()["stage"] == "submitted"
    missing = post(client, f"/studies/{number}/stage", {"action": "approve", "version": submitted.json()["version"],
                                                        "in_force_from": "2027-01-01"})
    assert (missing.status_code, missing.json()["detail"][0]["field"]) == (400, "decision")
    approved = post(client, f"/studies/{number}/stage", {"action": "approve", "version": submitted.json()["version"],
                                                         "in_force_from": "2027-01-01", "decision": "HSTC No. 4"})
    assert approved.status_code == 200 and approved.json()["stage"] == "approved"
    client.logout()
    listed = client.get(f"{API}/key-technologies?on=2027-01-01").json()
    assert [(i["rank"], i["code"], i["study"], i["decision"]) for i in listed["items"]] == [
        (1, "T3", number, "HSTC No. 4"), (2, "T2", number, "HSTC No. 4")]
    assert client.get(f"{API}/key-technologies?on=2026-12-31").json() == {"items": [], "count": 0}
    assert client.get(f"{API}/key-technologies?on=2027-01-01&q=drone").json()["count"] == 1


@pytest.mark.parametrize(("lang", "cited"), [
    ("kk", "13-тармақ, 1) тармақша"), ("ru", "п. 13, пп. 1)"), ("en", "paragraph 13, sub-paragraph 1)"),
])
def test_p13_1_check_answers_with_the_citation_in_the_language_asked(client, analyst, today, lang, cited):
    approved_study(analyst, today, dt.date(2027, 1, 1), ["T1"])
    passed = client.get(f"{API}/key-technologies/check?code=T1&on=2027-03-01&lang={lang}").json()
    assert passed["eligible"] is True and cited in passed["rules"][0]["citation"]["text"]
    failed = client.get(f"{API}/key-technologies/check?code=T2&on=2027-03-01&lang={lang}").json()
    assert failed["eligible"] is False
    assert failed["rules"][0]["citation"]["ref"] == "000 p.13(1)" and "T2" in failed["rules"][0]["reason"]


@pytest.mark.parametrize("query", ["code=%20", "", "code=T1&on=2027-02-30", "code=T1&lang=de"])
def test_p13_1_check_refuses_invalid_queries(client, db, query):
    response = client.get(f"{API}/key-technologies/check?{query}")
    assert response.status_code == 422


# --- the public discussion (p.12(2)) ---------------------------------------------------------------


def test_p12_2_public_draft_and_comments_without_e_mail(client, analyst, discussed):
    discussion.respond(comment(discussion.latest_draft(discussed)), analyst, resolution="noted", response="Thanks.")
    draft = client.get(f"{API}/studies/{discussed.number}/draft?lang=en").json()
    assert (draft["number"], draft["open"], draft["study"]) == (1, True, discussed.number)
    assert draft["key_technologies"][0] == {"rank": 1, "code": "T2", "name": "Agricultural drones"}
    assert draft["recommendations"] == [{"body": "Ministry of Agriculture", "text": "Fund pilot farms"}]
    comments = client.get(f"{API}/studies/{discussed.number}/comments?lang=en").json()
    assert comments["count"] == 1
    assert comments["items"][0]["resolution_name"] == "Noted, no correction needed"
    assert "citizen@example.kz" not in json.dumps(comments) and "author_email" not in comments["items"][0]


def test_p12_2_no_public_draft_before_the_final_stage(client, analyst):
    study = make_study(analyst)
    assert client.get(f"{API}/studies/{study.number}/draft").status_code == 404
    assert post(client, f"/studies/{study.number}/comments", COMMENT).status_code == 404


@pytest.mark.parametrize(("body", "status", "field"), [
    ({k: v for k, v in COMMENT.items() if k != "author_email"}, 422, "author_email"),
    (COMMENT | {"text": "   "}, 422, "text"),
    (COMMENT | {"author_name": "x" * 201}, 422, "author_name"),
    (COMMENT | {"author_email": "aliya-at-example"}, 422, "author_email"),
    (COMMENT | {"website": "spam"}, 422, "website"),
    (COMMENT | {"version": 7}, 422, "version"),
    ("{broken", 400, "(body)"),
    (b"\xff\xfe", 400, "(body)"),
    ('"just text"', 422, "(root)"),
])
def test_p12_2_comment_validation_names_the_field(client, discussed, body, status, field):
    response = post(client, f"/studies/{discussed.number}/comments", body)
    assert response.status_code == status
    assert field in {e["field"] for e in response.json()["detail"]}
    assert not Comment.objects.exists()


def test_p12_2_duplicate_stale_and_late_comments_are_409(client, analyst, discussed, today):
    url = f"/studies/{discussed.number}/comments"
    assert post(client, url, COMMENT | {"version": 1}).status_code == 201
    assert post(client, url, COMMENT).status_code == 409
    publish(discussed, analyst, TODAY + dt.timedelta(days=10), change_note="Reworded")
    stale = post(client, url, COMMENT | {"text": "On version 1", "version": 1}, lang="en")
    assert stale.status_code == 409 and "newer version" in stale.json()["detail"][0]["message"]
    today.move(11)
    late = post(client, url, COMMENT | {"text": "Late"}, lang="en")
    assert late.status_code == 409 and "paragraph 12, sub-paragraph 2)" in late.json()["detail"][0]["message"]
    assert Comment.objects.count() == 1
