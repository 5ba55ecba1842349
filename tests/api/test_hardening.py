"""Issue 8, findings 6, 7, 8, 10 (content type) and 14: bad input on every operation of /api/v1/ (taken
from its OpenAPI schema, so a new operation is covered without being listed here) and on the pages
that search. The NUL tests matter most on PostgreSQL, where NUL cannot be stored; CI runs both."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from ninja import Router, Schema

from techpolicy.api.body import nesting_depth
from techpolicy.api.common import MAX_OFFSET
from techpolicy.api.contract import TechPolicyAPI
from techpolicy.forecasting.studies.models import Comment
from techpolicy.law.acts.act001_technopark.facts import TechnoparkFacts
from techpolicy.law.facts import InvalidFacts, parse_facts
from techpolicy.law.text import control_characters
from tests import factories

from .conftest import api_operations, from_services, signed_in
from .examples import example

OPERATIONS = api_operations()
JSON_BODY = [(m, p) for m, p, op in OPERATIONS if "requestBody" in op]
LISTS = [(m, p) for m, p, op in OPERATIONS if any(par["name"] == "offset" for par in op["parameters"])]
TEXT_PARAMETERS = [(m, p, par["name"]) for m, p, op in OPERATIONS for par in op["parameters"]
                   if "pattern" in par["schema"]]  # the shared text type documents its pattern
NUL, ESC, SURROGATE = "\u0000", "\u001b", "\ud800"


def _user(world, method: str, path: str):
    """Who may call the operation: the analyst for studies, the applicant for applications, else nobody."""
    operation = next(op for m, p, op in OPERATIONS if (m, p) == (method, path))
    if "security" not in operation:
        return None
    return world.analyst if path.startswith("/forecasting/") else world.applicant


def _url(world, path: str, **overrides) -> str:
    values = {**world.path_values().get(path, {}), **overrides}
    return "/api/v1" + path.format(**{k: quote(str(v), safe="") for k, v in values.items()})


def call(world, method: str, path: str, body: str | bytes = "", content_type: str = "application/json",
         query: str = "", **path_values):
    client = signed_in(_user(world, method, path))
    url = _url(world, path, **path_values) + (f"?{query}" if query else "")
    if method == "GET":
        return client.get(url)
    return client.generic(method, url, data=body, content_type=content_type)


def assert_errors(response, status: int, field: str | None = None) -> list[dict]:
    """The response has `status` and the documented error shape, naming `field` when given."""
    assert response.status_code == status, response.content
    detail = response.json()["detail"]
    assert detail and all(set(e) >= {"field", "message"} and e["message"] for e in detail)
    if field is not None:
        assert field in {e["field"] for e in detail}, detail
    return detail


VALID_BODY = {
    "/technopark/precheck": lambda: example("technopark/eligible.json"),
    "/productivity/calculate": lambda: example("productivity2020/3a_training.json"),
    "/technopark/check": lambda: example("technopark/eligible.json"),
    "/productivity/check": lambda: example("productivity2020/3a_training.json"),
    "/forecasting/studies/{number}/stage": lambda: {"action": "submit_hstc", "version": 1, "reason": "ok"},
    "/forecasting/studies/{number}/comments": lambda: {"author_name": "Aliya", "author_email": "a@example.kz",
                                                      "text": "Add irrigation sensors."},
    "/forecasting/studies/{number}/comments/{comment_id}/moderation": lambda: {"action": "hide", "reason": "spam"},
    "/forecasting/studies/{number}/comments/{comment_id}/report": lambda: {"reason": "offensive"},
    **from_services("VALID_BODY"),
}


def test_every_json_operation_has_a_valid_body_here():
    assert {p for _m, p in JSON_BODY} == set(VALID_BODY) == set(TEXT_IN_BODY)


# --- finding 6: nesting depth and body size ---------------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), JSON_BODY)
@pytest.mark.parametrize("shape", ["array", "object"])
@pytest.mark.parametrize("depth", [33, 100_000])
def test_finding6_deep_json_is_422(world, method, path, shape, depth):
    body = "[" * depth + "]" * depth if shape == "array" else '{"a":' * depth + "1" + "}" * depth
    assert_errors(call(world, method, path, body), 422, "(body)")


@pytest.mark.parametrize(("method", "path"), JSON_BODY)
def test_finding6_depth_at_the_limit_reaches_validation(world, method, path):
    depth = settings.TECHPOLICY_API_MAX_JSON_DEPTH
    body = {"nested": json.loads("[" * (depth - 1) + "]" * (depth - 1))}
    detail = assert_errors(call(world, method, path, json.dumps(body)), 422)
    assert "(body)" not in {e["field"] for e in detail}  # refused by the schema, not by the depth


@pytest.mark.parametrize(("method", "path"), JSON_BODY)
def test_finding6_body_beyond_the_size_limit_is_413(world, method, path, settings):
    settings.TECHPOLICY_API_MAX_BODY_BYTES = 2048
    body = json.dumps(VALID_BODY[path]() | {"padding": "x" * 3000})
    assert_errors(call(world, method, path, body), 413, "(body)")


def test_finding6_depth_is_measured_without_recursion_and_ignores_strings():
    assert nesting_depth('{"a": [1, {"b": []}]}') == 4
    assert nesting_depth('["[[[[", "\\"[[[", {"k]]": "}}"}]') == 2
    assert nesting_depth("[" * 1_000_000) == 1_000_000  # no recursion, however deep
    assert nesting_depth('"no structure"') == 0


class Payload(Schema):
    name: str


def test_finding6_and_10_ninja_body_parser_applies_the_same_checks():
    """An endpoint that declares its body schema reads it through JSONBodyParser, with the same answers."""
    from ninja.testing import TestClient

    router = Router()

    @router.post("/echo")
    def echo(request, payload: Payload):
        return {"name": payload.name}

    contract_api = TechPolicyAPI(urls_namespace="contract-test")
    contract_api.add_router("/", router)
    client = TestClient(contract_api)
    json_type = {"content_type": "application/json", "content_params": {}}
    assert client.post("/echo", data=b'{"name": "ok"}', **json_type).json() == {"name": "ok"}
    deep = client.post("/echo", data=("[" * 2000 + "]" * 2000).encode(), **json_type)
    assert (deep.status_code, deep.json()["detail"][0]["field"]) == (422, "(body)")
    plain = client.post("/echo", data=b'{"name": "ok"}', content_type="text/plain", content_params={})
    assert (plain.status_code, plain.json()["detail"][0]["field"]) == (415, "(body)")
    broken = client.post("/echo", data=b'{"name": ', **json_type)
    assert (broken.status_code, broken.json()["detail"][0]["field"]) == (400, "(body)")


# --- finding 7: limit and offset ---------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), LISTS)
@pytest.mark.parametrize("offset", [MAX_OFFSET + 1, 2**63, 10**30])
def test_finding7_offset_beyond_the_bound_is_422(world, method, path, offset):
    assert_errors(call(world, method, path, query=f"offset={offset}"), 422, "offset")


@pytest.mark.parametrize(("method", "path"), LISTS)
def test_finding7_offset_at_the_bound_is_an_empty_page(world, method, path):
    response = call(world, method, path, query=f"offset={MAX_OFFSET}&limit=500")
    assert response.status_code == 200, response.content
    assert response.json()["items"] == []


@pytest.mark.parametrize(("page_name", "who"), [
    ("technopark:register", None), ("casework:queue", "secretariat"), ("studies:list", "analyst")])
def test_finding7_huge_page_number_on_pages_is_the_last_page(world, page_name, who):
    user = {"secretariat": factories.make_secretariat(), "analyst": world.analyst}.get(who)
    response = signed_in(user).get(f"/en{reverse(page_name).removeprefix('/kk')}?page=99999999999999999999999")
    assert response.status_code == 200


# --- finding 8: control characters -------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path", "name"), TEXT_PARAMETERS)
@pytest.mark.parametrize("character", [NUL, ESC])
def test_finding8_control_character_in_a_parameter_is_422(world, method, path, name, character):
    operation = next(op for m, p, op in OPERATIONS if (m, p) == (method, path))
    location = next(par["in"] for par in operation["parameters"] if par["name"] == name)
    value = f"T{character}1"
    if location == "path":
        response = call(world, method, path, json.dumps(VALID_BODY.get(path, dict)()), **{name: value})
    else:
        response = call(world, method, path, json.dumps(VALID_BODY.get(path, dict)()),
                        query=f"{name}={quote(value)}")
    assert_errors(response, 422, name)


TEXT_IN_BODY = {
    "/technopark/precheck": "applicant.name",
    "/productivity/calculate": "applicant.name",
    "/technopark/check": "applicant.name",
    "/productivity/check": "applicant.name",
    "/forecasting/studies/{number}/stage": "reason",
    "/forecasting/studies/{number}/comments": "text",
    "/forecasting/studies/{number}/comments/{comment_id}/moderation": "reason",
    "/forecasting/studies/{number}/comments/{comment_id}/report": "reason",
    **from_services("TEXT_IN_BODY"),
}


def _comments() -> list[tuple]:
    return list(Comment.objects.order_by("pk").values_list("pk", "text", "moderation", "reports", "hidden_reason"))


@pytest.mark.parametrize(("method", "path"), JSON_BODY)
@pytest.mark.parametrize("character", [NUL, ESC, SURROGATE])
def test_finding8_control_character_in_a_body_is_422(world, method, path, character):
    body, field = VALID_BODY[path](), TEXT_IN_BODY[path]
    *parents, name = field.split(".")
    target = body
    for parent in parents:
        target = target[parent]
    target[name] = f"Farm {character} sensors"
    before = _comments()
    assert_errors(call(world, method, path, json.dumps(body)), 422, field)
    assert _comments() == before


def test_finding8_facts_are_checked_wherever_they_are_parsed_keys_included():
    facts = example("technopark/eligible.json")
    facts["applicant"]["name"] = "Tech\u0000"
    facts["applicant"]["bad\u0007key"] = 1

    with pytest.raises(InvalidFacts) as refused:
        parse_facts(TechnoparkFacts, facts)
    assert {(e["field"], e["message"].split("(")[1][:6]) for e in refused.value.errors} == {
        ("applicant.name", "U+0000"), ("applicant", "U+0007")}
    deep: list = []
    for _ in range(20_000):  # no recursion: a walk of any depth ends
        deep = [deep]
    assert control_characters(deep, limit=5) == []
    assert control_characters(["\t\n\r ordinary", {"a": "x\x7f"}], limit=5) == [((1, "a"), "U+007F")]


PAGES = [("technopark:register", {}), ("technopark:register_export", {"fmt": "csv"}),
         ("technopark:register_export", {"fmt": "json"}), ("casework:queue", {}), ("studies:list", {})]


@pytest.mark.parametrize(("page_name", "kwargs"), PAGES)
@pytest.mark.parametrize("character", ["%00", "%1B"])
def test_finding8_control_character_in_a_page_query_is_a_400_page(world, page_name, kwargs, character):
    user = world.analyst if page_name.startswith("studies") else factories.make_secretariat()
    url = f"/en{reverse(page_name, kwargs=kwargs).removeprefix('/kk')}"
    client = signed_in(user)
    assert client.get(f"{url}?q=Tech").status_code == 200  # the page itself works
    response = client.get(f"{url}?q=Tech{character}")
    assert response.status_code == 400
    assert "control character" in response.content.decode()
    assert client.get(f"{url}?q=Tech%09farm").status_code == 200  # tab is white space, allowed


def test_finding8_control_character_in_a_form_field_or_path_is_a_400_page(world):
    client = signed_in(None)
    login = client.post("/en/login/", {"username": "a\x00", "password": "x"})
    assert (login.status_code, "control character" in login.content.decode()) == (400, True)
    assert signed_in(world.applicant).get("/en/cases/AH%00/").status_code == 400


# --- finding 10: only application/json --------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), JSON_BODY)
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "application/json; charset=latin-1", ""])
def test_finding10_body_not_sent_as_json_is_415(world, method, path, content_type):
    before = _comments()
    response = call(world, method, path, json.dumps(VALID_BODY[path]()), content_type=content_type)
    assert_errors(response, 415, "(body)")
    assert _comments() == before


@pytest.mark.parametrize(("method", "path"), JSON_BODY)
def test_finding10_json_with_utf8_charset_is_accepted(world, method, path):
    response = call(world, method, path, json.dumps(VALID_BODY[path]()), content_type="application/json; charset=UTF-8")
    assert response.status_code < 500 and response.status_code != 415


# --- finding 14: one error shape, every status documented ----------------------------------------------------


def test_finding14_query_path_auth_and_missing_errors_have_the_documented_shape(world):
    assert_errors(signed_in(None).get("/api/v1/technopark/participants?limit=abc&status=bogus"), 422, "limit")
    assert_errors(signed_in(None).get("/api/v1/technopark/applications"), 401, "(user)")
    assert_errors(signed_in(world.analyst).get("/api/v1/forecasting/studies/FS-1900-0001"), 404)
    assert_errors(signed_in(world.analyst).get(f"/api/v1/forecasting/studies/{world.study}/series/0/trend"), 422,
                  "series_id")


def test_finding14_csrf_refusal_has_the_documented_shape(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.analyst)
    response = client.post(f"/api/v1/forecasting/studies/{world.study}/stage",
                           data=json.dumps(VALID_BODY["/forecasting/studies/{number}/stage"]()),
                           content_type="application/json")
    assert_errors(response, 403, "(csrf)")


def test_finding14_unexpected_error_is_500_in_the_shape_without_internals(world, monkeypatch):
    from techpolicy.api import technopark

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals at /srv/app")

    monkeypatch.setattr(technopark.register, "participants", broken)
    response = signed_in(None).get("/api/v1/technopark/participants")
    assert_errors(response, 500, "(server)")
    assert b"secret" not in response.content and b"RuntimeError" not in response.content


@pytest.mark.parametrize(("method", "path", "operation"), OPERATIONS, ids=[f"{m} {p}" for m, p, _o in OPERATIONS])
def test_finding14_every_status_the_shared_machinery_answers_is_documented(method, path, operation):
    documented = set(operation["responses"])
    expected = {"500"}
    if operation["parameters"] or "requestBody" in operation:
        expected.add("422")
    if "requestBody" in operation:
        expected |= {"400", "413", "415"}
    if "security" in operation:
        expected.add("401")
    if "{" in path:
        expected.add("404")
    if method == "POST":
        expected |= {"429"} | ({"403"} if "security" in operation else set())
    assert expected <= documented
    for status, response in operation["responses"].items():
        if not status.startswith("2"):
            ref = response["content"]["application/json"]["schema"]["$ref"]
            assert ref.rsplit("/", 1)[-1] in {"Errors", "Refusal", "CertificateOut"}, (status, ref)


def test_finding14_openapi_schema_is_served_and_documents_the_bounds(client):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = schema["paths"]["/api/v1/technopark/participants"]["get"]["parameters"]
    offset = next(p for p in parameters if p["name"] == "offset")
    assert offset["schema"]["maximum"] == MAX_OFFSET
