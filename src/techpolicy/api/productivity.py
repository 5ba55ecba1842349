"""/api/v1/productivity/: the "Productivity 2020" programme (seed 004) — the reimbursement
calculation of section 5.3 (public, nothing stored), the programme's dated parameters and, for the
applicant organisation, its own applications."""

import datetime as dt

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from techpolicy.law.acts.act004_productivity2020 import ProductivityFacts
from techpolicy.law.facts import InvalidFacts
from techpolicy.services.productivity import law as productivity_law

from .body import json_object
from .common import Errors, Lang, Pagination, SafeText, add_application_routes

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


@router.get("/facts-schema", response=dict, auth=None, summary="JSON schema of the programme's facts")
def facts_schema(request: HttpRequest):
    return ProductivityFacts.model_json_schema()


@router.post(
    "/calculate",
    auth=None,
    response={200: dict, 400: Errors, 422: Errors},
    summary="Reimbursement calculation (section 5.3)",
    description="The body is the facts of an application as described by GET facts-schema. The answer is the "
    "amount with a line per cost, exclusion, share and cap, each with its citation, and the parameters read. "
    "Eligibility is not checked here. Nothing is stored.",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {
                "type": "object", "description": "Facts; see GET /api/v1/productivity/facts-schema"}}},
        }
    },
)
def calculate(request: HttpRequest, lang: Lang = "kk", on: dt.date | None = None):
    data = json_object(request)
    try:
        return Status(200, productivity_law.calculation(data, on=on).as_dict(lang))
    except InvalidFacts as exc:
        return Status(422, {"detail": exc.errors})
    except ArithmeticError:  # an amount beyond decimal arithmetic (e.g. 1e308): the facts set no upper bound
        return Status(422, {"detail": [{"field": "costs", "message": "An amount is too large to calculate with."}]})


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
