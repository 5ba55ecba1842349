"""Pages of the "Productivity 2020" programme: the overview of instruments, shares, caps and
terms; the reimbursement calculator; the application form; instrument 6. The case pages are the
casework's; the agreement and aftercare pages are in `aftercare`, the targets in `monitoring`."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from techpolicy.casework.kit.application import ApplicationPages
from techpolicy.casework.kit.check_page import check_page
from techpolicy.casework.kit.terms import terms_table
from techpolicy.casework.steps import current_language
from techpolicy.casework.workflow import get
from techpolicy.law.acts.act004_productivity2020 import common
from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS

from . import forms as f
from . import instruments, law
from .pages import EDITABLE
from .workflows import ALL, CLUSTER_IMPLEMENTATION, CLUSTER_STRATEGY, DIRECT, LEASING, NCE

PROGRAMME_LAST_DAY = law.PROGRAMME_LAST_DAY
# The terms of section 5.4 in the order of its mechanisms: instrument 1, then 2-5, then 7 and 8.
TERMS_ORDER = (LEASING, DIRECT, NCE, CLUSTER_STRATEGY, CLUSTER_IMPLEMENTATION)


def _on(request) -> dt.date:
    """The date the parameters are shown for: ?on=YYYY-MM-DD, or the last day the programme was
    certainly in force."""
    try:
        return dt.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return PROGRAMME_LAST_DAY


def _operator(operator) -> str:
    """An operator's own name as it is; one the programme only describes, in the page's language."""
    if isinstance(operator, str):
        return operator
    return operator.get(current_language()) or operator["en"]


def _instrument_rows(on: dt.date) -> list[dict]:
    rows = []
    for code, definition in INSTRUMENTS.items():
        names = list(definition.parameters)
        if code == "1":
            names = [n for n in law.parameter_names("p2020.leasing.") if not n.endswith("_wd")]
        rows.append({
            "code": code, "name": instruments.name(code), "operator": _operator(definition.operator),
            "availability": definition.availability, "citation": definition.citation.text(current_language()),
            "parameters": [law.parameter_row(name, on) for name in names],
            "workflows": [get(w) for w in instruments.WORKFLOWS.get(code, ())],
        })
    return rows


def index(request):
    on = _on(request)
    return render(request, "productivity/index.html", {
        "on": on, "instruments": _instrument_rows(on), "terms": terms_table(TERMS_ORDER, on),
        "restated_on": common.RESTATED_ON, "repeal_earliest": common.REPEAL_EARLIEST,
        "repeal": law.parameter_row(common.REPEAL_PARAMETER, on),
    })


def instrument_6(request):
    """Instrument 6: the Government approves its rules (5.3); they are not in the seed."""
    return render(request, "productivity/instrument_6.html", {
        "instrument": INSTRUMENTS["6"], "name": instruments.name("6"),
        "rules": law.parameter_row("p2020.i6.rules", _on(request)),
    })


# --- the calculator and the application (the service kit's pages) --------------------------------

def calculator(request):
    """The amount for an instrument and its costs, a line per cost with its exclusions and caps
    (section 5.3), computed by the law layer. Nothing is stored."""
    return check_page(request, f.CALCULATOR, law.calculation, "productivity/calculator.html",
                      partial="productivity/_calculator.html")


def workflow_for(facts: dict):
    return get(instruments.workflow_for(facts))


# The programme lets an applicant hold several instruments at once (004, introduction), so the
# database keeps one open case per identical application (`workflows.ONE_OPEN`): the same
# application posted twice (a double click, two tabs) is sent to the first.
APPLICATION = ApplicationPages(
    forms=f.APPLICATION, workflows=ALL, editable=EDITABLE, template="productivity/application_form.html",
    choose=workflow_for,
    duplicate=gettext_lazy("This application is already open as %(number)s."),
    not_editable=gettext_lazy("The application can only be changed as a draft or while correcting it."),
    other_workflow=gettext_lazy("The instrument and channel decide the procedure; withdraw this application "
                                "and file a new one to change them."),
    workflow_field="instrument",
)
apply = login_required(APPLICATION.apply)
edit_application = login_required(APPLICATION.edit)
