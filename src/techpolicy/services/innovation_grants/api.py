"""/api/v1/innovation-grants/: the procedures of law 003 — the innovation grant (article 27) and the
support measures of articles 21-33 — as the JSON schema of their facts and the verdict on a body of
facts (public, nothing stored); the catalogue of the thirteen measures of article 20(2) with their
providers; the published calls with their criteria and the priority directions in force on a date
(article 3(3)(1)-(2): equal access, publicity and transparency); the signed-in organisation's own
applications. The register of awards is served by the registers API
(/api/v1/registers/innovation-grants.awards/entries)."""

# No postponed annotations: ninja reads the endpoints' annotations as objects.

import datetime as dt

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from techpolicy.api.common import Lang, Page, add_application_routes
from techpolicy.casework import law_context
from techpolicy.casework.kit.api import add_procedure_routes
from techpolicy.casework.kit.checks import LawCheck
from techpolicy.law.acts.act003_state_support.grant_types import BY_ID
from techpolicy.law.acts.act003_state_support.support_measures import MEASURES

from . import checks, directions
from .models import Call, DirectionsVersion

SERVICE = "innovation_grants"  # the prefix of the operation ids and of the workflow ids
router = Router(tags=["innovation-grants"])

MEASURE_CHECKS = tuple(LawCheck(m.procedure) for m in MEASURES if m.procedure and m.procedure != checks.CHECK.name)
add_procedure_routes(router, SERVICE, (checks.CHECK, *MEASURE_CHECKS))
add_application_routes(router, SERVICE)


class MeasureOut(Schema):
    id: str
    name: str
    citation: str = Field(description="article 20(2) and the measure's sub-paragraph")
    article: str = Field(description="the article that governs the measure")
    provider: str
    procedure: str | None = Field(description="the procedure of POST check that decides a case of it, if any")


@router.get("/measures", response=list[MeasureOut], auth=None, summary="The thirteen support measures (art. 20(2))",
            operation_id=f"techpolicy_api_{SERVICE}_measures")
def measures(request: HttpRequest, lang: Lang = "kk"):
    return [{"id": m.id, "name": m.name[lang], "citation": m.citation.text(lang), "article": m.article.text(lang),
             "provider": m.provider[lang], "procedure": m.procedure} for m in MEASURES]


class CriterionOut(Schema):
    code: str
    name: str
    weight: str
    required: bool
    scale_max: int


class CallOut(Schema):
    number: str
    title: str
    grant_type: str
    grant_type_name: str
    opens_on: dt.date
    closes_on: dt.date
    panel_size: int
    domestic_min: int
    foreign_min: int
    aggregation: str
    criteria: list[CriterionOut]


class CallPage(Schema):
    items: list[CallOut]
    count: int


@router.get("/calls", response=CallPage, auth=None, summary="Published calls with their criteria",
            operation_id=f"techpolicy_api_{SERVICE}_calls")
def calls(request: HttpRequest, page: Query[Page], lang: Lang = "kk"):
    found = Call.objects.filter(published_at__isnull=False).order_by("-opens_on", "number")
    selected = found.prefetch_related("criteria")[page.offset: page.offset + page.limit]
    return {"count": found.count(), "items": [
        {"number": c.number, "title": c.title(lang), "grant_type": c.grant_type,
         "grant_type_name": BY_ID[c.grant_type].name[lang], "opens_on": c.opens_on, "closes_on": c.closes_on,
         "panel_size": c.panel_size, "domestic_min": c.domestic_min, "foreign_min": c.foreign_min,
         "aggregation": c.aggregation,
         "criteria": [{"code": k.code, "name": k.name(lang), "weight": str(k.weight), "required": k.required,
                       "scale_max": k.scale_max} for k in c.criteria.all()]} for c in selected]}


class DirectionOut(Schema):
    code: str
    name: str


class DirectionsOut(Schema):
    on: dt.date
    decision: str | None = Field(description="the Government's decision of the version in force (art. 4(9))")
    forecast_study: str | None = Field(description="the forecast study whose key technologies it rests on")
    items: list[DirectionOut]


@router.get("/directions", response=DirectionsOut, auth=None,
            summary="The priority directions of innovation grants in force on a date (art. 4(9), 19(1))",
            operation_id=f"techpolicy_api_{SERVICE}_directions")
def priority_directions(request: HttpRequest, on: dt.date | None = None, lang: Lang = "kk"):
    found = directions.in_force(DirectionsVersion.PRIORITY_DIRECTIONS, on or law_context.today())
    version = found.version
    return {"on": found.on, "decision": version.decision if version else None,
            "forecast_study": version.forecast_study if version else None,
            "items": [{"code": code, "name": names.get(lang, code)} for code, names in found.items.items()]}
