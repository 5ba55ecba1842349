"""/api/v1/technopark/: the eligibility pre-check (paragraphs 7 and 9), the published list of
participants (paragraph 21), certificate verification (paragraphs 18 and 36) and, for the
applicant organisation, its own applications."""

import datetime as dt
import json
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status
from ninja.security import django_auth

from techpolicy.casework import law_context
from techpolicy.casework import workflow as workflows
from techpolicy.casework.models import Case
from techpolicy.law.acts.technopark import TechnoparkFacts
from techpolicy.law.facts import InvalidFacts
from techpolicy.services.technopark import law as technopark_law
from techpolicy.services.technopark import participants as register
from techpolicy.services.technopark.verification import (
    EMPTY,
    MALFORMED,
    MALFORMED_HELP,
    NOT_FOUND,
    verify_certificate,
)

router = Router(tags=["technopark"])

Lang = Literal["kk", "ru", "en"]
MAX_LIMIT = 500
WORKFLOW_PREFIX = "technopark."


# --- schemas -----------------------------------------------------------------------------------


class FieldError(Schema):
    field: str
    message: str


class Errors(Schema):
    detail: list[FieldError]


class Page(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class Pagination(LimitOffsetPagination):
    """limit/offset with at most 500 items a page."""

    Input = Page

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


class ParticipantQuery(Schema):
    q: str = Field("", max_length=register.MAX_QUERY, description="part of the name, or the BIN's first digits")
    status: Literal["active", "expired", "terminated", "all"] = "active"
    activity_type: str = Field("", max_length=40, description="code of a priority ICT activity type")


class ParticipantOut(Schema):
    name: str
    bin: str
    activity_types: list[str]
    valid_from: dt.date
    valid_until: dt.date
    status: Literal["active", "expired", "terminated"]
    certificate_number: str

    @staticmethod
    def resolve_status(row) -> str:
        return register.effective_status(row, law_context.today())

    @staticmethod
    def resolve_certificate_number(row) -> str:
        return row["certificate_number"] or ""


class CertificateOut(Schema):
    number: str
    status: Literal["valid", "not_yet_valid", "expired", "revoked", "terminated", "not_found"]
    status_label: str
    valid: bool
    holder: str
    bin: str
    kind: str
    kind_label: str
    valid_from: dt.date | None
    valid_until: dt.date | None


class TransitionOut(Schema):
    action: str
    from_state: str
    to_state: str
    at: dt.datetime
    reason: str


class ApplicationOut(Schema):
    number: str
    workflow: str
    workflow_name: str
    state: str
    state_name: str = Field(description="the name the applicant sees")
    due_on: dt.date | None
    submitted_on: dt.date | None
    verdict: dict | None
    transitions: list[TransitionOut]


class ApplicationPage(Schema):
    items: list[ApplicationOut]
    count: int


# --- the law -----------------------------------------------------------------------------------


@router.get("/facts-schema", response=dict, auth=None, summary="JSON schema of the pre-check facts")
def facts_schema(request: HttpRequest):
    return TechnoparkFacts.model_json_schema()


@router.post(
    "/precheck",
    auth=None,
    response={200: dict, 400: Errors, 422: Errors},
    summary="Eligibility pre-check (paragraphs 7 and 9)",
    description="The body is the facts of an application as described by GET facts-schema. "
    "The answer is the verdict: every rule's result with its reason and citation, and the "
    "parameters read.",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "description": "Facts; see GET /api/v1/technopark/facts-schema",
                    }
                }
            },
        }
    },
)
def precheck(request: HttpRequest, lang: Lang = "kk", on: dt.date | None = None):
    try:
        data = json.loads(request.body or b"")
    except ValueError as exc:  # JSONDecodeError and undecodable bytes
        return Status(400, {"detail": [{"field": "(body)", "message": f"The body is not valid JSON: {exc}"}]})
    if not isinstance(data, dict):
        return Status(422, {"detail": [{"field": "(root)", "message": "The facts must be a JSON object."}]})
    try:
        verdict = technopark_law.precheck(data, on=on)
    except InvalidFacts as exc:
        return Status(422, {"detail": exc.errors})
    return Status(200, verdict.as_dict(lang))


# --- the published list and certificates -------------------------------------------------------


@router.get(
    "/participants",
    response=list[ParticipantOut],
    auth=None,
    summary="Published list of participants (paragraph 21)",
)
@paginate(Pagination)
def participants(request: HttpRequest, filters: Query[ParticipantQuery]):
    return register.participants(register.ParticipantFilter.from_params(filters.dict()))


@router.get(
    "/certificates/{number}",
    auth=None,
    response={200: CertificateOut, 404: CertificateOut, 422: Errors},
    summary="Verify a certificate (paragraphs 18 and 36)",
)
def certificate(request: HttpRequest, number: str, lang: Lang | None = None):
    with translation.override(lang or translation.get_language()):
        result = verify_certificate(number)
        if result.status in (MALFORMED, EMPTY):
            return Status(422, {"detail": [{"field": "number", "message": f"{result.status_label}. {MALFORMED_HELP}"}]})
        return Status(404 if result.status == NOT_FOUND else 200, result.as_dict())


# --- the applicant's own applications ----------------------------------------------------------


def _own_cases(request: HttpRequest):
    organisation_id = getattr(request.user, "organisation_id", None)
    if organisation_id is None:
        return Case.objects.none()
    return Case.objects.filter(organisation_id=organisation_id, workflow__startswith=WORKFLOW_PREFIX)


def _application(case: Case) -> dict:
    try:
        flow = workflows.get(case.workflow)
        workflow_name, state_name = str(flow.name), str(flow.state(case.state).applicant_name)
    except KeyError:  # a workflow or state no longer declared: show the ids
        workflow_name, state_name = case.workflow, case.state
    return {
        "number": case.number,
        "workflow": case.workflow,
        "workflow_name": workflow_name,
        "state": case.state,
        "state_name": state_name,
        "due_on": case.due_on,
        "submitted_on": case.submitted_on,
        "verdict": case.verdict,
        "transitions": [
            {
                "action": t.action,
                "from_state": t.from_state,
                "to_state": t.to_state,
                "at": t.at,
                "reason": t.reason,
            }
            for t in case.transitions.all()
        ],
    }


@router.get(
    "/applications",
    response=ApplicationPage,
    auth=django_auth,
    summary="The applications of the signed-in user's organisation",
)
def applications(request: HttpRequest, page: Query[Page], lang: Lang | None = None):
    cases = _own_cases(request).order_by("-created_at", "-pk")
    selected = cases.prefetch_related("transitions")[page.offset : page.offset + page.limit]
    with translation.override(lang or translation.get_language()):
        return {"items": [_application(case) for case in selected], "count": cases.count()}


@router.get(
    "/applications/{number}",
    response=ApplicationOut,
    auth=django_auth,
    summary="One application of the signed-in user's organisation",
)
def application(request: HttpRequest, number: str, lang: Lang | None = None):
    case = get_object_or_404(_own_cases(request).prefetch_related("transitions"), number=number)
    with translation.override(lang or translation.get_language()):
        return _application(case)
