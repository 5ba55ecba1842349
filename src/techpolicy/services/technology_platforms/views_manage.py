"""Keeping an organised platform's records: participants (p.23; a competence centre only if it is
designated for the sector), activities (p.24), the single vision and each participant's agreement
(p.24(2)) and funding sources (p.30). For the coordinator's and the proposing state body's users."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .access import can_edit
from .forms_platform import ActivityForm, AgreementForm, FundingForm, ParticipantForm, VisionForm
from .models import Activity, FundingSource, Participant, Platform, Vision, VisionAgreement
from .organise import add_participant
from .views_platform import platform_context

MAX_RECORDS = 1_000  # participants, activities, visions or funding sources of one platform


def _forms(platform: Platform, data=None, which: str = "") -> dict:
    def bound(name, form_class, **kw):
        return form_class(data if which == name else None, prefix=name, **kw)

    return {"participant_form": bound("participant", ParticipantForm), "activity_form": bound("activity", ActivityForm),
            "vision_form": bound("vision", VisionForm), "funding_form": bound("funding", FundingForm),
            "agreement_form": bound("agreement", AgreementForm, platform=platform)}


def _full(queryset) -> bool:
    return queryset.count() >= MAX_RECORDS


def _save(platform: Platform, user, which: str, form) -> str:
    """Record the form's data; returns an error message, or "" when it was saved."""
    data = form.cleaned_data
    if which == "participant":
        if _full(platform.participants):
            return _("The platform has the most records of this kind the system keeps.")
        try:
            with transaction.atomic():
                add_participant(platform, user, role=data["role"], name=data["name"], bin_=data.get("bin") or "",
                                joined_on=data["joined_on"])
        except ValueError as exc:
            return str(exc)
        except IntegrityError:
            return _("This organisation already takes part in this role.")
    elif which == "activity":
        if _full(platform.activities):
            return _("The platform has the most records of this kind the system keeps.")
        Activity.objects.create(platform=platform, recorded_by=user, **data)
    elif which == "vision":
        if _full(platform.visions):
            return _("The platform has the most records of this kind the system keeps.")
        with transaction.atomic():
            Platform.objects.select_for_update().filter(pk=platform.pk).first()
            number = (platform.visions.aggregate(n=Max("number"))["n"] or 0) + 1
            Vision.objects.create(platform=platform, number=number, text=data["text"].strip(), created_by=user)
    elif which == "agreement":
        vision = platform.visions.order_by("-number").first()
        participant = Participant.objects.filter(pk=data["participant"], platform=platform).first()
        if vision is None or participant is None:
            return _("Record the single vision first; then the participants' agreement with it.")
        try:
            with transaction.atomic():
                VisionAgreement.objects.create(vision=vision, participant=participant, agreed_on=data["agreed_on"],
                                               recorded_by=user)
        except IntegrityError:
            return _("This participant's agreement with this version is already recorded.")
    elif which == "funding":
        if _full(platform.funding_sources):
            return _("The platform has the most records of this kind the system keeps.")
        FundingSource.objects.create(platform=platform, recorded_by=user, **data)
    return ""


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    platform = get_object_or_404(Platform.objects.select_related("entry"), pk=pk)
    allowed, why = can_edit(request.user, platform)
    if not allowed:
        raise PermissionDenied(why)
    which = request.POST.get("which", "") if request.method == "POST" else ""
    forms = _forms(platform, request.POST if request.method == "POST" else None, which)
    form = forms.get(f"{which}_form")
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Unknown change."))
        if form.is_valid():
            error = _save(platform, request.user, which, form)
            if not error:
                messages.success(request, _("The platform's records were updated."))
                return redirect("technology_platforms:manage", pk=pk)
            form.add_error(None, error)
    vision = platform.visions.order_by("-number").first()
    return render(request, "technology_platforms/manage.html", {
        **platform_context(platform), **forms, "vision": vision,
        "participants": platform.participants.all(),
        "agreed": set(vision.agreements.values_list("participant_id", flat=True)) if vision else set(),
    })
