"""The state-changing endpoints of the technopark and "Productivity 2020", in the order the demo
world allows (a draft is edited and given documents before it is submitted, and so on). Each
builder signs in the actor, reads the form from the page as a browser would, and returns the
request to repeat with what to count. Imported after django.setup()."""

from __future__ import annotations

import datetime as dt

from techpolicy.accounts.models import User
from techpolicy.casework import law_context
from techpolicy.casework.models import Case, Document, Transition, Vote
from techpolicy.services.productivity import demo as productivity_demo
from techpolicy.services.productivity.models import InformationRequest, ProductivityReport
from techpolicy.services.technopark import demo as technopark_demo
from techpolicy.services.technopark.workflows import ALL as TECHNOPARK_WORKFLOWS

from .client import FIRST
from .races import Sessions, Shot

BINS = {c[0]: c[3] for c in (*technopark_demo.COMPANIES, *productivity_demo.COMPANIES)}
NEW_USER, NEW_PASSWORD, NEW_BIN = "hostile-newco", "Hostile-Harness-2026!", "990140012345"
NOTE = "Sent 20 times at once by the hostile-load harness"
SCENARIOS: list = []


def scenario(name: str):
    def register(build):
        SCENARIOS.append((name, build))
        return build
    return register


def _final(workflow_id: str) -> list[str]:
    workflow = next(w for w in TECHNOPARK_WORKFLOWS if w.id == workflow_id)
    return [s.id for s in workflow.states if s.final]


def number_of(username: str, workflow: str = "technopark.participation", state: str | None = None) -> str:
    cases = Case.objects.filter(organisation__bin=BINS.get(username, NEW_BIN), workflow=workflow)
    if state:
        cases = cases.filter(state=state)
    number = cases.order_by("-pk").values_list("number", flat=True).first()
    if number is None:
        raise LookupError(f"{username} has no {workflow} case{' in ' + state if state else ''}")
    return number


def open_cases(workflow: str, **where) -> int:
    return Case.objects.filter(workflow=workflow, **where).exclude(state__in=_final(workflow)).count()


def transitions(number: str, action: str):
    return lambda: Transition.objects.filter(case__number=number, action=action).count()


def version(number: str):
    return lambda: Case.objects.filter(number=number).values_list("version", flat=True).get()


def action_shot(s: Sessions, user: str, number: str, action: str, fields: dict | None = None,
                page: str | None = None, base: str = "/kk/cases/") -> Shot:
    """The button of a workflow action on the case page (or the aftercare page): one log line."""
    client = s.user(user)
    form, _html = client.form(page or f"{base}{number}/", f"/act/{action}/")
    return Shot(client, form.action, transitions(number, action), kwargs={"data": form.data(fields)})


def application(today: dt.date, name: str, bin_: str) -> dict:
    """The technopark application form filled as the demo applicants fill it (all of paragraph 7)."""
    items = {f"p-0-item_{n}": f"Answer to Annex 3 item {n}" for n in range(1, 16)}
    return {"a-name": name, "a-bin": bin_, "a-legal_form": "legal_entity", "a-resident": "on",
            "a-activity_types": "S-01", "o-0-holder": "Founder", "o-0-kind": "natural_person", "o-0-share": "100",
            "t-application_date": today.isoformat(), "t-tax_issued_on": (today - dt.timedelta(days=3)).isoformat(),
            "t-tax_debt_kzt": "0", "d-registration_certificate": "on", "d-place_kind": "lease",
            "d-place_provided": "on", "d-residents": "12", "d-non_residents": "2",
            "d-period_from": today.isoformat(), "d-period_to": (today + dt.timedelta(days=3 * 365)).isoformat(),
            "p-0-activity_type": FIRST, **items}


# --- technopark (seed 001) ---------------------------------------------------------------------


@scenario("sign-up /register/ (one BIN)")
def sign_up(s: Sessions) -> Shot:
    client = s.anonymous()
    form, _html = client.form("/kk/register/")
    data = form.data({"username": NEW_USER, "email": "newco@example.kz", "first_name": "Hostile",
                      "last_name": "Harness", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
                      "organisation_name": "Hostile Harness LLP", "bin": NEW_BIN, "language": "kk"})
    return Shot(client, form.action, lambda: User.objects.filter(organisation__bin=NEW_BIN).count(),
                kwargs={"data": data})


