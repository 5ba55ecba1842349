"""/api/v1/forecasting/: technology forecasting (seed 000, chapter 2).

Analysts (session sign-in) read the studies, fire stage actions and read the Delphi round results,
the trends of the series and the ranking. Everyone reads the key technologies in force (paragraph
13(1)) and the check of a direction against them, the draft results under public discussion with
their comments (paragraph 12(2)), and may send a comment while the discussion is open."""

import dataclasses
import datetime as dt
from contextlib import contextmanager
from typing import Annotated, Any, Literal, get_args

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from ninja.security import django_auth
from pydantic import BaseModel, ConfigDict, StringConstraints

from techpolicy.casework.law_context import today
from techpolicy.casework.steps import current_language
from techpolicy.forecasting.studies import (
    analysis,
    discussion,
    evidence,
    key_technologies,
    moderation,
    questionnaire,
    stages,
)
from techpolicy.forecasting.studies.access import can_manage
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.forecasting.studies.models import Comment, DraftVersion, Study
from techpolicy.forecasting.studies.models.study import STAGES
from techpolicy.law.facts import InvalidFacts, parse_facts

from .body import json_object
from .common import DB_INT_MAX, Errors, FieldError, Id, Lang, Page, Pagination, SafeText

router = Router(tags=["forecasting"])

Stage = Literal["preparatory", "main", "final", "submitted", "approved"]
assert set(get_args(Stage)) == {s for s, _label in STAGES}  # the filter lists every stage of the table
Text = Annotated[SafeText, StringConstraints(strip_whitespace=True)]


# --- schemas -----------------------------------------------------------------------------------


class Refusal(Schema):
    detail: list[FieldError]
    verdict: dict | None = Field(None, description="the law layer's verdict when the law refused")
    failed: list[str] = Field([], description="compact references of the paragraphs that refused, e.g. 000 p.7(1)")


class StudyQuery(Schema):
    stage: Stage | None = None
    q: SafeText = Field("", max_length=100, description="part of the number, title, direction or organising body")


class StudyOut(Schema):
    number: str
    title: str
    direction: str
    covered_sectors: list[str]
    horizon_year: int
    organising_body: str
    methods: list[str]
    stage: Stage
    stage_name: str
    version: int = Field(description="send it back with a stage action; a stale one is refused with 409")


class ActionOut(Schema):
    id: str
    label: str
    citation: str
    fields: list[str]


class StudyDetailOut(StudyOut):
    main_stage_verdict: dict = Field(description="paragraphs 7 and 10(1): may the main stage start")
    actions: list[ActionOut]


class StageActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["start_main", "start_final", "submit_hstc", "approve"]
    version: int = Field(description="the study's version the request was made from")
    reason: SafeText = Field("", max_length=2000)
    in_force_from: dt.date | None = Field(None, description="approve: the list of key technologies is in force from")
    decision: SafeText | None = Field(None, max_length=300, description="approve: number and date of the decision")


class TechnologyOut(Schema):
    code: str
    name_kk: str
    name_ru: str
    name_en: str
    sector: str


def _paged(name: str, item: Any) -> type[Schema]:
    """The {"items", "count"} answer of an analysts' list (paginated by hand to answer 403 with a reason)."""
    return type(name, (Schema,), {"__annotations__": {"items": list[item], "count": int}})


StudyPage, TechnologyPage, SeriesPage = (_paged("StudyPage", StudyOut), _paged("TechnologyPage", TechnologyOut),
                                         _paged("SeriesPage", dict))


class KeyTechnologyQuery(Schema):
    on: dt.date | None = Field(None, description="the date the list is read for (default today)")
    q: SafeText = Field("", max_length=100, description="part of the code or a name")


class CheckQuery(Schema):
    code: SafeText = Field(max_length=40, description="code of the technology direction, e.g. T1")
    on: dt.date | None = Field(None, description="the date whose list applies (default today)")
    lang: Lang = "kk"


class KeyTechnologyOut(Schema):
    rank: int
    code: str
    name_kk: str
    name_ru: str
    name_en: str
    source: str
    study: str
    decision: str
    valid_from: dt.date | None
    valid_until: dt.date | None = Field(description="last day in force; null while no later list is approved")


class RankedOut(Schema):
    rank: int
    code: str
    name: str


class Recommendation(Schema):
    body: str
    text: str


class VersionOut(Schema):
    number: int
    published_at: dt.datetime
    discussion_closes_on: dt.date
    change_note: str


