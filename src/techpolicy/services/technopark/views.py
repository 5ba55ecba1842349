"""Technopark pages for applicants: the service overview, the eligibility pre-check, the
application form and follow-up applications (activity change, extension, services, termination).
The apply, edit and pre-check pages are the service kit's (`casework.kit`) with this service's
forms, workflow and messages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.casework import law_context
from techpolicy.casework.kit.application import ApplicationPages, create_application
from techpolicy.casework.kit.check_page import check_page
from techpolicy.casework.kit.forms import with_added_row
from techpolicy.casework.kit.terms import terms_table
from techpolicy.casework.models import Case
from techpolicy.casework.permissions import handles_workflow
from techpolicy.law.acts.act001_technopark.terms import EXTENSION_NOTICE

from . import checks, law, steps
from . import forms as f
from .followup_forms import ActivityChangeForm, ServicesForm, TerminationForm
from .pages import EDITABLE
from .workflows import ACTIVITY_CHANGE, ALL, EXTENSION, PARTICIPATION, SERVICES, TERMINATION


def index(request):
    # Paragraph 36 (how long before participation ends an extension is filed): no state carries it.
    return render(request, "technopark/index.html", {
        "terms": terms_table(ALL, law_context.today(), extra=(EXTENSION_NOTICE,))})


def precheck(request):
    """Paragraphs 7 and 9(3), answered one by one before anyone applies."""
    return check_page(request, f.CONDITIONS, checks.PRECHECK.evaluate, "technopark/precheck.html",
                      result_name="verdict")


# One open application per organisation (p.7-9, `PARTICIPATION.one_open_per`): the applicant is
# sent to it before the form is filled in; a request racing another is refused in create_case.
APPLICATION = ApplicationPages(
    forms=f.APPLICATION, workflows=(PARTICIPATION,), editable=EDITABLE,
    template="technopark/application_form.html",
    duplicate=gettext_lazy("Your organisation already has an open application: %(number)s."),
    not_editable=gettext_lazy("The application can only be changed as a draft or while answering remarks."),
)
apply = login_required(APPLICATION.apply)
edit_application = login_required(APPLICATION.edit)


FOLLOW_UPS = {
    "activity_change": ACTIVITY_CHANGE,
    "extension": EXTENSION,
    "services": SERVICES,
    "termination": TERMINATION,
}


@login_required
def start_follow_up(request, number, kind):
    """Open a follow-up case of a registered participant (9-1, 36, 48) or, for staff, 41."""
    parent = get_object_or_404(Case, number=number, workflow=PARTICIPATION.id, state="registered")
    workflow = FOLLOW_UPS.get(kind)
    if workflow is None:
        raise Http404
    # Staff of the termination workflow (the technopark secretariat), not any staff role (finding 5).
    if kind == "termination" and not handles_workflow(request.user, workflow):
        raise PermissionDenied(_("Early termination is brought to the commission by the technopark (p. 41)."))
    if kind != "termination" and parent.organisation_id != request.user.organisation_id:
        raise PermissionDenied(_("This case belongs to another organisation."))
    today = law_context.today()
    entry = steps.participant_entry_of(parent)
    form_class = {"activity_change": ActivityChangeForm, "services": ServicesForm,
                  "termination": TerminationForm}.get(kind)
    data = with_added_row(request.POST, f.APPLICATION.add_row) if request.method == "POST" else None
    form = form_class(data) if form_class else None
    projects = f.ProjectFormSet(data, prefix="p") if kind == "activity_change" else None
    context = {"parent": parent, "workflow": workflow, "form": form, "projects": projects, "kind": kind,
               "entry": entry}
    if kind == "extension" and entry is not None:
        context["last_day"] = law.extension_last_day(entry.valid_until)
    valid = request.method == "POST" and (form is None or form.is_valid()) and (
        projects is None or projects.is_valid())
    if valid and not f.APPLICATION.adds_row(request.POST):
        # One open case of the kind per participation (`one_open_per`).
        return create_application(
            request, workflow, parent.organisation, _follow_up_facts(kind, form, projects, entry, today),
            title=parent.organisation.name, parent=parent,
            duplicate=_("This participant already has an open application of this kind: %(number)s."),
            created=_("The application %(number)s was created; check it and submit it."))
    return render(request, "technopark/follow_up.html", context)


def _follow_up_facts(kind, form, projects, entry, today) -> dict:
    if kind == "activity_change":
        return {
            "received_on": today.isoformat(),
            "current_activity_types": list(entry.data.get("activity_types", [])) if entry else [],
            "new_activity_types": form.cleaned_data["new_activity_types"],
            "business_plan": f.business_plan_facts([p.cleaned_data for p in projects if p.cleaned_data]),
        }
    if kind == "services":
        return form.facts(today)
    if kind == "termination":
        return {"grounds": form.cleaned_data["grounds"], "explanation": form.cleaned_data["explanation"]}
    return {"participation_end": entry.valid_until.isoformat() if entry else None}