@scenario("technopark apply (new organisation)")
def apply(s: Sessions) -> Shot:
    client = s.user(NEW_USER, NEW_PASSWORD)
    form, _html = client.form("/kk/technopark/apply/")
    data = form.data(application(law_context.today(), "Hostile Harness LLP", NEW_BIN))
    return Shot(client, form.action, lambda: open_cases("technopark.participation", organisation__bin=NEW_BIN),
                kwargs={"data": data})


@scenario("technopark edit application (draft, one version)")
def edit(s: Sessions) -> Shot:
    number, client = number_of("daniyar"), s.user("daniyar")
    form, _html = client.form(f"/kk/technopark/cases/{number}/edit/")
    return Shot(client, form.action, version(number), grow=True, kwargs={"data": form.data({"p-0-item_1": NOTE})})


@scenario("document upload (draft, one kind)")
def upload(s: Sessions) -> Shot:
    number, client = number_of("daniyar"), s.user("daniyar")
    form, _html = client.form(f"/kk/cases/{number}/", "/documents/")
    kind = "registration_certificate"
    pdf = technopark_demo.demo_pdf("race").read()
    return Shot(client, form.action,
                lambda: Document.objects.filter(case__number=number, kind=kind, superseded=False).count(),
                kwargs={"data": form.data({"kind": kind}), "files": {"file": ("race.pdf", pdf, "application/pdf")}})


@scenario("action: submit (applicant, draft)")
def submit(s: Sessions) -> Shot:
    return action_shot(s, "daniyar", number_of("daniyar"), "submit")


@scenario("action: take_for_review (secretariat)")
def take_for_review(s: Sessions) -> Shot:
    return action_shot(s, "secretariat", number_of("timur"), "take_for_review")


@scenario("action: send_remarks (secretariat, with reason)")
def send_remarks(s: Sessions) -> Shot:
    return action_shot(s, "secretariat", number_of("timur"), "send_remarks", {"reason": NOTE})


@scenario("action: resubmit (applicant, answer to remarks)")
def resubmit(s: Sessions) -> Shot:
    return action_shot(s, "erlan", number_of("erlan"), "resubmit", {"answer": NOTE})


@scenario("commission vote (one member)")
def vote(s: Sessions) -> Shot:
    number, client = number_of("madina"), s.user("member1")
    form, _html = client.form(f"/kk/cases/{number}/", "/vote/")
    return Shot(client, form.action,
                lambda: Vote.objects.filter(case__number=number, member__user__username="member1").count(),
                kwargs={"data": form.data({"value": "for", "reason": NOTE})})


def follow_up(s: Sessions, user: str, kind: str, workflow: str, fields: dict) -> Shot:
    parent, client = number_of("aruzhan"), s.user(user)
    form, _html = client.form(f"/kk/technopark/cases/{parent}/follow-up/{kind}/")
    return Shot(client, form.action, lambda: open_cases(workflow, parent__number=parent),
                kwargs={"data": form.data(fields)})


@scenario("follow-up: activity change (p. 9-1)")
def activity_change(s: Sessions) -> Shot:
    items = {f"p-0-item_{n}": f"Answer to Annex 3 item {n}" for n in range(1, 16)}
    return follow_up(s, "aruzhan", "activity_change", "technopark.activity_change",
                     {"new_activity_types": ["S-01", "S-02"], "p-0-activity_type": "S-02", **items})


@scenario("follow-up: extension (p. 36)")
def extension(s: Sessions) -> Shot:
    return follow_up(s, "aruzhan", "extension", "technopark.extension", {})


@scenario("follow-up: services (p. 48)")
def services(s: Sessions) -> Shot:
    text = {k: NOTE for k in ("project_name", "direction", "description", "expected_results", "stage",
                              "technologies", "problem", "business_model", "lifetime", "involvement", "needs",
                              "expected_from_technopark", "city", "country")}
    return follow_up(s, "aruzhan", "services", "technopark.services", {
        **text, "phone": "+7 700 000 00 00", "email": "project@example.kz", "participants": "5",
        "presentation_url": "https://example.kz/deck.pdf", "registered_taxpayer": "on"})