class DraftOut(VersionOut):
    study: str
    title: str
    organising_body: str
    open: bool = Field(description="comments are accepted on this version now")
    vision: str
    goals: list[str]
    key_technologies: list[RankedOut]
    grant_directions: list[str]
    programme_directions: list[str]
    planning_proposals: list[str]
    recommendations: list[Recommendation]
    resolved_comments: list[int]
    versions: list[VersionOut]


class CommentQuery(Schema):
    version: int | None = Field(None, ge=1, le=DB_INT_MAX, description="only the comments on this version")


class CommentOut(Schema):
    id: int
    version: int
    author_name: str
    organisation: str
    text: str
    created_at: dt.datetime
    resolution: str
    resolution_name: str
    response: str
    responded_at: dt.datetime | None
    corrected_in: int | None = Field(description="the version that took the comment into account")
    moderation: Literal["pending", "published", "hidden"] = Field(
        description="pending until an analyst publishes it; the public lists show only published comments")


class ModerationOut(CommentOut):
    moderated_by: str = Field(description="the analyst who made the latest decision; empty for comments published "
                              "before moderation existed")
    moderated_at: dt.datetime | None
    hidden_reason: str
    reported_at: dt.datetime | None = Field(description="when a report sent the comment back to the queue")
    report_reason: str
    reports: int


class ModerationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["publish", "hide"]
    reason: Text = Field("", max_length=moderation.MAX_HIDE_REASON, description="hide: why (required)")
    state: Literal["pending", "published", "hidden"] | None = Field(
        None, description="the moderation state the decision was made on; refused with 409 if it changed meanwhile")


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Text = Field("", max_length=moderation.MAX_REPORT_REASON, description="optional; never published")


class ReportOut(Schema):
    id: int
    moderation: Literal["pending", "published"] = Field(
        description="pending: hidden until an analyst decides; published: an analyst already upheld it after an "
        "earlier report, so the report is only counted")


class CommentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    author_name: Text = Field(min_length=1, max_length=discussion.MAX_NAME)
    author_email: Text = Field(min_length=3, max_length=discussion.MAX_EMAIL, description="never published")
    organisation: Text = Field("", max_length=discussion.MAX_ORGANISATION)
    text: Text = Field(min_length=1, max_length=discussion.MAX_COMMENT)
    version: int | None = Field(None, ge=1, description="the version commented on; refused (409) if not the latest")


# --- shared pieces -----------------------------------------------------------------------------


@contextmanager
def _language(lang: str | None):
    with translation.override(lang or translation.get_language()):
        yield


def _refusal(exc: StudyError) -> Status:
    failed = [r["citation"]["ref"] for r in (exc.verdict or {}).get("rules", []) if not r["passed"]]
    return Status(exc.status, {"detail": [{"field": exc.field or "(request)", "message": exc.message}],
                               "verdict": exc.verdict, "failed": failed})


def _body(request: HttpRequest, model: type[BaseModel]) -> BaseModel | Status:
    data = json_object(request)
    try:
        return parse_facts(model, data)
    except InvalidFacts as exc:
        return Status(422, {"detail": exc.errors})


def _forbidden(reason: str) -> Status:
    return Status(403, {"detail": [{"field": "(user)", "message": reason}], "failed": []})


def _not_analyst(request: HttpRequest) -> Status | None:
    """403 with the reason for a signed-in user who may not run studies; None for an analyst."""
    allowed, reason = can_manage(request.user)
    return None if allowed else _forbidden(reason)


def _managed(request: HttpRequest, number: str) -> Study | Status:
    """The study, for an analyst; a signed-in user of another role gets 403 with the reason."""
    return _not_analyst(request) or get_object_or_404(Study, number=number)


def _page(rows, page: Page) -> dict[str, Any]:
    """One page of `rows` (a queryset or a list) as {"items", "count"}, like the applications of common.py."""
    return {"items": list(rows[page.offset : page.offset + page.limit]), "count": len(rows)}


def _body_schema(model: type[BaseModel]) -> dict:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}}


def _study(study: Study) -> dict[str, Any]:
    fields = ("number", "title", "direction", "covered_sectors", "horizon_year", "organising_body", "methods",
              "stage", "version")
    return {**{f: getattr(study, f) for f in fields}, "stage_name": str(study.get_stage_display())}


def _detail(study: Study) -> dict[str, Any]:
    verdict = stages.main_stage_verdict(study).as_dict(current_language())
    return {**_study(study), "main_stage_verdict": verdict, "actions": [
        {"id": a.id, "label": str(a.label), "citation": a.citation.ref, "fields": list(a.fields)}
        for a in stages.actions_from(study.stage)]}


