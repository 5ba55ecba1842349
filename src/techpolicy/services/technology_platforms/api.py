"""/api/v1/technology-platforms/: the coordinator criteria (000 p.25-27: facts-schema and check,
nothing stored), the organised platforms and each one's road map (p.24(7)): the current published
version and the list of published versions. All public and read-only; lists are paginated. The
register itself is served by the generic registers API (/api/v1/registers/<key>/entries)."""

# No `from __future__ import annotations`: ninja reads the endpoints' annotations as objects.

import datetime as dt
from typing import Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from techpolicy.api.common import Id, Lang, Pagination, SafeText
from techpolicy.casework.kit.api import add_procedure_routes
from techpolicy.casework.registers.search import MAX_QUERY, matching_entries, query_text
from techpolicy.law.acts.act000_methodology.designation_lists import PLATFORM_PARTICIPANT_ROLES

from . import checks, roadmap
from .models import Platform

SERVICE = "technology-platforms"
router = Router(tags=[SERVICE])
NON_NORMATIVE = ("The item schema (stage, technology, milestone, due date, responsible participant, status) is the "
                 "system's own: the Methodology (000 p.24(7)) sets no content, form or horizon of a road map.")

add_procedure_routes(router, SERVICE, (checks.COORDINATOR,))


class PlatformQuery(Schema):
    q: SafeText = Field("", max_length=MAX_QUERY, description="part of the platform's name, coordinator or decision")


class PlatformParticipantOut(Schema):
    name: str
    bin: str
    role: Literal[tuple(r.code for r in PLATFORM_PARTICIPANT_ROLES)]  # type: ignore[valid-type]
    joined_on: dt.date


class PlatformOut(Schema):
    id: int
    name: str
    sector: str
    direction: str
    coordinator: str = Field(alias="coordinator_name")
    organised_on: dt.date
    register_entry: int = Field(alias="entry_id")


class RoadMapItemOut(Schema):
    technology_code: str
    technology_name: str
    on_key_list: bool | None = Field(description="on the list of key technologies in force on key_list_on "
                                     "(a warning when false, never a refusal)")
    milestone: str
    due_on: dt.date
    responsible: str
    status: Literal["planned", "in_progress", "done"]


class RoadMapStageOut(Schema):
    order: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    items: list[RoadMapItemOut]


class RoadMapVersionOut(Schema):
    number: int
    published_at: dt.datetime
    key_list_on: dt.date
    note: str
    forecast_study: str | None = Field(description="the number of the forecast study the version cites (p.6(6))")

    @staticmethod
    def resolve_forecast_study(version) -> str | None:
        if isinstance(version, dict):
            return version.get("forecast_study")
        return version.forecast_study.number if version.forecast_study_id else None


class RoadMapOut(RoadMapVersionOut):
    platform: int
    schema_note: str = Field(description="the item schema is the system's own (non-normative)")
    stages: list[RoadMapStageOut]


def _item(item, on_key_list: bool | None) -> dict:
    return {"technology_code": item.technology_code, "technology_name": item.technology_name,
            "on_key_list": on_key_list, "milestone": item.milestone, "due_on": item.due_on,
            "responsible": item.responsible.name, "status": item.status}


def _version(version) -> dict:
    return {"number": version.number, "published_at": version.published_at, "key_list_on": version.key_list_on,
            "note": version.note, "forecast_study": version.forecast_study.number if version.forecast_study else None}


@router.get("/platforms", response=list[PlatformOut], auth=None, summary="Organised technology platforms (p.29)")
@paginate(Pagination)
def platforms(request: HttpRequest, filters: Query[PlatformQuery]):
    found = Platform.objects.order_by("name", "pk")
    q = query_text(filters.q)
    return found.filter(entry__in=matching_entries(q)) if q else found


@router.get("/platforms/{platform_id}/road-map", response={200: RoadMapOut}, auth=None,
            summary="The current road map of a platform (p.24(7))")
def current_road_map(request: HttpRequest, platform_id: Id, lang: Lang | None = None):
    platform = get_object_or_404(Platform, pk=platform_id)
    version = roadmap.current(platform)
    if version is None:  # nothing published yet: 404 in the API's error shape
        raise Http404("no published road map")
    with translation.override(lang or translation.get_language()):
        stages = [{"order": s["stage"].order, "name": s["stage"].name, "starts_on": s["stage"].starts_on,
                   "ends_on": s["stage"].ends_on,
                   "items": [_item(i["item"], i["on_key_list"]) for i in s["items"]]}
                  for s in roadmap.items_with_check(version)]
    return {**_version(version), "platform": platform.pk, "schema_note": NON_NORMATIVE, "stages": stages}


@router.get("/platforms/{platform_id}/road-map/versions", response=list[RoadMapVersionOut], auth=None,
            summary="The published versions of a platform's road map, newest first")
@paginate(Pagination)
def road_map_versions(request: HttpRequest, platform_id: Id):
    platform = get_object_or_404(Platform, pk=platform_id)
    return roadmap.published_versions(platform).select_related("forecast_study")


@router.get("/platforms/{platform_id}/participants", response=list[PlatformParticipantOut], auth=None,
            summary="The participants of a platform by the roles of p.23")
@paginate(Pagination)
def participants(request: HttpRequest, platform_id: Id):
    platform = get_object_or_404(Platform, pk=platform_id)
    return platform.participants.order_by("role", "name", "pk")