@scenario("follow-up: early termination (secretariat, p. 41)")
def termination(s: Sessions) -> Shot:
    return follow_up(s, "secretariat", "termination", "technopark.termination",
                     {"grounds": ["39(1)"], "explanation": NOTE})


# --- Productivity 2020 (seed 004) --------------------------------------------------------------

TRAINING = {"b-application_date": "2015-09-15", "b-instrument": "3a", "ch-channel": "direct",
            "a-oked_codes": "25.11", "a-activity_since": "2011-03-01", "e-0-id": "academy",
            "e-0-name": "Qazaq Industrial Academy", "e-0-service": "training_education",
            "e-0-experience_years": "8", "e-0-past_projects": "12", "c-0-kind": "training_fee",
            "c-0-amount_kzt": "3000000.00", "c-0-incurred_on": "2015-07-20", "c-0-executor": "academy",
            "c-0-employees": "welder-1, welder-2, foreman-1", "c-0-training_kind": "course"}


@scenario("productivity apply (instrument 3a)")
def productivity_apply(s: Sessions) -> Shot:
    client = s.user("dana")
    form, _html = client.form("/kk/productivity/apply/")
    return Shot(client, form.action, lambda: Case.objects.filter(
        organisation__bin=BINS["dana"], workflow="productivity.direct", state="draft").count(),
        kwargs={"data": form.data(TRAINING)})


@scenario("productivity edit application (one version)")
def productivity_edit(s: Sessions) -> Shot:
    number, client = number_of("dana", "productivity.direct", "draft"), s.user("dana")
    form, _html = client.form(f"/kk/productivity/cases/{number}/edit/")
    return Shot(client, form.action, version(number), grow=True,
                kwargs={"data": form.data({"c-0-amount_kzt": "2900000.00"})})


@scenario("productivity action: submit (applicant)")
def productivity_submit(s: Sessions) -> Shot:
    return action_shot(s, "dana", number_of("dana", "productivity.direct"), "submit")


@scenario("productivity action: approve (operator, NCE case)")
def productivity_approve(s: Sessions) -> Shot:
    return action_shot(s, "kidi", number_of("dana", "productivity.nce"), "approve")


def _aftercare(number: str) -> str:
    return f"/kk/productivity/cases/{number}/aftercare/"


@scenario("aftercare: information request (operator)")
def information_request(s: Sessions) -> Shot:
    number, client = number_of("asel", "productivity.direct"), s.user("kidi")
    form, _html = client.form(_aftercare(number), "/aftercare/requests/")
    return Shot(client, form.action, lambda: InformationRequest.objects.filter(
        agreement__case__number=number, text=NOTE).count(), kwargs={"data": form.data({"text": NOTE})})


@scenario("aftercare: answer to the request (applicant)")
def information_answer(s: Sessions) -> Shot:
    number, client = number_of("asel", "productivity.direct"), s.user("asel")
    form, _html = client.form(_aftercare(number), "/answer/")
    return Shot(client, form.action, lambda: InformationRequest.objects.filter(
        agreement__case__number=number, answered_at__isnull=False).count(), grow=True,
        one_winner=True, kwargs={"data": form.data({"answer": NOTE})})


@scenario("aftercare: productivity report (operator)")
def productivity_report(s: Sessions) -> Shot:
    number, client = number_of("asel", "productivity.direct"), s.user("kidi")
    form, _html = client.form(_aftercare(number), "/aftercare/reports/")
    period = "2016 (harness)"
    return Shot(client, form.action, lambda: ProductivityReport.objects.filter(
        case__number=number, period=period).count(),
        kwargs={"data": form.data({"period": period, "before": "100.00", "after": "130.00", "unit": "KZT"})})


@scenario("aftercare action: close (operator)")
def aftercare_close(s: Sessions) -> Shot:
    number = number_of("asel", "productivity.direct")
    return action_shot(s, "kidi", number, "close", page=_aftercare(number))
