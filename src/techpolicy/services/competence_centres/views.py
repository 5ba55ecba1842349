"""The applicant's pages: the service's index (p.15 tasks, p.16 functions, the terms), the public
pre-check, and the initiative's apply and edit pages. Apply, edit and the pre-check are the service
kit's (`casework.kit`) with this service's forms, workflow and messages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from techpolicy.casework import law_context
from techpolicy.casework.kit.application import ApplicationPages
from techpolicy.casework.kit.check_page import check_page
from techpolicy.casework.kit.terms import parameter_row, terms_table
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act000_methodology.designation_lists import CC_FUNCTIONS, CC_TASKS

from . import checks
from .forms import INITIATIVE, PRECHECK
from .pages import EDITABLE
from .workflows import ALL, DESIGNATION

# The numbers the source leaves open for this chapter, shown as "not set by the source document".
OPEN_PARAMETERS = ("tp.cc.min_experience_years", "tp.cc.experience_reference_date_rule", "tp.cc.min_staff_per_area",
                   "tp.cc.min_own_funds_kzt", "tp.cc.designation_term", "tp.cc.recheck_period",
                   "tp.cc.max_per_direction", "tp.order198_published_on")


def _open_parameter(name: str, on: dt.date, lang: str) -> dict:
    """A parameter's row, cited by its paragraph: the notes of the parameter files (which wording
    of the Order) are in English and the description already says it in the reader's language."""
    row = parameter_row(name, on)
    definition = law_context.parameters().definition(name)
    cited = definition.values[-1].citation if definition.values else None
    if cited is not None:
        row["citation"] = replace(cited, note=None).text(lang)
    return row


def _listed(items, lang: str) -> list[dict]:
    return [item.as_dict(lang) for item in items]


@require_safe
def index(request):
    """Paragraphs 15 and 16 with their citations, the procedure, the terms and the open parameters."""
    lang, today = current_language(), law_context.today()
    return render(request, "competence_centres/index.html", {
        "tasks": _listed(CC_TASKS, lang), "functions": _listed(CC_FUNCTIONS, lang),
        "terms": terms_table(ALL, today),
        "parameters": [_open_parameter(name, today, lang) for name in OPEN_PARAMETERS],
    })


def _precheck(facts: dict):
    return checks.CHECK.evaluate(checks.law_facts(facts, dt.date.fromisoformat(facts["checked_on"])))


@require_http_methods(["GET", "POST"])
def precheck(request):
    """Paragraphs 17 and 18 answered one by one on a date, before anyone applies; nothing is stored."""
    return check_page(request, PRECHECK, _precheck, "competence_centres/precheck.html", result_name="verdict")


# One open initiative per organisation and (sector, direction) (`DESIGNATION.one_open_per`): a
# second one on the same pair is sent to the open case.
APPLICATION = ApplicationPages(
    forms=INITIATIVE, workflows=(DESIGNATION,), editable=EDITABLE,
    template="competence_centres/application_form.html",
    title=gettext_lazy("Initiative to designate a sectoral technology competence centre"),
    duplicate=gettext_lazy("Your organisation already has an open initiative for this sector and direction: "
                           "%(number)s."),
    not_editable=gettext_lazy("The initiative can only be changed as a draft or while answering remarks."),
    choose=lambda facts: DESIGNATION,
)
apply = login_required(require_http_methods(["GET", "POST"])(APPLICATION.apply))
edit = login_required(require_http_methods(["GET", "POST"])(APPLICATION.edit))
