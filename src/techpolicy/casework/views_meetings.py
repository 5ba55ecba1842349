"""Meetings of a commission: the list (and a new meeting), a meeting's page (its agenda, who was
present, held, closed after a confirmation) and the minutes PDF. Members and the commission's
secretaries (staff of a workflow bound to it) read them; only the secretaries change them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import jobs
from .commissions import meetings as service
from .commissions import minutes
from .commissions.rounds import agenda_round
from .commissions.tally import tally
from .documents_pdf import LANGUAGES
from .models import Case, Commission, Meeting
from .permissions import manages_meetings, reads_minutes
from .steps import current_language

MAX_PRESENT = 500  # member ids one attendance form may send


class MeetingForm(forms.Form):
    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=gettext_lazy("Place"), max_length=service.PLACE_MAX)


def _commission(request, key: str) -> Commission:
    commission = get_object_or_404(Commission, key=key)
    if not reads_minutes(request.user, commission):
        raise PermissionDenied(_("The meetings of a commission are for its members and secretaries."))
    return commission


def _meeting(request, key: str, number: int, manage: bool = False) -> Meeting:
    commission = _commission(request, key)
    if manage and not manages_meetings(request.user, commission):
        raise PermissionDenied(_("Only the commission's secretaries prepare its meetings."))
    return get_object_or_404(Meeting.objects.select_related("commission"), commission=commission, number=number)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def meeting_list(request, key):
    commission = _commission(request, key)
    manager = manages_meetings(request.user, commission)
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not manager:
            raise PermissionDenied(_("Only the commission's secretaries prepare its meetings."))
        if form.is_valid():
            try:
                meeting = service.create_meeting(commission, request.user, form.cleaned_data["date"],
                                                 form.cleaned_data["place"])
            except service.MeetingError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Meeting No. %(number)s was planned.") % {"number": meeting.number})
                return redirect("casework:meeting", key=commission.key, number=meeting.number)
    return render(request, "casework/meetings.html", {
        "commission": commission, "meetings": commission.meetings.all()[:200], "manager": manager, "form": form,
    })


@require_safe
@login_required
def meeting_detail(request, key, number):
    meeting = _meeting(request, key, number)
    manager = manages_meetings(request.user, meeting.commission)
    items = [{"item": item, "tally": tally(item.case, meeting.commission, item.round)}
             for item in meeting.items.select_related("case__organisation")]
    listed = {(i["item"].case_id, i["item"].round) for i in items}
    open_ = meeting.status != Meeting.CLOSED
    candidates = ([c for c in service.agenda_candidates(meeting.commission)[: service.MAX_ITEMS]
                   if (c.pk, agenda_round(c)) not in listed] if manager and open_ else [])
    present = set(meeting.attendance.values_list("member_id", flat=True))
    return render(request, "casework/meeting.html", {
        "meeting": meeting, "commission": meeting.commission, "manager": manager, "open": open_,
        "items": items, "candidates": candidates, "present": present,
        "members": service.attendable(meeting) if manager and open_ else None,
        "present_names": meeting.attendance.select_related("member").order_by("member__full_name"),
    })


def _changed(request, meeting: Meeting, change) -> None:
    try:
        change()
    except service.MeetingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The meeting was updated."))


@require_POST
@login_required
def meeting_change(request, key, number, what):
    """add / remove an agenda case, record attendance, mark held."""
    meeting = _meeting(request, key, number, manage=True)
    if what == "add":
        case = Case.objects.filter(number=request.POST.get("case", "")[:40]).first()
        if case is None:
            messages.error(request, _("Only a case on this commission's agenda can be put on its meeting."))
        else:
            _changed(request, meeting, lambda: service.add_item(meeting, case))
    elif what == "remove":
        try:
            item = int(request.POST.get("item", ""))
        except ValueError:
            item = 0
        _changed(request, meeting, lambda: service.remove_item(meeting, item))
    elif what == "attendance":
        chosen = request.POST.getlist("members")
        if len(chosen) > MAX_PRESENT:
            messages.error(request, _("Choose the members present from the list."))
        else:
            _changed(request, meeting, lambda: service.record_attendance(meeting, chosen))
    elif what == "held":
        _changed(request, meeting, lambda: service.mark_held(meeting))
    else:
        raise PermissionDenied(_("Unknown change."))
    return redirect("casework:meeting", key=key, number=number)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def meeting_close(request, key, number):
    """Closing is irreversible: a page asks to confirm; the POST with the confirmation closes."""
    meeting = _meeting(request, key, number, manage=True)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the confirmation to close the meeting."))
            return redirect("casework:meeting_close", key=key, number=number)
        try:
            service.close_meeting(meeting, request.user)
        except service.MeetingError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The meeting was closed; its minutes are final."))
        return redirect("casework:meeting", key=key, number=number)
    return render(request, "casework/meeting_close.html", {"meeting": meeting, "commission": meeting.commission})


@require_safe
@login_required
def minutes_pdf(request, key, number):
    """The minutes as a PDF made by a worker: the file once ready, its status page until then."""
    meeting = _meeting(request, key, number)
    lang = request.GET.get("lang") or current_language()
    lang = lang if lang in LANGUAGES else "kk"
    job = jobs.request_file(minutes.MINUTES.name, minutes.key(meeting, lang), meeting.pk, lang, user=request.user)
    return jobs.download(job)
