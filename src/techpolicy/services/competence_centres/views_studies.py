"""Paragraph 5 (000.p5.cc): forecasting is carried out "with the participation of the competence
centres of the relevant sectors", so a forecast study can name the designated centres taking part.
The records are this service's (`StudyParticipation`); the forecasting pages may read them through
`published.study_centres`. Analysts who run studies name the centres; only centres on the register
on the day can be named."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from techpolicy.forecasting.studies.access import can_manage
from techpolicy.forecasting.studies.models import Study

from .models import StudyParticipation
from .published import designated_centres
from .views_case import may_read_all


def _study(number: str) -> Study:
    return get_object_or_404(Study, number=number[:32])


@login_required
@require_http_methods(["GET", "POST"])
def study_centres(request, number: str):
    study = _study(number)
    managing = can_manage(request.user)[0]
    if not (managing or may_read_all(request.user)):
        raise PermissionDenied(_("The competence centres of a study are named by the analysts who run it."))
    if request.method == "POST":
        if not managing:
            raise PermissionDenied(can_manage(request.user)[1])
        return _change(request, study)
    taking_part = StudyParticipation.objects.filter(study=study).select_related("entry")
    named = {p.entry_id for p in taking_part}
    return render(request, "competence_centres/study_centres.html", {
        "study": study, "taking_part": taking_part, "managing": managing,
        "candidates": [e for e in designated_centres() if e.pk not in named],
    })


def _change(request, study: Study):
    try:
        entry_id = int(request.POST.get("entry", ""))
    except ValueError:
        entry_id = None
    if request.POST.get("remove"):
        removed, _count = StudyParticipation.objects.filter(study=study, entry_id=entry_id).delete()
        if removed:
            messages.success(request, _("The competence centre no longer takes part in the study."))
        return redirect("competence_centres:study", number=study.number)
    entry = designated_centres().filter(pk=entry_id).first() if entry_id is not None else None
    if entry is None:
        messages.error(request, _("Choose a competence centre on the register today."))
    else:
        try:
            with transaction.atomic():
                StudyParticipation.objects.create(study=study, entry=entry, added_by=request.user)
        except IntegrityError:
            messages.info(request, _("The competence centre already takes part in the study."))
        else:
            messages.success(request, _("The competence centre takes part in the study (p.5)."))
    return redirect("competence_centres:study", number=study.number)


@login_required
@require_http_methods(["GET"])
def study_lookup(request):
    """From the index page: the study whose number is typed."""
    number = request.GET.get("number", "").strip()[:32]
    if Study.objects.filter(number=number).exists():
        return redirect("competence_centres:study", number=number)
    messages.error(request, _("No forecast study has this number."))
    return redirect("competence_centres:index")