# --- studies (analysts) --------------------------------------------------------------------------


@router.get("/studies", response={200: StudyPage, 403: Refusal}, auth=django_auth,
            summary="Forecast studies (analysts), newest first")
def studies(request: HttpRequest, filters: Query[StudyQuery], page: Query[Page], lang: Lang | None = None):
    if refused := _not_analyst(request):
        return refused
    found = Study.objects.search(filters.q)
    if filters.stage:
        found = found.filter(stage=filters.stage)
    with _language(lang):
        listed = _page(found, page)
        return {**listed, "items": [_study(s) for s in listed["items"]]}


@router.get("/studies/{number}", response={200: StudyDetailOut, 403: Refusal}, auth=django_auth,
            summary="One study with its stage and the paragraph 7 verdict on the main stage")
def study(request: HttpRequest, number: SafeText, lang: Lang | None = None):
    found = _managed(request, number)
    if isinstance(found, Status):
        return found
    with _language(lang):
        return _detail(found)


@router.post("/studies/{number}/stage", response={200: StudyDetailOut, 400: Refusal, 403: Refusal, 409: Refusal,
                                                   422: Errors},
             auth=django_auth, summary="Fire a stage action (paragraphs 9, 11, 12(4), 13(1))",
             description="The body names the action and the study's `version` the request was made from: a stale "
             "version is refused with 409. When the law refuses, 400 carries the verdict and the paragraphs.",
             openapi_extra=_body_schema(StageActionIn))
def stage_action(request: HttpRequest, number: SafeText, lang: Lang | None = None):
    found = _managed(request, number)
    if isinstance(found, Status):
        return found
    body = _body(request, StageActionIn)
    if isinstance(body, Status):
        return body
    payload = {k: v for k, v in (("in_force_from", body.in_force_from), ("decision", body.decision)) if v}
    with _language(lang):
        try:
            moved = stages.advance(found, body.action, request.user, version=body.version, reason=body.reason,
                                   **payload)
        except StudyError as exc:
            return _refusal(exc)
        return _detail(moved)


@router.get("/studies/{number}/technologies", response={200: TechnologyPage, 403: Refusal}, auth=django_auth,
            summary="The study's candidate technologies (paragraph 11(7))")
def technologies(request: HttpRequest, number: SafeText, page: Query[Page]):
    found = _managed(request, number)
    return found if isinstance(found, Status) else _page(found.technologies.all(), page)


# --- the analysis (analysts, read-only) ----------------------------------------------------------


