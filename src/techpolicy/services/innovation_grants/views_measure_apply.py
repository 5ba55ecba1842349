"""The applicant's pages for a support measure of law 003 other than a grant (articles 21-33): apply
for one measure and edit the application while it is a draft or answers remarks. Each measure has
its own form (`measure_fields`, made from its procedure's facts) on the service kit's pages; the case
follows `measure_cases.MEASURE`, one open application per organisation and measure."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from techpolicy.casework.kit.application import ApplicationPages
from techpolicy.casework.kit.forms import Bound, FormBundle
from techpolicy.casework.kit.presentation import Presentation, Section
from techpolicy.casework.models import Case
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act003_state_support.support_measures import BY_ID

from .forms import ApplicantForm
from .measure_cases import CHECKS, EDITABLE, MEASURE
from .measure_fields import MeasureForm
from .views_measures import RegimeForm


class MeasureForms(FormBundle):
    """The applicant, whether another law governs the support (article 20(3)-(5)), and the measure's
    own facts."""

    fact_forms = {"applicant": "applicant", "other_regime": "regime"}

    def __init__(self, measure_id: str):
        self.measure_id = measure_id
        self.sections = (("applicant", _("The applicant (article 1(3)-(4))"), ("applicant", "regime")),
                         ("measure", _("The facts of the measure"), ("measure",)))

    def forms(self, data, initial: dict) -> Bound:
        return {"applicant": ApplicantForm(data, prefix="applicant", initial=initial.get("applicant")),
                "regime": RegimeForm(data, prefix="regime", initial=initial.get("regime")),
                "measure": MeasureForm(self.measure_id, data, prefix="measure", initial=initial.get("measure"))}

    def facts(self, bound: Bound) -> dict:
        return {"measure": self.measure_id, "applicant": dict(bound["applicant"].cleaned_data),
                "other_regime": bound["regime"].cleaned_data["other_regime"] or None, **bound["measure"].facts()}

    def draft_facts(self, bound: Bound) -> dict:
        return {"measure": self.measure_id}  # the subject: one open application per measure

    def initial_from_facts(self, facts: dict) -> dict:
        return {"applicant": facts.get("applicant") or {}, "regime": {"other_regime": facts.get("other_regime") or ""},
                "measure": MeasureForm.initial_from(self.measure_id, facts)}


def _pages(measure_id: str) -> ApplicationPages:
    return ApplicationPages(
        forms=MeasureForms(measure_id), workflows=(MEASURE,), editable=EDITABLE,
        title=_("Application for a support measure"),
        duplicate=_("Your organisation already has an open application for this measure: %(number)s."),
        not_editable=_("The application can only be changed as a draft or while answering remarks."),
        choose=lambda facts: MEASURE,
    )


PAGES: dict[str, ApplicationPages] = {measure_id: _pages(measure_id) for measure_id in CHECKS}


def _bundle(case) -> FormBundle:
    pages = PAGES.get(str((case.facts or {}).get("measure", "")))
    return pages.forms if pages else MeasureForms(next(iter(PAGES)))


def _measure_name(code: str) -> str:
    measure = BY_ID.get(code)
    return measure.name[current_language()] if measure else code


APPLICATION = Presentation(
    workflows=(MEASURE.id,),
    bundle=_bundle,
    sections=(
        Section(_("The measure (article 20(2))"), "", keys=("measure",), fields={"measure": _("Support measure")},
                show={"measure": _measure_name}),
        Section(_("The applicant (article 1(3)-(4))"), "applicant", form="applicant"),
        Section(_("Another law governing the support (article 20(3)-(5))"), "", form="regime", keys=("other_regime",)),
        Section(_("The facts of the measure"), "", form="measure", skip=("measure", "applicant", "other_regime",
                                                                          "decision")),
    ),
)


@login_required
@require_http_methods(["GET", "POST"])
def apply(request, measure: str):
    pages = PAGES.get(measure)
    if pages is None:
        raise Http404
    return pages.apply(request)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, number: str):
    case = get_object_or_404(Case, number=number, workflow=MEASURE.id)
    pages = PAGES.get(str((case.facts or {}).get("measure", "")))
    if pages is None:
        raise Http404
    return pages.edit(request, number)
