"""Public pages of an organised platform: its page (coordinator, participants, the single vision,
activities and the current road map with its timeline) and the history of its road map. Published
versions are public; a draft is shown to those who keep the platform's records and to staff."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act000_methodology.designation_lists import PLATFORM_ACTIVITIES, PLATFORM_PARTICIPANT_ROLES
from techpolicy.services.competence_centres import published as centres

from . import keytech, roadmap, timeline
from .access import can_edit, can_read_drafts
from .models import Platform, RoadMapVersion
from .views import ROAD_MAP_PARAMETERS, parameters

ACTIVITIES_SHOWN = 20


def labels(items) -> dict[str, dict]:
    lang = current_language()
    return {item.code: {"label": item.label[lang], "ref": item.citation.ref} for item in items}


def platform_context(platform: Platform) -> dict:
    """What every page of a platform shows at its top."""
    lang = current_language()
    return {"platform": platform, "entry": platform.entry,
            "sector": centres.sector_label(platform.sector, lang),
            "direction": centres.direction_label(platform.direction, lang)}


def version_context(version: RoadMapVersion | None) -> dict:
    """A road-map version with its stages, items, key-technology check and timeline."""
    if version is None:
        return {"version": None}
    stages = roadmap.items_with_check(version)
    return {"version": version, "stages": stages, "chart": timeline.chart(stages),
            "key_list_on": roadmap.key_list_date(version),
            "warnings": sum(1 for s in stages for i in s["items"] if not i["on_key_list"]),
            "road_map_parameters": parameters(ROAD_MAP_PARAMETERS)}


@require_safe
def platform_page(request: HttpRequest, pk: int) -> HttpResponse:
    platform = get_object_or_404(Platform.objects.select_related("entry", "coordinator", "proposer"), pk=pk)
    roles = labels(PLATFORM_PARTICIPANT_ROLES)
    order = {code: i for i, code in enumerate(roles)}  # the roles in the order of p.23
    participants = [{"participant": p, "role": roles.get(p.role, {"label": p.role, "ref": ""})}
                    for p in sorted(platform.participants.select_related("centre_entry"),
                                    key=lambda p: (order.get(p.role, len(order)), p.name_key))]
    vision = platform.visions.order_by("-number").first()
    editor = can_edit(request.user, platform)[0]
    return render(request, "technology_platforms/platform.html", {
        **platform_context(platform), **version_context(roadmap.current(platform)),
        "participants": participants, "vision": vision,
        "agreements": vision.agreements.select_related("participant") if vision else [],
        "activities": platform.activities.all()[:ACTIVITIES_SHOWN], "activity_labels": labels(PLATFORM_ACTIVITIES),
        "funding": platform.funding_sources.all()[:50], "editor": editor,
        "draft": roadmap.draft_of(platform) if can_read_drafts(request.user, platform) else None,
    })


@require_safe
def road_map_history(request: HttpRequest, pk: int) -> HttpResponse:
    platform = get_object_or_404(Platform, pk=pk)
    versions = platform.road_map_versions.select_related("published_by", "forecast_study").order_by("-number")
    if not can_read_drafts(request.user, platform):
        versions = versions.filter(status=RoadMapVersion.PUBLISHED)
    page = Paginator(versions, 25).get_page(request.GET.get("page"))
    current = roadmap.current(platform)
    return render(request, "technology_platforms/road_map_history.html", {
        **platform_context(platform), "page": page, "current": current,
        "editor": can_edit(request.user, platform)[0]})


def version_for(request: HttpRequest, pk: int, number: int) -> RoadMapVersion:
    version = get_object_or_404(RoadMapVersion.objects.select_related("platform", "forecast_study"),
                                platform_id=pk, number=number)
    if not version.published and not can_read_drafts(request.user, version.platform):
        raise PermissionDenied(_("A draft road map is seen by the coordinator, the proposing state body and the "
                                 "authorized body."))
    return version


@require_safe
def road_map_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    version = version_for(request, pk, number)
    return render(request, "technology_platforms/road_map.html", version_page(request, version))


def version_page(request: HttpRequest, version: RoadMapVersion, **forms) -> dict:
    """The context of a version's page, with the editing forms of a draft for its editors."""
    from .forms_platform import DetailsForm, ItemForm, StageForm

    platform = version.platform
    editing = not version.published and can_edit(request.user, platform)[0]
    context = {**platform_context(platform), **version_context(version), "editing": editing,
               "current": roadmap.current(platform)}
    if editing:
        study = version.forecast_study.number if version.forecast_study else ""
        context.update({
            "details_form": forms.get("details_form") or DetailsForm(initial={"note": version.note, "study": study}),
            "stage_form": forms.get("stage_form") or StageForm(),
            "item_form": forms.get("item_form") or ItemForm(version=version),
            "key_technologies": keytech.in_force(roadmap.key_list_date(version)).choices(current_language()),
        })
    return context
