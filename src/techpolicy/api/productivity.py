"""/api/v1/productivity/: the "Productivity 2020" programme (seed 004) — the reimbursement
calculation of section 5.3 and the eligibility check of sections 5.1-5.3 (public, nothing stored), the
programme's dated parameters and, for the applicant organisation, its own applications."""

import datetime as dt

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from techpolicy.casework.kit.api import ANSWERS, add_check_route, add_schema_route, answer, facts_body
from techpolicy.services.productivity import law as productivity_law

from .common import Lang, Pagination, SafeText, add_application_routes

router = Router(tags=["productivity"])

PROGRAMME_LAST_DAY = productivity_law.PROGRAMME_LAST_DAY


class ParameterQuery(Schema):
    on: dt.date = Field(PROGRAMME_LAST_DAY, description="the date the values are read for")
    q: SafeText = Field("", max_length=100, description="part of the parameter's name, e.g. 'i3a' or '_wd'")
    lang: Lang = "kk"


class ParameterOut(Schema):
    parameter: str
    label: str
    value: str | None = Field(description="null: not set by the source document")
    unit: str
    not_set: bool = Field(description="the source document does not set this value")
    not_in_force: bool = Field(description="no value is in force on the date asked for")
    citation: str


# GET facts-schema and POST check (the eligibility verdict of the procedure "productivity2020").
add_schema_route(router, "productivity", ("productivity2020",))
add_check_route(router, "productivity", ("productivity2020",),
                summary="Eligibility for an instrument (sections 5.1-5.3)")


@router.post(
    "/calculate",
    auth=None,
    response=ANSWERS,
    summary="Reimbursement calculation (section 5.3)",
    description="The body is the facts of an application as described by GET facts-schema. The answer is the "
    "amount with a line per cost, exclusion, share and cap, each with its citation, and the parameters read. "
    "Eligibility is not checked here. Nothing is stored.",
    openapi_extra=facts_body("productivity"),
)
def calculate(request: HttpRequest, lang: Lang = "kk", on: dt.date | None = None):
    return answer(request, lambda facts: productivity_law.calculation(facts, on=on), lang)


@router.get("/parameters", response=list[ParameterOut], auth=None,
            summary="The programme's dated parameters on a date; unset ones marked, never invented")
@paginate(Pagination)
def parameters(request: HttpRequest, filters: Query[ParameterQuery]):
    with translation.override(filters.lang):
        rows = productivity_law.programme_parameters(filters.on)
    q = filters.q.strip().lower()
    return [{**row, "label": str(row["label"]), "value": None if row["value"] is None else str(row["value"])}
            for row in rows if not q or q in row["parameter"].lower()]


add_application_routes(router, "productivity")
