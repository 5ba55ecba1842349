"""/api/v1/technopark/: the eligibility pre-check (paragraphs 7 and 9), the published list of
participants (paragraph 21), certificate verification (paragraphs 18 and 36) and, for the
applicant organisation, its own applications."""

import datetime as dt
from typing import Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from techpolicy.casework import law_context
from techpolicy.law.acts.act001_technopark import TechnoparkFacts
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

from .body import json_object
from .common import Errors, Lang, Pagination, SafeText, add_application_routes

router = Router(tags=["technopark"])


# --- schemas -----------------------------------------------------------------------------------


class ParticipantQuery(Schema):
    q: SafeText = Field("", max_length=register.MAX_QUERY, description="part of the name, or the BIN's first digits")
    status: Literal["active", "expired", "terminated", "all"] = "active"
    activity_type: SafeText = Field("", max_length=40, description="code of a priority ICT activity type")


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
    data = json_object(request)
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
def certificate(request: HttpRequest, number: SafeText, lang: Lang | None = None):
    with translation.override(lang or translation.get_language()):
        result = verify_certificate(number)
        if result.status in (MALFORMED, EMPTY):
            return Status(422, {"detail": [{"field": "number", "message": f"{result.status_label}. {MALFORMED_HELP}"}]})
        return Status(404 if result.status == NOT_FOUND else 200, result.as_dict())


# --- the applicant's own applications ----------------------------------------------------------

add_application_routes(router, "technopark")
