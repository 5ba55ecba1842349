"""The public page "which support measures fit me" (law 003 article 20(2)): a short questionnaire of
the facts most measures read, every measure's procedure on them (`measures.fitting`), and for each
measure its provider, so a person knows whom to turn to (articles 12-17, 21-33). Nothing is stored."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from techpolicy.casework import law_context
from techpolicy.casework.kit.check_page import check_page
from techpolicy.casework.kit.forms import Bound, FormBundle
from techpolicy.law.acts.act003_state_support.measures import fitting
from techpolicy.law.acts.act003_state_support.values import MAX_AMOUNT

from .forms import ApplicantForm


class CircumstancesForm(forms.Form):
    """What most measures of articles 21-33 read: the project's purpose, the subject's own
    contribution, the lender and the loan's or bond's purpose, and whether another law governs it."""

    purpose = forms.ChoiceField(label=_("The project"), choices=[
        ("new_project", _("a new industrial-innovative project")),
        ("modernisation", _("modernisation of existing production")),
        ("expansion", _("expansion of existing production")), ("other", _("something else"))])
    own_contribution = forms.DecimalField(label=_("Own contribution to the project (property or money), tenge"),
                                          min_value=0, max_value=MAX_AMOUNT, max_digits=18, decimal_places=2,
                                          initial=0)
    lender = forms.ChoiceField(label=_("The loan comes from"), choices=[
        ("second_tier_bank", _("a second-tier bank")), ("other", _("another lender or no loan"))])
    instrument = forms.ChoiceField(label=_("Interest to be subsidised on"), choices=[
        ("loan", _("a loan")), ("bond", _("bonds"))])
    working_capital = forms.BooleanField(label=_("The loan or bonds replenish working capital"), required=False)
    other_regime = forms.ChoiceField(label=_("Another law may govern the support"), required=False, choices=[
        ("", _("no")), ("agro_industrial", _("the subject is in the agro-industrial complex")),
        ("special_economic_zone", _("the subject works in a special economic zone")),
        ("investment", _("the support is of investment activity"))])


class FitForms(FormBundle):
    def forms(self, data, initial: dict) -> Bound:
        return {"applicant": ApplicantForm(data, prefix="applicant", initial=initial.get("applicant")),
                "circumstances": CircumstancesForm(data, prefix="circumstances")}

    def facts(self, bound: Bound) -> dict:
        given = dict(bound["circumstances"].cleaned_data)
        given["own_contribution"] = f"{given['own_contribution']:.2f}"
        given["other_regime"] = given["other_regime"] or None
        return {"filed_on": law_context.today().isoformat(), "applicant": dict(bound["applicant"].cleaned_data),
                **given}


class Fits:
    def __init__(self, facts: dict):
        self.fits = fitting(facts)

    def as_dict(self, lang: str) -> dict:
        return {"measures": [fit.as_dict(lang) for fit in self.fits]}


FORMS = FitForms()


@require_http_methods(["GET", "POST"])
def measures_page(request):
    return check_page(request, FORMS, Fits, "innovation_grants/measures.html", result_name="fits")
