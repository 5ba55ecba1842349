"""/api/v1/technopark/: the eligibility pre-check (paragraphs 7 and 9), the published list of
participants (paragraph 21), certificate verification (paragraphs 18 and 36) and, for the
applicant organisation, its own applications."""

import datetime as dt
from typing import Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate
from ninja.responses import Status

from techpolicy.casework import law_context
from techpolicy.casework.kit.api import add_check_route, add_schema_route
from techpolicy.casework.registers import answers, counts
from techpolicy.services.technopark import checks
from techpolicy.services.technopark import participants as register
from techpolicy.services.technopark.verification import (
    EMPTY,
    MALFORMED,
    MALFORMED_HELP,
    NOT_FOUND,
    verify_certificate,
)

from .common import Errors, Lang, Pagination, SafeText, add_application_routes

router = Router(tags=["technopark"])


# --- schemas -----------------------------------------------------------------------------------


class ParticipantQuery(Schema):
    q: SafeText = Field("", max_length=register.MAX_QUERY, description="part of the name or of the BIN")
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
    def resolve_activity_types(row) -> list[str]:
        return list((row["data"] or {}).get("activity_types") or [])

    @staticmethod
    def resolve_status(row) -> str:
        return register.effective_status(row["status"], row["valid_until"], law_context.today())

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
    kind: str = Field(description='"registration" (paragraph 18) or "extension" (paragraph 36)')
    kind_label: str
    valid_from: dt.date | None
    valid_until: dt.date | None

    @staticmethod
    def resolve_kind(result) -> str:
        # The kind's key within the service, as this endpoint has always answered it.
        return result["kind"].removeprefix("technopark.")


# --- the law -----------------------------------------------------------------------------------


# GET facts-schema and POST check of the technopark's procedures (the participation application
# by default); POST precheck, the participation verdict as it was offered before check existed.
add_schema_route(router, "technopark", checks.API_CHECKS)
add_check_route(router, "technopark", checks.API_CHECKS)
add_check_route(router, "technopark", (checks.PARTICIPATION,), path="/precheck",
                summary="Eligibility pre-check (paragraphs 7 and 9)",
                description="The body is the facts of an application as described by GET facts-schema. "
                "The answer is the verdict: every rule's result with its reason and citation, and the "
                "parameters read.")


# --- the published list and certificates -------------------------------------------------------


class ParticipantPagination(Pagination):
    """limit/offset of the list; its `count` (all pages) and the page's rows are exact, read from the
    cache while the list has not changed since they were read (`casework.registers.counts`)."""

    def _items_count(self, queryset) -> int:
        return counts.count(register.PARTICIPANTS, queryset)

    def paginate_queryset(self, queryset, pagination, request: HttpRequest, **params):
        # The page's rows too, read through the cache under the list's last change (exact, as the count).
        answer = super().paginate_queryset(queryset, pagination, request, **params)
        answer[self.items_attribute] = counts.page(register.PARTICIPANTS, answer[self.items_attribute])
        return answer


@router.get(
    "/participants",
    response=list[ParticipantOut],
    auth=None,
    summary="Published list of participants (paragraph 21)",
)
@decorate_view(answers.kept_api_list(register.REGISTER))  # the same answer for every client until the list changes
@paginate(ParticipantPagination)
def participants(request: HttpRequest, filters: Query[ParticipantQuery]):
    return register.participants(filters.dict())


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
