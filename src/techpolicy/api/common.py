"""Pieces every service's router shares: the text and number types of every input, error and page
schemas, limit/offset pagination, and the applicant's own applications of one service. (The JSON
body is read in `api.body`, the error shape and documented statuses are kept in `api.contract`.)"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination
from ninja.security import django_auth
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from techpolicy.casework import workflow as workflows
from techpolicy.casework.models import Case
from techpolicy.law import text

Lang = Literal["kk", "ru", "en"]
MAX_LIMIT = 500
# Issue 8, finding 7: an offset beyond what a database integer holds failed inside the query. The
# bound is a system setting (TECHPOLICY_API_MAX_OFFSET, one million by default): no list is longer.
MAX_OFFSET = settings.TECHPOLICY_API_MAX_OFFSET
DB_INT_MAX = 2**63 - 1  # the largest integer SQLite and PostgreSQL (bigint) store


def _plain_text(value: str) -> str:
    if (code := text.forbidden_character(value)) is not None:
        raise PydanticCustomError("control_character", _(
            "The text contains a control character (%(code)s), which is not allowed.") % {"code": code})
    return value


# Every str of an input schema, query or path parameter (finding 8): control characters are refused
# with 422 naming the field (see law.text), and the schema documents the pattern it must match.
SafeText = Annotated[str, AfterValidator(_plain_text), Field(json_schema_extra={"pattern": text.ALLOWED_PATTERN})]
# Every integer that reaches a database lookup (ids, numbers, versions): beyond DB_INT_MAX it fails there.
Id = Annotated[int, Field(ge=1, le=DB_INT_MAX)]


class FieldError(Schema):
    field: str
    message: str


class Errors(Schema):
    detail: list[FieldError]


class Page(Schema):
    """limit/offset of every list, the paginated ones (`Pagination`) and those paginated by hand."""

    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class Pagination(LimitOffsetPagination):
    """limit/offset with at most 500 items a page and an offset of at most MAX_OFFSET."""

    Input = Page

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


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


def own_cases(request: HttpRequest, workflow_prefix: str):
    """The cases of the signed-in user's organisation in the workflows of one service."""
    organisation_id = getattr(request.user, "organisation_id", None)
    if organisation_id is None:
        return Case.objects.none()
    return Case.objects.filter(organisation_id=organisation_id, workflow__startswith=workflow_prefix)


def application(case: Case) -> dict:
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
            {"action": t.action, "from_state": t.from_state, "to_state": t.to_state, "at": t.at, "reason": t.reason}
            for t in case.transitions.all()
        ],
    }


def add_application_routes(router: Router, service: str) -> None:
    """GET applications and applications/{number}: the signed-in organisation's own cases of the
    service (its workflow ids start with "<service>.")."""
    workflow_prefix = f"{service}."

    @router.get(
        "/applications",
        response=ApplicationPage,
        auth=django_auth,
        summary="The applications of the signed-in user's organisation",
        operation_id=f"techpolicy_api_{service}_applications",
    )
    def applications(request: HttpRequest, page: Query[Page], lang: Lang | None = None):
        cases = own_cases(request, workflow_prefix).order_by("-created_at", "-pk")
        selected = cases.prefetch_related("transitions")[page.offset : page.offset + page.limit]
        with translation.override(lang or translation.get_language()):
            return {"items": [application(case) for case in selected], "count": cases.count()}

    @router.get(
        "/applications/{number}",
        response=ApplicationOut,
        auth=django_auth,
        summary="One application of the signed-in user's organisation",
        operation_id=f"techpolicy_api_{service}_application",
    )
    def one_application(request: HttpRequest, number: SafeText, lang: Lang | None = None):
        case = get_object_or_404(own_cases(request, workflow_prefix).prefetch_related("transitions"), number=number)
        with translation.override(lang or translation.get_language()):
            return application(case)