def _plain(value: Any) -> Any:
    """Service results as JSON: dataclasses as objects, numpy numbers plain, NaN as null."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return evidence.json_safe(value)


@router.get("/studies/{number}/rounds/{round_number}/results", response={200: dict, 403: Refusal},
            auth=django_auth, summary="Statistics of a Delphi round (paragraph 8(2))")
def round_results(request: HttpRequest, number: SafeText, round_number: Id, lang: Lang | None = None):
    found = _managed(request, number)
    if isinstance(found, Status):
        return found
    round_ = get_object_or_404(found.rounds, number=round_number)
    with _language(lang):
        return {"round": round_number, "closed": not round_.is_open,
                **_plain(questionnaire.round_results(found, round_))}


@router.get("/studies/{number}/series", response={200: SeriesPage, 403: Refusal}, auth=django_auth,
            summary="The study's indicator series (paragraph 8(1), 8(3))")
def series(request: HttpRequest, number: SafeText, page: Query[Page]):
    found = _managed(request, number)
    if isinstance(found, Status):
        return found
    listed = _page(found.series.select_related("technology", "imported_by"), page)
    return {**listed, "items": [evidence.series_dict(s) for s in listed["items"]]}


@router.get("/studies/{number}/series/{series_id}/trend", response={200: dict, 400: Refusal, 403: Refusal},
            auth=django_auth, summary="Trend fits and the forecast with expert corrections (paragraph 8(1))")
def trend(request: HttpRequest, number: SafeText, series_id: Id, level: float = evidence.DEFAULT_LEVEL,
          lang: Lang | None = None):
    found = _managed(request, number)
    if isinstance(found, Status):
        return found
    indicator = get_object_or_404(found.series.select_related("study", "technology", "imported_by"), pk=series_id)
    with _language(lang):
        try:
            return evidence.trend_result(indicator, level).as_dict()
        except StudyError as exc:
            return _refusal(exc)


@router.get("/studies/{number}/ranking", response={200: dict, 403: Refusal}, auth=django_auth,
            summary="Multi-criteria ranking of the candidate technologies (paragraph 11(7))")
def ranking(request: HttpRequest, number: SafeText, lang: Lang | None = None):
    found = _managed(request, number)
    if isinstance(found, Status):
        return found
    with _language(lang):
        return analysis.ranking(found).as_dict()


# --- key technologies (public) -------------------------------------------------------------------


@router.get("/key-technologies", response=list[KeyTechnologyOut], auth=None,
            summary="The list of key (priority) technologies in force on a date (paragraph 13(1))")
@paginate(Pagination)
def key_technologies_in_force(request: HttpRequest, filters: Query[KeyTechnologyQuery]):
    items = key_technologies.in_force(filters.on or today())
    q = filters.q.strip().lower()
    return [i for i in items if not q or any(q in i[k].lower() for k in ("code", "name_kk", "name_ru", "name_en"))]


@router.get("/key-technologies/check", response={200: dict, 422: Errors}, auth=None,
            summary="Is a technology direction a key technology on a date (paragraph 13(1))",
            description="The verdict of the paragraph 13(1) rule with its citation in the language asked.")
def check(request: HttpRequest, query: Query[CheckQuery]):
    try:
        verdict = key_technologies.check_direction(query.code, query.on)
    except InvalidFacts as exc:  # the law layer names its fact `direction`; the request calls it `code`
        return Status(422, {"detail": [{"field": "code", "message": e["message"]} for e in exc.errors]})
    return verdict.as_dict(query.lang)


# --- the public discussion (paragraph 12(2)) ------------------------------------------------------


def _public(number: str) -> tuple[Study, list[DraftVersion]]:
    found = get_object_or_404(Study, number=number, stage__in=discussion.PUBLIC_STAGES)
    versions = list(found.drafts.order_by("number"))
    if not versions:
        raise Http404("no draft is published")
    return found, versions


def _comment(c: Comment) -> dict[str, Any]:
    return {"id": c.pk, "version": c.draft.number, "author_name": c.author_name, "organisation": c.organisation,
            "text": c.text, "created_at": c.created_at, "resolution": c.resolution,
            "resolution_name": str(c.get_resolution_display()) if c.resolution else "", "response": c.response,
            "responded_at": c.responded_at, "corrected_in": c.corrected_in.number if c.corrected_in else None,
            "moderation": c.moderation}


@router.get("/studies/{number}/draft", response=DraftOut, auth=None,
            summary="The draft results under public discussion (paragraph 12(1)-(2)); the latest unless asked")
def draft(request: HttpRequest, number: SafeText, version: int | None = None, lang: Lang | None = None):
    found, versions = _public(number)
    chosen = versions[-1] if version is None else next((v for v in versions if v.number == version), None)
    if chosen is None:
        raise Http404("no such version")
    fields = ("number", "published_at", "discussion_closes_on", "change_note")
    with _language(lang):
        return {
            **{f: getattr(chosen, f) for f in fields}, "study": found.number, "title": found.title,
            "organising_body": found.organising_body, "open": chosen == versions[-1] and discussion.is_open(chosen),
            "vision": chosen.vision, "goals": chosen.goals,
            "key_technologies": discussion.ranked(chosen, translation.get_language()),
            "grant_directions": chosen.grant_directions, "programme_directions": chosen.programme_directions,
            "planning_proposals": chosen.planning_proposals, "recommendations": chosen.recommendations,
            "resolved_comments": list(moderation.public(chosen.resolved_comments).values_list("pk", flat=True)),
            "versions": [{f: getattr(v, f) for f in fields} for v in versions],
        }


@router.get("/studies/{number}/comments", response=list[CommentOut], auth=None,
            summary="Comments of the public discussion with their responses (the e-mail is never published)")
@paginate(Pagination)
def comments(request: HttpRequest, number: SafeText, filters: Query[CommentQuery], lang: Lang | None = None):
    found, _versions = _public(number)
    rows = moderation.public(Comment.objects.filter(draft__study=found)).select_related("draft", "corrected_in")
    if filters.version:
        rows = rows.filter(draft__number=filters.version)
    with _language(lang):
        return [_comment(c) for c in rows]


@router.post("/studies/{number}/comments", response={201: CommentOut, 400: Errors, 409: Refusal, 422: Errors},
             auth=None, summary="Send a comment on the latest draft while the discussion is open (paragraph 12(2))",
             description="Answers 201 with the comment `pending`: it is listed publicly once an analyst publishes "
             f"it. The text has at most {discussion.MAX_COMMENT} characters (422 naming `text` otherwise).",
             openapi_extra=_body_schema(CommentIn))
def send_comment(request: HttpRequest, number: SafeText, lang: Lang | None = None):
    found, versions = _public(number)
    body = _body(request, CommentIn)
    if isinstance(body, Status):
        return body
    target = versions[-1] if body.version is None else next((v for v in versions if v.number == body.version), None)
    with _language(lang):
        if target is None:
            return Status(422, {"detail": [{"field": "version", "message": _("No such version of the draft.")}]})
        try:
            created = discussion.add_comment(target, **body.model_dump(exclude={"version"}))
        except StudyError as exc:
            return _refusal(exc) if exc.status == 409 else Status(422, {"detail": [
                {"field": exc.field or "(request)", "message": exc.message}]})
        return Status(201, _comment(created))


# --- moderation of the public comments (paragraph 12(2); issue 8, finding 10) ---------------------


ModerationPage = _paged("ModerationPage", ModerationOut)


def _moderation(c: Comment) -> dict[str, Any]:
    return {**_comment(c), "moderated_by": evidence.author_name(c.moderated_by) if c.moderated_by_id else "",
            "moderated_at": c.moderated_at, "hidden_reason": c.hidden_reason, "reported_at": c.reported_at,
            "report_reason": c.report_reason, "reports": c.reports}


def _invalid(exc: StudyError) -> Status:
    return Status(422, {"detail": [{"field": exc.field or "(request)", "message": exc.message}]})


@router.get("/studies/{number}/moderation", response={200: ModerationPage, 403: Refusal}, auth=django_auth,
            summary="Comments awaiting moderation (analysts): new and reported ones, oldest first")
def moderation_queue(request: HttpRequest, number: SafeText, page: Query[Page], lang: Lang | None = None):
    found = _managed(request, number)
    if isinstance(found, Status):
        return found
    with _language(lang):
        listed = _page(moderation.queue(found).select_related("corrected_in", "moderated_by"), page)
        return {**listed, "items": [_moderation(c) for c in listed["items"]]}


@router.post("/studies/{number}/comments/{comment_id}/moderation",
             response={200: ModerationOut, 403: Refusal, 409: Refusal, 422: Errors}, auth=django_auth,
             summary="Publish a comment or hide it with a reason (analysts)",
             description="`state` is the moderation state the decision was made on: when another analyst decided "
             "meanwhile, or the comment already is in the state asked for, the answer is 409.",
             openapi_extra=_body_schema(ModerationIn))
def moderate_comment(request: HttpRequest, number: SafeText, comment_id: Id, lang: Lang | None = None):
    found = _managed(request, number)
    if isinstance(found, Status):
        return found
    target = get_object_or_404(Comment, pk=comment_id, draft__study=found)
    body = _body(request, ModerationIn)
    if isinstance(body, Status):
        return body
    with _language(lang):
        try:
            done = moderation.moderate(target, request.user, action=body.action, reason=body.reason, state=body.state)
        except StudyError as exc:
            return _refusal(exc) if exc.status in (403, 409) else _invalid(exc)
        return _moderation(done)


@router.post("/studies/{number}/comments/{comment_id}/report", response={200: ReportOut, 409: Refusal, 422: Errors},
             auth=None,
             summary="Report a published comment: it is hidden until an analyst decides (paragraph 12(2))",
             description="Anyone may report a published comment; it leaves the public lists until an analyst "
             "publishes it again or hides it. A comment an analyst upheld after an earlier report stays published "
             "and the report is counted. A comment that is not published answers 404.",
             openapi_extra=_body_schema(ReportIn))
def report_comment(request: HttpRequest, number: SafeText, comment_id: Id, lang: Lang | None = None):
    found, _versions = _public(number)
    target = get_object_or_404(moderation.reportable(Comment.objects.filter(draft__study=found)), pk=comment_id)
    body = _body(request, ReportIn)
    if isinstance(body, Status):
        return body
    with _language(lang):
        try:
            reported = moderation.report(target, reason=body.reason)
        except StudyError as exc:
            if exc.status == 404:  # hidden by an analyst a moment ago
                raise Http404(exc.message) from None
            return _refusal(exc) if exc.status == 409 else _invalid(exc)
        return {"id": reported.pk, "moderation": reported.moderation}
