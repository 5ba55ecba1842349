"""Editing a platform's road map: start a draft version, change its details, stages and items, and
publish it after a confirmation page (publishing is irreversible). Only the coordinator's and the
proposing state body's users edit (`access.can_edit`); every change is refused on a published version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from techpolicy.forecasting.studies.models import Study

from . import roadmap
from .access import can_edit
from .forms_platform import DetailsForm, ItemForm, StageForm, StatusForm
from .models import Platform, RoadMapVersion
from .views_platform import version_for, version_page


def _editable(request: HttpRequest, pk: int, number: int | None = None):
    platform = get_object_or_404(Platform, pk=pk)
    allowed, why = can_edit(request.user, platform)
    if not allowed:
        raise PermissionDenied(why)
    return platform, (version_for(request, pk, number) if number is not None else None)


def _to_version(version: RoadMapVersion) -> HttpResponse:
    return redirect("technology_platforms:road_map_version", pk=version.platform_id, number=version.number)


def _pk(value: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return number if 0 < number < 2**31 else 0


@require_POST
@login_required
def new_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """Editing starts a draft version copied from the current one (or returns the draft being edited)."""
    platform, _version = _editable(request, pk)
    draft = roadmap.start_draft(platform, request.user)
    messages.info(request, _("You are editing draft version %(number)s; the published road map does not change "
                             "until you publish it.") % {"number": draft.number})
    return _to_version(draft)


def _apply(request: HttpRequest, version: RoadMapVersion, change) -> HttpResponse | None:
    try:
        change()
    except roadmap.RoadMapError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The draft was saved."))
    return _to_version(version)


@require_POST
@login_required
def change(request: HttpRequest, pk: int, number: int, what: str) -> HttpResponse:
    """details / stage / delete_stage / item / status / delete_item of a draft version."""
    _platform, version = _editable(request, pk, number)
    if version.published:
        messages.error(request, _("Version %(number)s is published and no longer changes; edit a new draft version.")
                       % {"number": version.number})
        return _to_version(version)
    if what == "details":
        form = DetailsForm(request.POST)
        if form.is_valid():
            study = None
            if form.cleaned_data["study"]:
                study = Study.objects.filter(number=form.cleaned_data["study"].strip()).first()
                if study is None:
                    form.add_error("study", _("No forecast study has this number."))
            if form.is_valid():
                note = form.cleaned_data["note"]
                return _apply(request, version, lambda: roadmap.set_details(version, note, study))
        return render(request, "technology_platforms/road_map.html", version_page(request, version, details_form=form))
    if what == "stage":
        form = StageForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            return _apply(request, version, lambda: roadmap.add_stage(version, data["name"], data["starts_on"],
                                                                      data["ends_on"]))
        return render(request, "technology_platforms/road_map.html", version_page(request, version, stage_form=form))
    if what == "item":
        form = ItemForm(request.POST, version=version)
        if form.is_valid():
            data = form.cleaned_data
            return _apply(request, version, lambda: roadmap.add_item(
                version, stage_id=data["stage"], technology_code=data["technology_code"],
                technology_name=data["technology_name"], milestone=data["milestone"], due_on=data["due_on"],
                responsible_id=data["responsible"], status=data["status"]))
        return render(request, "technology_platforms/road_map.html", version_page(request, version, item_form=form))
    if what == "status":
        form = StatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose the item's status from the list."))
            return _to_version(version)
        return _apply(request, version, lambda: roadmap.set_item_status(version, form.cleaned_data["item"],
                                                                        form.cleaned_data["status"]))
    if what == "delete_stage":
        return _apply(request, version, lambda: roadmap.delete_stage(version, _pk(request.POST.get("stage"))))
    if what == "delete_item":
        return _apply(request, version, lambda: roadmap.delete_item(version, _pk(request.POST.get("item"))))
    raise PermissionDenied(_("Unknown change."))


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def publish(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """A page asks to confirm; the POST with the confirmation publishes the draft for good."""
    _platform, version = _editable(request, pk, number)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the confirmation to publish the road map."))
            return redirect("technology_platforms:road_map_publish", pk=pk, number=number)
        try:
            roadmap.publish(version, request.user)
        except roadmap.RoadMapError as exc:
            messages.error(request, str(exc))
            return _to_version(version)
        messages.success(request, _("Version %(number)s of the road map is published.") % {"number": version.number})
        return redirect("technology_platforms:platform", pk=pk)
    return render(request, "technology_platforms/road_map_publish.html", version_page(request, version))
