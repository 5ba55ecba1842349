"""Technopark pages for applicants: the service overview, the eligibility pre-check, the
application form and follow-up applications (activity change, extension, services, termination)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.engine import DuplicateCase, WorkflowError, create_case, open_case, save_facts
from techpolicy.casework.models import Case
from techpolicy.casework.permissions import applicant_organisation, handles_workflow
from techpolicy.law.facts import InvalidFacts

from . import forms as f
from . import law, steps
from .followup_forms import ActivityChangeForm, ServicesForm, TerminationForm
from .workflows import ACTIVITY_CHANGE, EXTENSION, PARTICIPATION, SERVICES, TERMINATION

EDITABLE_STATES = ("draft", "remarks")


def index(request):
    return render(request, "technopark/index.html", {"terms": law.terms_table(law_context.today())})


def _bound_forms(data=None, initial=None):
    initial = initial or {}
    return {
        "applicant": f.ApplicantForm(data, prefix="a", initial=initial.get("applicant")),
        "ownership": f.ShareholderFormSet(data, prefix="o", initial=initial.get("ownership")),
        "tax": f.TaxDebtForm(data, prefix="t", initial=initial.get("tax") or {"application_date": law_context.today()}),
    }


def _application_forms(data=None, initial=None):
    initial = initial or {}
    bound = _bound_forms(data, initial)
    projects = initial.get("projects") or [{}]
    data = _with_added_project(data)
    bound["documents"] = f.DocumentsForm(data, prefix="d", initial=initial.get("documents"))
    bound["projects"] = f.ProjectFormSet(data, prefix="p", initial=projects)
    return bound


def _with_added_project(data):
    """"Add a project" re-renders the form with one more project block; works without JavaScript."""
    if data is None or "add_project" not in data:
        return data
    data = data.copy()
    try:
        data["p-TOTAL_FORMS"] = str(min(int(data.get("p-TOTAL_FORMS", 1)) + 1, 50))
    except ValueError:
        data["p-TOTAL_FORMS"] = "1"
    return data


def _all_valid(bound: dict) -> bool:
    return all([form.is_valid() for form in bound.values()])  # list: validate every form, show all errors


def _ownership_rows(formset) -> list[dict]:
    return [form.cleaned_data for form in formset if form.cleaned_data and form.cleaned_data.get("holder")]


def _condition_facts(bound) -> dict:
    return {
        "application_date": bound["tax"].cleaned_data["application_date"].isoformat(),
        "applicant": f.applicant_facts(bound["applicant"].cleaned_data),
        "ownership": f.ownership_facts(_ownership_rows(bound["ownership"])),
    }


def _facts(bound) -> dict:
    facts = _condition_facts(bound)
    facts["documents"] = f.documents_facts(
        bound["tax"].cleaned_data, bound["documents"].cleaned_data,
        [p.cleaned_data for p in bound["projects"] if p.cleaned_data],
    )
    return facts


def precheck(request):
    """Paragraphs 7 and 9(3), answered one by one before anyone applies."""
    verdict, errors = None, None
    bound = _bound_forms(request.POST if request.method == "POST" else None)
    if request.method == "POST" and _all_valid(bound):
        try:
            verdict = law.precheck_conditions(
                _condition_facts(bound), bound["tax"].cleaned_data)
        except InvalidFacts as exc:
            errors = exc.errors
    lang = translation.get_language() or "kk"
    return render(request, "technopark/precheck.html", {
        "forms": bound, "verdict": verdict.as_dict(lang) if verdict else None, "fact_errors": errors,
    })


def _to_existing(request, existing: Case):
    """The answer to a second application while one is open: the open one, with a message."""
    messages.info(request, _("Your organisation already has an open application: %(number)s.")
                  % {"number": existing.number})
    return redirect("casework:detail", number=existing.number)


@login_required
def apply(request):
    organisation = applicant_organisation(request.user)
    # One open application per organisation (p.7-9, `PARTICIPATION.one_open_per`): sent to it before the
    # form is filled in; a request racing another is refused by the constraint in create_case.
    existing = open_case(PARTICIPATION, organisation)
    if existing is not None:
        return _to_existing(request, existing)
    initial = {"applicant": {"name": organisation.name, "bin": organisation.bin, "legal_form": "legal_entity",
                             "resident": True}}
    bound = _application_forms(request.POST if request.method == "POST" else None, initial)
    if request.method == "POST" and "add_project" not in request.POST and _all_valid(bound):
        try:
            case = create_case(PARTICIPATION, organisation, request.user, title=organisation.name,
                               facts=_facts(bound))
        except DuplicateCase as duplicate:  # a double click or a colleague at the same moment
            return _to_existing(request, duplicate.existing)
        messages.success(request, _("The draft is saved. Attach the documents and submit it."))
        return redirect("casework:detail", number=case.number)
    return render(request, "technopark/application_form.html", {"forms": bound, "case": None})


@login_required
def edit_application(request, number):
    case = get_object_or_404(Case, number=number, workflow=PARTICIPATION.id)
    if case.organisation_id != request.user.organisation_id:
        raise PermissionDenied(_("This case belongs to another organisation."))
    if case.state not in EDITABLE_STATES:
        messages.error(request, _("The application can only be changed as a draft or while answering remarks."))
        return redirect("casework:detail", number=number)
    bound = _application_forms(request.POST if request.method == "POST" else None, f.initial_from_facts(case.facts))
    if request.method == "POST" and "add_project" not in request.POST and _all_valid(bound):
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1  # a garbled form can match no version: refused below like a stale one
        # Saving bumps the version, so a colleague's form rendered before this save is refused.
        try:
            save_facts(case, _facts(bound), version, EDITABLE_STATES)
        except WorkflowError as refused:  # stale, or the same as another open application
            messages.error(request, str(refused))
            return render(request, "technopark/application_form.html", {"forms": bound, "case": case})
        messages.success(request, _("The application was saved."))
        return redirect("casework:detail", number=number)
    return render(request, "technopark/application_form.html", {"forms": bound, "case": case})


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
    data = _with_added_project(request.POST) if request.method == "POST" else None
    form = form_class(data) if form_class else None
    projects = f.ProjectFormSet(data, prefix="p") if kind == "activity_change" else None
    context = {"parent": parent, "workflow": workflow, "form": form, "projects": projects, "kind": kind,
               "entry": entry}
    if kind == "extension" and entry is not None:
        context["last_day"] = law.extension_last_day(entry.valid_until)
    valid = request.method == "POST" and (form is None or form.is_valid()) and (
        projects is None or projects.is_valid())
    if valid and "add_project" not in request.POST:
        facts = _follow_up_facts(kind, form, projects, entry, today)
        try:
            case = create_case(workflow, parent.organisation, request.user, title=parent.organisation.name,
                               facts=facts, parent=parent)
        except DuplicateCase as duplicate:  # one open case of the kind per participation (`one_open_per`)
            messages.info(request, _("This participant already has an open application of this kind: "
                                     "%(number)s.") % {"number": duplicate.existing.number})
            return redirect("casework:detail", number=duplicate.existing.number)
        messages.success(request, _("The application %(number)s was created; check it and submit it.")
                         % {"number": case.number})
        return redirect("casework:detail", number=case.number)
    return render(request, "technopark/follow_up.html", context)


def _follow_up_facts(kind, form, projects, entry, today) -> dict:
    if kind == "activity_change":
        return {
            "received_on": today.isoformat(),
            "current_activity_types": list(entry.activity_types) if entry else [],
            "new_activity_types": form.cleaned_data["new_activity_types"],
            "business_plan": {"projects": [
                {"activity_type": p.cleaned_data["activity_type"],
                 "items": {str(n): p.cleaned_data.get(f"item_{n}", "") for n in range(1, 16)
                           if p.cleaned_data.get(f"item_{n}")}}
                for p in projects if p.cleaned_data]},
        }
    if kind == "services":
        return form.facts(today)
    if kind == "termination":
        return {"grounds": form.cleaned_data["grounds"], "explanation": form.cleaned_data["explanation"]}
    return {"participation_end": entry.valid_until.isoformat() if entry else None}
