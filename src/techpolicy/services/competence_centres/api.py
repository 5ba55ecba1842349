"""/api/v1/competence-centres/: the criteria of a competence centre (000 p.17-19) — the JSON schema
of the facts and the verdict on a body of facts (public, nothing stored) — the vocabulary of sectors
and technology directions, the state bodies and the directions they supervise on a date (p.19), and
the signed-in organisation's own initiatives. The register of designated centres is served by the
registers API (/api/v1/registers/competence-centres.designated/entries)."""

# No postponed annotations: ninja reads the endpoints' annotations as objects.

import datetime as dt

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from techpolicy.api.common import Lang, Page, SafeText, add_application_routes
from techpolicy.casework import law_context
from techpolicy.casework.kit.api import add_procedure_routes

from .models import Direction, StateBodyProfile
from .published import supervised_directions

SERVICE = "competence_centres"  # the prefix of the operation ids and of the workflow ids
router = Router(tags=["competence-centres"])

add_procedure_routes(router, SERVICE, ("competence-centre",))
add_application_routes(router, SERVICE)


class DirectionOut(Schema):
    sector: str
    sector_name: str
    code: str
    name: str


class DirectionPage(Schema):
    items: list[DirectionOut]
    count: int


class DirectionQuery(Schema):
    sector: SafeText = Field("", max_length=40, description="a sector's code")
    lang: Lang = "kk"


@router.get("/directions", response=DirectionPage, auth=None, summary="Sectors and technology directions",
            operation_id=f"techpolicy_api_{SERVICE}_directions")
def directions(request: HttpRequest, page: Query[Page], query: Query[DirectionQuery]):
    found = Direction.objects.select_related("sector").order_by("sector__code", "code")
    if query.sector:
        found = found.filter(sector__code=query.sector)
    selected = found[page.offset: page.offset + page.limit]
    return {"count": found.count(), "items": [
        {"sector": d.sector.code, "sector_name": d.sector.name(query.lang), "code": d.code, "name": d.name(query.lang)}
        for d in selected]}


class BodyOut(Schema):
    name: str
    bin: str | None
    kind: str = Field(description="state_body | local_executive_body")
    directions: list[list[str]] = Field(description="(sector, direction) codes supervised on the date")


class BodyPage(Schema):
    items: list[BodyOut]
    count: int
    on: dt.date


@router.get("/state-bodies", response=BodyPage, auth=None,
            summary="State bodies and local executive bodies with the directions they supervise (p.19)",
            operation_id=f"techpolicy_api_{SERVICE}_state_bodies")
def state_bodies(request: HttpRequest, page: Query[Page], on: dt.date | None = None):
    day = on or law_context.today()
    bodies = StateBodyProfile.objects.select_related("organisation").order_by("organisation__name", "pk")
    selected = bodies[page.offset: page.offset + page.limit]
    return {"count": bodies.count(), "on": day, "items": [
        {"name": b.organisation.name, "bin": b.organisation.bin, "kind": b.kind,
         "directions": [list(pair) for pair in supervised_directions(b.organisation, day)]} for b in selected]}
