"""Pages of the "Productivity 2020" programme: the overview of instruments, shares, caps and
terms; the reimbursement calculator; the application form; instrument 6. The case pages are the
casework's; the agreement and aftercare pages are in `aftercare`, the targets in `monitoring`."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.engine import DuplicateCase, WorkflowError, create_case, save_facts
from techpolicy.casework.models import Case
from techpolicy.casework.permissions import applicant_organisation
from techpolicy.casework.steps import current_language
from techpolicy.casework.workflow import get
from techpolicy.law.acts.act004_productivity2020 import common
from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS
from techpolicy.law.facts import InvalidFacts

from . import forms as f
from . import instruments, law
from .pages import EDITABLE

PROGRAMME_LAST_DAY = law.PROGRAMME_LAST_DAY


def _on(request) -> dt.date:
    """The date the parameters are shown for: ?on=YYYY-MM-DD, or the last day the programme was
    certainly in force."""
    try:
        return dt.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return PROGRAMME_LAST_DAY


def _instrument_rows(on: dt.date) -> list[dict]:
    rows = []
    for code, definition in INSTRUMENTS.items():
        names = list(definition.parameters)
        if code == "1":
            names = [n for n in law.parameter_names("p2020.leasing.") if not n.endswith("_wd")]
        rows.append({
            "code": code, "name": instruments.name(code), "operator": definition.operator,
            "availability": definition.availability, "citation": definition.citation.text(current_language()),
            "parameters": [law.parameter_row(name, on) for name in names],
            "workflows": [get(w) for w in instruments.WORKFLOWS.get(code, ())],
        })
    return rows


def index(request):
    on = _on(request)
    return render(request, "productivity/index.html", {
        "on": on, "instruments": _instrument_rows(on), "terms": law.terms_table(on),
        "restated_on": common.RESTATED_ON, "repeal_earliest": common.REPEAL_EARLIEST,
        "repeal": law.parameter_row(common.REPEAL_PARAMETER, on),
    })


def instrument_6(request):
    """Instrument 6: the Government approves its rules (5.3); they are not in the seed."""
    return render(request, "productivity/instrument_6.html", {
        "instrument": INSTRUMENTS["6"], "name": instruments.name("6"),
        "rules": law.parameter_row("p2020.i6.rules", _on(request)),
    })


# --- the calculator ---------------------------------------------------------------------------

def _calculator_forms(data=None):
    data = _with_added_rows(data)
    return {
        "basics": f.BasicsForm(data, prefix="b", codes=instruments.reimbursed(),
                               initial={"application_date": PROGRAMME_LAST_DAY}),
        "applicant": f.CalculatorApplicantForm(data, prefix="a"),
        "costs": f.CostFormSet(data, prefix="c"),
    }


def _valid(bound: dict) -> bool:
    return all([form.is_valid() for form in bound.values()])  # a list: every form shows its errors


def calculator(request):
    """The amount for an instrument and its costs, a line per cost with its exclusions and caps
    (section 5.3), computed by the law layer. Nothing is stored."""
    bound = _calculator_forms(request.POST if request.method == "POST" else None)
    result, errors = None, None
    if request.method == "POST" and "add_cost" not in request.POST and _valid(bound):
        basics = bound["basics"].cleaned_data
        facts = {
            "application_date": basics["application_date"].isoformat(), "instrument": basics["instrument"],
            "construction_installation_cost_kzt": f._money(basics.get("construction_installation_cost_kzt")),
            "applicant": f.calculator_applicant_facts(bound["applicant"].cleaned_data),
            "costs": f.cost_facts(f.filled(bound["costs"])),
        }
        try:
            result = law.calculation(facts).as_dict(current_language())
        except InvalidFacts as exc:
            errors = exc.errors
    template = "productivity/_calculation.html" if request.headers.get("HX-Request") else "productivity/calculator.html"
    return render(request, template, {"forms": bound, "result": result, "fact_errors": errors})


# --- the application --------------------------------------------------------------------------

def _application_forms(data=None, initial=None):
    initial = initial or {}
    data = _with_added_rows(data)
    applicable = [code for code, flows in instruments.WORKFLOWS.items() if flows]
    return {
        "basics": f.BasicsForm(data, prefix="b", codes=applicable, initial=initial.get("basics")),
        "channel": f.ChannelForm(data, prefix="ch", initial=initial.get("channel")),
        "applicant": f.ApplicantForm(data, prefix="a", initial=initial.get("applicant")),
        "leasing": f.LeasingForm(data, prefix="l", initial=initial.get("leasing"), use_required_attribute=False),
        "executors": f.ExecutorFormSet(data, prefix="e", initial=initial.get("executors")),
        "costs": f.ApplicationCostFormSet(data, prefix="c", initial=initial.get("costs")),
    }


def _with_added_rows(data):
    """"Add a cost" / "Add an executor" re-render the form with one more row; works without JavaScript."""
    if data is None or not ({"add_cost", "add_executor"} & set(data)):
        return data
    data = data.copy()
    prefix = "c" if "add_cost" in data else "e"
    try:
        data[f"{prefix}-TOTAL_FORMS"] = str(min(int(data.get(f"{prefix}-TOTAL_FORMS", 1)) + 1, 200))
    except ValueError:
        data[f"{prefix}-TOTAL_FORMS"] = "1"
    return data


def _application_valid(bound: dict) -> bool:
    """Every form valid; the leasing form only counts (and shows errors) for instrument 1."""
    needed = [k for k in bound if k != "leasing"]
    ok = all([bound[k].is_valid() for k in needed])
    instrument = bound["basics"].cleaned_data.get("instrument") if bound["basics"].is_valid() else None
    if instrument == "1":
        return bound["leasing"].is_valid() and ok
    bound["leasing"] = f.LeasingForm(prefix="l", initial=bound["leasing"].initial)
    return ok


def _application_facts(bound: dict) -> dict:
    basics = bound["basics"].cleaned_data
    instrument = basics["instrument"]
    facts = {
        "application_date": basics["application_date"].isoformat(), "instrument": instrument,
        "applicant": f.applicant_facts(bound["applicant"].cleaned_data),
        "executors": f.executor_facts(f.filled(bound["executors"])),
        "costs": f.cost_facts(f.filled(bound["costs"])) if instrument != "1" else [],
    }
    if instruments.WORKFLOWS[instrument] == instruments.DIRECT_AND_NCE:
        facts["channel"] = bound["channel"].cleaned_data["channel"]
    if basics.get("construction_installation_cost_kzt") is not None:
        facts["construction_installation_cost_kzt"] = f._money(basics["construction_installation_cost_kzt"])
    if instrument == "1":
        facts["leasing"] = f.leasing_facts(bound["leasing"].cleaned_data)
    return facts


def workflow_for(facts: dict):
    return get(instruments.workflow_for(facts))


def _checked_facts(bound: dict):
    """The facts of the bound forms and the errors the law layer finds in them (fields named)."""
    facts = _application_facts(bound)
    try:
        law.facts(facts)
    except InvalidFacts as exc:
        return facts, exc.errors
    return facts, None


@login_required
def apply(request):
    """A draft application with its facts; it is submitted from the case page."""
    organisation = applicant_organisation(request.user)
    initial = {"applicant": {"name": organisation.name, "bin": organisation.bin},
               "basics": {"application_date": law_context.today()}}
    bound = _application_forms(request.POST if request.method == "POST" else None, initial)
    errors = None
    if request.method == "POST" and not ({"add_cost", "add_executor"} & set(request.POST)) and \
            _application_valid(bound):
        facts, errors = _checked_facts(bound)
        if errors is None:
            try:
                case = create_case(workflow_for(facts), organisation, request.user, title=organisation.name,
                                   facts=facts)
            except DuplicateCase as duplicate:
                # The same application posted twice (a double click, or two tabs at once): the database
                # keeps one open case per identical application (`workflows.ONE_OPEN`); go to it.
                messages.info(request, _("This application is already open as %(number)s.")
                              % {"number": duplicate.existing.number})
                return redirect("casework:detail", number=duplicate.existing.number)
            messages.success(request, _("The draft is saved. Attach the documents and submit it."))
            return redirect("casework:detail", number=case.number)
    return render(request, "productivity/application_form.html", {"forms": bound, "case": None,
                                                                   "fact_errors": errors})


@login_required
def edit_application(request, number):
    case = get_object_or_404(Case, number=number, workflow__startswith="productivity.")
    if case.organisation_id != request.user.organisation_id:
        raise PermissionDenied(_("This case belongs to another organisation."))
    if case.state not in EDITABLE:
        messages.error(request, _("The application can only be changed as a draft or while correcting it."))
        return redirect("casework:detail", number=number)
    bound = _application_forms(request.POST if request.method == "POST" else None, f.initial_from_facts(case.facts))
    errors = None
    if request.method == "POST" and not ({"add_cost", "add_executor"} & set(request.POST)) and \
            _application_valid(bound):
        facts, errors = _checked_facts(bound)
        if errors is None and workflow_for(facts).id != case.workflow:
            errors = [{"field": "instrument", "message": _("The instrument and channel decide the procedure; "
                                                           "withdraw this application and file a new one to "
                                                           "change them.")}]
        if errors is None:
            try:
                version = int(request.POST.get("version", ""))
            except ValueError:
                version = -1  # a garbled form matches no version: refused like a stale one
            try:
                save_facts(case, facts, version, EDITABLE)
            except WorkflowError as refused:  # stale, or now the same as another open application
                messages.error(request, str(refused))
            else:
                messages.success(request, _("The application was saved."))
                return redirect("casework:detail", number=number)
    return render(request, "productivity/application_form.html", {
        "forms": bound, "case": case, "fact_errors": errors})
