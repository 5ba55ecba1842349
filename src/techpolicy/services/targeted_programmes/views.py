"""The developer's pages and the service's index: the chapter's paragraphs and terms, the numbers
the source leaves open, and the programme's apply and edit pages (the service kit's, with this
service's forms, workflow and messages)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from techpolicy.casework import law_context
from techpolicy.casework.kit.application import ApplicationPages
from techpolicy.casework.kit.terms import parameter_row, terms_table

from .forms import PROGRAMME_FORMS
from .pages import EDITABLE
from .published import approved_programmes
from .workflows import ALL, PROGRAMME

# The numbers the source leaves open for this chapter, shown as "not set by the source document".
OPEN_PARAMETERS = ("tp.ttp.max_period_years", "tp.ttp.achievement_formula", "tp.ttp.review_term",
                   "tp.ttp.hstc_term", "tp.ttp.monitoring_period", "tp.ttp.report_due")


@require_safe
def index(request):
    today = law_context.today()
    return render(request, "targeted_programmes/index.html", {
        "terms": terms_table(ALL, today), "parameters": [parameter_row(name, today) for name in OPEN_PARAMETERS],
        "approved": approved_programmes()[:10]})


# One open draft per developer, sector and direction (p.41; `PROGRAMME.one_open_per`).
APPLICATION = ApplicationPages(
    forms=PROGRAMME_FORMS, workflows=(PROGRAMME,), editable=EDITABLE,
    template="targeted_programmes/application_form.html",
    title=gettext_lazy("Draft targeted technology programme"),
    duplicate=gettext_lazy("Your organisation already has an open draft programme for this sector and direction: "
                           "%(number)s."),
    not_editable=gettext_lazy("The programme document can only be changed as a draft or while answering remarks."),
    choose=lambda facts: PROGRAMME,
)
apply = login_required(require_http_methods(["GET", "POST"])(APPLICATION.apply))
edit = login_required(require_http_methods(["GET", "POST"])(APPLICATION.edit))
