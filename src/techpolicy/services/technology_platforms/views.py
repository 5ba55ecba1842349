"""The service's overview and the proposal pages: the proposal of a state body or local executive
body (p.27) is the service kit's apply / edit page with this service's forms and workflow."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from techpolicy.casework import law_context
from techpolicy.casework.kit.application import ApplicationPages
from techpolicy.casework.kit.terms import parameter_row, terms_table
from techpolicy.casework.permissions import applicant_organisation
from techpolicy.casework.registers.search import matching_entries, query_text
from techpolicy.law.acts.act000_methodology.designation_lists import PLATFORM_ACTIVITIES, PLATFORM_PARTICIPANT_ROLES
from techpolicy.services.competence_centres import published as centres

from . import steps
from .forms import ProposalForms
from .models import Platform
from .pages import EDITABLE
from .workflows import ALL, ORGANISATION

PAGE_SIZE = 25
ROAD_MAP_PARAMETERS = ("tp.platform.roadmap_horizon_years", "tp.platform.roadmap_review_period")
CRITERIA_PARAMETERS = ("tp.platform.coordinator_min_experience_years", "tp.platform.min_memoranda")


# The units of this service's parameters, as people read them.
UNITS = {"years": gettext_lazy("years"), "memoranda": gettext_lazy("memoranda"),
         "working days": gettext_lazy("working days"), "term": ""}


def parameters(names) -> list[dict]:
    """The parameters as the pages show them: the value with its unit, or that the source sets none."""
    today = law_context.today()
    return [row | {"unit": UNITS.get(row["unit"], row["unit"])} for row in (parameter_row(n, today) for n in names)]


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Chapter 4 in short: who takes part (p.23), what a platform does (p.24), the terms and the
    numbers the source leaves open, and the organised platforms with a search."""
    q = query_text(request.GET.get("q", ""))
    platforms = Platform.objects.order_by("name", "pk")
    if q:  # words beginning words of the entry's text (name, coordinator, proposer, decision), as every register
        platforms = platforms.filter(entry__in=matching_entries(q))
    page = Paginator(platforms, PAGE_SIZE).get_page(request.GET.get("page"))
    lang = steps.current_language()
    sectors, directions = centres.sector_names(lang), centres.direction_names(lang)
    rows = [{"platform": p, "sector": sectors.get(p.sector, p.sector),
             "direction": directions.get(p.direction, p.direction)} for p in page]
    return render(request, "technology_platforms/index.html", {
        "roles": [item.as_dict(lang) for item in PLATFORM_PARTICIPANT_ROLES],
        "activities": [item.as_dict(lang) for item in PLATFORM_ACTIVITIES],
        "terms": terms_table(ALL, law_context.today()),
        "open_parameters": parameters(CRITERIA_PARAMETERS + ROAD_MAP_PARAMETERS),
        "page": page, "rows": rows, "q": q, "query": urlencode({"q": q}) + "&" if q else "",
    })


def pages_for(organisation) -> ApplicationPages:
    """The apply and edit pages of one proposing organisation (its supervised directions)."""
    return ApplicationPages(
        forms=ProposalForms(organisation), workflows=(ORGANISATION,), editable=EDITABLE,
        template="technology_platforms/proposal_form.html",
        title=gettext_lazy("Proposal to organise a technology platform"),
        duplicate=gettext_lazy("Your organisation already has an open proposal of this platform: %(number)s."),
        not_editable=gettext_lazy("The proposal can only be changed as a draft or while answering remarks."),
    )


def _proposer(request: HttpRequest):
    """p.27: only a user of a state body or a local executive body proposes."""
    organisation = applicant_organisation(request.user)
    if not centres.is_state_body(organisation):
        raise PermissionDenied(steps.not_a_state_body())
    return organisation


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    return pages_for(_proposer(request)).apply(request)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, number: str) -> HttpResponse:
    return pages_for(_proposer(request)).edit(request, number)
