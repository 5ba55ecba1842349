"""Rule of the house "hostile input" on the innovation grant (law 003 article 27) and the public
questionnaire of the support measures (article 20(2)): NUL and other control characters, 100 000-
character strings, repeated fields, bad numbers, deep or oversized JSON and wrong types reach every
page and endpoint of the service, and each is answered — a page, a redirect, a refusal (400, 403,
404, 413; the API's documented validation error is 422) — never a server error; nothing carrying a
NUL is stored, and a long text is not stored beyond its bound.

- 003.a27.p2: the application's apply and edit pages, and the API's check of the facts;
- 003.a20.p2: the measures questionnaire and the API's measures;
- 003.a27.p2.a3: the panel, assignment, run and reviews pages, and the panel's service calls;
- 003.a27.p3.a2: the what-if page over the call's money and the ledger page."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import models
from django.test import Client
from django.utils import timezone

from techpolicy.casework.engine import fire
from techpolicy.casework.models import Case, Transition
from techpolicy.services.innovation_grants import panels
from techpolicy.services.innovation_grants.models import Conclusion, Criterion, DeclaredInterest, Seat
from techpolicy.services.innovation_grants.roles import GRANT_EXPERT
from techpolicy.services.innovation_grants.workflows import GRANT
from tests.api.examples import example

from .grant_world import World, make_world

PAGE_ANSWERS = {200, 302, 400, 403, 404, 413}
API_ANSWERS = PAGE_ANSWERS | {422}  # the API refuses invalid input with 422 in its documented error shape

NUL = "a\x00b"
CONTROL = "a\x1bb"
HUGE = "x" * 100_000
BAD_NUMBERS = ("NaN", "-Infinity", "1e999999999", "-1", "0", "1" * 40, "12,5.3", "0x1F", "1_000", "١٢", " ")
HOSTILE_TEXT = (NUL, CONTROL, HUGE, "<script>x</script>", "\u202eevil")
LONGEST_STORED = 20_001  # the longest text the service keeps (a conclusion, models.panels.MAX_CONCLUSION)


@pytest.fixture
def world(analyst, today) -> World:
    return make_world(analyst, today)


def signed_in(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def answered(response, allowed=PAGE_ANSWERS) -> int:
    assert response.status_code in allowed, (response.status_code, response.content[:300])
    return response.status_code


def stored_texts():
    """Every text and JSON value the service and its cases keep."""
    kept = [*apps.get_app_config("innovation_grants").get_models(), Case, Transition]
    for model in kept:
        names = [f.name for f in model._meta.concrete_fields
                 if isinstance(f, models.CharField | models.TextField | models.JSONField)]
        for row in model.objects.values_list(*names):
            for value in row:
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
                yield model.__name__, text


def assert_nothing_hostile_stored() -> None:
    for model, text in stored_texts():
        assert "\x00" not in text and "\\u0000" not in text, model


# --- 003.a27.p2: the application's apply and edit pages -------------------------------------------------


def apply_body(world: World) -> dict:
    return {"call-call": world.call.number, "applicant-kind": "legal_entity",
            "applicant-name": world.owner.organisation.name, "applicant-activity": "өнеркәсіптік роботтар шығару",
            "project-direction": "AI.01", "project-planned_costs": "100000000.00", "project-requested": "40000000.00",
            "project-own_production_process": "true", "trainees-TOTAL_FORMS": "1", "trainees-INITIAL_FORMS": "0",
            "trainees-0-name": "Айгүл Серікова", "trainees-0-staff_category": "engineering_technical",
            "trainees-0-country": "DE"}


APPLY_FIELDS = ("call-call", "applicant-kind", "applicant-name", "applicant-activity", "project-direction",
                "project-own_production_process", "trainees-0-name", "trainees-0-country")
AMOUNT_FIELDS = ("project-planned_costs", "project-requested", "trainees-TOTAL_FORMS", "trainees-INITIAL_FORMS")


def hostile_posts(base: dict):
    """`base` with one field made hostile at a time, as a whole post and as "save and finish later"."""
    for field in (*APPLY_FIELDS, *AMOUNT_FIELDS):
        for value in (*HOSTILE_TEXT, *(BAD_NUMBERS if field in AMOUNT_FIELDS else ())):
            yield {**base, field: value}
            yield {**base, field: value, "save_partial": "1"}
        yield {**base, field: [base[field], HUGE]}  # a field sent twice
    yield {**base, "trainees-TOTAL_FORMS": "100000", "add_trainee": "1"}
    yield {NUL: "x", HUGE[:5000]: "y"}
    yield {}


def test_003_a27_p2_hostile_input_to_the_apply_page_is_answered_and_nul_never_stored(world):
    client = signed_in(world.owner)
    url = "/en/innovation-grants/apply/"
    statuses = {answered(client.post(url, data)) for data in hostile_posts(apply_body(world))}
    assert 400 in statuses  # control characters are refused before any view (site.input_guard)
    assert answered(client.get(url, {"call": NUL})) == 400
    assert answered(client.get(url + "?" + "a=" + HUGE)) == 200
    assert_nothing_hostile_stored()


def test_003_a27_p2_hostile_input_to_the_edit_page_is_answered_and_nul_never_stored(world):
    case = world.application()
    client = signed_in(world.owner)
    url = f"/en/innovation-grants/cases/{case.number}/edit/"
    base = {**apply_body(world), "version": str(case.version)}
    for data in hostile_posts(base):
        answered(client.post(url, data))
    for version in ("-1", "9" * 40, "abc", NUL, HUGE):
        answered(client.post(url, {**base, "version": version, "applicant-name": "Changed"}))
    for number in ("IG%00", "%1b", "x" * 10_000, "..%2F..", "IG-1'--"):
        answered(client.get(f"/en/innovation-grants/cases/{number}/edit/"))
    assert answered(signed_in(None).post(url, base)) == 302  # to the sign-in page
    assert_nothing_hostile_stored()


def test_003_a27_p2_a_draft_saved_incomplete_keeps_no_text_beyond_its_bound(world):
    client = signed_in(world.owner)
    answered(client.post("/en/innovation-grants/apply/", {**apply_body(world), "applicant-name": HUGE,
                                                          "save_partial": "1"}))
    assert Case.objects.filter(workflow=GRANT.id).exists()  # the draft was saved ...
    longest = max(len(text) for _model, text in stored_texts())
    assert longest < 5 * LONGEST_STORED  # ... without the 100 000 characters


def test_003_a27_p2_an_edit_by_another_organisation_is_refused_whatever_it_posts(world):
    from tests import factories

    case = world.application()
    stranger = signed_in(factories.make_applicant())
    url = f"/en/innovation-grants/cases/{case.number}/edit/"
    for name in ("Taken over", HUGE):
        assert stranger.post(url, {**apply_body(world), "applicant-name": name,
                                   "version": str(case.version)}).status_code == 403
    case.refresh_from_db()
    assert case.facts["applicant"]["name"] == world.owner.organisation.name


# --- 003.a20.p2: the public measures questionnaire ----------------------------------------------------------

MEASURES = {"applicant-kind": "legal_entity", "applicant-name": "«Ертіс Полимер» АҚ",
            "applicant-activity": "полимер өндірісін жаңғырту", "circumstances-purpose": "modernisation",
            "circumstances-own_contribution": "5000000", "circumstances-lender": "second_tier_bank",
            "circumstances-instrument": "loan", "circumstances-working_capital": "on",
            "circumstances-other_regime": ""}


@pytest.mark.django_db
@pytest.mark.parametrize("field", list(MEASURES))
def test_003_a20_p2_hostile_answers_to_the_measures_questionnaire_are_answered_and_nothing_stored(client, field):
    url = "/en/innovation-grants/measures/"
    values = (*HOSTILE_TEXT, *BAD_NUMBERS, "1e-999999", "99999999999999999999.999")
    for value in values:
        answered(client.post(url, {**MEASURES, field: value}))
    answered(client.post(url, {**MEASURES, field: [MEASURES[field], HUGE]}))
    assert answered(client.post(url, {**MEASURES, field: NUL})) == 400
    assert answered(client.get(url, {field: HUGE})) == 200
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_003_a20_p2_an_oversized_or_odd_post_to_the_questionnaire_is_refused(client, settings):
    url = "/en/innovation-grants/measures/"
    too_many = {f"f{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    assert answered(client.post(url, too_many)) == 400
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    assert answered(client.post(url, big, content_type="application/x-www-form-urlencoded")) in (400, 413)
    answered(client.post(url, json.dumps(MEASURES), content_type="application/json"))
    answered(client.post(url, "[" * 100_000, content_type="application/json"))
    assert client.put(url, MEASURES).status_code == 405


# --- 003.a27.p3.a2: the what-if page --------------------------------------------------------------------


def test_003_a27_p3_a2_hostile_parameters_of_the_what_if_page_are_answered(world):
    operator = signed_in(world.operator)
    url = f"/en/innovation-grants/calls/{world.call.number}/what-if/"
    for name in ("threshold", "budget", "share", "cap", "method"):
        for value in (*HOSTILE_TEXT, *BAD_NUMBERS, "1e-999999", "99.999999999999999999999999"):
            status = answered(operator.get(url, {name: value}))
            assert status == (400 if value in (NUL, CONTROL) else 200), (name, value)
        answered(operator.get(url, {name: ["1", "2"]}))
    for number in ("%00", "x" * 10_000, "C-%1b", "NO-SUCH"):
        assert answered(operator.get(f"/en/innovation-grants/calls/{number}/what-if/")) in (400, 404)
    assert answered(signed_in(world.owner).get(url, {"budget": "1"})) == 403
    assert operator.post(url, {"budget": "1"}).status_code == 405  # the page only shows: nothing is changed


# --- 003.a27.p2.a3: the panel, assignment, run and reviews pages ------------------------------------------------


def under_expertise(world: World) -> Case:
    return fire(fire(world.application(), "submit", world.owner), "to_expertise", world.operator)


def expert_seat(world: World, case: Case) -> Seat:
    expert = world.experts[0]
    expert.user.groups.add(Group.objects.get_or_create(name=GRANT_EXPERT)[0])
    return Seat.objects.create(case=case, expert=expert, override_reason="hostile panel", placed_by=world.operator,
                               state=Seat.DECLARED, declared_at=timezone.now())


def test_003_a27_p2_a3_hostile_operator_posts_to_the_panel_page_are_answered(world):
    case = under_expertise(world)
    operator = signed_in(world.operator)
    url = f"/en/innovation-grants/cases/{case.number}/panel/"
    expert = str(world.experts[1].pk)
    for value in (*HOSTILE_TEXT, *BAD_NUMBERS, "9" * 30):
        answered(operator.post(url, {"action": "place", "expert": value, "reason": "Needed."}))
        answered(operator.post(url, {"action": "place", "expert": expert, "reason": value}))
        answered(operator.post(url, {"action": "remove", "seat": value, "reason": "Gone."}))
        answered(operator.post(url, {"action": value}))
    answered(operator.post(url, {"action": ["place", "remove"], "expert": [expert, "x"], "reason": "Twice."}))
    for number in ("%00", "x" * 10_000, "IG-%7f"):
        answered(operator.get(f"/en/innovation-grants/cases/{number}/panel/"))
    # Of the lot, an ordinary reason placed the expert once; the huge one was refused, not cut and kept.
    assert Seat.objects.filter(case=case, state__in=Seat.OPEN).count() == 1
    assert all(len(r) <= panels.MAX_REASON for r in Seat.objects.values_list("override_reason", flat=True))
    assert_nothing_hostile_stored()


def test_003_a27_p2_a3_hostile_expert_posts_to_the_panel_page_are_answered(world):
    Criterion.objects.create(call=world.call, code="novelty", name_kk="Жаңалығы", name_ru="Новизна",
                             name_en="Novelty", weight="1")
    case = under_expertise(world)
    seat = expert_seat(world, case)
    client = signed_in(seat.expert.user)
    url = f"/en/innovation-grants/cases/{case.number}/panel/"
    for value in (*HOSTILE_TEXT, *BAD_NUMBERS, "９", "99999", "1.5"):
        answered(client.post(url, {"action": "score", "score-novelty": value}))
        answered(client.post(url, {"action": "conclude", "kind": value, "text": "Sound."}))
        answered(client.post(url, {"action": "conclude", "kind": "economic", "text": value}))
    answered(client.post(url, {"action": "score", f"score-{HUGE}": "5", "score-novelty": ["1", "2"]}))
    answered(client.post(url, {"action": "recuse", "reason": HUGE}))
    seat.refresh_from_db()
    assert seat.state == Seat.CONCLUDED  # the huge reason was refused, the seat is still open
    assert not DeclaredInterest.objects.exists()
    assert_nothing_hostile_stored()


def test_003_a27_p2_a3_hostile_assignment_run_and_reviews_requests_are_answered(world):
    operator = signed_in(world.operator)
    assign = f"/en/innovation-grants/calls/{world.call.number}/assign/"
    for value in (*HOSTILE_TEXT, "9" * 30):
        answered(operator.post(assign, {"case": value}))
    for number in ("%00", "x" * 10_000):
        answered(operator.post(f"/en/innovation-grants/calls/{number}/assign/"))
    for pk in ("99999999999999999999999", "0", "2147483648"):
        assert answered(operator.get(f"/en/innovation-grants/runs/{pk}/")) == 404
    seat = expert_seat(world, under_expertise(world))
    reviews = signed_in(seat.expert.user)
    for page in (*HOSTILE_TEXT, *BAD_NUMBERS, "9" * 30):
        answered(reviews.get("/en/innovation-grants/reviews/", {"page": page}))
    assert answered(signed_in(world.owner).get("/en/innovation-grants/reviews/")) == 403
    assert answered(signed_in(world.owner).post(assign)) == 403


def test_003_a27_p2_a3_the_panels_refuse_control_characters_in_what_they_store(world):
    """The pages refuse a NUL before any view; the panel's own calls refuse it too, so no other caller
    (a command, the demo, a future API) can store text PostgreSQL cannot hold."""
    case = under_expertise(world)
    seat = expert_seat(world, case)
    user = seat.expert.user
    for text in (NUL, CONTROL, "\ud800"):
        with pytest.raises(panels.PanelError):
            panels.conclude(seat, user, Conclusion.ECONOMIC, text)
        with pytest.raises(panels.PanelError):
            panels.recuse(seat, user, text)
        with pytest.raises(panels.PanelError):
            panels.place(case, world.experts[1], world.operator, text)
    assert not Conclusion.objects.exists() and Seat.objects.filter(case=case).count() == 1
    assert panels.conclude(seat, user, Conclusion.ECONOMIC, "Line one.\nLine two.\tTabbed.").text.count("\n") == 1


# --- the ledger page (003.a27.p3.a2) ----------------------------------------------------------------------


def test_003_a27_p3_a2_hostile_closes_of_a_year_on_the_ledger_page_are_answered(world):
    operator = signed_in(world.operator)
    url = "/en/innovation-grants/ledger/"
    for value in (*HOSTILE_TEXT, *BAD_NUMBERS, "99999", "0000"):
        answered(operator.post(url, {"financial_year": value, "confirm": "on"}))
        answered(operator.post(url, {"financial_year": "2025", "confirm": value}))
    for page in (*HOSTILE_TEXT, "9" * 30, "-1"):
        answered(operator.get(url, {"page": page}))
    assert_nothing_hostile_stored()


# --- the API (003.a27.p2, 003.a20.p2) ---------------------------------------------------------------------

CHECK = "/api/v1/innovation-grants/check?procedure=innovation-grant&lang=en"


def post_json(client: Client, url: str, body) -> int:
    text = body if isinstance(body, str | bytes) else json.dumps(body)
    return answered(client.post(url, text, content_type="application/json"), API_ANSWERS)


def with_name(body: dict, name) -> dict:
    return {**body, "applicant": {**body.get("applicant", {}), "name": name}}


@pytest.mark.django_db
def test_003_a27_p2_hostile_bodies_of_the_check_endpoint_are_refused_not_500(client, settings):
    valid = example("innovation-grant.json")
    assert post_json(client, CHECK, valid) == 200
    for name in (NUL, CONTROL, "\ud800"):
        assert post_json(client, CHECK, with_name(valid, name)) == 422
    post_json(client, CHECK, with_name(valid, HUGE))
    for shape in ("[" * 100_000 + "]" * 100_000, '{"a":' * 5_000 + "1" + "}" * 5_000):
        assert post_json(client, CHECK, shape) == 422
    assert post_json(client, CHECK, json.dumps({**valid, "x": "y" * (settings.TECHPOLICY_API_MAX_BODY_BYTES + 1)})) \
        == 413
    for body in ("null", "5", '"text"', "[]", "{", "", "NaN", '{"requested": Infinity}', b"\xff\xfe"):
        assert post_json(client, CHECK, body) in (400, 422)
    for field in ("requested", "planned_costs"):
        for value in (*BAD_NUMBERS, 1e308, -5, [], {}, True, None, "9" * 400):
            post_json(client, CHECK, {**valid, field: value})
    for field in ("grant_type", "applicant", "trainees", "direction"):
        for value in (5, [], {}, None, HUGE, [{"name": NUL}] * 3):
            post_json(client, CHECK, {**valid, field: value})
    for procedure in ("%00", HUGE[:5000], "innovation-grant%1b", "support-measure.", ""):
        answered(client.post(f"/api/v1/innovation-grants/check?procedure={procedure}", valid,
                             content_type="application/json"), API_ANSWERS)
    answered(client.post(CHECK, "a=b", content_type="text/plain"), API_ANSWERS | {415})
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_003_a20_p2_hostile_queries_of_the_read_endpoints_are_refused_not_500(client):
    base = "/api/v1/innovation-grants"
    queries = [f"{base}/calls?{q}" for q in ("limit=abc", "offset=-1", f"offset={10 ** 30}", "limit=0",
                                             "limit=100000", "lang=xx", "lang=%00")]
    queries += [f"{base}/directions?on={on}" for on in ("2025-13-45", "%00", "x" * 5000, "99999-01-01", "-1")]
    queries += [f"{base}/measures?lang={lang}" for lang in ("xx", "%00", "kk" * 5000)]
    queries += [f"{base}/facts-schema?procedure={p}" for p in ("%00", "nope", "x" * 5000)]
    for url in queries:
        assert answered(client.get(url), API_ANSWERS) in (400, 404, 422), url
    assert answered(client.get(f"{base}/measures?lang=ru"), API_ANSWERS) == 200


def test_003_a27_p2_hostile_requests_for_the_own_applications_are_refused_not_500(world):
    case = world.application()
    client = signed_in(world.owner)
    base = "/api/v1/innovation-grants/applications"
    assert answered(client.get(f"{base}/{case.number}"), API_ANSWERS) == 200
    for number in ("%00", "x" * 10_000, "IG-%1b", "..%2F", "NO-SUCH"):
        assert answered(client.get(f"{base}/{number}"), API_ANSWERS) in (404, 422)
    for query in ("offset=-1", f"offset={10 ** 30}", "limit=abc", "lang=%00"):
        assert answered(client.get(f"{base}?{query}"), API_ANSWERS) == 422
    assert signed_in(None).get(base).status_code == 401
    assert Case.objects.filter(workflow=GRANT.id).count() == 1
