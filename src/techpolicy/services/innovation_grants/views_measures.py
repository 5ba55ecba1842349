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

from .forms import ApplicantForm
from .measure_fields import field_for, own_facts


class RegimeForm(forms.Form):
    """Article 20(3)-(5): another law governs the support of the agro-industrial complex, of special
    economic zones and of investment activity."""

    other_regime = forms.ChoiceField(label=_("Another law may govern the support"), required=False, choices=[
        ("", _("no")), ("agro_industrial", _("the subject is in the agro-industrial complex")),
        ("special_economic_zone", _("the subject works in a special economic zone")),
        ("investment", _("the support is of investment activity"))])


def _asked(measure_id: str, name: str):
    return field_for(name, own_facts(measure_id)[name])


class CircumstancesForm(forms.Form):
    """What most measures of articles 21-33 read: the project's purpose, the subject's own
    contribution, the lender, the bonds' issuer and the loan's or bond's purpose. The fields are the
    measures' own (`measure_fields`), so the questionnaire asks what the procedures read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("purpose", "own_contribution", "instrument", "issuer", "working_capital"):
            self.fields[name] = _asked("interest_subsidy", name)
        self.fields["lender"] = _asked("guarantee", "lender")
        self.fields["own_contribution"].initial = 0


class FitForms(FormBundle):
    def forms(self, data, initial: dict) -> Bound:
        return {"applicant": ApplicantForm(data, prefix="applicant", initial=initial.get("applicant")),
                "circumstances": CircumstancesForm(data, prefix="circumstances"),
                "regime": RegimeForm(data, prefix="regime")}

    def facts(self, bound: Bound) -> dict:
        given = dict(bound["circumstances"].cleaned_data)
        given["own_contribution"] = f"{given['own_contribution']:.2f}"
        given["issuer"] = given["issuer"] or None
        return {"filed_on": law_context.today().isoformat(), "applicant": dict(bound["applicant"].cleaned_data),
                "other_regime": bound["regime"].cleaned_data["other_regime"] or None, **given}


class Fits:
    def __init__(self, facts: dict):
        self.fits = fitting(facts)

    def as_dict(self, lang: str) -> dict:
        return {"measures": [fit.as_dict(lang) for fit in self.fits]}


FORMS = FitForms()


@require_http_methods(["GET", "POST"])
def measures_page(request):
    return check_page(request, FORMS, Fits, "innovation_grants/measures.html", result_name="fits")
