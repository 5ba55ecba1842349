"""/api/v1/targeted-programmes/: the programme procedure (000 p.31-40: facts-schema and check,
nothing stored), the approved programmes (p.43) and each one's progress: its target indicators
year by year against their interim and final values, from the monitoring engine (the one place that
aggregates). All public and read-only; lists are paginated."""

# No `from __future__ import annotations`: ninja reads the endpoints' annotations as objects.

import datetime as dt
from decimal import Decimal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from techpolicy.api.common import Pagination, SafeText
from techpolicy.casework import law_context
from techpolicy.casework.kit.api import add_procedure_routes
from techpolicy.monitoring import dashboard

from . import checks
from .monitoring import plan_of
from .published import approved_programmes, programme_name

SERVICE = "targeted-programmes"
MAX_QUERY = 100
router = Router(tags=[SERVICE])

add_procedure_routes(router, SERVICE, (checks.CHECK,))


class ProgrammeQuery(Schema):
    q: SafeText = Field("", max_length=MAX_QUERY, description="part of the programme's name")


class ProgrammeOut(Schema):
    number: str
    name: str
    sector: str
    direction: str
    first_year: int | None
    last_year: int | None
    approved_on: dt.date | None = Field(description="the date the state body's decision took effect (p.43)")


class YearOut(Schema):
    year: int
    target: Decimal | None
    stage: str | None = Field(description="interim or final (p.38 second indent)")
    actual: Decimal | None = Field(description="the approved actual (cumulative: the total to the year)")
    gap: Decimal | None = Field(description="actual minus target, positive when ahead (lower is better: reversed)")
    reached: bool | None


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    direction: str
    kind: str
    years: list[YearOut]
    projection: str = Field(description="on_track, at_risk, off_track, not_enough_data or no_target: the projected "
                                        "trajectory to the final year against the final target")


class ProgressOut(ProgrammeOut):
    indicators: list[IndicatorOut]


def _programme(case) -> dict:
    plan = plan_of(case)
    approval = case.decisions.filter(kind="approval").first()
    return {"number": case.number, "name": programme_name(case), "sector": case.facts.get("sector", ""),
            "direction": case.facts.get("direction", ""), "first_year": plan.first_year if plan else None,
            "last_year": plan.last_year if plan else None,
            "approved_on": approval.decided_at.date() if approval else None}


@router.get("/programmes", response=list[ProgrammeOut], auth=None, summary="Approved targeted programmes (p.43)")
@paginate(Pagination)
def programmes(request: HttpRequest, filters: Query[ProgrammeQuery]):
    cases = approved_programmes()
    q = filters.q.strip()
    if q:
        cases = cases.filter(facts__passport__name__icontains=q)
    return [_programme(c) for c in cases[:10_000]]


@router.get("/programmes/{number}/progress", response={200: ProgressOut}, auth=None,
            summary="An approved programme's target indicators against their values (p.38 second indent)")
def progress(request: HttpRequest, number: str):
    case = approved_programmes().filter(number=number[:40]).first()
    plan = plan_of(case) if case else None
    if plan is None:
        raise Http404("no approved programme with this number")
    board = dashboard.plan_board(plan, law_context.today())
    return {**_programme(case), "indicators": [_indicator(b) for b in board.indicators]}


def _indicator(board: dashboard.IndicatorBoard) -> dict:
    row = board.row
    years = [{"year": y.year, "target": y.target.value if y.target else None,
              "stage": y.target.stage if y.target else None, "actual": y.status.value, "gap": y.status.gap,
              "reached": y.reached} for y in board.years]
    return {"code": row.code, "name": row.name_kk, "unit": row.unit, "direction": row.direction, "kind": row.kind,
            "years": years, "projection": board.projection.verdict}
