"""The state-changing endpoints of the forecast studies (seed 000) and of the API. A new study is
created for the analysts' pages; the demo study (final stage, draft open for comments) takes the
comments, the responses and, once the harness has closed its discussion, the stage actions.
Imported after django.setup()."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.utils import timezone

from techpolicy.casework import law_context
from techpolicy.forecasting.studies import demo as study_demo
from techpolicy.forecasting.studies.models import (
    Comment,
    DraftVersion,
    IndicatorSeries,
    Membership,
    ModerationEvent,
    PlanActivity,
    Response,
    Round,
    StageChange,
    Study,
    Technology,
)
from techpolicy.services.productivity import demo as productivity_demo
from techpolicy.services.technopark import demo as technopark_demo

from .cases import NOTE, scenario
from .client import FIRST
from .races import Sessions, Shot

TITLE = "Hostile-load study"
SERIES_CSV = "".join(f"{year},{10 + 3 * n}\n" for n, year in enumerate(range(2010, 2024))).encode()


def new_study() -> str:
    number = Study.objects.filter(title=TITLE).values_list("number", flat=True).first()
    if number is None:
        raise LookupError("the study of the create race was not created")
    return number


def demo_study() -> str:
    return Study.objects.filter(title=study_demo.TITLE).values_list("number", flat=True).get()


def study_version(number: str):
    return lambda: Study.objects.filter(number=number).values_list("version", flat=True).get()


def page_shot(s: Sessions, path: str, fields: dict, count, grow: bool = False, files=None,
              having: dict | None = None, button: str | None = None) -> Shot:
    client = s.user("analyst")
    form, _html = client.form(path, having=having)
    return Shot(client, form.action, count, grow=grow, kwargs={"data": form.data(fields, button), "files": files})


@scenario("study create")
def study_create(s: Sessions) -> Shot:
    return page_shot(s, "/kk/forecasting/new/", {
        "title": TITLE, "direction": "Digital technologies", "covered_sectors": "ICT", "horizon_year": "2040",
        "organising_body": "Ministry (harness)", "methods": ["extrapolation"]},
        lambda: Study.objects.filter(title=TITLE).count())


@scenario("study edit (one version)")
def study_edit(s: Sessions) -> Shot:
    number = new_study()
    return page_shot(s, f"/kk/forecasting/{number}/edit/", {"organising_body": NOTE}, study_version(number), True)


@scenario("study thematic plan: add an activity")
def plan(s: Sessions) -> Shot:
    number, today = new_study(), law_context.today()
    return page_shot(s, f"/kk/forecasting/{number}/plan/", {
        "stage": FIRST, "activity": NOTE, "kind_of_work": "Analysis (harness)", "starts_on": today.isoformat(),
        "ends_on": (today + dt.timedelta(days=30)).isoformat()},
        lambda: PlanActivity.objects.filter(study__number=number, activity=NOTE).count())


@scenario("study technologies: add one code")
def technology(s: Sessions) -> Shot:
    number = new_study()
    return page_shot(s, f"/kk/forecasting/{number}/technologies/", {
        "code": "HX-01", "name_kk": "Сынақ технологиясы", "name_ru": "Тестовая технология",
        "name_en": "Test technology", "sector": "ICT"},
        lambda: Technology.objects.filter(study__number=number, code="HX-01").count())


@scenario("study experts: invite one e-mail")
def invite(s: Sessions) -> Shot:
    number, email = new_study(), "race-expert@example.kz"
    return page_shot(s, f"/kk/forecasting/{number}/experts/", {
        "full_name": "Race Expert", "email": email, "country": "KZ", "organisation": "Harness",
        "fields": "ICT", "experience_years": "10", "language": "kk", "group": "expert"},
        lambda: Membership.objects.filter(study__number=number, expert__email=email).count())


@scenario("study series: import one file")
def series(s: Sessions) -> Shot:
    number = new_study()
    return page_shot(s, f"/kk/forecasting/{number}/series/", {"name": NOTE, "unit": "units", "source": "harness"},
                     lambda: IndicatorSeries.objects.filter(study__number=number, name=NOTE).count(),
                     files={"file": ("series.csv", b"year,value\n" + SERIES_CSV, "text/csv")})


@scenario("study analysis settings: save weights (one version)")
def analysis_settings(s: Sessions) -> Shot:
    number = new_study()
    return page_shot(s, f"/kk/forecasting/{number}/analysis/settings/", {
        "importance": "0.4", "level_vs_leader": "0.3", "year": "0.2", "trend_growth": "0.1"},
        study_version(number), True, having={"section": "weights"}, button="action")


@scenario("public discussion: comment (web, anonymous)")
def comment_web(s: Sessions) -> Shot:
    client, number = s.anonymous(), demo_study()
    form, _html = client.form(f"/kk/forecasting/{number}/discussion/", having={"author_name": None})
    text = NOTE + " (web)"
    return Shot(client, form.action, lambda: Comment.objects.filter(draft__study__number=number, text=text).count(),
                kwargs={"data": form.data({"author_name": "Race", "author_email": "race@example.kz", "text": text})})


@scenario("API POST forecasting/studies/{n}/comments")
def comment_api(s: Sessions) -> Shot:
    client, number, text = s.anonymous(), demo_study(), NOTE + " (API)"
    return Shot(client, f"/api/v1/forecasting/studies/{number}/comments",
                lambda: Comment.objects.filter(draft__study__number=number, text=text).count(), api=True,
                kwargs={"json_body": {"author_name": "Race", "author_email": "race@example.kz", "text": text}})


@scenario("discussion moderation: publish a comment (analyst)")
def moderate(s: Sessions) -> Shot:
    client, number = s.user("analyst"), demo_study()
    form, _html = client.form(f"/kk/forecasting/{number}/drafts/", having={"action": "moderate", "decision": "publish"})
    pk = int(form.value("comment"))
    return Shot(client, form.action, lambda: ModerationEvent.objects.filter(comment_id=pk, action="publish").count(),
                grow=True, kwargs={"data": form.data()})


@scenario("public discussion: report a comment (anonymous)")
def report(s: Sessions) -> Shot:
    client, number = s.anonymous(), demo_study()
    form, _html = client.form(f"/kk/forecasting/{number}/discussion/", having={"action": "report"})
    pk = int(form.value("comment"))
    # Every report is counted; only the first may hide the comment (send it back to the queue).
    return Shot(client, form.action, lambda: ModerationEvent.objects.filter(
        comment_id=pk, action="report", to_state="pending").count(), grow=True,
        kwargs={"data": form.data({"reason": NOTE})})


def api_comment() -> tuple[str, int]:
    number = demo_study()
    pk = Comment.objects.filter(draft__study__number=number, text=NOTE + " (API)").values_list("pk", flat=True).first()
    if pk is None:
        raise LookupError("the comment of the API race was not stored")
    return number, pk


@scenario("API POST .../comments/{id}/moderation: publish")
def moderate_api(s: Sessions) -> Shot:
    (number, pk), client = api_comment(), s.user("analyst")
    return Shot(client, f"/api/v1/forecasting/studies/{number}/comments/{pk}/moderation", lambda: (
        ModerationEvent.objects.filter(comment_id=pk, action="publish").count()), grow=True, api=True,
        kwargs={"json_body": {"action": "publish", "state": "pending"}})


@scenario("API POST .../comments/{id}/report (anonymous)")
def report_api(s: Sessions) -> Shot:
    number, pk = api_comment()
    return Shot(s.anonymous(), f"/api/v1/forecasting/studies/{number}/comments/{pk}/report", lambda: (
        ModerationEvent.objects.filter(comment_id=pk, action="report", to_state="pending").count()), grow=True,
        api=True, kwargs={"json_body": {"reason": NOTE}})


@scenario("discussion: response to a comment (analyst)")
def respond(s: Sessions) -> Shot:
    client, number = s.user("analyst"), demo_study()
    form, _html = client.form(f"/kk/forecasting/{number}/drafts/", having={"action": "respond"})
    pk = form.value("comment")
    return Shot(client, form.action, one_winner=True, kwargs={"data": form.data(
        {f"c{pk}-resolution": FIRST, f"c{pk}-response": NOTE})})


@scenario("Delphi questionnaire answers (expert, round opened by the harness)")
def answers(s: Sessions) -> Shot:
    number = demo_study()
    study = Study.objects.get(number=number)
    last = Round.objects.filter(study=study).order_by("-number").values_list("number", flat=True).first() or 0
    round_ = Round.objects.create(study=study, number=last + 1, closes_on=law_context.today() + dt.timedelta(days=7))
    client = s.user("expert-kz")
    form, _html = client.form(f"/kk/forecasting/{number}/rounds/{round_.number}/answer/")
    fields = {name: FIRST for name in form.options if not form.value(name)}
    return Shot(client, form.action, lambda: Response.objects.filter(
        round=round_, membership__expert__user__username="expert-kz").count(), kwargs={"data": form.data(fields)})


def close_discussion(number: str) -> None:
    """Set-up, not a measurement: the demo's discussion ends yesterday and every comment has a
    response, so the study may go to the HSTC (p. 12(4)) and the stage races have one winner."""
    Round.objects.filter(study__number=number, closed_at=None).update(closed_at=timezone.now())
    # Draft versions are append-only to the application (their querysets refuse updates): set-up
    # writes the closing date under them, as an administrator's database session would.
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {DraftVersion._meta.db_table} SET discussion_closes_on = %s WHERE study_id = %s",
                       [law_context.today() - dt.timedelta(days=1), Study.objects.get(number=number).pk])
    Comment.objects.filter(draft__study__number=number, resolution="").update(
        resolution="noted", response=NOTE, responded_at=timezone.now())


@scenario("study stage action: submit_hstc (web)")
def stage_web(s: Sessions) -> Shot:
    number = demo_study()
    close_discussion(number)
    return page_shot(s, f"/kk/forecasting/{number}/", {}, lambda: StageChange.objects.filter(
        study__number=number, to_stage="submitted").count(), having={"action": "submit_hstc"})


@scenario("API POST forecasting/studies/{n}/stage: approve")
def stage_api(s: Sessions) -> Shot:
    number, client = demo_study(), s.user("analyst")
    version = study_version(number)()
    body = {"action": "approve", "version": version, "in_force_from": law_context.today().isoformat(),
            "decision": "HSTC decision (harness)"}
    return Shot(client, f"/api/v1/forecasting/studies/{number}/stage", lambda: StageChange.objects.filter(
        study__number=number, to_stage="approved").count(), api=True, kwargs={"json_body": body})


@scenario("API POST technopark/precheck (read-only)")
def precheck_api(s: Sessions) -> Shot:
    facts = technopark_demo.participation_facts("Race LLP", "991240000001", "S-01", law_context.today())
    return Shot(s.anonymous(), "/api/v1/technopark/precheck", api=True, kwargs={"json_body": facts})


@scenario("API POST productivity/calculate (read-only)")
def calculate_api(s: Sessions) -> Shot:
    facts = productivity_demo.training_facts("Race LLP", "991240000001")
    return Shot(s.anonymous(), "/api/v1/productivity/calculate", api=True, kwargs={"json_body": facts})
